#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "clean/clean.h"
#include "clean/steps.h"
#include "synthetic_page.h"

namespace sohoa::clean {
namespace {

// A blue received stamp (frame and three lines) over black body text.
struct StampedPage {
  cv::Mat bgr;
  cv::Rect stamp;
  cv::Mat stamp_mask;  // 255 where the stamp inked
  cv::Mat text_mask;   // 255 where black text was printed
};

StampedPage MakeStampedPage() {
  testing::SyntheticPage page = testing::MakeTextPage();
  StampedPage s;
  s.bgr = page.bgr;
  s.text_mask = page.text_mask;
  s.stamp = cv::Rect(300, 380, 520, 240);
  s.stamp_mask = cv::Mat::zeros(s.bgr.size(), CV_8U);
  cv::rectangle(s.stamp_mask, s.stamp, 255, 5);
  const char* lines[] = {"CONG VAN DEN", "So: 1809", "Ngay: 28/09/2021"};
  for (int i = 0; i < 3; ++i) {
    cv::putText(s.stamp_mask, lines[i], {s.stamp.x + 30, s.stamp.y + 65 + 70 * i}, cv::FONT_HERSHEY_SIMPLEX, 1.4,
                255, 3);
  }
  testing::OverlayInk(s.bgr, s.stamp_mask, cv::Scalar(200, 60, 30));  // BGR: blue
  return s;
}

TEST(StampInkTest, FindsTheStampAndKeepsOnlyItsInk) {
  StampedPage page = MakeStampedPage();
  Result<std::vector<StampInk>> found = FindStampInk(ToImage(page.bgr, 300));
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  ASSERT_EQ(found->size(), 1u);
  const StampInk& s = found->front();
  const cv::Rect box(s.box.x, s.box.y, s.box.w, s.box.h);
  EXPECT_EQ((box & page.stamp), page.stamp) << "the whole stamp is inside its box";
  EXPECT_LT(box.area(), 2 * page.stamp.area());

  // The stamp here is straight, so the ink image lines up with its box.
  ASSERT_EQ(s.ink.width, s.box.w);
  const cv::Mat ink = ToMat(s.ink);
  const cv::Mat stamp_in_box = page.stamp_mask(box);
  const cv::Mat text_alone = page.text_mask(box) & ~stamp_in_box;
  ASSERT_GT(cv::countNonZero(text_alone), 500) << "black text runs under the stamp";
  EXPECT_LT(cv::mean(ink, stamp_in_box)[0], 80) << "the stamp's strokes are dark";
  EXPECT_GT(cv::mean(ink, text_alone)[0], 230) << "black text is left out";
}

TEST(StampInkTest, NoStampOnAPageWithoutColouredInk) {
  testing::SyntheticPage page = testing::MakeTextPage();
  Result<std::vector<StampInk>> colour = FindStampInk(ToImage(page.bgr, 300));
  ASSERT_TRUE(colour.ok());
  EXPECT_TRUE(colour->empty());
  Result<std::vector<StampInk>> grey = FindStampInk(ToImage(ToGrey(page.bgr), 300));
  ASSERT_TRUE(grey.ok());
  EXPECT_TRUE(grey->empty());
  EXPECT_FALSE(FindStampInk(Image{}).ok());
}

}  // namespace
}  // namespace sohoa::clean
