// Small UTF-8 text helpers shared by the field finders (ICU behind them).
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.h"  // CodePointCount

namespace sohoa::extract {

// NFC form of `text` (OCR and older systems may hand us NFD).
std::string Nfc(std::string_view text);

// Number of diacritic marks (combining marks after decomposition): "Hà" 1, "Ồ" 2, "Đ" 0.
size_t CountMarks(std::string_view text);

// Diacritics removed, đ/Đ -> D, upper case: "Số:" -> "SO:", "tháng" -> "THANG".
// Used to match words whose tone marks OCR may have damaged.
std::string Fold(std::string_view text);

// Vietnamese upper case: "Báo cáo" -> "BÁO CÁO".
std::string Upper(std::string_view text);

// First letter upper, the rest as is lower-cased: "KẾ HOẠCH" -> "Kế hoạch".
std::string SentenceCase(std::string_view text);

// Words separated by ASCII white space.
std::vector<std::string> Words(std::string_view text);

// words[begin, end) joined by single spaces.
std::string JoinWords(const std::vector<std::string>& words, size_t begin, size_t end);

// White space trimmed at both ends and collapsed to single spaces inside.
std::string CollapseSpaces(std::string_view text);

// Number of letters (any script) in `text`.
int CountLetters(std::string_view text);

// True when `text` has at least `min_letters` letters and at least 85% of them are capitals.
bool IsUpperText(std::string_view text, int min_letters = 2);

// "Nguyễn" yes; "NGUYỄN", "nguyễn", "Ng1" no: a capital then only lower-case letters.
bool IsTitleWord(std::string_view word);

// Drops leading and trailing characters that are neither letters nor digits
// (OCR specks such as "¬", "—", "`", quotes, trailing punctuation).
std::string TrimJunk(std::string_view text);

// Levenshtein distance in bytes (used on folded, ASCII text).
size_t EditDistance(std::string_view a, std::string_view b);

// `word` without its last `n` code points.
std::string DropLastCodePoints(const std::string& word, size_t n);

}  // namespace sohoa::extract
