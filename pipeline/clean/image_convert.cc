// Image <-> cv::Mat at the edge of the stage.
#include <opencv2/imgproc.hpp>

#include "clean/steps.h"

namespace sohoa::clean {

cv::Mat ToMat(const Image& image) {
  const int type = CV_MAKETYPE(CV_8U, image.channels);
  // Only read: every step returns a new image, so the caller's pixels are
  // shown as they are instead of copied (a colour page is 26 MB at 300 dpi).
  cv::Mat view(image.height, image.width, type, const_cast<uint8_t*>(image.pixels.data()),
               image.stride());
  if (image.channels != 4) return view;
  cv::Mat out;
  cv::cvtColor(view, out, cv::COLOR_BGRA2BGR);
  return out;
}

Image ToImage(const cv::Mat& mat, double dpi) {
  cv::Mat packed = mat.isContinuous() ? mat : mat.clone();
  Image image;
  image.width = packed.cols;
  image.height = packed.rows;
  image.channels = packed.channels();
  image.dpi = dpi;
  // One pass: resizing first would clear the pixels before copying them.
  image.pixels.assign(packed.data, packed.data + packed.total() * packed.elemSize());
  return image;
}

cv::Mat PageBuffer(Image& owner, cv::Size size, int type) {
  CV_Assert(CV_MAT_DEPTH(type) == CV_8U && (CV_MAT_CN(type) == 1 || CV_MAT_CN(type) == 3));
  owner.width = size.width;
  owner.height = size.height;
  owner.channels = CV_MAT_CN(type);
  owner.pixels.resize(owner.stride() * owner.height);
  return cv::Mat(size, type, owner.pixels.data(), owner.stride());
}

Image PageAround(const cv::Mat& part, cv::Rect at, cv::Size page, double dpi) {
  Image image;
  cv::Mat canvas = PageBuffer(image, page, CV_8U);
  image.dpi = dpi;
  const cv::Rect placed = at & cv::Rect(0, 0, page.width, page.height);
  // Paper only around the part: the part's own pixels are written once.
  const int right = placed.x + placed.width, bottom = placed.y + placed.height;
  canvas.rowRange(0, placed.y).setTo(255);
  canvas.rowRange(bottom, page.height).setTo(255);
  canvas(cv::Rect(0, placed.y, placed.x, placed.height)).setTo(255);
  canvas(cv::Rect(right, placed.y, page.width - right, placed.height)).setTo(255);
  if (placed.area() > 0) part(cv::Rect(placed.tl() - at.tl(), placed.size())).copyTo(canvas(placed));
  return image;
}

}  // namespace sohoa::clean
