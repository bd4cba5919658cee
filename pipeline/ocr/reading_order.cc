#include "ocr/reading_order.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <string_view>
#include <vector>

#include "core/utf8.h"

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

// REQUIRES: !values.empty()
int Median(std::vector<int> values) {
  std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
  return values[values.size() / 2];
}

int MedianHeight(const std::vector<OcrWord>& words) {
  std::vector<int> h;
  for (const OcrWord& w : words) h.push_back(w.box.h);
  return Median(std::move(h));
}

// A gap wider than this many word heights separates two columns, not two words.
constexpr double kColumnGapHeights = 2.0;
// So does a narrower one, down to this many heights, when it is also this many
// times the line's usual space between words: header columns set close together.
constexpr double kNearColumnGapHeights = 1.4;
constexpr double kNearColumnGapSpaces = 5.0;

// The line's median space between neighbouring words; 0 with fewer than 3 words.
int MedianSpace(const std::vector<OcrWord>& words) {
  if (words.size() < 3) return 0;
  std::vector<int> gaps;
  for (size_t i = 1; i < words.size(); ++i) gaps.push_back(words[i].box.x - words[i - 1].box.right());
  return std::max(1, Median(std::move(gaps)));
}

// A line's word height, its usual space between words (0 with fewer than 3
// words), and the widest gap that still joins two words of one column.
struct LineSpacing {
  int median_h = 0;
  int space = 0;
  int gap_limit = 0;
};

// REQUIRES: !words.empty()
LineSpacing SpacingOf(const std::vector<OcrWord>& words) {
  LineSpacing s;
  s.median_h = MedianHeight(words);
  s.space = MedianSpace(words);
  const int far = static_cast<int>(kColumnGapHeights * s.median_h);
  s.gap_limit = s.space == 0 ? far
                             : std::min(far, std::max(static_cast<int>(kNearColumnGapHeights * s.median_h),
                                                      static_cast<int>(kNearColumnGapSpaces * s.space)));
  return s;
}

// A letter or digit is at least this share of the page's usual word height
// (x-height letters without marks are about half of it).
constexpr double kMinGlyphHeightShare = 0.35;

// Words under marks torn off them read with less confidence than this, on
// average (bare capitals "QUA NHI MA NON G": 3-64; lines read whole: 90+).
constexpr double kOrphanedMarksMaxConfidence = 75;

// A word read with less confidence than this, its box wider than this many
// of its heights per letter read, is several words read as a few letters
// ("CHỦ TỊCH" as "Ấn", 316 px wide); the widest capitals are about one
// height wide.
constexpr double kStretchedMaxConfidence = 50;
constexpr double kStretchedWidthHeights = 1.6;
// Lower than this share of the usual word height it is a remnant, not words.
constexpr double kStretchedMinHeightShare = 0.6;

// A line this many times the page's usual line height is two lines or more.
constexpr double kTangledLineHeights = 1.7;

struct Segment {
  OcrLine line;
};

// A mark of at most this many letters, narrower than this many word heights,
// that either stands alone (a gap this many heights wide on each side) or was
// read with less than this confidence, is a speck read as a word ("w.", "'")
// when without it the line would split into columns: it must not bridge them.
constexpr size_t kSpeckMaxLetters = 3;
constexpr double kSpeckMaxWidthHeights = 1.5;
constexpr double kSpeckSideGapHeights = 0.8;
constexpr float kSpeckMaxConfidence = 50;
// A short word set at the line's ordinary spaces is a word (JPEG and blur
// make short body words doubtful; large type spaces words widely): a speck
// stands this many times the line's usual space from its neighbours (both,
// when alone; one, when bridging).
constexpr double kSpeckMinGapSpaces = 2.5;

bool IsSpeckInColumnGap(const std::vector<OcrWord>& words, size_t i, const LineSpacing& spacing) {
  if (i == 0 || i + 1 >= words.size()) return false;
  const OcrWord& w = words[i];
  const int before = w.box.x - words[i - 1].box.right();
  const int after = words[i + 1].box.x - w.box.right();
  const int median_h = spacing.median_h, space = spacing.space, gap_limit = spacing.gap_limit;
  const double wide = std::max(kSpeckSideGapHeights * median_h, kSpeckMinGapSpaces * space);
  const bool isolated = before > wide && after > wide;
  // A doubtful word that a column gap already parts from one neighbour is
  // simply the end (or start) of a column, not a bridge.
  const bool bridging = w.confidence < kSpeckMaxConfidence && before <= gap_limit && after <= gap_limit &&
                        std::max(before, after) > kSpeckMinGapSpaces * space;
  return CodePointCount(w.text) <= kSpeckMaxLetters && w.box.w < kSpeckMaxWidthHeights * median_h &&
         (isolated || bridging) && before + w.box.w + after > gap_limit;
}

std::vector<Segment> SplitAtColumnGaps(const PageText& page) {
  std::vector<Segment> out;
  for (const OcrLine& line : page.lines) {
    if (line.words.empty()) continue;
    const LineSpacing spacing = SpacingOf(line.words);
    OcrLine current;
    current.block = line.block;
    for (size_t i = 0; i < line.words.size(); ++i) {
      if (IsSpeckInColumnGap(line.words, i, spacing)) {
        // Dropped: the columns either side split as if it were not there.
        current.box = Union(current.words);
        out.push_back({current});
        current.words.clear();
        ++i;
      } else if (i > 0) {
        const int gap = line.words[i].box.x - line.words[i - 1].box.right();
        if (gap > spacing.gap_limit) {
          current.box = Union(current.words);
          out.push_back({current});
          current.words.clear();
        }
      }
      current.words.push_back(line.words[i]);
    }
    current.box = Union(current.words);
    out.push_back({current});
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

// Length of the run of segments, taken in `order`, that stays clear of `split_x`
// and (for the header) of the lower part of the page.
size_t ZoneRun(const std::vector<Segment>& segs, const std::vector<size_t>& order, int split_x,
               const std::function<bool(const Box&)>& in_zone) {
  size_t n = 0;
  while (n < order.size() && in_zone(segs[order[n]].line.box) &&
         ColumnOf(segs[order[n]].line.box, split_x) != Column::kCrossing) {
    ++n;
  }
  return n;
}

// The column boundary that lets the longest run of lines, from the top (or
// bottom) of the page, stand in one column or the other: the middle of the
// widest stretch of such boundaries (the gutter), so that a word standing
// alone just right of a column's longest line (a box Tesseract cut short,
// "(b/c);" read as a line of its own) stays in that column.
int BestSplit(const std::vector<Segment>& segs, const std::vector<size_t>& order, int x0, int x1,
              const std::function<bool(const Box&)>& in_zone, size_t* run) {
  constexpr int kStep = 8;
  int best_x = (x0 + x1) / 2, best_width = 0;
  *run = 0;
  const int lo = x0 + (x1 - x0) * 3 / 10, hi = x0 + (x1 - x0) * 7 / 10;
  int stretch_start = lo;
  size_t stretch_run = 0;
  for (int x = lo; x <= hi + kStep; x += kStep) {
    const size_t n = x <= hi ? ZoneRun(segs, order, x, in_zone) : 0;
    if (x <= hi && n == stretch_run) continue;
    // The stretch [stretch_start, x) ends here.
    const int width = x - stretch_start;
    if (stretch_run > *run || (stretch_run == *run && stretch_run > 0 && width > best_width)) {
      *run = stretch_run;
      best_width = width;
      best_x = stretch_start + (width - kStep) / 2;
    }
    stretch_start = x;
    stretch_run = n;
  }
  return best_x;
}

// At most this share of the letters left of the boundary are small ones in
// a header line: both header columns open in capitals (the bodies' names,
// the national motto), while body text and footers do not.
constexpr double kMaxSmallLetterShare = 0.3;

// A crossing line that is the two header columns read as one: a word runs
// across `split_x` (the issuer's name touching the motto), with words wholly
// on each side of it, and those on the left in capitals.
bool IsMergedHeaderLine(const OcrLine& line, int split_x) {
  bool left = false, right = false, straddles = false;
  size_t small = 0, letters = 0;
  for (const OcrWord& w : line.words) {
    if (w.box.right() <= split_x) {
      left = true;
      for (char32_t c : CodePoints(w.text)) {
        small += IsVietnameseSmall(c);
        letters += IsVietnameseSmall(c) || IsVietnameseCapital(c);
      }
    } else if (w.box.x >= split_x) {
      right = true;
    } else {
      straddles = true;
    }
  }
  return left && right && straddles && letters > 0 &&
         static_cast<double>(small) <= kMaxSmallLetterShare * static_cast<double>(letters);
}

// Like ZoneRun, but a merged header line is let through
// when the lines right after it (up to the next crossing one) stand in both
// columns: the header went on below it. Those lines go to `crossing`.
size_t ZoneRunThroughMerged(const std::vector<Segment>& segs, const std::vector<size_t>& order, int split_x,
                            const std::function<bool(const Box&)>& in_zone, std::vector<size_t>* crossing) {
  crossing->clear();
  size_t n = 0;
  for (size_t i = 0; i < order.size() && in_zone(segs[order[i]].line.box); ++i) {
    const Segment& s = segs[order[i]];
    if (ColumnOf(s.line.box, split_x) != Column::kCrossing) {
      n = i + 1;
      continue;
    }
    if (!IsMergedHeaderLine(s.line, split_x)) break;
    bool left = false, right = false;
    for (size_t j = i + 1; j < order.size() && in_zone(segs[order[j]].line.box); ++j) {
      const Column c = ColumnOf(segs[order[j]].line.box, split_x);
      if (c == Column::kCrossing) break;
      (c == Column::kLeft ? left : right) = true;
    }
    if (!left || !right) break;
    crossing->push_back(order[i]);
  }
  return n;
}

// Each crossing line reaches into the left column's lines and into the right
// column's: two words of one column (the motto's) do not make a merged line.
bool CrossingSpansBothColumns(const std::vector<Segment>& segs, const std::vector<size_t>& order, size_t run,
                              const std::vector<size_t>& crossing, int split_x) {
  int left_right_edge = -1, right_left_edge = -1;
  for (size_t k = 0; k < run; ++k) {
    const Box& b = segs[order[k]].line.box;
    const Column c = ColumnOf(b, split_x);
    if (c == Column::kLeft) left_right_edge = std::max(left_right_edge, b.right());
    if (c == Column::kRight) right_left_edge = right_left_edge < 0 ? b.x : std::min(right_left_edge, b.x);
  }
  if (left_right_edge < 0 || right_left_edge < 0) return false;
  for (size_t i : crossing) {
    const Box& b = segs[i].line.box;
    if (b.x >= left_right_edge || b.right() <= right_left_edge) return false;
  }
  return true;
}

// A page's segments, the text's horizontal extent, and the segments' order
// from the top of the page.
struct Layout {
  std::vector<Segment> segs;
  int x0 = 0, x1 = 0;
  std::vector<size_t> by_y;
  int height = 0;  // of the page, or of the text when the page's is unknown
};

Layout LayOut(const PageText& page) {
  Layout l;
  l.segs = SplitAtColumnGaps(page);
  if (l.segs.empty()) return l;
  l.x0 = l.segs.front().line.box.x;
  l.x1 = l.segs.front().line.box.right();
  for (const Segment& s : l.segs) {
    l.x0 = std::min(l.x0, s.line.box.x);
    l.x1 = std::max(l.x1, s.line.box.right());
  }
  l.by_y.resize(l.segs.size());
  for (size_t i = 0; i < l.segs.size(); ++i) l.by_y[i] = i;
  std::stable_sort(l.by_y.begin(), l.by_y.end(),
                   [&](size_t a, size_t b) { return l.segs[a].line.box.y < l.segs[b].line.box.y; });
  l.height = page.height > 0 ? page.height : l.segs[l.by_y.back()].line.box.bottom();
  return l;
}

}  // namespace

PageText OrderTwoColumnZones(const PageText& page) {
  Layout layout = LayOut(page);
  PageText out = page;
  out.lines.clear();
  if (layout.segs.empty()) return out;
  std::vector<Segment>& segs = layout.segs;
  const int x0 = layout.x0, x1 = layout.x1, h = layout.height;
  // Zones are found in vertical order; Tesseract's own order (by block) is
  // kept for the body, where it follows paragraphs and tables better.
  const std::vector<size_t>& by_y = layout.by_y;
  std::vector<size_t> bottom_up(by_y.rbegin(), by_y.rend());

  size_t header_run = 0, footer_run = 0;
  const int header_split = BestSplit(segs, by_y, x0, x1, [&](const Box& b) { return b.y < 0.45 * h; },
                                     &header_run);
  // The footer (recipients, signature) may stand anywhere on a short last page.
  const int footer_split = BestSplit(segs, bottom_up, x0, x1, [](const Box&) { return true; },
                                     &footer_run);
  footer_run = std::min(footer_run, by_y.size() - header_run);

  std::vector<Segment> header, footer;
  std::vector<bool> in_zone(segs.size(), false);
  for (size_t k = 0; k < header_run; ++k) {
    header.push_back(segs[by_y[k]]);
    in_zone[by_y[k]] = true;
  }
  for (size_t k = by_y.size() - footer_run; k < by_y.size(); ++k) {
    footer.push_back(segs[by_y[k]]);
    in_zone[by_y[k]] = true;
  }
  ReorderZone(header, 0, header.size(), header_split);
  ReorderZone(footer, 0, footer.size(), footer_split);
  for (const Segment& s : header) out.lines.push_back(s.line);
  for (size_t i = 0; i < segs.size(); ++i) {
    if (!in_zone[i]) out.lines.push_back(segs[i].line);
  }
  for (const Segment& s : footer) out.lines.push_back(s.line);
  return out;
}

std::optional<MergedHeader> FindMergedHeader(const PageText& page) {
  const Layout layout = LayOut(page);
  if (layout.segs.size() < 3) return std::nullopt;
  const std::vector<Segment>& segs = layout.segs;
  const std::vector<size_t>& by_y = layout.by_y;
  const int x0 = layout.x0, x1 = layout.x1, h = layout.height;
  const auto in_header = [&](const Box& b) { return b.y < 0.45 * h; };

  // Only where the crossing line is what stops the plain reading from
  // finding the header's columns.
  size_t best_run = 0;
  int best_x = 0;
  std::vector<size_t> best_crossing;
  const int lo = x0 + (x1 - x0) * 3 / 10, hi = x0 + (x1 - x0) * 7 / 10;
  for (int x = lo; x <= hi; x += 8) {
    std::vector<size_t> crossing;
    const size_t n = ZoneRunThroughMerged(segs, by_y, x, in_header, &crossing);
    if (crossing.empty() || n <= ZoneRun(segs, by_y, x, in_header)) continue;
    if (!CrossingSpansBothColumns(segs, by_y, n, crossing, x)) continue;
    if (n > best_run) {
      best_run = n;
      best_x = x;
      best_crossing = std::move(crossing);
    }
  }
  if (best_crossing.empty()) return std::nullopt;

  MergedHeader m;
  m.gutter_lo = x0;
  m.gutter_hi = x1;
  int top = segs[by_y[0]].line.box.y, bottom = top;
  std::vector<int> heights;
  for (size_t k = 0; k < best_run; ++k) {
    const OcrLine& line = segs[by_y[k]].line;
    top = std::min(top, line.box.y);
    bottom = std::max(bottom, line.box.bottom());
    for (const OcrWord& w : line.words) {
      heights.push_back(w.box.h);
      if (w.box.right() <= best_x) m.gutter_lo = std::max(m.gutter_lo, w.box.right());
      else if (w.box.x >= best_x) m.gutter_hi = std::min(m.gutter_hi, w.box.x);
    }
  }
  if (m.gutter_lo >= m.gutter_hi) return std::nullopt;
  m.band_top = segs[best_crossing.front()].line.box.y;
  m.band_bottom = segs[best_crossing.front()].line.box.bottom();
  for (size_t i : best_crossing) {
    m.band_top = std::min(m.band_top, segs[i].line.box.y);
    m.band_bottom = std::max(m.band_bottom, segs[i].line.box.bottom());
  }
  // Padding, but not into the line below the zone.
  const int pad = Median(heights) / 2;
  int limit = h;
  if (best_run < by_y.size()) limit = segs[by_y[best_run]].line.box.y - 1;
  const int zone_top = std::max(0, top - pad);
  const int zone_bottom = std::max(bottom, std::min(limit, bottom + pad));
  const int zone_x0 = std::max(0, x0 - pad);
  const int zone_x1 = page.width > 0 ? std::min(page.width, x1 + pad) : x1 + pad;
  m.zone = Box{zone_x0, zone_top, zone_x1 - zone_x0, zone_bottom - zone_top};
  return m;
}

namespace {

// ASCII punctuation, dashes, quotes, bullets and the like (U+2010-U+205E).
bool PunctuationOnly(std::string_view t) {
  const std::u32string cps = CodePoints(t);
  return std::all_of(cps.begin(), cps.end(), [](char32_t c) {
    return (c < 0x80 && std::ispunct(static_cast<int>(c))) || (c >= 0x2010 && c <= 0x205E) || c == 0xB7;
  });
}

// The page's usual word height; 0 when too few words to tell.
double UsualWordHeight(const PageText& page) {
  std::vector<int> heights;
  for (const OcrLine& line : page.lines) {
    for (const OcrWord& w : line.words) heights.push_back(w.box.h);
  }
  return heights.size() < 10 ? 0 : Median(heights);
}

// `zone` grown by `pad` on every side, inside the page's top-left corner.
Box Padded(const Box& zone, int pad) {
  return Box{std::max(0, zone.x - pad), std::max(0, zone.y - pad), zone.w + 2 * pad, zone.h + 2 * pad};
}

bool MarkReadAsLetter(const OcrWord& w, double usual) {
  return w.box.h < kMinGlyphHeightShare * usual && !PunctuationOnly(w.text);
}

}  // namespace

PageText DropMarksReadAsLetters(const PageText& page) {
  const double usual = UsualWordHeight(page);
  if (usual == 0) return page;
  PageText out = page;
  out.lines.clear();
  for (OcrLine line : page.lines) {
    const size_t before = line.words.size();
    std::erase_if(line.words, [&](const OcrWord& w) { return MarkReadAsLetter(w, usual); });
    if (line.words.empty()) continue;
    if (line.words.size() != before) line.box = Union(line.words);
    out.lines.push_back(std::move(line));
  }
  return out;
}

// At most this many code points of punctuation make a line of stray marks.
constexpr size_t kStrayMarkMaxCodePoints = 2;

// A line of one word this short, read with less confidence than this, is a
// remnant too ("mi", "-š" under a seal: 25 and 38; every such line of the
// dev pages' readings was one).
constexpr size_t kStrayWordMaxCodePoints = 3;
constexpr float kStrayWordMaxConfidence = 50;

// A line that is a remnant: a short doubtful word, or a mark or two.
bool IsStrayLine(const OcrLine& line) {
  if (line.words.size() == 1) {
    const OcrWord& w = line.words[0];
    if (w.confidence < kStrayWordMaxConfidence && CodePointCount(w.text) <= kStrayWordMaxCodePoints &&
        w.text.find_first_of("0123456789") == std::string::npos) {
      return true;
    }
  }
  size_t marks = 0;
  for (const OcrWord& w : line.words) {
    if (!PunctuationOnly(w.text) || w.text.find('*') != std::string::npos ||
        w.text.find("\u2026") != std::string::npos) {
      return false;
    }
    marks += CodePointCount(w.text);
  }
  return marks <= kStrayMarkMaxCodePoints;
}

PageText DropStrayMarkLines(const PageText& page) {
  PageText out = page;
  std::erase_if(out.lines, IsStrayLine);
  return out;
}

std::vector<Box> FindOrphanedMarks(const PageText& page) {
  const double usual = UsualWordHeight(page);
  if (usual == 0) return {};
  std::vector<Box> marks;
  for (const OcrLine& line : page.lines) {
    for (const OcrWord& w : line.words) {
      if (MarkReadAsLetter(w, usual)) marks.push_back(w.box);
    }
  }
  if (marks.empty()) return {};
  std::vector<Box> zones;
  const int pad = static_cast<int>(usual / 8);
  // Column by column: a footer's two columns are often one line to Tesseract.
  for (const Segment& seg : SplitAtColumnGaps(page)) {
    Box zone;
    double confidence = 0;
    int bare = 0;
    for (const OcrWord& w : seg.line.words) {
      if (MarkReadAsLetter(w, usual)) continue;
      zone = BoxUnion(zone, w.box);
      // The marks of its capitals stand right over it.
      bool under_mark = false;
      for (const Box& m : marks) {
        const bool columns_meet = w.box.x <= m.right() && w.box.right() >= m.x;
        if (columns_meet && w.box.y >= m.y && w.box.y - m.bottom() <= usual / 2) {
          zone = BoxUnion(zone, m);
          under_mark = true;
        }
      }
      if (under_mark) {
        confidence += w.confidence;
        ++bare;
      }
    }
    // Letters read without their marks match no word: a line read well
    // kept its marks, and what stands over it is something else.
    if (bare == 0 || confidence / bare >= kOrphanedMarksMaxConfidence) continue;
    zones.push_back(Padded(zone, pad));
  }
  return zones;
}

std::vector<Box> FindStretchedWords(const PageText& page) {
  const double usual = UsualWordHeight(page);
  if (usual == 0) return {};
  std::vector<Box> zones;
  for (const OcrLine& line : page.lines) {
    for (const OcrWord& w : line.words) {
      const size_t letters = CodePointCount(w.text);
      if (w.confidence >= kStretchedMaxConfidence || letters == 0 || PunctuationOnly(w.text) ||
          w.box.h < kStretchedMinHeightShare * usual ||
          w.box.w <= kStretchedWidthHeights * w.box.h * static_cast<double>(letters)) {
        continue;
      }
      // With whatever small stands right over it (a mark it lost).
      Box zone = w.box;
      for (const OcrLine& other : page.lines) {
        for (const OcrWord& m : other.words) {
          const bool columns_meet = m.box.x < w.box.right() && m.box.right() > w.box.x;
          if (&m != &w && columns_meet && m.box.h < w.box.h / 2 && m.box.bottom() <= w.box.y + w.box.h / 2 &&
              w.box.y - m.box.bottom() <= usual / 2) {
            zone = BoxUnion(zone, m.box);
          }
        }
      }
      const int pad = static_cast<int>(usual / 8);
      zones.push_back(Padded(zone, pad));
    }
  }
  return zones;
}

std::vector<Box> FindTangledLines(const PageText& page_as_read) {
  // Columns apart: a footer's two columns are often read as one line.
  PageText page;
  for (Segment& s : SplitAtColumnGaps(page_as_read)) page.lines.push_back(std::move(s.line));
  std::vector<int> heights;
  for (const OcrLine& line : page.lines) {
    if (!line.words.empty()) heights.push_back(line.box.h);
  }
  if (heights.size() < 5) return {};
  const int usual = Median(heights);
  std::vector<Box> zones;
  for (size_t i = 0; i < page.lines.size(); ++i) {
    const Box& tall = page.lines[i].box;
    if (page.lines[i].words.empty() || tall.h <= kTangledLineHeights * usual) continue;
    // Lines mostly inside the tall line's rows, side by side with it or with
    // one another: fragments of the line it swallowed.
    Box zone = tall;
    bool tangled = false;
    std::vector<bool> taken(page.lines.size(), false);
    taken[i] = true;
    for (bool grew = true; grew;) {
      grew = false;
      for (size_t j = 0; j < page.lines.size(); ++j) {
        const Box& other = page.lines[j].box;
        if (taken[j] || page.lines[j].words.empty()) continue;
        const int x_overlap = std::min(zone.right(), other.right()) - std::max(zone.x, other.x);
        const int y_overlap = std::min(tall.bottom(), other.bottom()) - std::max(tall.y, other.y);
        if (x_overlap <= -usual || y_overlap < other.h / 2) continue;
        taken[j] = grew = tangled = true;
        zone = BoxUnion(zone, other);
      }
    }
    if (!tangled) continue;
    zone = Padded(zone, usual / 8);
    bool inside_earlier = false;
    for (const Box& z : zones) {
      inside_earlier = inside_earlier || (zone.x >= z.x && zone.y >= z.y && zone.right() <= z.right() &&
                                          zone.bottom() <= z.bottom());
    }
    if (!inside_earlier) zones.push_back(zone);
  }
  return zones;
}

// Unread ink: a stretch at least this many line heights wide (two letters
// or more; a speck or a rule is narrower), its pieces no further apart than
// this (the letters of a word or two), inking at least this share of the
// line's middle rows across it (letters do; a rule's crossing or a speck's
// tail does not).
constexpr double kUnreadMinWidthHeights = 1.0;
constexpr double kUnreadJoinHeights = 0.6;
constexpr double kUnreadMinFill = 0.12;
// Letters reach across those rows (their stems do); a rule under a heading
// or a dash inks a few of them.
constexpr double kUnreadMinRows = 0.6;
// A line lower than this share of the page's usual line holds marks, not
// words.
constexpr double kUnreadMinLineHeightShare = 0.6;
// Darker than this is ink (the OCR copy is paper-white with black print).
constexpr uint8_t kInkBelow = 128;

std::vector<int> InkPerColumn(const Image& page, int x_lo, int x_hi, int y_lo, int y_hi) {
  std::vector<int> ink(static_cast<size_t>(std::max(0, x_hi - x_lo)), 0);
  for (int y = y_lo; y < y_hi; ++y) {
    const uint8_t* row = page.pixels.data() + static_cast<size_t>(y) * page.stride();
    for (int x = x_lo; x < x_hi; ++x) ink[x - x_lo] += row[static_cast<size_t>(x) * page.channels] < kInkBelow;
  }
  return ink;
}

// How many of rows y0..y1-1 hold ink in columns x0..x1-1.
int InkedRows(const Image& image, int x0, int x1, int y0, int y1) {
  int rows = 0;
  for (int y = y0; y < y1; ++y) {
    const uint8_t* row = image.pixels.data() + static_cast<size_t>(y) * image.stride();
    for (int x = x0; x < x1; ++x) {
      if (row[static_cast<size_t>(x) * image.channels] < kInkBelow) {
        ++rows;
        break;
      }
    }
  }
  return rows;
}

std::vector<Box> FindUnreadInk(const PageText& page, const Image& image) {
  std::vector<Box> zones;
  if (image.empty()) return zones;
  std::vector<const OcrWord*> words;
  for (const OcrLine& line : page.lines) {
    for (const OcrWord& w : line.words) words.push_back(&w);
  }
  // Lines of marks (a seal's or a signature's remnants, a row of specks) are
  // far lower than the page's lines of words: no measure of letters.
  std::vector<int> line_heights;
  for (const OcrLine& line : page.lines) {
    if (!line.words.empty()) line_heights.push_back(MedianHeight(line.words));
  }
  if (line_heights.empty()) return zones;
  const int usual = Median(line_heights);
  std::vector<bool> covered(static_cast<size_t>(image.width));
  for (const OcrLine& line : page.lines) {
    if (line.words.empty()) continue;
    // Column gaps are measured in word heights, as where lines are split.
    const int word_h = MedianHeight(line.words);
    if (word_h < kUnreadMinLineHeightShare * usual) continue;
    std::vector<int> tops, bottoms;
    for (const OcrWord& w : line.words) {
      tops.push_back(w.box.y);
      bottoms.push_back(w.box.bottom());
    }
    const int top = Median(tops), bottom = Median(bottoms), h = bottom - top;
    if (h < 8) continue;
    // The middle half of the line's rows: letters fill it; the marks above,
    // the descenders and an underline below, and the lines around do not.
    const int y0 = std::clamp(top + h / 4, 0, image.height), y1 = std::clamp(bottom - h / 4, 0, image.height);
    if (y1 <= y0) continue;
    const std::vector<int> ink = InkPerColumn(image, 0, image.width, y0, y1);
    // Read ink: under any word that reaches into those rows, on any line.
    std::fill(covered.begin(), covered.end(), false);
    std::vector<Box> row_words;
    for (const OcrWord* w : words) {
      if (w->box.bottom() <= y0 || w->box.y >= y1) continue;
      row_words.push_back(w->box);
      for (int x = std::max(0, w->box.x); x < std::min(image.width, w->box.right()); ++x) covered[x] = true;
    }
    const int join = std::max(1, static_cast<int>(kUnreadJoinHeights * h));
    for (int x = 0; x < image.width;) {
      if (covered[x] || ink[x] == 0) {
        ++x;
        continue;
      }
      int last = x, sum = ink[x];
      for (int k = x + 1; k < image.width && k - last <= join && !covered[k]; ++k) {
        if (ink[k] > 0) {
          last = k;
          sum += ink[k];
        }
      }
      const int end = last + 1;
      const int width = end - x;
      if (width >= kUnreadMinWidthHeights * h && sum >= kUnreadMinFill * width * (y1 - y0) &&
          InkedRows(image, x, end, y0, y1) >= kUnreadMinRows * (y1 - y0)) {
        // With the words of its column on the line: those within a column
        // gap of it, and of each other.
        Box zone{x, top, width, h};
        for (bool grew = true; grew;) {
          grew = false;
          for (const Box& b : row_words) {
            const int gap = std::max(b.x - zone.right(), zone.x - b.right());
            if (gap > kColumnGapHeights * word_h) continue;
            const Box grown = BoxUnion(zone, b);
            if (grown.x != zone.x || grown.right() != zone.right() || grown.y != zone.y ||
                grown.bottom() != zone.bottom()) {
              zone = grown;
              grew = true;
            }
          }
        }
        zone = Padded(zone, h / 4);
        zone.x = std::max(0, zone.x);
        zone.y = std::max(0, zone.y);
        zone.w = std::min(zone.w, image.width - zone.x);
        zone.h = std::min(zone.h, image.height - zone.y);
        zones.push_back(zone);
      }
      x = end;
    }
  }
  // Tesseract may have cut the line into pieces, each finding the stretch
  // from its own rows: zones that overlap are one, read whole.
  for (bool merged = true; merged;) {
    merged = false;
    for (size_t i = 0; i < zones.size() && !merged; ++i) {
      for (size_t j = i + 1; j < zones.size() && !merged; ++j) {
        const Box& a = zones[i];
        const Box& b = zones[j];
        const int x_overlap = std::min(a.right(), b.right()) - std::max(a.x, b.x);
        const int y_overlap = std::min(a.bottom(), b.bottom()) - std::max(a.y, b.y);
        if (x_overlap > 0 && 2 * y_overlap > std::min(a.h, b.h)) {
          zones[i] = BoxUnion(a, b);
          zones.erase(zones.begin() + static_cast<std::ptrdiff_t>(j));
          merged = true;
        }
      }
    }
  }
  return zones;
}

PageText ReplaceZone(const PageText& page, const Box& zone, const PageText& left, const PageText& right) {
  return ReplaceZoneWith(page, zone, {left, right});
}

bool ReadsMoreLetters(const PageText& first, const Box& zone, const PageText& again) {
  double before = 0, after = 0, sure = 0;
  for (const OcrLine& line : first.lines) {
    for (const OcrWord& w : line.words) {
      if (CentreInside(w.box, zone)) before += static_cast<double>(w.text.size());
    }
  }
  for (const OcrLine& line : again.lines) {
    for (const OcrWord& w : line.words) {
      after += static_cast<double>(w.text.size());
      sure += w.confidence * static_cast<double>(w.text.size());
    }
  }
  return after > before && sure >= kFullerMinConfidence * after;
}

bool CentreInside(const Box& box, const Box& zone) {
  const int cx = box.x + box.w / 2, cy = box.y + box.h / 2;
  return cx >= zone.x && cx < zone.right() && cy >= zone.y && cy < zone.bottom();
}

PageText ReplaceZoneWith(const PageText& page, const Box& zone, const std::vector<PageText>& parts) {
  PageText out = page;
  out.lines.clear();
  bool placed = false;
  for (const OcrLine& line : page.lines) {
    OcrLine kept = line;
    std::erase_if(kept.words, [&](const OcrWord& w) { return CentreInside(w.box, zone); });
    if (kept.words.size() != line.words.size() && !placed) {
      for (const PageText& part : parts) {
        for (OcrLine l : part.lines) {
          l.block = line.block;
          out.lines.push_back(std::move(l));
        }
      }
      placed = true;
    }
    if (kept.words.empty()) continue;
    kept.box = Union(kept.words);
    out.lines.push_back(std::move(kept));
  }
  return out;
}

}  // namespace sohoa::ocr
