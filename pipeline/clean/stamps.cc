// Stamp suppression: seals and received stamps are red or blue; body text is
// black. Saturated, not-too-dark pixels are coloured ink and become paper;
// black text printed under a stamp is dark, so it is not taken for ink.
#include <algorithm>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "clean/steps.h"

namespace sohoa::clean {
namespace {

// Red, magenta, violet and blue hues (OpenCV hue is 0..180) with at least
// this saturation and brightness. Yellowed paper sits around 15-35 with low
// saturation and is never included.
cv::Mat HueMask(const cv::Mat& hsv, int min_saturation, int min_value) {
  cv::Mat red_low, red_high, blue;
  cv::inRange(hsv, cv::Scalar(0, min_saturation, min_value), cv::Scalar(10, 255, 255), red_low);
  cv::inRange(hsv, cv::Scalar(140, min_saturation, min_value), cv::Scalar(180, 255, 255),
              red_high);
  cv::inRange(hsv, cv::Scalar(90, min_saturation, min_value), cv::Scalar(140, 255, 255), blue);
  return red_low | red_high | blue;
}

// Each channel divided by its own paper brightness: yellowed or tinted paper
// turns neutral white, so ink keeps its hue and the blend of blue ink with
// yellow paper stays blue instead of turning grey.
cv::Mat WhiteBalanced(const cv::Mat& bgr) {
  std::vector<cv::Mat> planes;
  cv::split(bgr, planes);
  for (cv::Mat& plane : planes) {
    cv::Mat paper;
    PaperBrightness(plane).convertTo(paper, CV_8U);
    cv::divide(plane, paper, plane, 255.0);
  }
  cv::Mat balanced;
  cv::merge(planes, balanced);
  return balanced;
}

// The components of `weak` that hold a pixel of `strong`.
cv::Mat GrowInto(const cv::Mat& strong, const cv::Mat& weak) {
  cv::Mat labels;
  const int n = cv::connectedComponents(weak | strong, labels, 8, CV_32S);
  std::vector<uint8_t> keep(n, 0);
  for (int y = 0; y < strong.rows; ++y) {
    const uint8_t* s = strong.ptr<uint8_t>(y);
    const int* lab = labels.ptr<int>(y);
    for (int x = 0; x < strong.cols; ++x) {
      if (s[x]) keep[lab[x]] = 255;
    }
  }
  keep[0] = 0;
  cv::Mat grown(strong.size(), CV_8U);
  for (int y = 0; y < strong.rows; ++y) {
    const int* lab = labels.ptr<int>(y);
    uint8_t* g = grown.ptr<uint8_t>(y);
    for (int x = 0; x < strong.cols; ++x) g[x] = keep[lab[x]];
  }
  return grown;
}

}  // namespace

cv::Mat ColouredInkMask(const cv::Mat& bgr) {
  if (bgr.channels() < 3) return cv::Mat::zeros(bgr.size(), CV_8U);
  cv::Mat hsv;
  cv::cvtColor(WhiteBalanced(bgr), hsv, cv::COLOR_BGR2HSV);
  return HueMask(hsv, 90, 70);
}

cv::Mat SuppressStamps(const cv::Mat& bgr, const cv::Mat& grey) {
  if (bgr.channels() < 3) return grey.clone();
  const cv::Mat balanced = WhiteBalanced(bgr);
  cv::Mat hsv;
  cv::cvtColor(balanced, hsv, cv::COLOR_BGR2HSV);
  // Hysteresis: clearly coloured ink, grown into the paler ink around it.
  // Blur and JPEG's half-resolution colour spread a stroke's colour a few
  // pixels wide at lower saturation; alone, such pixels could be anything.
  const cv::Mat ink = GrowInto(HueMask(hsv, 90, 70), HueMask(hsv, 50, 60));
  // Around the ink, strokes blend with the paper (and JPEG smears colour),
  // to pale tints no hue test catches. There black
  // text stays dark in every channel, while ink and blends are fairly light
  // in their brightest channel: those become the paper around them (not
  // white: a white patch on grey paper would read as a dark frame once the
  // background is flattened).
  cv::Mat zone;
  cv::dilate(ink, zone, cv::getStructuringElement(cv::MORPH_ELLIPSE, {11, 11}));
  std::vector<cv::Mat> planes;
  cv::split(balanced, planes);
  const cv::Mat brightest = cv::max(cv::max(planes[0], planes[1]), planes[2]);
  cv::Mat paper;
  PaperBrightness(grey).convertTo(paper, CV_8U);
  cv::Mat out = grey.clone();
  paper.copyTo(out, ink | (zone & (brightest >= 0.75 * 255)));
  return out;
}

}  // namespace sohoa::clean
