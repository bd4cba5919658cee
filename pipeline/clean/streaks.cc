// Streaks: a photocopier's drum or a scanner's dirty glass draws thin dark
// lines down the whole page. They cut through letters and split text lines
// in two for OCR. No letter stroke runs a fifth of a page high, so long
// vertical runs of ink are streaks; their pixels are filled in from the
// pixels just left and right of the line, which keeps a letter's
// horizontal strokes that the streak crossed.
#include <algorithm>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "clean/steps.h"

namespace sohoa::clean {

namespace {

// Vertical runs of ink at least `min_run` pixels long, found in one pass
// down the page (a per-column run counter; far cheaper than a morphological
// opening with a kernel a fifth of a page tall).
cv::Mat LongVerticalRuns(const cv::Mat& ink, int min_run) {
  cv::Mat runs = cv::Mat::zeros(ink.size(), CV_8U);
  std::vector<int> length(ink.cols, 0);
  auto close_run = [&](int x, int end_row) {
    if (length[x] >= min_run) {
      for (int y = end_row - length[x]; y < end_row; ++y) runs.at<uint8_t>(y, x) = 255;
    }
    length[x] = 0;
  };
  for (int y = 0; y < ink.rows; ++y) {
    const uint8_t* row = ink.ptr<uint8_t>(y);
    for (int x = 0; x < ink.cols; ++x) {
      if (row[x]) {
        ++length[x];
      } else if (length[x] > 0) {
        close_run(x, y);
      }
    }
  }
  for (int x = 0; x < ink.cols; ++x) close_run(x, ink.rows);
  return runs;
}

}  // namespace

cv::Mat StreakMask(const cv::Mat& grey) {
  cv::Mat mask = cv::Mat::zeros(grey.size(), CV_8U);
  // Longer than any letter (a bracket at 300 dpi is about 80 px).
  const int run = std::max(60, grey.rows / 16);
  if (grey.rows < 2 * run) return mask;
  // Only the inked part of the page is searched (a closing page is mostly
  // paper); labels and runs below are in its coordinates.
  const cv::Mat ink = InkMask(grey);
  const cv::Rect inked = InkBounds(ink, 0);
  if (inked.height < grey.rows / 5) return mask;
  const cv::Mat long_runs = LongVerticalRuns(ink(inked), run);
  if (cv::countNonZero(long_runs) == 0) return mask;
  cv::Mat labels, stats;
  const int n = LabelComponents(long_runs, labels, stats, 8);
  std::vector<uint8_t> streak(n, 0);
  bool any = false;
  for (int i = 1; i < n; ++i) {
    const int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
    if (h >= grey.rows / 5 && w * 8 <= h) streak[i] = 255;
    any = any || streak[i];
  }
  if (!any) return mask;
  for (int y = 0; y < labels.rows; ++y) {
    const int* lab = labels.ptr<int>(y);
    uint8_t* m = mask.ptr<uint8_t>(y + inked.y) + inked.x;
    for (int x = 0; x < labels.cols; ++x) m[x] = streak[lab[x]];
  }
  // The soft edge of the line is a pixel or two either side.
  cv::dilate(mask, mask, cv::getStructuringElement(cv::MORPH_RECT, {5, 1}));
  return mask;
}

cv::Mat RemoveStreaks(const cv::Mat& grey) {
  const cv::Mat mask = StreakMask(grey);
  cv::Mat out = grey.clone();
  if (cv::countNonZero(mask) == 0) return out;
  for (int y = 0; y < out.rows; ++y) {
    const uint8_t* m = mask.ptr<uint8_t>(y);
    uint8_t* px = out.ptr<uint8_t>(y);
    for (int x = 0; x < out.cols;) {
      if (!m[x]) {
        ++x;
        continue;
      }
      int end = x;
      while (end < out.cols && m[end]) ++end;
      const int left = x > 0 ? px[x - 1] : (end < out.cols ? px[end] : 255);
      const int right = end < out.cols ? px[end] : left;
      const int width = end - x + 1;
      for (int i = x; i < end; ++i) {
        px[i] = static_cast<uint8_t>(left + (right - left) * (i - x + 1) / width);
      }
      x = end;
    }
  }
  return out;
}

}  // namespace sohoa::clean
