// Orientation from the page's own geometry, for when no OCR-based detector
// is available (or it cannot decide). Quarter turns are lossless.
#include <algorithm>
#include <cmath>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "clean/steps.h"

namespace sohoa::clean {
namespace {

constexpr int kWorkWidth = 1200;
// What "clear" takes (dev pages and the Tesseract and VietOCR samples in all
// four turns: text pages give 3.4-700 times more strip area along their
// lines than across, and 1.8-5 times more ink above the x-height band than
// below it upright, that side holding 6.5% or more of the lines' ink; only
// pages of a few lines or words came near. Capitals alone put almost no ink
// outside the band, so a ratio of two specks says nothing).
constexpr double kClearDirectionRatio = 3;
constexpr int kClearDirectionStrips = 8;
constexpr int kClearUprightLines = 8;
constexpr double kClearUprightRatio = 1.5;
constexpr double kClearUprightSideShare = 0.03;

}  // namespace

cv::Mat WorkingInk(const cv::Mat& grey) {
  cv::Mat small = grey;
  const int longest = std::max(grey.cols, grey.rows);
  if (longest > kWorkWidth * 1.5) {
    const double f = kWorkWidth * 1.5 / longest;
    // Bilinear: area averaging at a ratio that is no whole number costs
    // eight times more (16 ms a page, twice) and tells lines no better.
    cv::resize(grey, small, cv::Size(), f, f, cv::INTER_LINEAR);
  }
  return InkMask(small);
}

cv::Mat RotateQuarterTurns(const cv::Mat& page, int rotate_cw_deg, cv::Mat out) {
  const int quarter = ((rotate_cw_deg % 360 + 360) % 360) / 90;
  if (quarter == 0) {
    page.copyTo(out);
    return out;
  }
  static constexpr cv::RotateFlags kFlags[] = {cv::ROTATE_90_CLOCKWISE, cv::ROTATE_180,
                                               cv::ROTATE_90_COUNTERCLOCKWISE};
  cv::rotate(page, out, kFlags[quarter - 1]);
  return out;
}

LineDirection MeasureLineDirection(const cv::Mat& grey, const cv::Mat& working_ink) {
  // Smearing along the true line direction joins letters into long thin
  // strips; smearing across it joins lines into blocks or nothing long.
  // Seals, signatures and pictures make no long strips either way.
  // Only the inked part is smeared and labelled (a closing page is mostly
  // paper); its margin is wider than the smear, so the strips are the same.
  const cv::Mat page_ink = working_ink.empty() ? WorkingInk(grey) : working_ink;
  const cv::Rect inked = InkBounds(page_ink, 16);
  LineDirection d;
  if (inked.area() == 0) return d;
  const cv::Mat ink = page_ink(inked);
  auto strip_area = [&ink](bool horizontal, int* strips) {
    const cv::Size k = horizontal ? cv::Size(15, 1) : cv::Size(1, 15);
    cv::Mat smeared;
    cv::morphologyEx(ink, smeared, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, k));
    cv::Mat labels, stats;
    const int n = LabelComponents(smeared, labels, stats, 8);
    double area = 0;
    for (int i = 1; i < n; ++i) {
      const int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
      const int along = horizontal ? w : h, across = horizontal ? h : w;
      if (along >= 3 * across && along >= 60 && across >= 3) {
        area += stats.at<int>(i, cv::CC_STAT_AREA);
        ++*strips;
      }
    }
    return area;
  };
  d.horizontal_area = strip_area(true, &d.horizontal_strips);
  d.vertical_area = strip_area(false, &d.vertical_strips);
  return d;
}

bool LineDirection::clear() const {
  const double more = std::max(horizontal_area, vertical_area);
  const double less = std::min(horizontal_area, vertical_area);
  const int strips = horizontal() ? horizontal_strips : vertical_strips;
  return strips >= kClearDirectionStrips && more >= kClearDirectionRatio * less;
}

bool TextLinesHorizontal(const cv::Mat& grey) { return MeasureLineDirection(grey).horizontal(); }

UprightEvidence MeasureUpright(const cv::Mat& grey, const cv::Mat& working_ink) {
  UprightEvidence e;
  const cv::Mat ink = working_ink.empty() ? WorkingInk(grey) : working_ink;
  cv::Mat profile_mat;
  cv::reduce(ink, profile_mat, 1, cv::REDUCE_SUM, CV_32S);
  std::vector<double> p;
  profile_mat.reshape(1, 1).convertTo(p, CV_64F);
  const double peak = p.empty() ? 0 : *std::max_element(p.begin(), p.end());
  if (peak <= 0) return e;
  const double floor = 0.02 * peak;
  const int n = static_cast<int>(p.size());
  std::vector<double> headline;
  const double to_page = static_cast<double>(grey.rows) / std::max(1, n);
  for (int y = 0; y < n;) {
    if (p[y] <= floor) {
      ++y;
      continue;
    }
    int end = y;
    while (end < n && p[end] > floor) ++end;
    if (end - y >= 4) {
      // The x-height band is where most letters put ink; ascenders and tone
      // marks sit above it, descenders and dots below sit under it.
      const double line_peak = *std::max_element(p.begin() + y, p.begin() + end);
      int core_top = y, core_bottom = end - 1;
      while (p[core_top] < 0.4 * line_peak) ++core_top;
      while (p[core_bottom] < 0.4 * line_peak) --core_bottom;
      for (int r = y; r < core_top; ++r) e.above += p[r];
      for (int r = core_bottom + 1; r < end; ++r) e.below += p[r];
      for (int r = y; r < end; ++r) e.ink += p[r];
      cv::Mat columns;
      cv::reduce(ink.rowRange(y, end), columns, 0, cv::REDUCE_MAX);
      const int inked = cv::countNonZero(columns);
      if (inked > 0) headline.push_back(line_peak / 255.0 / inked);
      ++e.lines;
      e.line_rows.emplace_back(static_cast<int>(y * to_page),
                               std::min(grey.rows, static_cast<int>(std::ceil(end * to_page))));
    }
    y = end;
  }
  if (!headline.empty()) {
    std::nth_element(headline.begin(), headline.begin() + headline.size() / 2, headline.end());
    e.headline = headline[headline.size() / 2];
  }
  return e;
}

bool UprightClear(const UprightEvidence& e) {
  const double more = std::max(e.above, e.below), less = std::min(e.above, e.below);
  return e.lines >= kClearUprightLines && more >= kClearUprightSideShare * e.ink &&
         more >= kClearUprightRatio * less;
}

bool UpsideDown(const UprightEvidence& e) {
  // A handful of lines (a signature page) is too little evidence to turn
  // a page over.
  constexpr int kMinLines = 8;
  return e.lines >= kMinLines && e.below > 1.1 * e.above;
}

bool LooksUpsideDown(const cv::Mat& grey) { return UpsideDown(MeasureUpright(grey)); }

int GeometricOrientation(const cv::Mat& grey) {
  int rotation = TextLinesHorizontal(grey) ? 0 : 90;
  cv::Mat turned = RotateQuarterTurns(grey, rotation);
  if (LooksUpsideDown(turned)) rotation += 180;
  return rotation % 360;
}

}  // namespace sohoa::clean
