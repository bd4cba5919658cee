// The page and its reading: what flows from intake through clean and ocr.
// Thread-safety: value types.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "core/image.h"

namespace sohoa {

// Axis-aligned box in pixels of the cleaned page, origin top-left.
struct Box {
  int x = 0, y = 0, w = 0, h = 0;
  int right() const { return x + w; }
  int bottom() const { return y + h; }
};

// The smallest box holding both; an empty box (w or h 0) adds nothing.
inline Box BoxUnion(const Box& a, const Box& b) {
  if (b.w <= 0 || b.h <= 0) return a;
  if (a.w <= 0 || a.h <= 0) return b;
  const int x = std::min(a.x, b.x), y = std::min(a.y, b.y);
  return Box{x, y, std::max(a.right(), b.right()) - x, std::max(a.bottom(), b.bottom()) - y};
}

// One page as intake decoded it from a file.
struct SourcePage {
  std::string source_path;  // the file it came from
  int page_index = 0;       // 0-based index inside the file
  int page_count = 1;       // pages in the file
  Image image;
};

// What the clean stage measured and did, kept with the page.
struct PageQuality {
  double estimated_dpi = 0;      // from text line height; 0 when no text found
  int rotation_deg = 0;          // 0/90/180/270 applied clockwise to upright the page
  double skew_deg = 0;           // residual skew corrected by deskew
  double blur = 0;               // variance of Laplacian (higher is sharper)
  double contrast = 0;           // ink/paper separation, 0..1
  double noise = 0;              // fraction of isolated specks among dark components
  double stamp_fraction = 0;     // fraction of page pixels judged coloured ink (stamps)
  double text_removed_fraction = 0;  // share of black (uncoloured) ink that stamp removal turned light
  double scale = 1;              // resampling factor applied before OCR
  bool rescan_suggested = false;
  std::string warning;           // why a rescan is suggested; empty otherwise
};

// A ruled table's frame and its cells, in reading order (page pixels).
struct RuledTable {
  Box box;
  std::vector<Box> cells;
};

struct CleanedPage {
  Image colour;  // upright, deskewed colour page: for the record and the PDF
  Image ocr;     // upright, deskewed, cleaned grey/binary page: what OCR reads
  PageQuality quality;
};

// One of the recogniser's readings of one character, with its probability.
struct GlyphChoice {
  std::string text;          // UTF-8, usually one letter ("ấ")
  float probability = 0;     // 0..1
};

struct OcrWord {
  std::string text;          // UTF-8 as recognised
  Box box;
  float confidence = 0;      // 0..100
  // Per character of `text`, the recogniser's readings, best first (the
  // first is the one in `text`). Empty when the engine gave none.
  std::vector<std::vector<GlyphChoice>> glyph_choices;
};

struct OcrLine {
  std::vector<OcrWord> words;
  Box box;
  int block = 0;             // layout block index, reading order
};

// A page's recognised text with geometry, in reading order.
struct PageText {
  int width = 0, height = 0;   // of the image the boxes refer to
  std::vector<OcrLine> lines;  // reading order
  float mean_confidence = 0;
  // What coloured stamps on the page say (a received stamp's "CÔNG VĂN ĐẾN",
  // "Số", "Ngày"), read from their ink alone; boxes in page coordinates.
  // Kept apart from `lines`: it is not the document's own text.
  std::vector<OcrLine> stamp_lines;

  // Lines joined by '\n', words by ' '.
  std::string PlainText() const;
};

}  // namespace sohoa
