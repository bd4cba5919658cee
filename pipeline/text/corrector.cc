#include "text/corrector.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <unordered_map>

#include "text/syllable.h"

namespace sohoa::text::internal {
namespace {

bool IsAlnum(char32_t c) { return u_isalnum(static_cast<UChar32>(c)); }

// Stray letters Tesseract emits inside Vietnamese words: the plain vowel they
// stand for, with marks unknown.
char32_t StrayVowel(char32_t c) {
  switch (c) {
    case U'ö': return U'o';
    case U'Ö': return U'O';
    case U'ï': return U'i';
    case U'Ï': return U'I';
    default: return 0;
  }
}

int ToneOf(const std::vector<Letter>& letters) {
  for (const Letter& l : letters)
    if (l.tone != kLevel) return l.tone;
  return kLevel;
}

// How far a candidate is from what was read, in half-steps: a dropped mark
// (what OCR does most) costs 2, a confused tone 3, a changed or spurious mark 4.
int MarkDistance(const WordView& read, const std::vector<Letter>& candidate) {
  int cost = 0;
  for (size_t i = 0; i < candidate.size(); ++i) {
    char32_t rb = read.letters[i].base, cb = candidate[i].base;
    if (read.stray[i]) cost += 1;
    else if (rb == cb) continue;
    else if (PlainBase(cb) == rb) cost += 2;
    else cost += 4;
  }
  int rt = ToneOf(read.letters), ct = ToneOf(candidate);
  if (rt == ct) return cost;
  if (rt == kLevel) return cost + 2;
  if (ct == kLevel) return cost + 4;
  auto pair = [&](int a, int b) { return (rt == a && ct == b) || (rt == b && ct == a); };
  if (pair(kAcute, kHook) || pair(kHook, kTilde) || pair(kAcute, kTilde)) return cost + 3;
  return cost + 4;
}

// The candidate written with the case of what was read.
std::string WithCaseOf(const WordView& read, const std::u32string& lower_candidate) {
  std::vector<Letter> letters;
  Decompose(lower_candidate, &letters);
  for (size_t i = 0; i < letters.size() && i < read.letters.size(); ++i)
    letters[i].upper = read.letters[i].upper;
  return U32ToUtf8(read.lead) + U32ToUtf8(Compose(letters)) + U32ToUtf8(read.trail);
}

constexpr int kMaxPlausibleCost = 4;  // half-steps of MarkDistance

// Letters a worn or broken print turns into others of like shape: an "n"
// whose arch broke reads "r", a "C" with a speck in its mouth "G", an "e"
// whose bar faded "c", an "h" closed by a speck "b". Each costs this much
// against what was read, as three mark steps do.
constexpr std::pair<char32_t, char32_t> kShapeConfusions[] = {
    {U'r', U'n'}, {U'g', U'c'}, {U'c', U'e'}, {U'e', U'c'}, {U'b', U'h'}, {U'h', U'b'}};
constexpr double kNatsPerShapeConfusion = 3.0;

// Scores are in nats (natural log of probability ratios).
constexpr double kNatsPerMarkStep = 1.0;   // a diacritic-only change, per half-step
constexpr double kMarginForValidWord = 5.0;  // a real syllable is changed only when this much likelier
// ... and, on the model's word alone, only when it has seen the new pair
// this often next to a neighbour where it never saw the printed one.
constexpr int64_t kMinPairSupport = 50;
// A reading of the recogniser's at most this much less likely than the
// printed one (nats: about a fifth of its probability) is a close second...
constexpr double kCloseReadingCost = 1.6;
// ... and taken without the margin when the model has seen it this often next
// to a neighbour where it never saw the printed word.
constexpr int64_t kMinReadingSupport = 10;
// A printed pair the model has seen this often objects to a change.
constexpr int64_t kObjectingPairCount = 25;
constexpr double kDocWordWeight = 1.5;     // per log(1 + times read elsewhere)
// Letter codes this long or longer are compared with the document's others.
constexpr size_t kMinCodeLetters = 3;
constexpr double kDocPairWeight = 3.0;     // per log(1 + times the pair was read), past min_repetitions

// A tone mark, or a vowel with a quality mark (ă â ê ô ơ ư).
bool HasVowelMarks(const std::vector<Letter>& letters) {
  for (const Letter& l : letters)
    if (l.tone != kLevel || (IsVowelBase(l.base) && PlainBase(l.base) != l.base)) return true;
  return false;
}

bool IsWord(const WordView& w) {
  return w.kind == WordKind::kValidSyllable || w.kind == WordKind::kInvalidSyllable;
}

bool EndsSentence(const std::u32string& trail) {
  return !trail.empty() && std::u32string_view(U".:;!?").find(trail.back()) != std::u32string_view::npos;
}

// A capitalised word that does not start a sentence, or is followed by
// another capitalised word, is taken for a name: only the recogniser's own
// readings and the document's repetitions may change it.
bool LooksLikeName(const std::vector<WordView>& v, const std::vector<DocumentWord>& words, size_t i) {
  if (!v[i].capitalised) return false;
  if (i + 1 < v.size() && v[i + 1].trail.empty() && v[i].trail.empty() &&
      (v[i + 1].capitalised || v[i + 1].all_caps))
    return true;
  if (i == 0 || words[i].line_start) return false;
  const WordView& prev = v[i - 1];
  if (EndsSentence(prev.trail) || (prev.core.empty() && !prev.lead.empty())) return false;
  return true;
}

// The word's neighbour it forms a pair with: a word or a letter code ("UBND
// tỉnh"), with nothing but space between.
const WordView* Neighbour(const std::vector<WordView>& v, size_t i, int dir) {
  auto context = [](const WordView& w) { return IsWord(w) || w.code; };
  if (dir < 0) {
    if (i == 0 || !context(v[i - 1]) || !v[i - 1].trail.empty() || !v[i].lead.empty()) return nullptr;
    return &v[i - 1];
  }
  if (i + 1 >= v.size() || !context(v[i + 1]) || !v[i].trail.empty() || !v[i + 1].lead.empty())
    return nullptr;
  return &v[i + 1];
}

struct Candidate {
  std::u32string lower;
  double channel = 0;        // nats against it from what was printed
  bool from_reading = false;  // one of the recogniser's own readings
  double lm = 0, doc = 0;
  int doc_count = 0, doc_pair = 0;
  double score() const { return lm + doc - channel; }
};

std::string Joined(const std::u32string& a, const std::u32string& b) {
  return "\"" + U32ToUtf8(a) + " " + U32ToUtf8(b) + "\"";
}

// "l", "I" or "|" after "Điều": the article number 1 ("Điều L" -> "Điều 1").
bool IsArticleOne(const WordView& prev, const std::u32string& core) {
  return prev.lower == U"điều" && prev.trail.empty() &&
         (core == U"l" || core == U"L" || core == U"I" || core == U"|");
}

bool IsDigit(char32_t c) { return c >= U'0' && c <= U'9'; }

// A line that opens with a list marker ("-", "+", "a)", "1.") starts a clause.
bool OpensListItem(const std::string& word) {
  if (word == "-" || word == "+" || word == "–" || word == "•") return true;
  const std::u32string u = Utf8ToU32(word);
  return u.size() == 2 && (u[1] == U')' || u[1] == U'.') && (IsDigit(u[0]) || (u[0] >= U'a' && u[0] <= U'z'));
}

// Ends a sentence: a word (not a one-letter initial or a number) followed by ".", "!" or "?".
bool EndsSentenceWord(const std::string& word) {
  const std::u32string u = Utf8ToU32(word);
  if (u.size() < 3 || std::u32string_view(U".!?").find(u.back()) == std::u32string_view::npos) return false;
  return !IsDigit(u[u.size() - 2]);
}

bool IsNumberEnd(const std::string& word) { return !word.empty() && word.back() >= '0' && word.back() <= '9'; }
bool IsNumberStart(const std::string& word) { return !word.empty() && word[0] >= '0' && word[0] <= '9'; }

std::string WithLast(const std::string& word, char32_t c) {
  std::u32string u = Utf8ToU32(word);
  u.back() = c;
  return U32ToUtf8(u);
}

// The recogniser offered this word with its last character swapped for `c`.
bool OfferedWithLast(const DocumentWord& word, char32_t c) {
  const std::string alt = WithLast(word.text, c);
  for (const Reading& r : word.alternatives)
    if (r.text == alt) return true;
  return false;
}

// Index of the first word of the clause holding word i: just after the last
// sentence end, or the start of a line that opens a list item.
size_t ClauseStart(const std::vector<DocumentWord>& words, size_t i) {
  size_t k = i;
  while (k > 0) {
    if (EndsSentenceWord(words[k - 1].text)) return k;
    if (words[k].line_start && OpensListItem(words[k].text)) return k;
    --k;
  }
  return 0;
}

bool EndsWith(const std::string& word, char c) { return word.size() > 1 && word.back() == c; }

// Why word i, read with a colon the recogniser nearly read as a semicolon,
// is one item of an enumeration; empty when nothing says so.
std::string SemicolonReason(const std::vector<DocumentWord>& words, size_t i) {
  const size_t start = ClauseStart(words, i);
  const bool ends_line = i + 1 >= words.size() || words[i + 1].line_start;
  // Earlier on the same line, in the same sentence. A colon ending its line
  // may introduce what follows even after a semicolon ("...; như sau:").
  for (size_t k = i; k > start && !words[k].line_start; --k) {
    if (EndsWith(words[k - 1].text, ';') && !ends_line)
      return "the sentence goes on from a semicolon: the recogniser's other reading";
    if (EndsWith(words[k - 1].text, ':')) return "a second colon in one sentence: the recogniser's other reading";
  }
  // A list item ending its line, right after one that ended with ";".
  if (ends_line && start > 0 && OpensListItem(words[start].text) && EndsWith(words[start - 1].text, ';'))
    return "the list item before it ends with a semicolon: the recogniser's other reading";
  return "";
}

// The recogniser considered `c` for character `at` of the word.
bool Considered(const DocumentWord& word, size_t at, char32_t c) {
  if (at >= word.choices.size()) return false;
  for (const std::u32string& x : word.choices[at])
    if (x.size() == 1 && x[0] == c) return true;
  return false;
}

// `read` (the core of `word`, starting at character `lead`) is `code` misread
// in one character the recogniser also saw as `code`'s letter, or with one
// character too many that it also saw as a neighbouring letter ("TTHGC":
// one C read twice). Empty when neither.
std::string OneGlyphFrom(const DocumentWord& word, size_t lead, const std::u32string& read,
                         const std::u32string& code) {
  if (read.size() == code.size()) {
    size_t diff = read.size();
    for (size_t k = 0; k < read.size(); ++k) {
      if (read[k] == code[k]) continue;
      if (diff != read.size()) return "";
      diff = k;
    }
    if (diff == read.size() || !Considered(word, lead + diff, code[diff])) return "";
    return "the recogniser also saw \"" + U32ToUtf8(code.substr(diff, 1)) + "\" there";
  }
  if (read.size() != code.size() + 1) return "";
  for (size_t k = 0; k < read.size(); ++k) {
    if (read.substr(0, k) + read.substr(k + 1) != code) continue;
    const bool twice = (k > 0 && Considered(word, lead + k, read[k - 1])) ||
                       (k + 1 < read.size() && Considered(word, lead + k, read[k + 1]));
    if (twice) return "one letter read twice";
  }
  return "";
}

// A section heading's Roman numeral of strokes alone (I, II, III) as read,
// with look-alikes for a stroke ("IH.", "IL.", "H."): the strokes read, or 0
// when it is not such a numeral.
int StrokesRead(const WordView& w) {
  if (!w.lead.empty() || w.trail != U"." || w.core.empty() || w.core.size() > 3) return 0;
  int strokes = 0;
  for (char32_t c : w.core) {
    if (c == U'I') ++strokes;
    else if (c != U'H' && c != U'L') return 0;
  }
  return strokes == static_cast<int>(w.core.size()) ? strokes : -1;  // -1: a look-alike in it
}

// "I", "II", "III".
bool AllStrokes(const std::u32string& core) {
  return !core.empty() && core.size() <= 3 && core.find_first_not_of(U'I') == std::u32string::npos;
}

// Boxes whose width-to-height ratios differ by less than this share hold the
// same numeral of strokes: one stroke more or less changes it by a third.
constexpr double kSameShape = 0.08;

// How many strokes a numeral with a full stop this wide (box width over
// height) holds: each stroke of a capital I about 0.55 of the letter height,
// the full stop and spacing about 0.2. 0 when the width does not tell.
int StrokesFromWidth(double width_to_height) {
  const double x = (width_to_height - 0.2) / 0.55;
  if (x > 0.5 && x < 1.3) return 1;
  if (x > 1.7 && x < 2.3) return 2;
  if (x > 2.6 && x < 4.0) return 3;
  return 0;
}

bool StartsLowerCase(const WordView& w) {
  return w.lead.empty() && !w.letters.empty() && !w.letters[0].upper;
}

// Word i is a real word ending with a full stop, the last of a line of two
// or more words all in capitals ("ỦY BAN NHÂN DÂN HUYỆN."): headings and the
// issuing body carry no full stop.
bool EndsHeadingInCapitals(const std::vector<WordView>& v, const std::vector<DocumentWord>& words, size_t i) {
  if (v[i].kind != WordKind::kValidSyllable || !v[i].all_caps || v[i].trail != U"." || words[i].line_start ||
      (i + 1 < v.size() && !words[i + 1].line_start))
    return false;
  for (size_t k = i; k-- > 0;) {
    if (!v[k].all_caps || !v[k].lead.empty() || !v[k].trail.empty()) return false;
    if (words[k].line_start) return true;
  }
  return false;
}

// Some word of the line, from word i on (at most a few), ends with an
// apostrophe: the one before word i opens a quotation ('quốc gia').
bool QuoteClosesSoon(const std::vector<WordView>& v, const std::vector<DocumentWord>& words, size_t i) {
  constexpr size_t kQuotedWords = 12;
  for (size_t k = i; k < v.size() && k < i + kQuotedWords; ++k) {
    if (k > i && words[k].line_start) return false;
    if (v[k].trail.find(U'\'') != std::u32string::npos) return true;
  }
  return false;
}

// Digits, with "/" between them: "2021", "15/7/2021".
bool IsDateOrNumber(const std::u32string& core) {
  return !core.empty() && core[0] >= U'0' && core[0] <= U'9' &&
         std::all_of(core.begin(), core.end(), [](char32_t c) { return (c >= U'0' && c <= U'9') || c == U'/'; });
}

// The lower-case words of the date formula "ngày 15 tháng 7 năm 2023".
bool IsDateWord(const WordView& w) {
  return !w.capitalised && !w.all_caps && (w.lower == U"ngày" || w.lower == U"tháng" || w.lower == U"năm");
}

// A full stop between two lower-case words ("phát. triển"), or a
// full stop or apostrophe before a lower-case word inside a sentence
// ("hiện .có"): a speck read as punctuation. Empty when neither.
std::string StraySpeckReason(const std::vector<WordView>& v, const std::vector<DocumentWord>& words, size_t i) {
  const WordView& w = v[i];
  const bool on_line = i + 1 < v.size() && !words[i + 1].line_start;
  // "ngày 15/7/2021. của": a date inside a line, then a lower-case word (a
  // number alone may be an enumeration's "2."); and "ngày. 05/01/2024",
  // "ngày :18/01/2023": nothing stands between the date formula's words
  // and its numbers.
  if (IsDateOrNumber(w.core) && w.core.find(U'/') != std::u32string::npos && !words[i].line_start &&
      w.lead.empty() && w.trail == U"." && on_line &&
      v[i + 1].kind == WordKind::kValidSyllable && StartsLowerCase(v[i + 1]))
    return "a full stop between a date and a lower-case word: a speck";
  if (IsDateWord(w) && w.lead.empty() && (w.trail == U"." || w.trail == U":") && on_line &&
      v[i + 1].lead.empty() && IsDateOrNumber(v[i + 1].core))
    return "a mark between \"ngày\", \"tháng\" or \"năm\" and its number: a speck";
  if (i > 0 && !words[i].line_start && IsDateWord(v[i - 1]) && v[i - 1].trail.empty() &&
      (w.lead == U"." || w.lead == U":") && IsDateOrNumber(w.core))
    return "a mark between \"ngày\", \"tháng\" or \"năm\" and its number: a speck";
  if (w.kind != WordKind::kValidSyllable || w.letters.empty() || w.letters[0].upper) return "";
  // On the next line, only a real word: "b)" opens a list item.
  const bool next_goes_on = i + 1 < v.size() && StartsLowerCase(v[i + 1]) &&
                            (!words[i + 1].line_start ||
                             (v[i + 1].kind == WordKind::kValidSyllable && v[i + 1].letters.size() >= 2));
  if (w.lead.empty() && w.trail == U"." && next_goes_on) return "a full stop between two lower-case words: a speck";
  const bool lead_speck = w.lead == U"." || (w.lead == U"'" && !QuoteClosesSoon(v, words, i));
  if (lead_speck && i > 0 && !words[i].line_start && !EndsSentence(v[i - 1].trail) && !v[i - 1].letters.empty() &&
      (w.trail.empty() || w.trail == U"," || w.trail == U";"))
    return "a mark before a lower-case word inside a sentence: a speck";
  return "";
}

bool IsNumber(const std::string& word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Same length, one letter different (marks count as part of the letter).
bool OneLetterApart(const std::u32string& a, const std::u32string& b) {
  if (a.size() != b.size()) return false;
  int diff = 0;
  for (size_t k = 0; k < a.size(); ++k) diff += a[k] != b[k];
  return diff == 1;
}

// Records a change to word i of the page being corrected.
using Record = std::function<void(size_t word, std::string to, std::string reason)>;

// Punctuation: the dash of a range of numbers ("2021 – 2025"), which the
// recogniser reads as an em dash; the closing mark "./."; specks read as
// full stops or apostrophes; one semicolon read as two marks; a semicolon
// read as a colon inside an enumeration.
void FixPunctuation(const std::vector<WordView>& v, const std::vector<DocumentWord>& words, const Record& record) {
  for (size_t i = 0; i < v.size(); ++i) {
    if (words[i].text == "—" && i > 0 && i + 1 < v.size() && !words[i].line_start &&
        !words[i + 1].line_start && IsNumberEnd(words[i - 1].text) && IsNumberStart(words[i + 1].text)) {
      record(i, "–", "a range of numbers takes the en dash");
      continue;
    }
    if (IsWord(v[i]) && v[i].trail == U"./") {
      record(i, words[i].text + ".", "the closing mark of a text is \"./.\"");
      continue;
    }
    if (EndsHeadingInCapitals(v, words, i)) {
      record(i, U32ToUtf8(v[i].lead) + U32ToUtf8(v[i].core), "a line in capitals takes no full stop: a speck");
      continue;
    }
    if (IsWord(v[i]) && (v[i].trail == U":;" || v[i].trail == U";:" || v[i].trail == U";.")) {
      record(i, U32ToUtf8(v[i].lead) + U32ToUtf8(v[i].core) + ";", "one semicolon read as two marks");
      continue;
    }
    if (std::string reason = StraySpeckReason(v, words, i); !reason.empty()) {
      const bool trail_is_speck = v[i].trail == U"." || (v[i].trail == U":" && IsDateWord(v[i]));
      record(i, U32ToUtf8(v[i].core) + (trail_is_speck ? "" : U32ToUtf8(v[i].trail)), std::move(reason));
      continue;
    }
    if (v[i].trail != U":" || !(IsWord(v[i]) || v[i].code) || !OfferedWithLast(words[i], U';')) continue;
    std::string reason = SemicolonReason(words, i);
    if (!reason.empty()) record(i, WithLast(words[i].text, U';'), std::move(reason));
  }
}

// A real syllable read with its second letter also a capital and the rest
// small ("THương", "NGhị"): no Vietnamese spelling has that shape, while
// abbreviations that do ("TTr", "ThS") are no syllables. The first letter
// alone is the capital.
void FixMixedCase(const std::vector<WordView>& v, const Record& record) {
  constexpr size_t kMinSmallLetters = 2;
  for (size_t i = 0; i < v.size(); ++i) {
    const WordView& w = v[i];
    if (w.kind != WordKind::kValidSyllable || w.all_caps || w.letters.size() < 2 + kMinSmallLetters ||
        !w.letters[0].upper || !w.letters[1].upper)
      continue;
    size_t upper = 0;
    while (upper < w.letters.size() && w.letters[upper].upper) ++upper;
    if (w.letters.size() - upper < kMinSmallLetters ||
        std::any_of(w.letters.begin() + upper, w.letters.end(), [](const Letter& l) { return l.upper; }))
      continue;
    std::vector<Letter> letters = w.letters;
    for (size_t k = 1; k < letters.size(); ++k) letters[k].upper = false;
    record(i, U32ToUtf8(w.lead) + U32ToUtf8(Compose(letters)) + U32ToUtf8(w.trail),
           "a capital read for a small letter inside a word");
  }
}

// Section headings "I.", "II.", "III." at the start of a line, a stroke
// dropped or read as another letter ("II." for "III.", "IH." for "II."):
// the width of the box tells how many strokes were printed.
void FixHeadingNumerals(const std::vector<WordView>& v, const std::vector<DocumentWord>& words, const Record& record) {
  std::vector<size_t> headings;  // word index
  for (size_t i = 0; i + 1 < v.size(); ++i) {
    if (!words[i].line_start || words[i + 1].line_start) continue;
    // Its full stop lost ("I Đặc điểm", "I NHỮNG HOẠT ĐỘNG"): a line that
    // goes on in lower case is a sentence wrapped after "quý" ("I năm 2023").
    if (v[i].lead.empty() && v[i].trail.empty() && AllStrokes(v[i].core) &&
        (v[i + 1].capitalised || v[i + 1].all_caps) && v[i + 1].lead.empty()) {
      record(i, U32ToUtf8(v[i].core) + ".", "section heading numeral: its full stop lost");
      continue;
    }
    const int read = StrokesRead(v[i]);
    if (read == 0 || !(v[i + 1].capitalised || v[i + 1].all_caps)) continue;
    if (read < 0 && !v[i + 1].all_caps) continue;  // "H." before a name is an initial
    headings.push_back(i);
    const int printed = StrokesFromWidth(words[i].width_to_height);
    if (printed == 0 || printed == read) continue;
    record(i, std::string(printed, 'I') + ".",
           "section heading numeral: its box is as wide as " + std::to_string(printed) + " stroke(s)");
  }
  // Between "I." and "III.", a heading the width leaves open is "II.".
  for (size_t k = 1; k + 1 < headings.size(); ++k) {
    const size_t i = headings[k];
    const int before = StrokesRead(v[headings[k - 1]]), after = StrokesRead(v[headings[k + 1]]);
    if (before <= 0 || after != before + 2 || StrokesRead(v[i]) == before + 1 ||
        StrokesFromWidth(words[i].width_to_height) != 0)
      continue;
    record(i, std::string(before + 1, 'I') + ".",
           "section heading numeral between " + U32ToUtf8(v[headings[k - 1]].core) + " and " +
               U32ToUtf8(v[headings[k + 1]].core));
  }
}

// Numerals of strokes alone read with different strokes in boxes of the
// same shape on one page ("quý II" beside "quý III"): a stroke was lost.
void FixNumeralShapes(const std::vector<WordView>& v, const std::vector<DocumentWord>& words, const Record& record) {
  std::vector<size_t> numerals;
  for (size_t i = 0; i < v.size(); ++i)
    if (AllStrokes(v[i].core) && words[i].width_to_height > 0) numerals.push_back(i);
  for (size_t i : numerals) {
    for (size_t j : numerals) {
      if (v[j].core.size() <= v[i].core.size() || v[j].lead != v[i].lead || v[j].trail != v[i].trail ||
          std::abs(words[j].width_to_height - words[i].width_to_height) >
              kSameShape * words[j].width_to_height)
        continue;
      record(i, U32ToUtf8(v[i].lead) + U32ToUtf8(v[j].core) + U32ToUtf8(v[i].trail),
             "a box of the same shape as \"" + U32ToUtf8(v[j].core) + "\" on this page: a stroke lost");
      break;
    }
  }
}

// How many strokes a numeral of strokes inside a line ("quý III năm") holds,
// from its box: in Times New Roman, the face Decree 30 prescribes, a capital
// I in running text is about 0.46 of its height wide, strokes and the space
// between them. 0 when the width is not near a whole number of strokes.
constexpr double kStrokeWidthShare = 0.46;
constexpr double kStrokeTolerance = 0.2;
int StrokesInLine(double width_to_height) {
  const double x = width_to_height / kStrokeWidthShare;
  const int k = static_cast<int>(std::lround(x));
  return k >= 1 && k <= 3 && std::abs(x - k) < kStrokeTolerance ? k : 0;
}

// A numeral of strokes inside a line whose box is clearly as wide as another
// count of strokes ("quý II" in a box three strokes wide): a stroke was lost
// or doubled, typically on blurred scans.
void FixNumeralWidths(const std::vector<WordView>& v, const std::vector<DocumentWord>& words, const Record& record) {
  for (size_t i = 0; i < v.size(); ++i) {
    if (!AllStrokes(v[i].core) || !v[i].lead.empty() || v[i].trail == U"." || words[i].line_start ||
        words[i].width_to_height <= 0)
      continue;
    const int printed = StrokesInLine(words[i].width_to_height);
    if (printed == 0 || printed == static_cast<int>(v[i].core.size())) continue;
    record(i, std::string(printed, 'I') + U32ToUtf8(v[i].trail),
           "numeral of strokes: its box is as wide as " + std::to_string(printed) + " stroke(s)");
  }
}

// Letter codes (CCHC, TTHC, UBND) read many times in the document and
// misread once, in one glyph the recogniser itself doubted.
void FixLetterCodes(const std::vector<WordView>& v, const std::vector<DocumentWord>& words,
                    const std::unordered_map<std::u32string, int>& code_count, const Record& record) {
  auto count_of = [&](const std::u32string& code) {
    auto it = code_count.find(code);
    return it == code_count.end() ? 0 : it->second;
  };
  for (size_t i = 0; i < v.size(); ++i) {
    if (!v[i].code || v[i].core.size() < kMinCodeLetters || words[i].choices.empty()) continue;
    const int read = count_of(v[i].core);
    for (const auto& [code, n] : code_count) {
      if (n < 2 || n < 2 * read) continue;
      const std::string how = OneGlyphFrom(words[i], v[i].lead.size(), v[i].core, code);
      if (how.empty()) continue;
      record(i, U32ToUtf8(v[i].lead) + U32ToUtf8(code) + U32ToUtf8(v[i].trail),
             "read \"" + U32ToUtf8(code) + "\" " + std::to_string(n) + " times in this document; " + how);
      break;
    }
  }
}

// How often each letter code of kMinCodeLetters letters or more was read in the document.
std::unordered_map<std::u32string, int> CountLetterCodes(const std::vector<std::vector<WordView>>& views) {
  std::unordered_map<std::u32string, int> code_count;
  for (const auto& v : views)
    for (const WordView& w : v)
      if (w.code && w.core.size() >= kMinCodeLetters) ++code_count[w.core];
  return code_count;
}

// The date line "ngày 15 tháng 7 năm 2023": the word between the day and
// the month, one letter from "tháng", is "tháng" ("thúng", "thàng").
void FixDateLine(const std::vector<WordView>& v, const std::vector<DocumentWord>& words, const Record& record) {
  for (size_t i = 2; i + 2 < v.size(); ++i) {
    if (v[i - 2].lower != U"ngày" || v[i + 2].lower != U"năm" || !IsNumber(words[i - 1].text) ||
        !IsNumber(words[i + 1].text) || !v[i].lead.empty() || !v[i].trail.empty() || v[i].lower == U"tháng" ||
        !OneLetterApart(v[i].lower, U"tháng"))
      continue;
    record(i, v[i].letters[0].upper ? "Tháng" : "tháng", "date line: \"ngày ... tháng ... năm\"");
  }
}

// "Nơi nhận:", the heading of the recipients, alone on its line: its colon
// read as another mark or lost, "Nơi" without its horn.
void FixRecipientsHeading(const std::vector<WordView>& v, const std::vector<DocumentWord>& words, const Record& record) {
  for (size_t i = 1; i < v.size(); ++i) {
    const bool alone = words[i - 1].line_start && (i + 1 >= v.size() || words[i + 1].line_start);
    if (!alone || v[i].lower != U"nhận" || !v[i].lead.empty() || !v[i - 1].lead.empty() ||
        !v[i - 1].trail.empty() || (v[i - 1].lower != U"nơi" && v[i - 1].lower != U"noi") ||
        !(v[i].trail.empty() || v[i].trail == U"." || v[i].trail == U";" || v[i].trail == U","))
      continue;
    if (v[i - 1].lower == U"noi") record(i - 1, v[i - 1].capitalised ? "Nơi" : "nơi", "\"Nơi nhận:\", the heading of the recipients");
    record(i, U32ToUtf8(v[i].core) + ":", "\"Nơi nhận:\", the heading of the recipients");
  }
}

// "Lưu: VT": the archive's copy (Văn thư) opens the last line of the
// recipients in every document laid out by Decree 30: "VI" or "VỊ" there
// is a T read without its bar, another second letter one the recogniser
// also saw as T.
void FixArchiveCopy(const std::vector<WordView>& v, const std::vector<DocumentWord>& words, const Record& record) {
  for (size_t i = 1; i < v.size(); ++i) {
    if (v[i - 1].lower != U"lưu" || v[i - 1].trail != U":" || !v[i].lead.empty() ||
        v[i].core.size() != 2 || v[i].core[0] != U'V' || !u_isupper(static_cast<UChar32>(v[i].core[1])))
      continue;
    // The T's bar lost: "VI", "VỊ".
    const bool stem = v[i].letters.size() == 2 && v[i].letters[1].base == U'i';
    if (!stem && (v[i].core[1] == U'T' || !Considered(words[i], 1, U'T'))) continue;
    record(i, "VT" + U32ToUtf8(v[i].trail),
           stem ? "\"Lưu: VT\", the archive's copy: a T read without its bar"
                : "\"Lưu: VT\", the archive's copy; the recogniser also saw the T");
  }
}

// The issuer's parent line "UBND TỈNH NAM ĐỊNH" and the body's "UBND huyện
// Mỹ Xuyên": after the people's committee or council, before a place name,
// stands its level. A word of the same letters with other marks ("TÍNH",
// "Tinh") is that level with a mark misread.
void FixAdministrativeLevel(const std::vector<WordView>& v, const Record& record) {
  static const std::u32string kLevels[] = {U"tỉnh", U"huyện", U"xã", U"quận", U"phường"};
  for (size_t i = 1; i + 1 < v.size(); ++i) {
    const WordView& before = v[i - 1];
    const bool committee = before.core == U"UBND" || before.core == U"HĐND" ||
                           (i >= 2 && before.lower == U"dân" && v[i - 2].lower == U"nhân" &&
                            v[i - 2].trail.empty());
    const WordView& w = v[i];
    const WordView& place = v[i + 1];
    if (!committee || !before.trail.empty() || !w.lead.empty() || !w.trail.empty() || w.letters.empty() ||
        !place.lead.empty() || !(place.capitalised || place.all_caps) || place.letters.empty())
      continue;
    for (const std::u32string& level : kLevels) {
      std::vector<Letter> letters;
      Decompose(level, &letters);
      if (w.lower == level || Skeleton(letters) != w.skeleton) continue;
      record(i, WithCaseOf(w, level), "the level after the people's committee or council, before its place");
      break;
    }
  }
}

// "Lưu:VT,VP.": a colon, comma or semicolon between two letters, where
// Vietnamese print always sets a space after it; the space was lost. Empty
// when the word has none (numbers, times, addresses and URLs keep theirs).
std::string SpaceAfterGluedMark(const std::string& text) {
  const std::u32string t = Utf8ToU32(text);
  if (t.find_first_of(U"/@0123456789") != std::u32string::npos) return "";
  std::u32string out;
  bool changed = false;
  for (size_t k = 0; k < t.size(); ++k) {
    out += t[k];
    const bool mark = t[k] == U':' || t[k] == U',' || t[k] == U';';
    if (mark && k > 0 && k + 1 < t.size() && u_isalpha(static_cast<UChar32>(t[k - 1])) &&
        u_isalpha(static_cast<UChar32>(t[k + 1]))) {
      out += U' ';
      changed = true;
    }
  }
  return changed ? U32ToUtf8(out) : "";
}

}  // namespace

// "cải.cách", "hành:chính", "THỰC.HIỆN": two real syllables of one case,
// or a lower-case syllable and a number after a full stop ("năm.2021"),
// joined by a mark where the space should be: the two words, without the
// mark ("cải cách"). A hyphen is left alone: it joins words
// ("cán bộ-công chức", "Bắc-Nam") and spells loanwords ("đô-la", "Xô-viết").
// Empty when the word is not such a pair.
std::string Corrector::SplitAtSpeck(const WordView& w) const {
  if (w.kind != WordKind::kProtected || w.code) return "";
  const size_t at = w.core.find_first_of(U".:");
  if (at == std::u32string::npos || at == 0 || at + 1 >= w.core.size()) return "";
  const WordView a = Analyse(U32ToUtf8(w.core.substr(0, at)));
  const std::u32string rest = w.core.substr(at + 1);
  if (a.kind != WordKind::kValidSyllable || a.letters.size() < 2 || !a.lead.empty() || !a.trail.empty())
    return "";
  const std::string joined_to = U32ToUtf8(w.lead) + U32ToUtf8(a.core) + " ";
  // A number or date after a full stop ("năm.2021", "ngày.18/01/2023"): no
  // abbreviation or address puts a lower-case word before one.
  if (IsDateOrNumber(rest) && w.core[at] == U'.' && !a.all_caps && !a.letters[0].upper) {
    return joined_to + U32ToUtf8(rest) + U32ToUtf8(w.trail);
  }
  const WordView b = Analyse(U32ToUtf8(rest));
  if (b.kind != WordKind::kValidSyllable || b.letters.size() < 2 || !b.lead.empty() || !b.trail.empty())
    return "";
  // Before a capital the stop may be a sentence's end with its space lost.
  const bool same_case = (a.all_caps && b.all_caps) || !b.letters[0].upper;
  if (!same_case) return "";
  return joined_to + U32ToUtf8(b.core) + U32ToUtf8(w.trail);
}

bool Corrector::IsValid(const std::vector<Letter>& letters) const {
  if (!dictionary_.empty()) {
    return dictionary_.Contains(CanonicalLower(letters));
  }
  return ParseSyllable(letters).valid;
}

bool Corrector::HasWellFormedVariant(const std::u32string& skeleton) const {
  std::vector<Letter> letters;
  if (dictionary_.empty()) {
    return Decompose(skeleton, &letters) && ParseSyllable(letters).letters_ok;
  }
  for (const auto& c : dictionary_.WithSkeleton(skeleton))
    if (Decompose(c, &letters) && ParseSyllable(letters).valid) return true;
  return false;
}

WordView Corrector::Analyse(std::string_view word) const {
  WordView w;
  std::u32string u = Utf8ToU32(word);
  size_t b = 0, e = u.size();
  while (b < e && !IsAlnum(u[b])) ++b;
  while (e > b && !IsAlnum(u[e - 1])) --e;
  w.lead = u.substr(0, b);
  w.core = u.substr(b, e - b);
  w.trail = u.substr(e);
  if (w.core.empty()) return w;  // punctuation only: kOther

  for (char32_t c : w.core) {
    if (!u_isalpha(static_cast<UChar32>(c))) {  // digits, '/', '-', ':' inside: numbers, codes, dates
      w.kind = WordKind::kProtected;
      return w;
    }
  }
  std::u32string letters_only = w.core;
  w.stray.assign(letters_only.size(), false);
  for (size_t i = 0; i < letters_only.size(); ++i) {
    if (char32_t v = StrayVowel(letters_only[i])) {
      letters_only[i] = v;
      w.stray[i] = true;
    }
  }
  if (!Decompose(letters_only, &w.letters)) return w;  // foreign letters: kOther

  w.lower = CanonicalLower(w.letters);
  w.skeleton = Skeleton(w.letters);
  const bool has_stray = std::find(w.stray.begin(), w.stray.end(), true) != w.stray.end();
  const size_t n_upper = std::count_if(w.letters.begin(), w.letters.end(),
                                       [](const Letter& l) { return l.upper; });
  const bool all_caps = n_upper == w.letters.size() && w.letters.size() >= 2;
  w.capitalised = !all_caps && w.letters[0].upper;
  w.all_caps = all_caps;

  const bool well_formed = !has_stray && ParseSyllable(w.letters).valid;
  if (all_caps) {
    // Headings are corrected like body text; codes (UBND, HĐND, VT, QĐ) never.
    if (well_formed && IsValid(w.letters)) {
      w.kind = WordKind::kValidSyllable;
    } else if ((w.letters.size() >= 4 || HasVowelMarks(w.letters)) && HasWellFormedVariant(w.skeleton)) {
      // Codes carry no marks on their vowels ("MỔI" is a misread word).
      w.kind = WordKind::kInvalidSyllable;
    } else {
      w.kind = WordKind::kProtected;
      w.code = true;
    }
  } else if (!has_stray && IsValid(w.letters)) {
    w.kind = WordKind::kValidSyllable;
  } else if (well_formed && w.capitalised) {
    w.kind = WordKind::kValidSyllable;  // a well-spelled name: Huế, Vỹ
  } else if (w.letters.size() == 1) {
    w.kind = WordKind::kOther;  // list labels and initials: "b)", "H."
  } else if (n_upper > 1) {
    w.kind = WordKind::kOther;  // mixed case such as "CTr", "TTr": abbreviations
  } else {
    w.kind = WordKind::kInvalidSyllable;
  }
  return w;
}

std::vector<std::vector<Correction>> Corrector::CorrectDocument(
    std::vector<std::vector<DocumentWord>>* pages) const {
  std::vector<std::vector<Correction>> corrections(pages->size());
  std::vector<std::vector<WordView>> views(pages->size());
  for (size_t p = 0; p < pages->size(); ++p)
    for (const DocumentWord& word : (*pages)[p]) views[p].push_back(Analyse(word.text));

  auto record = [&](size_t p, size_t i, std::string to, std::string reason) {
    DocumentWord& word = (*pages)[p][i];
    corrections[p].push_back(Correction{word.text, to, std::move(reason), static_cast<int>(i)});
    word.text = std::move(to);
    views[p][i] = Analyse(word.text);
  };

  // Words broken by a space ("qu yết"), words run together ("tụchành"), and
  // a list dash run into its word ("-Lưu:").
  for (size_t p = 0; p < pages->size(); ++p) {
    auto& v = views[p];
    auto& words = (*pages)[p];
    // A line's first word that opens with a dash glued to letters ("-Lưu:").
    auto dash_run_in = [&](size_t i, const WordView& first) {
      return words[i].line_start && first.lead == U"-" && !first.letters.empty();
    };
    for (size_t i = 0; i < v.size(); ++i) {
      if (dash_run_in(i, v[i])) {
        record(p, i, "- " + words[i].text.substr(1), "list dash run into the word");
        continue;
      }
      if (std::string split = SplitAtSpeck(v[i]); !split.empty()) {
        record(p, i, std::move(split), "two words joined by a speck read as a mark");
        v[i].kind = WordKind::kOther;  // now two words: no further changes
        continue;
      }
      if (std::string spaced = SpaceAfterGluedMark(words[i].text); !spaced.empty()) {
        const bool dash = dash_run_in(i, Analyse(spaced.substr(0, spaced.find(' '))));
        record(p, i, spaced, "the space after a colon or comma lost");
        if (dash) record(p, i, "- " + spaced.substr(1), "list dash run into the word");
        v[i].kind = WordKind::kOther;  // now several words: no further changes
        continue;
      }
      const WordView* next = Neighbour(v, i, +1);
      auto fragment = [](const WordView& x) {
        return x.kind == WordKind::kInvalidSyllable ||
               (x.kind == WordKind::kOther && x.letters.size() == 1);
      };
      if (next != nullptr && !words[i + 1].line_start && !v[i].capitalised && !next->capitalised &&
          (fragment(v[i]) || fragment(*next)) && !v[i].letters.empty() && !next->letters.empty()) {
        std::vector<Letter> joined = v[i].letters;
        joined.insert(joined.end(), next->letters.begin(), next->letters.end());
        // A real word beside a fragment stays itself unless the joined word is commoner.
        const WordView* real = !fragment(v[i]) ? &v[i] : !fragment(*next) ? next : nullptr;
        const bool commoner = real == nullptr || model_.empty() ||
                              model_.Count(CanonicalLower(joined)) >= model_.Count(real->lower);
        if (ParseSyllable(joined).valid && IsValid(joined) && commoner) {
          const std::string to = U32ToUtf8(v[i].lead) + U32ToUtf8(Compose(joined)) + U32ToUtf8(next->trail);
          const std::string from = words[i].text + " " + words[i + 1].text;
          corrections[p].push_back(Correction{from, to, "one word broken by a space", static_cast<int>(i)});
          words[i].text = to;
          words[i + 1].text.clear();
          v[i] = Analyse(to);
          v[i + 1] = WordView{};
          continue;
        }
      }
      if (v[i].kind != WordKind::kInvalidSyllable || model_.empty() || v[i].letters.size() < 4 ||
          LooksLikeName(v, words, i))
        continue;
      // Two real syllables run together: the split the bigram model knows best.
      size_t best_at = 0;
      double best = 0;
      for (size_t k = 2; k + 1 < v[i].letters.size(); ++k) {
        std::vector<Letter> a(v[i].letters.begin(), v[i].letters.begin() + k);
        std::vector<Letter> b(v[i].letters.begin() + k, v[i].letters.end());
        if (!ParseSyllable(a).valid || !ParseSyllable(b).valid || !IsValid(a) || !IsValid(b)) continue;
        const int64_t n = model_.PairCount(CanonicalLower(std::move(a)), CanonicalLower(std::move(b)));
        if (n > best) {
          best = static_cast<double>(n);
          best_at = k;
        }
      }
      if (best_at == 0) continue;
      std::vector<Letter> a(v[i].letters.begin(), v[i].letters.begin() + best_at);
      std::vector<Letter> b(v[i].letters.begin() + best_at, v[i].letters.end());
      record(p, i,
             U32ToUtf8(v[i].lead) + U32ToUtf8(Compose(a)) + " " + U32ToUtf8(Compose(b)) +
                 U32ToUtf8(v[i].trail),
             "two words run together (" + Joined(LowerWord(a), LowerWord(b)) +
                 " is usual in Vietnamese text)");
      v[i].kind = WordKind::kOther;  // now two words: no further changes
    }
  }

  // Punctuation, section heading numerals, numerals of strokes; then the
  // document's letter codes and the fixed formulas of Decree 30 layouts.
  for (size_t p = 0; p < pages->size(); ++p) {
    const Record on_page = [&](size_t i, std::string to, std::string reason) {
      record(p, i, std::move(to), std::move(reason));
    };
    FixPunctuation(views[p], (*pages)[p], on_page);
    FixMixedCase(views[p], on_page);
    FixHeadingNumerals(views[p], (*pages)[p], on_page);
    FixNumeralShapes(views[p], (*pages)[p], on_page);
    FixNumeralWidths(views[p], (*pages)[p], on_page);
  }
  const std::unordered_map<std::u32string, int> code_count = CountLetterCodes(views);
  for (size_t p = 0; p < pages->size(); ++p) {
    const Record on_page = [&](size_t i, std::string to, std::string reason) {
      record(p, i, std::move(to), std::move(reason));
    };
    FixLetterCodes(views[p], (*pages)[p], code_count, on_page);
    FixDateLine(views[p], (*pages)[p], on_page);
    FixRecipientsHeading(views[p], (*pages)[p], on_page);
    FixArchiveCopy(views[p], (*pages)[p], on_page);
    FixAdministrativeLevel(views[p], on_page);
  }

  // Evidence from the document itself: how often each real word and each
  // pair of neighbouring words was read.
  std::unordered_map<std::u32string, int> word_count, pair_count;
  for (const auto& v : views) {
    for (size_t i = 0; i < v.size(); ++i) {
      if (v[i].kind == WordKind::kValidSyllable) ++word_count[v[i].lower];
      if (!IsWord(v[i]) && !v[i].code) continue;
      if (const WordView* n = Neighbour(v, i, +1)) ++pair_count[v[i].lower + U' ' + n->lower];
    }
  }
  auto count_of = [](const std::unordered_map<std::u32string, int>& m, const std::u32string& k) {
    auto it = m.find(k);
    return it == m.end() ? 0 : it->second;
  };

  // Two rounds: a word whose neighbour was corrected is weighed again against
  // the corrected neighbour ("PHO CHU TỊCH": "CHU" first becomes "CHỦ", then
  // "PHO" "PHÓ").
  std::vector<std::vector<char>> next_to_change(pages->size());
  std::vector<std::vector<std::string>> before(pages->size());
  for (size_t p = 0; p < pages->size(); ++p)
    for (const DocumentWord& word : (*pages)[p]) before[p].push_back(word.text);
  for (int round = 0; round < 2; ++round) {
    for (size_t p = 0; p < pages->size(); ++p) {
      auto& v = views[p];
      auto& words = (*pages)[p];
      for (size_t i = 0; i < v.size(); ++i) {
        if (round == 1 && !next_to_change[p][i]) continue;
        WordView& w = v[i];
        if (i > 0 && IsArticleOne(v[i - 1], w.core) && w.lead.empty()) {
          record(p, i, "1" + U32ToUtf8(w.trail), "article number after \"Điều\": letter read for 1");
          continue;
        }
        if (!IsWord(w)) continue;
        const WordView* left = Neighbour(v, i, -1);
        const WordView* right = Neighbour(v, i, +1);
        const bool name = LooksLikeName(v, words, i);
        const bool read_valid = w.kind == WordKind::kValidSyllable;

        // Candidates: what was printed, its real diacritic variants, and the
        // recogniser's own other readings.
        std::vector<Candidate> cands;
        auto add = [&](const std::u32string& lower, double channel, bool from_reading) {
          for (Candidate& c : cands) {
            if (c.lower != lower) continue;
            if (channel < c.channel) c.channel = channel;
            c.from_reading = c.from_reading || from_reading;
            return;
          }
          cands.push_back(Candidate{lower, channel, from_reading});
        };
        if (read_valid) add(w.lower, 0, false);
        std::vector<Letter> cl;
        for (const auto& c : dictionary_.WithSkeleton(w.skeleton)) {
          if (!Decompose(c, &cl) || cl.size() != w.letters.size()) continue;
          const int cost = MarkDistance(w, cl);
          if (cost <= kMaxPlausibleCost) add(c, kNatsPerMarkStep * cost, false);
        }
        if (dictionary_.empty()) {  // rules alone: the document's own words are the variants
          for (const auto& [lower, n] : word_count) {
            if (!Decompose(lower, &cl) || cl.size() != w.letters.size() || Skeleton(cl) != w.skeleton) continue;
            const int cost = MarkDistance(w, cl);
            if (cost <= kMaxPlausibleCost) add(lower, kNatsPerMarkStep * cost, false);
          }
        }
        // A letter worn into one of like shape ("rhân", "GHỦ"): only where
        // what was read is no syllable at all.
        if (!read_valid && w.kind == WordKind::kInvalidSyllable) {
          for (const auto& [worn, printed] : kShapeConfusions) {
            for (size_t k = 0; k < w.skeleton.size(); ++k) {
              if (w.skeleton[k] != worn || w.stray[k]) continue;
              std::u32string skeleton = w.skeleton;
              skeleton[k] = printed;
              WordView as_printed = w;
              as_printed.letters[k].base = printed;
              for (const auto& c : dictionary_.WithSkeleton(skeleton)) {
                if (!Decompose(c, &cl) || cl.size() != w.letters.size()) continue;
                const int cost = MarkDistance(as_printed, cl);
                if (cost <= kMaxPlausibleCost) add(c, kNatsPerShapeConfusion + kNatsPerMarkStep * cost, false);
              }
            }
          }
        }
        for (const Reading& r : words[i].alternatives) {
          WordView alt = Analyse(r.text);
          if (alt.kind == WordKind::kValidSyllable && alt.lead == w.lead && alt.trail == w.trail)
            add(alt.lower, r.cost, true);
        }
        if (cands.empty() || (read_valid && cands.size() == 1)) continue;

        for (Candidate& c : cands) {
          const bool self = read_valid && c.lower == w.lower;
          // A real word read differently elsewhere says little: "qua" and
          // "quả" are both common. Only invalid readings take word counts.
          if (!read_valid) {
            c.doc_count = count_of(word_count, c.lower);
            c.doc = kDocWordWeight * std::log1p(c.doc_count);
          }
          for (const WordView* n : {left, right}) {
            if (n == nullptr) continue;
            const std::u32string key = n == left ? n->lower + U' ' + c.lower : c.lower + U' ' + n->lower;
            const int pc = count_of(pair_count, key) - (self ? 1 : 0);
            if (pc >= options_.min_repetitions) {
              c.doc += kDocPairWeight * std::log1p(pc);
              c.doc_pair = std::max(c.doc_pair, pc);
            }
          }
          if (model_.empty() || name) continue;  // a name's context says nothing about its spelling
          c.lm = left ? model_.LogNext(left->lower, c.lower) : model_.LogUnigram(c.lower);
          if (right) c.lm += model_.LogNext(c.lower, right->lower);
        }

        const Candidate* best = nullptr;
        const Candidate* printed = nullptr;
        for (const Candidate& c : cands) {
          if (read_valid && c.lower == w.lower) printed = &c;
          else if (best == nullptr || c.score() > best->score()) best = &c;
        }
        if (best == nullptr) continue;
        const bool doc_evidence = best->doc_count > 0 || best->doc_pair > 0;
        std::string reason;
        if (read_valid) {
          // A word that makes a dictionary word with a neighbour is taken as
          // meant ("đi đôi với" keeps "đôi" although "đối với" is frequent).
          // When the new word makes a dictionary word with it too, the counts decide.
          const bool printed_makes_word =
              !model_.empty() &&
              ((left && model_.IsWord(left->lower, w.lower) && !model_.IsWord(left->lower, best->lower)) ||
               (right && model_.IsWord(w.lower, right->lower) && !model_.IsWord(best->lower, right->lower)));
          if (!best->from_reading && printed_makes_word) continue;
          const bool repeated = best->doc_pair > 0 && printed->doc_pair == 0;
          // A pair read the same way min_repetitions times against this one
          // reading decides by itself; otherwise the margin applies (and the
          // model must still not object on the other side), unless the
          // recogniser's close second reading is backed by the model (below).
          const bool margin = best->score() - printed->score() >= (repeated ? 0 : kMarginForValidWord);
          if (!margin && !(best->from_reading && best->channel <= kCloseReadingCost)) continue;
          // The model objects when it knows the printed word well next to a
          // neighbour and has never seen the new one there ("mang tính hình
          // thức" keeps "tính" although "tình hình" is frequent).
          // Model counts of the printed and the new word next to each neighbour.
          struct SidePairs { int64_t printed = 0, fresh = 0; };
          std::vector<SidePairs> sides;
          for (const WordView* n : {left, right}) {
            if (n == nullptr || model_.empty()) continue;
            const bool l = n == left;
            sides.push_back(l ? SidePairs{model_.PairCount(n->lower, w.lower), model_.PairCount(n->lower, best->lower)}
                              : SidePairs{model_.PairCount(w.lower, n->lower), model_.PairCount(best->lower, n->lower)});
          }
          bool objection = false, supported = false, seen_instead = false;
          for (const SidePairs& side : sides) {
            // Against the document's own say-so, any sighting objects.
            objection = objection || (side.printed >= (repeated ? 1 : kObjectingPairCount) && side.fresh == 0);
            supported = supported || (side.printed == 0 && side.fresh >= kMinPairSupport);
            seen_instead = seen_instead || (side.printed == 0 && side.fresh >= kMinReadingSupport);
          }
          // The recogniser's close second reading, seen next to a neighbour
          // where the printed word never was, needs no margin ("quy chế chi
          // tiêu": "chỉ" printed, "chi" nearly as likely to the recogniser).
          const bool close_reading =
              best->from_reading && best->channel <= kCloseReadingCost && seen_instead && !objection &&
              !printed_makes_word;
          if (!margin && !close_reading) continue;
          if (objection && !best->from_reading) continue;
          // The model alone: next to one neighbour the printed word must be
          // unheard of and the new one well attested.
          if (!best->from_reading && !repeated && (name || !supported)) continue;
        } else {
          // Without the model only a tie is a rival; with it, any close call.
          const double close = model_.empty() ? 0 : kMarginForValidWord;
          int rivals = 0;
          for (const Candidate& c : cands)
            if (&c != best && c.score() >= best->score() - close) ++rivals;
          if (name && !best->from_reading && !doc_evidence) continue;
          // A word alone, or a close call, needs more than the model's taste.
          const bool alone = left == nullptr && right == nullptr;
          if ((alone ? cands.size() > 1 : rivals > 0 && model_.empty()) && !best->from_reading &&
              !doc_evidence)
            continue;
          if (rivals == 0 && !best->from_reading && !doc_evidence) {
            if (cands.size() == 1) reason = "only valid syllable with these letters";
            else if (model_.empty()) reason = "the closest valid syllable with these letters";
          }
        }
        if (reason.empty()) {
          if (best->doc_pair > 0) {
            reason = "read so " + std::to_string(best->doc_pair) + " times next to the same word in this document";
          } else if (best->from_reading) {
            reason = "the recogniser's second reading, and it fits its neighbours";
          } else if (doc_evidence && (model_.empty() || best->doc >= best->lm - (printed ? printed->lm : best->lm))) {
            reason = "read as \"" + U32ToUtf8(best->lower) + "\" " + std::to_string(best->doc_count) +
                     " time(s) elsewhere in the document";
          } else if (left || right) {
            const int64_t l = left ? model_.PairCount(left->lower, best->lower) : -1;
            const int64_t r = right ? model_.PairCount(best->lower, right->lower) : -1;
            reason = (l >= r ? Joined(left->lower, best->lower) : Joined(best->lower, right->lower)) +
                     " is usual in Vietnamese text (bigram model)";
          } else {
            reason = "the commoner real syllable with these letters (bigram model)";
          }
        }
        std::string corrected = WithCaseOf(w, best->lower);
        if (corrected == words[i].text) continue;
        record(p, i, std::move(corrected), std::move(reason));
      }
    }
    if (round == 1) break;
    for (size_t p = 0; p < pages->size(); ++p) {
      const auto& words = (*pages)[p];
      auto changed = [&](size_t i) { return i < words.size() && words[i].text != before[p][i]; };
      next_to_change[p].assign(words.size(), 0);
      for (size_t i = 0; i < words.size(); ++i)
        next_to_change[p][i] = !changed(i) && ((i > 0 && changed(i - 1)) || changed(i + 1));
    }
  }
  return corrections;
}

}  // namespace sohoa::text::internal
