// Page quality figures kept with each page, so a clerk can be told which
// pages are likely to read badly and should be scanned again.
#include <opencv2/imgproc.hpp>

#include "clean/steps.h"

namespace sohoa::clean {

// Measured around the ink only, so a sparse page is not taken for a blurred one.
double BlurScore(const cv::Mat& grey) {
  cv::Mat lap;
  cv::Laplacian(grey, lap, CV_32F);
  cv::Mat near_ink;
  cv::dilate(InkMask(grey), near_ink, cv::getStructuringElement(cv::MORPH_RECT, {5, 5}));
  if (cv::countNonZero(near_ink) == 0) return 0;
  cv::Scalar mean, sd;
  cv::meanStdDev(lap, mean, sd, near_ink);
  return sd[0] * sd[0];
}

// Median of the ink class against median of the paper class, split by Otsu.
double TextRemovedFraction(const cv::Mat& bgr, const cv::Mat& before, const cv::Mat& after) {
  // Black ink: darker than mid-grey and about as dark in every channel
  // (stamp ink is dark in one channel only).
  constexpr int kDark = 128, kMaxSpread = 60;
  std::vector<cv::Mat> ch;
  cv::split(bgr, ch);
  cv::Mat hi = cv::max(cv::max(ch[0], ch[1]), ch[2]);
  cv::Mat lo = cv::min(cv::min(ch[0], ch[1]), ch[2]);
  const cv::Mat black = (before < kDark) & ((hi - lo) < kMaxSpread);
  const int n = cv::countNonZero(black);
  if (n == 0) return 0;
  return static_cast<double>(cv::countNonZero(black & (after >= kDark))) / n;
}

double ContrastScore(const cv::Mat& grey) {
  cv::Mat ignored;
  const double split = cv::threshold(grey, ignored, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
  cv::Mat hist;
  const int channels[] = {0};
  const int bins[] = {256};
  const float range[] = {0, 256};
  const float* ranges[] = {range};
  cv::calcHist(&grey, 1, channels, cv::Mat(), hist, 1, bins, ranges);
  double ink_total = 0, paper_total = 0;
  for (int v = 0; v < 256; ++v) (v <= split ? ink_total : paper_total) += hist.at<float>(v);
  if (ink_total <= 0 || paper_total <= 0) return 0;
  auto median = [&](int lo, int hi, double total) {
    double seen = 0;
    for (int v = lo; v <= hi; ++v) {
      seen += hist.at<float>(v);
      if (seen >= total / 2) return v;
    }
    return hi;
  };
  const int ink = median(0, static_cast<int>(split), ink_total);
  const int paper = median(static_cast<int>(split) + 1, 255, paper_total);
  return (paper - ink) / 255.0;
}

}  // namespace sohoa::clean
