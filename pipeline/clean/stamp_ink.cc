// The ink of coloured stamps on their own, dark on white: the OCR copy has
// them removed, but a received stamp says when and under which number the
// office took the document in, and that is read from this.
#include <algorithm>
#include <cmath>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "clean/clean.h"
#include "clean/steps.h"

namespace sohoa::clean {
namespace {

constexpr int kReduce = 4;
// Less coloured ink than this share of the page holds no stamp.
constexpr double kMinInkShare = 1e-4;
// A stamp is at least this wide or high (inches): smaller coloured marks
// are ticks, initials or colour noise.
constexpr double kMinStampInches = 0.5;
// And at most this share of the page width (a tinted band is no stamp).
constexpr double kMaxStampWidthShare = 0.6;
constexpr size_t kMaxStamps = 4;
// A stamp turned less than this reads as it is.
constexpr double kMinStampSkewDeg = 0.5;
constexpr double kMaxStampSkewDeg = 15;
// Colourfulness (brightest minus darkest channel, paper made white) below
// this is paper or black ink; each step above it darkens the stroke by
// kInkGain, so pale and anti-aliased edges stay grey rather than breaking.
constexpr int kPaperChroma = 20;
constexpr double kInkGain = 3.0;

// The stamp's strokes in grey, dark where the ink is most coloured.
cv::Mat InkByColour(const cv::Mat& bgr) {
  std::vector<cv::Mat> planes;
  cv::split(WhiteBalanced(bgr), planes);
  const cv::Mat chroma =
      cv::max(cv::max(planes[0], planes[1]), planes[2]) - cv::min(cv::min(planes[0], planes[1]), planes[2]);
  cv::Mat ink;
  chroma.convertTo(ink, CV_8U, -kInkGain, 255 + kInkGain * kPaperChroma);
  return ink;
}

// Overlapping boxes of one stamp (its strokes can fall apart) made one.
std::vector<cv::Rect> MergeOverlapping(std::vector<cv::Rect> boxes) {
  for (bool merged = true; merged;) {
    merged = false;
    for (size_t i = 0; i < boxes.size() && !merged; ++i) {
      for (size_t j = i + 1; j < boxes.size(); ++j) {
        if ((boxes[i] & boxes[j]).area() == 0) continue;
        boxes[i] |= boxes[j];
        boxes.erase(boxes.begin() + static_cast<std::ptrdiff_t>(j));
        merged = true;
        break;
      }
    }
  }
  return boxes;
}

}  // namespace

Result<std::vector<StampInk>> FindStampInk(const Image& colour) {
  if (colour.empty()) return Status::InvalidArgument("cannot look for stamps on an empty page");
  if (colour.channels < 3) return std::vector<StampInk>{};
  try {
    const cv::Mat bgr = ToMat(colour);
    cv::Mat small;
    cv::resize(bgr, small, cv::Size(), 1.0 / kReduce, 1.0 / kReduce, cv::INTER_AREA);
    cv::Mat ink = ColouredInkMask(small);
    if (cv::countNonZero(ink) <= kMinInkShare * static_cast<double>(ink.total())) {
      return std::vector<StampInk>{};
    }
    // Letters of one stamp joined into one blob.
    cv::dilate(ink, ink, cv::getStructuringElement(cv::MORPH_RECT, {9, 9}));
    cv::Mat labels, stats;
    const int n = LabelComponents(ink, labels, stats, 8);
    const double dpi = colour.dpi > 0 ? colour.dpi : 300;
    const int min_side = static_cast<int>(kMinStampInches * dpi / kReduce);
    const cv::Rect page(0, 0, bgr.cols, bgr.rows);
    std::vector<cv::Rect> boxes;  // full size
    for (int i = 1; i < n; ++i) {
      const int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
      if (std::max(w, h) < min_side || w > kMaxStampWidthShare * small.cols) continue;
      const int margin = 8 * kReduce;
      const cv::Rect r(stats.at<int>(i, cv::CC_STAT_LEFT) * kReduce - margin,
                       stats.at<int>(i, cv::CC_STAT_TOP) * kReduce - margin, w * kReduce + 2 * margin,
                       h * kReduce + 2 * margin);
      boxes.push_back(r & page);
    }
    boxes = MergeOverlapping(std::move(boxes));
    std::sort(boxes.begin(), boxes.end(), [](const cv::Rect& a, const cv::Rect& b) { return a.area() > b.area(); });
    if (boxes.size() > kMaxStamps) boxes.resize(kMaxStamps);

    std::vector<StampInk> out;
    for (const cv::Rect& r : boxes) {
      StampInk s;
      s.box = Box{r.x, r.y, r.width, r.height};
      // Stamps are pressed on by hand, seldom straight.
      cv::Mat ink = InkByColour(bgr(r));
      const double skew = EstimateSkew(ink, kMaxStampSkewDeg);
      if (std::abs(skew) >= kMinStampSkewDeg) ink = RotateBy(ink, -skew);
      s.ink = ToImage(ink, colour.dpi);
      out.push_back(std::move(s));
    }
    return out;
  } catch (const cv::Exception& e) {
    return Status::Internal(std::string("looking for stamps failed: ") + e.what());
  }
}

}  // namespace sohoa::clean
