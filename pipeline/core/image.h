// Image: the one pixel container that crosses stage boundaries.
//
// Stages convert it to their library's type (cv::Mat, Pix) inside their own
// .cc files, so no third-party header leaks into a public header.
// Thread-safety: a value type.
#pragma once

#include <cstdint>
#include <vector>

namespace sohoa {

struct Image {
  int width = 0;
  int height = 0;
  int channels = 0;             // 1 = grey, 3 = BGR (OpenCV order)
  std::vector<uint8_t> pixels;  // row-major, tightly packed, 8 bits per sample
  double dpi = 0;               // from file metadata; 0 when unknown (often wrong anyway)

  bool empty() const { return width <= 0 || height <= 0 || pixels.empty(); }
  size_t stride() const { return static_cast<size_t>(width) * channels; }
  static Image Blank(int width, int height, int channels, uint8_t value = 255) {
    Image img;
    img.width = width;
    img.height = height;
    img.channels = channels;
    img.pixels.assign(static_cast<size_t>(width) * height * channels, value);
    return img;
  }
};

}  // namespace sohoa
