// The header block: issuer lines, number, place/date, "V/v" subject, received stamp.
#include <algorithm>
#include <cctype>
#include <string>

#include "extract/fields.h"
#include "extract/rules.h"
#include "extract/text_util.h"

namespace sohoa::extract {
namespace {

// Word equality tolerant to one OCR slip ("SONG" for "CONG").
bool NearlyEqual(std::string_view got, std::string_view want) {
  if (got == want) return true;
  return want.size() >= 4 && EditDistance(got, want) <= 1;
}

// Folded words of `line` (junk trimmed); punctuation-only words fold to "".
std::vector<std::string> FoldedWords(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  out.reserve(words.size());
  for (const std::string& w : words) out.push_back(Fold(TrimJunk(w)));
  return out;
}

// True when folded words at `at` spell `phrase`.
bool StartsWithPhrase(const std::vector<std::string>& folded, size_t at,
                      const std::vector<std::string_view>& phrase) {
  if (at + phrase.size() > folded.size()) return false;
  for (size_t j = 0; j < phrase.size(); ++j)
    if (folded[at + j] != phrase[j]) return false;
  return true;
}

// Number of words of the body kind that opens `line`, 0 when none does.
size_t BodyKindLength(const std::vector<std::string>& folded) {
  size_t best = 0;
  for (std::string_view kind : BodyKinds()) {
    const std::vector<std::string> parts = Words(Fold(kind));
    if (parts.size() <= folded.size() && std::equal(parts.begin(), parts.end(), folded.begin())) {
      best = std::max(best, parts.size());
    }
  }
  return best;
}

bool StartsWithBodyKind(std::string_view line) {
  return BodyKindLength(FoldedWords(Words(line))) > 0;
}

// "BẠN PHÁP CHẾ" -> "BAN PHÁP CHẾ": the body kind spelt as the table prints it,
// unless the line already prints one of the table's spellings.
std::string RepairBodyKind(const std::string& line) {
  std::vector<std::string> words = Words(line);
  const size_t n = BodyKindLength(FoldedWords(words));
  if (n == 0) return line;
  const std::string printed = JoinWords(words, 0, n);
  const std::string folded = Fold(printed);
  std::string_view canonical;
  for (std::string_view kind : BodyKinds()) {
    if (kind == printed) return line;
    if (canonical.empty() && Fold(kind) == folded) canonical = kind;
  }
  std::string out(canonical);
  const std::string rest = JoinWords(words, n, words.size());
  return rest.empty() ? out : out + " " + rest;
}

// "UBND TÍNH NAM ĐỊNH" -> "UBND TỈNH NAM ĐỊNH": after a people's body the
// next word(s) name its level, so a capital word that folds to a level is one.
std::string RepairAdminLevels(const std::string& line) {
  std::vector<std::string> words = Words(line);
  const std::vector<std::string> folded = FoldedWords(words);
  const auto& introducers = AdminLevelIntroducersFolded();
  for (size_t i = 1; i < words.size(); ++i) {
    if (std::find(introducers.begin(), introducers.end(), folded[i - 1]) == introducers.end())
      continue;
    for (std::string_view level : AdminLevels()) {
      const std::vector<std::string> parts = Words(level);
      const size_t n = parts.size();
      if (i + n >= words.size()) continue;  // a level needs a name after it
      bool match = true;
      for (size_t j = 0; j < n && match; ++j)
        match = folded[i + j] == Fold(parts[j]) && IsUpperText(words[i + j], 1);
      if (!match) continue;
      for (size_t j = 0; j < n; ++j) words[i + j] = parts[j];
      break;
    }
  }
  return JoinWords(words, 0, words.size());
}

bool EndsWithAdminLevel(std::string_view line) {
  const std::vector<std::string> folded = FoldedWords(Words(line));
  if (folded.empty()) return false;
  for (std::string_view level : AdminLevelsFolded()) {
    const std::vector<std::string> parts = Words(level);
    if (parts.size() > folded.size()) continue;
    bool match = true;
    for (size_t j = 0; j < parts.size(); ++j)
      match = match && folded[folded.size() - parts.size() + j] == parts[j];
    if (match) return true;
  }
  return false;
}

// A letter Vietnamese does not use that OCR strays into capitals ("Ö", "Ï").
bool IsStrayLetter(std::string_view text) {
  for (std::string_view letter : StrayLetters())
    if (text == letter) return true;
  return false;
}

// OCR specks on a line of their own: "ˆ", ",", "-" (at most one letter, no digit).
bool IsSpeckLine(std::string_view line) {
  const std::string t = TrimJunk(line);
  return CountLetters(t) <= 1 && t.find_first_of("0123456789") == std::string::npos;
}

// "UBNDHUYỆN", "UBND.-HUYỆN" -> {"UBND", "HUYỆN"}, "HĐNDTHỊXÃ" -> {"HĐND",
// "THỊ XÃ"}, "UBNDÖ" -> {"UBND"}: OCR lost the space between a one-word body
// kind and the level after it (or put specks there); {word} otherwise.
std::vector<std::string> SplitGluedBodyKind(const std::string& word) {
  for (std::string_view kind : BodyKinds()) {
    if (kind.find(' ') != std::string_view::npos || word.size() <= kind.size()) continue;
    if (word.compare(0, kind.size(), kind) != 0) continue;
    const std::string rest = TrimJunk(word.substr(kind.size()));  // "UBND.-HUYỆN"
    if (IsStrayLetter(rest)) return {std::string(kind)};          // "UBNDÖ"
    for (std::string_view level : AdminLevels()) {
      if (level.find(' ') == std::string_view::npos) {
        if (Fold(rest) == Fold(level)) return {std::string(kind), rest};
        continue;
      }
      // "HĐNDTHỊXÃ": a two-word level lost its space too.
      std::string spaced = Fold(level);
      spaced.erase(std::remove(spaced.begin(), spaced.end(), ' '), spaced.end());
      if (Fold(rest) == spaced) return {std::string(kind), std::string(level)};
    }
  }
  return {word};
}

// A header line without OCR specks: words with no letter or digit, and short
// lower-case fragments at either end ("XUYÊN —— va" -> "XUYÊN").
std::string CleanHeaderLine(std::string_view line) {
  std::vector<std::string> words;
  for (const std::string& w : Words(line))
    if (!TrimJunk(w).empty()) words.push_back(w);
  if (!words.empty()) {
    std::vector<std::string> split = SplitGluedBodyKind(TrimJunk(words[0]));
    if (split.size() > 1 || split[0] != TrimJunk(words[0])) {
      words.erase(words.begin());
      words.insert(words.begin(), split.begin(), split.end());
    }
  }
  auto fragment = [](const std::string& w) { return CountLetters(w) <= 2 && !IsUpperText(w, 1); };
  while (!words.empty() && fragment(words.back())) words.pop_back();
  while (!words.empty() && fragment(words.front())) words.erase(words.begin());
  return JoinWords(words, 0, words.size());
}

}  // namespace

std::string StripMotto(std::string_view line) {
  // '|' is OCR's reading of a column rule between words; a '.' between two
  // letters is a speck ("VIỆT.NAM").
  std::string spaced(line);
  std::replace(spaced.begin(), spaced.end(), '|', ' ');
  for (size_t i = 1; i + 1 < spaced.size(); ++i) {
    const auto letter = [](char c) {
      return std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
    };
    if (spaced[i] == '.' && letter(spaced[i - 1]) && letter(spaced[i + 1])) spaced[i] = ' ';
  }
  std::vector<std::string> words = Words(spaced);
  bool changed = false;
  for (const auto& phrase_with_dashes : MottoPhrasesFolded()) {
    std::vector<std::string_view> phrase;
    for (std::string_view p : phrase_with_dashes)
      if (p != "-") phrase.push_back(p);
    // Indices of words that carry letters, and their folded form.
    std::vector<size_t> idx;
    std::vector<std::string> folded;
    for (size_t i = 0; i < words.size(); ++i) {
      std::string f = Fold(TrimJunk(words[i]));
      if (f.empty()) continue;
      idx.push_back(i);
      folded.push_back(f);
    }
    const int n = static_cast<int>(folded.size()), m = static_cast<int>(phrase.size());
    int best_start = 0, best_hits = 0;
    for (int s = -(m - 1); s < n; ++s) {
      int hits = 0;
      for (int j = 0; j < m; ++j) {
        const int t = s + j;
        if (t >= 0 && t < n && NearlyEqual(folded[t], phrase[j])) ++hits;
      }
      if (hits > best_hits) {
        best_hits = hits;
        best_start = s;
      }
    }
    if (best_hits < 4 || best_hits * 3 < m * 2) continue;
    // Remove the aligned span: matched words and short damaged words inside it.
    const int lo = std::max(best_start, 0), hi = std::min(best_start + m, n) - 1;
    std::vector<bool> drop(words.size(), false);
    for (int t = lo; t <= hi; ++t) {
      const std::string_view want = phrase[t - best_start];
      // "PHÚCỘNG": the phrase's first word glued to the issuer's last word.
      if (t == best_start && folded[t].size() > want.size() + 1 &&
          folded[t].compare(folded[t].size() - want.size(), want.size(), want) == 0) {
        words[idx[t]] = DropLastCodePoints(words[idx[t]], want.size());
        continue;
      }
      const bool matched = NearlyEqual(folded[t], phrase[t - best_start]);
      const bool damaged =
          EditDistance(folded[t], phrase[t - best_start]) <= 2 || folded[t].size() <= 2;
      if (matched || damaged) drop[idx[t]] = true;
    }
    // Dashes and specks between dropped words go too.
    size_t first = words.size(), last = 0;
    for (size_t i = 0; i < words.size(); ++i)
      if (drop[i]) first = std::min(first, i), last = std::max(last, i);
    for (size_t i = first; i <= last && i < words.size(); ++i)
      if (TrimJunk(words[i]).empty()) drop[i] = true;
    std::vector<std::string> kept;
    for (size_t i = 0; i < words.size(); ++i)
      if (!drop[i]) kept.push_back(words[i]);
    words = kept;
    changed = true;
  }
  if (!changed) return std::string(line);
  std::string rest = JoinWords(words, 0, words.size());
  return TrimJunk(rest).empty() ? std::string() : rest;
}

bool IsReceivedStampLine(std::string_view line) {
  const std::vector<std::string> folded = FoldedWords(Words(line));
  std::vector<std::string> letters;
  for (const std::string& f : folded)
    if (!f.empty()) letters.push_back(f);
  for (const auto& phrase : ReceivedStampFolded()) {
    if (letters.size() != phrase.size()) continue;
    bool match = true;
    for (size_t j = 0; j < phrase.size(); ++j) match = match && NearlyEqual(letters[j], phrase[j]);
    if (match) return true;
  }
  return false;
}

std::optional<std::string> DocTypeOfLine(std::string_view line) {
  const std::string text = TrimJunk(line);
  if (!IsUpperText(text, 4)) return std::nullopt;
  const std::string folded = Fold(CollapseSpaces(text));
  if (folded == "CONG VAN") return std::nullopt;  // a công văn prints no type line
  const DocTypeRule* rule = DocTypeByFoldedName(folded);
  if (!rule && !StartsWithBodyKind(text)) {
    // One OCR slip in a long type name ("QUYET DJNH", "KE HOACJ"), when only
    // one name is that close; never a body's name ("HỘI ĐỒNG" is no "HỢP ĐỒNG").
    for (const DocTypeRule& candidate : DocTypes()) {
      const std::string name = Fold(candidate.name);
      if (name.size() < 7 || EditDistance(folded, name) != 1) continue;
      if (rule) return std::nullopt;  // two names as close: neither
      rule = &candidate;
    }
  }
  if (!rule || Fold(rule->name) == "CONG VAN") return std::nullopt;
  return std::string(rule->name);
}

bool IsBodyOpener(std::string_view line) {
  const std::vector<std::string> words = Words(line);
  if (words.empty()) return false;
  if (!IsTitleWord(TrimJunk(words[0])) && !IsUpperText(TrimJunk(words[0]), 1)) return false;
  std::vector<std::string> folded;
  for (const std::string& w : words) folded.push_back(Fold(w));
  std::vector<std::string> trimmed = FoldedWords(words);
  for (const auto& opener : BodyOpenersFolded()) {
    if (StartsWithPhrase(folded, 0, opener) || StartsWithPhrase(trimmed, 0, opener)) return true;
  }
  return false;
}

std::optional<std::string> AfterSubjectLabel(std::string_view line) {
  const std::vector<std::string> words = Words(line);
  if (words.empty()) return std::nullopt;
  const std::string w = Fold(words[0]);
  // "V/v", "V/V", "Vív", "V/y", "V.v", "Viv".
  if (w.size() < 2 || w.size() > 4 || w[0] != 'V') return std::nullopt;
  const char last = w.back();
  if (last != 'V' && last != 'Y') return std::nullopt;
  if (w.size() >= 3) {
    const char mid = w[1];
    if (mid != '/' && mid != 'I' && mid != '.' && mid != 'L' && mid != '1' && mid != '|')
      return std::nullopt;
  }
  if (words.size() < 2) return std::nullopt;
  return JoinWords(words, 1, words.size());
}

IssuerLines IssuerFromLines(const std::vector<HeaderLine>& lines) {
  struct Body {
    std::string text;
    size_t first = 0, last = 0;
  };
  std::vector<Body> bodies;
  for (const HeaderLine& line : lines) {
    const std::string text = TrimJunk(line.text);
    if (text.empty()) continue;
    const bool adjacent = !bodies.empty() && bodies.back().last + 1 == line.index;
    const bool wraps =
        adjacent && (EndsWithAdminLevel(bodies.back().text) || !StartsWithBodyKind(text));
    if (wraps) {
      bodies.back().text += " " + text;
      bodies.back().last = line.index;
    } else if (StartsWithBodyKind(text)) {
      bodies.push_back({RepairBodyKind(text), line.index, line.index});
    }
  }
  IssuerLines out;
  if (bodies.empty()) return out;
  out.name = RepairAdminLevels(bodies.back().text);
  if (bodies.size() >= 2) out.parent = RepairAdminLevels(bodies[bodies.size() - 2].text);
  return out;
}

std::optional<std::string> StampArrivalNumber(std::string_view line) {
  auto after = AfterNumberLabel(line);
  if (!after) return std::nullopt;
  const std::vector<std::string> words = Words(*after);
  if (words.empty() || !ReadOcrNumber(words[0])) return std::nullopt;
  return TrimJunk(words[0]);
}

std::optional<IssueDate> StampArrivalDate(std::string_view line) {
  const std::vector<std::string> words = Words(line);
  // The stamp's frame may be read as a letter before the label.
  for (size_t i = 0; i + 1 < words.size() && i < 2; ++i) {
    if (Fold(TrimJunk(words[i])) == "NGAY") return ParseNumericDate(words[i + 1]);
  }
  return std::nullopt;
}

std::optional<ReceivedStamp> ReadReceivedStamp(const std::vector<std::string>& lines) {
  ReceivedStamp stamp;
  bool heading = false;
  for (const std::string& line : lines) {
    if (IsReceivedStampLine(line)) heading = true;
    if (auto n = StampArrivalNumber(line); n && stamp.arrival_number.empty()) stamp.arrival_number = *n;
    if (auto d = StampArrivalDate(line); d && !stamp.arrival_date) stamp.arrival_date = d;
  }
  // A stamp's own heading, or both its number and date: a seal's ring text
  // or a signature says neither.
  if (heading ? (stamp.arrival_number.empty() && !stamp.arrival_date)
              : (stamp.arrival_number.empty() || !stamp.arrival_date)) {
    return std::nullopt;
  }
  return stamp;
}

Header ReadHeader(const std::vector<std::string>& lines) {
  Header header;
  std::vector<HeaderLine> capitals;
  bool subject_open = false;
  size_t stamp_line = SIZE_MAX;  // last line read as part of a received stamp
  size_t text_line = 0;  // index among non-empty lines: blank lines do not break a wrapped name
  size_t i = 0;
  const size_t limit = std::min<size_t>(lines.size(), 30);
  for (; i < limit; ++i) {
    const std::string& line = lines[i];
    if (line.empty()) {
      subject_open = false;
      continue;
    }
    if (IsSpeckLine(line)) continue;  // does not break a wrapped name
    ++text_line;
    if (DocTypeOfLine(line) || (IsBodyOpener(line) && (header.number || header.date))) break;
    if (IsBodyOpener(line) && Fold(Words(line)[0]).rfind("KINH", 0) == 0) break;

    const bool in_stamp = stamp_line != SIZE_MAX && i == stamp_line + 1;
    if (IsReceivedStampLine(line)) {
      // The stamp names the receiving office on the line above it.
      if (!capitals.empty() && capitals.back().index + 1 == text_line) capitals.pop_back();
      stamp_line = i;
      continue;
    }
    std::string rest = StripMotto(line);
    if (rest != line) subject_open = false;
    if (rest.empty()) {
      --text_line;  // the other column's motto, between two lines of a wrapped name
      continue;
    }

    if (auto after = AfterNumberLabel(rest)) {
      size_t used = 0;
      auto number = ParseDocumentNumber(*after, &used);
      if (number && !header.number) {
        header.number = number;
        const std::vector<std::string> words = Words(*after);
        rest = JoinWords(words, used, words.size());
        subject_open = false;
      } else if (in_stamp && !number) {
        if (!header.received) header.received.emplace();
        if (auto arrival = StampArrivalNumber(rest)) header.received->arrival_number = *arrival;
        stamp_line = i;
        continue;
      }
    }
    if (in_stamp) {
      if (auto d = StampArrivalDate(rest)) {
        if (!header.received) header.received.emplace();
        header.received->arrival_date = d;
        stamp_line = i;
        continue;
      }
    }
    if (!header.date && header.date_missing_reason.empty()) {
      if (auto date_line = ParseDateLine(rest)) {
        header.place = date_line->place;
        if (date_line->date) {
          header.date = date_line->date;
        } else {
          header.date_missing_reason =
              date_line->blank ? "date line left blank (draft)" : "date line unreadable";
        }
        rest = date_line->before;
        subject_open = false;
      }
    }
    if (TrimJunk(rest).empty()) continue;
    if (auto subject = AfterSubjectLabel(rest)) {
      header.subject_vv = "V/v " + *subject;
      subject_open = true;
      continue;
    }
    if (subject_open && !IsUpperText(rest) && !IsBodyOpener(rest)) {
      *header.subject_vv += " " + rest;
      continue;
    }
    subject_open = false;
    rest = CleanHeaderLine(rest);
    // Issuer lines come before the number and date; capitals after both (a
    // law's enacting formula "QUỐC HỘI NƯỚC ...") are not the issuer.
    const bool after_identity =
        header.number && (header.date || !header.date_missing_reason.empty());
    if (IsUpperText(rest, 2) && !after_identity) capitals.push_back({rest, text_line});
  }
  header.end = i;
  header.issuer = IssuerFromLines(capitals);
  return header;
}

}  // namespace sohoa::extract
