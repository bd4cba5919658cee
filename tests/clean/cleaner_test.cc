// The Cleaner as other stages see it: Image in, CleanedPage out, with an
// injected orientation detector.
#include <algorithm>
#include <filesystem>
#include <optional>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "clean/clean.h"
#include "clean/steps.h"
#include "synthetic_page.h"

namespace sohoa::clean {
namespace {

using ::testing::HasSubstr;
using testing::MakeHeadlinePage;
using testing::MakeMarkedLines;
using testing::MakeTextPage;
using testing::SyntheticPage;

// A few lines of text (a closing or signature page): too few for geometry
// to tell up from down. The left end of the band the cleaner reads when
// unsure is marked, so a fake detector can tell an upright strip from an
// upside-down one.
cv::Mat SparsePage(int width = 1200) {
  cv::Mat page = MakeTextPage(width, 520, 21).bgr;
  page(cv::Rect(10, 520 * 32 / 100, 40, 520 * 16 / 100)).setTo(cv::Scalar::all(0));
  return page;
}

// Reliable or not as told; reads "well" only strips whose left edge is inked.
class FakeDetector final : public OrientationDetector {
 public:
  OrientationEstimate estimate;
  // What a detector says of an image at most `band_rows` high, when set: a
  // band of a few lines.
  std::optional<OrientationEstimate> band_estimate;
  int band_rows = 0;
  bool fail_detect = false;
  bool fail_read = false;
  int detects = 0;
  int reads = 0;
  int longest_seen = 0;
  std::vector<int> heights_seen;

  Result<OrientationEstimate> Detect(const Image& grey) override {
    EXPECT_EQ(grey.channels, 1);
    ++detects;
    longest_seen = std::max({longest_seen, grey.width, grey.height});
    heights_seen.push_back(grey.height);
    if (fail_detect) return Status::Unavailable("osd model missing");
    if (band_estimate && grey.height <= band_rows) return *band_estimate;
    return estimate;
  }
  Result<double> ReadingConfidence(const Image& grey) override {
    ++reads;
    if (fail_read) return Status::Unavailable("engine busy");
    cv::Mat mat = ToMat(grey);
    const double left = cv::mean(mat(cv::Rect(0, 0, mat.cols / 20, mat.rows)))[0];
    const double right = cv::mean(mat(cv::Rect(mat.cols * 19 / 20, 0, mat.cols / 20, mat.rows)))[0];
    return left < right ? 85.0 : 30.0;
  }
};

bool SameImage(const Image& a, const cv::Mat& b) {
  const cv::Mat m = ToMat(a);
  return m.size() == b.size() && m.type() == b.type() && cv::countNonZero(ToGrey(m) != ToGrey(b)) == 0;
}

TEST(CleanerTest, EmptyImageIsInvalidArgument) {
  Cleaner cleaner(Options{});
  auto result = cleaner.Clean(Image{});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(result.status().message(), HasSubstr("empty"));
}

TEST(CleanerTest, MismatchedBufferIsInvalidArgument) {
  Image image = Image::Blank(100, 100, 3);
  image.pixels.resize(100);
  auto result = Cleaner(Options{}).Clean(image);
  EXPECT_EQ(result.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(result.status().message(), HasSubstr("does not match"));
}

TEST(CleanerTest, UnknownBinarizationIsInvalidArgument) {
  Options options;
  options.binarization = "niblack";
  auto result = Cleaner(options).Clean(Image::Blank(50, 50, 1));
  EXPECT_EQ(result.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(result.status().message(), HasSubstr("niblack"));
}

TEST(CleanerTest, ClearTextLinesNeedNoDetector) {
  const cv::Mat upright = MakeTextPage(1200, 1600, 4).bgr;
  FakeDetector detector;
  detector.estimate = {180, 9.5, true};  // would be wrong
  // Upright, and turned a quarter back: geometry alone sets it upright.
  for (int turned : {0, 270}) {
    auto result = Cleaner(Options{}, &detector).Clean(ToImage(RotateQuarterTurns(upright, turned)));
    ASSERT_TRUE(result.ok()) << result.status().ToString();
    EXPECT_EQ(result->quality.rotation_deg, (360 - turned) % 360) << turned;
  }
  EXPECT_EQ(detector.detects, 0);
  EXPECT_EQ(detector.reads, 0);
}

// Latin lines that clearly look over are turned without asking OSD, even
// one that would say otherwise.
TEST(CleanerTest, ClearlyOverLatinPageNeedsNoDetector) {
  const cv::Mat over = RotateQuarterTurns(MakeTextPage(1200, 1600, 4).bgr, 180);
  FakeDetector detector;
  detector.estimate = {0, 9.5, true};
  auto result = Cleaner(Options{}, &detector).Clean(ToImage(over));
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->quality.rotation_deg, 180);
  EXPECT_EQ(detector.detects, 0);
  EXPECT_EQ(detector.reads, 0);
}

// A script that hangs from a headline looks over when upright: OSD has the
// last word on turning it.
TEST(CleanerTest, TurningAHeadlineScriptOverIsConfirmedByTheDetector) {
  cv::Mat page;
  cv::cvtColor(MakeHeadlinePage(), page, cv::COLOR_GRAY2BGR);
  FakeDetector agrees;
  agrees.estimate = {180, 9.5, true};
  auto result = Cleaner(Options{}, &agrees).Clean(ToImage(page));
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->quality.rotation_deg, 180);
  EXPECT_EQ(agrees.detects, 1);
  // Shown a band of a few lines, not the page: OSD's cost grows with the
  // letters it is given.
  ASSERT_EQ(agrees.heights_seen.size(), 1u);
  EXPECT_LT(agrees.heights_seen[0], 1600 / 4);
  EXPECT_GT(agrees.heights_seen[0], 1600 / 40);
  FakeDetector disagrees;
  disagrees.estimate = {0, 9.5, true};
  result = Cleaner(Options{}, &disagrees).Clean(ToImage(page));
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->quality.rotation_deg, 0);
  EXPECT_EQ(disagrees.detects, 1);
  // With no detector, geometry turns it.
  result = Cleaner(Options{}).Clean(ToImage(page));
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->quality.rotation_deg, 180);
}

// OSD unsure on the band: the whole page decides.
TEST(CleanerTest, TurningOverAsksTheWholePageWhenTheBandIsUnclear) {
  cv::Mat page;
  cv::cvtColor(MakeHeadlinePage(), page, cv::COLOR_GRAY2BGR);
  for (bool page_says_over : {true, false}) {
    FakeDetector detector;
    detector.band_estimate = OrientationEstimate{0, 0.4, false};
    detector.band_rows = 400;
    detector.estimate = {page_says_over ? 180 : 0, 9.5, true};
    auto result = Cleaner(Options{}, &detector).Clean(ToImage(page));
    ASSERT_TRUE(result.ok()) << result.status().ToString();
    EXPECT_EQ(result->quality.rotation_deg, page_says_over ? 180 : 0);
    ASSERT_EQ(detector.heights_seen.size(), 2u);
    EXPECT_LE(detector.heights_seen[0], 400);
    EXPECT_GT(detector.heights_seen[1], 400);
  }
}

// Six lines: too few to be sure even which way they run.
TEST(CleanerTest, ReliableDetectorDecidesWhenTheLinesAreFew) {
  const cv::Mat upright = SparsePage();
  FakeDetector detector;
  detector.estimate = {270, 9.5, true};
  Options options;
  options.deskew = false;
  auto result = Cleaner(options, &detector).Clean(ToImage(RotateQuarterTurns(upright, 90)));
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->quality.rotation_deg, 270);
  EXPECT_EQ(detector.detects, 1);
  EXPECT_EQ(detector.reads, 0);
  EXPECT_TRUE(SameImage(result->colour, upright));
}

// A closing page: a few lines at the top of a blank sheet. OSD weighs the
// letters, so it is shown only the part that holds them, not the paper.
TEST(CleanerTest, DetectorIsShownOnlyTheInkedPartOfASparsePage) {
  cv::Mat page(1600, 1200, CV_8UC3, cv::Scalar::all(255));
  SparsePage().copyTo(page(cv::Rect(0, 0, 1200, 520)));
  FakeDetector detector;
  detector.estimate = {0, 9.5, true};
  auto result = Cleaner(Options{}, &detector).Clean(ToImage(page));
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->quality.rotation_deg, 0);
  ASSERT_GE(detector.detects, 1);
  for (int height : detector.heights_seen) EXPECT_LT(height, 600);
}

// Wider, the lines are made level by geometry; the detector, shown the reduced
// level page, says which way up.
TEST(CleanerTest, ReliableDetectorSaysWhichWayUpASparsePage) {
  const cv::Mat upright = SparsePage(2480);  // 15 strips of text
  FakeDetector detector;
  detector.estimate = {180, 9.5, true};
  Options options;
  options.deskew = false;
  // Turned a quarter clockwise: geometry turns it level upside down.
  auto result = Cleaner(options, &detector).Clean(ToImage(RotateQuarterTurns(upright, 90)));
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->quality.rotation_deg, 270);
  EXPECT_EQ(detector.detects, 1);
  EXPECT_EQ(detector.reads, 0);
  EXPECT_LT(detector.longest_seen, 2480);
  EXPECT_TRUE(SameImage(result->colour, upright));
}

// Six lines of Latin print whose tone marks stand above the letters are
// upright: no OSD, even one that would say otherwise. Three are too few to
// trust, and OSD is asked.
TEST(CleanerTest, AClosingPageThatLeansUprightNeedsNoDetector) {
  for (int lines : {6, 3}) {
    FakeDetector detector;
    detector.estimate = {0, 9.5, true};
    auto result = Cleaner(Options{}, &detector).Clean(ToImage(MakeMarkedLines(2480, lines)));
    ASSERT_TRUE(result.ok()) << result.status().ToString();
    EXPECT_EQ(result->quality.rotation_deg, 0) << lines;
    EXPECT_EQ(detector.detects, lines >= 5 ? 0 : 1) << lines;
  }
  FakeDetector wrong;
  wrong.estimate = {180, 9.5, true};
  auto result = Cleaner(Options{}, &wrong).Clean(ToImage(MakeMarkedLines(2480, 6)));
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->quality.rotation_deg, 0);
}

// Turned over, a few lines of a script that hangs from a headline lean
// upright too: OSD is still asked.
TEST(CleanerTest, AFewLinesOfAHeadlineScriptStillAskTheDetector) {
  cv::Mat page;
  cv::cvtColor(RotateQuarterTurns(MakeHeadlinePage(1200, 250, 3), 180), page, cv::COLOR_GRAY2BGR);
  FakeDetector detector;
  detector.estimate = {180, 9.5, true};
  auto result = Cleaner(Options{}, &detector).Clean(ToImage(page));
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->quality.rotation_deg, 180);
  EXPECT_GE(detector.detects, 1);
}

TEST(CleanerTest, UnreliableDetectorComparesReadingConfidence) {
  const cv::Mat upright = SparsePage();
  FakeDetector detector;
  detector.estimate = {0, 0.3, false};  // wrong and unsure
  Options options;
  options.deskew = false;
  auto result = Cleaner(options, &detector).Clean(ToImage(RotateQuarterTurns(upright, 180)));
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->quality.rotation_deg, 180);
  EXPECT_EQ(detector.reads, 2);
  EXPECT_TRUE(SameImage(result->colour, upright));
}

TEST(CleanerTest, FailingDetectorLeavesTheSparsePageToGeometry) {
  const cv::Mat upright = SparsePage();
  FakeDetector detector;
  detector.fail_detect = true;
  detector.fail_read = true;
  Options options;
  options.deskew = false;
  auto result = Cleaner(options, &detector).Clean(ToImage(RotateQuarterTurns(upright, 270)));
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(detector.detects, 1);
  // Level again; too few lines to turn it over on geometry alone.
  EXPECT_EQ(result->quality.rotation_deg, 90);
}

// A grey page and its colour twin (the same grey in three channels), each
// cleaned with the default options.
struct CleanedTwins {
  Result<CleanedPage> from_grey, from_colour;
};
CleanedTwins CleanGreyAndColour(const cv::Mat& grey) {
  cv::Mat bgr;
  cv::cvtColor(grey, bgr, cv::COLOR_GRAY2BGR);
  return {Cleaner(Options{}).Clean(ToImage(grey)), Cleaner(Options{}).Clean(ToImage(bgr))};
}

// A colour page's grey copy is turned only where it is cleaned, all its
// turns at once: its OCR copy is the one its grey twin gets by turning the
// whole page step by step, and its colour record is turned whole.
TEST(CleanerTest, ATurnedColourPageReadsAsItsGreyTwin) {
  const cv::Mat upright = ToGrey(MakeTextPage(1400, 1800, 9).bgr);
  const cv::Mat grey = RotateQuarterTurns(RotateBy(upright, 2.2), 180);
  auto [from_grey, from_colour] = CleanGreyAndColour(grey);
  ASSERT_TRUE(from_grey.ok()) << from_grey.status().ToString();
  ASSERT_TRUE(from_colour.ok()) << from_colour.status().ToString();
  EXPECT_EQ(from_colour->quality.rotation_deg, 180);
  EXPECT_NEAR(from_colour->quality.skew_deg, 2.2, 0.1);
  EXPECT_EQ(from_colour->colour.channels, 3);
  cv::Mat diff;
  const cv::Mat record = ToGrey(ToMat(from_colour->colour)), twin = ToMat(from_grey->colour);
  ASSERT_EQ(record.size(), twin.size());
  cv::absdiff(record, twin, diff);
  EXPECT_LT(cv::mean(diff)[0], 0.05);
  const cv::Mat a = ToMat(from_grey->ocr), b = ToMat(from_colour->ocr);
  ASSERT_EQ(a.size(), b.size());
  cv::absdiff(a, b, diff);
  EXPECT_LT(cv::mean(diff)[0], 0.05);
  EXPECT_NEAR(EstimateSkew(b), 0.0, 0.1);
}

// Skewed by a scan's usual fraction of a degree, a colour page's record is
// turned by the cheaper shears, but what is read is not: its OCR copy is
// the one its grey twin gets by the exact rotation.
TEST(CleanerTest, ASlightlySkewedColourPageReadsAsItsGreyTwin) {
  const cv::Mat grey = RotateBy(ToGrey(MakeTextPage(1400, 1800, 9).bgr), 0.6);
  auto [from_grey, from_colour] = CleanGreyAndColour(grey);
  ASSERT_TRUE(from_grey.ok()) << from_grey.status().ToString();
  ASSERT_TRUE(from_colour.ok()) << from_colour.status().ToString();
  ASSERT_NEAR(from_colour->quality.skew_deg, 0.6, 0.1);
  // Both records are turned by shears, and both OCR copies exactly: the
  // same pixels, however their inked parts fall.
  const cv::Mat a = ToMat(from_grey->ocr), b = ToMat(from_colour->ocr);
  ASSERT_EQ(a.size(), b.size());
  EXPECT_EQ(cv::norm(a, b, cv::NORM_INF), 0);
  const cv::Mat record = ToGrey(ToMat(from_colour->colour)), twin = ToMat(from_grey->colour);
  ASSERT_EQ(record.size(), twin.size());
  EXPECT_EQ(cv::norm(record, twin, cv::NORM_INF), 0);
}

// A grey page is its own record, turned by shears when slightly skewed; what
// OCR reads is still the page turned exactly (OCR reads differently pixels
// that differ by a fraction of a grey level).
TEST(CleanerTest, ASlightlySkewedGreyPageIsReadAsTurnedExactly) {
  const cv::Mat grey = RotateBy(ToGrey(MakeTextPage(1400, 1800, 9).bgr), -0.7);
  Options only_deskew;
  only_deskew.orientation = false;
  only_deskew.remove_borders = false;
  only_deskew.flatten_background = false;
  only_deskew.despeckle = false;
  only_deskew.target_dpi = 0;
  auto cleaned = Cleaner(only_deskew).Clean(ToImage(grey));
  ASSERT_TRUE(cleaned.ok()) << cleaned.status().ToString();
  const double skew = cleaned->quality.skew_deg;
  ASSERT_NEAR(skew, -0.7, 0.1);
  const cv::Mat exact = RotateBy(grey, -skew);
  const cv::Mat ocr = ToMat(cleaned->ocr), record = ToMat(cleaned->colour);
  ASSERT_EQ(ocr.size(), exact.size());
  // Outside the inked part the OCR copy is white paper; inside it, the exact
  // turn's pixels.
  cv::Mat differs = ocr != exact & ocr != 255;
  EXPECT_EQ(cv::countNonZero(differs), 0);
  EXPECT_GT(cv::countNonZero(ocr < 128), 10000);
  // The record is the shear turn: within its tolerance, not the same pixels.
  ASSERT_EQ(record.size(), exact.size());
  cv::Mat diff;
  cv::absdiff(record, exact, diff);
  EXPECT_LT(cv::mean(diff)[0], 1.5);
  EXPECT_EQ(cv::norm(record, RotateByShears(grey, -skew), cv::NORM_INF), 0);
}

TEST(CleanerTest, SkewedPageComesOutLevelWithSkewReported) {
  const cv::Mat grey = ToGrey(MakeTextPage(1400, 1800, 9).bgr);
  auto result = Cleaner(Options{}).Clean(ToImage(RotateBy(grey, -2.4)));
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_NEAR(result->quality.skew_deg, -2.4, 0.1);
  EXPECT_EQ(result->quality.rotation_deg, 0);
  EXPECT_NEAR(EstimateSkew(ToMat(result->ocr)), 0.0, 0.1);
  EXPECT_EQ(result->colour.channels, 1);
  EXPECT_EQ(result->ocr.channels, 1);
}

// An A4 page at 300 dpi: orientation and skew are judged on a reduced copy
// (cheap), the pages given back keep the full resolution and come out level.
TEST(CleanerTest, FullSizePageIsJudgedReducedAndComesOutLevelAtFullSize) {
  const cv::Mat grey = ToGrey(MakeTextPage(2480, 3508, 12).bgr);
  const cv::Mat skewed = RotateBy(grey, 1.7);
  auto result = Cleaner(Options{}).Clean(ToImage(skewed));
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_NEAR(result->quality.skew_deg, 1.7, 0.1);
  EXPECT_NEAR(EstimateSkew(ToMat(result->ocr)), 0.0, 0.1);
  EXPECT_GE(result->ocr.width, skewed.cols);
  EXPECT_GE(result->colour.height, skewed.rows);
  EXPECT_EQ(result->quality.scale, 1.0);
}

// A closing page: after deskew only the part that holds ink is cleaned.
// The OCR copy still has the page's size, the text where it was and a
// faint note far below it, and the grey paper around them comes out white.
TEST(CleanerTest, AClosingPageIsCleanedWhereItsInkLiesAndComesOutPageSized) {
  const SyntheticPage block = MakeTextPage(1800, 640, 17);
  const cv::Rect text_at(330, 230, block.bgr.cols, block.bgr.rows);
  cv::Mat white(3508, 2480, CV_8U, cv::Scalar(255));
  ToGrey(block.bgr).copyTo(white(text_at));
  cv::Mat page;
  white.convertTo(page, CV_8U, 235.0 / 255.0);  // grey paper
  const cv::Rect note(1500, 3000, 300, 24);
  page(note).setTo(190);  // pencil: far paler than ink, darker than paper
  CleanReport report;
  auto result = Cleaner(Options{}).Clean(ToImage(page), &report);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  ASSERT_EQ(result->ocr.width, 2480);
  ASSERT_EQ(result->ocr.height, 3508);
  const cv::Mat ocr = ToMat(result->ocr);
  cv::Mat text = cv::Mat::zeros(ocr.size(), CV_8U);
  block.text_mask.copyTo(text(text_at));
  cv::Mat dark = (ocr < 100) & text;
  EXPECT_GT(cv::countNonZero(dark), 0.98 * cv::countNonZero(text));
  EXPECT_LT(cv::mean(ocr(note))[0], 225);
  EXPECT_EQ(cv::countNonZero(ocr(cv::Rect(100, 1800, 1000, 800)) != 255), 0);
  EXPECT_TRUE(std::any_of(report.steps.begin(), report.steps.end(),
                          [](const StepTiming& s) { return s.step == "inked_part"; }));
}

// A page handed over that needs no turn becomes the colour record as it
// is, without a copy; one that is turned gives a new, level record.
TEST(CleanerTest, ATakenPageThatNeedsNoTurnIsHandedBackAsTheColourRecord) {
  Image level = ToImage(MakeTextPage(1600, 2200, 6).bgr);
  const uint8_t* pixels = level.pixels.data();
  auto kept = Cleaner(Options{}).Clean(std::move(level));
  ASSERT_TRUE(kept.ok()) << kept.status().ToString();
  EXPECT_EQ(kept->colour.pixels.data(), pixels) << "skew found: " << kept->quality.skew_deg;
  EXPECT_EQ(kept->colour.channels, 3);

  const Image skewed = ToImage(RotateBy(ToGrey(MakeTextPage(1400, 1800, 9).bgr), -2.4));
  Image handed = skewed;
  auto turned = Cleaner(Options{}).Clean(std::move(handed));
  auto copied = Cleaner(Options{}).Clean(skewed);
  ASSERT_TRUE(turned.ok() && copied.ok());
  EXPECT_NEAR(EstimateSkew(ToMat(turned->colour)), 0.0, 0.1);
  EXPECT_TRUE(SameImage(turned->colour, ToMat(copied->colour)));
  EXPECT_TRUE(SameImage(turned->ocr, ToMat(copied->ocr)));
}

// One cleaner serves a worker page after page: what it keeps from one page
// (its working memory) changes nothing on the next.
TEST(CleanerTest, ACleanerReusedPageAfterPageCleansEachAsAFreshOne) {
  cv::Mat speckled = MakeTextPage(1600, 2000, 3).bgr;
  cv::RNG rng(5);
  for (int k = 0; k < 400; ++k) {
    cv::circle(speckled, {rng.uniform(0, 1600), rng.uniform(0, 2000)}, rng.uniform(1, 3), cv::Scalar::all(30),
               cv::FILLED);
  }
  const std::vector<cv::Mat> pages = {speckled, SparsePage(), MakeTextPage(1200, 1500, 9).bgr, speckled};
  Cleaner reused{Options{}};
  for (size_t i = 0; i < pages.size(); ++i) {
    Cleaner fresh{Options{}};
    auto a = reused.Clean(ToImage(pages[i], 300));
    auto b = fresh.Clean(ToImage(pages[i], 300));
    ASSERT_TRUE(a.ok() && b.ok()) << i;
    EXPECT_TRUE(SameImage(a->ocr, ToMat(b->ocr))) << "page " << i;
    EXPECT_EQ(a->quality.noise, b->quality.noise) << "page " << i;
  }
}

TEST(CleanerTest, LowResolutionPageIsUpscaledTowardsTarget) {
  const cv::Mat page = MakeTextPage(1600, 2200, 5).bgr;
  cv::Mat low;
  cv::resize(page, low, cv::Size(), 0.5, 0.5, cv::INTER_AREA);
  auto result = Cleaner(Options{}).Clean(ToImage(low));
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_NEAR(result->quality.estimated_dpi, 150, 10);
  EXPECT_NEAR(result->quality.scale, 2.0, 0.15);
  EXPECT_NEAR(result->ocr.width, 2 * low.cols, 0.15 * low.cols);
  EXPECT_NEAR(result->colour.width, low.cols, 4);  // the record copy is not resampled
  EXPECT_THAT(result->quality.warning, ::testing::Not(HasSubstr("resolution")));
  EXPECT_EQ(result->ocr.dpi, 300);  // what OCR is told the page's resolution is
}

TEST(CleanerTest, VeryLowResolutionSuggestsRescan) {
  const cv::Mat page = MakeTextPage(1800, 2400, 5).bgr;
  cv::Mat low;
  cv::resize(page, low, cv::Size(), 1.0 / 3, 1.0 / 3, cv::INTER_AREA);
  auto result = Cleaner(Options{}).Clean(ToImage(low));
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->quality.estimated_dpi, 100);
  EXPECT_NEAR(result->quality.scale, 3.0, 0.01);
  EXPECT_TRUE(result->quality.rescan_suggested);
  EXPECT_THAT(result->quality.warning, HasSubstr("resolution too low"));
}

TEST(CleanerTest, CleanPageIsNotResampledAndNeedsNoRescan) {
  auto result = Cleaner(Options{}).Clean(ToImage(MakeTextPage(1600, 2200, 6).bgr));
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->quality.scale, 1.0);
  EXPECT_FALSE(result->quality.rescan_suggested) << result->quality.warning;
  EXPECT_TRUE(result->quality.warning.empty());
  EXPECT_GT(result->quality.contrast, 0.8);
  EXPECT_EQ(result->quality.stamp_fraction, 0.0);
}

TEST(CleanerTest, BlurredFaintPageSuggestsRescan) {
  cv::Mat page = MakeTextPage(1600, 2200, 6).bgr;
  cv::GaussianBlur(page, page, {0, 0}, 3.0);
  page.convertTo(page, CV_8U, 0.3, 170);
  auto result = Cleaner(Options{}).Clean(ToImage(page));
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_TRUE(result->quality.rescan_suggested);
  EXPECT_THAT(result->quality.warning, HasSubstr("blurred"));
  EXPECT_THAT(result->quality.warning, HasSubstr("faint"));
}

TEST(CleanerTest, StampFractionIsMeasured) {
  cv::Mat page = MakeTextPage(1200, 1600, 8).bgr;
  cv::circle(page, {600, 800}, 200, cv::Scalar(40, 40, 220), 20);
  auto result = Cleaner(Options{}).Clean(ToImage(page));
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  const double ring = 3.14159 * (210.0 * 210 - 190.0 * 190) / (1200.0 * 1600);
  EXPECT_NEAR(result->quality.stamp_fraction, ring, ring * 0.3);
  // The record copy keeps the seal; the OCR copy reads it as paper.
  const cv::Mat colour = ToMat(result->colour);
  const cv::Mat ocr = ToMat(result->ocr);
  ASSERT_EQ(colour.size(), ocr.size());
  const cv::Vec3b on_ring = colour.at<cv::Vec3b>(800, 800);
  EXPECT_GT(on_ring[2], 150);
  EXPECT_LT(on_ring[1], 100);
  EXPECT_GT(ocr.at<uint8_t>(800, 800), 240);
}

TEST(CleanerTest, OtsuBinarizationGivesTwoLevels) {
  Options options;
  options.binarization = "otsu";
  auto result = Cleaner(options).Clean(ToImage(MakeTextPage(1000, 1300, 2).bgr));
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  const cv::Mat ocr = ToMat(result->ocr);
  EXPECT_EQ(cv::countNonZero((ocr != 0) & (ocr != 255)), 0);
}

TEST(CleanerTest, DumpDirReceivesOneNumberedPngPerStep) {
  const std::filesystem::path dir =
      std::filesystem::path(::testing::TempDir()) / "clean_dump_test";
  std::filesystem::remove_all(dir);
  Options options;
  options.dump_dir = dir.string();
  options.binarization = "sauvola";
  CleanReport report;
  auto result = Cleaner(options).Clean(ToImage(MakeTextPage(800, 1000, 2).bgr), &report);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_TRUE(std::filesystem::exists(dir / "00_grey.png"));
  EXPECT_TRUE(std::filesystem::exists(dir / "04_deskew.png"));
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    (void)entry;
    ++files;
  }
  EXPECT_EQ(files, static_cast<int>(report.steps.size()));
  EXPECT_EQ(report.steps.back().step, "binarize");
  std::filesystem::remove_all(dir);
}

// The page's quarter turns wait until it is known which way up it is, yet
// each step's image shows the page as that step left it.
TEST(CleanerTest, DumpedStepsShowThePageTurnedAsEachStepLeftIt) {
  const std::filesystem::path dir =
      std::filesystem::path(::testing::TempDir()) / "clean_dump_turns";
  std::filesystem::remove_all(dir);
  const cv::Mat upright = ToGrey(MakeTextPage(1200, 1600, 4).bgr);
  Options options;
  options.dump_dir = dir.string();
  options.deskew = false;  // quarter turns alone: lossless
  // Lines run down the page: turned level, it is over; then it is upright.
  auto result = Cleaner(options).Clean(ToImage(RotateQuarterTurns(upright, 90)));
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  ASSERT_EQ(result->quality.rotation_deg, 270);
  auto dumped = [&dir](const std::string& step) {
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      const std::string name = entry.path().filename().string();
      if (name.size() > 3 && name.substr(3) == step + ".png") {
        return cv::imread(entry.path().string(), cv::IMREAD_GRAYSCALE);
      }
    }
    return cv::Mat();
  };
  const cv::Mat level = dumped("orientation"), turned_over = dumped("upside_down");
  ASSERT_FALSE(level.empty());
  ASSERT_FALSE(turned_over.empty());
  EXPECT_EQ(cv::countNonZero(level != RotateQuarterTurns(upright, 180)), 0);
  EXPECT_EQ(cv::countNonZero(turned_over != upright), 0);
  std::filesystem::remove_all(dir);
}

TEST(CleanerTest, UnwritableDumpDirIsUnavailable) {
  Options options;
  options.dump_dir = "/proc/no_such_place/dump";
  auto result = Cleaner(options).Clean(ToImage(MakeTextPage(600, 800, 2).bgr));
  EXPECT_EQ(result.status().code(), StatusCode::kUnavailable);
}

}  // namespace
}  // namespace sohoa::clean
