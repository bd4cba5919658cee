#include "store/objects.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <system_error>

#include "core/sha256.h"

namespace sohoa::store::internal {
namespace {

namespace fs = std::filesystem;

Status ErrnoStatus(int err, const std::string& what) {
  const std::string m = what + ": " + std::strerror(err);
  switch (err) {
    case ENOSPC:
    case EDQUOT:
      return Status::ResourceExhausted(m + " (disk full)");
    case EACCES:
    case EPERM:
    case EROFS:
    case ENOTDIR:
    case EEXIST:
      return Status::FailedPrecondition(m);
    default:
      return Status::Unavailable(m);
  }
}

// Makes a rename or a new file inside `dir` durable.
Status SyncDirectory(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return ErrnoStatus(errno, "opening object folder " + dir.string());
  const int rc = ::fsync(fd);
  const int err = errno;
  ::close(fd);
  return rc == 0 ? Status::Ok() : ErrnoStatus(err, "syncing object folder " + dir.string());
}

Status WriteAll(int fd, std::string_view bytes, const std::string& what) {
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return ErrnoStatus(errno, what);
    }
    done += static_cast<size_t>(n);
  }
  return Status::Ok();
}

}  // namespace

Status ObjectStore::Init() const {
  std::error_code ec;
  fs::create_directories(root_, ec);
  if (ec)
    return Status::FailedPrecondition("cannot create object folder " + root_.string() + ": " +
                                      ec.message());
  return Status::Ok();
}

fs::path ObjectStore::PathOf(const std::string& hash) const {
  return root_ / hash.substr(0, 2) / hash.substr(2);
}

Result<std::string> ObjectStore::Put(std::string_view bytes) {
  const std::string hash = Sha256Hex(bytes);
  const fs::path final_path = PathOf(hash);
  struct stat st {};
  if (::stat(final_path.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
      static_cast<size_t>(st.st_size) == bytes.size()) {
    return hash;  // content-addressed: same name, same bytes
  }
  const fs::path dir = final_path.parent_path();
  if (::mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST) {
    return ErrnoStatus(errno, "creating object folder " + dir.string());
  }
  const fs::path temp = dir / (".tmp-" + hash.substr(2, 16) + "-" + std::to_string(::getpid()) +
                               "-" + std::to_string(temp_counter_++));
  const std::string what = "writing object " + final_path.string();
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return ErrnoStatus(errno, what);
  Status s = WriteAll(fd, bytes, what);
  if (s.ok() && ::fsync(fd) != 0) s = ErrnoStatus(errno, what + " (fsync)");
  if (::close(fd) != 0 && s.ok()) s = ErrnoStatus(errno, what + " (close)");
  if (s.ok() && ::rename(temp.c_str(), final_path.c_str()) != 0)
    s = ErrnoStatus(errno, what + " (rename)");
  if (!s.ok()) {
    ::unlink(temp.c_str());
    return s;
  }
  SOHOA_RETURN_IF_ERROR(SyncDirectory(dir));
  return hash;
}

Result<std::string> ObjectStore::Get(const std::string& hash) const {
  const fs::path path = PathOf(hash);
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::DataLoss("object " + hash + " is missing from " + root_.string());
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Status::DataLoss("object " + hash + ": read error");
  if (Sha256Hex(bytes) != hash) {
    return Status::DataLoss("object " + hash + " is damaged (its bytes no longer match its hash)");
  }
  return bytes;
}

}  // namespace sohoa::store::internal
