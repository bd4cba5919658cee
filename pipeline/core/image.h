// Image: the one pixel container that crosses stage boundaries.
//
// Stages convert it to their library's type (cv::Mat, Pix) inside their own
// .cc files, so no third-party header leaks into a public header.
// Thread-safety: a value type.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <utility>

namespace sohoa {

// Pixel storage, a byte array. Unlike std::vector's, `resize` leaves new
// samples unset: buffers are written whole right after they are made, and
// clearing a colour page (26 MB at 300 dpi) first is a pass over memory for
// nothing. Copies are one memcpy.
class PixelBuffer {
 public:
  PixelBuffer() = default;
  PixelBuffer(const PixelBuffer& other) { assign(other.data(), other.data() + other.size()); }
  PixelBuffer(PixelBuffer&& other) noexcept
      : bytes_(std::move(other.bytes_)),
        size_(std::exchange(other.size_, 0)),
        capacity_(std::exchange(other.capacity_, 0)) {}
  PixelBuffer& operator=(const PixelBuffer& other) {
    if (this != &other) assign(other.data(), other.data() + other.size());
    return *this;
  }
  PixelBuffer& operator=(PixelBuffer&& other) noexcept {
    bytes_ = std::move(other.bytes_);
    size_ = std::exchange(other.size_, 0);
    capacity_ = std::exchange(other.capacity_, 0);
    return *this;
  }

  uint8_t* data() { return bytes_.get(); }
  const uint8_t* data() const { return bytes_.get(); }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  uint8_t& operator[](size_t i) { return bytes_[i]; }
  const uint8_t& operator[](size_t i) const { return bytes_[i]; }

  // Keeps the first min(n, size()) samples; the rest are unset.
  void resize(size_t n) {
    if (n > capacity_) {
      std::unique_ptr<uint8_t[]> kept = std::exchange(bytes_, std::make_unique_for_overwrite<uint8_t[]>(n));
      if (size_ > 0) std::memcpy(bytes_.get(), kept.get(), std::min(size_, n));
      capacity_ = n;
    }
    size_ = n;
  }
  void assign(size_t n, uint8_t value) {
    Discard(n);
    if (n > 0) std::memset(bytes_.get(), value, n);
  }
  void assign(const uint8_t* first, const uint8_t* last) {
    const size_t n = static_cast<size_t>(last - first);
    Discard(n);
    if (n > 0) std::memcpy(bytes_.get(), first, n);
  }

 private:
  // Room for n samples, all unset.
  void Discard(size_t n) {
    if (n > capacity_) {
      bytes_.reset();  // the old buffer goes before the new one is made
      bytes_ = std::make_unique_for_overwrite<uint8_t[]>(n);
      capacity_ = n;
    }
    size_ = n;
  }

  std::unique_ptr<uint8_t[]> bytes_;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

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
