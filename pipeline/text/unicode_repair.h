// NFC with repairs for what scanners, OCR and old systems produce.
// Internal to the text stage. Thread-safety: pure functions (ICU's
// normaliser singletons are immutable).
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace sohoa::text::internal {

// kFailedPrecondition when ICU's normalisation data cannot be loaded.
Status CheckNormalizationData();

// NFD, look-alike letters mapped, combining marks reordered (vowel-quality
// mark before tone mark, so "e + acute + circumflex" composes to "ế"),
// invisible characters dropped, then NFC.
std::string RepairToNfc(std::string_view text);

}  // namespace sohoa::text::internal
