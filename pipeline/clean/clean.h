// clean: a scanned page -> an upright, deskewed page that OCR reads well.
//
// Steps (one per .cc file, each a pure function image -> image):
// grey, orientation, deskew, borders, background, stamps, streaks, despeckle,
// resolution, binarise. The colour page (upright and deskewed, nothing
// removed) is kept for the record; the cleaned grey/binary page feeds OCR.
// Thread-safety: a Cleaner is used by one thread at a time (its detector is,
// and it keeps its working memory from page to page).
#pragma once

#include <memory>
#include <string>
#include <vector>

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
  bool despeckle = true;           // streaks and isolated specks, without eating diacritics
  double target_dpi = 300;         // resample the OCR copy towards this resolution
                                   // when the text measures below 80% of it; 0 = never
  std::string binarization = "none";  // "none" (Tesseract binarises), "sauvola", "otsu"
  std::string dump_dir;            // when set, each step's image is written here
};

// Wall time of each step of one Clean() call, for tuning and reports.
struct StepTiming {
  std::string step;  // "grey", "orientation", "deskew", ...
  double ms = 0;
};
struct CleanReport {
  std::vector<StepTiming> steps;
};

class Workspace;

class Cleaner {
 public:
  // `detector` may be null: orientation then uses the page's own geometry only.
  explicit Cleaner(Options options, OrientationDetector* detector = nullptr);
  ~Cleaner();
  Cleaner(Cleaner&&) noexcept;
  Cleaner& operator=(Cleaner&&) noexcept;

  // Cleans one page. Errors: InvalidArgument for an empty or malformed image
  // or an unknown `binarization`; Unavailable when dump_dir cannot be
  // written; Internal when OpenCV fails. Errors of the detector are not
  // fatal: orientation then falls back to the page's geometry.
  Result<CleanedPage> Clean(const Image& page);
  // Same, and fills `report` (may be null) with the time each step took.
  Result<CleanedPage> Clean(const Image& page, CleanReport* report);
  // Same, taking the page: when it needs no turn it becomes the colour
  // record as it is, without a copy (a colour page is 26 MB at 300 dpi).
  Result<CleanedPage> Clean(Image&& page, CleanReport* report = nullptr);

 private:
  Result<CleanedPage> CleanPage(const Image& page, Image* taken, CleanReport* report);

  Options options_;
  OrientationDetector* detector_;
  std::unique_ptr<Workspace> workspace_;  // memory kept from page to page
};

// A coloured stamp's ink alone, dark on white, and where it lies on the page:
// for reading what a received stamp says (arrival number and date).
struct StampInk {
  Box box;    // on the page given to FindStampInk
  Image ink;  // grey, dark where the stamp inked, white elsewhere; turned
              // straight, so positions inside it only roughly match `box`
};
// The coloured stamps (red or blue) on an upright colour page, largest first,
// at most four; none on a grey page. InvalidArgument for an empty image,
// Internal when OpenCV fails.
Result<std::vector<StampInk>> FindStampInk(const Image& colour);

// The ruled tables on a cleaned page (the OCR copy), top to bottom, each with
// its cells in reading order: rows top to bottom, a row's cells left to
// right. InvalidArgument for an empty image, Internal when OpenCV fails.
Result<std::vector<RuledTable>> FindRuledTables(const Image& page);

}  // namespace sohoa::clean
