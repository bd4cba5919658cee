// Vietnamese syllable unigram and bigram counts (models/vi_syllable_bigrams.tsv,
// built by scripts/build_bigram_model.py) and the scores the corrector uses.
// Internal to the text stage. Thread-safety: const after Load().
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "core/status.h"

namespace sohoa::text::internal {

class BigramModel {
 public:
  // Reads "syllable<TAB>count" and "first second<TAB>count[<TAB>w]" lines
  // (w: the pair is a word of the word list); '#' starts a comment. Syllables are folded to lower case, traditional tone
  // style, so both styles of the corpus count together. Words that are not
  // made of Vietnamese letters are skipped.
  static Result<BigramModel> Load(const std::string& path);

  bool empty() const { return unigrams_.empty(); }
  size_t pairs() const { return bigrams_.size(); }

  // Arguments are lower case, traditional tone style.
  int64_t Count(const std::u32string& syllable) const;
  int64_t PairCount(const std::u32string& first, const std::u32string& second) const;
  // The two syllables, in this order, make (part of) a dictionary word.
  bool IsWord(const std::u32string& first, const std::u32string& second) const;
  // log P(syllable), add-one smoothed.
  double LogUnigram(const std::u32string& syllable) const;
  // log P(second | first), interpolated with the unigram: a pair never seen
  // costs about as much as the second syllable's own rarity, plus a penalty.
  double LogNext(const std::u32string& first, const std::u32string& second) const;

 private:
  std::unordered_map<std::u32string, int64_t> unigrams_;
  std::unordered_map<std::u32string, int64_t> bigrams_;  // "first second"
  std::unordered_set<std::u32string> words_;             // pairs of the word list
  int64_t total_ = 0;
};

}  // namespace sohoa::text::internal
