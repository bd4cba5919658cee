// Small UTF-8 helpers that need no Unicode tables (those stay with ICU in the
// text and extract stages). Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <string_view>

namespace sohoa {

// Number of UTF-8 code points in `text` (bytes that do not continue one).
inline size_t CodePointCount(std::string_view text) {
  size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

}  // namespace sohoa
