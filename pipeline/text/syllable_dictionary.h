// The list of real syllables (hunspell-vi), indexed by toneless skeleton.
// Internal to the text stage. Thread-safety: const after Load().
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/status.h"

namespace sohoa::text::internal {

class SyllableDictionary {
 public:
  // Reads a hunspell .dic file (first line: count; "word[/flags]" per line).
  // Words are kept lower case in the traditional tone style.
  static Result<SyllableDictionary> Load(const std::string& path);

  bool empty() const { return words_.empty(); }
  size_t size() const { return words_.size(); }
  // `lower` is lower case, traditional tone style.
  bool Contains(const std::u32string& lower) const { return words_.count(lower) > 0; }
  // All listed syllables with this toneless lower-case skeleton ("quyet").
  const std::vector<std::u32string>& WithSkeleton(const std::u32string& skeleton) const;

 private:
  std::unordered_set<std::u32string> words_;
  std::unordered_map<std::u32string, std::vector<std::u32string>> by_skeleton_;
};

}  // namespace sohoa::text::internal
