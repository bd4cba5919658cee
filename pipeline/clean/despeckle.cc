// Despeckle: remove small dark components that are not marks of the text.
// Vietnamese puts tone marks above and a dot below letters ("ạ", "ệ", "ộ");
// those are small too, as are full stops, colons and the dots of leaders.
// But each of them sits where the script puts it: right above or below a
// letter, on the baseline just after one, over another such dot, or in a
// row of them. A speck lands anywhere: far from any letter it always goes;
// near letters it goes when it sits where no mark belongs (in the gap
// between two words halfway up the line, beside a letter off the baseline),
// which is where OCR would otherwise read it as ".", ":" or "'". On a page
// speckled all over, a mark near the text must also be as dark as print.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "clean/steps.h"

namespace sohoa::clean {
namespace {

struct Box {
  int x0, y0, x1, y1;  // inclusive
  int cx() const { return (x0 + x1) / 2; }
  int Width() const { return x1 - x0 + 1; }
  int Height() const { return y1 - y0 + 1; }
  // Half as wide again as tall (a circumflex, breve or tilde), or as tall
  // again as wide.
  bool Flat() const { return 2 * Width() >= 3 * Height(); }
  bool Tall() const { return 2 * Height() >= 3 * Width(); }
  int cy() const { return (y0 + y1) / 2; }
};

Box BoxOf(const cv::Mat& stats, int i) {
  const int x = stats.at<int>(i, cv::CC_STAT_LEFT), y = stats.at<int>(i, cv::CC_STAT_TOP);
  return {x, y, x + stats.at<int>(i, cv::CC_STAT_WIDTH) - 1,
          y + stats.at<int>(i, cv::CC_STAT_HEIGHT) - 1};
}

// Boxes bucketed on a coarse grid, each under every cell its box (grown by
// `reach`) covers: the boxes near a point are those of its cell.
class BoxGrid {
 public:
  BoxGrid(cv::Size page, int cell, int reach)
      : cell_(cell), reach_(reach), cols_(page.width / cell + 1), rows_(page.height / cell + 1),
        cells_(static_cast<size_t>(cols_) * rows_) {}

  void Add(int id, const Box& b) {
    const int cx0 = std::max(0, (b.x0 - reach_) / cell_), cx1 = std::min(cols_ - 1, (b.x1 + reach_) / cell_);
    const int cy0 = std::max(0, (b.y0 - reach_) / cell_), cy1 = std::min(rows_ - 1, (b.y1 + reach_) / cell_);
    for (int y = cy0; y <= cy1; ++y) {
      for (int x = cx0; x <= cx1; ++x) cells_[static_cast<size_t>(y) * cols_ + x].push_back(id);
    }
  }
  const std::vector<int>& Near(int x, int y) const {
    x = std::clamp(x / cell_, 0, cols_ - 1);
    y = std::clamp(y / cell_, 0, rows_ - 1);
    return cells_[static_cast<size_t>(y) * cols_ + x];
  }

 private:
  int cell_, reach_, cols_, rows_;
  std::vector<std::vector<int>> cells_;
};

// The median of `values`, 0 for none.
int Median(std::vector<int> values) {
  if (values.empty()) return 0;
  auto mid = values.begin() + values.size() / 2;
  std::nth_element(values.begin(), mid, values.end());
  return *mid;
}

// Sizes (of letters, say) bucketed by where they are on the page: print is
// of one size within a block of text, but a page mixes sizes.
class LocalSizes {
 public:
  LocalSizes(cv::Size page, int block)
      : block_(block), cols_(page.width / block + 1), rows_(page.height / block + 1),
        cells_(static_cast<size_t>(cols_) * rows_) {}

  void Add(int x, int y, int value) { cells_[Cell(x / block_, y / block_)].push_back(value); }

  // The median of the values in the block holding (x, y) and the eight
  // around it; 0 when there are fewer than `fewest`.
  int Median(int x, int y, size_t fewest) const {
    std::vector<int> values;
    const int bx = x / block_, by = y / block_;
    for (int cy = std::max(0, by - 1); cy <= std::min(rows_ - 1, by + 1); ++cy) {
      for (int cx = std::max(0, bx - 1); cx <= std::min(cols_ - 1, bx + 1); ++cx) {
        const std::vector<int>& cell = cells_[Cell(cx, cy)];
        values.insert(values.end(), cell.begin(), cell.end());
      }
    }
    return values.size() < fewest ? 0 : sohoa::clean::Median(std::move(values));
  }

 private:
  size_t Cell(int cx, int cy) const {
    return static_cast<size_t>(std::clamp(cy, 0, rows_ - 1)) * cols_ + std::clamp(cx, 0, cols_ - 1);
  }
  int block_, cols_, rows_;
  std::vector<std::vector<int>> cells_;
};

// Distances of the mark rules, in pixels at the page's resolution.
struct Reach {
  int gap;       // a mark above its letter
  int below;     // a dot below its letter
  int aside;     // along the line to a letter whose baseline the mark shares
  int align;     // slack of "on the same baseline" and "centred over"
  int stack;     // a colon's upper dot over its lower one
  int anchor;    // a letter (or comma) at least this tall or wide holds marks
  int stop;      // a full stop or comma from the ink before it
};

// Where small mark `s` sits relative to letter `l`.
enum class Place {
  kNowhere,
  // Clear above it, within reach: a tone mark, an i's dot, or a speck.
  kOverLetter,
  // Under it (dots below), inside its box (a stroke the copy broke off),
  // against a flat mark (a tone mark beside a circumflex), or a dash beside
  // it halfway up (specks are round, dashes long).
  kOnLetter,
  // Close under it: a dot below its vowel, or a speck.
  kUnderLetter,
  // Pressed to its side with the mark's foot on the letter's baseline or
  // below: a full stop set close ("N."), or a piece of the letter's foot.
  kPressedToBaseline,
  // Pressed to its side in its top third: a stroke the copy broke off, a
  // colon's upper dot, or a speck.
  kBesideTop,
  // On its baseline a few letters along at most (the letter next to a full
  // stop may hang below the line: "p.", "g)."), or hanging from it (comma):
  // a full stop or comma if a letter stands just before it.
  kOnBaseline,
};

// `foot()` gives the columns of the letter's ink in its bottom rows (asked
// only for marks at the letter's foot: it reads the labels).
template <class Foot>
Place PlaceByLetter(const Box& s, const Box& l, const Foot& foot, const Reach& r) {
  // Halfway up the letter, clear of its top third and of its baseline: where
  // no mark of the script sits beside a letter (tone marks beside one sit
  // at its top, a colon's upper dot at the x-height, a full stop on the
  // baseline). A speck there, pressed to a letter, is read "15·" -> "15.".
  const int third = (l.y1 - l.y0 + 1) / 3;
  const bool halfway = s.y0 > l.y0 + third && s.y1 < l.y1 - r.align;
  const bool over_columns = s.cx() >= l.x0 - r.align && s.cx() <= l.x1 + r.align;
  if (over_columns) {
    const int below = s.y0 - l.y1 - 1, above = l.y0 - s.y1 - 1;
    // Above the letter, or within its rows (a stroke the copy broke off).
    if (below < 0 && above <= r.gap && !halfway) {
      if (above >= 0) return Place::kOverLetter;
      // At its foot, beside the letter or under an arm that overhangs it
      // ("r", "T", "P").
      const bool at_foot = s.y1 >= l.y1 - r.align && (s.x0 > foot().x1 || s.x1 < foot().x0);
      if (at_foot) return Place::kPressedToBaseline;
      // Its centre beyond the letter's columns: pressed to its side, judged
      // below as such.
      if (s.cx() <= l.x1 && s.cx() >= l.x0) return Place::kOnLetter;
    }
    // A dot below sits close under its vowel (2-4 px at 300 dpi on the dev
    // pages' clean copies; tone marks above stand further off).
    if (below >= 0 && below <= r.below) return Place::kUnderLetter;
  }
  const bool same_rows = s.y1 >= l.y0 - r.align && s.y0 <= l.y1 + r.align;
  const int beside = std::max(s.x0 - l.x1 - 1, l.x0 - s.x1 - 1);
  // Against the letter; a dash beside it halfway up is long, judged below.
  if (same_rows && beside <= r.align && !halfway) {
    if (s.y1 >= l.y1 - r.align) return Place::kPressedToBaseline;
    // Beside a letter's top; beside a flat mark (a circumflex), its tone mark.
    return l.Flat() ? Place::kOnLetter : Place::kBesideTop;
  }
  const int w = s.x1 - s.x0 + 1, h = s.y1 - s.y0 + 1;
  if (w >= 2 * h && same_rows && beside <= r.aside) return Place::kOnLetter;
  if (beside <= r.aside && std::abs(s.y1 - l.y1) <= r.align) return Place::kOnBaseline;
  // A comma hangs from the baseline: taller than wide, reaching a little below it.
  if (beside <= r.aside && s.y1 - s.y0 > s.x1 - s.x0 && s.y0 <= l.y1 && s.y1 > l.y1 &&
      s.y1 - l.y1 <= r.gap) {
    return Place::kOnBaseline;
  }
  return Place::kNowhere;
}

// How a placed mark is held, where only its size tells a dot-sized speck
// from print on a speckled page: above letters (a tone mark or an i's dot),
// as a full stop (after a letter on its baseline, or pressed to its foot),
// pressed to a letter's side in its top third, or under a letter (a dot
// below). Other placings hold any mark.
enum class Held { kOther, kOverLetters, kAsStop, kBesideTop, kUnderLetter };
// A mark held above letters remembers this many of them.
constexpr int kLettersRemembered = 3;

// Tone marks are strokes: on a speckled page, a mark over a letter smaller
// than this share of the median mark over the page's letters is dot-sized
// (the dev pages' printed tone marks are 0.8 of it and more, their specks
// 0.7 and less, i-dots 0.65-0.8).
constexpr double kSmallestToneMark = 0.75;
// Likewise a full stop, against the median of the page's stops (printed
// stops on the dev photocopies are 33-42 px, their specks 18-29).
constexpr double kSmallestStop = 0.75;
// Likewise a dot below, against the median of the page's dots below (a
// speck under a capital is read "CỌHC", and can break the word apart).
constexpr double kSmallestDotBelow = 0.75;
// Fewer letters around than this say nothing of the print's size.
constexpr size_t kFewestSizes = 5;

// The columns of letter `l`'s ink (label `label`) in its rows y0..y1: a box
// of those rows, empty (x0 > x1) where it has none.
Box InkColumns(const cv::Mat& labels, const cv::Rect& inked, const Box& l, int label, int y0, int y1) {
  Box ink{l.x1, y0, l.x0, y1};
  for (int y = y0; y <= y1; ++y) {
    const int* lab = labels.ptr<int>(y - inked.y) - inked.x;
    for (int x = l.x0; x <= l.x1; ++x) {
      if (lab[x] == label) {
        ink.x0 = std::min(ink.x0, x);
        ink.x1 = std::max(ink.x1, x);
      }
    }
  }
  return ink;
}

// Whether letter `l` (label `label`) holds mark `s` when `s` is as small as
// a dot: an i or a j, or a semicolon's comma, whose top (its ink across the
// top third of its rows) is no wider than two such marks, also in italics,
// whose box is wide.
bool HoldsASmallMark(const cv::Mat& labels, const cv::Rect& inked, const Box& l, int label, const Box& s) {
  return InkColumns(labels, inked, l, label, l.y0, l.y0 + l.Height() / 3).Width() <= 2 * s.Width();
}

// A full stop or comma follows something on its line: a letter, a digit
// (whose tabular width leaves a wider gap), a closing quote or bracket. A
// speck before a word, at the start of a line or after a long gap, follows
// nothing (OCR reads it as a stray mark: ".ban", "'Số").
bool FollowsInk(const Box& s, const Box& c, const Reach& r) {
  const int gap = s.x0 - c.x1 - 1;
  return c.x0 < s.x0 && gap <= r.stop && c.y1 >= s.y0 - r.stack && c.y0 <= s.y1;
}

// A page is speckled when specks big enough to pass for a dot lie far from
// any letter at more than this many per square inch (about 50 on an A4
// page). Where there are that many, the specks that fall among the letters
// are many too, and a mark has to look like print to be kept.
constexpr double kSpeckledPerSquareInch = 0.5;

bool Speckled(int far_specks, cv::Size page, double dpi) {
  const double square_inches = static_cast<double>(page.area()) / (dpi * dpi);
  return square_inches > 0 && far_specks > kSpeckledPerSquareInch * square_inches;
}

// Print lays down one ink: every mark of the text is about as dark at its
// core as the letters' strokes. Dust and toner specks on a copy come in
// every shade. Darkest allowed: the letters' median core darkness plus this
// share of the way to white paper.
constexpr double kFaintest = 0.06;
constexpr size_t kLettersSampled = 256;

// A speck pressed onto a letter is one component with it, so no rule of
// placing can take it off ("diện" read "điện", "Sự cần" "Sự-cần"). On a
// speckled page it still shows as what print never is: a blob as thick as
// a dot with no print-dark core, paler than the letters' cores by this
// share of the way to white paper. The strokes' soft edges are that pale
// too, but a pixel or two wide.
constexpr double kPaleCore = 0.15;
// Thick: a square this wide fits inside it (pixels at 300 dpi).
constexpr int kPaleBlobWidth = 5;
// And no larger than this either way: a dot-sized mark with its soft edge.
// A stroke of pale print (a lighter letter, a rule) is longer.
constexpr int kPaleBlobMaxSide = 12;
// Its soft edge, filled with it.
constexpr int kPaleBlobEdge = 2;

// Fills the pale blobs (see kPaleCore) of `page` within `part` from the
// pixels around them: a copier's speck hides what lies under it, paper or
// the edge of a stroke, and both run on through it. A blob pressed onto
// print is filled as a streak's band is (`FillFromAround`), only in its
// pale pixels, so the print keeps every dark pixel; one lying on paper
// alone (hundreds on a speckled page) with the mean of the paper around it
// (not of print nearby), at a fraction of the cost.
// `print` is the letters' core darkness; `unit` the page's dpi over 300.
void FillPaleBlobs(cv::Mat& page, const cv::Rect& part, double print, double unit) {
  const auto px = [unit](int at300) {
    return std::max(1, static_cast<int>(std::lround(at300 * unit)));
  };
  const double pale = print + kPaleCore * (255 - print);
  const double paper = 255 - kPaleCore * (255 - print);
  cv::Mat grey = page(part);
  // The blobs' cores: where the square fits in pale pixels.
  cv::Mat core;
  cv::inRange(grey, cv::Scalar(std::floor(pale) + 1), cv::Scalar(std::ceil(paper) - 1), core);
  const int width = std::max(3, px(kPaleBlobWidth));
  cv::erode(core, core, cv::getStructuringElement(cv::MORPH_RECT, {width, width}));
  const int max_side = px(kPaleBlobMaxSide);
  // A blob is its core grown by half the square, and its soft edge round that.
  const int grow = width / 2 + px(kPaleBlobEdge);
  const cv::Mat square = cv::getStructuringElement(cv::MORPH_RECT, {2 * grow + 1, 2 * grow + 1});
  const int reach = grow + kFillRadius;
  std::vector<cv::Point> cores, blob, stack;
  // cv::findNonZero looks at every pixel in turn: 5 ms on a page of paper.
  for (int y = 0; y < core.rows; ++y) {
    ForEachInked(core.ptr<uint8_t>(y), core.cols, [&](int x) { cores.emplace_back(x, y); });
  }
  for (const cv::Point& seed : cores) {
    if (!core.at<uint8_t>(seed)) continue;  // a blob met already
    // The core's pixels, 8-connected (cleared as they are met).
    blob.clear();
    stack.assign(1, seed);
    core.at<uint8_t>(seed) = 0;
    cv::Rect box(seed, cv::Size(1, 1));
    while (!stack.empty()) {
      const cv::Point p = stack.back();
      stack.pop_back();
      blob.push_back(p);
      box |= cv::Rect(p, cv::Size(1, 1));
      for (int y = std::max(0, p.y - 1); y <= std::min(core.rows - 1, p.y + 1); ++y) {
        for (int x = std::max(0, p.x - 1); x <= std::min(core.cols - 1, p.x + 1); ++x) {
          if (!core.at<uint8_t>(y, x)) continue;
          core.at<uint8_t>(y, x) = 0;
          stack.push_back({x, y});
        }
      }
    }
    if (box.width + width - 1 > max_side || box.height + width - 1 > max_side) continue;
    const cv::Rect around =
        cv::Rect(box.x - reach, box.y - reach, box.width + 2 * reach, box.height + 2 * reach) &
        cv::Rect(0, 0, grey.cols, grey.rows);
    cv::Mat hidden = cv::Mat::zeros(around.size(), CV_8U);
    for (const cv::Point& p : blob) hidden.at<uint8_t>(p - around.tl()) = 255;
    cv::dilate(hidden, hidden, square);
    // One look over the window (hundreds of blobs a page: no temporaries):
    // does the blob touch print, and the paper around it.
    cv::Mat target = grey(around);
    bool touches_print = false;
    int64_t paper_sum = 0;
    int paper_count = 0;
    for (int y = 0; y < target.rows; ++y) {
      const uint8_t* t = target.ptr<uint8_t>(y);
      const uint8_t* h = hidden.ptr<uint8_t>(y);
      for (int x = 0; x < target.cols; ++x) {
        if (h[x]) {
          touches_print |= t[x] <= pale;
        } else if (t[x] >= paper) {
          paper_sum += t[x];
          ++paper_count;
        }
      }
    }
    if (!touches_print) {
      // The paper's mean as cv::mean gives it, rounded as setTo would.
      const double mean = paper_count > 0 ? static_cast<double>(paper_sum) * (1.0 / paper_count) : 255;
      const uint8_t fill = cv::saturate_cast<uint8_t>(mean);
      target.setTo(fill, hidden);
      continue;
    }
    for (int y = 0; y < target.rows; ++y) {
      const uint8_t* t = target.ptr<uint8_t>(y);
      uint8_t* h = hidden.ptr<uint8_t>(y);
      for (int x = 0; x < target.cols; ++x) {
        if (t[x] <= pale) h[x] = 0;  // print keeps its dark pixels
      }
    }
    FillFromAround(target, hidden);
  }
}

// Darkest grey of component `label`, whose box is `b`, in the page `grey`
// (`labels` cover its part `inked`).
uint8_t DarkestOf(const cv::Mat& grey, const cv::Mat& labels, const cv::Rect& inked, const Box& b, int label) {
  uint8_t darkest = 255;
  for (int y = b.y0; y <= b.y1; ++y) {
    const int* lab = labels.ptr<int>(y - inked.y) - inked.x;
    const uint8_t* g = grey.ptr<uint8_t>(y);
    for (int x = b.x0; x <= b.x1; ++x) {
      if (lab[x] == label && g[x] < darkest) darkest = g[x];
    }
  }
  return darkest;
}

}  // namespace

DespeckleResult Despeckle(const cv::Mat& grey, double dpi, cv::Size page, Workspace* workspace) {
  DespeckleResult result;
  if (dpi <= 0) dpi = 300;
  const double unit = dpi / 300.0;
  const auto px = [unit](double at300) { return std::max(1, static_cast<int>(std::lround(at300 * unit))); };
  // Specks: components small enough that, far from any letter, they cannot
  // be text. Marks: up to the largest tone marks and full stops of 13-14 pt
  // text (about 80 px, 11 px across at 300 dpi); near letters, those go only
  // when misplaced. Below 10 px none is a mark (none on the dev pages'
  // clean copies is that small).
  const int max_speck_area = std::max(2, static_cast<int>(std::lround(30 * unit * unit)));
  const int max_speck_side = std::max(2, px(8));
  const int max_mark_area = std::max(2, static_cast<int>(std::lround(80 * unit * unit)));
  const int max_mark_side = std::max(2, px(11));
  const int min_mark_area = static_cast<int>(std::lround(10 * unit * unit));
  const int near_text_px = std::max(4, px(12));
  const Reach reach{near_text_px, px(6), px(72), px(3), px(24), px(12), px(20)};

  cv::Mat ink = InkMask(grey);
  // Labelled only where there is ink: a closing page is mostly paper. The
  // labels are those of the inked part; boxes are in page coordinates.
  cv::Rect inked = InkBounds(ink, 0);
  if (inked.area() == 0) inked = cv::Rect(0, 0, ink.cols, ink.rows);
  cv::Mat labels = workspace != nullptr ? workspace->Labels(inked.size()) : cv::Mat();
  cv::Mat stats;
  const int n = LabelComponents(ink(inked), labels, stats, 8);
  for (int i = 1; i < n; ++i) {
    stats.at<int>(i, cv::CC_STAT_LEFT) += inked.x;
    stats.at<int>(i, cv::CC_STAT_TOP) += inked.y;
  }
  result.dark_components = n - 1;

  // Letters (and marks too big to be specks), spread by near_text_px on a
  // quarter-size grid (cheap) to mark the neighbourhood where marks belong.
  constexpr int kCell = 4;
  cv::Mat letters_small = cv::Mat::zeros((grey.rows + kCell - 1) / kCell,
                                         (grey.cols + kCell - 1) / kCell, CV_8U);
  std::vector<bool> speck(n, false), mark(n, false);
  std::vector<Box> boxes(n);
  BoxGrid anchors(grey.size(), 4 * near_text_px, std::max(reach.gap, reach.aside) + max_mark_side);
  BoxGrid everything(grey.size(), 4 * near_text_px, reach.stop + reach.stack);
  for (int i = 1; i < n; ++i) {
    const int area = stats.at<int>(i, cv::CC_STAT_AREA);
    boxes[i] = BoxOf(stats, i);
    const Box& b = boxes[i];
    const int side = std::max(b.x1 - b.x0, b.y1 - b.y0) + 1;
    speck[i] = area <= max_speck_area && side <= max_speck_side;
    mark[i] = area <= max_mark_area && side <= max_mark_side;
    if (!speck[i]) {
      cv::rectangle(letters_small, cv::Point(b.x0 / kCell, b.y0 / kCell),
                    cv::Point(b.x1 / kCell, b.y1 / kCell), cv::Scalar(255), cv::FILLED);
    }
    if (!mark[i] && side >= reach.anchor) anchors.Add(i, b);
    if (area >= min_mark_area) everything.Add(i, b);
  }
  // Small marks near letters, and whether a letter holds each in place.
  // Commas and other small letters go with them: a semicolon's dot stands
  // over its comma.
  const int grow = 2 * (near_text_px / kCell) + 1;
  cv::dilate(letters_small, letters_small, cv::getStructuringElement(cv::MORPH_RECT, {grow, grow}));
  std::vector<int> near;
  std::vector<bool> placed(n, false);
  std::vector<Held> held(n, Held::kOther);
  std::vector<std::array<int, kLettersRemembered>> over_of(n, {0, 0, 0});  // for Held::kOverLetters
  std::vector<bool> on_line(n, false);  // full stops and commas
  std::vector<Box> feet(n);               // of letters, found when first asked
  std::vector<bool> has_foot(n, false);
  BoxGrid marks(grey.size(), 4 * near_text_px, std::max(reach.stack, reach.gap) + max_mark_side);
  for (int i = 1; i < n; ++i) {
    const Box& b = boxes[i];
    if (!mark[i] && std::max(b.x1 - b.x0, b.y1 - b.y0) + 1 <= 2 * reach.anchor) {
      placed[i] = true;
      marks.Add(i, b);
    }
  }
  std::vector<bool> remove(n, false);
  std::vector<int> far;  // specks beyond the letters' reach, big enough for a dot
  std::vector<bool> is_far(n, false);
  for (int i = 1; i < n; ++i) {
    if (!mark[i]) continue;
    const Box& s = boxes[i];
    remove[i] = true;
    if (stats.at<int>(i, cv::CC_STAT_AREA) < min_mark_area) continue;
    if (letters_small.at<uint8_t>(s.cy() / kCell, s.cx() / kCell) == 0) {
      far.push_back(i);  // only specks can be this far
      is_far[i] = true;
      marks.Add(i, s);
      continue;
    }
    near.push_back(i);
    marks.Add(i, s);
    bool on_baseline = false, pressed = false, beside_top = false;
    int overs = 0;
    for (int l : anchors.Near(s.cx(), s.cy())) {
      const auto foot = [&]() -> const Box& {
        if (!has_foot[l]) {
          feet[l] = InkColumns(labels, inked, boxes[l], l, std::max(boxes[l].y0, boxes[l].y1 - reach.align), boxes[l].y1);
          has_foot[l] = true;
        }
        return feet[l];
      };
      const Place place = PlaceByLetter(s, boxes[l], foot, reach);
      if (place == Place::kOnLetter || place == Place::kUnderLetter) {
        placed[i] = true;
        if (place == Place::kUnderLetter) held[i] = Held::kUnderLetter;
        break;
      }
      if (place == Place::kOverLetter) {
        if (overs < kLettersRemembered) over_of[i][overs++] = l;
      }
      pressed = pressed || place == Place::kPressedToBaseline;
      beside_top = beside_top || place == Place::kBesideTop;
      on_baseline = on_baseline || place == Place::kOnBaseline;
    }
    if (!placed[i] && (overs > 0 || pressed || beside_top)) {
      placed[i] = true;
      held[i] = overs > 0 ? Held::kOverLetters : pressed ? Held::kAsStop : Held::kBesideTop;
    }
    if (placed[i] || !on_baseline) continue;
    for (int c : everything.Near(s.cx(), s.cy())) {
      if (c != i && FollowsInk(s, boxes[c], reach)) {
        placed[i] = true;
        on_line[i] = true;
        held[i] = Held::kAsStop;
        break;
      }
    }
  }
  // Marks held by other marks: a colon's upper dot over a placed dot (or a
  // semicolon's over its comma), the dots of a leader or an ellipsis in a
  // row on one baseline.
  const auto in_row = [&reach](const Box& s, const Box& o) {
    return std::abs(o.y1 - s.y1) <= reach.align && std::max(o.x0 - s.x1, s.x0 - o.x1) - 1 <= reach.gap;
  };
  // An ellipsis or a leader is three dots or more: two specks side by side
  // hold each other in no row. Mark `j` holds `i` in a row when one of them
  // has a neighbour on each side.
  const auto row_neighbours = [&](int i) {
    int count = 0;
    for (int j : marks.Near(boxes[i].cx(), boxes[i].cy())) {
      if (j != i && mark[j] && in_row(boxes[i], boxes[j])) ++count;
    }
    return count;
  };
  const auto in_row_of_dots = [&](int i, int j) {
    return mark[j] && in_row(boxes[i], boxes[j]) && (row_neighbours(i) >= 2 || row_neighbours(j) >= 2);
  };
  // Whether `i` stands over a mark `j` for which `holds(j)` is true, at most
  // `gap` above it.
  const auto stands_on = [&](int i, int gap, const auto& holds) {
    const Box& s = boxes[i];
    for (int j : marks.Near(s.cx(), s.cy())) {
      const Box& o = boxes[j];
      if (j != i && holds(j) && s.cx() >= o.x0 - reach.align && s.cx() <= o.x1 + reach.align && o.y0 > s.y1 &&
          o.y0 - s.y1 - 1 <= gap) {
        return true;
      }
    }
    return false;
  };
  std::vector<bool> keep = placed;
  std::vector<bool> stacked(n, false);  // kept only as a colon's upper dot
  for (int i : near) {
    if (placed[i]) continue;
    if (stands_on(i, reach.stack, [&](int j) { return placed[j] && !is_far[j]; })) {
      keep[i] = stacked[i] = true;
      continue;
    }
    for (int j : marks.Near(boxes[i].cx(), boxes[i].cy())) {
      if (j != i && !is_far[j] && in_row_of_dots(i, j)) {
        keep[i] = true;
        break;
      }
    }
  }
  for (int i : near) remove[i] = !keep[i];
  double print_darkness = -1;  // the letters' core darkness, known on a speckled page
  // On a speckled page a mark must also be as dark as print.
  if (Speckled(static_cast<int>(far.size()), page.area() > 0 ? page : grey.size(), dpi)) {
    // The letters' darkness from a few hundred of them, spread over the page.
    std::vector<int> letters;
    for (int i = 1; i < n; ++i) {
      if (!mark[i]) letters.push_back(i);
    }
    std::vector<uint8_t> letter_darkest;
    const size_t step = letters.size() / kLettersSampled + 1;
    for (size_t k = 0; k < letters.size(); k += step) {
      letter_darkest.push_back(DarkestOf(grey, labels, inked, boxes[letters[k]], letters[k]));
    }
    if (!letter_darkest.empty()) {
      auto mid = letter_darkest.begin() + letter_darkest.size() / 2;
      std::nth_element(letter_darkest.begin(), mid, letter_darkest.end());
      const double print = *mid;
      print_darkness = print;
      const double faintest_print = print + kFaintest * (255 - print);
      for (int i : near) {
        if (keep[i] && DarkestOf(grey, labels, inked, boxes[i], i) > faintest_print) {
          keep[i] = false;
          remove[i] = true;
        }
      }
    }
    // A round mark as small as a dot where only a speck of that size would
    // be. Over a letter, only an i or a j holds one: tone marks are strokes,
    // larger than dots (a dot-sized speck over "n" is read "ñ", over "á"
    // "ắ"). On the baseline, one smaller than the page's full stops is read
    // "10.". Flat marks (circumflexes, breves, tildes) and tall ones are no
    // dots. Each is judged against the page's marks of its kind, scaled to
    // the print around it: a page mixes sizes (the closing block and tables
    // are set smaller than the body), and the letters within two lines or so
    // (a block of 100 px at 300 dpi and the eight around it) tell the size.
    std::vector<int> over_areas, stop_areas, below_areas, heights;
    for (int i : near) {
      if (!keep[i] || boxes[i].Flat()) continue;
      const int area = stats.at<int>(i, cv::CC_STAT_AREA);
      if (held[i] == Held::kOverLetters) over_areas.push_back(area);
      if (held[i] == Held::kAsStop && !boxes[i].Tall()) stop_areas.push_back(area);
      if (held[i] == Held::kUnderLetter && !boxes[i].Tall()) below_areas.push_back(area);
    }
    LocalSizes letter_heights(grey.size(), px(100));
    for (int i = 1; i < n; ++i) {
      const Box& b = boxes[i];
      // Letters, not rules or pictures.
      if (mark[i] || std::max(b.Width(), b.Height()) < reach.anchor || b.Height() > 4 * reach.anchor) continue;
      letter_heights.Add(b.cx(), b.cy(), b.Height());
      heights.push_back(b.Height());
    }
    const double page_height = Median(heights);
    const double over_median = Median(over_areas), stop_median = Median(stop_areas);
    const double below_median = Median(below_areas);
    for (int i : near) {
      if (!keep[i] || boxes[i].Flat() || boxes[i].Tall() || page_height == 0 || held[i] == Held::kOther) continue;
      const Box& s = boxes[i];
      const int area = stats.at<int>(i, cv::CC_STAT_AREA);
      const int local = letter_heights.Median(s.cx(), s.cy(), kFewestSizes);
      // Only smaller print lowers the bar: a heading's capitals are taller,
      // not its marks larger.
      const double ratio = local > 0 ? std::min(1.0, local / page_height) : 1.0;
      const double scale = ratio * ratio;
      bool dot_sized = false;
      if (held[i] == Held::kOverLetters) {
        const auto holds = [&](int l) { return l != 0 && HoldsASmallMark(labels, inked, boxes[l], l, s); };
        dot_sized = area < kSmallestToneMark * over_median * scale &&
                       std::none_of(over_of[i].begin(), over_of[i].end(), holds) &&
                       // A colon's or semicolon's upper dot; a tone mark on a
                       // circumflex or a breve ("ấ", "ặ"), a flat mark close under it.
                       !stands_on(i, reach.stack, [&](int j) { return on_line[j]; }) &&
                       !stands_on(i, reach.gap, [&](int j) { return placed[j] && boxes[j].Flat(); });
      } else if (held[i] == Held::kBesideTop) {
        dot_sized = area < kSmallestToneMark * over_median * scale &&
                       !stands_on(i, reach.stack, [&](int j) { return on_line[j]; });
      } else if (held[i] == Held::kUnderLetter) {
        dot_sized = area < kSmallestDotBelow * below_median * scale;
      } else {
        dot_sized = area < kSmallestStop * stop_median * scale;
      }
      if (dot_sized) {
        keep[i] = false;
        remove[i] = true;
      }
    }
    // A colon's upper dot goes with its lower one: left alone halfway up
    // between two words it is read as a hyphen ("hành-chính").
    for (int i : near) {
      if (keep[i] && stacked[i] && !stands_on(i, reach.stack, [&](int j) { return keep[j] && !is_far[j]; })) {
        keep[i] = false;
        remove[i] = true;
      }
    }
  }
  // A leader or an ellipsis runs on beyond the letters' reach: its further
  // dots are kept while they continue a row from a kept mark.
  for (bool grew = !far.empty(); grew;) {
    grew = false;
    for (int i : far) {
      if (!remove[i]) continue;
      for (int j : marks.Near(boxes[i].cx(), boxes[i].cy())) {
        if (j != i && !remove[j] && in_row_of_dots(i, j)) {
          remove[i] = false;
          grew = true;
          break;
        }
      }
    }
  }
  result.specks_removed = static_cast<int>(std::count(remove.begin(), remove.end(), true));
  for (int i = 1; i < n; ++i) {
    const Box& b = boxes[i];
    if (remove[i] && speck[i] && letters_small.at<uint8_t>(b.cy() / kCell, b.cx() / kCell) == 0) {
      ++result.isolated_removed;
    }
  }
  if (print_darkness < 0 && result.specks_removed == 0) {
    result.page = grey;
    return result;
  }
  result.page = grey.clone();
  if (print_darkness >= 0) FillPaleBlobs(result.page, inked, print_darkness, unit);
  if (result.specks_removed == 0) return result;
  // Paint removed specks white (paper, after flattening) with a pixel of
  // their soft edge, which would otherwise stay as a faint ring. Only each
  // speck's own box is visited: they cover a sliver of the page.
  const int rows = grey.rows, cols = grey.cols;
  for (int i = 1; i < n; ++i) {
    if (!remove[i]) continue;
    const Box& b = boxes[i];
    for (int y = b.y0; y <= b.y1; ++y) {
      const int* lab = labels.ptr<int>(y - inked.y);
      for (int x = b.x0; x <= b.x1; ++x) {
        if (lab[x - inked.x] != i) continue;
        for (int yy = std::max(0, y - 1); yy <= std::min(rows - 1, y + 1); ++yy) {
          uint8_t* out = result.page.ptr<uint8_t>(yy);
          for (int xx = std::max(0, x - 1); xx <= std::min(cols - 1, x + 1); ++xx) out[xx] = 255;
        }
      }
    }
  }
  return result;
}

}  // namespace sohoa::clean
