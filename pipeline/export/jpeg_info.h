// Internal: what the PDF image dictionary needs to know about a JPEG,
// read from its markers without decoding it.
#pragma once

#include <string_view>

#include "core/status.h"

namespace sohoa::pdf::internal {

struct JpegInfo {
  int width = 0, height = 0;
  int components = 0;           // 1 grey, 3 colour, 4 CMYK
  bool adobe_inverted = false;  // Adobe APP14 CMYK stores inverted samples
};

// InvalidArgument when `bytes` is not a baseline/progressive JPEG with a frame header.
Result<JpegInfo> ReadJpegInfo(std::string_view bytes);

}  // namespace sohoa::pdf::internal
