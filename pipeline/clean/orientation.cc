// Orientation from the page's own geometry, for when no OCR-based detector
// is available (or it cannot decide). Quarter turns are lossless.
#include <algorithm>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "clean/steps.h"

namespace sohoa::clean {
namespace {

constexpr int kWorkWidth = 1200;

cv::Mat WorkingInk(const cv::Mat& grey) {
  cv::Mat small = grey;
  const int longest = std::max(grey.cols, grey.rows);
  if (longest > kWorkWidth * 1.5) {
    const double f = kWorkWidth * 1.5 / longest;
    cv::resize(grey, small, cv::Size(), f, f, cv::INTER_AREA);
  }
  return InkMask(small);
}

}  // namespace

cv::Mat RotateQuarterTurns(const cv::Mat& page, int rotate_cw_deg) {
  const int quarter = ((rotate_cw_deg % 360 + 360) % 360) / 90;
  if (quarter == 0) return page.clone();
  cv::Mat out;
  static constexpr cv::RotateFlags kFlags[] = {cv::ROTATE_90_CLOCKWISE, cv::ROTATE_180,
                                               cv::ROTATE_90_COUNTERCLOCKWISE};
  cv::rotate(page, out, kFlags[quarter - 1]);
  return out;
}

bool TextLinesHorizontal(const cv::Mat& grey) {
  // Smearing along the true line direction joins letters into long thin
  // strips; smearing across it joins lines into blocks or nothing long.
  // Seals, signatures and pictures make no long strips either way.
  cv::Mat ink = WorkingInk(grey);
  auto strip_area = [&ink](bool horizontal) {
    const cv::Size k = horizontal ? cv::Size(15, 1) : cv::Size(1, 15);
    cv::Mat smeared;
    cv::morphologyEx(ink, smeared, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, k));
    cv::Mat labels, stats, centroids;
    const int n = cv::connectedComponentsWithStats(smeared, labels, stats, centroids, 8, CV_32S);
    double area = 0;
    for (int i = 1; i < n; ++i) {
      const int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
      const int along = horizontal ? w : h, across = horizontal ? h : w;
      if (along >= 3 * across && along >= 60 && across >= 3) {
        area += stats.at<int>(i, cv::CC_STAT_AREA);
      }
    }
    return area;
  };
  return strip_area(true) >= strip_area(false);
}

bool LooksUpsideDown(const cv::Mat& grey) {
  cv::Mat ink = WorkingInk(grey);
  cv::Mat profile_mat;
  cv::reduce(ink, profile_mat, 1, cv::REDUCE_SUM, CV_32S);
  std::vector<double> p;
  profile_mat.reshape(1, 1).convertTo(p, CV_64F);
  const double peak = p.empty() ? 0 : *std::max_element(p.begin(), p.end());
  if (peak <= 0) return false;
  const double floor = 0.02 * peak;
  double above = 0, below = 0;
  int lines = 0;
  const int n = static_cast<int>(p.size());
  for (int y = 0; y < n;) {
    if (p[y] <= floor) {
      ++y;
      continue;
    }
    int end = y;
    while (end < n && p[end] > floor) ++end;
    if (end - y >= 4) {
      // The x-height band is where most letters put ink; ascenders and tone
      // marks sit above it, descenders and dots below sit under it.
      const double line_peak = *std::max_element(p.begin() + y, p.begin() + end);
      int core_top = y, core_bottom = end - 1;
      while (p[core_top] < 0.4 * line_peak) ++core_top;
      while (p[core_bottom] < 0.4 * line_peak) --core_bottom;
      for (int r = y; r < core_top; ++r) above += p[r];
      for (int r = core_bottom + 1; r < end; ++r) below += p[r];
      ++lines;
    }
    y = end;
  }
  // A handful of lines (a signature page) is too little evidence to turn
  // a page over.
  constexpr int kMinLines = 8;
  return lines >= kMinLines && below > 1.1 * above;
}

int GeometricOrientation(const cv::Mat& grey) {
  int rotation = TextLinesHorizontal(grey) ? 0 : 90;
  cv::Mat turned = RotateQuarterTurns(grey, rotation);
  if (LooksUpsideDown(turned)) rotation += 180;
  return rotation % 360;
}

}  // namespace sohoa::clean
