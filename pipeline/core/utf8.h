// Small UTF-8 helpers that need no Unicode tables (those stay with ICU in the
// text and extract stages). Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sohoa {

// Number of UTF-8 code points in `text` (bytes that do not continue one).
inline size_t CodePointCount(std::string_view text) {
  size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

// Code points of `text`; a malformed byte counts as U+FFFD.
inline std::u32string CodePoints(std::string_view text) {
  std::u32string out;
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > text.size()) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    char32_t cp = len == 1 ? c : c & (0x7F >> len);
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    out.push_back(cp);
    i += static_cast<size_t>(len);
  }
  return out;
}

// Upper / lower case of the letters Vietnamese writes (Latin, Latin-1,
// Latin Extended-A/B as used: Ă Đ Ĩ Ũ Ơ Ư, and Latin Extended Additional,
// where capitals and small letters alternate). Other code points are neither.
inline bool IsVietnameseCapital(char32_t c) {
  if (c >= U'A' && c <= U'Z') return true;
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
  if (c >= 0x100 && c <= 0x17F) return c % 2 == 0;
  if (c == 0x1A0 || c == 0x1AF) return true;
  return c >= 0x1E00 && c <= 0x1EFF && c % 2 == 0;
}
inline bool IsVietnameseSmall(char32_t c) {
  if (c >= U'a' && c <= U'z') return true;
  if (c >= 0xDF && c <= 0xFF) return c != 0xF7;
  if (c >= 0x100 && c <= 0x17F) return c % 2 == 1;
  if (c == 0x1A1 || c == 0x1B0) return true;
  return c >= 0x1E00 && c <= 0x1EFF && c % 2 == 1;
}

}  // namespace sohoa
