// The type line, the subject under it, and the "Kính gửi"/"Nơi nhận" lists.
#include <string>

#include "extract/fields.h"
#include "extract/text_util.h"

namespace sohoa::extract {
namespace {

constexpr size_t kMaxSubjectLines = 3;

bool EndsSentence(std::string_view line) {
  return !line.empty() && (line.back() == '.' || line.back() == ';' || line.back() == ':');
}

bool IsListItem(std::string_view line) {
  return !line.empty() &&
         (line[0] == '-' || line[0] == '+' || line.substr(0, 3) == "•" || line.substr(0, 3) == "–");
}

std::string WithoutBullet(std::string_view line) {
  size_t i = 0;
  if (line.substr(0, 3) == "•" || line.substr(0, 3) == "–")
    i = 3;
  else if (!line.empty() && (line[0] == '-' || line[0] == '+'))
    i = 1;
  return CollapseSpaces(line.substr(i));
}

bool IsLowerOrDigitStart(std::string_view text) {
  const std::string t = TrimJunk(text);
  if (t.empty()) return false;
  if (t[0] >= '0' && t[0] <= '9') return true;
  return !IsUpperText(Words(t)[0], 1);
}

}  // namespace

std::string CleanSubject(std::string_view subject) {
  // A '.' or ':' between a lower-case letter and a letter or digit is an OCR
  // speck: a subject's words never hold one ("năm.2021", "chính.nhà", "hành:chính").
  std::string text(subject);
  for (size_t i = 1; i + 1 < text.size(); ++i) {
    if (text[i] != '.' && text[i] != ':') continue;  // "hành:chính" too
    const std::vector<std::string> head = Words(text.substr(0, i));
    const std::string before = head.empty() ? "" : head.back();
    const char next = text[i + 1];
    const bool lower_before = !before.empty() && !IsUpperText(before, 1) && CountLetters(before) > 0;
    const bool letter_or_digit_after =
        (next >= '0' && next <= '9') || (static_cast<unsigned char>(next) >= 0x80) ||
        (next >= 'a' && next <= 'z');
    if (lower_before && letter_or_digit_after) text[i] = ' ';
  }
  std::vector<std::string> words;
  for (const std::string& w : Words(text))
    if (!TrimJunk(w).empty()) words.push_back(w);  // lone specks (".", "—")
  // "năm 82024": a speck read as a digit before the year.
  for (size_t i = 1; i < words.size(); ++i) {
    std::string& w = words[i];
    const bool five_digits = w.size() == 5 && w.find_first_not_of("0123456789") == std::string::npos;
    if (Fold(words[i - 1]) != "NAM" || !five_digits) continue;
    const int year = std::stoi(w.substr(1));
    if (year >= 1900 && year <= 2100) w = w.substr(1);
  }
  // A full stop inside the subject, before a lower-case or numeric word.
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    std::string& w = words[i];
    if (w.size() > 1 && w.back() == '.' && !IsUpperText(w, 1) && IsLowerOrDigitStart(words[i + 1]))
      w.pop_back();
  }
  return TrimJunk(JoinWords(words, 0, words.size()));
}

TypeAndSubject FindTypeAndSubject(const std::vector<std::string>& lines, size_t from) {
  TypeAndSubject out;
  const size_t limit = std::min(lines.size(), from + 12);
  for (size_t i = from; i < limit; ++i) {
    auto type = DocTypeOfLine(lines[i]);
    if (!type) continue;
    out.doc_type = type;
    std::string subject;
    for (size_t j = i + 1, taken = 0; j < lines.size() && taken < kMaxSubjectLines; ++j) {
      const std::string& line = lines[j];
      if (TrimJunk(line).empty() && !subject.empty()) break;  // rule under the subject
      if (line.empty()) {
        if (subject.empty()) continue;
        break;
      }
      // A title in capitals right under the type line (laws) is the subject;
      // capitals after a sentence-case subject start the body.
      const bool upper = IsUpperText(line, 3);
      if (upper && !(subject.empty() || IsUpperText(subject, 3))) break;
      if (IsBodyOpener(line) || IsListItem(line)) break;
      if (upper && DocTypeOfLine(line)) break;
      // A subject does not end in a full stop: one followed by a lower-case or
      // numeric line ("... năm." / ". 2024.") is a speck.
      if (!subject.empty() && EndsSentence(subject) && !IsLowerOrDigitStart(line)) break;
      if (!subject.empty()) subject += ' ';
      subject += line;
      ++taken;
    }
    if (!subject.empty()) out.subject = CleanSubject(subject);
    return out;
  }
  return out;
}

std::vector<std::string> ListAfterLabel(const std::vector<std::string>& lines,
                                        std::string_view folded_label) {
  std::vector<std::string> items;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string folded = Fold(lines[i]);
    if (folded.rfind(folded_label, 0) != 0) continue;
    const size_t colon = lines[i].find(':');
    std::string first =
        colon == std::string::npos ? "" : CollapseSpaces(lines[i].substr(colon + 1));
    if (!first.empty()) items.push_back(WithoutBullet(first));
    for (size_t j = i + 1; j < lines.size(); ++j) {
      const std::string& line = lines[j];
      if (line.empty()) break;
      if (IsListItem(line)) {
        items.push_back(WithoutBullet(line));
      } else if (!items.empty() && !EndsSentence(items.back()) && !IsUpperText(line)) {
        items.back() += " " + line;  // an item wrapped onto the next line
      } else {
        break;
      }
    }
    return items;
  }
  return items;
}

}  // namespace sohoa::extract
