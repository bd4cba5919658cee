// clean: a scanned page -> an upright, deskewed page that OCR reads well.
//
// Steps (one per .cc file, each a pure function image -> image):
// grey, orientation, deskew, borders, background, stamps, despeckle,
// resolution, binarise. The colour page (upright and deskewed, nothing
// removed) is kept for the record; the cleaned grey/binary page feeds OCR.
// Thread-safety: a Cleaner is used by one thread at a time (its detector is).
#pragma once

#include <string>

#include "core/image.h"
#include "core/orientation.h"
#include "core/page.h"
#include "core/status.h"

namespace sohoa::clean {

struct Options {
  bool orientation = true;         // detect and fix 90/180/270 rotation
  bool deskew = true;              // fix small skew (up to +-15 degrees)
  bool remove_borders = true;      // black borders and gutter shadow
  bool flatten_background = true;  // uneven light, yellowed or grey paper
  bool suppress_stamps = true;     // red/blue seals and stamps (OCR copy only)
  bool despeckle = true;           // isolated specks, without eating diacritics
  double target_dpi = 300;         // resample the OCR copy towards this resolution
  std::string binarization = "none";  // "none" (Tesseract binarises), "sauvola", "otsu"
  std::string dump_dir;            // when set, each step's image is written here
};

class Cleaner {
 public:
  // `detector` may be null: orientation then uses the page's own geometry only.
  explicit Cleaner(Options options, OrientationDetector* detector = nullptr);

  // Cleans one page. Errors: InvalidArgument for an empty image.
  Result<CleanedPage> Clean(const Image& page) const;

 private:
  Options options_;
  OrientationDetector* detector_;
};

}  // namespace sohoa::clean
