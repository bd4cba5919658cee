#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "clean/clean.h"
#include "clean/steps.h"

namespace sohoa::clean {
namespace {

// A white page with a ruled grid of `rows` x `cols` cells, a short word in each.
cv::Mat GridPage(int rows, int cols, cv::Rect* frame) {
  cv::Mat page(2000, 1600, CV_8UC1, cv::Scalar(255));
  *frame = cv::Rect(200, 500, 1200, 100 * rows);
  const int w = frame->width / cols;
  for (int r = 0; r <= rows; ++r) {
    cv::line(page, {frame->x, frame->y + 100 * r}, {frame->x + w * cols, frame->y + 100 * r}, 0, 3);
  }
  for (int c = 0; c <= cols; ++c) {
    cv::line(page, {frame->x + w * c, frame->y}, {frame->x + w * c, frame->y + 100 * rows}, 0, 3);
  }
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      cv::putText(page, "ab", {frame->x + w * c + 20, frame->y + 100 * r + 60}, cv::FONT_HERSHEY_SIMPLEX, 1.2, 0, 2);
    }
  }
  // Body text above, with an underline: rules alone make no table.
  cv::putText(page, "Ket qua giai quyet", {200, 300}, cv::FONT_HERSHEY_SIMPLEX, 1.2, 0, 2);
  cv::line(page, {200, 320}, {900, 320}, 0, 3);
  return page;
}

TEST(TablesTest, CellsOfARuledGridInReadingOrder) {
  cv::Rect frame;
  const cv::Mat page = GridPage(3, 4, &frame);
  Result<std::vector<RuledTable>> tables = FindRuledTables(ToImage(page, 300));
  ASSERT_TRUE(tables.ok()) << tables.status().ToString();
  ASSERT_EQ(tables->size(), 1u);
  const RuledTable& t = tables->front();
  EXPECT_NEAR(t.box.x, frame.x, 4);
  EXPECT_NEAR(t.box.y, frame.y, 4);
  EXPECT_NEAR(t.box.w, frame.width, 10);  // the rules are 3 px thick
  ASSERT_EQ(t.cells.size(), 12u);
  // Row by row, left to right.
  for (size_t i = 1; i < t.cells.size(); ++i) {
    const Box& a = t.cells[i - 1];
    const Box& b = t.cells[i];
    if (i % 4 == 0) {
      EXPECT_GT(b.y, a.y + 50) << i;
      EXPECT_LT(b.x, a.x) << i;
    } else {
      EXPECT_NEAR(b.y, a.y, 3) << i;
      EXPECT_GT(b.x, a.x) << i;
    }
  }
}

TEST(TablesTest, NoTableWithoutRulesOrOnAnUnderlinedPage) {
  cv::Mat page(2000, 1600, CV_8UC1, cv::Scalar(255));
  cv::putText(page, "Ket qua giai quyet", {200, 300}, cv::FONT_HERSHEY_SIMPLEX, 1.2, 0, 2);
  cv::line(page, {200, 320}, {1400, 320}, 0, 3);
  cv::line(page, {200, 700}, {1400, 700}, 0, 3);
  Result<std::vector<RuledTable>> tables = FindRuledTables(ToImage(page, 300));
  ASSERT_TRUE(tables.ok());
  EXPECT_TRUE(tables->empty());
  EXPECT_FALSE(FindRuledTables(Image{}).ok());
}

}  // namespace
}  // namespace sohoa::clean
