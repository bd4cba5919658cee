// Vietnamese syllable orthography: onset + rhyme + tone, and where the tone
// mark belongs. Internal to the text stage.
// Thread-safety: pure functions over const tables.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "text/letters.h"

namespace sohoa::text::internal {

inline constexpr size_t kNoIndex = static_cast<size_t>(-1);

struct SyllableParse {
  bool valid = false;
  bool letters_ok = false;       // onset and rhyme fit, whatever the tone rules say
  std::string reason;            // why the spelling is not a Vietnamese syllable
  size_t onset_length = 0;       // letters of the onset ("ngh" = 3, "qu" = 2)
  size_t coda_start = 0;         // index of the first coda consonant (== size when open)
  int tone = kLevel;
  size_t tone_index = kNoIndex;  // letter carrying the tone mark; kNoIndex for level tone
  // Where the tone belongs in each style; equal except for open oa/oe/uy
  // ("hòa, thủy" traditional vs "hoà, thuỷ" reformed).
  size_t traditional_index = kNoIndex;
  size_t reformed_index = kNoIndex;
};

// Checks the spelling rules of one syllable (case-insensitive): onset,
// rhyme, c/k g/gh ng/ngh, stop-final rhymes take only sắc or nặng, one tone
// mark on a vowel where either tone style puts it.
SyllableParse ParseSyllable(const std::vector<Letter>& letters);

// Moves the tone mark to the traditional place when the word uses the
// reformed one ("hoà" -> "hòa"); other words are returned unchanged.
void ToTraditionalToneStyle(std::vector<Letter>* letters);

// The key syllables are looked up, counted and compared by: lower case,
// traditional tone style ("Hoà" -> "hòa").
std::u32string CanonicalLower(std::vector<Letter> letters);

}  // namespace sohoa::text::internal
