// Image <-> cv::Mat at the edge of the stage.
#include <cstring>

#include <opencv2/imgproc.hpp>

#include "clean/steps.h"

namespace sohoa::clean {

cv::Mat ToMat(const Image& image) {
  const int type = CV_MAKETYPE(CV_8U, image.channels);
  cv::Mat view(image.height, image.width, type, const_cast<uint8_t*>(image.pixels.data()),
               image.stride());
  cv::Mat out;
  if (image.channels == 4) {
    cv::cvtColor(view, out, cv::COLOR_BGRA2BGR);
  } else {
    out = view.clone();
  }
  return out;
}

Image ToImage(const cv::Mat& mat, double dpi) {
  cv::Mat packed = mat.isContinuous() ? mat : mat.clone();
  Image image;
  image.width = packed.cols;
  image.height = packed.rows;
  image.channels = packed.channels();
  image.dpi = dpi;
  image.pixels.resize(packed.total() * packed.elemSize());
  std::memcpy(image.pixels.data(), packed.data, image.pixels.size());
  return image;
}

}  // namespace sohoa::clean
