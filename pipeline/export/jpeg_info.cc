#include "export/jpeg_info.h"

#include <cstdint>

namespace sohoa::pdf::internal {
namespace {

int U16(std::string_view b, size_t at) {
  return (static_cast<uint8_t>(b[at]) << 8) | static_cast<uint8_t>(b[at + 1]);
}

// Start-of-frame markers carry the image size; C4 (DHT), C8 (JPG), CC (DAC) do not.
bool IsStartOfFrame(uint8_t m) {
  return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
}

}  // namespace

Result<JpegInfo> ReadJpegInfo(std::string_view b) {
  if (b.size() < 4 || static_cast<uint8_t>(b[0]) != 0xFF || static_cast<uint8_t>(b[1]) != 0xD8) {
    return Status::InvalidArgument("page image is not JPEG (no start-of-image marker)");
  }
  JpegInfo info;
  size_t at = 2;
  while (at + 4 <= b.size()) {
    if (static_cast<uint8_t>(b[at]) != 0xFF) {
      return Status::InvalidArgument("page image is not a valid JPEG (bad marker at byte " +
                                     std::to_string(at) + ")");
    }
    const uint8_t marker = static_cast<uint8_t>(b[at + 1]);
    if (marker == 0xFF) {  // fill byte
      ++at;
      continue;
    }
    if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
      at += 2;
      continue;
    }
    if (marker == 0xD9 || marker == 0xDA) break;  // end of image / start of scan: no frame seen
    const int length = U16(b, at + 2);
    if (length < 2 || at + 2 + length > b.size()) break;
    const std::string_view segment = b.substr(at + 4, length - 2);
    if (marker == 0xEE && segment.substr(0, 5) == "Adobe") info.adobe_inverted = true;
    if (IsStartOfFrame(marker)) {
      if (segment.size() < 6) break;
      info.height = U16(segment, 1);
      info.width = U16(segment, 3);
      info.components = static_cast<uint8_t>(segment[5]);
      if (info.width <= 0 || info.height <= 0 ||
          (info.components != 1 && info.components != 3 && info.components != 4)) {
        return Status::InvalidArgument(
            "page image is a JPEG with an unusable frame (" + std::to_string(info.width) + "x" +
            std::to_string(info.height) + ", " + std::to_string(info.components) + " components)");
      }
      return info;
    }
    at += 2 + length;
  }
  return Status::InvalidArgument("page image is not a valid JPEG (no frame header)");
}

}  // namespace sohoa::pdf::internal
