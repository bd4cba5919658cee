#include <sqlite3.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/sqlite_db.h"

namespace sohoa::store::internal {
namespace {

using ::testing::HasSubstr;

TEST(SqliteErrorTest, CodesBecomeCanonicalStatuses) {
  EXPECT_EQ(SqliteError(SQLITE_BUSY, "filing", nullptr).code(), StatusCode::kUnavailable);
  EXPECT_EQ(SqliteError(SQLITE_LOCKED, "filing", nullptr).code(), StatusCode::kUnavailable);
  EXPECT_EQ(SqliteError(SQLITE_FULL, "filing", nullptr).code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(SqliteError(SQLITE_READONLY, "filing", nullptr).code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(SqliteError(SQLITE_MISUSE, "filing", nullptr).code(), StatusCode::kInternal);
  const Status corrupt = SqliteError(SQLITE_CORRUPT, "reading document #3", nullptr);
  EXPECT_EQ(corrupt.code(), StatusCode::kDataLoss);
  EXPECT_THAT(corrupt.message(), HasSubstr("reading document #3: store database is damaged"));
  // Extended codes keep their primary meaning.
  EXPECT_EQ(SqliteError(SQLITE_BUSY_SNAPSHOT, "x", nullptr).code(), StatusCode::kUnavailable);
  EXPECT_EQ(SqliteError(SQLITE_IOERR_FSYNC, "x", nullptr).code(), StatusCode::kUnavailable);
}

}  // namespace
}  // namespace sohoa::store::internal
