// The signature block: authority prefix line(s), position, signer's name.
#include <algorithm>
#include <string>

#include "extract/fields.h"
#include "extract/rules.h"
#include "extract/text_util.h"

namespace sohoa::extract {
namespace {

constexpr size_t kFooterLines = 40;

bool IsAuthorityPrefix(std::string_view word) {
  for (std::string_view p : SignerPrefixes())
    if (word == p) return true;
  return false;
}

bool StartsWithAuthority(std::string_view line) {
  const std::vector<std::string> words = Words(line);
  return !words.empty() && IsAuthorityPrefix(words[0]);
}

bool IsRecipientLine(std::string_view line) {
  return !line.empty() &&
         (line[0] == '-' || line[0] == '+' || Fold(line).rfind("NOI NHAN", 0) == 0);
}

// Splits footer lines where OCR ran the left list and the signature block
// together: "Nơi nhận: TM. ỦY BAN NHÂN DÂN", "- UBND huyện; CHỦ TỊCH".
std::vector<std::string> SplitFooterLine(const std::string& line) {
  const std::vector<std::string> words = Words(line);
  for (size_t k = 1; k < words.size(); ++k) {
    if (IsAuthorityPrefix(words[k])) {
      return {JoinWords(words, 0, k), JoinWords(words, k, words.size())};
    }
  }
  // "Nơi nhận: GIÁM ĐỐC": the position printed on the label's line.
  const size_t colon = line.find(':');
  if (Fold(line).rfind("NOI NHAN", 0) == 0 && colon != std::string::npos) {
    const std::string tail = CollapseSpaces(line.substr(colon + 1));
    if (IsUpperText(tail, 4)) return {line.substr(0, colon + 1), tail};
  }
  if (IsRecipientLine(line) && words.size() >= 2) {
    // A run of capitals after the item's closing ';' or '.'.
    for (size_t k = 1; k < words.size(); ++k) {
      const char end = words[k - 1].back();
      if (end != ';' && end != '.') continue;
      const std::string tail = JoinWords(words, k, words.size());
      if (IsUpperText(tail, 4) || LooksLikePersonName(tail)) return {JoinWords(words, 0, k), tail};
    }
  }
  return {line};
}

// A known position within two OCR slips of `line`, spelt as printed; else `line`.
std::string RepairPosition(const std::string& line) {
  const std::string folded = Fold(line);
  std::string_view best;
  size_t best_distance = 3;
  for (std::string_view position : SignerPositions()) {
    if (position == line) return line;
    const size_t d = EditDistance(folded, Fold(position));
    if (d < best_distance && folded.size() >= 6) {
      best_distance = d;
      best = position;
    }
  }
  return best.empty() ? line : std::string(best);
}

// Scribbles and seal text OCR'd as a few letters ("4", "Ñ", "QC"), or "đã ký".
bool IsNoise(std::string_view line) {
  const std::string t = TrimJunk(line);
  if (StartsWithAuthority(t)) return false;
  return CountLetters(t) <= 3 || Fold(t).find("DA KY") != std::string::npos;
}

}  // namespace

bool LooksLikePersonName(std::string_view line) {
  const std::string text = TrimJunk(line);
  const std::vector<std::string> words = Words(text);
  if (words.size() < 2 || words.size() > 6) return false;
  for (const std::string& w : words)
    if (!IsTitleWord(w)) return false;
  return true;
}

std::optional<Signer> FindSigner(const std::vector<std::string>& page_lines) {
  std::vector<std::string> lines;
  const size_t from = page_lines.size() > kFooterLines ? page_lines.size() - kFooterLines : 0;
  for (size_t i = from; i < page_lines.size(); ++i) {
    for (std::string& part : SplitFooterLine(page_lines[i])) lines.push_back(part);
  }
  for (size_t n = lines.size(); n-- > 0;) {
    if (!LooksLikePersonName(lines[n]) || IsRecipientLine(lines[n])) continue;
    // The position: the nearest capital line above, past signature scribbles.
    size_t p = n;
    while (p > 0 && (lines[p - 1].empty() || IsRecipientLine(lines[p - 1]) || IsNoise(lines[p - 1]))) {
      --p;
    }
    if (p == 0) continue;
    const std::string position_line = TrimJunk(lines[p - 1]);
    if (!IsUpperText(position_line, 3)) continue;
    Signer signer;
    signer.name = TrimJunk(lines[n]);
    if (StartsWithAuthority(position_line)) {
      // The authority line right above the name: the position under it was
      // not read (a seal over it). Only "Q. CHỦ TỊCH" (acting) names the
      // signer's own position; "KT. CHỦ TỊCH" names the head's.
      signer.authority = position_line;
      if (Words(position_line)[0] == "Q.")
        signer.position = RepairPosition(JoinWords(Words(position_line), 1, SIZE_MAX));
      return signer;
    }
    signer.position = RepairPosition(position_line);
    // Authority: a prefix line right above, possibly followed by a wrapped line.
    std::vector<std::string> above;
    for (size_t q = p - 1; q > 0 && above.size() < 3;) {
      --q;
      if (lines[q].empty() || IsRecipientLine(lines[q]) || IsNoise(lines[q])) continue;
      if (!IsUpperText(lines[q], 2)) break;
      above.insert(above.begin(), TrimJunk(lines[q]));
      if (StartsWithAuthority(lines[q])) {
        std::string authority;
        for (const std::string& a : above) authority += (authority.empty() ? "" : " ") + a;
        signer.authority = authority;
        break;
      }
    }
    return signer;
  }
  return std::nullopt;
}

}  // namespace sohoa::extract
