// Internal: a page's content stream: the image over the whole page, then
// the recognised words as invisible text (render mode 3) on their boxes.
#pragma once

#include <string>

#include "core/page.h"

namespace sohoa::pdf::internal {

// Advance of every glyph of the glyphless font, in 1/1000 em (the /DW entry).
inline constexpr int kGlyphWidth = 500;

// `words` boxes are in pixels of a `box_width` x `box_height` space, origin
// top-left; the page is `page_w_pt` x `page_h_pt` points. Each word's
// baseline sits on its box bottom and Tz stretches it across its box (to the
// next word's start, through the space that follows it).
std::string PageContent(const PageText& words, int box_width, int box_height, double page_w_pt,
                        double page_h_pt, const std::string& image_name,
                        const std::string& font_name);

}  // namespace sohoa::pdf::internal
