// Deskew: projection-profile search. Text lines, once level, pile their ink
// into few rows, so the sum of squared row counts peaks at the true angle.
// The ink points are projected at each candidate angle instead of rotating
// the image, which keeps the search to a few milliseconds.
#include <cmath>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "clean/steps.h"

namespace sohoa::clean {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr int kWorkWidth = 1600;  // pixels across the page during the search

struct InkPoints {
  std::vector<cv::Point2f> points;  // centred on the page middle
  int height = 0;
  int width = 0;
};

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
  for (int y = 0; y < mask.rows; ++y) {
    const uint8_t* row = mask.ptr<uint8_t>(y);
    for (int x = 0; x < mask.cols; ++x) {
      if (row[x]) ink.points.emplace_back(x - cx, y - cy);
    }
  }
  return ink;
}

// std::lround, inline: the projection rounds a few million values per page,
// and the library call was most of the search's time. Same result: the
// truncated part is exact, and halves go away from zero.
inline int RoundHalfAway(double v) {
  int i = static_cast<int>(v);
  const double frac = v - i;
  if (frac >= 0.5) ++i;
  else if (frac <= -0.5) --i;
  return i;
}

// Sum of squared row counts of the ink projected along `deg`.
// `stride` > 1 samples every stride-th point, for the coarse search.
double ProfileScore(const InkPoints& ink, double deg, int stride, std::vector<int>& bins) {
  const double t = std::tan(deg * kPi / 180.0);
  const int margin = static_cast<int>(std::abs(t) * ink.width / 2) + 2;
  const int offset = ink.height / 2 + margin;
  bins.assign(ink.height + 2 * margin + 2, 0);
  for (size_t i = 0; i < ink.points.size(); i += stride) {
    const cv::Point2f& p = ink.points[i];
    const int b = RoundHalfAway(p.y + p.x * t) + offset;
    if (b >= 0 && b < static_cast<int>(bins.size())) ++bins[b];
  }
  double score = 0;
  for (int c : bins) score += static_cast<double>(c) * c;
  return score;
}

double BestAngle(const InkPoints& ink, double lo, double hi, double step, int stride) {
  std::vector<int> bins;
  double best = 0, best_score = -1;
  for (double a = lo; a <= hi + 1e-9; a += step) {
    const double s = ProfileScore(ink, a, stride, bins);
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
  const double ink_share =
      static_cast<double>(ink.points.size()) / std::max(1, ink.width * ink.height);
  if (ink.points.size() < 200 || ink_share > 0.5) return 0;
  // Coarse to fine: a line's profile peak is about a degree wide here.
  double a = BestAngle(ink, -max_deg, max_deg, 0.5, 4);
  a = BestAngle(ink, a - 0.6, a + 0.6, 0.1, 1);
  a = BestAngle(ink, a - 0.1, a + 0.1, 0.01, 1);
  return a;
}

cv::Mat RotateBy(const cv::Mat& page, double deg) {
  const cv::Point2f centre(page.cols / 2.0f, page.rows / 2.0f);
  cv::Mat m = cv::getRotationMatrix2D(centre, deg, 1.0);
  const double c = std::abs(m.at<double>(0, 0)), s = std::abs(m.at<double>(0, 1));
  const int w = static_cast<int>(std::ceil(page.rows * s + page.cols * c));
  const int h = static_cast<int>(std::ceil(page.rows * c + page.cols * s));
  m.at<double>(0, 2) += w / 2.0 - centre.x;
  m.at<double>(1, 2) += h / 2.0 - centre.y;
  cv::Mat out;
  cv::warpAffine(page, out, m, cv::Size(w, h), cv::INTER_LINEAR, cv::BORDER_CONSTANT,
                 cv::Scalar::all(255));
  return out;
}

}  // namespace sohoa::clean
