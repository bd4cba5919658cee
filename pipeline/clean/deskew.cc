// Deskew: projection-profile search. Text lines, once level, pile their ink
// into few rows, so the sum of squared row counts peaks at the true angle.
// The ink points are projected at each candidate angle instead of rotating
// the image, which keeps the search to a few milliseconds.
#include <algorithm>
#include <cmath>
#include <vector>

#include <opencv2/core/utility.hpp>
#include <opencv2/imgproc.hpp>

#include "clean/steps.h"

namespace sohoa::clean {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr int kWorkWidth = 1600;  // pixels across the page during the search

// Ink points grouped by column, each column's rows in order from the top.
// A column's points all move by the same amount under a shear, so each
// candidate angle costs one multiplication per column and one addition per
// point.
struct InkColumns {
  std::vector<float> x;     // each column's offset from the page middle
  std::vector<int> start;   // column k's rows are row[start[k] .. start[k + 1])
  std::vector<int> row;     // whole part of each point's offset from the middle
  size_t points() const { return row.size(); }
};

struct InkPoints {
  InkColumns all;
  InkColumns sampled;       // every 4th point in reading order, for the coarse search
  float row_fraction = 0;   // offset from the middle = row + row_fraction (0 or 0.5)
  int height = 0;
  int width = 0;
};

constexpr int kCoarseStride = 4;

InkPoints CollectInk(const cv::Mat& grey) {
  InkPoints ink;
  cv::Mat small = grey;
  if (grey.cols > kWorkWidth) {
    const double f = static_cast<double>(kWorkWidth) / grey.cols;
    cv::resize(grey, small, cv::Size(), f, f, cv::INTER_AREA);
  }
  cv::Mat mask = InkMask(small);
  ink.width = small.cols;
  ink.height = small.rows;
  const float cx = small.cols / 2.0f, cy = small.rows / 2.0f;
  const int whole_cy = static_cast<int>(std::ceil(cy));
  ink.row_fraction = static_cast<float>(whole_cy) - cy;
  // Counted first, then placed: two passes over the mask, no reallocation.
  std::vector<int> all_count(mask.cols, 0), sampled_count(mask.cols, 0);
  size_t seen = 0;
  for (int y = 0; y < mask.rows; ++y) {
    ForEachInked(mask.ptr<uint8_t>(y), mask.cols, [&](int x) {
      ++all_count[x];
      if (seen++ % kCoarseStride == 0) ++sampled_count[x];
    });
  }
  auto lay_out = [&](InkColumns& c, const std::vector<int>& count) {
    c.x.resize(mask.cols);
    c.start.assign(mask.cols + 1, 0);
    for (int x = 0; x < mask.cols; ++x) {
      c.x[x] = x - cx;
      c.start[x + 1] = c.start[x] + count[x];
    }
    c.row.resize(c.start[mask.cols]);
  };
  lay_out(ink.all, all_count);
  lay_out(ink.sampled, sampled_count);
  std::vector<int> all_next(ink.all.start.begin(), ink.all.start.end() - 1);
  std::vector<int> sampled_next(ink.sampled.start.begin(), ink.sampled.start.end() - 1);
  seen = 0;
  for (int y = 0; y < mask.rows; ++y) {
    ForEachInked(mask.ptr<uint8_t>(y), mask.cols, [&](int x) {
      ink.all.row[all_next[x]++] = y - whole_cy;
      if (seen++ % kCoarseStride == 0) ink.sampled.row[sampled_next[x]++] = y - whole_cy;
    });
  }
  return ink;
}

// Sum of squared row counts of the ink projected along `deg`: a point (x, y)
// from the middle falls in row round(y + x tan(deg)), halves away from zero.
double ProfileScore(const InkPoints& ink, const InkColumns& columns, double deg, std::vector<int>& bins) {
  const double t = std::tan(deg * kPi / 180.0);
  const int margin = static_cast<int>(std::abs(t) * ink.width / 2) + 2;
  const int offset = ink.height / 2 + margin;
  const int size = ink.height + 2 * margin + 2;
  bins.assign(size, 0);
  const int* row = columns.row.data();
  for (size_t k = 0; k + 1 < columns.start.size(); ++k) {
    const int first = columns.start[k], last = columns.start[k + 1];
    if (first == last) continue;
    // Rounding a whole row plus the column's shift moves it by the shift
    // rounded; at an exact half, the sign of the sum says which way.
    const double shift = ink.row_fraction + columns.x[k] * t;
    const int up = static_cast<int>(std::floor(shift + 0.5)) + offset;
    const int down = static_cast<int>(std::ceil(shift - 0.5)) + offset;
    const double from_up = -shift;  // rows at least this end at or below the middle
    for (int i = first; i < last; ++i) {
      const int b = row[i] + (row[i] >= from_up ? up : down);
      if (b >= 0 && b < size) ++bins[b];
    }
  }
  double score = 0;
  for (int c : bins) score += static_cast<double>(c) * c;
  return score;
}

double BestAngle(const InkPoints& ink, const InkColumns& columns, double lo, double hi, double step) {
  std::vector<int> bins;
  double best = 0, best_score = -1;
  for (double a = lo; a <= hi + 1e-9; a += step) {
    const double s = ProfileScore(ink, columns, a, bins);
    if (s > best_score) {
      best_score = s;
      best = a;
    }
  }
  return best;
}

}  // namespace

double EstimateSkew(const cv::Mat& grey, double max_deg) {
  InkPoints ink = CollectInk(grey);
  // A page with hardly any ink (or almost all ink) has no lines to level.
  const size_t points = ink.all.points();
  const double ink_share = static_cast<double>(points) / std::max(1, ink.width * ink.height);
  if (points < 200 || ink_share > 0.5) return 0;
  // Coarse to fine: a line's profile peak is about a degree wide here.
  double a = BestAngle(ink, ink.sampled, -max_deg, max_deg, 0.5);
  a = BestAngle(ink, ink.all, a - 0.6, a + 0.6, 0.1);
  a = BestAngle(ink, ink.all, a - 0.1, a + 0.1, 0.01);
  return a;
}

namespace {

// Weights of linear interpolation in 1/256.
constexpr int kWeightBits = 8;
constexpr int kWeightOne = 1 << kWeightBits;

// A shift by `t` pixels as a whole part and a weight of the next pixel.
struct Shift {
  int whole;
  int weight;  // 0 .. kWeightOne - 1
};

Shift ShiftOf(double t) {
  const double whole = std::floor(t);
  int weight = static_cast<int>(std::lround((t - whole) * kWeightOne));
  int w = static_cast<int>(whole);
  if (weight == kWeightOne) {
    ++w;
    weight = 0;
  }
  return {w, weight};
}

// `a` blended with `b` by `weight`: 16-bit arithmetic, which the compiler
// turns into vector instructions in the loops below.
inline uint8_t Blend(uint16_t a, uint16_t b, uint16_t weight) {
  return static_cast<uint8_t>((a * (kWeightOne - weight) + b * weight + kWeightOne / 2) >> kWeightBits);
}

// dst[j] = a[j] blended with b[j], by weight[j] or by one weight for all.
void BlendSpan(const uint8_t* __restrict a, const uint8_t* __restrict b, const uint8_t* __restrict weight,
               uint8_t* __restrict dst, int n) {
  for (int j = 0; j < n; ++j) dst[j] = Blend(a[j], b[j], weight[j]);
}

void BlendSpan(const uint8_t* __restrict a, const uint8_t* __restrict b, uint16_t weight,
               uint8_t* __restrict dst, int n) {
  for (int j = 0; j < n; ++j) dst[j] = Blend(a[j], b[j], weight);
}

// Pass one, for row `y` of the page: `src` (`w` pixels of `ch` channels)
// moved right by s y + c1 into `dst`, `width` pixels; paper white where the
// page has no pixels.
void ShearRow(const uint8_t* src, int w, int ch, int y, double s, double c1, uint8_t* dst, int width) {
  // dst(x) = src(x + k) blended with src(x + k + 1).
  const Shift shift = ShiftOf(-(s * y + c1));
  const int k = shift.whole;
  const int first = std::clamp(-k, 0, width), last = std::clamp(w - 1 - k, first, width);
  const auto at = [&](int x, int c) -> uint16_t { return x >= 0 && x < w ? src[x * ch + c] : 255; };
  const auto edge = [&](int x0, int x1) {
    for (int x = x0; x < x1; ++x) {
      for (int c = 0; c < ch; ++c) dst[x * ch + c] = Blend(at(x + k, c), at(x + k + 1, c), shift.weight);
    }
  };
  edge(0, first);
  const uint8_t* a = src + static_cast<ptrdiff_t>(k + first) * ch;
  BlendSpan(a, a + ch, static_cast<uint16_t>(shift.weight), dst + first * ch, (last - first) * ch);
  edge(last, width);
}

// Output rows are made this many at a time, from the rows of pass one they
// draw on, kept in a buffer that stays in cache: no page-sized intermediate
// is written and read back.
constexpr int kBandRows = 128;

}  // namespace

cv::Mat RotateByShears(const cv::Mat& page, double deg, cv::Mat out) {
  const cv::Size canvas = PageTransform::Rotation(page.size(), deg).size;
  // Rows moved right by s y + c1, then columns down by -s x + c2: the map
  // [1 s; -s 1-s^2], the page's middle onto the canvas's middle.
  const double s = std::sin(deg * kPi / 180.0);
  const double c1 = canvas.width / 2.0 - (page.cols / 2.0 + s * page.rows / 2.0);
  const double c2 = canvas.height / 2.0 - page.rows / 2.0 + s * canvas.width / 2.0;
  const int ch = page.channels(), width = canvas.width, h = page.rows;
  // Pass two: output row y at column x blends rows y + k and y + k + 1 of
  // pass one, k the whole part of s x - c2. Columns with the same k form
  // runs, so a row is made run by run.
  std::vector<uint8_t> weight(static_cast<size_t>(width) * ch);
  struct Run {
    int x0, x1, k;
  };
  std::vector<Run> runs;
  for (int x = 0; x < width; ++x) {
    const Shift shift = ShiftOf(s * x - c2);
    std::fill_n(weight.begin() + static_cast<ptrdiff_t>(x) * ch, ch, static_cast<uint8_t>(shift.weight));
    if (runs.empty() || runs.back().k != shift.whole) runs.push_back({x, x, shift.whole});
    runs.back().x1 = x + 1;
  }
  int k_lo = runs.front().k, k_hi = k_lo;
  for (const Run& run : runs) {
    k_lo = std::min(k_lo, run.k);
    k_hi = std::max(k_hi, run.k);
  }
  const std::vector<uint8_t> paper(static_cast<size_t>(width) * ch, 255);
  out.create(canvas, page.type());
  const int bands = (canvas.height + kBandRows - 1) / kBandRows;
  cv::parallel_for_(
      cv::Range(0, bands),
      [&](const cv::Range& range) {
        cv::Mat sheared(kBandRows + k_hi - k_lo + 1, width, page.type());
        for (int band = range.start; band < range.end; ++band) {
          const int y0 = band * kBandRows, y1 = std::min(canvas.height, y0 + kBandRows);
          // The rows of pass one this band draws on, those of the page.
          const int r0 = std::max(0, y0 + k_lo), r1 = std::min(h, y1 + k_hi + 1);
          for (int r = r0; r < r1; ++r) {
            ShearRow(page.ptr<uint8_t>(r), page.cols, ch, r, s, c1, sheared.ptr<uint8_t>(r - r0), width);
          }
          const auto row = [&](int r) { return r >= r0 && r < r1 ? sheared.ptr<uint8_t>(r - r0) : paper.data(); };
          for (int y = y0; y < y1; ++y) {
            uint8_t* dst = out.ptr<uint8_t>(y);
            for (const Run& run : runs) {
              const int j = run.x0 * ch;
              BlendSpan(row(y + run.k) + j, row(y + run.k + 1) + j, weight.data() + j, dst + j,
                        (run.x1 - run.x0) * ch);
            }
          }
        }
      },
      cv::getNumThreads());
  return out;
}

cv::Mat RotateBy(const cv::Mat& page, double deg, cv::Mat out) {
  const PageTransform t = PageTransform::Rotation(page.size(), deg);
  cv::warpAffine(page, out, t.m, t.size, cv::INTER_LINEAR, cv::BORDER_CONSTANT,
                 cv::Scalar::all(255));
  return out;
}

}  // namespace sohoa::clean
