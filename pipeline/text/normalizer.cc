// TextNormalizer: wires Unicode repair, tone style, search folding and the
// corrector; owns the ICU transliterator and the syllable list.
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "text/bigram_model.h"
#include "text/corrector.h"
#include "text/letters.h"
#include "text/syllable.h"
#include "text/syllable_dictionary.h"
#include "text/text.h"
#include "text/tone_style.h"
#include "text/unicode_repair.h"

namespace sohoa::text {
namespace {

using internal::BigramModel;
using internal::Corrector;
using internal::DocumentWord;
using internal::Reading;
using internal::SyllableDictionary;

// The recogniser's other readings of a word: one or two characters swapped
// for a choice it also considered, at most this much less likely.
constexpr double kMaxReadingCost = 4.0;   // nats
constexpr float kMinGlyphProbability = 0.02f;
constexpr size_t kMaxReadings = 12;

std::vector<Reading> ReadingsOf(const OcrWord& word, std::string (*nfc)(std::string_view)) {
  std::vector<Reading> out;
  const auto& g = word.glyph_choices;
  std::string best;
  for (const auto& choices : g) {
    if (choices.empty()) return out;
    best += choices[0].text;
  }
  if (g.empty() || nfc(best) != word.text) return out;  // choices do not line up with the text
  // (position, choice index, cost) of every single swap worth considering.
  struct Swap { size_t pos, k; double cost; };
  std::vector<Swap> swaps;
  for (size_t i = 0; i < g.size(); ++i) {
    const float top = std::max(g[i][0].probability, kMinGlyphProbability);
    for (size_t k = 1; k < g[i].size(); ++k) {
      if (g[i][k].probability < kMinGlyphProbability || g[i][k].text.empty()) continue;
      const double cost = std::log(top / g[i][k].probability);
      if (cost <= kMaxReadingCost) swaps.push_back(Swap{i, k, std::max(0.0, cost)});
    }
  }
  std::sort(swaps.begin(), swaps.end(), [](const Swap& a, const Swap& b) { return a.cost < b.cost; });
  auto spell = [&](const Swap* a, const Swap* b) {
    std::string t;
    for (size_t i = 0; i < g.size(); ++i) {
      size_t k = 0;
      if (a && a->pos == i) k = a->k;
      if (b && b->pos == i) k = b->k;
      t += g[i][k].text;
    }
    return nfc(t);
  };
  for (size_t x = 0; x < swaps.size() && out.size() < kMaxReadings; ++x) {
    out.push_back(Reading{spell(&swaps[x], nullptr), swaps[x].cost});
    for (size_t y = x + 1; y < swaps.size() && out.size() < kMaxReadings; ++y) {
      if (swaps[y].pos == swaps[x].pos || swaps[x].cost + swaps[y].cost > kMaxReadingCost) continue;
      out.push_back(Reading{spell(&swaps[x], &swaps[y]), swaps[x].cost + swaps[y].cost});
    }
  }
  return out;
}

// Per character of the word, every character the recogniser considered; empty
// when its choices do not line up one to one with the characters of the text.
bool HasTwoCapitals(const std::string& text) {
  int n = 0;
  for (char32_t c : internal::Utf8ToU32(text))
    if (u_isupper(static_cast<UChar32>(c)) && ++n == 2) return true;
  return false;
}

std::u32string NfcGlyph(const std::string& glyph) {
  const bool ascii = std::all_of(glyph.begin(), glyph.end(), [](char c) { return (c & 0x80) == 0; });
  return internal::Utf8ToU32(ascii ? glyph : internal::RepairToNfc(glyph));
}

std::vector<std::vector<std::u32string>> ChoicesOf(const OcrWord& word) {
  std::vector<std::vector<std::u32string>> out;
  const std::u32string text = internal::Utf8ToU32(word.text);
  if (word.glyph_choices.size() != text.size()) return out;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto& g = word.glyph_choices[i];
    if (g.empty() || NfcGlyph(g[0].text) != text.substr(i, 1)) return {};
    std::vector<std::u32string> here;
    for (const GlyphChoice& c : g) here.push_back(NfcGlyph(c.text));
    out.push_back(std::move(here));
  }
  return out;
}

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

// A word emptied by correction (joined to the one before) takes its gap with it.
std::string Join(const SplitText& t) {
  std::string out;
  for (size_t i = 0; i < t.words.size(); ++i) {
    if (!t.words[i].empty()) out += t.gaps[i] + t.words[i];
  }
  out += t.gaps.back();
  return out;
}

std::string RepairToNfcFn(std::string_view s) { return internal::RepairToNfc(s); }

class IcuTextNormalizer final : public TextNormalizer {
 public:
  IcuTextNormalizer(const Options& options, SyllableDictionary dictionary, BigramModel model,
                    std::unique_ptr<icu::Transliterator> to_ascii)
      : options_(options),
        dictionary_(std::move(dictionary)),
        model_(std::move(model)),
        corrector_(dictionary_, model_, options_),
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
    return std::move(CorrectPages({page}).front().page);
  }

  std::vector<CorrectedPage> CorrectPages(const std::vector<PageText>& pages) override {
    std::vector<CorrectedPage> out(pages.size());
    std::vector<std::vector<DocumentWord>> words(pages.size());
    for (size_t p = 0; p < pages.size(); ++p) {
      out[p].page = pages[p];
      for (OcrLine& line : out[p].page.lines) {
        for (size_t k = 0; k < line.words.size(); ++k) {
          OcrWord& word = line.words[k];
          word.text = Nfc(word.text);
          DocumentWord dw;
          dw.text = word.text;
          dw.line_start = k == 0;
          if (options_.correct) {
            dw.alternatives = ReadingsOf(word, &RepairToNfcFn);
            if (HasTwoCapitals(word.text)) dw.choices = ChoicesOf(word);  // only codes use them
            if (word.box.h > 0) dw.width_to_height = static_cast<double>(word.box.w) / word.box.h;
          }
          words[p].push_back(std::move(dw));
        }
      }
    }
    if (!options_.correct) return out;
    std::vector<std::vector<Correction>> corrections = corrector_.CorrectDocument(&words);
    for (size_t p = 0; p < pages.size(); ++p) {
      size_t k = 0;
      for (OcrLine& line : out[p].page.lines) {
        std::vector<OcrWord> kept;
        for (OcrWord& word : line.words) {
          std::string& text = words[p][k++].text;
          if (text.empty() && !kept.empty()) {  // joined to the word before: one box
            kept.back().box = BoxUnion(kept.back().box, word.box);
            continue;
          }
          word.glyph_choices.clear();  // read once: the raw page keeps them
          word.text = std::move(text);
          kept.push_back(std::move(word));
        }
        line.words = std::move(kept);
      }
      out[p].corrections = std::move(corrections[p]);
    }
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
    std::vector<std::vector<DocumentWord>> words(pages.size());
    std::vector<CorrectedText> out(pages.size());
    for (size_t p = 0; p < pages.size(); ++p) {
      out[p].raw = Nfc(pages[p]);
      split.push_back(Split(out[p].raw));
      const SplitText& t = split.back();
      for (size_t i = 0; i < t.words.size(); ++i) {
        DocumentWord dw;
        dw.text = t.words[i];
        dw.line_start = i == 0 || t.gaps[i].find('\n') != std::string::npos;
        words[p].push_back(std::move(dw));
      }
    }
    std::vector<std::vector<Correction>> corrections(pages.size());
    if (options_.correct) corrections = corrector_.CorrectDocument(&words);
    for (size_t p = 0; p < pages.size(); ++p) {
      for (size_t i = 0; i < words[p].size(); ++i) split[p].words[i] = std::move(words[p][i].text);
      out[p].text = Join(split[p]);
      out[p].corrections = std::move(corrections[p]);
    }
    return out;
  }

 private:
  Options options_;
  SyllableDictionary dictionary_;
  BigramModel model_;
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
  BigramModel model;
  if (!options.bigram_model_path.empty()) {
    SOHOA_ASSIGN_OR_RETURN(model, BigramModel::Load(options.bigram_model_path));
  }
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> to_ascii(
      icu::Transliterator::createInstance("Latin-ASCII", UTRANS_FORWARD, err));
  if (U_FAILURE(err) || to_ascii == nullptr) {
    return Status::FailedPrecondition(std::string("ICU transliterator Latin-ASCII unavailable (") +
                                      u_errorName(err) + ")");
  }
  return std::unique_ptr<TextNormalizer>(
      new IcuTextNormalizer(options, std::move(dictionary), std::move(model), std::move(to_ascii)));
}

}  // namespace sohoa::text
