#include "text/syllable_dictionary.h"

#include <fstream>

#include "text/letters.h"
#include "text/syllable.h"

namespace sohoa::text::internal {

Result<SyllableDictionary> SyllableDictionary::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::FailedPrecondition(path +
                                      ": Vietnamese syllable list not found or unreadable "
                                      "(install Debian package hunspell-vi, or set "
                                      "text.syllable_dictionary_path)");
  }
  SyllableDictionary dict;
  std::string line;
  bool first = true;
  std::vector<Letter> letters;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (first) {  // the entry count
      first = false;
      if (!line.empty() && line.find_first_not_of("0123456789") == std::string::npos) continue;
    }
    line = line.substr(0, line.find('/'));
    if (line.empty() || !Decompose(Utf8ToU32(line), &letters)) continue;
    std::u32string lower = CanonicalLower(letters);
    if (dict.words_.insert(lower).second) dict.by_skeleton_[Skeleton(letters)].push_back(lower);
  }
  if (dict.words_.empty()) {
    return Status::DataLoss(path + ": no Vietnamese syllables in the syllable list");
  }
  return dict;
}

const std::vector<std::u32string>& SyllableDictionary::WithSkeleton(
    const std::u32string& skeleton) const {
  static const std::vector<std::u32string> kNone;
  auto it = by_skeleton_.find(skeleton);
  return it == by_skeleton_.end() ? kNone : it->second;
}

}  // namespace sohoa::text::internal
