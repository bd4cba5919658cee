// Ruled tables: their cells, in the order a person reads them. Tesseract
// reads a ruled table column by column or glues cells of a row into one
// line; reading each cell on its own, row by row, keeps their text together.
#include <algorithm>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "clean/clean.h"
#include "clean/steps.h"

namespace sohoa::clean {
namespace {

// A rule is a run of ink at least this long (inches): longer than any letter
// stroke, shorter than the narrowest ruled cell.
constexpr double kMinRuleInches = 0.3;
// A table is at least this share of the page width and holds at least
// kMinCells cells.
constexpr double kMinTableWidthShare = 0.3;
constexpr size_t kMinCells = 4;
// A cell is at least this big (inches) each way; smaller enclosed spaces are
// the gaps between doubled rules.
constexpr double kMinCellInches = 0.12;
// Cells whose tops are within this share of the smaller cell's height are
// in one row.
constexpr double kRowTolerance = 0.5;

// Rows top to bottom, cells in a row left to right.
void ReadingOrder(std::vector<cv::Rect>& cells) {
  std::sort(cells.begin(), cells.end(), [](const cv::Rect& a, const cv::Rect& b) { return a.y < b.y; });
  size_t start = 0;
  while (start < cells.size()) {
    size_t end = start + 1;
    while (end < cells.size() &&
           cells[end].y - cells[start].y <
               kRowTolerance * std::min(cells[start].height, cells[end].height)) {
      ++end;
    }
    std::sort(cells.begin() + static_cast<std::ptrdiff_t>(start), cells.begin() + static_cast<std::ptrdiff_t>(end),
              [](const cv::Rect& a, const cv::Rect& b) { return a.x < b.x; });
    start = end;
  }
}

}  // namespace

Result<std::vector<RuledTable>> FindRuledTables(const Image& page) {
  if (page.empty()) return Status::InvalidArgument("cannot look for tables on an empty page");
  try {
    // Only read: a grey page is not copied.
    const cv::Mat grey = GreyOf(ToMat(page));
    const double dpi = page.dpi > 0 ? page.dpi : 300;
    cv::Mat ink;
    cv::threshold(grey, ink, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
    const int rule = std::max(8, static_cast<int>(kMinRuleInches * dpi));
    cv::Mat across, down;
    cv::morphologyEx(ink, across, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, {rule, 1}));
    cv::morphologyEx(ink, down, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, {1, rule}));
    cv::Mat rules = across | down;
    // Close hairline breaks where rules cross or a scan thinned them.
    cv::dilate(rules, rules, cv::getStructuringElement(cv::MORPH_RECT, {3, 3}));

    std::vector<RuledTable> tables;
    cv::Mat labels, stats;
    const int n = LabelComponents(rules, labels, stats, 8);
    const int min_cell = static_cast<int>(kMinCellInches * dpi);
    for (int i = 1; i < n; ++i) {
      const cv::Rect frame(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                           stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
      if (frame.width < kMinTableWidthShare * grey.cols || frame.height < 2 * min_cell) continue;
      // The cells are the spaces the rules enclose: the components of the
      // frame's complement that do not touch its edge.
      cv::Mat frame_rules = (labels(frame) == i);
      cv::Mat spaces = ~frame_rules;
      cv::Mat cell_labels, cell_stats;
      const int m = LabelComponents(spaces, cell_labels, cell_stats, 4);
      std::vector<cv::Rect> cells;
      for (int k = 1; k < m; ++k) {
        const cv::Rect c(cell_stats.at<int>(k, cv::CC_STAT_LEFT), cell_stats.at<int>(k, cv::CC_STAT_TOP),
                         cell_stats.at<int>(k, cv::CC_STAT_WIDTH), cell_stats.at<int>(k, cv::CC_STAT_HEIGHT));
        const bool open = c.x == 0 || c.y == 0 || c.br().x >= frame.width || c.br().y >= frame.height;
        if (open || c.width < min_cell || c.height < min_cell) continue;
        cells.push_back(c + frame.tl());
      }
      if (cells.size() < kMinCells) continue;
      ReadingOrder(cells);
      RuledTable t;
      t.box = Box{frame.x, frame.y, frame.width, frame.height};
      for (const cv::Rect& c : cells) t.cells.push_back(Box{c.x, c.y, c.width, c.height});
      tables.push_back(std::move(t));
    }
    std::sort(tables.begin(), tables.end(), [](const RuledTable& a, const RuledTable& b) { return a.box.y < b.box.y; });
    return tables;
  } catch (const cv::Exception& e) {
    return Status::Internal(std::string("looking for tables failed: ") + e.what());
  }
}

}  // namespace sohoa::clean
