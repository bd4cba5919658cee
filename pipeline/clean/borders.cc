// Border removal: book scans and copies carry black bands along the edges
// (the scanner lid, the book's gutter). Dark regions that touch an edge and
// run along a good part of it are painted white; text never does that.
#include <algorithm>

#include <opencv2/imgproc.hpp>

#include "clean/steps.h"

namespace sohoa::clean {
namespace {

// Darker than this share of the paper's brightness is a band's.
constexpr double kDarkShare = 0.55;

// Whether any pixel on the four edges of `small` is darker than `below`.
bool DarkOnEdge(const cv::Mat& small, double below) {
  const auto dark = [below](uint8_t v) { return v < below; };
  const uint8_t* top = small.ptr<uint8_t>(0);
  const uint8_t* bottom = small.ptr<uint8_t>(small.rows - 1);
  if (std::any_of(top, top + small.cols, dark) || std::any_of(bottom, bottom + small.cols, dark)) return true;
  for (int y = 0; y < small.rows; ++y) {
    const uint8_t* row = small.ptr<uint8_t>(y);
    if (dark(row[0]) || dark(row[small.cols - 1])) return true;
  }
  return false;
}

}  // namespace

cv::Mat RemoveBorders(const cv::Mat& grey) {
  constexpr int kWorkLongest = 800;
  const int longest = std::max(grey.cols, grey.rows);
  const double f = longest > kWorkLongest ? static_cast<double>(kWorkLongest) / longest : 1.0;
  cv::Mat small;
  // Bilinear: the bands are wide, and area averaging at a ratio that is no
  // whole number costs twenty times more (17 ms on a 300 dpi page).
  cv::resize(grey, small, cv::Size(), f, f, cv::INTER_LINEAR);
  // A band touches an edge: with no pixel on the edges dark against the
  // whitest paper there is none (most pages), and nothing to measure.
  if (!DarkOnEdge(small, kDarkShare * 255)) return grey;

  // "Dark" is judged against the paper, so grey or yellowed paper does not count.
  cv::Mat hist;
  const int channels[] = {0};
  const int bins[] = {256};
  const float range[] = {0, 256};
  const float* ranges[] = {range};
  cv::calcHist(&small, 1, channels, cv::Mat(), hist, 1, bins, ranges);
  double seen = 0, paper = 255;
  for (int v = 255; v >= 0; --v) {
    seen += hist.at<float>(v);
    if (seen >= 0.3 * small.total()) {
      paper = v;
      break;
    }
  }
  cv::Mat dark = small < kDarkShare * paper;

  cv::Mat labels, stats;
  const int n = LabelComponents(dark, labels, stats, 8);
  cv::Mat border_mask = cv::Mat::zeros(small.size(), CV_8U);
  bool any = false;
  for (int i = 1; i < n; ++i) {
    const int x = stats.at<int>(i, cv::CC_STAT_LEFT), y = stats.at<int>(i, cv::CC_STAT_TOP);
    const int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
    const bool touches_side = x == 0 || x + w == small.cols;
    const bool touches_end = y == 0 || y + h == small.rows;
    const bool along_side = touches_side && h > 0.3 * small.rows;
    const bool along_end = touches_end && w > 0.3 * small.cols;
    if (along_side || along_end) {
      border_mask.setTo(255, labels == i);
      any = true;
    }
  }
  if (!any) return grey;
  // Grow a little to swallow the soft edge of the band (and JPEG ringing).
  cv::dilate(border_mask, border_mask, cv::getStructuringElement(cv::MORPH_RECT, {5, 5}));
  cv::Mat full_mask;
  cv::resize(border_mask, full_mask, grey.size(), 0, 0, cv::INTER_NEAREST);
  cv::Mat out = grey.clone();
  out.setTo(cv::Scalar(paper), full_mask);
  return out;
}

}  // namespace sohoa::clean
