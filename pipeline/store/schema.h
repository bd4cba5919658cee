// Internal: the store's schema as an ordered list of migrations.
// PRAGMA user_version holds the number of the last migration applied.
#pragma once

#include "core/status.h"
#include "store/sqlite_db.h"

namespace sohoa::store::internal {

// The schema version this build writes.
int LatestSchemaVersion();

// Applies every migration newer than the database's user_version, each in its
// own transaction together with the version bump. A database from a newer
// build (user_version > LatestSchemaVersion()) is FailedPrecondition.
Status Migrate(Database& db);

}  // namespace sohoa::store::internal
