// Image: the one pixel container that crosses stage boundaries.
//
// Stages convert it to their library's type (cv::Mat, Pix) inside their own
// .cc files, so no third-party header leaks into a public header.
// Thread-safety: a value type.
#pragma once

#include <cstdint>
#include <memory>
#include <new>
#include <utility>
#include <vector>

namespace sohoa {

// Leaves new elements unset (`resize` does not clear them first): pixel
// buffers are written whole right after they are made, and clearing a
// colour page (26 MB at 300 dpi) first is a pass over memory for nothing.
template <typename T>
struct UnclearedAllocator : std::allocator<T> {
  template <typename U>
  struct rebind {
    using other = UnclearedAllocator<U>;
  };
  UnclearedAllocator() = default;
  template <typename U>
  UnclearedAllocator(const UnclearedAllocator<U>&) noexcept {}
  template <typename U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;
  }
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};

// Row-major, tightly packed, 8 bits per sample. After `resize` the new
// samples are unset until written.
using PixelBuffer = std::vector<uint8_t, UnclearedAllocator<uint8_t>>;

struct Image {
  int width = 0;
  int height = 0;
  int channels = 0;             // 1 = grey, 3 = BGR (OpenCV order)
  PixelBuffer pixels;           // row-major, tightly packed, 8 bits per sample
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
