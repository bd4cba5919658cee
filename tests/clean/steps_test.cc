// Each cleaning step on a synthetic page degraded in a known way, checked
// with a number: angle error, share of text pixels kept, specks removed.
#include <cmath>
#include <functional>
#include <random>
#include <vector>

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "clean/steps.h"
#include "synthetic_page.h"

namespace sohoa::clean {
namespace {

using testing::MakeHeadlinePage;
using testing::MakeTextPage;
using testing::OverlayInk;
using testing::SyntheticPage;

double ShareBelow(const cv::Mat& grey, const cv::Mat& mask, int level) {
  const int total = cv::countNonZero(mask);
  if (total == 0) return 0;
  return static_cast<double>(cv::countNonZero((grey < level) & mask)) / total;
}

double ShareAbove(const cv::Mat& grey, const cv::Mat& mask, int level) {
  const int total = cv::countNonZero(mask);
  if (total == 0) return 0;
  return static_cast<double>(cv::countNonZero((grey > level) & mask)) / total;
}

class DeskewTest : public ::testing::TestWithParam<double> {};

TEST_P(DeskewTest, FindsAngleWithinATenthOfADegree) {
  const SyntheticPage page = MakeTextPage();
  const cv::Mat grey = ToGrey(page.bgr);
  const double angle = GetParam();
  const cv::Mat skewed = RotateBy(grey, angle);
  EXPECT_NEAR(EstimateSkew(skewed), angle, 0.1);
}

INSTANTIATE_TEST_SUITE_P(Angles, DeskewTest,
                         ::testing::Values(-15.0, -9.35, -2.5, -0.4, 0.0, 0.17, 1.63, 4.8,
                                           11.2, 15.0));

TEST(DeskewTest, CorrectedPageIsLevel) {
  const cv::Mat grey = ToGrey(MakeTextPage().bgr);
  const cv::Mat skewed = RotateBy(grey, 3.3);
  const cv::Mat level = RotateBy(skewed, -EstimateSkew(skewed));
  EXPECT_NEAR(EstimateSkew(level), 0.0, 0.1);
}

// Odd sizes put the page middle between two rows and two columns: a level
// page stays level, a skewed one is found.
TEST(DeskewTest, OddSizedPages) {
  const cv::Mat level = ToGrey(MakeTextPage(1201, 1601).bgr);
  EXPECT_NEAR(EstimateSkew(level), 0.0, 0.005);
  EXPECT_NEAR(EstimateSkew(RotateBy(level, -2.7)), -2.7, 0.1);
}

TEST(DeskewTest, BlankPageHasNoSkew) {
  const cv::Mat blank(800, 600, CV_8U, cv::Scalar(255));
  EXPECT_EQ(EstimateSkew(blank), 0.0);
}

TEST(DeskewTest, RotateByKeepsCornersOnAnEnlargedWhiteCanvas) {
  const cv::Mat grey(400, 300, CV_8U, cv::Scalar(0));
  const cv::Mat turned = RotateBy(grey, 10);
  EXPECT_GT(turned.cols, 300);
  EXPECT_GT(turned.rows, 400);
  EXPECT_EQ(turned.at<uint8_t>(0, 0), 255);
  EXPECT_EQ(turned.at<uint8_t>(turned.rows / 2, turned.cols / 2), 0);
}

// The colour record's fast turn puts every pixel where the exact rotation
// does, to within half a pixel, on the same canvas.
TEST(DeskewTest, TurningByShearsMatchesTheRotation) {
  const cv::Mat page = MakeTextPage(1400, 1800, 5).bgr;
  for (double deg : {0.9, -0.4, 0.07}) {
    const cv::Mat exact = RotateBy(page, deg);
    const cv::Mat sheared = RotateByShears(page, deg);
    ASSERT_EQ(sheared.size(), exact.size()) << deg;
    ASSERT_EQ(sheared.type(), exact.type()) << deg;
    cv::Mat diff;
    cv::absdiff(sheared, exact, diff);
    EXPECT_LT(cv::mean(diff)[0], 1.5) << deg;
    // A dot lands where the rotation puts it.
    cv::Mat dot(page.size(), CV_8U, cv::Scalar(255));
    cv::circle(dot, {1200, 1500}, 6, cv::Scalar(0), cv::FILLED);
    const cv::Moments exact_dot = cv::moments(255 - RotateBy(dot, deg));
    const cv::Moments sheared_dot = cv::moments(255 - RotateByShears(dot, deg));
    EXPECT_NEAR(sheared_dot.m10 / sheared_dot.m00, exact_dot.m10 / exact_dot.m00, 0.5) << deg;
    EXPECT_NEAR(sheared_dot.m01 / sheared_dot.m00, exact_dot.m01 / exact_dot.m00, 0.5) << deg;
    // The grown canvas around the page is paper.
    EXPECT_EQ(sheared.at<cv::Vec3b>(0, 0), cv::Vec3b(255, 255, 255)) << deg;
  }
}

// A turn made into an Image's buffer is that Image, with the pixels of the
// turn made anew: the colour record is handed back without a copy.
TEST(DeskewTest, TurnsWriteIntoTheBufferGiven) {
  const cv::Mat page = MakeTextPage(700, 900, 5).bgr;
  const PageTransform level = PageTransform::Rotation(page.size(), 0.6);
  const PageTransform steep = PageTransform::Rotation(page.size(), 4);
  const PageTransform quarter = PageTransform::QuarterTurn(page.size(), 90);
  struct Case {
    const char* name;
    cv::Size size;
    std::function<cv::Mat(cv::Mat)> turn;
  };
  const std::vector<Case> cases = {
      {"shears", level.size, [&](cv::Mat out) { return RotateByShears(page, 0.6, out); }},
      {"rotation", steep.size, [&](cv::Mat out) { return RotateBy(page, 4, out); }},
      {"quarter", quarter.size, [&](cv::Mat out) { return RotateQuarterTurns(page, 90, out); }},
      {"none", page.size(), [&](cv::Mat out) { return RotateQuarterTurns(page, 0, out); }},
  };
  for (const Case& c : cases) {
    // A buffer that held something else: none of it may show through.
    Image record;
    record.pixels.assign(static_cast<size_t>(c.size.area()) * 3, 7);
    const cv::Mat turned = c.turn(PageBuffer(record, c.size, page.type()));
    EXPECT_EQ(turned.data, record.pixels.data()) << c.name;
    EXPECT_EQ(cv::Size(record.width, record.height), c.size) << c.name;
    EXPECT_EQ(record.channels, 3) << c.name;
    EXPECT_EQ(cv::norm(ToMat(record), c.turn(cv::Mat()), cv::NORM_INF), 0) << c.name;
  }
}

// The cleaned part on white paper, whatever the buffer held before and
// wherever the part lies, across the page's edges too.
TEST(PageAroundTest, LaysThePartOnWhitePaper) {
  const cv::Mat part = ToGrey(MakeTextPage(300, 200, 7).bgr);
  const cv::Size page(400, 500);
  for (const cv::Rect at : {cv::Rect(50, 60, 300, 200), cv::Rect(-40, -30, 300, 200),
                            cv::Rect(200, 400, 300, 200), cv::Rect(500, 600, 300, 200)}) {
    cv::Mat expected(page, CV_8U, cv::Scalar(255));
    const cv::Rect placed = at & cv::Rect({0, 0}, page);
    if (placed.area() > 0) part(cv::Rect(placed.tl() - at.tl(), placed.size())).copyTo(expected(placed));
    const Image laid = PageAround(part, at, page, 300);
    EXPECT_EQ(cv::Size(laid.width, laid.height), page);
    EXPECT_EQ(laid.dpi, 300);
    EXPECT_EQ(cv::norm(ToMat(laid), expected, cv::NORM_INF), 0) << at;
  }
}

class GeometricOrientationTest : public ::testing::TestWithParam<int> {};

TEST_P(GeometricOrientationTest, UndoesAQuarterTurn) {
  const cv::Mat grey = ToGrey(MakeTextPage(1200, 1600, 3).bgr);
  const int turned_cw = GetParam();
  const cv::Mat turned = RotateQuarterTurns(grey, turned_cw);
  EXPECT_EQ(GeometricOrientation(turned), (360 - turned_cw) % 360);
}

INSTANTIATE_TEST_SUITE_P(QuarterTurns, GeometricOrientationTest,
                         ::testing::Values(0, 90, 180, 270));

// A page of text lines leaves geometry no doubt (OSD need not be asked);
// six lines, or a page of capitals (no ascenders or descenders), do.
TEST(OrientationTest, GeometryIsClearOnAFullPageOnly) {
  const cv::Mat full = ToGrey(MakeTextPage(1200, 1600, 3).bgr);
  for (int turn : {0, 90}) {
    const LineDirection d = MeasureLineDirection(RotateQuarterTurns(full, turn));
    EXPECT_TRUE(d.clear()) << turn;
    EXPECT_EQ(d.horizontal(), turn == 0);
  }
  EXPECT_TRUE(UprightClear(MeasureUpright(full)));
  const UprightEvidence over = MeasureUpright(RotateQuarterTurns(full, 180));
  EXPECT_TRUE(UprightClear(over));
  EXPECT_GT(over.below, over.above);

  const cv::Mat sparse = ToGrey(MakeTextPage(1200, 520, 21).bgr);  // six strips
  EXPECT_FALSE(MeasureLineDirection(sparse).clear());
  EXPECT_FALSE(UprightClear(MeasureUpright(sparse)));

  cv::Mat capitals(1600, 1200, CV_8U, cv::Scalar(255));
  for (int y = 150; y < 1500; y += 72) {
    cv::putText(capitals, "UBND HUYEN QUANG DIEN", {100, y}, cv::FONT_HERSHEY_SIMPLEX, 1.3,
                cv::Scalar(0), 3);
  }
  EXPECT_TRUE(MeasureLineDirection(capitals).clear());
  EXPECT_FALSE(UprightClear(MeasureUpright(capitals)));
}

// Latin lines have no row that covers nearly all their inked columns; a
// script that hangs from a headline has one in every line.
TEST(OrientationTest, HeadlineTellsAHangingScript) {
  const cv::Mat latin = ToGrey(MakeTextPage(1200, 1600, 3).bgr);
  for (int turn : {0, 180}) {
    const UprightEvidence e = MeasureUpright(RotateQuarterTurns(latin, turn));
    EXPECT_GT(e.headline, 0.3) << turn;
    EXPECT_LT(e.headline, 0.85) << turn;  // page_orientation.cc: kMaxLatinHeadline
  }
  const UprightEvidence hanging = MeasureUpright(MakeHeadlinePage());
  EXPECT_TRUE(UprightClear(hanging));
  EXPECT_GT(hanging.below, hanging.above);  // upright, it looks turned over
  EXPECT_GT(hanging.headline, 0.9);
}

TEST(OrientationTest, QuarterTurnsCompose) {
  cv::Mat grey(4, 6, CV_8U, cv::Scalar(255));
  grey.at<uint8_t>(0, 0) = 0;
  const cv::Mat cw90 = RotateQuarterTurns(grey, 90);
  EXPECT_EQ(cw90.rows, 6);
  EXPECT_EQ(cw90.at<uint8_t>(0, 3), 0);  // top-left goes to top-right
  const cv::Mat back = RotateQuarterTurns(cw90, 270);
  EXPECT_EQ(cv::countNonZero(back != grey), 0);
  EXPECT_EQ(cv::countNonZero(RotateQuarterTurns(grey, 360) != grey), 0);
}

// A page's turns as values: applied to a part of the page at once, they give
// what turning the whole page step by step and cutting the part out gives.
TEST(PageTransformTest, AQuarterTurnOfAPartIsThatPartOfTheTurnedPage) {
  cv::Mat grey(31, 47, CV_8U);
  cv::randu(grey, 0, 256);
  for (int deg : {0, 90, 180, 270}) {
    const cv::Mat turned = RotateQuarterTurns(grey, deg);
    const PageTransform t = PageTransform::QuarterTurn(grey.size(), deg);
    ASSERT_EQ(t.size, turned.size()) << deg;
    const cv::Rect part(3, 5, turned.cols - 9, turned.rows - 7);
    EXPECT_EQ(cv::norm(WarpPart(grey, t, part), turned(part), cv::NORM_INF), 0) << deg;
  }
}

TEST(PageTransformTest, ARotationThenATurnOverOfAPartMatchesTurningThePage) {
  const cv::Mat grey = ToGrey(MakeTextPage(900, 1100, 3).bgr);
  const cv::Mat turned = RotateQuarterTurns(RotateBy(grey, -1.7), 180);
  const PageTransform t = PageTransform::Rotation(grey.size(), -1.7)
                              .Then(PageTransform::QuarterTurn(RotateBy(grey, -1.7).size(), 180));
  ASSERT_EQ(t.size, turned.size());
  const cv::Rect part(40, 120, 700, 800);
  cv::Mat diff;
  cv::absdiff(WarpPart(grey, t, part), turned(part), diff);
  // Interpolated alike up to the rounding of a coordinate to 1/32 pixel.
  EXPECT_LE(cv::norm(diff, cv::NORM_INF), 8);
  EXPECT_LT(cv::mean(diff)[0], 0.05);
  // Where the turned page has no pixels, paper.
  const PageTransform rotated = PageTransform::Rotation(grey.size(), 10);
  EXPECT_EQ(WarpPart(grey, rotated, cv::Rect(0, 0, 5, 5)).at<uint8_t>(0, 0), 255);
}

// warpAffine rounds a pixel's source position from its column and its row
// apart: a part that starts in another column must still get the pixels of
// the page turned whole, not ones up to 1/32 pixel off.
TEST(PageTransformTest, ARotatedPartIsExactlyThatPartOfTheRotatedPage) {
  const cv::Mat grey = ToGrey(MakeTextPage(900, 1100, 3).bgr);
  for (double deg : {0.3, -0.8, 2.6}) {
    const cv::Mat turned = RotateBy(grey, deg);
    const PageTransform t = PageTransform::Rotation(grey.size(), deg);
    ASSERT_EQ(t.size, turned.size()) << deg;
    for (const cv::Rect part : {cv::Rect(37, 120, 700, 800), cv::Rect(0, 3, turned.cols, 500),
                                cv::Rect(250, 0, 33, turned.rows)}) {
      EXPECT_EQ(cv::norm(WarpPart(grey, t, part), turned(part), cv::NORM_INF), 0)
          << deg << " at " << part;
    }
  }
}

TEST(PageTransformTest, NoTurnGivesAViewOfThePart) {
  const cv::Mat grey(20, 30, CV_8U, cv::Scalar(7));
  const cv::Mat part = WarpPart(grey, PageTransform::Identity(grey.size()), cv::Rect(2, 3, 10, 10));
  EXPECT_EQ(part.data, grey.ptr<uint8_t>(3) + 2);
}

TEST(StampTest, RedAndBlueInkBecomesPaperAndTextUnderItStaysDark) {
  SyntheticPage page = MakeTextPage();
  cv::Mat seal = cv::Mat::zeros(page.bgr.size(), CV_8U);
  cv::circle(seal, {500, 600}, 200, cv::Scalar(255), 14);
  cv::circle(seal, {500, 600}, 150, cv::Scalar(255), 5);
  cv::putText(seal, "UBND XA", {360, 620}, cv::FONT_HERSHEY_DUPLEX, 2.0, cv::Scalar(255), 6);
  cv::Mat received = cv::Mat::zeros(page.bgr.size(), CV_8U);
  cv::rectangle(received, cv::Rect(900, 250, 500, 220), cv::Scalar(255), 8);
  cv::putText(received, "CONG VAN DEN", {930, 360}, cv::FONT_HERSHEY_DUPLEX, 1.5,
              cv::Scalar(255), 4);
  OverlayInk(page.bgr, seal, cv::Scalar(40, 40, 220));      // red (BGR)
  OverlayInk(page.bgr, received, cv::Scalar(200, 90, 30));  // blue

  const cv::Mat grey = ToGrey(page.bgr);
  const cv::Mat cleaned = SuppressStamps(page.bgr, grey);
  const cv::Mat stamp_only = (seal | received) & ~page.text_mask;
  const cv::Mat text_under_stamp = (seal | received) & page.text_mask;
  ASSERT_GT(cv::countNonZero(text_under_stamp), 500);
  // Stamp ink is as dark as text in a plain grey conversion...
  EXPECT_GT(ShareBelow(grey, stamp_only, 150), 0.9);
  // ...but reads as paper in the OCR copy...
  EXPECT_GT(ShareAbove(cleaned, stamp_only, 190), 0.97);
  // ...while the black text printed under it keeps its darkness.
  EXPECT_GT(ShareBelow(cleaned, text_under_stamp, 100), 0.97);
  EXPECT_GT(ShareBelow(cleaned, page.text_mask, 100), 0.97);
}

// The cleaner suppresses stamps in its own grey copy: the same page and the
// same share of text lost as a suppression into a new page, with regions
// apart (worked in place) or overlapping (each worked from the page as it
// came, the later one's result standing).
TEST(StampTest, SuppressingInPlaceGivesTheSamePageAndTextLost) {
  SyntheticPage page = MakeTextPage();
  cv::Mat seal = cv::Mat::zeros(page.bgr.size(), CV_8U);
  cv::circle(seal, {500, 600}, 200, cv::Scalar(255), 14);
  cv::Mat received = cv::Mat::zeros(page.bgr.size(), CV_8U);
  cv::rectangle(received, cv::Rect(900, 250, 500, 220), cv::Scalar(255), 8);
  // A pale red stroke running out of the seal's ring: held by the ring's
  // strong ink where the ring is in the region, not where it is not.
  cv::Mat pale = cv::Mat::zeros(page.bgr.size(), CV_8U);
  cv::line(pale, {690, 600}, {820, 600}, cv::Scalar(255), 5);
  OverlayInk(page.bgr, seal, cv::Scalar(40, 40, 220));
  page.bgr.setTo(cv::Scalar(150, 150, 230), pale & ~seal);  // over any text
  OverlayInk(page.bgr, received, cv::Scalar(200, 90, 30));
  // Dark in the grey copy only, on white beside the seal's ring: black text
  // by the colour page, lost with the stamp (so the share is not zero).
  cv::Mat grey = ToGrey(page.bgr);
  cv::circle(grey, {500, 600}, 209, cv::Scalar(20), 2);
  const std::vector<std::vector<cv::Rect>> cases = {
      {cv::Rect(270, 370, 460, 460), cv::Rect(870, 220, 560, 280)},  // apart
      {cv::Rect(270, 370, 460, 460), cv::Rect(600, 220, 830, 400)},  // overlapping
      // The later region holds the stroke but not the ring: where the two
      // overlap, the stroke is the page's again.
      {cv::Rect(270, 370, 460, 460), cv::Rect(715, 500, 200, 200)},
  };
  for (size_t k = 0; k < cases.size(); ++k) {
    const cv::Mat expected = SuppressStamps(page.bgr, grey, cases[k]);
    const double expected_lost = TextRemovedFraction(page.bgr, grey, expected);
    cv::Mat own = grey.clone();
    const uchar* buffer = own.data;
    const double lost = SuppressStampsInPlace(page.bgr, own, cases[k]);
    EXPECT_EQ(cv::norm(own, expected, cv::NORM_INF), 0) << "case " << k;
    EXPECT_EQ(lost, expected_lost) << "case " << k;
    EXPECT_GT(cv::countNonZero(own != grey), 1000) << "case " << k;
    if (k == 0) {
      EXPECT_EQ(own.data, buffer);  // no page-sized copy
      EXPECT_GT(lost, 0);
    }
    if (k == 2) {
      // The stroke where the regions overlap: gone with the first region,
      // the page's again with the second, which holds no strong ink there.
      EXPECT_GT(SuppressStamps(page.bgr, grey, {cases[k][0]}).at<uint8_t>(600, 720), 230);
      EXPECT_EQ(own.at<uint8_t>(600, 720), grey.at<uint8_t>(600, 720));
    }
  }
}

// The quality report's "text removed with stamps": near zero for a
// suppressor that keeps the text, near one for one that wipes the page.
TEST(StampTest, TextRemovedFractionMeasuresPrintedTextLost) {
  SyntheticPage page = MakeTextPage();
  cv::Mat seal = cv::Mat::zeros(page.bgr.size(), CV_8U);
  cv::circle(seal, {500, 600}, 200, cv::Scalar(255), 14);
  OverlayInk(page.bgr, seal, cv::Scalar(40, 40, 220));  // red (BGR)
  const cv::Mat grey = ToGrey(page.bgr);
  const cv::Mat cleaned = SuppressStamps(page.bgr, grey);
  EXPECT_LT(TextRemovedFraction(page.bgr, grey, cleaned), 0.03);
  const cv::Mat wiped(grey.size(), CV_8U, cv::Scalar(255));
  EXPECT_GT(TextRemovedFraction(page.bgr, grey, wiped), 0.95);
  EXPECT_EQ(TextRemovedFraction(page.bgr, grey, grey), 0.0);
  const cv::Mat blank(page.bgr.size(), CV_8UC3, cv::Scalar(255, 255, 255));
  EXPECT_EQ(TextRemovedFraction(blank, ToGrey(blank), ToGrey(blank)), 0.0);
}

TEST(StampTest, DarkBlueHandwritingInAStampBecomesPaper) {
  SyntheticPage page = MakeTextPage(800, 900);
  cv::Mat pen = cv::Mat::zeros(page.bgr.size(), CV_8U);
  cv::putText(pen, "1809", {500, 40}, cv::FONT_HERSHEY_SCRIPT_SIMPLEX, 1.2, cv::Scalar(255), 3);
  pen &= ~page.text_mask;
  page.bgr.setTo(cv::Scalar(120, 40, 20), pen);  // navy ballpoint (BGR)
  const cv::Mat cleaned = SuppressStamps(page.bgr, ToGrey(page.bgr));
  EXPECT_GT(ShareAbove(cleaned, pen, 200), 0.97);
}

TEST(StampTest, BlurredBlueStampOnYellowedPaperLeavesNoOutline) {
  SyntheticPage page = MakeTextPage(1200, 900);
  cv::Mat received = cv::Mat::zeros(page.bgr.size(), CV_8U);
  cv::rectangle(received, cv::Rect(300, 80, 600, 260), cv::Scalar(255), 5);
  cv::putText(received, "CONG VAN DEN", {340, 200}, cv::FONT_HERSHEY_DUPLEX, 1.6,
              cv::Scalar(255), 4);
  OverlayInk(page.bgr, received, cv::Scalar(170, 70, 40));  // blue (BGR)
  cv::multiply(page.bgr, cv::Scalar(190 / 255.0, 228 / 255.0, 237 / 255.0), page.bgr);
  // Out of focus: the stroke edges blend blue ink with yellow paper.
  cv::GaussianBlur(page.bgr, page.bgr, {0, 0}, 1.2);

  const cv::Mat cleaned = SuppressStamps(page.bgr, ToGrey(page.bgr));
  cv::Mat text_near;
  cv::dilate(page.text_mask, text_near, cv::getStructuringElement(cv::MORPH_RECT, {9, 9}));
  cv::Mat stamp_and_edges;
  cv::dilate(received, stamp_and_edges, cv::getStructuringElement(cv::MORPH_RECT, {7, 7}));
  stamp_and_edges &= ~text_near;
  // The paper is about 215 grey; edges of the stamp read as paper too.
  EXPECT_GT(ShareAbove(cleaned, stamp_and_edges, 190), 0.97);
  cv::Mat text_core;
  cv::erode(page.text_mask, text_core, cv::getStructuringElement(cv::MORPH_RECT, {3, 3}));
  EXPECT_GT(ShareBelow(cleaned, text_core, 100), 0.97);
}

// The survey's reduction averages 4x4 blocks as INTER_AREA does, and blocks
// cut by the page's edge average what they hold.
TEST(StampTest, QuarterMeansAreTheMeansOfFourByFourBlocks) {
  cv::Mat page(298, 403, CV_8UC3);
  cv::randu(page, 0, 256);
  const cv::Mat means = QuarterMeans(page);
  ASSERT_EQ(means.size(), cv::Size(101, 75));
  cv::Mat area, diff;
  cv::resize(page(cv::Rect(0, 0, 400, 296)), area, cv::Size(100, 74), 0, 0, cv::INTER_AREA);
  cv::absdiff(means(cv::Rect(0, 0, 100, 74)), area, diff);
  double worst = 0;
  cv::minMaxLoc(diff.reshape(1), nullptr, &worst);
  EXPECT_LE(worst, 1);  // ties may round the other way
  // The last column's blocks are 3 px wide, the last row's 2 px high.
  for (const cv::Point block : {cv::Point(100, 0), cv::Point(7, 74), cv::Point(100, 74)}) {
    const cv::Rect held = cv::Rect(block * 4, cv::Size(4, 4)) & cv::Rect({0, 0}, page.size());
    const cv::Scalar mean = cv::mean(page(held));
    for (int c = 0; c < 3; ++c) {
      EXPECT_NEAR(means.at<cv::Vec3b>(block)[c], mean[c], 0.5) << block << " channel " << c;
    }
  }
}

// One look at a reduced page answers both "is there a stamp" and "where";
// suppressing only there gives what surveying the page again would.
TEST(StampTest, SurveyLocatesStampsAndSuppressionInItsRegionsMatches) {
  SyntheticPage page = MakeTextPage();
  cv::Mat seal = cv::Mat::zeros(page.bgr.size(), CV_8U);
  cv::circle(seal, {500, 600}, 200, cv::Scalar(255), 14);
  OverlayInk(page.bgr, seal, cv::Scalar(40, 40, 220));
  const StampSurvey survey = SurveyStamps(page.bgr);
  EXPECT_TRUE(survey.stamped);
  ASSERT_EQ(survey.regions.size(), 1u);
  EXPECT_EQ(survey.regions[0] & cv::Rect(300, 400, 400, 400), cv::Rect(300, 400, 400, 400));
  EXPECT_LT(survey.regions[0].area(), 2 * 500 * 500);
  const cv::Mat grey = ToGrey(page.bgr);
  EXPECT_EQ(cv::countNonZero(SuppressStamps(page.bgr, grey, survey.regions) !=
                             SuppressStamps(page.bgr, grey)),
            0);

  const SyntheticPage plain = MakeTextPage();
  cv::Mat yellowed;
  cv::multiply(plain.bgr, cv::Scalar(190 / 255.0, 228 / 255.0, 237 / 255.0), yellowed);
  for (const cv::Mat& unstamped : {plain.bgr, yellowed, ToGrey(plain.bgr)}) {
    const StampSurvey none = SurveyStamps(unstamped);
    EXPECT_FALSE(none.stamped);
    EXPECT_TRUE(none.regions.empty());
  }
}

// On yellowed paper saved as a JPEG, black letters get colour fringes that
// the pale hue test picks up; only the stamp, with clear ink, is a region.
TEST(StampTest, SurveyIgnoresColourFringesOfJpegText) {
  SyntheticPage page = MakeTextPage();
  cv::multiply(page.bgr, cv::Scalar(185 / 255.0, 228 / 255.0, 237 / 255.0), page.bgr);
  cv::Mat seal = cv::Mat::zeros(page.bgr.size(), CV_8U);
  cv::circle(seal, {500, 600}, 200, cv::Scalar(255), 14);
  OverlayInk(page.bgr, seal, cv::Scalar(40, 40, 220));
  std::vector<uint8_t> jpeg;
  cv::imencode(".jpg", page.bgr, jpeg, {cv::IMWRITE_JPEG_QUALITY, 40});
  const cv::Mat decoded = cv::imdecode(jpeg, cv::IMREAD_COLOR);
  const StampSurvey survey = SurveyStamps(decoded);
  EXPECT_TRUE(survey.stamped);
  ASSERT_EQ(survey.regions.size(), 1u);
  EXPECT_EQ(survey.regions[0] & cv::Rect(300, 400, 400, 400), cv::Rect(300, 400, 400, 400));
}

TEST(StampTest, MaskIgnoresYellowedPaperAndBlackText) {
  SyntheticPage page = MakeTextPage(800, 900);
  cv::Mat yellowed;
  cv::multiply(page.bgr, cv::Scalar(190 / 255.0, 228 / 255.0, 237 / 255.0), yellowed);
  EXPECT_EQ(cv::countNonZero(ColouredInkMask(yellowed)), 0);
}

TEST(DespeckleTest, RemovesIsolatedSpecksButKeepsDotsBelowLetters) {
  SyntheticPage page = MakeTextPage(1200, 1400, 11);
  cv::Mat grey = ToGrey(page.bgr);
  // Dots below letters, as in "ạ", "ệ", "ộ": small and close to the line.
  cv::Mat dots = cv::Mat::zeros(grey.size(), CV_8U);
  int dot_count = 0;
  for (int baseline = 1400 / 8; baseline < 1400 - 140; baseline += page.line_pitch) {
    for (int x = 160; x < 900; x += 97) {
      cv::Mat column = page.text_mask(cv::Rect(x - 3, baseline - 20, 6, 20));
      if (cv::countNonZero(column) == 0) continue;
      cv::circle(dots, {x, baseline + 9}, 3, cv::Scalar(255), cv::FILLED);
      ++dot_count;
    }
  }
  ASSERT_GT(dot_count, 20);
  // Specks in the margins and between paragraphs, far from letters.
  cv::Mat specks = cv::Mat::zeros(grey.size(), CV_8U);
  std::mt19937 rng(5);
  int speck_count = 0;
  cv::Mat near_text;
  cv::dilate(page.text_mask | dots, near_text,
             cv::getStructuringElement(cv::MORPH_RECT, {81, 81}));
  while (speck_count < 60) {
    const cv::Point c(rng() % 1180 + 10, rng() % 1380 + 10);
    if (near_text.at<uint8_t>(c) != 0) continue;
    cv::circle(specks, c, 1 + rng() % 2, cv::Scalar(255), cv::FILLED);
    ++speck_count;
  }
  // Specks have a soft rim, as toner and JPEG leave them.
  cv::Mat speck_rims;
  cv::dilate(specks, speck_rims, cv::getStructuringElement(cv::MORPH_ELLIPSE, {3, 3}));
  speck_rims &= ~specks;
  grey.setTo(150, speck_rims);
  grey.setTo(30, dots | specks);

  const DespeckleResult result = Despeckle(grey, 300);
  EXPECT_GT(ShareAbove(result.page, speck_rims, 230), 0.95);
  EXPECT_GT(ShareBelow(result.page, dots, 100), 0.99);
  EXPECT_LT(ShareBelow(result.page, specks, 128), 0.02);
  EXPECT_GE(result.specks_removed, speck_count * 95 / 100);
  EXPECT_EQ(result.isolated_removed, result.specks_removed);
  EXPECT_GT(ShareBelow(result.page, page.text_mask, 100), 0.99);
}

// A photocopy's specks land anywhere, also within a letter's reach of the
// text; there only those in the gap between words, halfway up the line, go
// (also specks as large as a full stop). Full stops (also after a letter
// hanging below the line), colons, semicolons, ellipses, dashes, dots below
// and i-dots are where the script puts such marks, and stay.
TEST(DespeckleTest, SpecksBetweenWordsGoButPunctuationAndDotsBelowStay) {
  static const char* kWords[] = {"dien", "bao", "cao", "tong", "ket", "hanh", "chinh",
                                 "noi", "vu", "nam", "so", "thuc", "hien", "ke", "hoach",
                                 "hop", "nghiep"};
  constexpr int kWidth = 1600, kHeight = 1400, kPitch = 72;
  constexpr double kScale = 1.3;
  cv::Mat text = cv::Mat::zeros(kHeight, kWidth, CV_8U);
  cv::Mat marks = cv::Mat::zeros(text.size(), CV_8U);
  cv::Mat specks = cv::Mat::zeros(text.size(), CV_8U);
  std::mt19937 rng(3);
  int word_count = 0, mark_count = 0, speck_count = 0;
  for (int baseline = 150; baseline < kHeight - 100; baseline += kPitch) {
    int x = 140;
    while (true) {
      const std::string word = kWords[rng() % (sizeof(kWords) / sizeof(kWords[0]))];
      int base = 0;
      const cv::Size size = cv::getTextSize(word, cv::FONT_HERSHEY_SIMPLEX, kScale, 3, &base);
      if (x + size.width > kWidth - 200) break;
      cv::Mat alone = cv::Mat::zeros(text.size(), CV_8U);
      cv::putText(alone, word, {x, baseline}, cv::FONT_HERSHEY_SIMPLEX, kScale, cv::Scalar(255), 3,
                  cv::LINE_8);
      text |= alone;
      const cv::Rect box = cv::boundingRect(alone);
      const int bottom = baseline + 1;  // of the letters standing on the baseline
      const int end = box.x + box.width - 1;
      const int first = cv::getTextSize(word.substr(0, 1), cv::FONT_HERSHEY_SIMPLEX, kScale, 3, &base).width;
      if (x == 140) {  // a speck on the baseline before a line's first word (OCR: ".ban")
        cv::circle(specks, {box.x - 12, bottom - 3}, 2, cv::Scalar(255), cv::FILLED);
        ++speck_count;
      }
      switch (word_count++ % 8) {
        case 0:  // full stop on the baseline
          cv::circle(marks, {end + 6, bottom - 2}, 3, cv::Scalar(255), cv::FILLED);
          ++mark_count;
          break;
        case 1:  // colon
          cv::circle(marks, {end + 6, bottom - 2}, 3, cv::Scalar(255), cv::FILLED);
          cv::circle(marks, {end + 6, bottom - 18}, 3, cv::Scalar(255), cv::FILLED);
          mark_count += 2;
          break;
        case 2:  // dot below the first letter, as in "ạ", "ệ", "ộ"
          cv::circle(marks, {box.x + first / 2 - 2, bottom + 7}, 3, cv::Scalar(255), cv::FILLED);
          ++mark_count;
          break;
        case 3:  // an ellipsis
          for (int k = 0; k < 3; ++k) {
            cv::circle(marks, {end + 6 + 12 * k, bottom - 3}, 3, cv::Scalar(255), cv::FILLED);
          }
          mark_count += 3;
          break;
        case 4:  // a dash before the next word
          cv::rectangle(marks, cv::Rect(end + 7, bottom - 14, 10, 3), cv::Scalar(255), cv::FILLED);
          ++mark_count;
          break;
        case 6:  // semicolon: a dot over a comma hanging from the baseline
          cv::rectangle(marks, cv::Rect(end + 4, bottom - 4, 5, 11), cv::Scalar(255), cv::FILLED);
          cv::circle(marks, {end + 6, bottom - 18}, 3, cv::Scalar(255), cv::FILLED);
          mark_count += 2;
          break;
        case 5:  // a speck as large as a full stop in the gap, halfway up
          cv::circle(specks, {end + 12, bottom - 12}, 4, cv::Scalar(255), cv::FILLED);
          ++speck_count;
          break;
        default:  // a speck in the gap to the next word, halfway up
          cv::circle(specks, {end + 12, bottom - 11}, 2, cv::Scalar(255), cv::FILLED);
          ++speck_count;
          break;
      }
      x += size.width + 24;
    }
  }
  ASSERT_GT(speck_count, 20);
  cv::Mat grey(text.size(), CV_8U, cv::Scalar(255));
  grey.setTo(20, text | marks | specks);
  const DespeckleResult result = Despeckle(grey, 300);
  EXPECT_GT(ShareBelow(result.page, marks, 100), 0.99) << mark_count << " marks";
  EXPECT_GT(ShareBelow(result.page, text, 100), 0.99);
  EXPECT_LT(ShareBelow(result.page, specks, 128), 0.05);
  EXPECT_GE(result.specks_removed, speck_count * 95 / 100);
  // The i-dots of the font are marks too: nothing else went.
  EXPECT_LE(result.specks_removed, speck_count);
  // They were near letters: the page's dirt figure hardly counts them.
  EXPECT_LE(result.isolated_removed, speck_count / 10);
}

// Lays words in lines across a 1600 x 1400 page, as the despeckle tests
// print them (vector font, 72 px line pitch): `word(k)` is the k-th word;
// `after(k, alone, box, baseline)` gets each word's own pixels and box,
// adds what follows it, and gives the gap to the next word. Returns the text.
// `scale` is the font's, from the line at `first` to the one before `last`.
template <class Word, class After>
cv::Mat LayWordLines(Word word, After after, double scale = 1.3, int first = 150, int last = 1300) {
  constexpr int kWidth = 1600, kHeight = 1400;
  const int pitch = static_cast<int>(std::lround(72 * scale / 1.3));
  const int thickness = scale > 1 ? 3 : 2;
  cv::Mat text = cv::Mat::zeros(kHeight, kWidth, CV_8U);
  int count = 0;
  for (int baseline = first; baseline < last; baseline += pitch) {
    for (int x = 140;;) {
      const std::string w = word(count);
      int base = 0;
      const cv::Size size = cv::getTextSize(w, cv::FONT_HERSHEY_SIMPLEX, scale, thickness, &base);
      if (x + size.width > kWidth - 200) break;
      cv::Mat alone = cv::Mat::zeros(text.size(), CV_8U);
      cv::putText(alone, w, {x, baseline}, cv::FONT_HERSHEY_SIMPLEX, scale, cv::Scalar(255), thickness, cv::LINE_8);
      text |= alone;
      x += size.width + after(count++, alone, cv::boundingRect(alone), baseline);
    }
  }
  return text;
}

// Marks pressed to a letter stand where the script puts them: a tone mark
// beside its top, a full stop or a colon's dots at the baseline and the
// x-height. A speck pressed to a letter halfway up goes (OCR: "15·" read as
// "15."), and so do two specks side by side, which make no ellipsis; three
// dots in a row stay.
TEST(DespeckleTest, SpecksPressedHalfwayUpAndPairsOfSpecksGo) {
  // Words that end on the baseline: a descender stretches a letter's box, and
  // with it the top third where a speck counts as a mark beside the top.
  static const char* kWords[] = {"dien", "bao", "tinh", "hanh", "nghiem", "vu", "hoach"};
  cv::Mat marks = cv::Mat::zeros(1400, 1600, CV_8U);
  cv::Mat specks = cv::Mat::zeros(marks.size(), CV_8U);
  int speck_count = 0;
  auto after = [&](int k, const cv::Mat& alone, const cv::Rect& box, int baseline) {
    const int bottom = baseline + 1, end = box.x + box.width - 1;
    // The top of the word's last letter: the x-height, or an ascender's top.
    const cv::Rect last_columns(end - 4, box.y, 5, box.height);
    const int top = cv::boundingRect(alone(last_columns)).y + box.y;
    switch (k % 6) {
      case 0:  // a speck pressed to the last letter halfway up
        cv::circle(specks, {end + 4, bottom - 9}, 2, cv::Scalar(255), cv::FILLED);
        ++speck_count;
        break;
      case 1:  // the same, lower down
        cv::circle(specks, {end + 4, bottom - 6}, 2, cv::Scalar(255), cv::FILLED);
        ++speck_count;
        break;
      case 2:  // a tone mark beside the letter's top
        cv::rectangle(marks, cv::Rect(end + 2, top - 5, 5, 7), cv::Scalar(255), cv::FILLED);
        break;
      case 3:  // a full stop pressed to the letter, and a speck beyond it
        // on the baseline, out of the letters' reach: two dots, no leader
        cv::circle(marks, {end + 5, bottom - 3}, 3, cv::Scalar(255), cv::FILLED);
        cv::circle(specks, {end + 22, bottom - 2}, 2, cv::Scalar(255), cv::FILLED);
        ++speck_count;
        break;
      case 4:  // two specks side by side in the gap, on one line
        cv::circle(specks, {end + 8, bottom - 12}, 2, cv::Scalar(255), cv::FILLED);
        cv::circle(specks, {end + 15, bottom - 12}, 2, cv::Scalar(255), cv::FILLED);
        speck_count += 2;
        break;
      default:  // an ellipsis
        for (int k = 0; k < 3; ++k) {
          cv::circle(marks, {end + 6 + 12 * k, bottom - 3}, 3, cv::Scalar(255), cv::FILLED);
        }
        break;
    }
    return k % 6 == 3 || k % 6 == 5 ? 48 : 24;  // room for the far speck, the ellipsis
  };
  const cv::Mat text = LayWordLines([](int k) { return kWords[k % 7]; }, after);
  ASSERT_GT(speck_count, 30);
  cv::Mat grey(text.size(), CV_8U, cv::Scalar(255));
  grey.setTo(20, text | marks | specks);
  const DespeckleResult result = Despeckle(grey, 300);
  EXPECT_GT(ShareBelow(result.page, marks, 100), 0.99);
  EXPECT_GT(ShareBelow(result.page, text, 100), 0.99);
  EXPECT_LT(ShareBelow(result.page, specks, 128), 0.02);
}

// Lines of words, each followed by a full stop: every other one printed
// (as dark as the letters), the rest pale grey dust where a stop would go.
struct StopsPage {
  cv::Mat grey, text, print_stops, pale_stops;
};
StopsPage MakeStopsPage(int far_specks) {
  constexpr int kWidth = 1600;
  static const char* kWords[] = {"dien", "bao", "cao", "tong", "ket", "hanh", "noi", "vu"};
  StopsPage page;
  page.print_stops = cv::Mat::zeros(1400, kWidth, CV_8U);
  page.pale_stops = cv::Mat::zeros(page.print_stops.size(), CV_8U);
  page.text = LayWordLines([](int k) { return kWords[k % 8]; },
                           [&page](int k, const cv::Mat&, const cv::Rect& box, int baseline) {
                             cv::Mat& stops = k % 2 == 0 ? page.print_stops : page.pale_stops;
                             cv::circle(stops, {box.x + box.width + 5, baseline - 1}, 3, cv::Scalar(255),
                                        cv::FILLED);
                             return 24;
                           });
  cv::Mat far = cv::Mat::zeros(page.text.size(), CV_8U);
  for (int k = 0; k < far_specks; ++k) {  // in the margins, far from any letter
    cv::circle(far, {30 + (k % 2) * (kWidth - 60), 100 + 25 * (k / 2)}, 3, cv::Scalar(255), cv::FILLED);
  }
  page.grey = cv::Mat(page.text.size(), CV_8U, cv::Scalar(255));
  page.grey.setTo(20, page.text | page.print_stops | far);
  page.grey.setTo(110, page.pale_stops);
  return page;
}

// On a page speckled all over, a mark among the letters must also be as dark
// as print: the pale dust where a full stop would go leaves, the printed
// stops stay. A clean page keeps both: nothing there says a mark is dirt.
TEST(DespeckleTest, OnASpeckledPageOnlyMarksAsDarkAsPrintStay) {
  const StopsPage speckled = MakeStopsPage(40);  // 40 specks on 25 square inches
  ASSERT_GT(cv::countNonZero(speckled.pale_stops), 200);
  const DespeckleResult cleaned = Despeckle(speckled.grey, 300);
  EXPECT_GT(ShareAbove(cleaned.page, speckled.pale_stops, 230), 0.95);
  EXPECT_GT(ShareBelow(cleaned.page, speckled.print_stops, 100), 0.99);
  EXPECT_GT(ShareBelow(cleaned.page, speckled.text, 100), 0.99);

  const StopsPage clean = MakeStopsPage(0);
  const DespeckleResult kept = Despeckle(clean.grey, 300);
  EXPECT_GT(ShareBelow(kept.page, clean.pale_stops, 128), 0.99);
  EXPECT_GT(ShareBelow(kept.page, clean.print_stops, 100), 0.99);
}

// The workspace only lends memory: a smaller page after a larger one is
// labelled in the same memory, and every page comes out as it would alone,
// whatever the memory held before.
TEST(DespeckleTest, AWorkspaceLendsMemoryAndChangesNothing) {
  Workspace workspace;
  cv::Mat first = workspace.Labels({600, 500});
  first.setTo(12345);  // what an earlier page left there
  const StopsPage big = MakeStopsPage(40);
  const StopsPage small = MakeStopsPage(0);
  for (const cv::Mat& grey : {big.grey, small.grey(cv::Rect(0, 0, 500, 400)), big.grey}) {
    const DespeckleResult alone = Despeckle(grey, 300);
    const DespeckleResult lent = Despeckle(grey, 300, {}, &workspace);
    EXPECT_EQ(cv::norm(alone.page, lent.page, cv::NORM_INF), 0);
    EXPECT_EQ(alone.specks_removed, lent.specks_removed);
    EXPECT_EQ(alone.isolated_removed, lent.isolated_removed);
    EXPECT_EQ(alone.dark_components, lent.dark_components);
  }
  EXPECT_EQ(workspace.Labels({10, 10}).data, workspace.Labels(big.grey.size()).data);
}

// Labels written into memory given to them stay there.
TEST(ComponentsTest, LabelsAreWrittenIntoTheMemoryGiven) {
  Workspace workspace;
  cv::Mat mask = cv::Mat::zeros(40, 60, CV_8U);
  cv::rectangle(mask, {5, 5}, {10, 30}, cv::Scalar(255), cv::FILLED);
  cv::circle(mask, {40, 20}, 6, cv::Scalar(255), cv::FILLED);
  cv::Mat labels = workspace.Labels(mask.size());
  const uchar* given = labels.data;
  labels.setTo(-7);
  cv::Mat stats, fresh_labels, fresh_stats;
  const int n = LabelComponents(mask, labels, stats, 8);
  EXPECT_EQ(labels.data, given);
  EXPECT_EQ(n, LabelComponents(mask, fresh_labels, fresh_stats, 8));
  EXPECT_EQ(cv::norm(labels, fresh_labels, cv::NORM_INF), 0);
  EXPECT_EQ(cv::norm(stats, fresh_stats, cv::NORM_INF), 0);
  EXPECT_EQ(n, 3);
}

// Prints `ink` (255 where printed, on a 1600 px wide page) and 40 specks
// in the margins, far from any letter: the page counts as speckled.
cv::Mat PrintOnASpeckledPage(const cv::Mat& ink) {
  cv::Mat far = cv::Mat::zeros(ink.size(), CV_8U);
  for (int k = 0; k < 40; ++k) {
    cv::circle(far, {30 + (k % 2) * 1540, 100 + 25 * (k / 2)}, 3, cv::Scalar(255), cv::FILLED);
  }
  cv::Mat grey(ink.size(), CV_8U, cv::Scalar(255));
  grey.setTo(20, ink | far);
  return grey;
}

// On a speckled page the specks go while the marks and the letters stay; on
// a clean page with the same ink the specks stay: nothing there says a small
// dot is dirt.
void ExpectSpecksGoOnlyFromASpeckledPage(const cv::Mat& text, const cv::Mat& marks, const cv::Mat& specks) {
  const cv::Mat grey = PrintOnASpeckledPage(text | marks | specks);
  const DespeckleResult result = Despeckle(grey, 300);
  EXPECT_GT(ShareBelow(result.page, marks, 100), 0.99);
  EXPECT_GT(ShareBelow(result.page, text, 100), 0.99);
  EXPECT_LT(ShareBelow(result.page, specks, 128), 0.02);
  cv::Mat clean(text.size(), CV_8U, cv::Scalar(255));
  clean.setTo(20, text | marks | specks);
  EXPECT_GT(ShareBelow(Despeckle(clean, 300).page, specks, 100), 0.95);
}

// A copier's speck pressed onto a letter is one component with it, so only
// its look tells it from print on a speckled page: a blob as thick as a dot,
// paler than print all through. It is filled from around it: no blob of the
// copier's grey is left, a stem under one runs on through it, and one on
// paper alone becomes paper. Pale print
// longer than a dot (a grey rule) and the letters' own pixels stay; on a
// clean page nothing is touched.
TEST(DespeckleTest, OnASpeckledPagePaleBlobsPressedOntoLettersAreFilledFromAround) {
  const cv::Size size(1600, 1200);
  cv::Mat stems = cv::Mat::zeros(size, CV_8U);
  for (int k = 0; k < 8; ++k) cv::rectangle(stems, cv::Rect(300 + 90 * k, 500, 9, 45), cv::Scalar(255), cv::FILLED);
  // Blobs of a copier's grey: beside a stem, touching it, and over a stem.
  cv::Mat blobs = cv::Mat::zeros(size, CV_8U), over = cv::Mat::zeros(size, CV_8U);
  for (int k = 0; k < 4; ++k) cv::circle(blobs, {300 + 90 * k + 9 + 3, 515}, 4, cv::Scalar(255), cv::FILLED);
  for (int k = 4; k < 8; ++k) cv::circle(over, {300 + 90 * k + 4, 520}, 4, cv::Scalar(255), cv::FILLED);
  blobs |= over;
  const cv::Mat stem_under = over & stems;
  const cv::Mat stems_bare = stems & ~blobs;
  // One on paper alone, larger than any mark: no rule of placing takes it.
  cv::Mat alone = cv::Mat::zeros(size, CV_8U);
  cv::circle(alone, {500, 620}, 5, cv::Scalar(255), cv::FILLED);
  cv::Mat rule = cv::Mat::zeros(size, CV_8U);
  cv::rectangle(rule, cv::Rect(300, 700, 60, 6), cv::Scalar(255), cv::FILLED);
  const auto print = [&](cv::Mat grey) {
    grey.setTo(90, blobs | alone | rule);
    return grey;
  };
  // Where a 5 px square of the copier's grey (neither print nor paper) fits.
  const auto pale_cores = [](const cv::Mat& page) {
    cv::Mat core;
    cv::erode((page > 40) & (page < 215), core, cv::Mat::ones(5, 5, CV_8U));
    return core;
  };

  const DespeckleResult result = Despeckle(print(PrintOnASpeckledPage(stems)), 300);
  EXPECT_EQ(cv::countNonZero(pale_cores(result.page) & blobs), 0);
  EXPECT_LT(cv::mean(result.page, stem_under)[0], 60);
  EXPECT_GT(ShareAbove(result.page, alone, 230), 0.99);
  EXPECT_GT(ShareBelow(result.page, stems_bare, 40), 0.99);
  EXPECT_GT(ShareBelow(result.page, rule, 100), 0.99);

  cv::Mat plain(size, CV_8U, cv::Scalar(255));
  plain.setTo(20, stems);
  const DespeckleResult untouched = Despeckle(print(plain), 300);
  EXPECT_GT(cv::countNonZero(pale_cores(untouched.page) & blobs), 30);
}

// On a speckled page, a dot-sized speck over a letter other than an i or a j
// goes (OCR reads it as a tone mark: "n" -> "ñ", "á" -> "ắ"), and so does
// one pressed to a letter's top ("quý·" read "quý:"); tone marks, which are
// strokes, stay, and so do an i's dot, a small mark standing on or beside a
// circumflex or breve and a semicolon's upper dot.
TEST(DespeckleTest, OnASpeckledPageDotsOverWideLettersGoButToneMarksAndIDotsStay) {
  // Each word's first letter is as wide as it is tall, but for the "l" that
  // gets a dot (an i as tall as an l); "nu" gets a semicolon.
  static const char* kWords[] = {"nam", "cao", "om", "lam", "cua", "uan", "nu", "mien"};
  cv::Mat marks = cv::Mat::zeros(1400, 1600, CV_8U);
  cv::Mat specks = cv::Mat::zeros(marks.size(), CV_8U);
  int speck_count = 0, dot_count = 0;
  auto after = [&](int k, const cv::Mat& alone, const cv::Rect& box, int baseline) {
    const std::string word = kWords[k % 8];
    const int width = cv::getTextSize(word.substr(0, 1), cv::FONT_HERSHEY_SIMPLEX, 1.3, 3, nullptr).width;
    // The first letter's top (its advance also holds the gap to the next
    // letter, and that letter's dot in "mi").
    const cv::Rect letter = cv::boundingRect(alone(cv::Rect(box.x, box.y, width * 7 / 10, box.height)));
    const int cx = box.x + letter.x + letter.width / 2, top = box.y + letter.y;
    if (word == "lam") {  // an i's dot
      cv::circle(marks, {cx, top - 8}, 2, cv::Scalar(255), cv::FILLED);
      ++dot_count;
      return 24;
    }
    if (word == "nu") {  // a semicolon: a dot over a comma
      const int x = box.x + box.width + 5;
      cv::circle(marks, {x, baseline - 1}, 3, cv::Scalar(255), cv::FILLED);
      cv::line(marks, {x + 2, baseline}, {x - 2, baseline + 8}, cv::Scalar(255), 2);
      cv::circle(marks, {x, baseline - 14}, 2, cv::Scalar(255), cv::FILLED);
      ++dot_count;
    }
    switch (k % 7) {  // marks the size of the dev pages' (9-11 x 7-9 px)
      case 0:  // an acute: a short slanted stroke
        cv::line(marks, {cx - 3, top - 5}, {cx + 3, top - 10}, cv::Scalar(255), 4);
        break;
      case 4:  // a steep one, as small as a dot but no dot
        cv::line(marks, {cx - 1, top - 5}, {cx + 1, top - 12}, cv::Scalar(255), 2);
        break;
      case 1:
      case 6:  // a grave
        cv::line(marks, {cx + 3, top - 5}, {cx - 3, top - 10}, cv::Scalar(255), 4);
        if (k % 7 == 6 && word != "mien" && word != "nu") {  // and a speck pressed to its last letter's top
          // (beside the round top of an "o", within the slack of its columns)
          const int gap = word == "cao" ? 2 : 3;
          cv::circle(specks, {box.x + box.width + gap, box.y + 4}, 2, cv::Scalar(255), cv::FILLED);
          ++speck_count;
        }
        break;
      case 2:  // a hook above
        cv::ellipse(marks, {cx, top - 10}, {3, 3}, 0, -160, 90, cv::Scalar(255), 4);
        break;
      case 3:  // a dot-sized speck where a tone mark would be
        cv::circle(specks, {cx + (k % 3) - 1, top - 8}, 2 + (k / 7) % 2, cv::Scalar(255), cv::FILLED);
        ++speck_count;
        break;
      case 5:  // a circumflex as small as a mark, or a breve wider than
        // one, with a dot-sized mark standing on it
        if ((k / 7) % 2 == 0) {
          cv::line(marks, {cx - 5, top - 5}, {cx, top - 10}, cv::Scalar(255), 1);
          cv::line(marks, {cx, top - 10}, {cx + 5, top - 5}, cv::Scalar(255), 1);
          cv::circle(marks, {cx, top - 15}, 2, cv::Scalar(255), cv::FILLED);
        } else {
          cv::ellipse(marks, {cx, top - 10}, {7, 5}, 0, 0, 180, cv::Scalar(255), 3);
          cv::circle(marks, {cx, top - 18}, 2, cv::Scalar(255), cv::FILLED);
          // A tone mark set beside the breve, as some fonts set "ồ".
          cv::circle(marks, {cx + 13, top - 9}, 2, cv::Scalar(255), cv::FILLED);
        }
        ++dot_count;
        break;
    }
    return word == "nu" ? 36 : 24;
  };
  const cv::Mat text = LayWordLines([](int k) { return kWords[k % 8]; }, after);
  ASSERT_GT(speck_count, 20);
  ASSERT_GT(dot_count, 20);
  ExpectSpecksGoOnlyFromASpeckledPage(text, marks, specks);  // i-dots and semicolons kept with the letters
}

// On a speckled page, a dot-sized speck close under a letter that is smaller
// than the page's dots below is a speck too (OCR reads "CCHC" as "CỌHC",
// and the word can fall apart); the printed dots below stay.
TEST(DespeckleTest, OnASpeckledPageSpecksSmallerThanItsDotsBelowGo) {
  static const char* kWords[] = {"nam", "cao", "ban", "tan", "ket", "hon", "com"};
  cv::Mat marks = cv::Mat::zeros(1400, 1600, CV_8U);
  cv::Mat specks = cv::Mat::zeros(marks.size(), CV_8U);
  int speck_count = 0, dot_count = 0;
  auto after = [&](int k, const cv::Mat& alone, const cv::Rect& box, int baseline) {
    // Under the middle of the word's second letter.
    const cv::Rect second = cv::boundingRect(alone(cv::Rect(box.x + box.width / 3, box.y, box.width / 3, box.height)));
    const int cx = box.x + box.width / 3 + second.x + second.width / 2;
    if (k % 3 == 2) {  // a speck where a dot below would be
      cv::circle(specks, {cx, baseline + 7}, 2, cv::Scalar(255), cv::FILLED);
      ++speck_count;
    } else {  // a printed dot below
      cv::circle(marks, {cx, baseline + 8}, 3, cv::Scalar(255), cv::FILLED);
      ++dot_count;
    }
    return 24;
  };
  const cv::Mat text = LayWordLines([](int k) { return kWords[k % 7]; }, after);
  ASSERT_GT(speck_count, 20);
  ASSERT_GT(dot_count, 40);
  ExpectSpecksGoOnlyFromASpeckledPage(text, marks, specks);
}

// On a speckled page, two specks one over the other after a word look like
// a colon; when the lower one is smaller than the page's full stops it goes,
// and the upper one with it (left alone halfway up it is read as a hyphen:
// "hành-chính"). A printed colon stays.
TEST(DespeckleTest, OnASpeckledPageAColonOfSpecksGoesWhole) {
  static const char* kWords[] = {"dien", "bao", "cao", "tan", "ket", "hanh"};
  cv::Mat marks = cv::Mat::zeros(1400, 1600, CV_8U);
  cv::Mat specks = cv::Mat::zeros(marks.size(), CV_8U);
  int speck_count = 0;
  auto after = [&](int k, const cv::Mat&, const cv::Rect& box, int baseline) {
    const int end = box.x + box.width;
    if (k % 4 == 3) {  // a colon of specks: small, the lower one on the baseline
      cv::circle(specks, {end + 6, baseline - 1}, 2, cv::Scalar(255), cv::FILLED);
      cv::circle(specks, {end + 6, baseline - 16}, 2, cv::Scalar(255), cv::FILLED);
      speck_count += 2;
    } else if (k % 4 == 1) {  // a printed colon
      cv::circle(marks, {end + 5, baseline - 2}, 3, cv::Scalar(255), cv::FILLED);
      cv::circle(marks, {end + 5, baseline - 17}, 3, cv::Scalar(255), cv::FILLED);
    } else {  // a printed full stop
      cv::circle(marks, {end + 5, baseline - 2}, 3, cv::Scalar(255), cv::FILLED);
    }
    return 24;
  };
  const cv::Mat text = LayWordLines([](int k) { return kWords[k % 6]; }, after);
  ASSERT_GT(speck_count, 40);
  ExpectSpecksGoOnlyFromASpeckledPage(text, marks, specks);
}

// On a speckled page, a dot on the baseline after a word that is smaller
// than the page's full stops is a speck (OCR: "10." for "10"), pressed to
// the last letter or a little after it; the printed stops, a colon and a
// comma stay.
TEST(DespeckleTest, OnASpeckledPageSpecksSmallerThanItsFullStopsLeaveTheBaseline) {
  // Words that end on the baseline; "r" reaches further right at its top
  // than at its foot.
  static const char* kWords[] = {"dien", "bao", "cao", "tan", "ket", "hanh", "nor"};
  cv::Mat marks = cv::Mat::zeros(1400, 1600, CV_8U);
  cv::Mat specks = cv::Mat::zeros(marks.size(), CV_8U);
  int speck_count = 0;
  auto after = [&](int k, const cv::Mat& alone, const cv::Rect& box, int baseline) {
    const int end = box.x + box.width;
    // The right end of the last letter's foot.
    const cv::Rect foot_rows(box.x, baseline - 3, box.width, 4);
    const cv::Rect foot = cv::boundingRect(alone(foot_rows));
    const int foot_end = box.x + foot.x + foot.width;
    switch (k % 8) {
      case 0:
      case 2:
      case 4:
      case 6:  // a printed full stop
        cv::circle(marks, {end + 5, baseline - 2}, 3, cv::Scalar(255), cv::FILLED);
        break;
      case 1:  // a speck pressed to the last letter's foot
        cv::circle(specks, {foot_end + 3, baseline - 1}, 2, cv::Scalar(255), cv::FILLED);
        ++speck_count;
        break;
      case 3:  // a colon
        cv::circle(marks, {end + 5, baseline - 2}, 3, cv::Scalar(255), cv::FILLED);
        cv::circle(marks, {end + 5, baseline - 17}, 3, cv::Scalar(255), cv::FILLED);
        break;
      case 5:  // a speck where a full stop would be
        cv::circle(specks, {end + 6, baseline - 1}, 2, cv::Scalar(255), cv::FILLED);
        ++speck_count;
        break;
      default:  // a comma
        cv::circle(marks, {end + 5, baseline - 2}, 3, cv::Scalar(255), cv::FILLED);
        cv::line(marks, {end + 7, baseline}, {end + 3, baseline + 8}, cv::Scalar(255), 2);
        break;
    }
    return 24;
  };
  const cv::Mat body = LayWordLines([](int k) { return kWords[k % 7]; }, after, 1.3, 150, 900);
  ASSERT_GT(speck_count, 20);
  // A closing block in smaller print: its full stops are as small as the
  // body's specks, and stay.
  cv::Mat small_stops = cv::Mat::zeros(marks.size(), CV_8U);
  const cv::Mat closing = LayWordLines([](int k) { return kWords[k % 7]; },
                                       [&](int, const cv::Mat&, const cv::Rect& box, int baseline) {
                                         cv::circle(small_stops, {box.x + box.width + 4, baseline - 1}, 2,
                                                    cv::Scalar(255), cv::FILLED);
                                         return 18;
                                       },
                                       0.8, 1060, 1110);
  marks |= small_stops;
  const cv::Mat text = body | closing;
  ExpectSpecksGoOnlyFromASpeckledPage(text, marks, specks);  // the small stops are among the marks
}

TEST(StreakTest, CopierStreakThroughTextBecomesPaperAndLettersStay) {
  SyntheticPage page = MakeTextPage(1200, 1400, 13);
  cv::Mat grey = ToGrey(page.bgr);
  // A 4 px streak drifting 6 px down the page, as copier drums draw them.
  cv::Mat streak = cv::Mat::zeros(grey.size(), CV_8U);
  cv::line(streak, {613, 0}, {619, grey.rows - 1}, cv::Scalar(255), 4);
  ASSERT_GT(cv::countNonZero(streak & page.text_mask), 200);
  grey.setTo(70, streak & ~page.text_mask);

  const cv::Mat out = RemoveStreaks(grey);
  // Away from the letters (a stroke's end may run on a few pixels into the
  // band, filled from around it) the streak is paper.
  cv::Mat beside_text;
  cv::dilate(page.text_mask, beside_text, cv::getStructuringElement(cv::MORPH_RECT, {21, 21}));
  EXPECT_GT(ShareAbove(out, streak & ~beside_text, 190), 0.97);
  // Letters away from the streak are untouched; those it crossed keep the
  // strokes that run across it.
  cv::Mat near_streak;
  cv::dilate(streak, near_streak, cv::getStructuringElement(cv::MORPH_RECT, {9, 1}));
  EXPECT_EQ(cv::countNonZero((out != grey) & page.text_mask & ~near_streak), 0);
  EXPECT_GT(ShareBelow(out, page.text_mask, 100), 0.98);
}

// A pale grey streak, paler than any print (OCR still reads it as "|"), is
// found too. Where it crosses a letter whose stem is narrower than the
// streak, the stem is darker than the streak and stays; beside a letter the
// streak becomes paper, not a blend of the two.
TEST(StreakTest, PaleStreakGoesAndTheStemsItCrossesStay) {
  SyntheticPage page = MakeTextPage(1200, 1400, 13);
  cv::Mat grey = ToGrey(page.bgr);
  cv::Mat streak = cv::Mat::zeros(grey.size(), CV_8U);
  cv::line(streak, {613, 0}, {613, grey.rows - 1}, cv::Scalar(255), 7);
  cv::Mat stems = cv::Mat::zeros(grey.size(), CV_8U);
  for (int y = 200; y < grey.rows - 200; y += 150) {
    cv::rectangle(stems, cv::Rect(612, y, 3, 40), cv::Scalar(255), cv::FILLED);
  }
  const cv::Mat print = page.text_mask | stems;
  grey.setTo(20, stems);
  grey.setTo(185, streak & ~print);

  const cv::Mat out = RemoveStreaks(grey);
  cv::Mat near_print;  // where a stroke may run on into the band
  cv::dilate(print, near_print, cv::getStructuringElement(cv::MORPH_RECT, {21, 21}));
  EXPECT_GT(ShareAbove(out, streak & ~near_print, 200), 0.99);
  EXPECT_GT(ShareBelow(out, stems, 100), 0.99);
  EXPECT_GT(ShareBelow(out, page.text_mask, 100), 0.98);
}

// A streak that a copy painted over the print hides what it crossed. The
// strokes that run across the band are filled through it from either side
// (painted over with paper, "N" came apart into "IN", "t" lost its bar).
TEST(StreakTest, StrokesAStreakHidRunOnThroughIt) {
  cv::Mat grey(1400, 1000, CV_8U, cv::Scalar(250));
  cv::Mat bars = cv::Mat::zeros(grey.size(), CV_8U);
  for (int y = 100; y < 1300; y += 60) {
    cv::rectangle(bars, cv::Rect(470, y, 60, 5), cv::Scalar(255), cv::FILLED);                // a bar
    cv::line(bars, {480, y + 20}, {520, y + 45}, cv::Scalar(255), 5);                        // a diagonal
  }
  grey.setTo(15, bars);
  cv::Mat streak = cv::Mat::zeros(grey.size(), CV_8U);
  cv::rectangle(streak, cv::Rect(498, 0, 5, grey.rows), cv::Scalar(255), cv::FILLED);
  grey.setTo(120, streak);  // painted over the print
  const cv::Mat out = RemoveStreaks(grey);
  EXPECT_GT(ShareBelow(out, bars & streak, 128), 0.8);
  cv::Mat near_bars;  // where a stroke's edge blurs into the band
  cv::dilate(bars, near_bars, cv::getStructuringElement(cv::MORPH_RECT, {9, 9}));
  EXPECT_GT(ShareAbove(out, streak & ~near_bars, 200), 0.95);
}

// A streak's core is darker than its soft edges: each place across it is
// judged against its own grey, so no broken line of the core stays (OCR read
// it as "1", "|" or ":").
TEST(StreakTest, AStreaksDarkCoreGoesWithItsPaleEdges) {
  cv::Mat grey(1400, 1000, CV_8U, cv::Scalar(250));
  const int profile[] = {220, 140, 105, 95, 105, 140, 220};
  for (int i = 0; i < 7; ++i) grey.col(497 + i).setTo(profile[i]);
  cv::Mat streak = cv::Mat::zeros(grey.size(), CV_8U);
  streak.colRange(497, 504).setTo(255);
  EXPECT_GT(ShareAbove(RemoveStreaks(grey), streak, 200), 0.99);
}

// Specks on a streak, and patches where it runs darker, are darker than the
// streak but reach no ink beside it: they go with it (filled from around,
// each grew into a blob that OCR read as a stop or a letter: "ra.."), while
// strokes that cross the band stay.
TEST(StreakTest, SpecksOnAStreakGoWithItAndStrokesAcrossItStay) {
  cv::Mat grey(1400, 1000, CV_8U, cv::Scalar(190));
  cv::Mat streak = cv::Mat::zeros(grey.size(), CV_8U);
  streak.colRange(497, 503).setTo(255);
  grey.setTo(75, streak);
  cv::Mat specks = cv::Mat::zeros(grey.size(), CV_8U), bars = cv::Mat::zeros(grey.size(), CV_8U);
  for (int y = 100; y < 1300; y += 100) {
    cv::circle(specks, {500, y}, 2, cv::Scalar(255), cv::FILLED);                       // a speck
    specks(cv::Rect(498, y + 30, 4, 15)).setTo(255);                                   // a darker patch
    cv::rectangle(bars, cv::Rect(470, y + 60, 60, 5), cv::Scalar(255), cv::FILLED);   // a stroke across
  }
  grey.setTo(25, specks | bars);
  const cv::Mat out = RemoveStreaks(grey);
  EXPECT_GT(ShareAbove(out, specks, 160), 0.95);
  EXPECT_GT(ShareBelow(out, bars & ~streak, 100), 0.99);
  EXPECT_GT(ShareBelow(out, bars & streak, 128), 0.8);
}

TEST(StreakTest, PageWithoutStreaksIsUnchanged) {
  const cv::Mat grey = ToGrey(MakeTextPage(1000, 1200).bgr);
  EXPECT_EQ(cv::countNonZero(StreakMask(grey)), 0);
  EXPECT_EQ(cv::countNonZero(RemoveStreaks(grey) != grey), 0);
}

TEST(BackgroundTest, UnevenYellowedLightBecomesWhitePaper) {
  SyntheticPage page = MakeTextPage(1200, 1400);
  cv::Mat grey = ToGrey(page.bgr);
  // Light falls from 100% on the right to 65% on the left; paper is 225.
  cv::Mat lit(grey.size(), CV_32F);
  for (int x = 0; x < grey.cols; ++x) lit.col(x).setTo(0.65 + 0.35 * x / grey.cols);
  cv::Mat f;
  grey.convertTo(f, CV_32F, 225.0 / 255.0);
  f = f.mul(lit);
  f.convertTo(grey, CV_8U);

  const cv::Mat flat = FlattenBackground(grey);
  cv::Mat paper;
  cv::dilate(page.text_mask, paper, cv::getStructuringElement(cv::MORPH_RECT, {9, 9}));
  paper = ~paper;
  cv::Scalar mean, sd;
  cv::meanStdDev(flat, mean, sd, paper);
  EXPECT_GT(mean[0], 245);
  EXPECT_LT(sd[0], 6);
  EXPECT_GT(ShareBelow(flat, page.text_mask, 90), 0.97);
}

TEST(BordersTest, BlackBordersAndGutterShadowBecomePaper) {
  SyntheticPage page = MakeTextPage(1200, 1400);
  cv::Mat grey = ToGrey(page.bgr);
  grey(cv::Rect(0, 0, 70, grey.rows)).setTo(10);    // left border
  grey(cv::Rect(0, 0, grey.cols, 60)).setTo(15);    // top border
  for (int x = 70; x < 100; ++x) grey.col(x).setTo(10 + (x - 70) * 5);  // soft gutter
  ASSERT_EQ(cv::countNonZero(page.text_mask(cv::Rect(0, 0, 110, grey.rows))), 0);
  const cv::Mat out = RemoveBorders(grey);
  EXPECT_GT(cv::mean(out(cv::Rect(0, 0, 100, out.rows)))[0], 230);
  EXPECT_GT(cv::mean(out(cv::Rect(0, 0, out.cols, 60)))[0], 230);
  EXPECT_GT(ShareBelow(out, page.text_mask, 100), 0.99);
}

// A band along any one edge, clear of the corners (a copier's shadow down
// one side, a lid's edge along the foot), goes; text near it stays.
TEST(BordersTest, ABandAlongAnyOneEdgeGoes) {
  const SyntheticPage page = MakeTextPage(1200, 1400);
  const cv::Mat clean = ToGrey(page.bgr);
  const std::vector<std::pair<const char*, cv::Rect>> bands = {
      {"left", cv::Rect(0, 300, 40, 800)},     {"right", cv::Rect(1160, 300, 40, 800)},
      {"top", cv::Rect(300, 0, 600, 30)},      {"bottom", cv::Rect(300, 1370, 600, 30)},
  };
  for (const auto& [edge, band] : bands) {
    ASSERT_EQ(cv::countNonZero(page.text_mask(band)), 0) << edge;
    cv::Mat grey = clean.clone();
    grey(band).setTo(12);
    const cv::Mat out = RemoveBorders(grey);
    EXPECT_GT(cv::mean(out(band))[0], 230) << edge;
    EXPECT_GT(ShareBelow(out, page.text_mask, 100), 0.99) << edge;
  }
}

TEST(BordersTest, PageWithoutBordersIsUnchanged) {
  const cv::Mat grey = ToGrey(MakeTextPage(1000, 1200).bgr);
  EXPECT_EQ(cv::countNonZero(RemoveBorders(grey) != grey), 0);
}

// Steps never write into their input (a grey page's OCR copy may show the
// caller's own pixels), and one that changes nothing hands its input back
// instead of a copy.
TEST(StepContractTest, StepsLeaveTheirInputAloneAndReturnItWhenNothingChanges) {
  SyntheticPage page = MakeTextPage(1200, 1400, 13);
  cv::Mat dirty = ToGrey(page.bgr);
  dirty(cv::Rect(0, 0, 70, dirty.rows)).setTo(10);  // a border
  cv::line(dirty, {613, 0}, {619, dirty.rows - 1}, cv::Scalar(70), 4);  // a streak
  for (int i = 0; i < 40; ++i) {
    cv::circle(dirty, {150 + 23 * i, 1370}, 3, cv::Scalar(0), cv::FILLED);  // specks
  }
  dirty(cv::Rect(600, 0, 600, 700)) -= 40;  // shade over a quarter of the page
  const cv::Mat before = dirty.clone();
  const cv::Mat bordered = RemoveBorders(dirty);
  const cv::Mat streaked = RemoveStreaks(dirty);
  const cv::Mat despeckled = Despeckle(dirty, 300).page;
  const cv::Mat flattened = FlattenBackground(dirty);
  EXPECT_EQ(cv::countNonZero(dirty != before), 0);
  // Each of them did change something here, into a page of its own.
  EXPECT_GT(cv::countNonZero(bordered != before), 0);
  EXPECT_GT(cv::countNonZero(streaked != before), 0);
  EXPECT_GT(cv::countNonZero(despeckled != before), 0);
  EXPECT_GT(cv::countNonZero(flattened != before), 0);
  EXPECT_NE(bordered.data, dirty.data);
  EXPECT_NE(streaked.data, dirty.data);
  EXPECT_NE(despeckled.data, dirty.data);
  EXPECT_NE(flattened.data, dirty.data);

  // Paper white everywhere: nothing to flatten (dividing by white changes no
  // pixel), on a grey page as on a colour one.
  const SyntheticPage white = MakeTextPage(1200, 1400, 13);
  const cv::Mat clean = ToGrey(white.bgr);
  EXPECT_EQ(FlattenBackground(clean).data, clean.data);
  EXPECT_EQ(FlattenBackground(white.bgr).data, white.bgr.data);
  EXPECT_EQ(RemoveBorders(clean).data, clean.data);
  EXPECT_EQ(RemoveStreaks(clean).data, clean.data);
  const DespeckleResult none = Despeckle(clean, 300);
  ASSERT_EQ(none.specks_removed, 0);
  EXPECT_EQ(none.page.data, clean.data);
}

TEST(ResolutionTest, EstimatesDpiFromLinePitch) {
  const cv::Mat grey = ToGrey(MakeTextPage(1600, 2200).bgr);
  EXPECT_NEAR(TextLinePitch(grey), 72, 2);
  EXPECT_NEAR(EstimateDpi(grey), 300, 15);
  EXPECT_NEAR(EstimateDpi(Rescale(grey, 0.5)), 150, 10);
  EXPECT_EQ(EstimateDpi(cv::Mat(800, 600, CV_8U, cv::Scalar(255))), 0);
}

TEST(ResolutionTest, RescaleMultipliesSize) {
  const cv::Mat grey(100, 80, CV_8U, cv::Scalar(200));
  const cv::Mat up = Rescale(grey, 2.0);
  EXPECT_EQ(up.cols, 160);
  EXPECT_EQ(up.rows, 200);
}

TEST(BinarizeTest, SauvolaAndOtsuGiveTwoLevelsKeepingText) {
  const SyntheticPage page = MakeTextPage(1000, 1200);
  const cv::Mat grey = ToGrey(page.bgr);
  for (const cv::Mat& bin : {BinarizeSauvola(grey, 61), BinarizeOtsu(grey)}) {
    EXPECT_EQ(cv::countNonZero((bin != 0) & (bin != 255)), 0);
    EXPECT_GT(ShareBelow(bin, page.text_mask, 128), 0.97);
    EXPECT_LT(ShareBelow(bin, ~page.text_mask, 128), 0.01);
  }
}

// A closing page: a block of text and specks on a large blank sheet. Only
// the inked part is worked on, and it comes out as that part alone would.
TEST(DespeckleTest, ASparsePageIsCleanedAsItsInkedPartAlone) {
  const SyntheticPage text = MakeTextPage(800, 600, 5);
  cv::Mat block = ToGrey(text.bgr);
  // Specks in the right margin, beyond the letters' reach.
  cv::Mat specks = cv::Mat::zeros(block.size(), CV_8U);
  std::mt19937 rng(11);
  for (int k = 0; k < 30; ++k) {
    cv::circle(specks, cv::Point(750 + rng() % 40, 20 + rng() % 560), 1 + rng() % 2, cv::Scalar(255), cv::FILLED);
  }
  block.setTo(30, specks);
  cv::Mat page(1600, 2000, CV_8U, cv::Scalar(255));
  const cv::Rect at(480, 384, block.cols, block.rows);
  block.copyTo(page(at));
  const DespeckleResult whole = Despeckle(page, 300);
  const cv::Mat cleaned = whole.page(at);
  EXPECT_GT(whole.specks_removed, 20);
  EXPECT_LT(ShareBelow(cleaned, specks, 128), 0.02);
  EXPECT_GT(ShareBelow(cleaned, text.text_mask, 100), 0.99);
  EXPECT_EQ(cv::countNonZero(whole.page != 255), cv::countNonZero(cleaned != 255));  // nothing painted elsewhere
  EXPECT_NEAR(BlurScore(page), BlurScore(block), 1e-6 * BlurScore(block));
}

TEST(QualityTest, BlurAndContrastScoresFollowTheDamage) {
  const cv::Mat grey = ToGrey(MakeTextPage(1000, 1200).bgr);
  cv::Mat blurred;
  cv::GaussianBlur(grey, blurred, {0, 0}, 2.5);
  EXPECT_GT(BlurScore(grey), 4 * BlurScore(blurred));
  cv::Mat faint;
  grey.convertTo(faint, CV_8U, 0.3, 170);  // ink ~176, paper ~246
  EXPECT_GT(ContrastScore(grey), 0.8);
  EXPECT_LT(ContrastScore(faint), 0.35);
}

// The blur score is the variance of OpenCV's Laplacian near the ink, also
// where the ink touches the page's edge.
TEST(QualityTest, BlurScoreIsTheLaplaciansVarianceNearInk) {
  cv::Mat grey = ToGrey(MakeTextPage(900, 1000, 7).bgr);
  grey(cv::Rect(0, 0, 40, 300)).setTo(20);  // ink at the top left corner
  // and a rule along the right edge, shaded across so the reflection counts
  for (int i = 0; i < 3; ++i) grey(cv::Rect(grey.cols - 1 - i, 500, 1, 200)).setTo(40 + 80 * i);
  cv::Mat lap, near_ink;
  cv::Laplacian(grey, lap, CV_16S);
  cv::dilate(InkMask(grey), near_ink, cv::getStructuringElement(cv::MORPH_RECT, {5, 5}));
  cv::Scalar mean, sd;
  cv::meanStdDev(lap, mean, sd, near_ink);
  EXPECT_NEAR(BlurScore(grey), sd[0] * sd[0], 1e-9 * sd[0] * sd[0]);
  EXPECT_EQ(BlurScore(cv::Mat(50, 60, CV_8U, cv::Scalar(255))), 0);
}

// The cheap labelling gives OpenCV's own labels and figures, on a page of
// text and on random specks, in both connectivities.
TEST(ComponentsTest, LabelComponentsMatchesOpenCv) {
  cv::Mat specks(300, 420, CV_8U);
  cv::randu(specks, 0, 255);
  specks = specks > 200;
  const cv::Mat text = InkMask(ToGrey(MakeTextPage(800, 600, 9).bgr));
  for (const cv::Mat& mask : {specks, text}) {
    for (int connectivity : {4, 8}) {
      cv::Mat want_labels, want_stats, centroids, labels, stats;
      const int want = cv::connectedComponentsWithStats(mask, want_labels, want_stats, centroids, connectivity, CV_32S);
      ASSERT_EQ(LabelComponents(mask, labels, stats, connectivity), want);
      EXPECT_EQ(cv::countNonZero(labels != want_labels), 0);
      ASSERT_EQ(stats.rows, want);
      // Label 0, the background, is boxed as the whole image; its area is exact.
      EXPECT_EQ(stats.at<int>(0, cv::CC_STAT_AREA), want_stats.at<int>(0, cv::CC_STAT_AREA));
      EXPECT_EQ(cv::countNonZero(stats.rowRange(1, want) != want_stats.rowRange(1, want)), 0);
    }
  }
}

// A closing page at 300 dpi on A4: a block of text at the top and, far
// below it, a faint pencil note, paler than any ink but darker than paper.
struct ClosingPage {
  cv::Mat grey;
  cv::Rect text;   // where the block of text lies
  cv::Rect note;   // where the faint note lies
};

ClosingPage MakeClosingPage(bool with_note) {
  ClosingPage page;
  page.grey = cv::Mat(3508, 2480, CV_8U, cv::Scalar(255));
  const cv::Mat block = ToGrey(MakeTextPage(1800, 640, 17).bgr);
  page.text = cv::Rect(330, 230, block.cols, block.rows);
  block.copyTo(page.grey(page.text));
  page.note = cv::Rect(1500, 3000, 300, 24);
  if (with_note) page.grey(page.note).setTo(200);
  return page;
}

// The reduced, flattened copy the cleaner judges a page on.
cv::Mat AnalysisCopy(const cv::Mat& grey) {
  cv::Mat small;
  const double f = 2264.0 / std::max(grey.cols, grey.rows);
  cv::resize(grey, small, cv::Size(), f, f, cv::INTER_LINEAR);
  return FlattenBackground(small);
}

// The steps after deskew clean only the part of the page that holds
// something darker than paper, with a margin wider than they look around
// the ink; the empty paper of a closing page is left out, a faint note is not.
TEST(InkedPartTest, TheTextWithAMarginAndAnythingDarkerThanPaperAreCleaned) {
  const ClosingPage bare = MakeClosingPage(false);
  const cv::Rect part = PartToClean(AnalysisCopy(bare.grey), bare.grey.size());
  cv::Rect ink = cv::boundingRect(bare.grey < 128);
  const cv::Rect grown(ink.x - 100, ink.y - 100, ink.width + 200, ink.height + 200);
  EXPECT_EQ(part & grown, grown);
  EXPECT_LT(part.br().y, 1400);  // the paper below the text is left out
  EXPECT_LT(part.area(), bare.grey.size().area() / 3);
  // Corners on the grid of the paper brightness's reduced copy.
  EXPECT_EQ(part.x % 4, 0);
  EXPECT_EQ(part.y % 4, 0);

  const ClosingPage noted = MakeClosingPage(true);
  const cv::Rect with_note = PartToClean(AnalysisCopy(noted.grey), noted.grey.size());
  EXPECT_EQ(with_note & noted.note, noted.note);

  const cv::Mat blank(3508, 2480, CV_8U, cv::Scalar(255));
  EXPECT_EQ(PartToClean(AnalysisCopy(blank), blank.size()), cv::Rect(0, 0, 2480, 3508));
}

// Line pitch read on a part of a page is the page's: the middle of the
// page is read where the part holds it, not the middle of the part.
TEST(ResolutionTest, APartOfAPageGivesThePagesLinePitch) {
  const cv::Mat grey = ToGrey(MakeTextPage(1600, 2200, 4).bgr);
  const cv::Rect part(40, 120, 1500, 1900);
  EXPECT_NEAR(TextLinePitch(grey(part), part.tl(), grey.size()), TextLinePitch(grey), 0.5);
  // A closing page's few lines give no pitch, also when only its part is read.
  const ClosingPage closing = MakeClosingPage(false);
  const cv::Rect top(0, 0, closing.grey.cols, 1100);
  EXPECT_EQ(EstimateDpi(closing.grey(top), top.tl(), closing.grey.size()), EstimateDpi(closing.grey));
  EXPECT_NE(TextLinePitch(closing.grey(top)), TextLinePitch(closing.grey(top), top.tl(), closing.grey.size()));
}

// A streak runs a fifth of the page: on a part of a page, a shorter line
// (a rule, a bracket) is no streak, though it runs a fifth of the part.
TEST(StreakTest, OnAPartOfAPageStreaksAreAFifthOfThePageLong) {
  cv::Mat part = ToGrey(MakeTextPage(1200, 900, 3).bgr);
  cv::Mat line = cv::Mat::zeros(part.size(), CV_8U);
  cv::line(line, {1150, 300}, {1150, 600}, cv::Scalar(255), 3);
  part.setTo(40, line);
  EXPECT_GT(ShareAbove(RemoveStreaks(part), line, 200), 0.9);  // taken for a streak of the part
  EXPECT_GT(ShareBelow(RemoveStreaks(part, 3508), line, 100), 0.99);
  EXPECT_EQ(cv::countNonZero(StreakMask(part, 3508)), 0);
}

// How many specks make a page speckled is counted per square inch of the
// page, also when only a part of it is cleaned: 40 specks on 25 square
// inches are many, on an A4 page (97) they are not, and pale marks stay.
TEST(DespeckleTest, SpecksAreCountedOverThePageNotOverThePartCleaned) {
  const StopsPage part = MakeStopsPage(40);
  const DespeckleResult as_page = Despeckle(part.grey, 300);
  EXPECT_GT(ShareAbove(as_page.page, part.pale_stops, 230), 0.95);
  const DespeckleResult as_part = Despeckle(part.grey, 300, cv::Size(2480, 3508));
  EXPECT_GT(ShareBelow(as_part.page, part.pale_stops, 128), 0.99);
  EXPECT_GT(ShareBelow(as_part.page, part.print_stops, 100), 0.99);
}

}  // namespace
}  // namespace sohoa::clean
