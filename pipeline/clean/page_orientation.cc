// Which way up: the page's geometry when its text lines leave no doubt (a
// page that looks upside down is confirmed by OSD on a few of its lines);
// otherwise the OCR stage's detector (Tesseract OSD) when it is sure, then
// the candidate that reads with the best confidence; with no detector at
// all, geometry.
#include <algorithm>
#include <initializer_list>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "clean/steps.h"

namespace sohoa::clean {
namespace {

// A band across the middle of the page: body text in almost every document,
// and small enough to read in a fraction of a page's OCR time.
Image MiddleStrip(const cv::Mat& grey) {
  const int top = grey.rows * 30 / 100;
  const int height = std::max(1, grey.rows * 20 / 100);
  return ToImage(grey(cv::Rect(0, top, grey.cols, height)).clone());
}

// A few of the page's lines around its middle, with half a line's margin:
// enough letters for OSD to be sure of a page of text, at a fraction of the
// page's cost (OSD weighs every letter it is given, up to 250, in all four
// turns, and stops no sooner).
constexpr int kBandLines = 5;

// A line's fullest row covers at most this share of its inked columns in
// Latin script (0.62-0.77 on the dev pages and the Tesseract and VietOCR
// samples in all four turns, 0.82 for the tests' thick vector font);
// Devanagari's headline covers 0.97. Above it, OSD decides as before.
constexpr double kMaxLatinHeadline = 0.85;

// A closing or signature page has too few lines for the evidence to be clear
// (two columns side by side also blur each other's x-height band in the
// row profile), yet this many lines of Latin print that put clearly more
// ink above the band than below are upright: turned over, their tone marks
// and capitals hang below. OSD on such a page costs a quarter of its OCR
// time. Over every dev page and the Tesseract samples in all four turns, no
// page that leans upright this way is over (the over ones lean 0.56 or
// less), while one or two lines of a word or a title are too few to trust.
constexpr int kFewLines = 5;
constexpr double kLeanRatio = 1.5;

bool LeansUprightLatin(const UprightEvidence& e) {
  return e.lines >= kFewLines && e.above > 0 && e.above >= kLeanRatio * e.below &&
         e.headline < kMaxLatinHeadline;
}

cv::Mat MiddleLines(const cv::Mat& grey, const UprightEvidence& evidence) {
  const std::vector<cv::Range>& lines = evidence.line_rows;
  const int n = static_cast<int>(lines.size());
  const int first = std::max(0, n / 2 - kBandLines / 2);
  const int last = std::min(n - 1, first + kBandLines - 1);
  const int margin = lines[first].size() / 2;
  const int top = std::max(0, lines[first].start - margin);
  const int bottom = std::min(grey.rows, lines[last].end + margin);
  return grey(cv::Range(top, bottom), cv::Range::all()).clone();
}

// The part of the page that holds ink, with a margin: what OSD is shown
// instead of the whole page. It finds the same letters, and a closing page
// of a few lines is mostly paper, which OSD's own page analysis would
// otherwise go over at full cost (100 ms and more).
Image InkedPart(const cv::Mat& grey) {
  const cv::Rect part = InkBounds(InkMask(grey), std::max(20, std::max(grey.cols, grey.rows) / 50));
  if (part.area() == 0) return ToImage(grey);
  return ToImage(grey(part).clone());
}

// `deg` as a clockwise quarter turn: 0, 90, 180 or 270.
int QuarterTurn(int deg) { return ((deg % 360 + 360) % 360) / 90 * 90; }

// Reads the middle strip of `grey` in each of `rotations` and gives the one
// read with the best confidence; -1 when no reading succeeded.
int BestReadRotation(const cv::Mat& grey, OrientationDetector* detector,
                     std::initializer_list<int> rotations) {
  int chosen = -1;
  double best = -1;
  for (int rotation : rotations) {
    Result<double> confidence =
        detector->ReadingConfidence(MiddleStrip(RotateQuarterTurns(grey, rotation)));
    if (confidence.ok() && *confidence > best) {
      best = *confidence;
      chosen = rotation;
    }
  }
  return chosen;
}

}  // namespace

OrientationChoice ChooseOrientation(const cv::Mat& grey, OrientationDetector* detector) {
  OrientationChoice choice;
  choice.working_ink = WorkingInk(grey);
  const LineDirection direction = MeasureLineDirection(grey, choice.working_ink);
  const int level = direction.horizontal() ? 0 : 90;
  // OSD costs about a sixth of a page's OCR time; most pages need none.
  if (detector != nullptr && !direction.clear()) {
    Result<OrientationEstimate> estimate = detector->Detect(InkedPart(grey));
    if (estimate.ok() && estimate->reliable) {
      choice.rotate_cw_deg = QuarterTurn(estimate->rotate_cw_deg);
      return choice;
    }
    // Unsure: read a strip in both orientations the line direction allows.
    const int read = BestReadRotation(grey, detector, {level, level + 180});
    if (read >= 0) {
      choice.rotate_cw_deg = read;
      return choice;
    }
    choice.detector_failed = true;
  }
  choice.rotate_cw_deg = level;
  choice.check_upside = true;
  return choice;
}

int ChooseUpside(const cv::Mat& level_grey, OrientationDetector* detector,
                 const cv::Mat& working_ink) {
  const UprightEvidence evidence = MeasureUpright(level_grey, working_ink);
  const bool clear = UprightClear(evidence);
  const bool clearly_upright = clear && evidence.above > evidence.below;
  // Scripts that hang from a headline (Devanagari) put more ink below the
  // band when upright: a page that looks over is left to OSD to confirm
  // unless its lines clearly have no headline, as Latin script has none.
  if (clear && !clearly_upright && evidence.headline < kMaxLatinHeadline) return 180;
  if (!clear && LeansUprightLatin(evidence)) return 0;
  if (detector != nullptr && !clearly_upright) {
    // Clearly over: a band of lines confirms it, the whole page only when
    // the band leaves OSD unsure.
    if (clear && !evidence.line_rows.empty()) {
      Result<OrientationEstimate> band = detector->Detect(ToImage(MiddleLines(level_grey, evidence)));
      if (band.ok() && band->reliable) return QuarterTurn(band->rotate_cw_deg);
    }
    Result<OrientationEstimate> estimate = detector->Detect(InkedPart(level_grey));
    if (estimate.ok() && estimate->reliable) {
      return QuarterTurn(estimate->rotate_cw_deg);
    }
    const int read = BestReadRotation(level_grey, detector, {0, 180});
    if (read >= 0) return read;
  }
  return UpsideDown(evidence) ? 180 : 0;
}

}  // namespace sohoa::clean
