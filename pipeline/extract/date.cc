// Dates: the place/date line under the motto and dates cited in the body.
#include <cctype>
#include <string>

#include "extract/fields.h"
#include "extract/text_util.h"

namespace sohoa::extract {
namespace {

// Lower-case words allowed inside a place name ("Thành phố Hồ Chí Minh").
bool IsPlaceConnector(std::string_view word) {
  static const std::string_view kConnectors[] = {"phố", "xã", "trấn"};
  for (std::string_view c : kConnectors)
    if (word == c) return true;
  return false;
}

bool FoldedIs(std::string_view word, std::string_view folded) {
  return Fold(TrimJunk(word)) == folded;
}

// A short alphabetic word standing where OCR garbled "tháng"/"năm" ("mg").
bool IsGarbledLabel(std::string_view word) {
  const std::string t = TrimJunk(word);
  const int letters = CountLetters(t);
  return !t.empty() && letters > 0 && letters <= 5 && !ReadOcrNumber(t);
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// An ASCII letter or a byte of a non-ASCII (UTF-8) letter.
bool IsLetterByte(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
}

// OCR glues the numbers of a date line to its labels: "tháng'9" -> "tháng 9",
// "19tháng" -> "19 tháng". Splits at quotes and at digit/letter boundaries
// (a 'O', 'o', 'l' or 'I' among digits is OCR's digit, not a letter).
std::vector<std::string> SplitDateWords(const std::vector<std::string>& words) {
  auto digitish = [](char c) { return IsDigit(c) || c == 'O' || c == 'o' || c == 'l' || c == 'I'; };
  std::vector<std::string> out;
  for (const std::string& w : words) {
    std::string cur;
    for (size_t i = 0; i < w.size(); ++i) {
      const char c = w[i];
      if (c == '\'' || c == '"' || c == '`') {
        if (!cur.empty()) out.push_back(cur);
        cur.clear();
        continue;
      }
      if (!cur.empty()) {
        const char prev = cur.back();
        const bool to_digit = IsDigit(c) && IsLetterByte(prev) && !digitish(prev);
        const bool from_digit = IsDigit(prev) && IsLetterByte(c) && !digitish(c);
        if (to_digit || from_digit) {
          out.push_back(cur);
          cur.clear();
        }
      }
      cur += c;
    }
    if (!cur.empty()) out.push_back(cur);
  }
  return out;
}

}  // namespace

std::optional<IssueDate> MakeDate(int year, int month, int day) {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return std::nullopt;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int days = kDays[month - 1];
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && leap) days = 29;
  if (day > days) return std::nullopt;
  IssueDate d;
  d.year = year;
  d.month = month;
  d.day = day;
  return d;
}

std::optional<int> ReadOcrNumber(std::string_view token) {
  const std::string t = TrimJunk(token);
  if (t.empty() || t.size() > 4) return std::nullopt;
  int value = 0, digits = 0;
  for (char c : t) {
    if (c >= '0' && c <= '9') {
      value = value * 10 + (c - '0');
      ++digits;
    } else if (c == 'O' || c == 'o') {
      value *= 10;
    } else if (c == 'l' || c == 'I') {
      value = value * 10 + 1;
    } else {
      return std::nullopt;
    }
  }
  if (digits == 0) return std::nullopt;  // "lO" is a word, not a number
  return value;
}

std::optional<IssueDate> ParseNumericDate(std::string_view token) {
  std::string t = TrimJunk(token);
  int fields[3] = {0, 0, 0};
  int field = 0, digits = 0;
  char sep = 0;
  for (char c : t) {
    if (c >= '0' && c <= '9') {
      fields[field] = fields[field] * 10 + (c - '0');
      if (++digits > 4) return std::nullopt;
    } else if ((c == '/' || c == '.' || c == '-') && digits > 0 && field < 2 &&
               (!sep || sep == c)) {
      sep = c;
      ++field;
      digits = 0;
    } else {
      return std::nullopt;
    }
  }
  if (field != 2 || digits != 4) return std::nullopt;
  return MakeDate(fields[2], fields[1], fields[0]);
}

std::optional<DateLine> ParseDateLine(std::string_view line) {
  const std::vector<std::string> words = Words(line);
  for (size_t k = 1; k < words.size(); ++k) {
    if (!FoldedIs(words[k], "NGAY")) continue;
    // The place: capitalised words right before "ngày".
    size_t place_begin = k;
    while (place_begin > 0) {
      const std::string w = TrimJunk(words[place_begin - 1]);
      const bool title = IsTitleWord(w) || IsPlaceConnector(w) || Fold(w) == "TP";
      if (!title || w.empty()) break;
      --place_begin;
    }
    if (place_begin == k) continue;
    const bool comma = words[k - 1].back() == ',';
    if (!comma && k - place_begin > 4) continue;
    // "ngày D tháng M năm Y", each number possibly blank.
    const std::vector<std::string> dw =
        SplitDateWords(std::vector<std::string>(words.begin() + static_cast<long>(k) + 1, words.end()));
    size_t i = 0;
    std::optional<int> day, month, year;
    if (i < dw.size() && (day = ReadOcrNumber(dw[i]))) ++i;
    if (i >= dw.size()) continue;
    const bool thang = FoldedIs(dw[i], "THANG") || (day && IsGarbledLabel(dw[i]));
    if (!thang) continue;
    ++i;
    if (i < dw.size() && (month = ReadOcrNumber(dw[i]))) ++i;
    if (i >= dw.size()) continue;
    const bool nam = FoldedIs(dw[i], "NAM") || (month && IsGarbledLabel(dw[i]));
    if (!nam) continue;
    ++i;
    if (i < dw.size()) year = ReadOcrNumber(dw[i]);

    DateLine out;
    out.place = TrimJunk(JoinWords(words, place_begin, k));
    out.before = JoinWords(words, 0, place_begin);
    if (day && month && year) out.date = MakeDate(*year, *month, *day);
    out.blank = !day && !month;
    return out;
  }
  return std::nullopt;
}

std::optional<IssueDate> DateAt(const std::vector<std::string>& words, size_t i,
                                size_t* words_used) {
  if (i >= words.size() || !FoldedIs(words[i], "NGAY")) return std::nullopt;
  if (i + 1 < words.size()) {
    if (auto d = ParseNumericDate(words[i + 1])) {
      if (words_used) *words_used = 2;
      return d;
    }
  }
  if (i + 5 < words.size()) {
    auto day = ReadOcrNumber(words[i + 1]);
    auto month = ReadOcrNumber(words[i + 3]);
    auto year = ReadOcrNumber(words[i + 5]);
    // Labels OCR garbled ("thúng", "nãm") between three numbers that make a date.
    const bool thang = FoldedIs(words[i + 2], "THANG") || IsGarbledLabel(words[i + 2]);
    const bool nam = FoldedIs(words[i + 4], "NAM") || IsGarbledLabel(words[i + 4]);
    if (day && month && year && thang && nam) {
      if (words_used) *words_used = 6;
      return MakeDate(*year, *month, *day);
    }
  }
  return std::nullopt;
}

}  // namespace sohoa::extract
