// The inked part: once a page is upright and level, the steps after it work
// only where there is something darker than paper. A closing or signature
// page is mostly paper, which those steps would otherwise go over at full
// cost while OCR, which skips it, reads the page in a fraction of a second.
#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

#include "clean/steps.h"

namespace sohoa::clean {
namespace {

// Darker than the paper by this share of white counts, on the flattened
// analysis copy: far paler than ink, so faint pencil, pale stamps' rims and
// dust stay inside the part and are cleaned as before.
constexpr double kBelowPaper = 0.15;
// Grown by this share of the page's longest side (140 px on A4 at 300 dpi):
// more than the steps after it read around the ink (the paper brightness
// looks 60 px out, despeckle's farthest reach is 72 px).
constexpr int kMarginShare = 25;
// Corners on a multiple of this: the paper brightness is estimated on a
// copy reduced four times, whose cells then fall where the whole page's do.
constexpr int kAlign = 4;

}  // namespace

cv::Rect PartToClean(const cv::Mat& analysis, cv::Size page) {
  const cv::Rect all(0, 0, page.width, page.height);
  if (analysis.empty() || page.area() == 0) return all;
  const cv::Rect inked = cv::boundingRect(analysis < 255 * (1 - kBelowPaper));
  if (inked.area() == 0) return all;
  const double fx = static_cast<double>(page.width) / analysis.cols;
  const double fy = static_cast<double>(page.height) / analysis.rows;
  const int margin = std::max(page.width, page.height) / kMarginShare;
  const int x0 = std::max(0, static_cast<int>(std::floor(inked.x * fx)) - margin) / kAlign * kAlign;
  const int y0 = std::max(0, static_cast<int>(std::floor(inked.y * fy)) - margin) / kAlign * kAlign;
  const int x1 = std::min(page.width, static_cast<int>(std::ceil(inked.br().x * fx)) + margin);
  const int y1 = std::min(page.height, static_cast<int>(std::ceil(inked.br().y * fy)) + margin);
  return cv::Rect(x0, y0, x1 - x0, y1 - y0);
}

}  // namespace sohoa::clean
