// Cited documents in running text: "Kế hoạch số 32/KH-UBND ngày 28/12/2020".
#include <algorithm>
#include <set>
#include <string>
#include <tuple>

#include "extract/fields.h"
#include "extract/rules.h"
#include "extract/text_util.h"

namespace sohoa::extract {
namespace {

constexpr size_t kMaxFillerWords = 3;  // "Kế hoạch giám sát số 88/KH-HĐND"

struct TypePhrase {
  std::vector<std::string> folded;  // {"KE", "HOACH"}
  std::string name;                 // "Kế hoạch"
};

std::vector<TypePhrase> BuildTypePhrases() {
  std::vector<TypePhrase> phrases;
  for (const DocTypeRule& rule : DocTypes()) {
    phrases.push_back({Words(Fold(rule.name)), SentenceCase(rule.name)});
  }
  for (const CitedAbbreviation& a : CitedAbbreviations()) {
    phrases.push_back({{std::string(a.word)}, std::string(a.type_name)});
  }
  // Longest first: "Thông tư liên tịch" before "Thông tư".
  std::stable_sort(phrases.begin(), phrases.end(), [](const TypePhrase& a, const TypePhrase& b) {
    return a.folded.size() > b.folded.size();
  });
  return phrases;
}

// Abbreviations ("TT") count only when printed in capitals; names in any case.
const TypePhrase* TypeAt(const std::vector<TypePhrase>& phrases,
                         const std::vector<std::string>& words,
                         const std::vector<std::string>& folded, size_t i, size_t* length) {
  for (const TypePhrase& p : phrases) {
    if (i + p.folded.size() > folded.size()) continue;
    bool match = true;
    for (size_t j = 0; j < p.folded.size() && match; ++j) match = folded[i + j] == p.folded[j];
    if (!match) continue;
    if (p.folded.size() == 1 && Fold(p.name) != p.folded[0] && !IsUpperText(words[i], 2)) continue;
    *length = p.folded.size();
    return &p;
  }
  return nullptr;
}

}  // namespace

std::vector<CitedDocument> FindCitedDocuments(std::string_view text) {
  static const std::vector<TypePhrase> phrases = BuildTypePhrases();
  const std::vector<std::string> words = Words(text);
  std::vector<std::string> folded;
  folded.reserve(words.size());
  for (const std::string& w : words) folded.push_back(Fold(TrimJunk(w)));

  std::vector<CitedDocument> out;
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  for (size_t i = 0; i < words.size(); ++i) {
    size_t length = 0;
    const TypePhrase* type = TypeAt(phrases, words, folded, i, &length);
    if (!type) continue;
    size_t j = i + length;
    // Optional filler words, then optional "số"/"số:".
    size_t k = j;
    while (k < words.size() && k - j < kMaxFillerWords && folded[k] != "SO") {
      size_t unused = 0;
      if (TypeAt(phrases, words, folded, k, &unused)) break;
      const bool lower_word =
          CountLetters(words[k]) > 0 && !IsTitleWord(words[k]) && !IsUpperText(words[k], 1);
      if (!lower_word) break;  // fillers are lower-case words
      ++k;
    }
    if (k < words.size() && folded[k] == "SO") {
      j = k + 1;
    } else if (j < words.size() && folded[j] == "SO") {
      ++j;
    }
    if (j >= words.size()) continue;
    std::string rest = JoinWords(words, j, std::min(words.size(), j + 4));
    while (!rest.empty() && (rest[0] == ':' || rest[0] == ' ')) rest.erase(0, 1);
    size_t used = 0;
    auto number = ParseDocumentNumber(rest, &used);
    if (!number || !number->ordinal || number->issuer_code.empty()) continue;
    const std::vector<std::string> rest_words = Words(rest);
    // Skip the consumed words in `words` (a lone ':' counts as one).
    size_t after = j + (words[j] == ":" ? 1 : 0) + used;
    if (after < words.size() && (words[after] == "," || words[after] == "-")) ++after;
    CitedDocument cited;
    cited.type = type->name;
    cited.number = number->printed;
    size_t date_words = 0;
    cited.date = DateAt(words, after, &date_words);
    const std::string iso = cited.date ? cited.date->Iso() : "";
    if (seen.insert({cited.type, cited.number, iso}).second) out.push_back(cited);
    i = after > i ? after - 1 : i;
  }
  // A later undated mention of a document already cited with its date adds nothing.
  std::vector<CitedDocument> kept;
  for (const CitedDocument& c : out) {
    bool dated_elsewhere = false;
    if (!c.date) {
      for (const CitedDocument& d : out)
        dated_elsewhere = dated_elsewhere || (d.date && d.number == c.number && d.type == c.type);
    }
    if (!dated_elsewhere) kept.push_back(c);
  }
  return kept;
}

}  // namespace sohoa::extract
