#include "extract/text_util.h"

#include <algorithm>

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace sohoa::extract {
namespace {

icu::UnicodeString ToUnicode(std::string_view text) {
  return icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
}

std::string ToUtf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

// Calls fn(code point) for each code point of `text`.
template <typename Fn>
void ForEachCodePoint(std::string_view text, Fn fn) {
  icu::UnicodeString u = ToUnicode(text);
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    fn(c);
  }
}

}  // namespace

size_t CountMarks(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return 0;
  icu::UnicodeString decomposed = nfd->normalize(ToUnicode(text), status);
  if (U_FAILURE(status)) return 0;
  size_t marks = 0;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    if (u_getCombiningClass(c) > 0 || u_charType(c) == U_NON_SPACING_MARK) ++marks;
    i += U16_LENGTH(c);
  }
  return marks;
}

std::string Nfc(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(text);
  icu::UnicodeString out = nfc->normalize(ToUnicode(text), status);
  if (U_FAILURE(status)) return std::string(text);
  return ToUtf8(out);
}

std::string Fold(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return std::string(text);
  icu::UnicodeString decomposed = nfd->normalize(ToUnicode(text), status);
  if (U_FAILURE(status)) return std::string(text);
  icu::UnicodeString out;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (c == 0x0111 || c == 0x0110) c = 'D';  // đ has no decomposition
    out.append(static_cast<UChar32>(u_toupper(c)));
  }
  return ToUtf8(out);
}

std::string Upper(std::string_view text) {
  icu::UnicodeString u = ToUnicode(text);
  u.toUpper(icu::Locale("vi"));
  return ToUtf8(u);
}

std::string SentenceCase(std::string_view text) {
  icu::UnicodeString u = ToUnicode(text);
  u.toLower(icu::Locale("vi"));
  if (u.length() > 0) {
    UChar32 first = u.char32At(0);
    icu::UnicodeString head(static_cast<UChar32>(u_toupper(first)));
    u.replace(0, U16_LENGTH(first), head);
  }
  return ToUtf8(u);
}

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && IsSpace(text[i])) ++i;
    size_t start = i;
    while (i < text.size() && !IsSpace(text[i])) ++i;
    if (i > start) words.emplace_back(text.substr(start, i - start));
  }
  return words;
}

std::string JoinWords(const std::vector<std::string>& words, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end && i < words.size(); ++i) {
    if (!out.empty()) out += ' ';
    out += words[i];
  }
  return out;
}

std::string CollapseSpaces(std::string_view text) { return JoinWords(Words(text), 0, SIZE_MAX); }

int CountLetters(std::string_view text) {
  int n = 0;
  ForEachCodePoint(text, [&](UChar32 c) { n += u_isalpha(c) ? 1 : 0; });
  return n;
}

bool IsUpperText(std::string_view text, int min_letters) {
  int letters = 0, upper = 0;
  ForEachCodePoint(text, [&](UChar32 c) {
    if (!u_isalpha(c)) return;
    ++letters;
    if (u_isupper(c) || u_istitle(c)) ++upper;
  });
  return letters >= min_letters && upper * 100 >= letters * 85;
}

bool IsTitleWord(std::string_view word) {
  bool first = true, ok = true;
  int count = 0;
  ForEachCodePoint(word, [&](UChar32 c) {
    ++count;
    if (first) {
      ok = ok && u_isupper(c);
      first = false;
    } else {
      ok = ok && u_islower(c);
    }
  });
  return ok && count >= 1;
}

std::string TrimJunk(std::string_view text) {
  icu::UnicodeString u = ToUnicode(text);
  int32_t begin = 0, end = u.length();
  auto keep = [](UChar32 c) { return u_isalnum(c) != 0; };
  while (begin < end) {
    UChar32 c = u.char32At(begin);
    if (keep(c)) break;
    begin += U16_LENGTH(c);
  }
  while (end > begin) {
    UChar32 c = u.char32At(end - 1);
    if (keep(c)) break;
    end -= U16_LENGTH(c);
  }
  return ToUtf8(u.tempSubStringBetween(begin, end));
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] =
          std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string DropLastCodePoints(const std::string& word, size_t n) {
  size_t end = word.size();
  for (size_t k = 0; k < n && end > 0; ++k) {
    --end;
    while (end > 0 && (static_cast<unsigned char>(word[end]) & 0xC0) == 0x80) --end;
  }
  return word.substr(0, end);
}

}  // namespace sohoa::extract
