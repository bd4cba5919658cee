#include "store/sqlite_db.h"

#include <sqlite3.h>

#include <utility>

namespace sohoa::store::internal {

Status SqliteError(int code, std::string_view what, sqlite3* db) {
  std::string detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
  std::string m(what);
  m += ": ";
  switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::Unavailable(m + "store is busy (another process holds it): " + detail);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Status::DataLoss(m + "store database is damaged: " + detail);
    case SQLITE_FULL:
      return Status::ResourceExhausted(m + "disk full: " + detail);
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return Status::FailedPrecondition(m + "store cannot be opened for writing: " + detail);
    case SQLITE_IOERR:
      return Status::Unavailable(m + "input/output error: " + detail);
    case SQLITE_CONSTRAINT:
      return Status::AlreadyExists(m + detail);
    case SQLITE_NOMEM:
      return Status::ResourceExhausted(m + "out of memory");
    default:
      return Status::Internal(m + detail);
  }
}

Statement::Statement(sqlite3* db, sqlite3_stmt* stmt, std::string what)
    : db_(db), stmt_(stmt), what_(std::move(what)) {}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_),
      stmt_(std::exchange(other.stmt_, nullptr)),
      what_(std::move(other.what_)),
      bind_error_(std::move(other.bind_error_)) {}

Statement::~Statement() {
  if (stmt_ != nullptr) sqlite3_finalize(stmt_);
}

namespace {
Status BindResult(int rc, const std::string& what, sqlite3* db) {
  return rc == SQLITE_OK ? Status::Ok() : SqliteError(rc, what + " (binding)", db);
}
}  // namespace

Statement& Statement::Bind(int i, int64_t v) {
  if (bind_error_.ok()) bind_error_ = BindResult(sqlite3_bind_int64(stmt_, i, v), what_, db_);
  return *this;
}

Statement& Statement::Bind(int i, double v) {
  if (bind_error_.ok()) bind_error_ = BindResult(sqlite3_bind_double(stmt_, i, v), what_, db_);
  return *this;
}

Statement& Statement::Bind(int i, std::string_view v) {
  if (bind_error_.ok()) {
    bind_error_ =
        BindResult(sqlite3_bind_text64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
                   what_, db_);
  }
  return *this;
}

Statement& Statement::BindBlob(int i, std::string_view v) {
  if (bind_error_.ok()) {
    bind_error_ =
        BindResult(sqlite3_bind_blob64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT), what_, db_);
  }
  return *this;
}

Statement& Statement::BindNull(int i) {
  if (bind_error_.ok()) bind_error_ = BindResult(sqlite3_bind_null(stmt_, i), what_, db_);
  return *this;
}

Result<bool> Statement::Step() {
  if (!bind_error_.ok()) return bind_error_;
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return SqliteError(rc, what_, db_);
}

Status Statement::Run() {
  while (true) {
    SOHOA_ASSIGN_OR_RETURN(bool row, Step());
    if (!row) return Status::Ok();
  }
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_error_ = Status::Ok();
}

int64_t Statement::Int(int col) const { return sqlite3_column_int64(stmt_, col); }
double Statement::Double(int col) const { return sqlite3_column_double(stmt_, col); }

std::string Statement::Text(int col) const {
  const void* p = sqlite3_column_blob(stmt_, col);
  const int n = sqlite3_column_bytes(stmt_, col);
  return p == nullptr ? std::string() : std::string(static_cast<const char*>(p), n);
}

bool Statement::IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

std::optional<std::string> Statement::OptText(int col) const {
  if (IsNull(col)) return std::nullopt;
  return Text(col);
}

std::optional<int64_t> Statement::OptInt(int col) const {
  if (IsNull(col)) return std::nullopt;
  return Int(col);
}

Result<std::unique_ptr<Database>> Database::Open(const std::string& path, int busy_timeout_ms) {
  sqlite3* raw = nullptr;
  const int rc =
      sqlite3_open_v2(path.c_str(), &raw,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    Status s = SqliteError(rc, "opening " + path, raw);
    sqlite3_close(raw);
    return s;
  }
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, busy_timeout_ms);
  return std::unique_ptr<Database>(new Database(raw));
}

Database::~Database() { sqlite3_close(db_); }

Status Database::Exec(std::string_view sql, std::string_view what) {
  const std::string text(sql);
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
  return rc == SQLITE_OK ? Status::Ok() : SqliteError(rc, what, db_);
}

Result<Statement> Database::Prepare(std::string_view sql, std::string_view what) {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return SqliteError(rc, what, db_);
  }
  return Statement(db_, stmt, std::string(what));
}

Result<int64_t> Database::QueryInt(std::string_view sql, std::string_view what) {
  SOHOA_ASSIGN_OR_RETURN(Statement st, Prepare(sql, what));
  SOHOA_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return Status::Internal(std::string(what) + ": query returned no row");
  return st.Int(0);
}

int64_t Database::LastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }
int Database::Changes() const { return sqlite3_changes(db_); }

Transaction::~Transaction() {
  if (open_) (void)db_.Exec("ROLLBACK", "rolling back");
}

Status Transaction::Begin(std::string_view what) {
  SOHOA_RETURN_IF_ERROR(db_.Exec("BEGIN IMMEDIATE", what));
  open_ = true;
  return Status::Ok();
}

Status Transaction::Commit(std::string_view what) {
  SOHOA_RETURN_IF_ERROR(db_.Exec("COMMIT", what));
  open_ = false;
  return Status::Ok();
}

}  // namespace sohoa::store::internal
