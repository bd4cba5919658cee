#include "ocr/reading_order.h"

#include <gtest/gtest.h>

#include <sstream>

namespace sohoa::ocr {
namespace {

// Builds a line from runs of text, each run starting at its x; inside a run
// words are 20 px per character apart by 15 px, all 40 px high.
OcrLine Line(int y, const std::vector<std::pair<std::string, int>>& runs) {
  OcrLine line;
  for (const auto& [run, x0] : runs) {
    std::istringstream in(run);
    int x = x0;
    for (std::string word; in >> word;) {
      OcrWord w;
      w.text = word;
      w.box = Box{x, y, static_cast<int>(word.size()) * 20, 40};
      x = w.box.right() + 15;
      line.words.push_back(w);
    }
  }
  int x0 = line.words.front().box.x, x1 = line.words.back().box.right();
  line.box = Box{x0, y, x1 - x0, 40};
  return line;
}

std::vector<std::string> Lines(const PageText& p) {
  std::vector<std::string> out;
  std::istringstream in(p.PlainText());
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

TEST(ReadingOrderTest, MergedHeaderLinesAreSplitLeftColumnFirst) {
  PageText page;
  page.width = 2480;
  page.height = 3508;
  page.lines.push_back(Line(240, {{"UBND HUYEN", 400}, {"CONG HOA", 1220}}));
  page.lines.push_back(Line(310, {{"UY BAN", 390}, {"Doc lap", 1390}}));
  page.lines.push_back(Line(470, {{"So: 86/BC-UBND", 560}}));
  page.lines.push_back(Line(420, {{"Luong Dien, ngay", 1285}}));
  page.lines.push_back(Line(700, {{"Ve cong tac cai cach hanh chinh nam 2021 tai xa Luong Dien", 400}}));
  PageText ordered = OrderTwoColumnZones(page);
  std::vector<std::string> got = Lines(ordered);
  std::vector<std::string> want = {"UBND HUYEN", "UY BAN",        "So: 86/BC-UBND",
                                   "CONG HOA",   "Doc lap",       "Luong Dien, ngay",
                                   "Ve cong tac cai cach hanh chinh nam 2021 tai xa Luong Dien"};
  EXPECT_EQ(got, want);
}

TEST(ReadingOrderTest, BodyLinesKeepTheirOrder) {
  PageText page;
  page.width = 2480;
  page.height = 3508;
  // Full-width body lines: nothing to split, nothing to reorder.
  for (int i = 0; i < 5; ++i) {
    page.lines.push_back(Line(300 + 60 * i, {{"mot hai ba bon nam sau bay tam chin muoi mot hai ba bon", 400}}));
  }
  page.lines[2].words[0].text = "third";  // marks the third line
  PageText ordered = OrderTwoColumnZones(page);
  ASSERT_EQ(ordered.lines.size(), 5u);
  EXPECT_EQ(ordered.lines[2].words[0].text, "third");
}

TEST(ReadingOrderTest, FooterRecipientsBeforeSignatureBlock) {
  PageText page;
  page.width = 2480;
  page.height = 3508;
  page.lines.push_back(Line(2500, {{"body text runs across the whole width of the page here", 400}}));
  page.lines.push_back(Line(2700, {{"Noi nhan:", 400}, {"TM. UBND", 1500}}));
  page.lines.push_back(Line(2760, {{"- Nhu tren;", 400}, {"CHU TICH", 1600}}));
  page.lines.push_back(Line(2820, {{"- Luu: VT.", 400}}));
  page.lines.push_back(Line(3000, {{"Nguyen Van A", 1550}}));
  std::vector<std::string> got = Lines(OrderTwoColumnZones(page));
  std::vector<std::string> want = {"body text runs across the whole width of the page here", "Noi nhan:", "- Nhu tren;", "- Luu: VT.",
                                   "TM. UBND", "CHU TICH", "Nguyen Van A"};
  EXPECT_EQ(got, want);
}

TEST(ReadingOrderTest, EmptyPageStaysEmpty) {
  PageText page;
  EXPECT_TRUE(OrderTwoColumnZones(page).lines.empty());
}

}  // namespace
}  // namespace sohoa::ocr
