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

}  // namespace

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
      if (!subject.empty() && EndsSentence(subject)) break;
      if (!subject.empty()) subject += ' ';
      subject += line;
      ++taken;
    }
    if (!subject.empty()) out.subject = TrimJunk(subject);
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
