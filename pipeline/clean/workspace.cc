// Working memory kept from page to page (see Workspace in steps.h).
#include "clean/steps.h"

namespace sohoa::clean {

cv::Mat Workspace::Labels(cv::Size size) {
  const size_t needed = static_cast<size_t>(size.area());
  if (needed > labels_capacity_) {
    labels_.reset();  // the old block goes before the new one is made
    labels_ = std::make_unique_for_overwrite<int[]>(needed);
    labels_capacity_ = needed;
  }
  return cv::Mat(size, CV_32S, labels_.get());
}

}  // namespace sohoa::clean
