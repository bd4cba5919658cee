// Conservative correction of OCR'd Vietnamese: diacritics only, only on
// unambiguous evidence, every change with its reason.
// Internal to the text stage. Thread-safety: const after construction.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/letters.h"
#include "text/syllable_dictionary.h"
#include "text/text.h"

namespace sohoa::text::internal {

// One whitespace-separated word split into punctuation and core.
struct WordView {
  WordKind kind = WordKind::kOther;
  std::u32string lead, core, trail;  // "(" "quyết" "),"
  std::vector<Letter> letters;       // of core, when it is made of letters
  std::vector<bool> stray;           // letter was ö/ï: its marks are unknown
  std::u32string lower;              // lower case, traditional tone style
  std::u32string skeleton;           // lower case, no marks
  bool capitalised = false;          // first letter upper, not all caps
};

class Corrector {
 public:
  // `dictionary` may be empty; it must outlive the corrector.
  Corrector(const SyllableDictionary& dictionary, const Options& options)
      : dictionary_(dictionary), options_(options) {}

  WordView Analyse(std::string_view word) const;
  bool IsValid(const std::vector<Letter>& letters) const;

  // `pages` holds the NFC words of one document, page by page; corrected in
  // place. Returns the corrections made on each page.
  std::vector<std::vector<Correction>> CorrectDocument(
      std::vector<std::vector<std::string>>* pages) const;

 private:
  // Some real syllable has these toneless letters ("quyet" -> quyết).
  bool HasWellFormedVariant(const std::u32string& skeleton) const;

  const SyllableDictionary& dictionary_;
  Options options_;
};

}  // namespace sohoa::text::internal
