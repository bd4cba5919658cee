// Synthetic document pages for the clean stage's tests: lines of text-like
// words drawn with OpenCV's vector font at a known line pitch.
#pragma once

#include <opencv2/core.hpp>

namespace sohoa::clean::testing {

struct SyntheticPage {
  cv::Mat bgr;        // white page, black text
  cv::Mat text_mask;  // 255 where text was drawn
  int line_pitch = 0; // pixels between baselines
};

// A page of `width` x `height` pixels at "300 dpi" scale: body text with a
// 72 px line pitch (13-14 pt), left-aligned, ragged right, a wide top margin.
SyntheticPage MakeTextPage(int width = 1600, int height = 2000, unsigned seed = 7);

// `lines` lines of words written the way Vietnamese is typed without a
// keyboard layout ("ca'c", "Nguye^~n"): their tone marks stand above the
// letters, as a closing or signature page's few lines put ink above their
// x-height band. Same pitch and margins as MakeTextPage.
cv::Mat MakeMarkedLines(int width, int lines, unsigned seed = 11);

// A page of a script whose letters hang from a headline (as Devanagari's
// do): each word a bar with stems hanging from it, and a hook under every
// third stem. Upright, more ink lies below the bar than above it.
cv::Mat MakeHeadlinePage(int width = 1200, int height = 1600, unsigned seed = 5);

// Multiplies `ink` (BGR colour) into `page` where `mask` is set, the way
// stamp ink lies over printed text.
void OverlayInk(cv::Mat& page, const cv::Mat& mask, const cv::Scalar& ink);

}  // namespace sohoa::clean::testing
