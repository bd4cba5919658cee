// Stamp suppression: seals and received stamps are red or blue; body text is
// black. Saturated, not-too-dark pixels are coloured ink and become paper;
// black text printed under a stamp is dark, so it is not taken for ink.
#include <algorithm>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "clean/steps.h"

namespace sohoa::clean {
namespace {

// Less clear coloured ink than this share of the page is no stamp (a tinted
// letterhead dot, JPEG colour noise).
constexpr double kMinStampShare = 1e-4;
// A stamp region holds at least this many pixels of clear ink on the
// quarter-size survey (a quarter of a square millimetre at 300 dpi).
constexpr int kMinClearPixels = 8;

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

// Full-resolution parts of the page covered by the components of the
// survey's quarter-size mask `ink`, with a margin of paper. Only components
// holding at least `min_clear` pixels of clearly coloured ink count: on
// JPEG-compressed tinted paper the pale hue test also picks up the colour
// fringes of black letters, and there the suppression would find nothing
// to grow from anyway.
std::vector<cv::Rect> RegionsOf(const cv::Mat& ink, const cv::Mat& clear, int min_clear, int reduce,
                                cv::Size page_size) {
  cv::Mat labels, stats;
  const int n = LabelComponents(ink, labels, stats, 8);
  std::vector<int> clear_count(n, 0);
  for (int y = 0; y < labels.rows; ++y) {
    const int* lab = labels.ptr<int>(y);
    const uint8_t* c = clear.ptr<uint8_t>(y);
    for (int x = 0; x < labels.cols; ++x) {
      if (c[x]) ++clear_count[lab[x]];
    }
  }
  const cv::Rect page(0, 0, page_size.width, page_size.height);
  std::vector<cv::Rect> regions;
  for (int i = 1; i < n; ++i) {
    if (clear_count[i] < min_clear) continue;
    const cv::Rect r(stats.at<int>(i, cv::CC_STAT_LEFT) * reduce - 32,
                     stats.at<int>(i, cv::CC_STAT_TOP) * reduce - 32,
                     stats.at<int>(i, cv::CC_STAT_WIDTH) * reduce + 64,
                     stats.at<int>(i, cv::CC_STAT_HEIGHT) * reduce + 64);
    regions.push_back(r & page);
  }
  return regions;
}

// One stamp region: `bgr` and `grey` cover the same part of the page.
cv::Mat SuppressStampsIn(const cv::Mat& bgr, const cv::Mat& grey) {
  const cv::Mat balanced = WhiteBalanced(bgr);
  cv::Mat hsv;
  cv::cvtColor(balanced, hsv, cv::COLOR_BGR2HSV);
  // Hysteresis: clearly coloured ink, grown into the paler ink around it.
  // Blur and JPEG's half-resolution colour spread a stroke's colour a few
  // pixels wide at lower saturation; alone, such pixels could be anything.
  const cv::Mat strong = HueMask(hsv, 90, 70);
  const cv::Mat ink = ComponentsHolding(HueMask(hsv, 50, 60) | strong, strong);
  // Around the ink, strokes blend with the paper (and JPEG smears colour),
  // to pale tints no hue test catches. There black
  // text stays dark in every channel, while ink and blends are fairly light
  // in their brightest channel: those become the paper around them (not
  // white: a white patch on grey paper would read as a dark frame once the
  // background is flattened).
  cv::Mat zone;
  cv::dilate(ink, zone, cv::getStructuringElement(cv::MORPH_RECT, {11, 11}));
  std::vector<cv::Mat> planes;
  cv::split(balanced, planes);
  const cv::Mat brightest = cv::max(cv::max(planes[0], planes[1]), planes[2]);
  cv::Mat paper;
  PaperBrightness(grey).convertTo(paper, CV_8U);
  cv::Mat out = grey.clone();
  paper.copyTo(out, ink | (zone & (brightest >= 0.75 * 255)));
  return out;
}

// One look at a quarter-size copy answers both questions: is there a stamp
// at all (clearly coloured ink), and where (pale thin strokes included), so
// the full-resolution work is spent on the stamps alone. Regions are looked
// for only when the clear ink covers more than `min_share` of the page.
StampSurvey Survey(const cv::Mat& bgr, double min_share, int min_clear) {
  StampSurvey survey;
  if (bgr.channels() < 3) return survey;
  constexpr int kReduce = 4;
  cv::Mat small, hsv;
  cv::resize(bgr, small, cv::Size(), 1.0 / kReduce, 1.0 / kReduce, cv::INTER_AREA);
  cv::cvtColor(WhiteBalanced(small), hsv, cv::COLOR_BGR2HSV);
  const cv::Mat clear = HueMask(hsv, 90, 70);
  survey.ink_share = static_cast<double>(cv::countNonZero(clear)) / clear.total();
  survey.stamped = survey.ink_share > kMinStampShare;
  if (survey.ink_share <= min_share) return survey;
  cv::Mat ink = HueMask(hsv, 40, 60);
  cv::dilate(ink, ink, cv::getStructuringElement(cv::MORPH_RECT, {15, 15}));
  survey.regions = RegionsOf(ink, clear, min_clear, kReduce, bgr.size());
  return survey;
}

}  // namespace

cv::Mat WhiteBalanced(const cv::Mat& bgr) {
  cv::Mat balanced;
  cv::divide(bgr, PaperBrightness(bgr), balanced, 255.0);
  return balanced;
}

cv::Mat ColouredInkMask(const cv::Mat& bgr) {
  if (bgr.channels() < 3) return cv::Mat::zeros(bgr.size(), CV_8U);
  cv::Mat hsv;
  cv::cvtColor(WhiteBalanced(bgr), hsv, cv::COLOR_BGR2HSV);
  return HueMask(hsv, 90, 70);
}

cv::Mat SuppressStamps(const cv::Mat& bgr, const cv::Mat& grey, const std::vector<cv::Rect>& regions) {
  if (bgr.channels() < 3) return grey.clone();
  cv::Mat out = grey.clone();
  for (const cv::Rect& r : regions) SuppressStampsIn(bgr(r), grey(r)).copyTo(out(r));
  return out;
}

StampSurvey SurveyStamps(const cv::Mat& bgr) { return Survey(bgr, kMinStampShare, kMinClearPixels); }

cv::Mat SuppressStamps(const cv::Mat& bgr, const cv::Mat& grey) {
  return SuppressStamps(bgr, grey, Survey(bgr, -1, 0).regions);
}

}  // namespace sohoa::clean
