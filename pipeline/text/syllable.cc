#include "text/syllable.h"

#include <array>
#include <string_view>
#include <unordered_set>

namespace sohoa::text::internal {
namespace {

// Onsets, longest first so that "ngh" wins over "ng" and "n".
constexpr std::array<std::u32string_view, 27> kOnsets = {
    U"ngh", U"ng", U"gh", U"gi", U"kh", U"nh", U"ph", U"th", U"tr", U"ch", U"qu",
    U"b",   U"c",  U"d",  U"đ",  U"g",  U"h",  U"k",  U"l",  U"m",  U"n",  U"p",
    U"r",   U"s",  U"t",  U"v",  U"x"};

// Rhymes (medial + nucleus + coda, toneless) after any onset but qu.
constexpr std::u32string_view kRhymes[] = {
    U"a", U"ac", U"ach", U"ai", U"am", U"an", U"ang", U"anh", U"ao", U"ap", U"at", U"au", U"ay",
    U"ăc", U"ăm", U"ăn", U"ăng", U"ăp", U"ăt",
    U"âc", U"âm", U"ân", U"âng", U"âp", U"ât", U"âu", U"ây",
    U"e", U"ec", U"em", U"en", U"eng", U"eo", U"ep", U"et",
    U"ê", U"êc", U"êch", U"êm", U"ên", U"êng", U"ênh", U"êp", U"êt", U"êu",
    U"i", U"ia", U"ich", U"im", U"in", U"inh", U"ip", U"it", U"iu",
    U"iêc", U"iêm", U"iên", U"iêng", U"iêp", U"iêt", U"iêu",
    U"o", U"oc", U"oi", U"om", U"on", U"ong", U"op", U"ot", U"ooc", U"oong",
    U"ô", U"ôc", U"ôi", U"ôm", U"ôn", U"ông", U"ôp", U"ôt",
    U"ơ", U"ơi", U"ơm", U"ơn", U"ơp", U"ơt",
    U"u", U"ua", U"uc", U"ui", U"um", U"un", U"ung", U"up", U"ut",
    U"uôc", U"uôi", U"uôm", U"uôn", U"uông", U"uôt",
    U"ư", U"ưa", U"ưc", U"ưi", U"ưm", U"ưn", U"ưng", U"ưt", U"ưu",
    U"ươc", U"ươi", U"ươm", U"ươn", U"ương", U"ươp", U"ươt", U"ươu",
    U"y", U"yêm", U"yên", U"yêng", U"yêt", U"yêu",
    U"oa", U"oac", U"oach", U"oai", U"oam", U"oan", U"oang", U"oanh", U"oao", U"oap", U"oat",
    U"oay", U"oăc", U"oăm", U"oăn", U"oăng", U"oăt",
    U"oe", U"oen", U"oeo", U"oet",
    U"uê", U"uêch", U"uênh", U"uơ", U"uân", U"uâng", U"uât", U"uây",
    U"uy", U"uych", U"uyên", U"uyêt", U"uynh", U"uyt", U"uyu", U"uya"};

// What may follow "qu" (the u is the medial glide, spelled with q).
constexpr std::u32string_view kRhymesAfterQu[] = {
    U"a", U"ac", U"ach", U"ai", U"am", U"an", U"ang", U"anh", U"ao", U"at", U"au", U"ay",
    U"ăc", U"ăm", U"ăn", U"ăng", U"ăp", U"ăt", U"âc", U"âm", U"ân", U"âng", U"ât", U"ây",
    U"e", U"em", U"en", U"eo", U"et", U"ê", U"êch", U"ên", U"ênh", U"êt", U"êu", U"ơ",
    U"ôc", U"oang", U"oăt", U"i", U"it", U"y", U"ych", U"yên", U"yêt", U"ynh", U"yt", U"yu",
    U"ya"};

constexpr std::u32string_view kCodas[] = {U"", U"c", U"ch", U"m", U"n", U"ng", U"nh", U"p", U"t"};

bool IsFrontVowel(char32_t b) { return b == U'e' || b == U'ê' || b == U'i' || b == U'y'; }
bool HasQualityMark(char32_t b) {
  return b == U'ă' || b == U'â' || b == U'ê' || b == U'ô' || b == U'ơ' || b == U'ư';
}

struct RhymeSets {
  std::unordered_set<std::u32string> general, after_qu;
  RhymeSets() {
    for (auto r : kRhymes) general.emplace(r);
    for (auto r : kRhymesAfterQu) after_qu.emplace(r);
  }
};
const RhymeSets& Rhymes() {
  static const RhymeSets sets;
  return sets;
}

SyllableParse Invalid(SyllableParse p, const char* reason) {
  p.valid = false;
  p.reason = reason;
  return p;
}

}  // namespace

SyllableParse ParseSyllable(const std::vector<Letter>& letters) {
  SyllableParse p;
  const size_t n = letters.size();
  if (n == 0) return Invalid(p, "empty");
  std::u32string bases;
  bases.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    bases.push_back(letters[i].base);
    if (letters[i].tone != kLevel) {
      if (p.tone_index != kNoIndex) return Invalid(p, "two tone marks");
      p.tone_index = i;
      p.tone = letters[i].tone;
    }
  }

  std::u32string_view onset;
  for (auto o : kOnsets) {
    if (std::u32string_view(bases).substr(0, o.size()) == o) {
      onset = o;
      break;
    }
  }
  // "gì", "gìn": the i of gi is the vowel itself.
  if (onset == U"gi" && (n == 2 || !IsVowelBase(bases[2]))) onset = U"g";
  if (onset.empty() && bases[0] == U'q') return Invalid(p, "q without u");
  if (onset == U"qu" && (n == 2 || !IsVowelBase(bases[2]))) return Invalid(p, "qu without vowel");
  p.onset_length = onset.size();

  size_t v_end = p.onset_length;
  while (v_end < n && IsVowelBase(bases[v_end])) ++v_end;
  if (v_end == p.onset_length) return Invalid(p, "no vowel");
  p.coda_start = v_end;
  std::u32string coda = bases.substr(v_end);
  bool coda_ok = false;
  for (auto c : kCodas) coda_ok = coda_ok || coda == c;
  if (!coda_ok) return Invalid(p, "not a final consonant");

  std::u32string rhyme = bases.substr(p.onset_length);
  const auto& sets = Rhymes();
  if (onset == U"qu") {
    if (!sets.after_qu.count(rhyme)) return Invalid(p, "rhyme not used after qu");
  } else if (!sets.general.count(rhyme)) {
    return Invalid(p, "not a Vietnamese rhyme");
  }

  const char32_t first_vowel = bases[p.onset_length];
  if (onset == U"c" && IsFrontVowel(first_vowel)) return Invalid(p, "c before e/ê/i (spelled k)");
  if (onset == U"k" && !IsFrontVowel(first_vowel)) return Invalid(p, "k before a back vowel");
  if (onset == U"g" && (first_vowel == U'e' || first_vowel == U'ê'))
    return Invalid(p, "g before e/ê (spelled gh)");
  if ((onset == U"gh" || onset == U"ngh") && !IsFrontVowel(first_vowel))
    return Invalid(p, "gh/ngh before a back vowel");
  if (onset == U"ng" && IsFrontVowel(first_vowel)) return Invalid(p, "ng before e/ê/i (spelled ngh)");

  p.letters_ok = true;
  const bool stop_final = coda == U"c" || coda == U"ch" || coda == U"p" || coda == U"t";
  if (stop_final && p.tone != kAcute && p.tone != kDot)
    return Invalid(p, "stop-final rhyme takes only sắc or nặng");

  // Where the tone belongs.
  const size_t v0 = p.onset_length, nv = v_end - v0;
  size_t marked = kNoIndex;
  for (size_t i = v0; i < v_end; ++i)
    if (HasQualityMark(bases[i])) marked = i;
  if (marked != kNoIndex) {
    p.traditional_index = p.reformed_index = marked;
  } else if (!coda.empty()) {
    p.traditional_index = p.reformed_index = v_end - 1;
  } else if (nv == 1) {
    p.traditional_index = p.reformed_index = v0;
  } else if (nv == 2) {
    std::u32string_view pair = std::u32string_view(bases).substr(v0, 2);
    p.traditional_index = v0;
    p.reformed_index = (pair == U"oa" || pair == U"oe" || pair == U"uy") ? v0 + 1 : v0;
  } else {
    p.traditional_index = p.reformed_index = v0 + 1;
  }
  if (p.tone_index != kNoIndex && p.tone_index != p.traditional_index &&
      p.tone_index != p.reformed_index)
    return Invalid(p, "tone mark on the wrong vowel");
  p.valid = true;
  return p;
}

void ToTraditionalToneStyle(std::vector<Letter>* letters) {
  SyllableParse p = ParseSyllable(*letters);
  if (!p.valid || p.tone_index == kNoIndex || p.tone_index == p.traditional_index) return;
  (*letters)[p.traditional_index].tone = p.tone;
  (*letters)[p.tone_index].tone = kLevel;
}

std::u32string CanonicalLower(std::vector<Letter> letters) {
  ToTraditionalToneStyle(&letters);
  return LowerWord(letters);
}

}  // namespace sohoa::text::internal
