#include "text/bigram_model.h"

#include <cmath>
#include <fstream>
#include <vector>

#include "text/letters.h"
#include "text/syllable.h"

namespace sohoa::text::internal {
namespace {

// Weight of the pair estimate against the unigram one (Jelinek-Mercer).
constexpr double kPairWeight = 0.9;

// Lower case, traditional tone style; false when not Vietnamese letters.
bool Canonical(const std::string& utf8, std::u32string* out) {
  std::vector<Letter> letters;
  if (!Decompose(Utf8ToU32(utf8), &letters)) return false;
  *out = CanonicalLower(std::move(letters));
  return true;
}

}  // namespace

Result<BigramModel> BigramModel::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::FailedPrecondition(path +
                                      ": Vietnamese bigram model not found or unreadable "
                                      "(it is committed in models/; or set "
                                      "text.bigram_model_path, empty to correct without it)");
  }
  BigramModel m;
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    bool in_word_list = false;
    if (line.size() > 2 && line.compare(line.size() - 2, 2, "\tw") == 0) {
      in_word_list = true;
      line.resize(line.size() - 2);
    }
    const size_t tab = line.find('\t');
    if (tab == std::string::npos || tab + 1 >= line.size() ||
        line.find_first_not_of("0123456789", tab + 1) != std::string::npos) {
      return Status::DataLoss(path + ":" + std::to_string(line_no) +
                              ": not \"syllable<TAB>count\"; rebuild it with "
                              "scripts/build_bigram_model.py");
    }
    const int64_t count = std::stoll(line.substr(tab + 1));
    const std::string key = line.substr(0, tab);
    const size_t space = key.find(' ');
    std::u32string a, b;
    if (space == std::string::npos) {
      if (!Canonical(key, &a)) continue;
      m.unigrams_[a] += count;
      m.total_ += count;
    } else {
      if (!Canonical(key.substr(0, space), &a) || !Canonical(key.substr(space + 1), &b)) continue;
      const std::u32string pair = a + U' ' + b;
      if (count > 0) m.bigrams_[pair] += count;
      if (in_word_list) m.words_.insert(pair);
    }
  }
  if (m.unigrams_.empty()) return Status::DataLoss(path + ": no Vietnamese syllables in the model");
  return m;
}

bool BigramModel::IsWord(const std::u32string& first, const std::u32string& second) const {
  return words_.count(first + U' ' + second) > 0;
}

int64_t BigramModel::Count(const std::u32string& syllable) const {
  auto it = unigrams_.find(syllable);
  return it == unigrams_.end() ? 0 : it->second;
}

int64_t BigramModel::PairCount(const std::u32string& first, const std::u32string& second) const {
  auto it = bigrams_.find(first + U' ' + second);
  return it == bigrams_.end() ? 0 : it->second;
}

double BigramModel::LogUnigram(const std::u32string& syllable) const {
  return std::log((Count(syllable) + 1.0) / (total_ + unigrams_.size() + 1.0));
}

double BigramModel::LogNext(const std::u32string& first, const std::u32string& second) const {
  const double unigram = std::exp(LogUnigram(second));
  const int64_t first_count = Count(first);
  const double pair = first_count > 0 ? static_cast<double>(PairCount(first, second)) / first_count : 0;
  return std::log(kPairWeight * pair + (1 - kPairWeight) * unigram);
}

}  // namespace sohoa::text::internal
