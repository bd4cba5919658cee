// Internal: a thin RAII layer over the SQLite C API for the store's own .cc
// files. SQLite's integer codes become sohoa::Status here and nowhere else.
// Thread-safety: a Database and its Statements belong to one thread at a time
// (the store serialises access with its own mutex).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace sohoa::store::internal {

// Translates a SQLite result code into a Status naming what failed:
// busy/locked -> Unavailable, corrupt/not-a-database -> DataLoss
// ("store database is damaged"), disk full -> ResourceExhausted.
Status SqliteError(int code, std::string_view what, sqlite3* db);

class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt, std::string what);
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  ~Statement();

  // Binders are 1-based like SQLite's; the first failure is kept and
  // reported by the next Step()/Run().
  Statement& Bind(int i, int64_t v);
  Statement& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  Statement& Bind(int i, double v);
  Statement& Bind(int i, std::string_view v);
  Statement& Bind(int i, const std::string& v) { return Bind(i, std::string_view(v)); }
  Statement& Bind(int i, const char* v) { return Bind(i, std::string_view(v)); }
  Statement& BindBlob(int i, std::string_view v);
  Statement& BindNull(int i);
  template <typename T>
  Statement& Bind(int i, const std::optional<T>& v) {
    return v ? Bind(i, *v) : BindNull(i);
  }

  // true when a row is available, false when done.
  Result<bool> Step();
  // Steps to completion, ignoring rows.
  Status Run();
  // Ready for re-use with fresh bindings.
  void Reset();

  int64_t Int(int col) const;
  double Double(int col) const;
  std::string Text(int col) const;
  bool IsNull(int col) const;
  std::optional<std::string> OptText(int col) const;
  std::optional<int64_t> OptInt(int col) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
  std::string what_;
  Status bind_error_;
};

class Database {
 public:
  // Opens or creates the database file; sets the busy timeout.
  static Result<std::unique_ptr<Database>> Open(const std::string& path, int busy_timeout_ms);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more statements without results; `what` names the step in errors.
  Status Exec(std::string_view sql, std::string_view what);
  Result<Statement> Prepare(std::string_view sql, std::string_view what);
  // Runs a query returning one integer (e.g. a PRAGMA).
  Result<int64_t> QueryInt(std::string_view sql, std::string_view what);
  int64_t LastInsertRowId() const;
  int Changes() const;

 private:
  explicit Database(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

// BEGIN IMMEDIATE on construction via Begin(); rolls back unless committed.
class Transaction {
 public:
  explicit Transaction(Database& db) : db_(db) {}
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  Status Begin(std::string_view what);
  Status Commit(std::string_view what);

 private:
  Database& db_;
  bool open_ = false;
};

}  // namespace sohoa::store::internal
