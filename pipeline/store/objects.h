// Internal: content-addressed files under <dir>/objects/ab/cdef... named by
// the SHA-256 of their bytes. An object is written to a temporary file,
// fsync'd and renamed into place, so a reader never sees half an object.
// Thread-safety: Put() may race with itself on the same bytes harmlessly
// (rename is atomic and both write the same content).
#pragma once

#include <atomic>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/status.h"

namespace sohoa::store::internal {

class ObjectStore {
 public:
  explicit ObjectStore(std::filesystem::path root) : root_(std::move(root)) {}

  // Makes the objects directory; FailedPrecondition when it cannot.
  Status Init() const;
  // Stores `bytes` durably unless an object with that hash is already there;
  // returns the lower-case hex hash.
  Result<std::string> Put(std::string_view bytes);
  // The bytes of object `hash`; DataLoss when missing or not matching its hash.
  Result<std::string> Get(const std::string& hash) const;
  std::filesystem::path PathOf(const std::string& hash) const;

 private:
  std::filesystem::path root_;
  std::atomic<unsigned> temp_counter_{0};
};

}  // namespace sohoa::store::internal
