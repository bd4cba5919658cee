// export: a searchable PDF: each page's image with an invisible text layer
// placed on the recognised word boxes, so text can be selected and searched.
// Thread-safety: pure function.
#pragma once

#include <string>
#include <vector>

#include "core/page.h"
#include "core/status.h"

namespace sohoa::pdf {

struct PdfPage {
  std::string jpeg;          // page image, JPEG bytes (embedded as is)
  int width = 0, height = 0; // pixels of that image
  double dpi = 300;          // sets the physical page size
  PageText words;            // boxes in the same pixel space as the image
};

struct Metadata {
  std::string title, subject, author;  // UTF-8
};

struct Options {
  // A TrueType font whose glyph 1 draws nothing (Tesseract's), embedded for
  // the invisible text layer. Package tesseract-ocr installs it here.
  std::string font_path = "/usr/share/tesseract-ocr/5/tessdata/pdf.ttf";
};

// PDF bytes; InvalidArgument when there are no pages or an image is not JPEG.
Result<std::string> BuildSearchablePdf(const std::vector<PdfPage>& pages, const Metadata& meta);
// Same, with explicit options; FailedPrecondition when the font cannot be read.
Result<std::string> BuildSearchablePdf(const std::vector<PdfPage>& pages, const Metadata& meta,
                                       const Options& options);

}  // namespace sohoa::pdf
