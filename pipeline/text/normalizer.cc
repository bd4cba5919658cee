// TextNormalizer: wires Unicode repair, tone style, search folding and the
// corrector; owns the ICU transliterator and the syllable list.
#include <unicode/locid.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <optional>

#include "text/corrector.h"
#include "text/letters.h"
#include "text/syllable.h"
#include "text/syllable_dictionary.h"
#include "text/text.h"
#include "text/tone_style.h"
#include "text/unicode_repair.h"

namespace sohoa::text {
namespace {

using internal::Corrector;
using internal::SyllableDictionary;

// Words of a text with the exact whitespace between them, so a corrected
// text differs from the raw one only inside the words that changed.
struct SplitText {
  std::vector<std::string> words;
  std::vector<std::string> gaps;  // gaps[i] precedes words[i]; gaps.back() trails
};

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

SplitText Split(std::string_view s) {
  SplitText out;
  size_t i = 0;
  while (true) {
    size_t start = i;
    while (i < s.size() && IsAsciiSpace(s[i])) ++i;
    out.gaps.emplace_back(s.substr(start, i - start));
    if (i >= s.size()) break;
    start = i;
    while (i < s.size() && !IsAsciiSpace(s[i])) ++i;
    out.words.emplace_back(s.substr(start, i - start));
  }
  return out;
}

std::string Join(const SplitText& t) {
  std::string out;
  for (size_t i = 0; i < t.words.size(); ++i) out += t.gaps[i] + t.words[i];
  out += t.gaps.back();
  return out;
}

class IcuTextNormalizer final : public TextNormalizer {
 public:
  IcuTextNormalizer(const Options& options, SyllableDictionary dictionary,
                    std::unique_ptr<icu::Transliterator> to_ascii)
      : options_(options),
        dictionary_(std::move(dictionary)),
        corrector_(dictionary_, options_),
        to_ascii_(std::move(to_ascii)) {}

  std::string Nfc(std::string_view text) override { return internal::RepairToNfc(text); }

  std::string Canonical(std::string_view text) override {
    return internal::ToTraditionalToneStyle(Nfc(text));
  }

  std::string SearchKey(std::string_view text) override {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(Canonical(text));
    to_ascii_->transliterate(u);
    u.toLower(icu::Locale::getRoot());
    std::string folded;
    u.toUTF8String(folded);
    std::string out;
    for (char c : folded) {
      if (IsAsciiSpace(c)) {
        if (!out.empty() && out.back() != ' ') out.push_back(' ');
      } else {
        out.push_back(c);
      }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
  }

  PageText NormalizePage(const PageText& page) override {
    PageText out = page;
    std::vector<std::vector<std::string>> words(1);
    for (OcrLine& line : out.lines) {
      for (OcrWord& word : line.words) {
        word.text = Nfc(word.text);
        words[0].push_back(word.text);
      }
    }
    if (!options_.correct) return out;
    corrector_.CorrectDocument(&words);
    size_t k = 0;
    for (OcrLine& line : out.lines)
      for (OcrWord& word : line.words) word.text = words[0][k++];
    return out;
  }

  bool IsValidSyllable(std::string_view word) override {
    return corrector_.Analyse(Nfc(word)).kind == WordKind::kValidSyllable;
  }

  WordKind ClassifyWord(std::string_view word) override {
    return corrector_.Analyse(Nfc(word)).kind;
  }

  int CountInvalidSyllables(std::string_view text) override {
    int n = 0;
    for (const std::string& w : Split(Nfc(text)).words)
      if (corrector_.Analyse(w).kind == WordKind::kInvalidSyllable) ++n;
    return n;
  }

  CorrectedText Correct(std::string_view text) override {
    return std::move(CorrectDocument({std::string(text)}).front());
  }

  std::vector<CorrectedText> CorrectDocument(const std::vector<std::string>& pages) override {
    std::vector<SplitText> split;
    std::vector<std::vector<std::string>> words;
    std::vector<CorrectedText> out(pages.size());
    for (size_t p = 0; p < pages.size(); ++p) {
      out[p].raw = Nfc(pages[p]);
      split.push_back(Split(out[p].raw));
      words.push_back(split.back().words);
    }
    std::vector<std::vector<Correction>> corrections(pages.size());
    if (options_.correct) corrections = corrector_.CorrectDocument(&words);
    for (size_t p = 0; p < pages.size(); ++p) {
      split[p].words = std::move(words[p]);
      out[p].text = Join(split[p]);
      out[p].corrections = std::move(corrections[p]);
    }
    return out;
  }

 private:
  Options options_;
  SyllableDictionary dictionary_;
  Corrector corrector_;
  std::unique_ptr<icu::Transliterator> to_ascii_;
};

}  // namespace

bool IsWellFormedSyllable(std::string_view word) {
  std::vector<internal::Letter> letters;
  return internal::Decompose(internal::Utf8ToU32(internal::RepairToNfc(word)), &letters) &&
         internal::ParseSyllable(letters).valid;
}

Result<std::unique_ptr<TextNormalizer>> TextNormalizer::Create(const Options& options) {
  SOHOA_RETURN_IF_ERROR(internal::CheckNormalizationData());
  if (options.min_repetitions < 2) {
    return Status::InvalidArgument("text.min_repetitions must be at least 2 (got " +
                                   std::to_string(options.min_repetitions) + ")");
  }
  SyllableDictionary dictionary;
  if (!options.syllable_dictionary_path.empty()) {
    SOHOA_ASSIGN_OR_RETURN(dictionary, SyllableDictionary::Load(options.syllable_dictionary_path));
  }
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> to_ascii(
      icu::Transliterator::createInstance("Latin-ASCII", UTRANS_FORWARD, err));
  if (U_FAILURE(err) || to_ascii == nullptr) {
    return Status::FailedPrecondition(std::string("ICU transliterator Latin-ASCII unavailable (") +
                                      u_errorName(err) + ")");
  }
  return std::unique_ptr<TextNormalizer>(
      new IcuTextNormalizer(options, std::move(dictionary), std::move(to_ascii)));
}

}  // namespace sohoa::text
