// Document number and code ("Số: 17/BC-UBND"), with OCR repairs.
#include <cctype>
#include <string>

#include "extract/fields.h"
#include "extract/rules.h"
#include "extract/text_util.h"

namespace sohoa::extract {
namespace {

constexpr std::string_view kCapitalD = "Đ";
constexpr std::string_view kSmallD = "đ";

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// Skips `n` UTF-8 code points.
std::string_view SkipCodePoints(std::string_view s, int n) {
  size_t i = 0;
  for (int k = 0; k < n && i < s.size(); ++k) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  }
  return s.substr(i);
}

std::string ReplaceAll(std::string s, std::string_view from, std::string_view to) {
  size_t pos = 0;
  while ((pos = s.find(from, pos)) != std::string::npos) {
    s.replace(pos, from.size(), to);
    pos += to.size();
  }
  return s;
}

// Joins the words that make up one number: "155 /2020/NĐ-CP", "44/QĐ- UBND".
std::string JoinNumberWords(const std::vector<std::string>& words, size_t* used) {
  std::string joined;
  size_t i = 0;
  for (; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (i > 0) {
      const char last = joined.empty() ? '\0' : joined.back();
      const bool glue = last == '/' || last == '-' || w[0] == '/' || w[0] == '-';
      if (!glue) break;
    }
    joined += w;
  }
  *used = i;
  return joined;
}

// True when a code starts at s[i]: a capital letter (or Đ/đ) that OCR does not
// use for a damaged '/' or '0'.
bool CodeStartsAt(const std::string& s, size_t i) {
  if (s.compare(i, kCapitalD.size(), kCapitalD) == 0) return true;
  if (s.compare(i, kSmallD.size(), kSmallD) == 0) return true;
  const char c = s[i];
  if (!IsAsciiLetter(c)) return false;
  if (c == 'l' || c == 'I' || c == 'O' || c == 'o') return false;
  // "30c/NQ-CP": a lower-case letter glued to the ordinal belongs to it.
  if (std::islower(static_cast<unsigned char>(c)) && i > 0 && IsAsciiDigit(s[i - 1]) &&
      i + 1 < s.size() && s[i + 1] == '/') {
    return false;
  }
  return true;
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> parts;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      parts.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  parts.push_back(cur);
  return parts;
}

// Ordinal with an optional letter suffix ("30c").
bool IsOrdinal(const std::string& s) {
  if (s.empty() || !IsAsciiDigit(s[0])) return false;
  size_t i = 0;
  while (i < s.size() && IsAsciiDigit(s[i])) ++i;
  return i == s.size() || (i + 1 == s.size() && std::islower(static_cast<unsigned char>(s[i])));
}

bool AllDigits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!IsAsciiDigit(c)) return false;
  return true;
}

// A code group: starts with a capital (or Đ), made of letters and digits.
bool IsCodeGroup(const std::string& g) {
  if (g.empty()) return false;
  const bool starts_d = g.compare(0, kCapitalD.size(), kCapitalD) == 0;
  if (!starts_d && !(g[0] >= 'A' && g[0] <= 'Z')) return false;
  int lower = 0, letters = 0;
  for (size_t i = 0; i < g.size(); ++i) {
    const unsigned char c = g[i];
    if (c >= 0x80) {
      ++letters;
      continue;
    }
    if (IsAsciiLetter(c)) {
      ++letters;
      lower += std::islower(c) ? 1 : 0;
    } else if (!IsAsciiDigit(c)) {
      return false;
    }
  }
  return letters > 0 && lower * 2 <= letters;
}

std::string RepairIssuerGroup(const std::string& g) {
  const std::string folded = Fold(g);
  for (std::string_view code : IssuerCodesWithD()) {
    if (Fold(code) == folded && g.find(kCapitalD) == std::string::npos) return std::string(code);
  }
  return g;
}

// "BCUBND" (dropped '-') -> {"BC", "UBND"} when it starts with a type abbreviation.
std::vector<std::string> SplitGluedType(const std::string& group) {
  const DocTypeRule* best = nullptr;
  for (const DocTypeRule& rule : DocTypes()) {
    const std::string_view a = rule.abbreviation;
    if (a.empty() || a.size() + 2 > group.size()) continue;
    if (group.compare(0, a.size(), a) != 0) continue;
    if (!best || a.size() > best->abbreviation.size()) best = &rule;
  }
  if (!best) return {group};
  return {std::string(best->abbreviation), group.substr(best->abbreviation.size())};
}

// Code characters: ASCII letters, digits, '-', '/', Đ/đ. Stops at anything else.
std::string CodePrefix(const std::string& s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    if (s.compare(i, kCapitalD.size(), kCapitalD) == 0 ||
        s.compare(i, kSmallD.size(), kSmallD) == 0) {
      out += kCapitalD;
      i += kCapitalD.size();
      continue;
    }
    const char c = s[i];
    if (IsAsciiLetter(c) || IsAsciiDigit(c) || c == '-' || c == '/') {
      out += c;
      ++i;
      continue;
    }
    break;
  }
  while (!out.empty() && (out.back() == '-' || out.back() == '/')) out.pop_back();
  return out;
}

}  // namespace

std::optional<std::string> AfterNumberLabel(std::string_view line) {
  // Specks before the label ("'Số:", "_Số:").
  while (!line.empty() && (line[0] == '\'' || line[0] == '_' || line[0] == '`' || line[0] == '"' ||
                           line[0] == '.' || line[0] == ',' || line[0] == ':' || line[0] == ' ')) {
    line.remove_prefix(1);
  }
  std::vector<std::string> words = Words(line);
  if (words.empty()) return std::nullopt;
  // "Luật số: 29/2013/QH13", "Nghị quyết số: 51/2001/QH10": a type name before the label.
  for (const DocTypeRule& rule : DocTypes()) {
    const std::vector<std::string> name = Words(Fold(rule.name));
    if (words.size() <= name.size()) continue;
    bool match = true;
    for (size_t j = 0; j < name.size() && match; ++j) match = Fold(words[j]) == name[j];
    if (match && Fold(words[name.size()]).rfind("SO", 0) == 0) {
      words.erase(words.begin(), words.begin() + name.size());
      break;
    }
  }
  // Specks glued before the label ("4::Số:"): at most three non-letters.
  if (const size_t s = Fold(words[0]).find('S'); s != std::string::npos && s > 0 && s <= 3) {
    const std::string junk = words[0].substr(0, s);
    if (CountLetters(junk) == 0 && words[0].find(':', s) != std::string::npos)
      words[0] = words[0].substr(s);
  }
  const std::string folded = Fold(words[0]);
  if (folded.size() < 2) return std::nullopt;
  // OCR reads "Số" as "Sô", "S6", "S0" and, with a colon after it, "Sẽ",
  // "5Ô", "56" (a digit for the S: only trusted with the colon).
  const bool digit_s = folded[0] == '5';
  if (folded[0] != 'S' && !digit_s) return std::nullopt;
  const bool needs_colon = folded[1] == 'E' || digit_s;
  if (folded[1] != 'O' && folded[1] != '0' && folded[1] != '6' && (folded[1] != 'E' || digit_s))
    return std::nullopt;
  std::string rest(SkipCodePoints(words[0], 2));
  const std::string tail = JoinWords(words, 1, words.size());
  bool colon = false;
  while (!rest.empty() && (rest[0] == ':' || rest[0] == '.' || rest[0] == ';')) {
    colon = colon || rest[0] == ':' || rest[0] == ';';
    rest.erase(0, 1);
  }
  if (!rest.empty() && !IsAsciiDigit(rest[0]) && rest[0] != '/') return std::nullopt;  // "Sông"
  std::string after = rest.empty() ? tail : rest + (tail.empty() ? "" : " " + tail);
  while (!after.empty() && (after[0] == ':' || after[0] == ' ')) {
    colon = colon || after[0] == ':';
    after.erase(0, 1);
  }
  if (after.empty() || (needs_colon && !colon)) return std::nullopt;
  // Without a colon the label must be followed by the number itself ("Số 17/BC").
  if (!colon && !IsAsciiDigit(after[0]) && after[0] != '/' && after[0] != '.') return std::nullopt;
  return after;
}

std::optional<DocumentNumber> ParseDocumentNumber(std::string_view text, size_t* words_used) {
  const std::vector<std::string> words = Words(text);
  if (words.empty()) return std::nullopt;
  size_t used = 0;
  std::string s = JoinNumberWords(words, &used);
  if (words_used) *words_used = used;
  for (std::string_view dash : {"–", "—", "‐", "−"}) s = ReplaceAll(s, dash, "-");
  s = ReplaceAll(s, "\\", "/");
  s = ReplaceAll(s, "⁄", "/");  // fraction slash
  s = ReplaceAll(s, "∕", "/");  // division slash
  s = ReplaceAll(s, "|", "/");
  s = ReplaceAll(s, "…", "");
  // OCR writes Đ as Ð/ð (Latin eth), often doubled ("QĐÐ", "ÐĐA"); quotes land inside codes.
  s = ReplaceAll(s, "Ð", "Đ");
  s = ReplaceAll(s, "ð", "Đ");
  s = ReplaceAll(s, "ĐĐ", "Đ");
  for (std::string_view quote : {"'", "’", "‘", "\""}) s = ReplaceAll(s, quote, "");
  // Leading dots/underscores: the blank a clerk fills in by hand.
  size_t start = 0;
  while (start < s.size() && (s[start] == '.' || s[start] == '_' || s[start] == ',')) ++start;
  s = s.substr(start);
  if (s.empty()) return std::nullopt;
  // A handwritten ordinal OCR could not read ("~~/QĐ-UBND", "ạb /QĐ-UBND"):
  // the code with an unknown number, never a guessed one.
  if (const size_t slash = s.find('/'); slash != std::string::npos && slash > 0 &&
                                        slash + 1 < s.size() && CodeStartsAt(s, slash + 1)) {
    const std::string before = s.substr(0, slash);
    const bool unread = before.find_first_of("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") ==
                            std::string::npos &&
                        before.find(kCapitalD) == std::string::npos;
    if (unread) s = s.substr(slash);
  }

  size_t code_start = 0;
  while (code_start < s.size() && !CodeStartsAt(s, code_start)) {
    const char c = s[code_start];
    if (!(IsAsciiDigit(c) || c == '/' || c == '-' || c == 'l' || c == 'I' || c == 'O' || c == 'o' ||
          std::islower(static_cast<unsigned char>(c)) || c == '.')) {
      return std::nullopt;  // not a number
    }
    ++code_start;
  }
  std::string prefix = s.substr(0, code_start);
  const std::string code = CodePrefix(s.substr(code_start));
  if (code.empty()) return std::nullopt;
  while (!prefix.empty() && prefix[0] == '.') prefix.erase(0, 1);

  DocumentNumber number;
  // Party style "08-ĐA/HU": ordinal, '-', type, '/', issuer.
  if (!prefix.empty() && prefix.back() == '-' && AllDigits(prefix.substr(0, prefix.size() - 1))) {
    const size_t slash = code.find('/');
    if (slash == std::string::npos) return std::nullopt;
    const std::string type = code.substr(0, slash), issuer = code.substr(slash + 1);
    if (!IsCodeGroup(type) || !IsCodeGroup(issuer)) return std::nullopt;
    const std::string ordinal = prefix.substr(0, prefix.size() - 1);
    number.ordinal = std::stoi(ordinal);
    const DocTypeRule* rule = DocTypeByAbbreviation(type);
    number.type_abbreviation = rule ? std::string(rule->abbreviation) : type;
    number.issuer_code = RepairIssuerGroup(issuer);
    number.printed = ordinal + "-" + number.type_abbreviation + "/" + number.issuer_code;
    return number;
  }

  // OCR reads '/' as l, I or |, and '0' as O.
  for (char& c : prefix) {
    if (c == 'l' || c == 'I') c = '/';
    if (c == 'O' || c == 'o') c = '0';
  }
  std::vector<std::string> parts = Split(prefix, '/');
  if (!parts.empty() && !parts.back().empty()) {
    // No slash before the code: OCR dropped it or read it as a trailing '1'.
    std::string& last = parts.back();
    if (last.size() >= 2 && last.back() == '1') last.pop_back();
    parts.emplace_back();
  }
  std::vector<std::string> pieces;
  for (const std::string& p : parts)
    if (!p.empty()) pieces.push_back(p);
  // "534/5SNV-TTr", "33/4KH-UBND": OCR put a digit between the slash and the
  // code; a number has no one-digit group there (only a four-digit year).
  if (pieces.size() == 2 && pieces[1].size() == 1) pieces.pop_back();
  std::string ordinal;
  if (!pieces.empty()) {
    if (!IsOrdinal(pieces[0])) return std::nullopt;
    ordinal = pieces[0];
  }
  if (pieces.size() >= 2) {
    if (!AllDigits(pieces[1]) || pieces[1].size() != 4) return std::nullopt;
    const int year = std::stoi(pieces[1]);
    if (year < 1900 || year > 2100) return std::nullopt;
    number.year = year;
  }
  if (pieces.size() > 2) return std::nullopt;

  std::vector<std::string> groups;
  for (const std::string& g : Split(code, '-'))
    if (!g.empty()) groups.push_back(g);
  if (groups.empty()) return std::nullopt;
  if (groups.size() == 1 && code.find('/') == std::string::npos) groups = SplitGluedType(groups[0]);
  for (const std::string& g : groups)
    if (!IsCodeGroup(g)) return std::nullopt;
  if (const DocTypeRule* rule = DocTypeByAbbreviation(groups[0]); rule && groups.size() >= 2) {
    number.type_abbreviation = std::string(rule->abbreviation);
    groups[0] = number.type_abbreviation;
  }
  const size_t issuer_from = number.type_abbreviation.empty() ? 0 : 1;
  for (size_t i = issuer_from; i < groups.size(); ++i) {
    groups[i] = RepairIssuerGroup(groups[i]);
    if (!number.issuer_code.empty()) number.issuer_code += '-';
    number.issuer_code += groups[i];
  }
  if (!ordinal.empty() && AllDigits(ordinal)) number.ordinal = std::stoi(ordinal);
  if (!ordinal.empty() && !AllDigits(ordinal)) number.ordinal = std::stoi(ordinal);  // "30c" -> 30

  std::string joined_code;
  for (const std::string& g : groups) {
    if (!joined_code.empty()) joined_code += '-';
    joined_code += g;
  }
  const bool had_slash = !prefix.empty();
  number.printed = ordinal;
  if (had_slash) number.printed += '/';
  if (number.year) number.printed += std::to_string(*number.year) + "/";
  number.printed += joined_code;
  return number;
}

}  // namespace sohoa::extract
