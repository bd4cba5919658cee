// Filling what a streak or a copier's speck hid from the pixels around it:
// the streak and despeckle steps fill alike.
#include <opencv2/photo.hpp>

#include "clean/steps.h"

namespace sohoa::clean {

void FillFromAround(cv::Mat& image, const cv::Mat& hidden) {
  cv::Mat filled;
  cv::inpaint(image, hidden, filled, kFillRadius, cv::INPAINT_TELEA);
  filled.copyTo(image, hidden);
}

}  // namespace sohoa::clean
