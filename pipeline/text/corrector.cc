#include "text/corrector.h"

#include <unicode/uchar.h>

#include <algorithm>
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

std::string Quoted(const std::u32string& s) { return "\"" + U32ToUtf8(s) + "\""; }

constexpr int kMaxPlausibleCost = 4;
// A valid word read more often than this in a document is taken as meant.
constexpr int kMaxRareReadings = 2;

using PairForms = std::unordered_map<std::u32string, std::map<std::u32string, int>>;

bool IsWord(const WordView& w) {
  return w.kind == WordKind::kValidSyllable || w.kind == WordKind::kInvalidSyllable;
}

// A valid word is changed only when its other neighbour does not object:
// that neighbour is no word, or it was read next to the new word somewhere
// in the document ("đi đôi với" keeps "đôi" although "đối với" is frequent).
bool OtherSideAgrees(const std::vector<WordView>& v, size_t i, int side,
                     const std::u32string& target, const PairForms& pair_forms,
                     const std::unordered_map<std::u32string, int>& word_count) {
  const bool left = side == 1;  // evidence came from the right: check the left
  if (left ? i == 0 : i + 1 >= v.size()) return true;
  const WordView& n = left ? v[i - 1] : v[i + 1];
  if (!IsWord(n) || (left ? (!n.trail.empty() || !v[i].lead.empty())
                          : (!v[i].trail.empty() || !n.lead.empty())))
    return true;
  // A neighbour that is itself rare in the document is no witness.
  auto seen = word_count.find(n.lower);
  if (n.kind == WordKind::kInvalidSyllable || seen == word_count.end() ||
      seen->second <= kMaxRareReadings)
    return true;
  const std::u32string key =
      left ? n.skeleton + U' ' + v[i].skeleton : v[i].skeleton + U' ' + n.skeleton;
  const std::u32string form = left ? n.lower + U' ' + target : target + U' ' + n.lower;
  auto it = pair_forms.find(key);
  return it != pair_forms.end() && it->second.count(form) > 0;
}

}  // namespace

bool Corrector::IsValid(const std::vector<Letter>& letters) const {
  if (!dictionary_.empty()) {
    std::vector<Letter> canonical = letters;
    ToTraditionalToneStyle(&canonical);
    return dictionary_.Contains(LowerWord(canonical));
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

  std::vector<Letter> canonical = w.letters;
  ToTraditionalToneStyle(&canonical);
  w.lower = LowerWord(canonical);
  w.skeleton = Skeleton(w.letters);
  const bool has_stray = std::find(w.stray.begin(), w.stray.end(), true) != w.stray.end();
  const size_t n_upper = std::count_if(w.letters.begin(), w.letters.end(),
                                       [](const Letter& l) { return l.upper; });
  const bool all_caps = n_upper == w.letters.size() && w.letters.size() >= 2;
  w.capitalised = !all_caps && w.letters[0].upper;

  const bool well_formed = !has_stray && ParseSyllable(w.letters).valid;
  if (all_caps) {
    // Headings are corrected like body text; codes (UBND, HĐND, VT, QĐ) never.
    if (well_formed && IsValid(w.letters)) {
      w.kind = WordKind::kValidSyllable;
    } else if (w.letters.size() >= 4 && HasWellFormedVariant(w.skeleton)) {
      w.kind = WordKind::kInvalidSyllable;
    } else {
      w.kind = WordKind::kProtected;
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
    std::vector<std::vector<std::string>>* pages) const {
  std::vector<std::vector<WordView>> views(pages->size());
  // Evidence from the document itself: how often each valid word and each
  // pair of neighbouring words was read, keyed by their toneless letters.
  std::unordered_map<std::u32string, int> word_count;
  std::unordered_map<std::u32string, std::vector<std::u32string>> doc_by_skeleton;
  std::unordered_map<std::u32string, std::map<std::u32string, int>> pair_forms;
  auto is_word = [](const WordView& w) {
    return w.kind == WordKind::kValidSyllable || w.kind == WordKind::kInvalidSyllable;
  };
  for (size_t p = 0; p < pages->size(); ++p) {
    for (const std::string& word : (*pages)[p]) views[p].push_back(Analyse(word));
    const auto& v = views[p];
    for (size_t i = 0; i < v.size(); ++i) {
      if (v[i].kind == WordKind::kValidSyllable) {
        if (word_count[v[i].lower]++ == 0) doc_by_skeleton[v[i].skeleton].push_back(v[i].lower);
      }
      if (i + 1 < v.size() && is_word(v[i]) && is_word(v[i + 1]) && v[i].trail.empty() &&
          v[i + 1].lead.empty()) {
        pair_forms[v[i].skeleton + U' ' + v[i + 1].skeleton][v[i].lower + U' ' + v[i + 1].lower]++;
      }
    }
  }

  std::vector<std::vector<Correction>> corrections(pages->size());
  for (size_t p = 0; p < pages->size(); ++p) {
    auto& v = views[p];
    for (size_t i = 0; i < v.size(); ++i) {
      WordView& w = v[i];
      if (!is_word(w)) continue;
      std::u32string to;
      std::string reason;

      if (w.kind == WordKind::kInvalidSyllable) {
        // 1. Diacritic-only variants that are real syllables.
        std::vector<std::u32string> candidates = dictionary_.WithSkeleton(w.skeleton);
        if (dictionary_.empty()) {
          auto it = doc_by_skeleton.find(w.skeleton);
          if (it != doc_by_skeleton.end()) candidates = it->second;
        }
        int best = std::numeric_limits<int>::max();
        std::vector<std::u32string> best_set;
        std::vector<Letter> cl;
        for (const auto& c : candidates) {
          if (!Decompose(c, &cl) || cl.size() != w.letters.size()) continue;
          int cost = MarkDistance(w, cl);
          if (cost < best) {
            best = cost;
            best_set = {c};
          } else if (cost == best) {
            best_set.push_back(c);
          }
        }
        if (!best_set.empty() && best <= kMaxPlausibleCost) {
          // Evidence from the document: among equally close candidates, the
          // only one read elsewhere wins.
          std::u32string seen;
          int seen_count = 0, seen_kinds = 0;
          for (const auto& c : best_set) {
            auto it = word_count.find(c);
            if (it != word_count.end()) {
              ++seen_kinds;
              seen = c;
              seen_count = it->second;
            }
          }
          if (seen_kinds == 1) {
            to = seen;
            reason = "read as " + Quoted(seen) + " " + std::to_string(seen_count) +
                     " time(s) elsewhere in the document";
          } else if (best_set.size() == 1 && seen_kinds == 0 && !w.capitalised) {
            // A capitalised word may be a name: without evidence it stays.
            to = best_set[0];
            reason = "only valid syllable with these letters";
          }
        }
      }

      // 2. Neighbouring pairs read one way many times and this way once. A
      // valid word read elsewhere in the document is taken as meant ("có",
      // "dung" are common words, not misreadings of "cơ", "đúng").
      const bool read_only_here =
          w.kind == WordKind::kInvalidSyllable || word_count[w.lower] <= kMaxRareReadings;
      if (to.empty() && read_only_here) {
        for (int side = 0; side < 2 && to.empty(); ++side) {
          size_t a = side == 0 ? i - 1 : i, b = side == 0 ? i : i + 1;
          if ((side == 0 && i == 0) || b >= v.size()) continue;
          if (!is_word(v[a]) || !is_word(v[b]) || !v[a].trail.empty() || !v[b].lead.empty())
            continue;
          auto it = pair_forms.find(v[a].skeleton + U' ' + v[b].skeleton);
          if (it == pair_forms.end()) continue;
          const std::u32string mine = v[a].lower + U' ' + v[b].lower;
          auto mine_it = it->second.find(mine);
          if (mine_it == it->second.end() || mine_it->second != 1) continue;
          const std::u32string* top = nullptr;
          int top_count = 0;
          for (const auto& [form, count] : it->second) {
            if (count > top_count) {
              top = &form;
              top_count = count;
            }
          }
          if (top == nullptr || *top == mine || top_count < options_.min_repetitions) continue;
          const size_t split = v[a].lower.size();
          std::u32string first = top->substr(0, split), second = top->substr(split + 1);
          std::u32string other = side == 0 ? first : second;
          std::u32string target = side == 0 ? second : first;
          if (other != (side == 0 ? v[a].lower : v[b].lower)) continue;  // only this word differs
          std::vector<Letter> tl;
          if (!Decompose(target, &tl) || !IsValid(tl)) continue;
          if (w.kind == WordKind::kValidSyllable && !OtherSideAgrees(v, i, side, target, pair_forms, word_count))
            continue;
          to = target;
          reason = "read as " + Quoted(*top) + " " + std::to_string(top_count) +
                   " times in this document";
        }
      }

      if (to.empty() || to == w.lower) continue;
      std::string from = (*pages)[p][i];
      std::string corrected = WithCaseOf(w, to);
      if (corrected == from) continue;
      (*pages)[p][i] = corrected;
      corrections[p].push_back(Correction{from, corrected, reason});
      // The corrected word now reads as its target for the words after it.
      Decompose(Utf8ToU32(corrected).substr(w.lead.size(), w.letters.size()), &w.letters);
      w.stray.assign(w.letters.size(), false);
      w.lower = to;
      w.kind = WordKind::kValidSyllable;
    }
  }
  return corrections;
}

}  // namespace sohoa::text::internal
