#include "store/schema.h"

#include <string>
#include <vector>

namespace sohoa::store::internal {
namespace {

struct Migration {
  int version;
  const char* what;
  const char* sql;
};

// Append only: a released migration is never edited, a new one gets the next number.
const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kMigrations = {
      {1, "creating the dossier store tables", R"sql(
CREATE TABLE dossiers (
  id          INTEGER PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,
  title       TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE documents (
  id                 INTEGER PRIMARY KEY,
  dossier_id         INTEGER NOT NULL REFERENCES dossiers(id),
  source_path        TEXT NOT NULL,
  source_sha256      TEXT NOT NULL UNIQUE,
  source_object      TEXT,
  number_printed     TEXT,
  number_ordinal     INTEGER,
  number_year        INTEGER,
  type_abbreviation  TEXT,
  issuer_code        TEXT,
  issue_date         TEXT,
  place              TEXT,
  issuer             TEXT,
  issuer_parent      TEXT,
  doc_type           TEXT,
  subject            TEXT,
  signer_authority   TEXT,
  signer_position    TEXT,
  signer_name        TEXT,
  fields_json        TEXT NOT NULL DEFAULT '{}',
  folded_issuer      TEXT NOT NULL DEFAULT '',
  folded_type        TEXT NOT NULL DEFAULT '',
  search_fields      TEXT NOT NULL DEFAULT '',
  same_identity_as   INTEGER REFERENCES documents(id),
  filed_at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX documents_by_dossier ON documents(dossier_id);
CREATE INDEX documents_by_number ON documents(number_printed);
CREATE INDEX documents_by_date ON documents(issue_date);

CREATE TABLE pages (
  id               INTEGER PRIMARY KEY,
  document_id      INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  page_index       INTEGER NOT NULL,
  original_object  TEXT,
  upright_object   TEXT,
  cleaned_object   TEXT,
  width            INTEGER NOT NULL DEFAULT 0,
  height           INTEGER NOT NULL DEFAULT 0,
  dpi              REAL NOT NULL DEFAULT 0,
  words_width      INTEGER NOT NULL DEFAULT 0,
  words_height     INTEGER NOT NULL DEFAULT 0,
  mean_confidence  REAL NOT NULL DEFAULT 0,
  quality_json     TEXT NOT NULL DEFAULT '{}',
  raw_text         TEXT NOT NULL DEFAULT '',
  text             TEXT NOT NULL DEFAULT '',
  search_text      TEXT NOT NULL DEFAULT '',
  UNIQUE (document_id, page_index)
);

CREATE TABLE words (
  id          INTEGER PRIMARY KEY,
  page_id     INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  line_no     INTEGER NOT NULL,
  block       INTEGER NOT NULL DEFAULT 0,
  text        TEXT NOT NULL,
  x           INTEGER NOT NULL,
  y           INTEGER NOT NULL,
  w           INTEGER NOT NULL,
  h           INTEGER NOT NULL,
  confidence  REAL NOT NULL DEFAULT 0
);
CREATE INDEX words_by_page ON words(page_id);

CREATE TABLE document_references (
  id                  INTEGER PRIMARY KEY,
  document_id         INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  cited_type          TEXT NOT NULL DEFAULT '',
  cited_number        TEXT NOT NULL,
  cited_date          TEXT,
  target_document_id  INTEGER REFERENCES documents(id) ON DELETE SET NULL
);
CREATE INDEX references_by_document ON document_references(document_id);
CREATE INDEX references_by_number ON document_references(cited_number);

CREATE VIRTUAL TABLE document_search USING fts5(
  fields, body, tokenize = 'unicode61 remove_diacritics 2'
);
)sql"},
      {2, "keeping what text correction changed on each page", R"sql(
ALTER TABLE pages ADD COLUMN corrections TEXT NOT NULL DEFAULT '';
)sql"},
  };
  return kMigrations;
}

}  // namespace

int LatestSchemaVersion() { return Migrations().back().version; }

Status Migrate(Database& db) {
  SOHOA_ASSIGN_OR_RETURN(int64_t current,
                         db.QueryInt("PRAGMA user_version", "reading schema version"));
  if (current > LatestSchemaVersion()) {
    return Status::FailedPrecondition("store was made by a newer sohoa (schema version " +
                                      std::to_string(current) + ", this build knows up to " +
                                      std::to_string(LatestSchemaVersion()) + "); upgrade sohoa");
  }
  for (const Migration& m : Migrations()) {
    if (m.version <= current) continue;
    const std::string what = "migration " + std::to_string(m.version) + " (" + m.what + ")";
    Transaction tx(db);
    SOHOA_RETURN_IF_ERROR(tx.Begin(what));
    // Another process may have migrated while we waited for the write lock.
    SOHOA_ASSIGN_OR_RETURN(int64_t now, db.QueryInt("PRAGMA user_version", what));
    if (now >= m.version) continue;
    SOHOA_RETURN_IF_ERROR(db.Exec(m.sql, what));
    SOHOA_RETURN_IF_ERROR(db.Exec("PRAGMA user_version = " + std::to_string(m.version), what));
    SOHOA_RETURN_IF_ERROR(tx.Commit(what));
  }
  return Status::Ok();
}

}  // namespace sohoa::store::internal
