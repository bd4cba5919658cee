// Despeckle: remove small dark components far from any letter. Vietnamese
// puts tone marks above and a dot below letters ("ạ", "ệ", "ộ"); those are
// small too, but they sit within a few pixels of a letter, so only specks
// with no letter nearby go.
#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

#include "clean/steps.h"

namespace sohoa::clean {

DespeckleResult Despeckle(const cv::Mat& grey, double dpi) {
  DespeckleResult result;
  if (dpi <= 0) dpi = 300;
  const double unit = dpi / 300.0;
  const int max_speck_area = std::max(2, static_cast<int>(std::lround(30 * unit * unit)));
  const int max_speck_side = std::max(2, static_cast<int>(std::lround(8 * unit)));
  const int near_text_px = std::max(4, static_cast<int>(std::lround(12 * unit)));

  cv::Mat ink = InkMask(grey);
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
  result.dark_components = n - 1;

  // Letters: components too big to be specks, spread by near_text_px on a
  // quarter-size grid (cheap) to mark the neighbourhood where marks belong.
  constexpr int kCell = 4;
  cv::Mat letters_small = cv::Mat::zeros((grey.rows + kCell - 1) / kCell,
                                         (grey.cols + kCell - 1) / kCell, CV_8U);
  std::vector<bool> speck(n, false);
  for (int i = 1; i < n; ++i) {
    const int area = stats.at<int>(i, cv::CC_STAT_AREA);
    const int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
    if (area <= max_speck_area && std::max(w, h) <= max_speck_side) {
      speck[i] = true;
    } else {
      const int x = stats.at<int>(i, cv::CC_STAT_LEFT), y = stats.at<int>(i, cv::CC_STAT_TOP);
      cv::rectangle(letters_small, cv::Point(x / kCell, y / kCell),
                    cv::Point((x + w - 1) / kCell, (y + h - 1) / kCell), cv::Scalar(255),
                    cv::FILLED);
    }
  }
  const int grow = 2 * (near_text_px / kCell) + 1;
  cv::dilate(letters_small, letters_small, cv::getStructuringElement(cv::MORPH_RECT, {grow, grow}));

  std::vector<bool> remove(n, false);
  for (int i = 1; i < n; ++i) {
    if (!speck[i]) continue;
    const int cx = static_cast<int>(centroids.at<double>(i, 0)) / kCell;
    const int cy = static_cast<int>(centroids.at<double>(i, 1)) / kCell;
    if (letters_small.at<uint8_t>(cy, cx) == 0) {
      remove[i] = true;
      ++result.specks_removed;
    }
  }
  result.page = grey.clone();
  if (result.specks_removed == 0) return result;
  // Paint removed specks white (paper, after flattening) with a pixel of
  // their soft edge, which would otherwise stay as a faint ring.
  cv::Mat removed = cv::Mat::zeros(grey.size(), CV_8U);
  for (int y = 0; y < labels.rows; ++y) {
    const int* lab = labels.ptr<int>(y);
    uint8_t* out = removed.ptr<uint8_t>(y);
    for (int x = 0; x < labels.cols; ++x) {
      if (lab[x] && remove[lab[x]]) out[x] = 255;
    }
  }
  cv::dilate(removed, removed, cv::getStructuringElement(cv::MORPH_RECT, {3, 3}));
  result.page.setTo(255, removed);
  return result;
}

}  // namespace sohoa::clean
