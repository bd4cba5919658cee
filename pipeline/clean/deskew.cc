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
    const uint8_t* r = mask.ptr<uint8_t>(y);
    for (int x = 0; x < mask.cols; ++x) {
      if (!r[x]) continue;
      ++all_count[x];
      if (seen++ % kCoarseStride == 0) ++sampled_count[x];
    }
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
    const uint8_t* r = mask.ptr<uint8_t>(y);
    for (int x = 0; x < mask.cols; ++x) {
      if (!r[x]) continue;
      ink.all.row[all_next[x]++] = y - whole_cy;
      if (seen++ % kCoarseStride == 0) ink.sampled.row[sampled_next[x]++] = y - whole_cy;
    }
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

inline uint8_t Blend(int a, int b, int weight) {
  return static_cast<uint8_t>((a * (kWeightOne - weight) + b * weight + kWeightOne / 2) >> kWeightBits);
}

// dst[j] = a[j] blended with b[j] by weight[j] (or by one weight for all),
// in 16-bit arithmetic the compiler turns into vector instructions.
void BlendSpan(const uint8_t* __restrict a, const uint8_t* __restrict b, const uint8_t* __restrict weight,
               uint8_t* __restrict dst, int n) {
  for (int j = 0; j < n; ++j) {
    const uint16_t w = weight[j];
    dst[j] = static_cast<uint8_t>((a[j] * (kWeightOne - w) + b[j] * w + kWeightOne / 2) >> kWeightBits);
  }
}

void BlendSpan(const uint8_t* __restrict a, const uint8_t* __restrict b, uint16_t w, uint8_t* __restrict dst,
               int n) {
  const uint16_t v = kWeightOne - w;
  for (int j = 0; j < n; ++j) {
    dst[j] = static_cast<uint8_t>((a[j] * v + b[j] * w + kWeightOne / 2) >> kWeightBits);
  }
}

// Pass one: row y of `in` moved right by s y + c1 (in pixels), on a canvas
// `width` wide; paper white where the page has no pixels.
void ShearRows(const cv::Mat& in, cv::Mat& out, double s, double c1) {
  const int ch = in.channels(), w = in.cols, width = out.cols;
  cv::parallel_for_(cv::Range(0, in.rows), [&](const cv::Range& rows) {
    for (int y = rows.start; y < rows.end; ++y) {
      // out(x) = in(x + k) blended with in(x + k + 1).
      const Shift shift = ShiftOf(-(s * y + c1));
      const int k = shift.whole, weight = shift.weight;
      const uint8_t* src = in.ptr<uint8_t>(y);
      uint8_t* dst = out.ptr<uint8_t>(y);
      const int first = std::clamp(-k, 0, width), last = std::clamp(w - 1 - k, first, width);
      const auto at = [&](int x, int c) { return x >= 0 && x < w ? src[x * ch + c] : 255; };
      for (int x = 0; x < first; ++x) {
        for (int c = 0; c < ch; ++c) dst[x * ch + c] = Blend(at(x + k, c), at(x + k + 1, c), weight);
      }
      const uint8_t* a = src + static_cast<ptrdiff_t>(k) * ch;
      const uint8_t* b = a + ch;
      BlendSpan(a + first * ch, b + first * ch, static_cast<uint16_t>(weight), dst + first * ch, (last - first) * ch);
      for (int x = last; x < width; ++x) {
        for (int c = 0; c < ch; ++c) dst[x * ch + c] = Blend(at(x + k, c), at(x + k + 1, c), weight);
      }
    }
  });
}

// Pass two: column x of `in` moved down by b x + c2, on a canvas `out.rows`
// high. Columns with the same whole shift form runs, so each output row is
// a blend of two input rows run by run.
void ShearColumns(const cv::Mat& in, cv::Mat& out, double b, double c2) {
  const int ch = in.channels(), width = in.cols, h = in.rows;
  std::vector<int> whole(width);
  std::vector<uint8_t> weight(static_cast<size_t>(width) * ch);
  for (int x = 0; x < width; ++x) {
    const Shift shift = ShiftOf(-(b * x + c2));  // out(y) blends in(y + whole), in(y + whole + 1)
    whole[x] = shift.whole;
    for (int c = 0; c < ch; ++c) weight[static_cast<size_t>(x) * ch + c] = static_cast<uint8_t>(shift.weight);
  }
  struct Run {
    int x0, x1, k;
  };
  std::vector<Run> runs;
  for (int x = 0; x < width;) {
    int end = x + 1;
    while (end < width && whole[end] == whole[x]) ++end;
    runs.push_back({x, end, whole[x]});
    x = end;
  }
  const std::vector<uint8_t> paper(static_cast<size_t>(width) * ch, 255);
  cv::parallel_for_(cv::Range(0, out.rows), [&](const cv::Range& rows) {
    for (int y = rows.start; y < rows.end; ++y) {
      uint8_t* dst = out.ptr<uint8_t>(y);
      for (const Run& run : runs) {
        const int r = y + run.k;
        const uint8_t* a = r >= 0 && r < h ? in.ptr<uint8_t>(r) : paper.data();
        const uint8_t* b = r + 1 >= 0 && r + 1 < h ? in.ptr<uint8_t>(r + 1) : paper.data();
        const int j = run.x0 * ch;
        BlendSpan(a + j, b + j, weight.data() + j, dst + j, (run.x1 - run.x0) * ch);
      }
    }
  });
}

}  // namespace

cv::Mat RotateByShears(const cv::Mat& page, double deg, cv::Size canvas) {
  // Rows moved right by s y + c1, then columns down by -s x + c2: the map
  // [1 s; -s 1-s^2], the page's middle onto the canvas's middle.
  const double s = std::sin(deg * kPi / 180.0);
  const double c1 = canvas.width / 2.0 - (page.cols / 2.0 + s * page.rows / 2.0);
  const double c2 = canvas.height / 2.0 - page.rows / 2.0 + s * canvas.width / 2.0;
  cv::Mat rows(page.rows, canvas.width, page.type());
  ShearRows(page, rows, s, c1);
  cv::Mat out(canvas, page.type());
  ShearColumns(rows, out, -s, c2);
  return out;
}

cv::Mat RotateBy(const cv::Mat& page, double deg) {
  const PageTransform t = PageTransform::Rotation(page.size(), deg);
  cv::Mat out;
  cv::warpAffine(page, out, t.m, t.size, cv::INTER_LINEAR, cv::BORDER_CONSTANT,
                 cv::Scalar::all(255));
  return out;
}

}  // namespace sohoa::clean
