// Connected components with their boxes and areas. OpenCV 4.6's
// connectedComponentsWithStats costs three to four times its plain labelling
// on a page (61 against 14 ms single-threaded at 300 dpi A4); labelling and
// then one pass over the labels gives the same labels and the same figures.
#include <algorithm>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "clean/steps.h"

namespace sohoa::clean {

int LabelComponents(const cv::Mat& mask, cv::Mat& labels, cv::Mat& stats, int connectivity) {
  const int n = cv::connectedComponents(mask, labels, connectivity, CV_32S);
  // x0, y0, x1, y1 (inclusive) and area per label.
  std::vector<int> box(static_cast<size_t>(n) * 5);
  for (int i = 0; i < n; ++i) {
    box[5 * i + 0] = labels.cols;
    box[5 * i + 1] = labels.rows;
    box[5 * i + 2] = -1;
    box[5 * i + 3] = -1;
    box[5 * i + 4] = 0;
  }
  // Labels are looked up only where the mask is set: a page is mostly paper,
  // and the mask is a quarter of the labels' bytes.
  for (int y = 0; y < labels.rows; ++y) {
    const int* lab = labels.ptr<int>(y);
    ForEachInked(mask.ptr<uint8_t>(y), mask.cols, [&](int x) {
      int* b = &box[5 * static_cast<size_t>(lab[x])];
      if (b[4]++ == 0) b[1] = y;  // rows are visited in order: the first is the top
      b[0] = std::min(b[0], x);
      b[2] = std::max(b[2], x);
      b[3] = y;
    });
  }
  stats.create(n, cv::CC_STAT_MAX, CV_32S);
  size_t inked = 0;
  for (int i = 1; i < n; ++i) inked += box[5 * static_cast<size_t>(i) + 4];
  for (int i = 0; i < n; ++i) {
    int* s = stats.ptr<int>(i);
    if (i == 0) {
      // The background: its area; its box is taken as the whole image.
      s[cv::CC_STAT_LEFT] = s[cv::CC_STAT_TOP] = 0;
      s[cv::CC_STAT_WIDTH] = labels.cols;
      s[cv::CC_STAT_HEIGHT] = labels.rows;
      s[cv::CC_STAT_AREA] = static_cast<int>(labels.total() - inked);
      continue;
    }
    const int* b = &box[5 * static_cast<size_t>(i)];
    s[cv::CC_STAT_LEFT] = b[0];
    s[cv::CC_STAT_TOP] = b[1];
    s[cv::CC_STAT_WIDTH] = b[2] - b[0] + 1;
    s[cv::CC_STAT_HEIGHT] = b[3] - b[1] + 1;
    s[cv::CC_STAT_AREA] = b[4];
  }
  return n;
}

cv::Mat ComponentsHolding(const cv::Mat& mask, const cv::Mat& seed) {
  cv::Mat labels;  // no boxes or areas needed
  const int n = cv::connectedComponents(mask, labels, 8, CV_32S);
  std::vector<uint8_t> held(n, 0);
  for (int y = 0; y < mask.rows; ++y) {
    const int* lab = labels.ptr<int>(y);
    ForEachInked(seed.ptr<uint8_t>(y), seed.cols, [&](int x) { held[lab[x]] = 255; });
  }
  held[0] = 0;
  cv::Mat out(mask.size(), CV_8U);
  for (int y = 0; y < mask.rows; ++y) {
    const int* lab = labels.ptr<int>(y);
    uint8_t* o = out.ptr<uint8_t>(y);
    for (int x = 0; x < mask.cols; ++x) o[x] = held[lab[x]];
  }
  return out;
}

}  // namespace sohoa::clean
