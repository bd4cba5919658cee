// text: OCR output -> text a person can trust and an index can match (ICU).
//
// Display text keeps the document's own tone-mark style; comparison and the
// search index use one canonical style and a folded key. The canonical style
// is the traditional one ("hòa, thủy, xóa"): it is the style of the national
// motto on every document ("CỘNG HÒA") and of Decree 30 itself.
//
// Corrections weigh evidence, in this order of trust: the recogniser's own
// other readings of a character, diacritic-only variants that are real
// syllables, a syllable bigram model of Vietnamese text, and the document's
// own repetitions. A real syllable is changed only on strong evidence, a
// name only on the recogniser's or the document's; numbers, document codes
// ("17/BC-UBND"), dates and all-caps codes are never touched. Every change
// carries its reason.
// Thread-safety: a TextNormalizer is used by one thread at a time.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/page.h"
#include "core/status.h"

namespace sohoa::text {

struct Options {
  bool correct = true;  // apply corrections (with reasons) on top of normalisation
  // Hunspell syllable list (Debian package hunspell-vi), read once in Create().
  // Empty: spelling rules alone decide validity and only document evidence
  // corrects. Default: "/usr/share/hunspell/vi_VN.dic".
  std::string syllable_dictionary_path = "/usr/share/hunspell/vi_VN.dic";
  // Syllable unigram/bigram counts (scripts/build_bigram_model.py), read once
  // in Create(). Empty: no language model. Default:
  // "models/vi_syllable_bigrams.tsv" (the CLI resolves it against the
  // project folder).
  std::string bigram_model_path = "models/vi_syllable_bigrams.tsv";
  // A word pair read one way at least this many times in a document counts
  // as evidence against a different reading of the same word. Default 4.
  int min_repetitions = 4;
};

// One change the corrector made, with a reason a clerk can read.
struct Correction {
  std::string from;    // the word as read ("quyet")
  std::string to;      // the word as corrected ("quyết")
  std::string reason;  // "only valid syllable with these letters"
  int word = 0;        // index of the word among the page's whitespace-separated words
};

// A page after correction: words NFC and corrected (a word joined to the one
// before it is removed and its box merged; boxes otherwise unchanged).
struct CorrectedPage {
  PageText page;
  std::vector<Correction> corrections;
};

// A text before and after correction.
struct CorrectedText {
  std::string raw;   // NFC of the input, otherwise as read
  std::string text;  // corrected (whitespace kept as in raw)
  std::vector<Correction> corrections;
};

// What a whitespace-separated word is, for confidence and correction.
enum class WordKind {
  kValidSyllable,    // a Vietnamese syllable (or listed word) as spelled
  kInvalidSyllable,  // letters only, but not a valid syllable: likely misread
  kProtected,        // number, date, document code, all-caps code: never corrected
  kOther,            // punctuation, foreign script, mixed symbols
};

// Spelling rules alone (onset, rhyme, tone rules, tone-mark place), without
// the dictionary: "quyết" yes, "quyet" no (stop-final rhyme needs sắc/nặng).
bool IsWellFormedSyllable(std::string_view word);

class TextNormalizer {
 public:
  // Fails with kFailedPrecondition when ICU data or the dictionary file is
  // missing or unreadable.
  static Result<std::unique_ptr<TextNormalizer>> Create(const Options& options);
  virtual ~TextNormalizer() = default;

  // NFC; repairs mixed precomposed/combining input and mark order, maps
  // look-alikes (Cyrillic/Greek letters inside Latin words and codes,
  // "ð" -> "đ"). Keeps the tone style.
  virtual std::string Nfc(std::string_view text) = 0;
  // NFC in one canonical tone-mark style (hoà -> hòa), for comparison.
  virtual std::string Canonical(std::string_view text) = 0;
  // The search key: Canonical, then ICU Latin-ASCII and lower case
  // ("QUYẾT ĐỊNH" -> "quyet dinh", "đ" -> "d"), whitespace collapsed.
  virtual std::string SearchKey(std::string_view text) = 0;
  // Normalises every word of a page (boxes unchanged); corrects too when
  // Options::correct.
  virtual PageText NormalizePage(const PageText& page) = 0;
  // The pages of one document together: NFC, then (when Options::correct)
  // corrections using the recogniser's glyph choices, the model and the
  // whole document's repetitions. One result per page.
  virtual std::vector<CorrectedPage> CorrectPages(const std::vector<PageText>& pages) = 0;

  // One syllable (punctuation around it ignored, case ignored): spelling
  // rules and, when loaded, the dictionary.
  virtual bool IsValidSyllable(std::string_view word) = 0;
  // Kind of one whitespace-separated word (punctuation around it ignored).
  virtual WordKind ClassifyWord(std::string_view word) = 0;
  // Counts letter-only words that are not valid syllables.
  virtual int CountInvalidSyllables(std::string_view text) = 0;

  // Nfc, then corrections (model and the text's own repetitions as evidence).
  virtual CorrectedText Correct(std::string_view text) = 0;
  // Corrects the pages of one document together, so a word read right on
  // one page is evidence for another page. One result per page.
  virtual std::vector<CorrectedText> CorrectDocument(const std::vector<std::string>& pages) = 0;
};

}  // namespace sohoa::text
