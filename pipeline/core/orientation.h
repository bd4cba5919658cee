// OrientationDetector: how the clean stage asks "which way up is this page?"
// without depending on the OCR stage. The runner injects the OCR stage's
// Tesseract-based detector; tests inject fakes.
// Thread-safety: an instance is used by one worker thread at a time.
#pragma once

#include "core/image.h"
#include "core/status.h"

namespace sohoa {

struct OrientationEstimate {
  int rotate_cw_deg = 0;    // 0/90/180/270: rotate the page clockwise by this to upright it
  double confidence = 0;    // detector-specific; higher is surer
  bool reliable = false;    // detector's own verdict (e.g. OSD on a sparse page is not)
};

class OrientationDetector {
 public:
  virtual ~OrientationDetector() = default;
  // `grey` is an 8-bit single-channel page at roughly 300 dpi.
  virtual Result<OrientationEstimate> Detect(const Image& grey) = 0;
  // Mean recognition confidence (0..100) of `grey` read as it stands; used to
  // compare candidate orientations when Detect() is unreliable.
  virtual Result<double> ReadingConfidence(const Image& grey) = 0;
};

}  // namespace sohoa
