// Correction of OCR'd Vietnamese from evidence, in this order of trust:
// Tesseract's own other readings of the word, diacritic-only variants that
// are real syllables, the syllable bigram model, and the document's own
// repetitions. Numbers, codes and dates are never touched; every change
// carries its reason.
// Internal to the text stage. Thread-safety: const after construction.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/bigram_model.h"
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
  bool all_caps = false;
  bool code = false;                 // an all-caps letter code (UBND, HĐND): never changed, but context
};

// Another reading of a whole word, from the recogniser's per-character
// choices, and how much less likely it was than the one it printed.
struct Reading {
  std::string text;   // NFC
  double cost = 0;    // log(P(printed) / P(this)) >= 0
};

// A word of a document as the corrector sees it.
struct DocumentWord {
  std::string text;                  // NFC; corrected in place
  std::vector<Reading> alternatives;  // may be empty (text input)
  bool line_start = false;           // first word of its line
  // Per character of `text`, every character the recogniser considered there
  // (the printed one first), whatever its probability; empty when unknown
  // (and for words with fewer than two capitals: only letter codes use it).
  std::vector<std::vector<std::u32string>> choices;
  double width_to_height = 0;        // of the word's box; 0 when unknown (text input)
};

class Corrector {
 public:
  // `dictionary` and `model` may be empty; they must outlive the corrector.
  Corrector(const SyllableDictionary& dictionary, const BigramModel& model, const Options& options)
      : dictionary_(dictionary), model_(model), options_(options) {}

  WordView Analyse(std::string_view word) const;
  bool IsValid(const std::vector<Letter>& letters) const;

  // `pages` holds the words of one document, page by page; corrected in
  // place. A word joined to the one before it becomes empty; a word split in
  // two holds a space. Returns the corrections made on each page.
  std::vector<std::vector<Correction>> CorrectDocument(
      std::vector<std::vector<DocumentWord>>* pages) const;

 private:
  // Two real syllables joined by a full stop or colon, split ("cải cách");
  // empty when the word is not such a pair.
  std::string SplitAtSpeck(const WordView& w) const;
  // Some real syllable has these toneless letters ("quyet" -> quyết).
  bool HasWellFormedVariant(const std::u32string& skeleton) const;

  const SyllableDictionary& dictionary_;
  const BigramModel& model_;
  Options options_;
};

}  // namespace sohoa::text::internal
