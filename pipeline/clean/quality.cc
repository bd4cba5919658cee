// Page quality figures kept with each page, so a clerk can be told which
// pages are likely to read badly and should be scanned again.
#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>

#include <opencv2/core/hal/intrin.hpp>
#include <opencv2/imgproc.hpp>

#include "clean/steps.h"

namespace sohoa::clean {

// Measured around the ink only, so a sparse page is not taken for a blurred one.
double BlurScore(const cv::Mat& grey) {
  // Only the inked part of the page is filtered (a closing page is mostly
  // paper); filters on a part read the pixels around it, so the figure is
  // the whole page's.
  const cv::Mat ink = InkMask(grey);
  const cv::Rect part = InkBounds(ink, 4);
  if (part.area() == 0) return 0;
  // Grown in place: the ink itself is not needed again, and a page-sized
  // mask in fresh memory costs its page faults.
  cv::Mat near_ink = ink(part);
  cv::dilate(near_ink, near_ink, cv::getStructuringElement(cv::MORPH_RECT, {5, 5}));
  // The Laplacian (cv::Laplacian's 3x3 aperture: the four neighbours less
  // four times the pixel, past the page's edge by its default border,
  // BORDER_REFLECT_101) only where it is measured, summed exactly: no
  // page-sized 16-bit image is made, whose fresh memory alone costs more
  // than the sums.
  const auto beyond = [](int i, int n) { return cv::borderInterpolate(i, n, cv::BORDER_REFLECT_101); };
  const int left_of_first = beyond(-1, grey.cols), right_of_last = beyond(grey.cols, grey.cols);
  int64_t count = 0, sum = 0, squares = 0;
  for (int y = 0; y < part.height; ++y) {
    const int row = part.y + y;
    const uint8_t* above = grey.ptr<uint8_t>(beyond(row - 1, grey.rows));
    const uint8_t* here = grey.ptr<uint8_t>(row);
    const uint8_t* below = grey.ptr<uint8_t>(beyond(row + 1, grey.rows));
    ForEachInked(near_ink.ptr<uint8_t>(y), part.width, [&](int i) {
      const int x = part.x + i;
      const int left = x > 0 ? x - 1 : left_of_first;
      const int right = x + 1 < grey.cols ? x + 1 : right_of_last;
      const int lap = above[x] + below[x] + here[left] + here[right] - 4 * here[x];
      ++count;
      sum += lap;
      squares += lap * lap;
    });
  }
  if (count == 0) return 0;
  const double mean = static_cast<double>(sum) / count;
  return static_cast<double>(squares) / count - mean * mean;
}

double TextRemovedFraction(const cv::Mat& bgr, const cv::Mat& before, const cv::Mat& after) {
  const TextLoss loss = CountTextLoss(bgr, before, after);
  return loss.black == 0 ? 0 : static_cast<double>(loss.lost) / loss.black;
}

TextLoss CountTextLoss(const cv::Mat& bgr, const cv::Mat& before, const cv::Mat& after) {
  // Black ink: darker than mid-grey and about as dark in every channel
  // (stamp ink is dark in one channel only). One pass, no page-sized
  // temporaries; SIMD, and the colour page (26 MB at 300 dpi) is read only
  // where the grey one is dark.
  constexpr int kDark = 128, kMaxSpread = 60;
  size_t black = 0, lost = 0;
  for (int y = 0; y < bgr.rows; ++y) {
    const uint8_t* c = bgr.ptr<uint8_t>(y);
    const uint8_t* b = before.ptr<uint8_t>(y);
    const uint8_t* a = after.ptr<uint8_t>(y);
    int x = 0;
#if CV_SIMD
    const cv::v_uint8 dark = cv::vx_setall_u8(kDark), spread = cv::vx_setall_u8(kMaxSpread);
    for (; x + cv::v_uint8::nlanes <= bgr.cols; x += cv::v_uint8::nlanes) {
      const cv::v_uint8 is_dark = cv::vx_load(b + x) < dark;
      if (!cv::v_check_any(is_dark)) continue;  // paper: most of a page
      cv::v_uint8 blue, green, red;
      cv::v_load_deinterleave(c + 3 * x, blue, green, red);
      const cv::v_uint8 hi = cv::v_max(cv::v_max(blue, green), red);
      const cv::v_uint8 lo = cv::v_min(cv::v_min(blue, green), red);
      const cv::v_uint8 is_black = is_dark & ((hi - lo) < spread);
      const cv::v_uint8 is_lost = is_black & (cv::vx_load(a + x) >= dark);
      black += std::popcount(static_cast<unsigned>(cv::v_signmask(is_black)));
      lost += std::popcount(static_cast<unsigned>(cv::v_signmask(is_lost)));
    }
#endif
    for (; x < bgr.cols; ++x) {
      if (b[x] >= kDark) continue;
      const uint8_t* p = c + 3 * x;
      const int hi = std::max({p[0], p[1], p[2]}), lo = std::min({p[0], p[1], p[2]});
      if (hi - lo >= kMaxSpread) continue;
      ++black;
      if (a[x] >= kDark) ++lost;
    }
  }
  return {black, lost};
}

namespace {

// Grey levels counted, four counters a level so that runs of one level
// (paper) do not wait on one another. Every other row: a page's ink is
// hundreds of thousands of pixels, and its median is the same in half.
std::array<double, 256> CountLevels(const cv::Mat& grey) {
  std::array<std::array<uint32_t, 256>, 4> part{};
  for (int y = 0; y < grey.rows; y += 2) {
    const uint8_t* g = grey.ptr<uint8_t>(y);
    int x = 0;
    for (; x + 4 <= grey.cols; x += 4) {
      ++part[0][g[x]];
      ++part[1][g[x + 1]];
      ++part[2][g[x + 2]];
      ++part[3][g[x + 3]];
    }
    for (; x < grey.cols; ++x) ++part[0][g[x]];
  }
  std::array<double, 256> count{};
  for (int v = 0; v < 256; ++v) count[v] = static_cast<double>(part[0][v]) + part[1][v] + part[2][v] + part[3][v];
  return count;
}

}  // namespace

// Median of the ink class against median of the paper class, split by Otsu.
double ContrastScore(const cv::Mat& grey) {
  // One histogram serves the split (Otsu's, computed on it) and both
  // medians. Counted here: cv::calcHist takes three times as long.
  const std::array<double, 256> hist = CountLevels(grey);
  double total = 0, weighted = 0;
  for (int v = 0; v < 256; ++v) {
    total += hist[v];
    weighted += v * hist[v];
  }
  int split = 0;
  double best = -1, below = 0, below_weighted = 0;
  for (int v = 0; v < 255; ++v) {
    below += hist[v];
    below_weighted += v * hist[v];
    const double above = total - below;
    if (below <= 0 || above <= 0) continue;
    const double mean_diff = below_weighted / below - (weighted - below_weighted) / above;
    const double between = below * above * mean_diff * mean_diff;
    if (between > best) {
      best = between;
      split = v;
    }
  }
  double ink_total = 0, paper_total = 0;
  for (int v = 0; v < 256; ++v) (v <= split ? ink_total : paper_total) += hist[v];
  if (ink_total <= 0 || paper_total <= 0) return 0;
  auto median = [&](int lo, int hi, double class_total) {
    double seen = 0;
    for (int v = lo; v <= hi; ++v) {
      seen += hist[v];
      if (seen >= class_total / 2) return v;
    }
    return hi;
  };
  const int ink = median(0, split, ink_total);
  const int paper = median(split + 1, 255, paper_total);
  return (paper - ink) / 255.0;
}

}  // namespace sohoa::clean
