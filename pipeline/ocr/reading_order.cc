#include "ocr/reading_order.h"

#include <algorithm>
#include <vector>

namespace sohoa::ocr {
namespace {

Box Union(const std::vector<OcrWord>& words) {
  int x0 = words.front().box.x, y0 = words.front().box.y;
  int x1 = words.front().box.right(), y1 = words.front().box.bottom();
  for (const OcrWord& w : words) {
    x0 = std::min(x0, w.box.x);
    y0 = std::min(y0, w.box.y);
    x1 = std::max(x1, w.box.right());
    y1 = std::max(y1, w.box.bottom());
  }
  return Box{x0, y0, x1 - x0, y1 - y0};
}

int MedianHeight(const std::vector<OcrWord>& words) {
  std::vector<int> h;
  for (const OcrWord& w : words) h.push_back(w.box.h);
  std::nth_element(h.begin(), h.begin() + h.size() / 2, h.end());
  return h[h.size() / 2];
}

// A gap wider than this many word heights separates two columns, not two words.
constexpr double kColumnGapHeights = 2.0;

struct Segment {
  OcrLine line;
  bool from_split = false;  // came from a line that had a column gap
  int gap_middle = 0;       // x of the gap's middle, for split lines
};

std::vector<Segment> SplitAtColumnGaps(const PageText& page) {
  std::vector<Segment> out;
  for (const OcrLine& line : page.lines) {
    if (line.words.empty()) continue;
    const int gap_limit = static_cast<int>(kColumnGapHeights * MedianHeight(line.words));
    OcrLine current;
    current.block = line.block;
    bool split = false;
    int gap_middle = 0;
    for (size_t i = 0; i < line.words.size(); ++i) {
      if (i > 0) {
        const int gap = line.words[i].box.x - line.words[i - 1].box.right();
        if (gap > gap_limit) {
          current.box = Union(current.words);
          out.push_back({current, true, 0});
          gap_middle = line.words[i - 1].box.right() + gap / 2;
          out.back().gap_middle = gap_middle;
          current.words.clear();
          split = true;
        }
      }
      current.words.push_back(line.words[i]);
    }
    current.box = Union(current.words);
    out.push_back({current, split, gap_middle});
  }
  return out;
}

enum class Column { kLeft, kRight, kCrossing };

Column ColumnOf(const Box& b, int split_x) {
  if (b.right() <= split_x) return Column::kLeft;
  if (b.x >= split_x) return Column::kRight;
  return Column::kCrossing;
}

// Reorders segments [begin, end) left column first, each column top to bottom,
// if the zone really holds two columns side by side.
void ReorderZone(std::vector<Segment>& segs, size_t begin, size_t end, int split_x) {
  if (end - begin < 2) return;
  bool has_left = false, has_right = false;
  for (size_t i = begin; i < end; ++i) {
    (ColumnOf(segs[i].line.box, split_x) == Column::kLeft ? has_left : has_right) = true;
  }
  if (!has_left || !has_right) return;
  std::stable_sort(segs.begin() + begin, segs.begin() + end, [&](const Segment& a, const Segment& b) {
    const bool al = ColumnOf(a.line.box, split_x) == Column::kLeft;
    const bool bl = ColumnOf(b.line.box, split_x) == Column::kLeft;
    if (al != bl) return al;
    return a.line.box.y < b.line.box.y;
  });
}

}  // namespace

PageText OrderTwoColumnZones(const PageText& page) {
  std::vector<Segment> segs = SplitAtColumnGaps(page);
  PageText out = page;
  out.lines.clear();
  if (segs.empty()) return out;

  // Where the columns meet: the middle of the observed column gaps, or the
  // middle of the text area when no line was split.
  std::vector<int> gaps;
  int x0 = segs.front().line.box.x, x1 = segs.front().line.box.right();
  for (const Segment& s : segs) {
    if (s.from_split && s.gap_middle > 0) gaps.push_back(s.gap_middle);
    x0 = std::min(x0, s.line.box.x);
    x1 = std::max(x1, s.line.box.right());
  }
  int split_x = (x0 + x1) / 2;
  if (!gaps.empty()) {
    std::nth_element(gaps.begin(), gaps.begin() + gaps.size() / 2, gaps.end());
    split_x = gaps[gaps.size() / 2];
  }

  // Zones are found in vertical order; Tesseract's own order (by block) is
  // kept for the body, where it follows paragraphs and tables better.
  std::vector<size_t> by_y(segs.size());
  for (size_t i = 0; i < segs.size(); ++i) by_y[i] = i;
  std::stable_sort(by_y.begin(), by_y.end(),
                   [&](size_t a, size_t b) { return segs[a].line.box.y < segs[b].line.box.y; });
  const int h = page.height > 0 ? page.height : segs[by_y.back()].line.box.bottom();
  auto crossing = [&](size_t i) { return ColumnOf(segs[i].line.box, split_x) == Column::kCrossing; };

  // Header zone: from the top while no line crosses the column boundary.
  size_t header_end = 0;
  while (header_end < by_y.size() && segs[by_y[header_end]].line.box.y < 0.45 * h &&
         !crossing(by_y[header_end])) {
    ++header_end;
  }
  // Footer zone: from the bottom up, likewise.
  size_t footer_begin = by_y.size();
  while (footer_begin > header_end && segs[by_y[footer_begin - 1]].line.box.y > 0.3 * h &&
         !crossing(by_y[footer_begin - 1])) {
    --footer_begin;
  }
  std::vector<Segment> header, footer;
  std::vector<bool> in_zone(segs.size(), false);
  for (size_t k = 0; k < by_y.size(); ++k) {
    if (k < header_end) header.push_back(segs[by_y[k]]);
    else if (k >= footer_begin) footer.push_back(segs[by_y[k]]);
    else continue;
    in_zone[by_y[k]] = true;
  }
  ReorderZone(header, 0, header.size(), split_x);
  ReorderZone(footer, 0, footer.size(), split_x);
  for (const Segment& s : header) out.lines.push_back(s.line);
  for (size_t i = 0; i < segs.size(); ++i) {
    if (!in_zone[i]) out.lines.push_back(segs[i].line);
  }
  for (const Segment& s : footer) out.lines.push_back(s.line);
  return out;
}

}  // namespace sohoa::ocr
