// store: the digitised dossier store. The only stage that writes.
//
// Embedded default: SQLite (WAL) in <dir>/sohoa.db; page images and original
// files on disk under <dir>/objects/, content-addressed by SHA-256. A
// document is filed in one transaction: either all of it is there or none.
// Thread-safety: a DossierStore may be shared by threads; writes are serialised.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/page.h"
#include "core/status.h"

namespace sohoa::store {

struct Options {
  std::string dir = "sohoa-store";  // created if missing
  int busy_timeout_ms = 10000;
  // Dossier that documents with an empty dossier_code are filed under.
  std::string default_dossier = "default";
  // Length of SearchHit::snippet in tokens around the match (FTS5 allows 1..64).
  int snippet_tokens = 16;
  // Test hook for crash and failure tests; empty in production. Called at
  // each step of File() ("objects", "document", "pages", "references",
  // "commit"); a non-OK status aborts filing there.
  std::function<Status(const std::string& step)> fault_hook;
};

struct PageRecord {
  int index = 0;                  // 0-based in the document
  std::string original_png;       // the page as scanned (encoded), for the record
  std::string upright_jpeg;       // upright colour page, for the searchable PDF
  std::string cleaned_png;        // what OCR read
  int width = 0, height = 0;      // of the cleaned page (word boxes refer to it)
  double dpi = 0;                 // of the cleaned page
  PageQuality quality;
  PageText words;                 // corrected words with boxes
  std::string raw_text;           // OCR as recognised
  std::string text;               // corrected, NFC, display style
  std::string search_text;        // folded search key of `text`
  // What text correction changed from raw_text to text, one line per change:
  // "word index<TAB>from<TAB>to<TAB>reason".
  std::string corrections;
};

struct DocumentRecord {
  std::string dossier_code;       // empty = the default dossier
  std::string source_path;
  std::string source_sha256;      // of the whole file: the duplicate check
  std::string source_bytes;       // the original file, kept as it came
  DocumentFields fields;
  std::string search_fields;      // folded key of number/issuer/type/subject
  std::string folded_issuer;      // folded issuer, for the issuer filter
  std::string folded_type;        // folded document type, for the type filter
  std::vector<PageRecord> pages;
};

struct FiledDocument {
  int64_t id = 0;
  bool already_filed = false;               // the same file was filed before: nothing written
  std::optional<int64_t> same_identity_as;  // same (number, issuer, date) as this document
};

struct SearchQuery {
  std::string folded_text;     // FTS query over the folded text; empty = any
  std::string folded_issuer;   // substring of the folded issuer
  std::string folded_type;     // substring of the folded doc type
  std::string from_date, to_date;  // ISO, inclusive; empty = open
  int limit = 20;
};

struct SearchHit {
  int64_t id = 0;
  std::string number, date, issuer, doc_type, subject, snippet;
  double score = 0;
};

// A cited document and, when its number is in the store, the document it names.
struct StoredReference {
  CitedDocument cited;
  std::optional<int64_t> target_id;
};

struct StoredDocument {
  int64_t id = 0;
  std::string dossier_code, source_path, source_sha256, filed_at;
  DocumentFields fields;
  std::vector<PageRecord> pages;  // images loaded from objects/
  std::optional<int64_t> same_identity_as;  // filed earlier with the same identity
  std::vector<StoredReference> references;  // fields.references, resolved
  std::string search_fields, folded_issuer, folded_type;
};

class DossierStore {
 public:
  virtual ~DossierStore() = default;

  // Looks up a file by its SHA-256 before any work is spent on it.
  virtual Result<std::optional<int64_t>> FindBySourceHash(const std::string& sha256) = 0;
  // Files a document atomically. The same file twice -> already_filed, nothing written.
  virtual Result<FiledDocument> File(const DocumentRecord& record) = 0;
  virtual Result<std::vector<SearchHit>> Search(const SearchQuery& query) = 0;
  virtual Result<StoredDocument> Get(int64_t id) = 0;
  virtual Result<int> SchemaVersion() = 0;
};

// Opens (creating and migrating) the SQLite store under options.dir.
Result<std::unique_ptr<DossierStore>> OpenSqliteStore(const Options& options);

}  // namespace sohoa::store
