// Stamp suppression: seals and received stamps are red or blue; body text is
// black. Saturated, not-too-dark pixels are coloured ink and become paper;
// black text printed under a stamp is dark, so it is not taken for ink.
#include <algorithm>
#include <vector>

#include <opencv2/core/hal/intrin.hpp>
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

// Red, magenta, violet and blue hues with at least this saturation and
// brightness: OpenCV's hue (0..179) up to 10 (red) or from 90 (blue through
// violet and magenta back to red). Yellowed paper sits around 15-35 with low
// saturation and is never included. One pass over the HSV image.
cv::Mat HueMask(const cv::Mat& hsv, int min_saturation, int min_value) {
  CV_Assert(hsv.type() == CV_8UC3);
  constexpr int kRedUpTo = 10, kBlueFrom = 90;
  cv::Mat mask(hsv.size(), CV_8U);
  for (int y = 0; y < hsv.rows; ++y) {
    const uint8_t* p = hsv.ptr<uint8_t>(y);
    uint8_t* m = mask.ptr<uint8_t>(y);
    int x = 0;
#if CV_SIMD
    const cv::v_uint8 red = cv::vx_setall_u8(kRedUpTo), blue = cv::vx_setall_u8(kBlueFrom);
    const cv::v_uint8 sat = cv::vx_setall_u8(static_cast<uint8_t>(min_saturation));
    const cv::v_uint8 val = cv::vx_setall_u8(static_cast<uint8_t>(min_value));
    for (; x + cv::v_uint8::nlanes <= hsv.cols; x += cv::v_uint8::nlanes) {
      cv::v_uint8 h, s, v;
      cv::v_load_deinterleave(p + 3 * x, h, s, v);
      cv::v_store(m + x, ((h <= red) | (h >= blue)) & (s >= sat) & (v >= val));
    }
#endif
    for (; x < hsv.cols; ++x) {
      const uint8_t* px = p + 3 * x;
      const bool hue = px[0] <= kRedUpTo || px[0] >= kBlueFrom;
      m[x] = hue && px[1] >= min_saturation && px[2] >= min_value ? 255 : 0;
    }
  }
  return mask;
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

// One stamp region: `bgr`, `grey` and `out` cover the same part of the
// page; `out` holds `grey`'s pixels (it may be `grey` itself: `grey` is read
// before `out` is written).
void SuppressStampsIn(const cv::Mat& bgr, const cv::Mat& grey, cv::Mat out) {
  const cv::Mat balanced = WhiteBalanced(bgr);
  cv::Mat hsv;
  cv::cvtColor(balanced, hsv, cv::COLOR_BGR2HSV);
  // Hysteresis: clearly coloured ink, grown into the paler ink around it.
  // Blur and JPEG's half-resolution colour spread a stroke's colour a few
  // pixels wide at lower saturation; alone, such pixels could be anything.
  const cv::Mat strong = HueMask(hsv, 90, 70);
  const cv::Mat ink = ComponentsHolding(HueMask(hsv, 50, 60), strong);  // holds `strong`
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
  const cv::Mat paper = PaperBrightness(grey);  // 8-bit, as `grey`
  paper.copyTo(out, ink | (zone & (brightest >= 0.75 * 255)));
}

// The survey's reduction. OpenCV's INTER_AREA gives the same means (but for
// rounding) by fractional weights unless the page's sides are multiples of
// the ratio, and has SIMD only for halving: three times the cost on a 26 MB
// page. A band's rows are summed into 16 bits, then each block's columns.
constexpr int kReduce = 4;
static_assert(kReduce == 4, "the whole-block sum below adds four columns");

}  // namespace

cv::Mat QuarterMeans(const cv::Mat& bgr) {
  CV_Assert(bgr.type() == CV_8UC3);
  const int width = (bgr.cols + kReduce - 1) / kReduce, height = (bgr.rows + kReduce - 1) / kReduce;
  const int n = bgr.cols * 3;
  cv::Mat out(height, width, CV_8UC3);
  std::vector<uint16_t> sums(n);
  for (int by = 0; by < height; ++by) {
    const int top = by * kReduce, rows = std::min(bgr.rows - top, kReduce);
    std::fill(sums.begin(), sums.end(), 0);
    for (int y = top; y < top + rows; ++y) {
      const uint8_t* row = bgr.ptr<uint8_t>(y);
      uint16_t* sum = sums.data();
      int i = 0;
#if CV_SIMD
      constexpr int kLanes = cv::v_uint8::nlanes, kHalf = cv::v_uint16::nlanes;
      for (; i + kLanes <= n; i += kLanes) {
        cv::v_uint16 low, high;
        cv::v_expand(cv::vx_load(row + i), low, high);
        cv::v_store(sum + i, cv::vx_load(sum + i) + low);
        cv::v_store(sum + i + kHalf, cv::vx_load(sum + i + kHalf) + high);
      }
#endif
      for (; i < n; ++i) sum[i] = static_cast<uint16_t>(sum[i] + row[i]);
    }
    uint8_t* mean = out.ptr<uint8_t>(by);
    for (int bx = 0; bx < width; ++bx) {
      const int left = bx * kReduce, cols = std::min(bgr.cols - left, kReduce);
      const uint16_t* s = sums.data() + left * 3;
      if (cols == kReduce && rows == kReduce) {
        // A whole block: its sum divided by a constant, a shift.
        for (int c = 0; c < 3; ++c) {
          mean[bx * 3 + c] = static_cast<uint8_t>((s[c] + s[c + 3] + s[c + 6] + s[c + 9] + 8) / 16);
        }
        continue;
      }
      const int count = cols * rows;
      for (int c = 0; c < 3; ++c) {
        int total = 0;
        for (int x = 0; x < cols; ++x) total += s[3 * x + c];
        mean[bx * 3 + c] = static_cast<uint8_t>((total + count / 2) / count);
      }
    }
  }
  return out;
}

namespace {

// One look at a quarter-size copy answers both questions: is there a stamp
// at all (clearly coloured ink), and where (pale thin strokes included), so
// the full-resolution work is spent on the stamps alone. Regions are looked
// for only when the clear ink covers more than `min_share` of the page.
StampSurvey Survey(const cv::Mat& bgr, double min_share, int min_clear) {
  StampSurvey survey;
  if (bgr.channels() < 3) return survey;
  cv::Mat hsv;
  cv::cvtColor(WhiteBalanced(QuarterMeans(bgr)), hsv, cv::COLOR_BGR2HSV);
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

// The flattening of background.cc: PaperBrightness estimates each channel's
// paper on its own.
cv::Mat WhiteBalanced(const cv::Mat& bgr) { return FlattenBackground(bgr); }

cv::Mat ColouredInkMask(const cv::Mat& bgr) {
  if (bgr.channels() < 3) return cv::Mat::zeros(bgr.size(), CV_8U);
  cv::Mat hsv;
  cv::cvtColor(WhiteBalanced(bgr), hsv, cv::COLOR_BGR2HSV);
  return HueMask(hsv, 90, 70);
}

cv::Mat SuppressStamps(const cv::Mat& bgr, const cv::Mat& grey, const std::vector<cv::Rect>& regions) {
  if (bgr.channels() < 3) return grey.clone();
  cv::Mat out = grey.clone();
  // Each region from the page as it came (where regions overlap, the later
  // one's result stands: the region is the page's again before it is worked).
  for (const cv::Rect& r : regions) {
    grey(r).copyTo(out(r));
    SuppressStampsIn(bgr(r), grey(r), out(r));
  }
  return out;
}

double SuppressStampsInPlace(const cv::Mat& bgr, cv::Mat& grey, const std::vector<cv::Rect>& regions) {
  CV_Assert(bgr.channels() == 3 && bgr.size() == grey.size());
  bool overlap = false;
  for (size_t i = 0; i < regions.size(); ++i) {
    for (size_t j = i + 1; j < regions.size(); ++j) overlap = overlap || (regions[i] & regions[j]).area() > 0;
  }
  if (overlap) {  // rare: each region must be worked from the page as it came
    const cv::Mat suppressed = SuppressStamps(bgr, grey, regions);
    const double removed = TextRemovedFraction(bgr, grey, suppressed);
    grey = suppressed;
    return removed;
  }
  // Black text is counted on the whole page, text lost only where a region
  // changed it: nowhere else does the page change.
  const size_t black = CountTextLoss(bgr, grey, grey).black;
  size_t lost = 0;
  for (const cv::Rect& r : regions) {
    const cv::Mat before = grey(r).clone();  // a stamp's region, not the page
    SuppressStampsIn(bgr(r), before, grey(r));
    lost += CountTextLoss(bgr(r), before, grey(r)).lost;
  }
  return black == 0 ? 0 : static_cast<double>(lost) / black;
}

StampSurvey SurveyStamps(const cv::Mat& bgr) { return Survey(bgr, kMinStampShare, kMinClearPixels); }

cv::Mat SuppressStamps(const cv::Mat& bgr, const cv::Mat& grey) {
  return SuppressStamps(bgr, grey, Survey(bgr, -1, 0).regions);
}

}  // namespace sohoa::clean
