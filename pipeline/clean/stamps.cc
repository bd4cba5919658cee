// Stamp suppression: seals and received stamps are red or blue; body text is
// black. Saturated, not-too-dark pixels are coloured ink and become paper;
// black text printed under a stamp is dark, so it is not taken for ink.
#include <opencv2/imgproc.hpp>

#include "clean/steps.h"

namespace sohoa::clean {

cv::Mat ColouredInkMask(const cv::Mat& bgr) {
  if (bgr.channels() < 3) return cv::Mat::zeros(bgr.size(), CV_8U);
  cv::Mat hsv;
  cv::cvtColor(bgr, hsv, cv::COLOR_BGR2HSV);
  // OpenCV hue is 0..180. Yellowed paper sits around 15-35 with low
  // saturation; red, magenta, violet and blue ink are kept.
  cv::Mat red_low, red_high, blue;
  cv::inRange(hsv, cv::Scalar(0, 90, 70), cv::Scalar(10, 255, 255), red_low);
  cv::inRange(hsv, cv::Scalar(140, 90, 70), cv::Scalar(180, 255, 255), red_high);
  cv::inRange(hsv, cv::Scalar(90, 90, 70), cv::Scalar(140, 255, 255), blue);
  cv::Mat mask = red_low | red_high | blue;
  return mask;
}

cv::Mat SuppressStamps(const cv::Mat& bgr, const cv::Mat& grey) {
  if (bgr.channels() < 3) return grey.clone();
  const cv::Mat ink = ColouredInkMask(bgr);
  // The faint, less saturated rim of the ink takes the brightest channel,
  // which is harmless on paper and on black text alike; the ink itself
  // (even dark blue handwriting) becomes paper.
  cv::Mat rim;
  cv::dilate(ink, rim, cv::getStructuringElement(cv::MORPH_ELLIPSE, {5, 5}));
  std::vector<cv::Mat> planes;
  cv::split(bgr, planes);
  cv::Mat brightest = cv::max(cv::max(planes[0], planes[1]), planes[2]);
  cv::Mat out = grey.clone();
  brightest.copyTo(out, rim);
  out.setTo(255, ink);
  return out;
}

}  // namespace sohoa::clean
