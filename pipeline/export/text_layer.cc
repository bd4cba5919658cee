#include "export/text_layer.h"

#include <algorithm>

#include "export/pdf_writer.h"

namespace sohoa::pdf::internal {
namespace {

// CIDs are the UTF-16 code units, written big-endian in a hex string.
std::string HexCids(const std::u16string& units) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out = "<";
  for (char16_t u : units) {
    for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(u >> shift) & 0xF];
  }
  out += '>';
  return out;
}

}  // namespace

std::string PageContent(const PageText& words, int box_width, int box_height, double page_w_pt,
                        double page_h_pt, const std::string& image_name,
                        const std::string& font_name) {
  std::string c;
  c += "q\n" + Num(page_w_pt) + " 0 0 " + Num(page_h_pt) + " 0 0 cm\n/" + image_name + " Do\nQ\n";
  if (box_width <= 0 || box_height <= 0) return c;
  const double sx = page_w_pt / box_width;
  const double sy = page_h_pt / box_height;
  bool text_open = false;
  for (const OcrLine& line : words.lines) {
    for (size_t i = 0; i < line.words.size(); ++i) {
      const OcrWord& w = line.words[i];
      if (w.text.empty() || w.box.w <= 0 || w.box.h <= 0) continue;
      std::u16string units = Utf16(w.text);
      // The span runs to the next word so the space between them is selectable text.
      int span_px = w.box.w;
      if (i + 1 < line.words.size()) {
        const Box& next = line.words[i + 1].box;
        if (next.x > w.box.right()) {
          span_px = next.x - w.box.x;
          units.push_back(u' ');
        }
      }
      const double font_size = w.box.h * sy;
      const double natural = units.size() * font_size * kGlyphWidth / 1000.0;
      const double scale_pct = std::clamp(100.0 * span_px * sx / natural, 1.0, 10000.0);
      const double x = w.box.x * sx;
      const double y = page_h_pt - w.box.bottom() * sy;
      if (!text_open) {
        c += "BT\n3 Tr\n";
        text_open = true;
      }
      c += "/" + font_name + " " + Num(font_size) + " Tf " + Num(scale_pct) + " Tz 1 0 0 1 " +
           Num(x) + " " + Num(y) + " Tm " + HexCids(units) + " Tj\n";
    }
  }
  if (text_open) c += "ET\n";
  return c;
}

}  // namespace sohoa::pdf::internal
