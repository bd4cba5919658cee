#include "text/letters.h"

#include <array>
#include <unordered_map>

namespace sohoa::text::internal {
namespace {

// Each row: the toneless vowel followed by its grave, acute, hook, tilde and
// dot forms, the order of the Tone enum.
constexpr std::array<std::u32string_view, 12> kLowerRows = {
    U"aàáảãạ", U"ăằắẳẵặ", U"âầấẩẫậ", U"eèéẻẽẹ", U"êềếểễệ", U"iìíỉĩị",
    U"oòóỏõọ", U"ôồốổỗộ", U"ơờớởỡợ", U"uùúủũụ", U"ưừứửữự", U"yỳýỷỹỵ"};
constexpr std::array<std::u32string_view, 12> kUpperRows = {
    U"AÀÁẢÃẠ", U"ĂẰẮẲẴẶ", U"ÂẦẤẨẪẬ", U"EÈÉẺẼẸ", U"ÊỀẾỂỄỆ", U"IÌÍỈĨỊ",
    U"OÒÓỎÕỌ", U"ÔỒỐỔỖỘ", U"ƠỜỚỞỠỢ", U"UÙÚỦŨỤ", U"ƯỪỨỬỮỰ", U"YỲÝỶỸỴ"};
constexpr std::u32string_view kConsonants = U"bcdđghklmnpqrstvx";
constexpr std::u32string_view kUpperConsonants = U"BCDĐGHKLMNPQRSTVX";

struct Tables {
  std::unordered_map<char32_t, Letter> decompose;
  std::unordered_map<char32_t, std::array<char32_t, 12>> compose;  // base -> [tone + 6*upper]
  Tables() {
    for (size_t r = 0; r < kLowerRows.size(); ++r) {
      char32_t base = kLowerRows[r][0];
      std::array<char32_t, 12> forms{};
      for (int t = 0; t < 6; ++t) {
        decompose[kLowerRows[r][t]] = Letter{base, t, false};
        decompose[kUpperRows[r][t]] = Letter{base, t, true};
        forms[t] = kLowerRows[r][t];
        forms[6 + t] = kUpperRows[r][t];
      }
      compose[base] = forms;
    }
    for (size_t i = 0; i < kConsonants.size(); ++i) {
      decompose[kConsonants[i]] = Letter{kConsonants[i], kLevel, false};
      decompose[kUpperConsonants[i]] = Letter{kConsonants[i], kLevel, true};
      std::array<char32_t, 12> forms{};
      forms.fill(kConsonants[i]);
      for (int t = 6; t < 12; ++t) forms[t] = kUpperConsonants[i];
      compose[kConsonants[i]] = forms;
    }
  }
};

const Tables& GetTables() {
  static const Tables tables;
  return tables;
}

}  // namespace

std::u32string Utf8ToU32(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    char32_t cp;
    int extra;
    if (c < 0x80) { cp = c; extra = 0; }
    else if ((c >> 5) == 0x6) { cp = c & 0x1F; extra = 1; }
    else if ((c >> 4) == 0xE) { cp = c & 0x0F; extra = 2; }
    else if ((c >> 3) == 0x1E) { cp = c & 0x07; extra = 3; }
    else { out.push_back(0xFFFD); ++i; continue; }
    bool ok = true;
    for (int k = 1; k <= extra; ++k) {
      if (i + k >= s.size()) { ok = false; break; }
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc >> 6) != 0x2) { ok = false; break; }
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (!ok) { out.push_back(0xFFFD); ++i; continue; }
    out.push_back(cp);
    i += extra + 1;
  }
  return out;
}

std::string U32ToUtf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t cp : s) {
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }
  return out;
}

bool IsVowelBase(char32_t base) { return std::u32string_view(U"aăâeêioôơuưy").find(base) != std::u32string_view::npos; }

bool IsVietnameseLetter(char32_t c) { return GetTables().decompose.count(c) > 0; }

bool Decompose(std::u32string_view word, std::vector<Letter>* out) {
  out->clear();
  const auto& table = GetTables().decompose;
  for (char32_t c : word) {
    auto it = table.find(c);
    if (it == table.end()) return false;
    out->push_back(it->second);
  }
  return true;
}

char32_t ComposeLetter(const Letter& l) {
  const auto& table = GetTables().compose;
  auto it = table.find(l.base);
  if (it == table.end()) return l.base;
  return it->second[l.tone + (l.upper ? 6 : 0)];
}

std::u32string Compose(const std::vector<Letter>& letters) {
  std::u32string out;
  out.reserve(letters.size());
  for (const Letter& l : letters) out.push_back(ComposeLetter(l));
  return out;
}

char32_t PlainBase(char32_t base) {
  switch (base) {
    case U'ă': case U'â': return U'a';
    case U'ê': return U'e';
    case U'ô': case U'ơ': return U'o';
    case U'ư': return U'u';
    case U'đ': return U'd';
    default: return base;
  }
}

std::u32string Skeleton(const std::vector<Letter>& letters) {
  std::u32string out;
  out.reserve(letters.size());
  for (const Letter& l : letters) out.push_back(PlainBase(l.base));
  return out;
}

std::u32string LowerWord(const std::vector<Letter>& letters) {
  std::u32string out;
  out.reserve(letters.size());
  for (Letter l : letters) {
    l.upper = false;
    out.push_back(ComposeLetter(l));
  }
  return out;
}

}  // namespace sohoa::text::internal
