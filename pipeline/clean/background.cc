// Background flattening: estimate the paper brightness everywhere with a
// closing larger than any letter stroke (on a reduced page, for speed), then
// divide. Uneven light, gutter shading and yellowed paper turn white.
#include <algorithm>

#include <opencv2/imgproc.hpp>

#include "clean/steps.h"

namespace sohoa::clean {

namespace {

// The paper's brightness on a page reduced by four.
cv::Mat ReducedPaperBrightness(const cv::Mat& grey) {
  constexpr double kReduce = 0.25;
  cv::Mat small;
  cv::resize(grey, small, cv::Size(), kReduce, kReduce, cv::INTER_AREA);
  // 15 px here is 60 px on the page: wider than bold strokes at 300 dpi.
  cv::Mat background;
  cv::morphologyEx(small, background, cv::MORPH_CLOSE,
                   cv::getStructuringElement(cv::MORPH_RECT, {15, 15}));
  cv::medianBlur(background, background, 5);
  cv::max(background, 1, background);
  return background;
}

}  // namespace

cv::Mat PaperBrightness(const cv::Mat& grey) {
  cv::Mat full;
  cv::resize(ReducedPaperBrightness(grey), full, grey.size(), 0, 0, cv::INTER_LINEAR);
  return full;
}

cv::Mat FlattenBackground(const cv::Mat& grey) {
  const cv::Mat background = ReducedPaperBrightness(grey);
  // Paper white everywhere (as many scanners clip it): the division would
  // give every pixel back as it is.
  double darkest = 0;
  cv::minMaxLoc(background.reshape(1), &darkest);
  if (darkest >= 255) return grey;
  // Divided into the paper estimate's own pixels: no second page-sized
  // image in fresh memory, whose page faults cost more than the division.
  cv::Mat out;
  cv::resize(background, out, grey.size(), 0, 0, cv::INTER_LINEAR);
  cv::divide(grey, out, out, 255.0);
  return out;
}

}  // namespace sohoa::clean
