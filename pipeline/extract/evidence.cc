// Document evidence: a name OCR damaged once is printed again elsewhere in
// the document ("THẠCH HA" in the header, "Thạch Hà" on the date line and in
// the text); the spelling printed most often wins.
#include <algorithm>
#include <map>
#include <string>

#include "extract/fields.h"
#include "extract/rules.h"
#include "extract/text_util.h"

namespace sohoa::extract {
namespace {

// One OCR slip between two folded spellings: a letter read as another
// ("TON PHU" / "TAN PHU"), or a letter doubled ("XUYEEN" / "XUYEN"). A letter
// dropped or added elsewhere makes another name ("THANH HA" / "THANH HOA").
bool OneSlipApart(const std::string& a, const std::string& b) {
  if (a.size() == b.size()) {
    int differ = 0;
    for (size_t i = 0; i < a.size(); ++i) differ += a[i] != b[i] ? 1 : 0;
    return differ == 1;
  }
  const std::string& longer = a.size() > b.size() ? a : b;
  const std::string& shorter = a.size() > b.size() ? b : a;
  if (longer.size() != shorter.size() + 1) return false;
  for (size_t i = 1; i < longer.size(); ++i) {
    if (longer[i] == longer[i - 1] && longer.substr(0, i) + longer.substr(i + 1) == shorter)
      return true;
  }
  return false;
}

// Folded spellings this close are one name: equal, or one slip apart, when
// the name is long enough for its marks, or one letter, not to make another
// name ("Ân" and "An" are two names; "THẠCH HA" is "Thạch Hà").
bool SameName(const std::string& folded, const std::string& want) {
  if (folded == want) return want.size() >= 5;
  return want.size() >= 7 && OneSlipApart(folded, want);
}

// `spelling` in the case pattern of `like`, word by word ("THẠCH HÀ" like "Thạch Ha").
std::string InCaseOf(const std::vector<std::string>& spelling, const std::vector<std::string>& like) {
  std::vector<std::string> out;
  for (size_t i = 0; i < spelling.size(); ++i) {
    const std::string upper = Upper(spelling[i]);
    out.push_back(IsUpperText(like[i], 1) ? upper : SentenceCase(upper));
  }
  return JoinWords(out, 0, out.size());
}

// Every run of `n` consecutive words, specks trimmed, with the words' mean
// OCR confidence (0 when not known).
struct WordRun {
  std::vector<std::string> words;
  double confidence = 0;
};
std::vector<WordRun> WordRuns(const std::vector<std::string>& words, size_t n,
                              const std::vector<float>* confidence = nullptr) {
  std::vector<WordRun> runs;
  for (size_t i = 0; n > 0 && i + n <= words.size(); ++i) {
    WordRun run;
    for (size_t j = i; j < i + n; ++j) {
      run.words.push_back(TrimJunk(words[j]));
      if (confidence && j < confidence->size()) run.confidence += (*confidence)[j] / n;
    }
    runs.push_back(std::move(run));
  }
  return runs;
}

// Times the document prints `name` (folded alike, any case).
int CountPrinted(const std::string& name, const std::vector<std::string>& words) {
  const std::string want = Fold(name);
  int count = 0;
  for (const WordRun& run : WordRuns(words, Words(name).size()))
    count += Fold(JoinWords(run.words, 0, run.words.size())) == want ? 1 : 0;
  return count;
}

}  // namespace

std::string MostPrintedSpelling(std::string_view name, const std::vector<std::string>& words,
                                const std::vector<float>* confidence) {
  std::vector<std::string> parts;
  for (const std::string& w : Words(name)) parts.push_back(TrimJunk(w));
  const size_t n = parts.size();
  if (n == 0 || words.size() < n) return std::string(name);
  const std::string want = Fold(JoinWords(parts, 0, n));
  struct Printed {
    int count = 0;
    double confidence = 0;  // the best OCR confidence it was read with
    std::vector<std::string> words;
  };
  std::map<std::string, Printed> printed;  // upper-case spelling -> how it was printed
  for (const WordRun& run : WordRuns(words, n, confidence)) {
    const std::string joined = JoinWords(run.words, 0, n);
    if (!SameName(Fold(joined), want)) continue;
    Printed& p = printed[Upper(joined)];
    ++p.count;
    p.confidence = std::max(p.confidence, run.confidence);
    if (p.words.empty()) p.words = run.words;
  }
  const std::string own = Upper(JoinWords(parts, 0, n));
  const Printed own_printed = printed.count(own) ? printed[own] : Printed{};
  std::string best = own;
  Printed best_printed = own_printed;
  for (const auto& [key, p] : printed) {
    // Printed as often and folding alike: OCR drops tone marks far more often
    // than it adds them, so the one with more marks was printed; with as many
    // marks, the one OCR read more confidently.
    bool better = p.count > best_printed.count;
    if (p.count == best_printed.count && Fold(key) == Fold(best)) {
      const size_t marks = CountMarks(key), best_marks = CountMarks(best);
      better = marks > best_marks || (marks == best_marks && p.confidence > best_printed.confidence);
    }
    if (better) best = key, best_printed = p;
  }
  if (best == own) return std::string(name);
  // A different letter needs strong evidence: printed three times, the field's
  // own spelling at most once.
  const bool marks_only = Fold(best) == Fold(own);
  if (!marks_only && (best_printed.count < 3 || own_printed.count > 1)) return std::string(name);
  return InCaseOf(best_printed.words, parts);
}

std::string RepairLocality(std::string_view line, const std::vector<std::string>& words,
                           const std::vector<float>* confidence) {
  const std::vector<std::string> parts = Words(line);
  size_t tail = 0;  // first word after the last level word
  for (size_t i = 0; i < parts.size(); ++i) {
    for (std::string_view level : AdminLevels()) {
      const std::vector<std::string> level_words = Words(level);
      if (i + level_words.size() > parts.size()) continue;
      bool match = true;
      for (size_t j = 0; j < level_words.size() && match; ++j)
        match = Fold(TrimJunk(parts[i + j])) == Fold(level_words[j]);
      if (match) tail = std::max(tail, i + level_words.size());
    }
  }
  if (tail == 0 || tail >= parts.size()) return std::string(line);
  size_t end = parts.size();
  // "LƯƠNG ĐIỀN TT": a short speck after the name, when the document prints
  // the name without it and never with it elsewhere.
  if (end - tail >= 2 && CountLetters(parts[end - 1]) <= 2) {
    const std::string with = JoinWords(parts, tail, end), without = JoinWords(parts, tail, end - 1);
    if (CountPrinted(without, words) >= 2 && CountPrinted(with, words) <= 1) --end;
  }
  const std::string locality = MostPrintedSpelling(JoinWords(parts, tail, end), words, confidence);
  return JoinWords(parts, 0, tail) + " " + locality;
}

std::string AuthorityAsIssuerPrints(std::string_view authority, std::string_view issuer) {
  const std::vector<std::string> words = Words(authority), body = Words(issuer);
  if (words.size() < 2 || body.empty()) return std::string(authority);
  // "TM. UY BẠN NHAN DAN" under "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ": the body's words
  // after the prefix, folded, open the issuer's name.
  const size_t n = words.size() - 1;
  if (n > body.size()) return std::string(authority);
  for (size_t j = 0; j < n; ++j)
    if (Fold(TrimJunk(words[j + 1])) != Fold(body[j])) return std::string(authority);
  return words[0] + " " + JoinWords(body, 0, n);
}

}  // namespace sohoa::extract
