// ocr: Tesseract, in-process, through its C++ API (never the program).
//
// One Engine per worker thread; each engine is single-threaded (the runner
// sets OMP_THREAD_LIMIT=1 before any engine starts).
// Thread-safety: an Engine is not thread-safe; use one per thread.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/image.h"
#include "core/orientation.h"
#include "core/page.h"
#include "core/status.h"

namespace sohoa::ocr {

struct Options {
  std::string tessdata_dir = "models";  // holds vie.traineddata (and osd.traineddata)
  std::string language = "vie";
  std::string osd_tessdata_dir = "/usr/share/tesseract-ocr/5/tessdata";  // osd.traineddata
  int page_segmentation = 3;            // Tesseract PSM; 3 = fully automatic
  bool split_header_columns = true;     // reorder the two-column Decree-30 header and footer
  int page_timeout_ms = 120000;         // a page taking longer is stopped and reported
  double osd_min_confidence = 2.0;      // OSD answers below this are treated as unreliable
  // Report the recogniser's other readings of each character
  // (OcrWord::glyph_choices) for the text stage's corrector. Default true.
  bool glyph_choices = true;
};

class Engine {
 public:
  // FailedPrecondition when the model is missing, naming the file and the setup step.
  static Result<std::unique_ptr<Engine>> Create(const Options& options);
  virtual ~Engine() = default;

  // Words with boxes and confidences, lines in reading order.
  // `dpi` is a hint for Tesseract (0 = let it guess).
  virtual Result<PageText> Recognize(const Image& page, double dpi) = 0;
  // Same, and each of `tables` is read cell by cell in the cells' order (a
  // ruled table read as a page comes out column by column).
  virtual Result<PageText> Recognize(const Image& page, double dpi, const std::vector<RuledTable>& tables) = 0;

  // An orientation detector backed by this engine (OSD + confidence checks).
  // The returned object borrows the engine.
  virtual std::unique_ptr<OrientationDetector> MakeOrientationDetector() = 0;

  // "tesseract 5.3.0, vie from models/vie.traineddata"
  virtual std::string Describe() const = 0;
};

}  // namespace sohoa::ocr
