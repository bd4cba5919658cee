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
  // Over it or under it (tone marks, i-dots, dots below), inside or against
  // its box (a stroke the copy broke off), or a dash beside it halfway up
  // (specks are round, dashes long).
  kOnLetter,
  // On its baseline a few letters along at most (the letter next to a full
  // stop may hang below the line: "p.", "g)."), or hanging from it (comma):
  // a full stop or comma if a letter stands just before it.
  kOnBaseline,
};

Place PlaceByLetter(const Box& s, const Box& l, const Reach& r) {
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
    if (below < 0 && above <= r.gap && !halfway) return Place::kOnLetter;
    // A dot below sits close under its vowel (2-4 px at 300 dpi on the dev
    // pages' clean copies; tone marks above stand further off).
    if (below >= 0 && below <= r.below) return Place::kOnLetter;
  }
  const bool same_rows = s.y1 >= l.y0 - r.align && s.y0 <= l.y1 + r.align;
  const int beside = std::max(s.x0 - l.x1 - 1, l.x0 - s.x1 - 1);
  // Against the letter; a dash beside it halfway up is long, judged below.
  if (same_rows && beside <= r.align && !halfway) return Place::kOnLetter;
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

DespeckleResult Despeckle(const cv::Mat& grey, double dpi) {
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
  cv::Mat labels, stats;
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
    bool on_baseline = false;
    for (int l : anchors.Near(s.cx(), s.cy())) {
      const Place place = PlaceByLetter(s, boxes[l], reach);
      if (place == Place::kOnLetter) {
        placed[i] = true;
        break;
      }
      on_baseline = on_baseline || place == Place::kOnBaseline;
    }
    if (placed[i] || !on_baseline) continue;
    for (int c : everything.Near(s.cx(), s.cy())) {
      if (c != i && FollowsInk(s, boxes[c], reach)) {
        placed[i] = true;
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
  std::vector<bool> keep = placed;
  for (int i : near) {
    if (placed[i]) continue;
    const Box& s = boxes[i];
    for (int j : marks.Near(s.cx(), s.cy())) {
      if (j == i || is_far[j]) continue;
      const Box& o = boxes[j];
      const bool stacked = placed[j] && s.cx() >= o.x0 - reach.align && s.cx() <= o.x1 + reach.align &&
                           o.y0 > s.y1 && o.y0 - s.y1 - 1 <= reach.stack;
      if (stacked || in_row_of_dots(i, j)) {
        keep[i] = true;
        break;
      }
    }
  }
  for (int i : near) remove[i] = !keep[i];
  // On a speckled page a mark must also be as dark as print.
  if (Speckled(static_cast<int>(far.size()), grey.size(), dpi)) {
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
      const double faintest_print = print + kFaintest * (255 - print);
      for (int i : near) {
        if (keep[i] && DarkestOf(grey, labels, inked, boxes[i], i) > faintest_print) {
          keep[i] = false;
          remove[i] = true;
        }
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
  result.page = grey.clone();
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
