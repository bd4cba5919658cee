// Grey conversion: every later step works on one 8-bit channel.
#include <opencv2/imgproc.hpp>

#include "clean/steps.h"

namespace sohoa::clean {

cv::Mat ToGrey(const cv::Mat& page) {
  cv::Mat grey;
  switch (page.channels()) {
    case 1:
      grey = page.clone();
      break;
    case 4:
      cv::cvtColor(page, grey, cv::COLOR_BGRA2GRAY);
      break;
    default:
      cv::cvtColor(page, grey, cv::COLOR_BGR2GRAY);
      break;
  }
  return grey;
}

cv::Mat GreyOf(const cv::Mat& page) { return page.channels() == 1 ? page : ToGrey(page); }

}  // namespace sohoa::clean
