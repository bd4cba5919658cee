// The SQLite-backed DossierStore: one connection behind a mutex, documents
// filed in one IMMEDIATE transaction after their objects are durable on disk.
#include <algorithm>
#include <filesystem>
#include <mutex>
#include <string>
#include <utility>

#include "core/sha256.h"
#include "store/fts_query.h"
#include "store/objects.h"
#include "store/record_json.h"
#include "store/schema.h"
#include "store/sqlite_db.h"
#include "store/store.h"

namespace sohoa::store {
namespace {

namespace fs = std::filesystem;
using internal::Database;
using internal::ObjectStore;
using internal::Statement;
using internal::Transaction;

std::optional<std::string> NonEmpty(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

std::optional<std::string> DateIso(const std::optional<IssueDate>& d) {
  return d ? std::optional<std::string>(d->Iso()) : std::nullopt;
}

// "2020", "2020-04" or "2020-04-29"; empty means open.
bool IsIsoDatePrefix(const std::string& s) {
  if (s.empty()) return true;
  static const std::string kShape = "dddd-dd-dd";
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const bool digit = s[i] >= '0' && s[i] <= '9';
    if (kShape[i] == 'd' ? !digit : s[i] != '-') return false;
  }
  return true;
}

class SqliteStore final : public DossierStore {
 public:
  SqliteStore(Options options, std::unique_ptr<Database> db, fs::path objects_dir)
      : options_(std::move(options)), db_(std::move(db)), objects_(std::move(objects_dir)) {}

  Result<std::optional<int64_t>> FindBySourceHash(const std::string& sha256) override {
    std::lock_guard<std::mutex> lock(mu_);
    return FindHashLocked(sha256);
  }

  Result<FiledDocument> File(const DocumentRecord& record) override {
    std::lock_guard<std::mutex> lock(mu_);
    auto filed = FileLocked(record);
    if (!filed.ok()) return filed.status().WithContext("filing " + record.source_path);
    return filed;
  }

  Result<std::vector<SearchHit>> Search(const SearchQuery& query) override {
    std::lock_guard<std::mutex> lock(mu_);
    return SearchLocked(query);
  }

  Result<StoredDocument> Get(int64_t id) override {
    std::lock_guard<std::mutex> lock(mu_);
    return GetLocked(id);
  }

  Result<int> SchemaVersion() override {
    std::lock_guard<std::mutex> lock(mu_);
    SOHOA_ASSIGN_OR_RETURN(int64_t v,
                           db_->QueryInt("PRAGMA user_version", "reading schema version"));
    return static_cast<int>(v);
  }

 private:
  Status Fault(const std::string& step) const {
    return options_.fault_hook ? options_.fault_hook(step) : Status::Ok();
  }

  Result<std::optional<int64_t>> FindHashLocked(const std::string& sha256) {
    SOHOA_ASSIGN_OR_RETURN(Statement st,
                           db_->Prepare("SELECT id FROM documents WHERE source_sha256 = ?1",
                                        "looking up the file checksum"));
    st.Bind(1, sha256);
    SOHOA_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return std::optional<int64_t>();
    return std::optional<int64_t>(st.Int(0));
  }

  Result<int64_t> DossierId(const std::string& code) {
    SOHOA_ASSIGN_OR_RETURN(
        Statement ins,
        db_->Prepare("INSERT INTO dossiers(code) VALUES (?1) ON CONFLICT(code) DO NOTHING",
                     "creating dossier " + code));
    ins.Bind(1, code);
    SOHOA_RETURN_IF_ERROR(ins.Run());
    SOHOA_ASSIGN_OR_RETURN(Statement sel, db_->Prepare("SELECT id FROM dossiers WHERE code = ?1",
                                                       "finding dossier " + code));
    sel.Bind(1, code);
    SOHOA_ASSIGN_OR_RETURN(bool row, sel.Step());
    if (!row) return Status::Internal("dossier " + code + " vanished while filing");
    return sel.Int(0);
  }

  // The earliest document with the same printed number, issuer and date. A
  // number whose ordinal was not read (handwritten) identifies nothing.
  Result<std::optional<int64_t>> SameIdentity(const DocumentRecord& r) {
    if (!r.fields.number || r.fields.number->printed.empty() || !r.fields.number->ordinal)
      return std::optional<int64_t>();
    SOHOA_ASSIGN_OR_RETURN(Statement st,
                           db_->Prepare(R"sql(
        SELECT id FROM documents
        WHERE number_printed = ?1 AND issue_date IS ?2
          AND ((?3 <> '' AND folded_issuer = ?3) OR (?3 = '' AND issuer IS ?4))
        ORDER BY id LIMIT 1)sql",
                                        "checking for a document with the same identity"));
    st.Bind(1, r.fields.number->printed)
        .Bind(2, DateIso(r.fields.date))
        .Bind(3, r.folded_issuer)
        .Bind(4, r.fields.issuer);
    SOHOA_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return std::optional<int64_t>();
    return std::optional<int64_t>(st.Int(0));
  }

  Result<std::optional<std::string>> PutObject(const std::string& bytes) {
    if (bytes.empty()) return std::optional<std::string>();
    SOHOA_ASSIGN_OR_RETURN(std::string hash, objects_.Put(bytes));
    return std::optional<std::string>(std::move(hash));
  }

  Result<FiledDocument> FileLocked(const DocumentRecord& r) {
    std::string sha = r.source_sha256;
    if (sha.empty()) {
      if (r.source_bytes.empty()) {
        return Status::InvalidArgument("document has neither a source checksum nor source bytes");
      }
      sha = Sha256Hex(r.source_bytes);
    }
    Transaction tx(*db_);
    SOHOA_RETURN_IF_ERROR(tx.Begin("starting the filing transaction"));
    SOHOA_ASSIGN_OR_RETURN(std::optional<int64_t> existing, FindHashLocked(sha));
    if (existing) return FiledDocument{*existing, true, std::nullopt};

    // Objects first, durable before the rows that name them are committed.
    SOHOA_RETURN_IF_ERROR(Fault("objects"));
    SOHOA_ASSIGN_OR_RETURN(std::optional<std::string> source_object, PutObject(r.source_bytes));
    struct PageObjects {
      std::optional<std::string> original, upright, cleaned;
    };
    std::vector<PageObjects> page_objects;
    for (const PageRecord& p : r.pages) {
      PageObjects o;
      SOHOA_ASSIGN_OR_RETURN(o.original, PutObject(p.original_png));
      SOHOA_ASSIGN_OR_RETURN(o.upright, PutObject(p.upright_jpeg));
      SOHOA_ASSIGN_OR_RETURN(o.cleaned, PutObject(p.cleaned_png));
      page_objects.push_back(std::move(o));
    }

    SOHOA_RETURN_IF_ERROR(Fault("document"));
    const std::string dossier = r.dossier_code.empty() ? options_.default_dossier : r.dossier_code;
    SOHOA_ASSIGN_OR_RETURN(int64_t dossier_id, DossierId(dossier));
    SOHOA_ASSIGN_OR_RETURN(std::optional<int64_t> same, SameIdentity(r));
    const DocumentFields& f = r.fields;
    SOHOA_ASSIGN_OR_RETURN(Statement doc, db_->Prepare(R"sql(
        INSERT INTO documents(dossier_id, source_path, source_sha256, source_object,
          number_printed, number_ordinal, number_year, type_abbreviation, issuer_code,
          issue_date, place, issuer, issuer_parent, doc_type, subject,
          signer_authority, signer_position, signer_name, fields_json,
          folded_issuer, folded_type, search_fields, same_identity_as)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,
                ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23))sql",
                                                       "recording the document"));
    doc.Bind(1, dossier_id).Bind(2, r.source_path).Bind(3, sha).Bind(4, source_object);
    if (f.number) {
      doc.Bind(5, f.number->printed)
          .Bind(6, f.number->ordinal)
          .Bind(7, f.number->year)
          .Bind(8, NonEmpty(f.number->type_abbreviation))
          .Bind(9, NonEmpty(f.number->issuer_code));
    }
    doc.Bind(10, DateIso(f.date))
        .Bind(11, f.place)
        .Bind(12, f.issuer)
        .Bind(13, f.issuer_parent)
        .Bind(14, f.doc_type)
        .Bind(15, f.subject);
    if (f.signer) {
      doc.Bind(16, f.signer->authority).Bind(17, f.signer->position).Bind(18, f.signer->name);
    }
    doc.Bind(19, internal::ExtraFieldsToJson(f))
        .Bind(20, r.folded_issuer)
        .Bind(21, r.folded_type)
        .Bind(22, r.search_fields)
        .Bind(23, same);
    SOHOA_RETURN_IF_ERROR(doc.Run());
    const int64_t id = db_->LastInsertRowId();

    SOHOA_RETURN_IF_ERROR(Fault("pages"));
    SOHOA_RETURN_IF_ERROR(InsertPages(id, r, page_objects));

    SOHOA_RETURN_IF_ERROR(Fault("references"));
    SOHOA_RETURN_IF_ERROR(InsertReferences(id, f));
    SOHOA_RETURN_IF_ERROR(LinkEarlierReferences(id, f));

    SOHOA_RETURN_IF_ERROR(Fault("commit"));
    SOHOA_RETURN_IF_ERROR(tx.Commit("committing the document"));
    return FiledDocument{id, false, same};
  }

  template <typename Objects>
  Status InsertPages(int64_t id, const DocumentRecord& r, const std::vector<Objects>& objects) {
    SOHOA_ASSIGN_OR_RETURN(Statement page, db_->Prepare(R"sql(
        INSERT INTO pages(document_id, page_index, original_object, upright_object, cleaned_object,
          width, height, dpi, words_width, words_height, mean_confidence, quality_json,
          raw_text, text, search_text, corrections)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16))sql",
                                                        "recording the pages"));
    SOHOA_ASSIGN_OR_RETURN(Statement word, db_->Prepare(R"sql(
        INSERT INTO words(page_id, line_no, block, text, x, y, w, h, confidence)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9))sql",
                                                        "recording the words"));
    std::string body;
    for (size_t i = 0; i < r.pages.size(); ++i) {
      const PageRecord& p = r.pages[i];
      page.Reset();
      page.Bind(1, id)
          .Bind(2, p.index)
          .Bind(3, objects[i].original)
          .Bind(4, objects[i].upright)
          .Bind(5, objects[i].cleaned)
          .Bind(6, p.width)
          .Bind(7, p.height)
          .Bind(8, p.dpi)
          .Bind(9, p.words.width)
          .Bind(10, p.words.height)
          .Bind(11, static_cast<double>(p.words.mean_confidence))
          .Bind(12, internal::QualityToJson(p.quality))
          .Bind(13, p.raw_text)
          .Bind(14, p.text)
          .Bind(15, p.search_text)
          .Bind(16, p.corrections);
      SOHOA_RETURN_IF_ERROR(page.Run().WithContext("page " + std::to_string(p.index + 1)));
      const int64_t page_id = db_->LastInsertRowId();
      for (size_t l = 0; l < p.words.lines.size(); ++l) {
        const OcrLine& line = p.words.lines[l];
        for (const OcrWord& w : line.words) {
          word.Reset();
          word.Bind(1, page_id)
              .Bind(2, static_cast<int64_t>(l))
              .Bind(3, line.block)
              .Bind(4, w.text)
              .Bind(5, w.box.x)
              .Bind(6, w.box.y)
              .Bind(7, w.box.w)
              .Bind(8, w.box.h)
              .Bind(9, static_cast<double>(w.confidence));
          SOHOA_RETURN_IF_ERROR(word.Run());
        }
      }
      if (!body.empty()) body += '\n';
      body += p.search_text;
    }
    SOHOA_ASSIGN_OR_RETURN(
        Statement fts,
        db_->Prepare("INSERT INTO document_search(rowid, fields, body) VALUES (?1, ?2, ?3)",
                     "indexing the document for search"));
    fts.Bind(1, id).Bind(2, r.search_fields).Bind(3, body);
    return fts.Run();
  }

  // Each cited document is linked to a filed document with that number (and
  // date, when both are known).
  Status InsertReferences(int64_t id, const DocumentFields& f) {
    if (f.references.empty()) return Status::Ok();
    SOHOA_ASSIGN_OR_RETURN(Statement st, db_->Prepare(R"sql(
        INSERT INTO document_references(document_id, cited_type, cited_number, cited_date,
                                        target_document_id)
        VALUES (?1, ?2, ?3, ?4,
          (SELECT id FROM documents
           WHERE number_printed = ?3 AND id <> ?1
             AND (?4 IS NULL OR issue_date IS NULL OR issue_date = ?4)
           ORDER BY id LIMIT 1)))sql",
                                                      "recording the cited documents"));
    for (const CitedDocument& c : f.references) {
      if (c.number.empty()) continue;
      st.Reset();
      st.Bind(1, id).Bind(2, c.type).Bind(3, c.number).Bind(4, DateIso(c.date));
      SOHOA_RETURN_IF_ERROR(st.Run());
    }
    return Status::Ok();
  }

  // Documents filed earlier that cite this one by number get their link now.
  Status LinkEarlierReferences(int64_t id, const DocumentFields& f) {
    if (!f.number || f.number->printed.empty()) return Status::Ok();
    SOHOA_ASSIGN_OR_RETURN(Statement st, db_->Prepare(R"sql(
        UPDATE document_references SET target_document_id = ?1
        WHERE target_document_id IS NULL AND document_id <> ?1 AND cited_number = ?2
          AND (cited_date IS NULL OR ?3 IS NULL OR cited_date = ?3))sql",
                                                      "linking documents that cite this one"));
    st.Bind(1, id).Bind(2, f.number->printed).Bind(3, DateIso(f.date));
    return st.Run();
  }

  Result<std::vector<SearchHit>> SearchLocked(const SearchQuery& q) {
    if (!IsIsoDatePrefix(q.from_date) || !IsIsoDatePrefix(q.to_date)) {
      return Status::InvalidArgument(
          "search dates must look like 2020-04-29 (or 2020-04, 2020); got '" + q.from_date +
          "' and '" + q.to_date + "'");
    }
    const int limit = q.limit > 0 ? std::min(q.limit, 10000) : 20;
    const std::string match = internal::BuildFtsQuery(q.folded_text);
    static constexpr const char* kFilters = R"sql(
          AND (?2 = '' OR instr(d.folded_issuer, ?2) > 0)
          AND (?3 = '' OR instr(d.folded_type, ?3) > 0)
          AND (?4 = '' OR d.issue_date >= ?4)
          AND (?5 = '' OR substr(d.issue_date, 1, length(?5)) <= ?5))sql";
    std::string sql;
    if (!match.empty()) {
      const int tokens = std::clamp(options_.snippet_tokens, 1, 64);
      sql =
          "SELECT d.id, d.number_printed, d.issue_date, d.issuer, d.doc_type, d.subject, "
          "snippet(document_search, -1, '[', ']', '...', " +
          std::to_string(tokens) +
          "), "
          "bm25(document_search, 2.0, 1.0) AS rank "
          "FROM document_search JOIN documents d ON d.id = document_search.rowid "
          "WHERE document_search MATCH ?1 " +
          std::string(kFilters) + " ORDER BY rank LIMIT ?6";
    } else {
      sql =
          "SELECT d.id, d.number_printed, d.issue_date, d.issuer, d.doc_type, d.subject, "
          "coalesce(d.subject, ''), 0.0 FROM documents d WHERE ?1 = '' " +
          std::string(kFilters) +
          " ORDER BY d.issue_date IS NULL, d.issue_date DESC, d.id DESC LIMIT ?6";
    }
    SOHOA_ASSIGN_OR_RETURN(Statement st, db_->Prepare(sql, "searching the store"));
    st.Bind(1, match)
        .Bind(2, q.folded_issuer)
        .Bind(3, q.folded_type)
        .Bind(4, q.from_date)
        .Bind(5, q.to_date)
        .Bind(6, limit);
    std::vector<SearchHit> hits;
    while (true) {
      SOHOA_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) break;
      SearchHit h;
      h.id = st.Int(0);
      h.number = st.Text(1);
      h.date = st.Text(2);
      h.issuer = st.Text(3);
      h.doc_type = st.Text(4);
      h.subject = st.Text(5);
      h.snippet = st.Text(6);
      h.score = -st.Double(7);  // bm25 is lower-is-better; hits report higher-is-better
      hits.push_back(std::move(h));
    }
    return hits;
  }

  Result<StoredDocument> GetLocked(int64_t id) {
    SOHOA_ASSIGN_OR_RETURN(Statement st, db_->Prepare(R"sql(
        SELECT d.id, s.code, d.source_path, d.source_sha256, d.filed_at,
          d.number_printed, d.number_ordinal, d.number_year, d.type_abbreviation, d.issuer_code,
          d.issue_date, d.place, d.issuer, d.issuer_parent, d.doc_type, d.subject,
          d.signer_authority, d.signer_position, d.signer_name, d.fields_json,
          d.same_identity_as, d.search_fields, d.folded_issuer, d.folded_type
        FROM documents d JOIN dossiers s ON s.id = d.dossier_id WHERE d.id = ?1)sql",
                                                      "reading document #" + std::to_string(id)));
    st.Bind(1, id);
    SOHOA_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return Status::NotFound("no document #" + std::to_string(id) + " in the store");
    StoredDocument d;
    d.id = st.Int(0);
    d.dossier_code = st.Text(1);
    d.source_path = st.Text(2);
    d.source_sha256 = st.Text(3);
    d.filed_at = st.Text(4);
    DocumentFields& f = d.fields;
    if (!st.IsNull(5)) {
      DocumentNumber n;
      n.printed = st.Text(5);
      if (!st.IsNull(6)) n.ordinal = static_cast<int>(st.Int(6));
      if (!st.IsNull(7)) n.year = static_cast<int>(st.Int(7));
      n.type_abbreviation = st.Text(8);
      n.issuer_code = st.Text(9);
      f.number = n;
    }
    if (!st.IsNull(10)) f.date = internal::ParseIsoDate(st.Text(10));
    f.place = st.OptText(11);
    f.issuer = st.OptText(12);
    f.issuer_parent = st.OptText(13);
    f.doc_type = st.OptText(14);
    f.subject = st.OptText(15);
    if (!st.IsNull(16) || !st.IsNull(17) || !st.IsNull(18)) {
      f.signer = Signer{st.Text(16), st.Text(17), st.Text(18)};
    }
    SOHOA_RETURN_IF_ERROR(internal::ExtraFieldsFromJson(st.Text(19), f));
    d.same_identity_as = st.OptInt(20);
    d.search_fields = st.Text(21);
    d.folded_issuer = st.Text(22);
    d.folded_type = st.Text(23);
    SOHOA_RETURN_IF_ERROR(LoadPages(d));
    SOHOA_RETURN_IF_ERROR(LoadReferences(d));
    return d;
  }

  Result<std::string> LoadObject(const std::optional<std::string>& hash) const {
    if (!hash) return std::string();
    return objects_.Get(*hash);
  }

  Status LoadPages(StoredDocument& d) {
    SOHOA_ASSIGN_OR_RETURN(Statement st, db_->Prepare(R"sql(
        SELECT id, page_index, original_object, upright_object, cleaned_object, width, height, dpi,
          words_width, words_height, mean_confidence, quality_json, raw_text, text, search_text,
          corrections
        FROM pages WHERE document_id = ?1 ORDER BY page_index)sql",
                                                      "reading the pages"));
    SOHOA_ASSIGN_OR_RETURN(Statement words, db_->Prepare(R"sql(
        SELECT line_no, block, text, x, y, w, h, confidence FROM words
        WHERE page_id = ?1 ORDER BY id)sql",
                                                         "reading the words"));
    st.Bind(1, d.id);
    while (true) {
      SOHOA_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) break;
      PageRecord p;
      const int64_t page_id = st.Int(0);
      p.index = static_cast<int>(st.Int(1));
      const std::string where = "page " + std::to_string(p.index + 1);
      auto original = LoadObject(st.OptText(2));
      auto upright = LoadObject(st.OptText(3));
      auto cleaned = LoadObject(st.OptText(4));
      for (auto* r : {&original, &upright, &cleaned}) {
        if (!r->ok()) return r->status().WithContext(where);
      }
      p.original_png = std::move(original).value();
      p.upright_jpeg = std::move(upright).value();
      p.cleaned_png = std::move(cleaned).value();
      p.width = static_cast<int>(st.Int(5));
      p.height = static_cast<int>(st.Int(6));
      p.dpi = st.Double(7);
      p.words.width = static_cast<int>(st.Int(8));
      p.words.height = static_cast<int>(st.Int(9));
      p.words.mean_confidence = static_cast<float>(st.Double(10));
      SOHOA_RETURN_IF_ERROR(internal::QualityFromJson(st.Text(11), p.quality).WithContext(where));
      p.raw_text = st.Text(12);
      p.text = st.Text(13);
      p.search_text = st.Text(14);
      p.corrections = st.Text(15);

      words.Reset();
      words.Bind(1, page_id);
      int64_t current_line = -1;
      while (true) {
        SOHOA_ASSIGN_OR_RETURN(bool wrow, words.Step());
        if (!wrow) break;
        if (words.Int(0) != current_line) {
          current_line = words.Int(0);
          p.words.lines.emplace_back();
          p.words.lines.back().block = static_cast<int>(words.Int(1));
        }
        OcrWord w;
        w.text = words.Text(2);
        w.box = Box{static_cast<int>(words.Int(3)), static_cast<int>(words.Int(4)),
                    static_cast<int>(words.Int(5)), static_cast<int>(words.Int(6))};
        w.confidence = static_cast<float>(words.Double(7));
        OcrLine& line = p.words.lines.back();
        if (line.words.empty()) {
          line.box = w.box;
        } else {  // the line's box is the union of its words
          const int right = std::max(line.box.right(), w.box.right());
          const int bottom = std::max(line.box.bottom(), w.box.bottom());
          line.box.x = std::min(line.box.x, w.box.x);
          line.box.y = std::min(line.box.y, w.box.y);
          line.box.w = right - line.box.x;
          line.box.h = bottom - line.box.y;
        }
        line.words.push_back(std::move(w));
      }
      d.pages.push_back(std::move(p));
    }
    return Status::Ok();
  }

  Status LoadReferences(StoredDocument& d) {
    SOHOA_ASSIGN_OR_RETURN(Statement st, db_->Prepare(R"sql(
        SELECT cited_type, cited_number, cited_date, target_document_id
        FROM document_references WHERE document_id = ?1 ORDER BY id)sql",
                                                      "reading the cited documents"));
    st.Bind(1, d.id);
    while (true) {
      SOHOA_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) break;
      StoredReference r;
      r.cited.type = st.Text(0);
      r.cited.number = st.Text(1);
      if (!st.IsNull(2)) r.cited.date = internal::ParseIsoDate(st.Text(2));
      r.target_id = st.OptInt(3);
      d.fields.references.push_back(r.cited);
      d.references.push_back(std::move(r));
    }
    return Status::Ok();
  }

  const Options options_;
  std::mutex mu_;  // one connection: every call is serialised
  std::unique_ptr<Database> db_;
  ObjectStore objects_;
};

Status ConfigureConnection(Database& db) {
  // The first read surfaces "not a database" before anything is written.
  SOHOA_ASSIGN_OR_RETURN(int64_t version,
                         db.QueryInt("PRAGMA user_version", "reading the store database"));
  (void)version;
  SOHOA_ASSIGN_OR_RETURN(Statement wal,
                         db.Prepare("PRAGMA journal_mode = WAL", "switching to WAL mode"));
  SOHOA_ASSIGN_OR_RETURN(bool row, wal.Step());
  if (!row || wal.Text(0) != "wal") {
    return Status::FailedPrecondition("store database cannot use WAL mode (got '" +
                                      (row ? wal.Text(0) : std::string()) + "')");
  }
  return db.Exec("PRAGMA foreign_keys = ON", "turning on foreign keys");
}

}  // namespace

Result<std::unique_ptr<DossierStore>> OpenSqliteStore(const Options& options) {
  if (options.dir.empty()) return Status::InvalidArgument("store folder is not set");
  const fs::path dir(options.dir);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    return Status::FailedPrecondition("cannot create store folder " + dir.string() + ": " +
                                      ec.message());
  }
  const std::string db_path = (dir / "sohoa.db").string();
  SOHOA_ASSIGN_OR_RETURN(std::unique_ptr<Database> db,
                         Database::Open(db_path, options.busy_timeout_ms));
  SOHOA_RETURN_IF_ERROR(ConfigureConnection(*db).WithContext(db_path));
  SOHOA_RETURN_IF_ERROR(internal::Migrate(*db).WithContext(db_path));
  ObjectStore objects_probe(dir / "objects");
  SOHOA_RETURN_IF_ERROR(objects_probe.Init());
  return std::unique_ptr<DossierStore>(new SqliteStore(options, std::move(db), dir / "objects"));
}

}  // namespace sohoa::store
