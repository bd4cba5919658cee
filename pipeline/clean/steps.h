// Private to the clean stage: the cleaning steps as pure functions on cv::Mat.
// Included only by clean's own .cc files and its tests; never by clean.h.
// Every step takes its input by const reference and never writes into it; it
// returns a new image, or the input itself when it changes nothing (a copy
// of a page costs its faults in fresh memory, several ms at 300 dpi).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/core/hal/intrin.hpp>

#include "core/image.h"
#include "core/orientation.h"

namespace sohoa::clean {

// grey.cc -------------------------------------------------------------------
// 8-bit single-channel copy of a grey, BGR or BGRA page.
cv::Mat ToGrey(const cv::Mat& page);
// The page itself when it is grey (shared, to be read only), otherwise its
// grey copy: for work that only reads the grey page.
cv::Mat GreyOf(const cv::Mat& page);

// orientation.cc ------------------------------------------------------------
// The turns below write into `out` when it already has the turned page's
// size and type (a buffer the caller keeps, see PageBuffer), otherwise into
// a new one, and return it.
//
// Rotates clockwise by 0/90/180/270 degrees (other values are rounded down to
// a multiple of 90).
cv::Mat RotateQuarterTurns(const cv::Mat& page, int rotate_cw_deg, cv::Mat out = cv::Mat());
// How much of the page's ink smears into long thin strips along rows and
// along columns: text lines make strips only along their own direction.
struct LineDirection {
  double horizontal_area = 0;
  double vertical_area = 0;
  int horizontal_strips = 0;
  int vertical_strips = 0;
  bool horizontal() const { return horizontal_area >= vertical_area; }
  // Many strips one way and few the other: a page of text lines, not a
  // word or two, a picture or a table whose rules run both ways.
  bool clear() const;
};
// The ink of a page reduced to the size its orientation is judged at (1800
// px on the longest side): what the two measures below look at. Given to
// them when already made for the same page, it is not made again.
cv::Mat WorkingInk(const cv::Mat& grey);
LineDirection MeasureLineDirection(const cv::Mat& grey, const cv::Mat& working_ink = cv::Mat());
// True when the page's text lines run horizontally.
bool TextLinesHorizontal(const cv::Mat& grey);
// For a page whose lines are level: the ink of its lines above their
// x-height band (ascenders, capitals, tone marks) and below it (descenders,
// dots below), summed over the lines found.
struct UprightEvidence {
  int lines = 0;
  double above = 0;
  double below = 0;
  double ink = 0;  // all the ink of those lines
  std::vector<cv::Range> line_rows;  // each line's rows, top to bottom, in the page's rows
  // Median over the lines of the share of a line's inked columns that its
  // fullest row covers: high where letters hang from a headline (Devanagari).
  double headline = 0;
};
UprightEvidence MeasureUpright(const cv::Mat& grey, const cv::Mat& working_ink = cv::Mat());
// The evidence says which way up beyond doubt: enough lines, and far more
// ink on one side of their x-height band than on the other.
bool UprightClear(const UprightEvidence& e);
// For a page whose lines are horizontal: true when it looks upside down
// (more ink hangs below the x-height band of the lines than rises above it;
// ascenders and Vietnamese tone marks rise above).
bool UpsideDown(const UprightEvidence& e);
bool LooksUpsideDown(const cv::Mat& grey);
// Orientation from the page's geometry alone: 0/90/180/270 clockwise.
int GeometricOrientation(const cv::Mat& grey);

// page_orientation.cc -------------------------------------------------------
struct OrientationChoice {
  int rotate_cw_deg = 0;        // quarter turn to apply now
  bool check_upside = false;    // lines made level: test 0 vs 180 after deskew
  bool detector_failed = false; // asked and it failed: do not ask again
  cv::Mat working_ink;          // WorkingInk of the page judged
};
// The first look, before deskew. When the text lines clearly run one way
// (or there is no detector), geometry turns them level and leaves up or
// down for `ChooseUpside`. Otherwise asks `detector` (Tesseract OSD); when
// it is unsure, compares its reading confidence on a strip of the two
// orientations the lines allow; when it fails, geometry again.
OrientationChoice ChooseOrientation(const cv::Mat& grey, OrientationDetector* detector);
// For a page whose lines are level and deskewed: the further clockwise turn
// (0 or 180, or a quarter turn when the detector sees the lines run the
// other way) that sets it upright. Geometry when it clearly says upright or
// there is no detector; otherwise (unclear, or it would turn the page over)
// the detector as in `ChooseOrientation`.
// `working_ink`, when given, is WorkingInk(level_grey) (ChooseOrientation's,
// when the page has not been turned since).
int ChooseUpside(const cv::Mat& level_grey, OrientationDetector* detector,
                 const cv::Mat& working_ink = cv::Mat());

// image_convert.cc ----------------------------------------------------------
// Between the stage-boundary Image and cv::Mat (1 or 3 channels). ToMat
// shows the image's own pixels (a BGRA image is converted): read them only.
// ToImage copies.
cv::Mat ToMat(const Image& image);
Image ToImage(const cv::Mat& mat, double dpi = 0);
// Sizes `owner` for an 8-bit page of `size` and `type` (1 or 3 channels) and
// shows its pixels: what a step writes there is an Image with no copy made.
// The pixels are unset (or hold what `owner` held) until written.
cv::Mat PageBuffer(Image& owner, cv::Size size, int type);
// A grey page of size `page`, paper white, with `part` laid at `at` (what
// falls outside the page is cut off).
Image PageAround(const cv::Mat& part, cv::Rect at, cv::Size page, double dpi);

// deskew.cc -----------------------------------------------------------------
// Skew of the text lines in degrees, counter-clockwise positive (the page was
// turned this much anticlockwise); searched within +-max_deg. 0 on blank pages.
double EstimateSkew(const cv::Mat& grey, double max_deg = 15);
// Rotates by `deg` counter-clockwise about the centre, enlarging the canvas so
// no corner is lost; new area is filled white.
cv::Mat RotateBy(const cv::Mat& page, double deg, cv::Mat out = cv::Mat());
// As RotateBy by up to kShearTurnMaxDeg, onto the same canvas, in two
// shears: rows moved sideways, then columns up or down, each a pass of
// linear interpolation, made band by band, at half the cost of one general
// warp or less. The turn is the rotation up to a stretch of one axis by
// 1 - cos(deg) (0.015%, half a pixel across an A4 page at 300 dpi): for the
// record and the analysis copy, kept or measured, not for a copy OCR reads.
constexpr double kShearTurnMaxDeg = 1.0;
cv::Mat RotateByShears(const cv::Mat& page, double deg, cv::Mat out = cv::Mat());

// page_transform.cc ---------------------------------------------------------
// A turn of a page as an affine map (x, y) -> m * (x, y, 1) and the size of
// the page it gives: what RotateQuarterTurns and RotateBy do, as values that
// compose, so a page's turns can be applied at once, and to a part of it.
struct PageTransform {
  cv::Matx23d m;
  cv::Size size;  // of the turned page
  static PageTransform Identity(cv::Size size);
  // As RotateQuarterTurns on a page of `size`.
  static PageTransform QuarterTurn(cv::Size size, int rotate_cw_deg);
  // As RotateBy on a page of `size`: `deg` anticlockwise, the canvas grown.
  static PageTransform Rotation(cv::Size size, double deg);
  // This turn, then `next` (which applies to the page this one gives).
  PageTransform Then(const PageTransform& next) const;
  bool identity() const;
};
// The part `part` (in the turned page's pixels) of `page` turned by `t`:
// the same pixels as warping the whole page by `t` and cutting out `part`,
// at the cost of the part's rows; paper white where the turned page has no pixels.
// A view of `page` when `t` is the identity.
cv::Mat WarpPart(const cv::Mat& page, const PageTransform& t, cv::Rect part);

// borders.cc ----------------------------------------------------------------
// Paints white the dark scanner borders and gutter shadow bands that touch
// the page edges (book scans), leaving text alone.
cv::Mat RemoveBorders(const cv::Mat& grey);

// background.cc -------------------------------------------------------------
// The brightness the paper has at each pixel (letters closed over), >= 1;
// per channel for a colour page.
cv::Mat PaperBrightness(const cv::Mat& grey);
// Divides the page by its estimated paper brightness, so uneven light and
// yellowed or grey paper become white while ink keeps its darkness (each
// channel by its own, for a colour page).
cv::Mat FlattenBackground(const cv::Mat& grey);

// stamps.cc -----------------------------------------------------------------
// Each channel divided by its own paper brightness: yellowed or tinted paper
// turns neutral white, so ink keeps its hue and the blend of blue ink with
// yellow paper stays blue instead of turning grey.
cv::Mat WhiteBalanced(const cv::Mat& bgr);
// The mean of each 4x4 block of a BGR page (a block cut by the page's edge:
// of the pixels it holds), rounded: INTER_AREA at a quarter, at a third of
// its cost.
cv::Mat QuarterMeans(const cv::Mat& bgr);
// Mask (255) of pixels inked in saturated red or blue (seals, received stamps).
cv::Mat ColouredInkMask(const cv::Mat& bgr);
// Where a colour page carries coloured ink, from one look at a reduced copy.
struct StampSurvey {
  double ink_share = 0;           // share of the page in clearly coloured ink
  bool stamped = false;           // enough of it to be a stamp
  std::vector<cv::Rect> regions;  // parts of the full page holding it (when stamped)
};
StampSurvey SurveyStamps(const cv::Mat& bgr);
// Grey page in which red/blue ink reads as paper while black ink (also black
// text printed under a stamp) keeps its darkness. `bgr` is the colour page;
// only `regions` (from SurveyStamps) are worked on.
cv::Mat SuppressStamps(const cv::Mat& bgr, const cv::Mat& grey, const std::vector<cv::Rect>& regions);
// Same, surveying the page itself (any coloured ink at all is suppressed).
cv::Mat SuppressStamps(const cv::Mat& bgr, const cv::Mat& grey);
// SuppressStamps(bgr, grey, regions) written into `grey` itself, which must be
// the caller's own: no page-sized copy (8.7 MB at 300 dpi, in fresh memory
// as often as not). Returns TextRemovedFraction of the page before and after.
double SuppressStampsInPlace(const cv::Mat& bgr, cv::Mat& grey, const std::vector<cv::Rect>& regions);

// workspace.cc --------------------------------------------------------------
// Memory a worker's steps keep from page to page. Memory fresh from the
// system costs a page fault per 4 KB written, and glibc gives blocks above
// 32 MB back to the system when they are freed: a page's 32-bit component
// labels (35 MB at 300 dpi A4) came fresh for every page.
class Workspace {
 public:
  // A `size` CV_32S image in memory kept from the last call (grown when
  // too small); its pixels are unset. Valid until the next call.
  cv::Mat Labels(cv::Size size);

 private:
  std::unique_ptr<int[]> labels_;
  size_t labels_capacity_ = 0;
};

// despeckle.cc --------------------------------------------------------------
struct DespeckleResult {
  cv::Mat page;
  int specks_removed = 0;
  int isolated_removed = 0;  // of them, specks far from any letter
  int dark_components = 0;
};
// Removes isolated dark specks far from text. Small marks near letters (tone
// marks, the dot below in "ạ", "ệ", "ộ", full stops) are kept.
// `page` is the size of the whole page when `grey` is a part of it (how
// many specks make a page speckled is counted per square inch of the page).
// `workspace` (may be null) lends the memory for the component labels.
DespeckleResult Despeckle(const cv::Mat& grey, double dpi, cv::Size page = {},
                          Workspace* workspace = nullptr);

// streaks.cc ----------------------------------------------------------------
// Mask (255) of thin dark lines running down a fifth of the page or more
// (photocopier and scanner streaks, long vertical rules).
// `page_rows` is the height of the whole page when `grey` is a part of it.
cv::Mat StreakMask(const cv::Mat& grey, int page_rows = 0);
// Fills streak pixels from the pixels either side of the line, so letters
// the streak crossed keep their horizontal strokes.
cv::Mat RemoveStreaks(const cv::Mat& grey, int page_rows = 0);

// resolution.cc -------------------------------------------------------------
// Median distance between neighbouring text lines in pixels; 0 when too few
// lines are found.
// When `grey` is a part of a page of size `page`, its corner `at`, the
// middle of the page is read, where `grey` holds it (the rest is paper).
double TextLinePitch(const cv::Mat& grey, cv::Point at = {}, cv::Size page = {});
// Resolution implied by the line pitch of 13-14 pt body text; 0 when unknown.
double EstimateDpi(const cv::Mat& grey, cv::Point at = {}, cv::Size page = {});
// Resamples by `scale` (cubic when enlarging, area when shrinking).
cv::Mat Rescale(const cv::Mat& page, double scale);

// binarize.cc ---------------------------------------------------------------
cv::Mat BinarizeOtsu(const cv::Mat& grey);
// Sauvola's local threshold; `window` in pixels (odd), k usually 0.2-0.35.
cv::Mat BinarizeSauvola(const cv::Mat& grey, int window, double k = 0.25);

// quality.cc ----------------------------------------------------------------
double BlurScore(const cv::Mat& grey);       // variance of the Laplacian
double ContrastScore(const cv::Mat& grey);   // (paper - ink) / 255, 0..1
// Share of the page's black ink (dark and without colour in `bgr`) that is
// light in `after`: printed text lost with the stamps. 0 when there is none.
double TextRemovedFraction(const cv::Mat& bgr, const cv::Mat& before, const cv::Mat& after);
// The counts behind it: pixels of black ink in `before`, and of them those
// light in `after`.
struct TextLoss {
  size_t black = 0;
  size_t lost = 0;
};
TextLoss CountTextLoss(const cv::Mat& bgr, const cv::Mat& before, const cv::Mat& after);

// Shared helper: dark ink as 255 on 0, Otsu threshold on a grey page.
cv::Mat InkMask(const cv::Mat& grey);
// The box of the ink in `ink` (an InkMask), grown by `margin` on every side
// and kept inside the page; empty when there is no ink. A closing page is
// mostly paper: steps that need only the ink work on this part.
cv::Rect InkBounds(const cv::Mat& ink, int margin);
// Calls `visit(x)` for each set pixel of a mask row of `width` pixels, left
// to right. Most of a page is paper: 16 pixels are looked at at once and
// passed over when none is set.
#if CV_SIMD128
// True when none of the 16 mask pixels from `p` on is set.
inline bool SixteenUnset(const uint8_t* p) {
  return !cv::v_check_any(cv::v_load(p) != cv::v_setzero_u8());
}
#endif
template <typename Visit>
inline void ForEachInked(const uint8_t* row, int width, const Visit& visit) {
  int x = 0;
#if CV_SIMD128
  for (; x + 16 <= width; x += 16) {
    if (SixteenUnset(row + x)) continue;
    for (int i = x; i < x + 16; ++i) {
      if (row[i]) visit(i);
    }
  }
#endif
  for (; x < width; ++x) {
    if (row[x]) visit(x);
  }
}

// inked_part.cc -------------------------------------------------------------
// The part of a page of size `page` that the steps after deskew clean, from
// its reduced, flattened, upright and level copy `analysis`: everything
// darker than the paper, with a margin wider than those steps read around
// it; the whole page when there is no ink. Outside it the page is paper.
cv::Rect PartToClean(const cv::Mat& analysis, cv::Size page);

// fill.cc --------------------------------------------------------------------
// Fills the pixels of `image` (a view: written in place) set in `hidden`
// from those around them, within kFillRadius (OpenCV's inpainting, Telea's
// method): a stroke that runs into the hidden part runs on through it, paper
// stays paper. For what a streak or a copier's speck hid.
constexpr int kFillRadius = 3;
void FillFromAround(cv::Mat& image, const cv::Mat& hidden);

// components.cc --------------------------------------------------------------
// cv::connectedComponentsWithStats without the centroids, at a fraction of
// its cost: labels (CV_32S) and per-label stats (CC_STAT_LEFT..AREA); returns
// the number of labels, the background's (label 0, boxed as the whole
// image) included. A `labels` already the mask's size and CV_32S is written
// in place (its memory may be a Workspace's).
int LabelComponents(const cv::Mat& mask, cv::Mat& labels, cv::Mat& stats, int connectivity);
// The 8-connected components of `mask` that hold a pixel of `seed`, as 255 on
// 0 (a stamp's clearly coloured ink grown into its paler strokes; what stays
// under a streak and reaches ink beside it).
cv::Mat ComponentsHolding(const cv::Mat& mask, const cv::Mat& seed);

}  // namespace sohoa::clean
