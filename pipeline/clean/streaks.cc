// Streaks: a photocopier's drum or a scanner's dirty glass draws thin lines
// down the whole page, dark or a pale grey that OCR still reads as "|" or as
// letters. They cut through letters and split text lines in two for OCR. No
// letter stroke runs a fifth of a page high, so long vertical runs of
// pixels darker than the paper are streaks. Under a streak, what is clearly
// darker than the streak itself is print it crossed and stays; the rest is
// filled from around the band, so strokes it hid run on through it.
#include <algorithm>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "clean/steps.h"

namespace sohoa::clean {

namespace {

// Keeps of `ink` (255 on 0) only its vertical runs at least `min_run`
// pixels long, in one pass down the page (a per-column run counter; far
// cheaper than a morphological opening with a kernel a fifth of a page
// tall). In place: a run is cleared once it has ended, in rows already
// read, so no second page-sized mask is made. `has_run[x]` says whether
// column x holds one.
void KeepLongVerticalRuns(cv::Mat& ink, int min_run, std::vector<bool>& has_run) {
  std::vector<int> length(ink.cols, 0);
  has_run.assign(ink.cols, false);
  auto close_run = [&](int x, int end_row) {
    if (length[x] >= min_run) {
      has_run[x] = true;
    } else {
      for (int y = end_row - length[x]; y < end_row; ++y) ink.at<uint8_t>(y, x) = 0;
    }
    length[x] = 0;
  };
  auto step = [&](const uint8_t* row, int x, int y) {
    if (row[x]) {
      ++length[x];
    } else if (length[x] > 0) {
      close_run(x, y);
    }
  };
  for (int y = 0; y < ink.rows; ++y) {
    const uint8_t* row = ink.ptr<uint8_t>(y);
    int x = 0;
#if CV_SIMD128
    // 16 columns of paper with no run open change nothing (most of a page).
    for (; x + 16 <= ink.cols; x += 16) {
      const int* open = length.data() + x;
      const cv::v_int32x4 any_open = cv::v_load(open) | cv::v_load(open + 4) | cv::v_load(open + 8) |
                                     cv::v_load(open + 12);
      if (SixteenUnset(row + x) && !cv::v_check_any(any_open != cv::v_setzero_s32())) continue;
      for (int i = x; i < x + 16; ++i) step(row, i, y);
    }
#endif
    for (; x < ink.cols; ++x) step(row, x, y);
  }
  for (int x = 0; x < ink.cols; ++x) close_run(x, ink.rows);
}

// A copier streak is often far paler than print (a grey band OCR still
// reads as "|" or as letters), so a streak is looked for among all pixels
// clearly darker than the paper, not only among those dark enough for ink:
// this far below the paper's own grey (its median, since paper covers most
// of a page). No run of paper grain or noise is a fifth of a page long.
constexpr double kStreakBelowPaper = 0.15;

// Under a streak, a pixel at least this much darker than the streak's own
// grey (or a quarter of it, for a pale streak) is print the streak crossed.
constexpr int kPrintUnderStreak = 25;

// What a streak hid is filled looking this far (px) beside the band for the
// strokes that cross it.
constexpr int kFillMargin = 8;

double FaintestStreak(const cv::Mat& grey) {
  int counts[256] = {0};
  for (int y = 0; y < grey.rows; y += 4) {
    const uint8_t* row = grey.ptr<uint8_t>(y);
    for (int x = 0; x < grey.cols; x += 4) ++counts[row[x]];
  }
  const int total = ((grey.rows + 3) / 4) * ((grey.cols + 3) / 4);
  int level = 0;
  for (int seen = 0; level < 255 && (seen += counts[level]) * 2 < total;) ++level;
  return level * (1 - kStreakBelowPaper);
}

// Each streak in `strip` (columns that hold streak pixels) becomes paper in
// `out`, the pixels it hid marked in `hidden` to be filled. A streak has a
// profile across it (a dark core, soft edges), so its own grey is taken at
// each place across it: the median, down the streak, of the pixels that many
// columns from its left edge (most of a streak runs over paper). Print that it crosses is darker still and stays. One grey for the
// whole width would leave the core, darker than the median of core and
// edges, as a broken line that OCR reads as "1", "|" or ":".
void RemoveStreaksIn(const cv::Mat& grey, const cv::Mat& mask, const cv::Rect& strip, cv::Mat& out, cv::Mat& hidden) {
  constexpr int kMaxWidth = 32;  // places across a streak with a grey of their own
  cv::Mat labels, stats;
  const int n = LabelComponents(mask(strip), labels, stats, 8);
  // counts[(label * kMaxWidth + place) * 256 + level]
  std::vector<int> counts(static_cast<size_t>(n) * kMaxWidth * 256, 0);
  auto for_each_run = [&](auto&& visit) {
    for (int y = 0; y < strip.height; ++y) {
      const uint8_t* m = mask.ptr<uint8_t>(y + strip.y);
      const int* lab = labels.ptr<int>(y);
      for (int x = strip.x; x < strip.x + strip.width;) {
        if (!m[x]) {
          ++x;
          continue;
        }
        int end = x;
        while (end < out.cols && m[end]) ++end;
        visit(y + strip.y, x, end, lab[x - strip.x]);
        x = end;
      }
    }
  };
  for_each_run([&](int y, int x, int end, int label) {
    const uint8_t* px = grey.ptr<uint8_t>(y);
    for (int i = x; i < end; ++i) {
      ++counts[(static_cast<size_t>(label) * kMaxWidth + std::min(i - x, kMaxWidth - 1)) * 256 + px[i]];
    }
  });
  std::vector<int> print_below(static_cast<size_t>(n) * kMaxWidth, 0);
  for (size_t k = kMaxWidth; k < print_below.size(); ++k) {
    const int* c = &counts[k * 256];
    int total = 0;
    for (int v = 0; v < 256; ++v) total += c[v];
    if (total == 0) continue;
    int level = 0;
    for (int seen = c[0]; level < 255 && seen * 2 <= total;) seen += c[++level];
    print_below[k] = level - std::max(kPrintUnderStreak, level / 4);
  }
  for_each_run([&](int y, int x, int end, int label) {
    const uint8_t* src = grey.ptr<uint8_t>(y);
    uint8_t* px = out.ptr<uint8_t>(y);
    uint8_t* h = hidden.ptr<uint8_t>(y);
    // The rest is paper: the lighter side of the band (a letter may stand
    // on one side; blending with it would smear its edge across).
    const uint8_t paper = std::max(x > 0 ? src[x - 1] : uint8_t{255}, end < out.cols ? src[end] : uint8_t{255});
    const int* below = &print_below[static_cast<size_t>(label) * kMaxWidth];
    for (int i = x; i < end; ++i) {
      if (src[i] >= below[std::min(i - x, kMaxWidth - 1)]) {
        px[i] = paper;
        h[i] = 255;
      }
    }
  });
}

// Maximal ranges of neighbouring columns whose flag is set.
std::vector<cv::Range> Strips(const std::vector<bool>& column_holds) {
  std::vector<cv::Range> strips;
  const int cols = static_cast<int>(column_holds.size());
  for (int x0 = 0; x0 < cols; ++x0) {
    if (!column_holds[x0]) continue;
    int x1 = x0;
    while (x1 + 1 < cols && column_holds[x1 + 1]) ++x1;
    strips.emplace_back(x0, x1 + 1);
    x0 = x1;
  }
  return strips;
}

struct Streaks {
  cv::Mat mask;                    // 255 on the streaks and their soft edges
  std::vector<cv::Range> strips;   // the columns that hold them
  double faintest = 0;             // pixels darker than this are not paper
};

// Print a streak crossed runs on beyond its band. What is kept under a
// streak but touches nothing dark beside it is a darker patch of the streak
// or a speck on it; filled from around, it would grow into a blob that OCR
// reads as a letter or a stop ("ra.."). It is hidden too, to be filled as
// paper. `band`, `hidden` and `grey` cover the same part of the page.
void HideLoneRemnants(const cv::Mat& grey, const cv::Mat& band, double faintest, cv::Mat& hidden) {
  const cv::Mat kept = (band & ~hidden) | (~band & (grey < faintest));
  hidden |= kept & ~ComponentsHolding(kept, kept & ~band);
}

Streaks FindStreaks(const cv::Mat& grey, int page_rows) {
  Streaks found{cv::Mat::zeros(grey.size(), CV_8U), {}, FaintestStreak(grey)};
  cv::Mat& mask = found.mask;
  // Lengths are the page's, also when `grey` is only a part of it.
  if (page_rows <= 0) page_rows = grey.rows;
  const int fifth = page_rows / 5;
  // Longer than any letter (a bracket at 300 dpi is about 80 px).
  const int run = std::max(60, page_rows / 16);
  if (grey.rows < 2 * run) return found;
  // Only the inked part of the page is searched (a closing page is mostly
  // paper); labels and runs below are in its coordinates.
  const cv::Mat ink = grey < found.faintest;
  const cv::Rect inked = InkBounds(ink, 0);
  if (inked.height < fifth) return found;
  std::vector<bool> has_run;
  cv::Mat long_runs = ink(inked);  // the ink is not needed again
  KeepLongVerticalRuns(long_runs, run, has_run);
  std::vector<bool> holds_streak(mask.cols, false);
  // A component of runs lies within one strip of neighbouring columns that
  // hold runs: each strip is labelled alone (a streak is a few columns wide;
  // labelling the whole page would cost more than the search).
  for (const cv::Range& columns : Strips(has_run)) {
    const cv::Rect strip(columns.start, 0, columns.size(), long_runs.rows);
    cv::Mat labels, stats;
    const int n = LabelComponents(long_runs(strip), labels, stats, 8);
    std::vector<uint8_t> streak(n, 0);
    bool any = false;
    for (int i = 1; i < n; ++i) {
      const int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
      if (h >= fifth && w * 8 <= h) streak[i] = 255;
      any = any || streak[i];
    }
    if (!any) continue;
    // The soft edge of the line is a pixel or two either side.
    for (int y = 0; y < labels.rows; ++y) {
      const int* lab = labels.ptr<int>(y);
      uint8_t* m = mask.ptr<uint8_t>(y + inked.y);
      for (int x = 0; x < labels.cols; ++x) {
        if (!streak[lab[x]]) continue;
        const int at = inked.x + strip.x + x;
        for (int k = std::max(0, at - 2); k <= std::min(mask.cols - 1, at + 2); ++k) {
          m[k] = 255;
          holds_streak[k] = true;
        }
      }
    }
  }
  found.strips = Strips(holds_streak);
  return found;
}

}  // namespace

cv::Mat StreakMask(const cv::Mat& grey, int page_rows) { return FindStreaks(grey, page_rows).mask; }

cv::Mat RemoveStreaks(const cv::Mat& grey, int page_rows) {
  const Streaks streaks = FindStreaks(grey, page_rows);
  if (streaks.strips.empty()) return grey;
  cv::Mat out = grey.clone();
  // What a streak hid is filled from around it (OpenCV's inpainting, Telea's
  // method): a stroke that crossed the band ("N", "t", the bowl of "o" or
  // "9") runs on through it, paper stays paper. Painted over with the paper
  // alone, a crossed letter came apart: "UBND" read "UBIND", "trên" "-rên",
  // "thảo" "thả:".
  cv::Mat hidden = cv::Mat::zeros(grey.size(), CV_8U);
  for (const cv::Range& columns : streaks.strips) {
    RemoveStreaksIn(grey, streaks.mask, cv::Rect(columns.start, 0, columns.size(), grey.rows), out, hidden);
    const cv::Rect roi = cv::Rect(columns.start - kFillMargin, 0, columns.size() + 2 * kFillMargin, grey.rows) &
                         cv::Rect(0, 0, grey.cols, grey.rows);
    cv::Mat hidden_here = hidden(roi);
    HideLoneRemnants(grey(roi), streaks.mask(roi), streaks.faintest, hidden_here);
    cv::Mat out_here = out(roi);
    FillFromAround(out_here, hidden_here);
  }
  return out;
}

}  // namespace sohoa::clean
