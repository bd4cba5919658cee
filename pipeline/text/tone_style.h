// Canonical tone-mark style of a whole text. Internal to the text stage.
#pragma once

#include <string>
#include <string_view>

namespace sohoa::text::internal {

// Every Vietnamese word of an NFC text with its tone mark in the traditional
// place ("hoà thuỷ" -> "hòa thủy"); everything else unchanged.
std::string ToTraditionalToneStyle(std::string_view nfc_text);

}  // namespace sohoa::text::internal
