// SHA-256 content addresses for files and page images.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace sohoa {

// Lower-case hex SHA-256 of `bytes`.
std::string Sha256Hex(std::string_view bytes);

// Lower-case hex SHA-256 of a file's bytes, streamed.
Result<std::string> Sha256OfFile(const std::string& path);

}  // namespace sohoa
