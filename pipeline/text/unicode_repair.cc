#include "text/unicode_repair.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <unordered_map>

#include "text/letters.h"

namespace sohoa::text::internal {
namespace {

// Letters of other scripts that OCR emits for Latin ones of the same shape.
const std::unordered_map<char32_t, char32_t>& LookAlikes() {
  static const std::unordered_map<char32_t, char32_t> table = {
      // Cyrillic
      {U'А', U'A'}, {U'В', U'B'}, {U'С', U'C'}, {U'Е', U'E'}, {U'Н', U'H'}, {U'І', U'I'},
      {U'Ј', U'J'}, {U'К', U'K'}, {U'М', U'M'}, {U'О', U'O'}, {U'Р', U'P'}, {U'Ѕ', U'S'},
      {U'Т', U'T'}, {U'Х', U'X'}, {U'У', U'Y'}, {U'Ү', U'Y'}, {U'а', U'a'}, {U'с', U'c'},
      {U'е', U'e'}, {U'о', U'o'}, {U'р', U'p'}, {U'х', U'x'}, {U'у', U'y'}, {U'і', U'i'},
      {U'ј', U'j'}, {U'ѕ', U's'}, {U'һ', U'h'}, {U'ԁ', U'd'},
      // Greek
      {U'Α', U'A'}, {U'Β', U'B'}, {U'Ε', U'E'}, {U'Ζ', U'Z'}, {U'Η', U'H'}, {U'Ι', U'I'},
      {U'Κ', U'K'}, {U'Μ', U'M'}, {U'Ν', U'N'}, {U'Ο', U'O'}, {U'Ρ', U'P'}, {U'Τ', U'T'},
      {U'Υ', U'Y'}, {U'Χ', U'X'}, {U'ο', U'o'}};
  return table;
}

bool IsInvisible(char32_t c) {
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF || c == 0x00AD;
}

bool IsQualityMark(char32_t c) { return c == 0x0302 || c == 0x0306 || c == 0x031B; }

bool IsLatinLetterOrDigit(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  UErrorCode err = U_ZERO_ERROR;
  return u_isalpha(static_cast<UChar32>(c)) &&
         uscript_getScript(static_cast<UChar32>(c), &err) == USCRIPT_LATIN;
}

bool IsSpace(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0; }

// Maps look-alikes in one whitespace-free token [begin, end) when the token
// is Latin (has a Latin letter or digit) or made only of look-alikes: a real
// Cyrillic or Greek word keeps its letters.
void MapLookAlikes(std::u32string* s, size_t begin, size_t end) {
  const auto& table = LookAlikes();
  bool latin = false, foreign_only = false;
  for (size_t i = begin; i < end; ++i) {
    char32_t c = (*s)[i];
    if (table.count(c)) continue;
    if (IsLatinLetterOrDigit(c)) latin = true;
    else if (u_isalpha(static_cast<UChar32>(c))) foreign_only = true;
  }
  if (!latin && foreign_only) return;
  for (size_t i = begin; i < end; ++i) {
    auto it = table.find((*s)[i]);
    if (it != table.end()) (*s)[i] = it->second;
  }
}

}  // namespace

Status CheckNormalizationData() {
  UErrorCode err = U_ZERO_ERROR;
  icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) {
    return Status::FailedPrecondition(std::string("Unicode normalisation data unavailable (ICU: ") +
                                      u_errorName(err) + ")");
  }
  icu::Normalizer2::getNFDInstance(err);
  if (U_FAILURE(err)) {
    return Status::FailedPrecondition(std::string("Unicode normalisation data unavailable (ICU: ") +
                                      u_errorName(err) + ")");
  }
  return Status::Ok();
}

std::string RepairToNfc(std::string_view text) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
  if (U_FAILURE(err)) return std::string(text);  // Create() checked; unreachable in practice

  icu::UnicodeString decomposed =
      nfd->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size())), err);
  std::string utf8;
  decomposed.toUTF8String(utf8);
  std::u32string s = Utf8ToU32(utf8);

  // Drop invisibles; non-breaking space becomes a space.
  std::u32string cleaned;
  cleaned.reserve(s.size());
  for (char32_t c : s) {
    if (IsInvisible(c)) continue;
    cleaned.push_back(c == 0xA0 ? U' ' : c);
  }
  s.swap(cleaned);

  // Eth for đ: Icelandic letters do not occur in these documents. OCR
  // sometimes reads one Đ twice, as "ĐÐ" or "ÐĐ": the eth copy goes.
  std::u32string mapped;
  mapped.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char32_t c = s[i];
    if (c == U'Ð' || c == U'ð') {
      const char32_t d = c == U'Ð' ? U'Đ' : U'đ';
      const bool twin = (!mapped.empty() && mapped.back() == d) || (i + 1 < s.size() && s[i + 1] == d);
      if (!twin) mapped.push_back(d);
      continue;
    }
    mapped.push_back(c);
  }
  s.swap(mapped);

  for (size_t i = 0; i < s.size();) {
    if (IsSpace(s[i])) { ++i; continue; }
    size_t j = i;
    while (j < s.size() && !IsSpace(s[j])) ++j;
    MapLookAlikes(&s, i, j);
    i = j;
  }

  // Within each run of combining marks, quality marks go before tone marks.
  for (size_t i = 0; i < s.size();) {
    if (u_getCombiningClass(static_cast<UChar32>(s[i])) == 0) { ++i; continue; }
    size_t j = i;
    while (j < s.size() && u_getCombiningClass(static_cast<UChar32>(s[j])) != 0) ++j;
    std::stable_partition(s.begin() + i, s.begin() + j, IsQualityMark);
    i = j;
  }

  icu::UnicodeString composed = nfc->normalize(icu::UnicodeString::fromUTF8(U32ToUtf8(s)), err);
  if (U_FAILURE(err)) return std::string(text);
  std::string out;
  composed.toUTF8String(out);
  return out;
}

}  // namespace sohoa::text::internal
