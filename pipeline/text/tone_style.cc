// One canonical tone-mark style for comparison and indexing.
#include <unicode/uchar.h>

#include "text/letters.h"
#include "text/syllable.h"
#include "text/tone_style.h"

namespace sohoa::text::internal {

std::string ToTraditionalToneStyle(std::string_view nfc_text) {
  std::u32string s = Utf8ToU32(nfc_text);
  std::vector<Letter> letters;
  for (size_t i = 0; i < s.size();) {
    if (!u_isalpha(static_cast<UChar32>(s[i]))) { ++i; continue; }
    size_t j = i;
    while (j < s.size() && u_isalpha(static_cast<UChar32>(s[j]))) ++j;
    // Only whole words made of Vietnamese letters: "Wifi" or "hoàö" stay as they are.
    if (Decompose(std::u32string_view(s).substr(i, j - i), &letters)) {
      ToTraditionalToneStyle(&letters);
      std::u32string word = Compose(letters);
      std::copy(word.begin(), word.end(), s.begin() + i);
    }
    i = j;
  }
  return U32ToUtf8(s);
}

}  // namespace sohoa::text::internal
