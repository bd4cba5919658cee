// Binarisation: optional, since Tesseract thresholds pages itself.
#include <cmath>

#include <opencv2/imgproc.hpp>

#include "clean/steps.h"

namespace sohoa::clean {

// Otsu, capped: on an almost blank page Otsu splits the paper itself and
// would call faint shading ink.
cv::Mat InkMask(const cv::Mat& grey) {
  constexpr double kDarkestPaper = 190;
  cv::Mat ink;
  const double otsu = cv::threshold(grey, ink, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  if (otsu > kDarkestPaper) cv::threshold(grey, ink, kDarkestPaper, 255, cv::THRESH_BINARY_INV);
  return ink;
}

cv::Rect InkBounds(const cv::Mat& ink, int margin) {
  const cv::Rect inked = cv::boundingRect(ink);
  if (inked.area() == 0) return inked;
  return cv::Rect(inked.x - margin, inked.y - margin, inked.width + 2 * margin, inked.height + 2 * margin) &
         cv::Rect(0, 0, ink.cols, ink.rows);
}

cv::Mat BinarizeOtsu(const cv::Mat& grey) {
  cv::Mat out;
  cv::threshold(grey, out, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
  return out;
}

// T = m * (1 + k * (s / R - 1)), with m and s the local mean and standard
// deviation over `window` and R = 128 the dynamic range of s.
cv::Mat BinarizeSauvola(const cv::Mat& grey, int window, double k) {
  window = std::max(3, window | 1);
  cv::Mat f;
  grey.convertTo(f, CV_32F);
  cv::Mat mean, sq_mean;
  cv::boxFilter(f, mean, CV_32F, cv::Size(window, window), cv::Point(-1, -1), true,
                cv::BORDER_REPLICATE);
  cv::boxFilter(f.mul(f), sq_mean, CV_32F, cv::Size(window, window), cv::Point(-1, -1), true,
                cv::BORDER_REPLICATE);
  cv::Mat var = sq_mean - mean.mul(mean);
  cv::Mat sd;
  cv::sqrt(cv::max(var, 0), sd);
  cv::Mat threshold = mean.mul(1.0 + k * (sd / 128.0 - 1.0));
  cv::Mat out = cv::Mat(grey.size(), CV_8U, cv::Scalar(255));
  out.setTo(0, f < threshold);
  return out;
}

}  // namespace sohoa::clean
