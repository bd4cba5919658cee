// Status and Result<T>: errors as values at every stage boundary.
//
// A Status carries a canonical code and a message a clerk can read
// ("scan.png: file is empty (0 bytes)"). Third-party error channels
// (OpenCV exceptions, ICU UErrorCode, Tesseract int returns, SQLite codes)
// are translated into a Status inside the one folder that uses them.
//
// Thread-safety: values; safe to copy between threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace sohoa {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,     // bad input: wrong format, empty file, unreadable page
  kNotFound,            // no such file, record or model
  kAlreadyExists,       // duplicate: the same file or document is already filed
  kFailedPrecondition,  // a model or store is missing or not set up
  kResourceExhausted,   // a limit was hit: pixels, pages, file size
  kDataLoss,            // truncated or corrupt data
  kUnavailable,         // busy database, transient failure
  kUnimplemented,       // format or feature not supported
  kInternal,            // a bug: a library broke its contract
};

std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status AlreadyExists(std::string m) { return {StatusCode::kAlreadyExists, std::move(m)}; }
  static Status FailedPrecondition(std::string m) {
    return {StatusCode::kFailedPrecondition, std::move(m)};
  }
  static Status ResourceExhausted(std::string m) {
    return {StatusCode::kResourceExhausted, std::move(m)};
  }
  static Status DataLoss(std::string m) { return {StatusCode::kDataLoss, std::move(m)}; }
  static Status Unavailable(std::string m) { return {StatusCode::kUnavailable, std::move(m)}; }
  static Status Unimplemented(std::string m) { return {StatusCode::kUnimplemented, std::move(m)}; }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "INVALID_ARGUMENT: scan.png: file is empty"; "OK" when ok().
  std::string ToString() const;

  // Returns a copy whose message is "<context>: <message>".
  Status WithContext(std::string_view context) const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Either a value or a non-OK Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}                  // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {            // NOLINT: implicit by design
    if (std::get<Status>(v_).ok()) v_ = Status::Internal("Result built from an OK status");
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  // REQUIRES: ok()
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace sohoa

#define SOHOA_CONCAT_INNER(a, b) a##b
#define SOHOA_CONCAT(a, b) SOHOA_CONCAT_INNER(a, b)

#define SOHOA_RETURN_IF_ERROR(expr)            \
  do {                                         \
    ::sohoa::Status sohoa_status_ = (expr);    \
    if (!sohoa_status_.ok()) return sohoa_status_; \
  } while (0)

#define SOHOA_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                                \
  if (!tmp.ok()) return tmp.status();               \
  lhs = std::move(tmp).value()

#define SOHOA_ASSIGN_OR_RETURN(lhs, expr) \
  SOHOA_ASSIGN_OR_RETURN_IMPL(SOHOA_CONCAT(sohoa_result_, __LINE__), lhs, expr)
