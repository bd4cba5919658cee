// Vietnamese letters as (base, tone, case) and UTF-8 <-> UTF-32 helpers.
// Internal to the text stage. Thread-safety: pure functions over const tables.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sohoa::text::internal {

// The six tones, in the order of the letter tables.
enum Tone : int { kLevel = 0, kGrave = 1, kAcute = 2, kHook = 3, kTilde = 4, kDot = 5 };

// One letter of a Vietnamese word: base keeps the vowel-quality mark
// (a ă â e ê o ô ơ u ư đ), tone is separate, case is a flag.
struct Letter {
  char32_t base = 0;  // lower case, toneless
  int tone = kLevel;
  bool upper = false;
};

std::u32string Utf8ToU32(std::string_view s);
std::string U32ToUtf8(std::u32string_view s);

// True for the vowels a ă â e ê i o ô ơ u ư y (lower case, toneless).
bool IsVowelBase(char32_t base);
// True for letters that can appear in a Vietnamese syllable (any case/tone).
bool IsVietnameseLetter(char32_t c);
// Splits `word` into letters; false if any character is not a Vietnamese letter.
bool Decompose(std::u32string_view word, std::vector<Letter>* out);
char32_t ComposeLetter(const Letter& l);
std::u32string Compose(const std::vector<Letter>& letters);
// The letter without tone and vowel-quality marks: "ế" -> 'e', "đ" -> 'd'.
char32_t PlainBase(char32_t base);
// Lower-case toneless skeleton of a word: "Quyết" -> "quyet".
std::u32string Skeleton(const std::vector<Letter>& letters);
// Lower case of the whole word, tones kept.
std::u32string LowerWord(const std::vector<Letter>& letters);

}  // namespace sohoa::text::internal
