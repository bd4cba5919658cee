// Which way up: the OCR stage's detector (Tesseract OSD) when it is sure;
// otherwise the candidate that reads with the best confidence; with no
// detector at all, the page's geometry.
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

}  // namespace

OrientationChoice ChooseOrientation(const cv::Mat& grey, OrientationDetector* detector) {
  OrientationChoice choice;
  if (detector != nullptr) {
    Result<OrientationEstimate> estimate = detector->Detect(ToImage(grey));
    if (estimate.ok() && estimate->reliable) {
      choice.rotate_cw_deg = ((estimate->rotate_cw_deg % 360 + 360) % 360) / 90 * 90;
      return choice;
    }
    // Unsure: read a strip in both orientations the line direction allows.
    const int first = TextLinesHorizontal(grey) ? 0 : 90;
    double best = -1;
    bool read_any = false;
    for (int rotation : {first, first + 180}) {
      Result<double> confidence =
          detector->ReadingConfidence(MiddleStrip(RotateQuarterTurns(grey, rotation)));
      if (!confidence.ok()) continue;
      read_any = true;
      if (*confidence > best) {
        best = *confidence;
        choice.rotate_cw_deg = rotation;
      }
    }
    if (read_any) return choice;
  }
  choice.rotate_cw_deg = TextLinesHorizontal(grey) ? 0 : 90;
  choice.check_upside = true;
  return choice;
}

}  // namespace sohoa::clean
