// Background flattening: estimate the paper brightness everywhere with a
// closing larger than any letter stroke (on a reduced page, for speed), then
// divide. Uneven light, gutter shading and yellowed paper turn white.
#include <algorithm>

#include <opencv2/imgproc.hpp>

#include "clean/steps.h"

namespace sohoa::clean {

cv::Mat PaperBrightness(const cv::Mat& grey) {
  constexpr double kReduce = 0.25;
  cv::Mat small;
  cv::resize(grey, small, cv::Size(), kReduce, kReduce, cv::INTER_AREA);
  // 15 px here is 60 px on the page: wider than bold strokes at 300 dpi.
  cv::Mat background;
  cv::morphologyEx(small, background, cv::MORPH_CLOSE,
                   cv::getStructuringElement(cv::MORPH_RECT, {15, 15}));
  cv::medianBlur(background, background, 5);
  cv::max(background, 1, background);
  cv::Mat full;
  cv::resize(background, full, grey.size(), 0, 0, cv::INTER_LINEAR);
  return full;
}

cv::Mat FlattenBackground(const cv::Mat& grey) {
  // Divided into the paper estimate's own pixels: no second page-sized
  // image in fresh memory, whose page faults cost more than the division.
  cv::Mat out = PaperBrightness(grey);
  cv::divide(grey, out, out, 255.0);
  return out;
}

}  // namespace sohoa::clean
