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

// An empty A4 page at 300 dpi.
PageText A4Page() {
  PageText page;
  page.width = 2480;
  page.height = 3508;
  return page;
}

std::vector<std::string> Lines(const PageText& p) {
  std::vector<std::string> out;
  std::istringstream in(p.PlainText());
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

TEST(ReadingOrderTest, MergedHeaderLinesAreSplitLeftColumnFirst) {
  PageText page = A4Page();
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

// A speck read as a word in the gutter between the header columns ("w.")
// must not glue the columns into one line; a short real word between two
// ordinary word gaps is kept.
TEST(ReadingOrderTest, SpeckInTheGutterDoesNotJoinTheHeaderColumns) {
  PageText page = A4Page();
  // Left column ends near x=660; the speck stands alone in the 560 px gutter.
  page.lines.push_back(Line(240, {{"HDND THI XA", 400}, {"w.", 900}, {"CONG HOA", 1220}}));
  page.lines.push_back(Line(310, {{"BAN PHAP CHE", 390}, {"Doc lap", 1390}}));
  page.lines.push_back(Line(470, {{"So: 25/BC-HDND", 560}}));
  page.lines.push_back(Line(420, {{"Huong Tra, ngay", 1285}}));
  page.lines.push_back(Line(700, {{"Ve cong tac cai cach hanh chinh nam 2017 tai thi xa Huong Tra", 400}}));
  for (OcrWord& w : page.lines[0].words) w.confidence = 95;
  std::vector<std::string> got = Lines(OrderTwoColumnZones(page));
  std::vector<std::string> want = {"HDND THI XA", "BAN PHAP CHE", "So: 25/BC-HDND",
                                   "CONG HOA",    "Doc lap",      "Huong Tra, ngay",
                                   "Ve cong tac cai cach hanh chinh nam 2017 tai thi xa Huong Tra"};
  EXPECT_EQ(got, want);

  // Read with little confidence, a speck counts even right against a column:
  // "TRA" ends at 685, "w." 45 px later, "CONG" 7 px after it.
  PageText tight = A4Page();
  tight.lines.push_back(Line(240, {{"HDND THI XA TRA", 400}, {"w.", 730}, {"CONG HOA", 777}}));
  tight.lines.push_back(Line(310, {{"BAN PHAP CHE", 390}, {"Doc lap", 1000}}));
  tight.lines[0].words[4].confidence = 21;
  for (size_t i = 0; i < tight.lines[0].words.size(); ++i) {
    if (i != 4) tight.lines[0].words[i].confidence = 95;
  }
  EXPECT_EQ(Lines(OrderTwoColumnZones(tight)),
            (std::vector<std::string>{"HDND THI XA TRA", "BAN PHAP CHE", "CONG HOA", "Doc lap"}));
  // Words set at ordinary spaces stay one line, short or doubtful ones too.
  PageText one = A4Page();
  one.lines.push_back(Line(240, {{"HDND THI XA TRA", 400}, {"w.", 700}, {"CONG HOA", 760}}));
  EXPECT_EQ(Lines(OrderTwoColumnZones(one))[0], "HDND THI XA TRA w. CONG HOA");

  PageText body = A4Page();
  body.lines.push_back(Line(300, {{"tong so 12 ho so", 400}}));
  EXPECT_EQ(Lines(OrderTwoColumnZones(body)), std::vector<std::string>{"tong so 12 ho so"});

  // A short body word the recogniser doubted (JPEG, blur), at the line's
  // ordinary spaces, is a word: it neither vanishes nor splits the line.
  // Type as large as on a JPEG scan of a letter: words 48 px high, 38 px apart.
  PageText doubtful = A4Page();
  OcrLine line;
  int x = 360;
  for (std::string t : {"2023", "theo", "de", "cuong", "huong", "dan", "tai", "Ke", "hoach", "so", "112"}) {
    OcrWord w;
    w.text = t;
    w.box = Box{x, 1250, static_cast<int>(t.size()) * 28, 48};
    w.confidence = t == "de" || t == "tai" ? 30 : 95;
    x = w.box.right() + 38;
    line.words.push_back(w);
  }
  line.box = Box{360, 1250, x - 38 - 360, 48};
  doubtful.lines.push_back(line);
  EXPECT_EQ(Lines(OrderTwoColumnZones(doubtful)),
            std::vector<std::string>{"2023 theo de cuong huong dan tai Ke hoach so 112"});
}

// Header columns set close together: a gap under two word heights still
// splits when it is many times the line's usual space between words.
TEST(ReadingOrderTest, CloseHeaderColumnsSplitByTheirWordSpacing) {
  PageText page = A4Page();
  // "UY BAN NHAN DAN HUYEN" ends at 860; "CONG" starts 70 px later (1.75
  // heights, 4.7 spaces of 15 px).
  page.lines.push_back(Line(240, {{"UY BAN NHAN DAN HUYEN", 400}, {"CONG HOA XA HOI", 936}}));
  page.lines.push_back(Line(310, {{"THACH HA", 560}, {"Doc lap", 1300}}));
  page.lines.push_back(Line(400, {{"So: 45/UBND-VP", 420}, {"Thach Ha, ngay 08", 1200}}));
  page.lines.push_back(Line(700, {{"Kinh gui cac phong ban nganh cap huyen va uy ban nhan dan cac xa", 400}}));
  std::vector<std::string> want = {"UY BAN NHAN DAN HUYEN", "THACH HA", "So: 45/UBND-VP", "CONG HOA XA HOI",
                                   "Doc lap", "Thach Ha, ngay 08",
                                   "Kinh gui cac phong ban nganh cap huyen va uy ban nhan dan cac xa"};
  EXPECT_EQ(Lines(OrderTwoColumnZones(page)), want);
}

TEST(ReadingOrderTest, BodyLinesKeepTheirOrder) {
  PageText page = A4Page();
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
  PageText page = A4Page();
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

// The issuer's name runs into the motto with no gap: "PHUCONG" is one word
// across the column boundary, and the lines below stand in two columns.
PageText HeaderReadAsOneLine() {
  PageText page = A4Page();
  page.lines.push_back(Line(240, {{"UBND HUYEN DONG PHUCONG HOA XA", 400}}));
  page.lines.push_back(Line(310, {{"UY BAN NHAN DAN", 390}, {"Doc lap Tu do", 900}}));
  page.lines.push_back(Line(380, {{"Ha Noi, ngay 5", 880}}));
  page.lines.push_back(Line(450, {{"So: 86/BC-UBND", 420}}));
  page.lines.push_back(Line(700, {{"Ve cong tac cai cach hanh chinh nam 2021 tai xa Luong Dien", 400}}));
  return page;
}

TEST(MergedHeaderTest, FoundWhenALineCrossesTheColumnsAboveTwoColumnLines) {
  std::optional<MergedHeader> m = FindMergedHeader(HeaderReadAsOneLine());
  ASSERT_TRUE(m.has_value());
  // Right of every left-column word (86/BC-UBND ends at 695), left of every
  // right-column one (HOA starts at 860): the crossing word's gap is in there.
  EXPECT_EQ(m->gutter_lo, 695);
  EXPECT_EQ(m->gutter_hi, 860);
  EXPECT_EQ(m->band_top, 240);
  EXPECT_EQ(m->band_bottom, 280);
  // All four header lines, not the body below.
  EXPECT_LE(m->zone.y, 240);
  EXPECT_GE(m->zone.bottom(), 490);
  EXPECT_LT(m->zone.bottom(), 700);
}

TEST(MergedHeaderTest, NotFoundWhenTheColumnsAreReadApart) {
  PageText page = A4Page();
  page.lines.push_back(Line(240, {{"UBND HUYEN", 400}, {"CONG HOA", 1220}}));
  page.lines.push_back(Line(310, {{"UY BAN", 390}, {"Doc lap", 1390}}));
  page.lines.push_back(Line(470, {{"So: 86/BC-UBND", 560}}));
  page.lines.push_back(Line(700, {{"Ve cong tac cai cach hanh chinh nam 2021 tai xa Luong Dien", 400}}));
  EXPECT_FALSE(FindMergedHeader(page).has_value());
}

TEST(MergedHeaderTest, NotFoundForFullWidthLinesAtTheTop) {
  // A title and body lines cross the middle too, but no columns follow them.
  PageText page = A4Page();
  page.lines.push_back(Line(240, {{"THONG BAO KET QUA", 900}}));
  for (int i = 0; i < 4; ++i) {
    page.lines.push_back(Line(320 + 60 * i, {{"mot hai ba bon nam sau bay tam chin muoi mot hai ba bon", 400}}));
  }
  EXPECT_FALSE(FindMergedHeader(page).has_value());
}

TEST(MergedHeaderTest, NotFoundWhenTheIssuerWrapsNextToTheMotto) {
  // "HAI" is the issuer's word, read on the issuer's line and close to it;
  // the motto's own words are not two columns either.
  PageText page = A4Page();
  page.lines.push_back(Line(240, {{"UBND TINH NAM DINH", 480}, {"CONG HOA XA HOI CHU NGHIA", 1220}}));
  page.lines.push_back(Line(306, {{"UY BAN NHAN DAN HUYEN HAI", 380}}));
  page.lines.push_back(Line(313, {{"Doc lap Tu do Hanh phuc", 1394}}));
  page.lines.push_back(Line(370, {{"HAU", 708}}));
  page.lines.push_back(Line(417, {{"Hai Hau, ngay 15", 1324}}));
  page.lines.push_back(Line(470, {{"So: 123/QD-UBND", 550}}));
  page.lines.push_back(Line(700, {{"Ve cong tac cai cach hanh chinh nam 2021 tai xa Luong Dien", 400}}));
  EXPECT_FALSE(FindMergedHeader(page).has_value());
}

TEST(MergedHeaderTest, NotFoundForABodyLineAboveTheFooterColumns) {
  // A short last page: the body's last line, then recipients and signature.
  PageText page = A4Page();
  page.lines.push_back(Line(240, {{"quan, chu tich cac xa, thi tran va cac ong ba co ten tai dieu", 380}}));
  page.lines.push_back(Line(330, {{"Noi nhan:", 400}, {"TM. UY BAN", 1500}}));
  page.lines.push_back(Line(390, {{"- Nhu tren;", 400}, {"CHU TICH", 1600}}));
  page.lines.push_back(Line(450, {{"- Luu: VT.", 400}}));
  EXPECT_FALSE(FindMergedHeader(page).has_value());
}

TEST(MergedHeaderTest, ReplaceZonePutsTheColumnsWhereTheOldLinesStood) {
  PageText page = HeaderReadAsOneLine();
  std::optional<MergedHeader> m = FindMergedHeader(page);
  ASSERT_TRUE(m.has_value());
  PageText left = A4Page(), right = A4Page();
  left.lines.push_back(Line(240, {{"UBND HUYEN DONG PHU", 400}}));
  left.lines.push_back(Line(310, {{"UY BAN NHAN DAN", 390}}));
  right.lines.push_back(Line(240, {{"CONG HOA XA", 800}}));
  PageText out = ReplaceZone(page, m->zone, left, right);
  std::vector<std::string> want = {"UBND HUYEN DONG PHU", "UY BAN NHAN DAN", "CONG HOA XA",
                                   "Ve cong tac cai cach hanh chinh nam 2021 tai xa Luong Dien"};
  EXPECT_EQ(Lines(out), want);
}

// A last page's footer: body lines, then "Noi nhan:" whose dot below touches
// the first item's marks, read as one tall line with the item in fragments.
PageText TangledFooter() {
  PageText page = A4Page();
  for (int i = 0; i < 4; ++i) {
    page.lines.push_back(Line(250 + 72 * i, {{"tren day la bao cao cua uy ban nhan dan xa ve ket qua", 354}}));
  }
  OcrLine tall = Line(566, {{"Noi nhan:", 353}});
  for (OcrWord& w : tall.words) w.box.h = 106;
  tall.box.h = 106;
  page.lines.push_back(tall);
  page.lines.push_back(Line(640, {{"Doan", 414}}));
  page.lines.push_back(Line(636, {{"Kiem tra", 524}}));
  page.lines.push_back(Line(636, {{"CCHC huyen (59", 690}}));
  page.lines.push_back(Line(577, {{"TM. UY BAN NHAN DAN", 1432}}));  // the signature block, apart
  page.lines.push_back(Line(689, {{"- Phong Noi vu huyen (b/c);", 355}}));
  page.lines.push_back(Line(742, {{"- Ban thuong vu Dang uy;", 355}}));
  return page;
}

TEST(TangledLinesTest, ATallLineWithFragmentsBesideItIsOneZone) {
  std::vector<Box> zones = FindTangledLines(TangledFooter());
  ASSERT_EQ(zones.size(), 1u);
  const Box& z = zones[0];
  // "Noi nhan:" and the fragments of the item it swallowed...
  EXPECT_LE(z.x, 353);
  EXPECT_LE(z.y, 566);
  EXPECT_GE(z.right(), 960);  // "(59" ends there
  EXPECT_GE(z.bottom(), 676);
  // ...not the signature block beside them, nor the next item below.
  EXPECT_LT(z.right(), 1432);
  EXPECT_LT(z.bottom(), 689 + 20);
}

TEST(TangledLinesTest, NoneOnOrdinaryLinesOrATallTitleAlone) {
  PageText page = TangledFooter();
  page.lines.erase(page.lines.begin() + 5, page.lines.begin() + 8);  // the fragments
  EXPECT_TRUE(FindTangledLines(page).empty());
  PageText body = A4Page();
  for (int i = 0; i < 6; ++i) {
    body.lines.push_back(Line(250 + 72 * i, {{"tren day la bao cao cua uy ban nhan dan xa ve ket qua", 354}}));
  }
  EXPECT_TRUE(FindTangledLines(body).empty());
}

TEST(MarksTest, MarksFarLowerThanWordsAreNoLetters) {
  PageText page = A4Page();
  for (int i = 0; i < 4; ++i) {
    page.lines.push_back(Line(250 + 72 * i, {{"tren day la bao cao cua uy ban", 354}}));
  }
  // What a seal left: marks 8 px high read as letters, alone on a line.
  OcrLine marks = Line(700, {{"Ấ", 1633}, {"è", 1980}});
  for (OcrWord& w : marks.words) w.box.h = 8;
  page.lines.push_back(marks);
  // A list item's dash is as low, and stays; so does an x-height word.
  OcrLine item = Line(800, {{"– Nhu tren;", 355}});
  item.words[0].box.h = 4;
  item.words[1].box.h = 20;
  page.lines.push_back(item);
  EXPECT_EQ(Lines(DropMarksReadAsLetters(page)),
            (std::vector<std::string>{"tren day la bao cao cua uy ban", "tren day la bao cao cua uy ban",
                                      "tren day la bao cao cua uy ban", "tren day la bao cao cua uy ban",
                                      "– Nhu tren;"}));
}

TEST(MarksTest, LinesOfAStrayMarkOrTwoGo) {
  PageText page = A4Page();
  page.lines.push_back(Line(250, {{"Noi nhan:", 354}}));
  // Left of a seal and a signature: a mark or two alone on a line.
  // Read with confidence: the marks alone make them remnants.
  auto confident = [](OcrLine line) {
    for (OcrWord& w : line.words) w.confidence = 90;
    return line;
  };
  for (const char* stray : {":", "-", "`", ".", ", ;", "\u203A"}) {
    page.lines.push_back(confident(Line(320, {{stray, 1700}})));
  }
  // Text, however short: the closing mark, an ellipsis, an asterisk, a
  // letter or a digit, and three marks.
  for (const char* kept : {"./.", "...", "\u2026", "*", "a", "1", "- -."}) {
    page.lines.push_back(confident(Line(400, {{kept, 400}})));
  }
  // One short word read with little confidence is a remnant; read well, or
  // a number, it is text.
  for (auto [word, confidence] : std::vector<std::pair<const char*, float>>{
           {"mi", 25}, {"-š", 38}, {"xong", 20}, {"Số", 96}, {"12", 10}}) {
    OcrLine line = Line(500, {{word, 1600}});
    line.words[0].confidence = confidence;
    page.lines.push_back(line);
  }
  EXPECT_EQ(Lines(DropStrayMarkLines(page)), (std::vector<std::string>{"Noi nhan:", "./.", "...", "\u2026", "*",
                                                                       "a", "1", "- -.", "xong", "Số", "12"}));
}

// Body lines read well, as the words around a signature block are.
PageText BodyPage() {
  PageText page = A4Page();
  for (int i = 0; i < 4; ++i) {
    OcrLine line = Line(250 + 72 * i, {{"tren day la bao cao cua uy ban", 354}});
    for (OcrWord& w : line.words) w.confidence = 95;
    page.lines.push_back(line);
  }
  return page;
}

// Tesseract put the marks of "CHÁNH VĂN PHÒNG" on a line of their own and
// read the capitals bare, with little confidence.
TEST(MarksTest, MarksTornOffABareLineGiveTheLineToReadAgain) {
  PageText page = BodyPage();
  OcrLine marks = Line(700, {{"Ấ", 1560}, {"Ặ", 1700}, {"è", 1820}});
  for (OcrWord& w : marks.words) w.box.h = 8;
  page.lines.push_back(marks);
  OcrLine bare = Line(712, {{"QUA NHI MA NON G", 1538}});
  for (OcrWord& w : bare.words) w.confidence = 30;
  page.lines.push_back(bare);
  const std::vector<Box> zones = FindOrphanedMarks(page);
  ASSERT_EQ(zones.size(), 1u);
  EXPECT_LE(zones[0].x, 1538);
  EXPECT_GE(zones[0].right(), bare.words.back().box.right());
  EXPECT_LE(zones[0].y, 700);
  EXPECT_GE(zones[0].bottom(), 752);
  // The dropped marks leave the line as it was; the re-read puts them back.
  EXPECT_EQ(Lines(DropMarksReadAsLetters(page)).back(), "QUA NHI MA NON G");

  // The same line read well kept its marks: what stands over it is no part of it.
  for (OcrWord& w : page.lines.back().words) w.confidence = 93;
  EXPECT_TRUE(FindOrphanedMarks(page).empty());
}

TEST(MarksTest, MarksOverNothingAreARemnantNotALine) {
  PageText page = BodyPage();
  OcrLine marks = Line(700, {{"Ấ", 1633}, {"è", 1980}});
  for (OcrWord& w : marks.words) w.box.h = 8;
  page.lines.push_back(marks);
  EXPECT_TRUE(FindOrphanedMarks(page).empty());
}

// "CHỦ TỊCH" under a seal read as "Ấn" in a box for eight letters, the
// hook of "Ủ" read apart above it.
TEST(MarksTest, AWordReadAsFarFewerLettersThanItsBoxHoldsIsReadAgain) {
  PageText page = BodyPage();
  OcrLine hook = Line(299, {{"Ñ", 1769}});
  hook.words[0].box = Box{1769, 299, 12, 14};
  hook.words[0].confidence = 49;
  page.lines.push_back(hook);
  OcrLine stretched = Line(316, {{"Ấn", 1657}});
  stretched.words[0].box = Box{1657, 316, 316, 52};
  stretched.words[0].confidence = 30;
  page.lines.push_back(stretched);
  const std::vector<Box> zones = FindStretchedWords(page);
  ASSERT_EQ(zones.size(), 1u);
  EXPECT_LE(zones[0].x, 1657);
  EXPECT_GE(zones[0].right(), 1973);
  EXPECT_LE(zones[0].y, 299);  // with the hook
  EXPECT_GE(zones[0].bottom(), 368);

  // Read surely, or as many letters as the box holds, or a low remnant: left alone.
  page.lines.back().words[0].confidence = 90;
  EXPECT_TRUE(FindStretchedWords(page).empty());
  page.lines.back().words[0].confidence = 30;
  page.lines.back().words[0].text = "CHỦTỊCH";
  EXPECT_TRUE(FindStretchedWords(page).empty());
  page.lines.back().words[0].text = ".";
  page.lines.back().words[0].box = Box{1763, 577, 40, 12};
  EXPECT_TRUE(FindStretchedWords(page).empty());
}

// A footer where Tesseract's box for the last word of a recipient's line
// ("(b/c);") starts well after the word before it, so that the word stands
// as a line of its own, left of the signature block's column: it stays in
// the recipients' column, next to its line, not after the signature block.
TEST(ReadingOrderTest, AWordJustRightOfAColumnsLongestLineStaysInThatColumn) {
  PageText page = A4Page();
  page.lines.push_back(Line(2580, {{"Noi nhan:", 354}}));
  page.lines.push_back(Line(2636, {{"- Doan Kiem tra CCHC huyen", 354}}));  // ends at 849
  page.lines.push_back(Line(2636, {{"(b/c);", 910}}));
  page.lines.push_back(Line(2578, {{"TM. UY BAN NHAN DAN", 1432}}));
  page.lines.push_back(Line(2660, {{"PHO CHU TICH", 1600}}));
  page.lines.push_back(Line(2690, {{"- Phong Noi vu (b/c);", 354}}));
  page.lines.push_back(Line(2744, {{"- Luu: VP.", 354}}));
  const std::vector<std::string> want = {"Noi nhan:",   "- Doan Kiem tra CCHC huyen", "(b/c);",
                                         "- Phong Noi vu (b/c);", "- Luu: VP.", "TM. UY BAN NHAN DAN",
                                         "PHO CHU TICH"};
  EXPECT_EQ(Lines(OrderTwoColumnZones(page)), want);
}

// A grey page image of `width` x `height`, white, with black blocks (letters'
// ink) at `blocks`.
Image PageImage(int width, int height, const std::vector<Box>& blocks) {
  Image img = Image::Blank(width, height, 1);
  for (const Box& b : blocks) {
    for (int y = b.y; y < b.bottom(); ++y) {
      for (int x = b.x; x < b.right(); ++x) img.pixels[static_cast<size_t>(y) * width + x] = 10;
    }
  }
  return img;
}

// Ink for the letters of a run of `letters` starting at x, on a line whose
// x-height band is rows y..y+h: blocks 14 px wide, 6 px apart.
void AddLetters(std::vector<Box>& blocks, int x, int letters, int y, int h) {
  for (int i = 0; i < letters; ++i) blocks.push_back(Box{x + 20 * i, y, 14, h});
}

// Tesseract read a recipient's line with a stretch left out ("- Doan Kiem
// tra" ... "uyen (b/c);") and the marks of the signature block's title, set a
// little lower, at its far end.
struct LineWithAGap {
  PageText text;
  std::vector<Box> ink;
};

LineWithAGap LineWithAGapPage() {
  LineWithAGap p;
  p.text = A4Page();
  OcrLine read = Line(2636, {{"- Doan Kiem tra", 354}, {"uyen (b/c);", 823}, {"4 -", 1700}});
  read.words[6].box = Box{1700, 2650, 13, 9};  // marks, not letters
  read.words[7].box = Box{1845, 2650, 11, 9};
  p.text.lines.push_back(read);
  p.text.lines.push_back(Line(2660, {{"PHO CHU TICH", 1600}}));
  p.text.lines.push_back(Line(2690, {{"- Phong Noi vu (b/c);", 354}}));
  // Ink under every word read, and the stretch left out between 665 and 815.
  for (const OcrLine& line : p.text.lines) {
    for (const OcrWord& w : line.words) {
      if (w.box.h >= 20) AddLetters(p.ink, w.box.x, std::max(1, w.box.w / 20), w.box.y + 10, 24);
    }
  }
  AddLetters(p.ink, 665, 8, 2646, 24);
  return p;
}

TEST(UnreadInkTest, AStretchOfALineLeftUnreadIsReadAgainWithItsColumn) {
  const LineWithAGap p = LineWithAGapPage();
  const std::vector<Box> zones = FindUnreadInk(p.text, PageImage(2480, 3508, p.ink));
  ASSERT_EQ(zones.size(), 1u);
  const Box& z = zones[0];
  // The whole recipient's line: the words before and after the stretch...
  EXPECT_LE(z.x, 354);
  EXPECT_GE(z.right(), 1018);
  EXPECT_LE(z.y, 2636);
  EXPECT_GE(z.bottom(), 2676);
  // ...not the signature block's marks at its far end, nor the next line.
  EXPECT_LT(z.right(), 1600);
  EXPECT_LT(z.bottom(), 2690 + 10);

  // Tesseract cut the line into pieces, each a line of its own: still one
  // zone, the whole line.
  LineWithAGap pieces = LineWithAGapPage();
  OcrLine& read = pieces.text.lines[0];
  std::vector<OcrWord> words = read.words;
  pieces.text.lines.erase(pieces.text.lines.begin());
  for (const OcrWord& w : words) {
    OcrLine piece;
    piece.words = {w};
    piece.box = w.box;
    pieces.text.lines.push_back(piece);
  }
  const std::vector<Box> one = FindUnreadInk(pieces.text, PageImage(2480, 3508, pieces.ink));
  ASSERT_EQ(one.size(), 1u);
  EXPECT_LE(one[0].x, 354);
  EXPECT_GE(one[0].right(), 1018);
  EXPECT_LT(one[0].right(), 1600);
}

TEST(UnreadInkTest, NoneWhereEveryStretchOfInkIsReadOrTooNarrowForLetters) {
  LineWithAGap p = LineWithAGapPage();
  // The stretch read after all.
  OcrWord cchc;
  cchc.text = "CCHC h";
  cchc.box = Box{665, 2636, 150, 40};
  p.text.lines[0].words.insert(p.text.lines[0].words.begin() + 4, cchc);
  EXPECT_TRUE(FindUnreadInk(p.text, PageImage(2480, 3508, p.ink)).empty());
  // A speck, a rule crossing the line or one along it are no letters.
  LineWithAGap q = LineWithAGapPage();
  q.ink.erase(q.ink.end() - 8, q.ink.end());
  q.ink.push_back(Box{1100, 2640, 8, 8});
  q.ink.push_back(Box{1300, 2500, 3, 400});
  q.ink.push_back(Box{665, 2660, 150, 3});  // a rule under a heading
  EXPECT_TRUE(FindUnreadInk(q.text, PageImage(2480, 3508, q.ink)).empty());
  EXPECT_TRUE(FindUnreadInk(q.text, Image{}).empty());
  // A line of marks (what a seal or a signature left) is no measure of
  // letters: the ink beside it is not a stretch of words left out.
  LineWithAGap r = LineWithAGapPage();
  r.ink.erase(r.ink.end() - 8, r.ink.end());
  OcrLine marks;
  for (int x : {400, 500}) {
    OcrWord m;
    m.text = ".";
    m.box = Box{x, 2800, 10, 12};
    marks.words.push_back(m);
    r.ink.push_back(m.box);
  }
  marks.box = Box{400, 2800, 110, 12};
  r.text.lines.push_back(marks);
  r.ink.push_back(Box{430, 2800, 40, 12});
  EXPECT_TRUE(FindUnreadInk(r.text, PageImage(2480, 3508, r.ink)).empty());
}

// A second reading of a zone wins when it holds more letters (a stretch the
// first left out, a line a tangled one swallowed) read at 75 or more per
// letter on average, however sure the first reading's fewer letters were.
TEST(SecondReadingTest, MoreLettersReadSurelyEnoughWin) {
  const Box zone{340, 620, 700, 60};
  PageText first = A4Page();
  first.lines.push_back(Line(636, {{"- Doan Kiem tra", 354}, {"uyen (b/c);", 823}}));
  first.lines.push_back(Line(900, {{"elsewhere on the page", 354}}));  // outside the zone
  for (OcrLine& l : first.lines) {
    for (OcrWord& w : l.words) w.confidence = 95;
  }
  PageText whole = A4Page();
  whole.lines.push_back(Line(636, {{"- Doan Kiem tra CCHC huyen (b/c);", 354}}));
  for (OcrWord& w : whole.lines[0].words) w.confidence = 95;
  whole.lines[0].words[4].confidence = 40;  // "CCHC", less certain: 87 per letter in all
  EXPECT_TRUE(ReadsMoreLetters(first, zone, whole));
  // What a signature or a picture gives: more letters, read unsurely.
  PageText scribble = whole;
  for (OcrWord& w : scribble.lines[0].words) w.confidence = 55;
  EXPECT_FALSE(ReadsMoreLetters(first, zone, scribble));
  // Fewer letters, or as many, never win this way.
  PageText part = A4Page();
  part.lines.push_back(first.lines[0]);
  EXPECT_FALSE(ReadsMoreLetters(whole, zone, part));
  EXPECT_FALSE(ReadsMoreLetters(part, zone, part));
  EXPECT_FALSE(ReadsMoreLetters(first, zone, PageText{}));
}

TEST(ReadingOrderTest, EmptyPageStaysEmpty) {
  PageText page;
  EXPECT_TRUE(OrderTwoColumnZones(page).lines.empty());
}

}  // namespace
}  // namespace sohoa::ocr
