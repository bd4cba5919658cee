// Runs the real Tesseract engine with the project's model (models/, fetched
// by scripts/setup.sh) on real dev pages.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "clean/clean.h"
#include "intake/intake.h"
#include "ocr/ocr.h"

namespace sohoa::ocr {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

Options ProjectOptions() {
  Options o;
  o.tessdata_dir = std::string(SOHOA_SOURCE_DIR) + "/models";
  return o;
}

std::string DevImage(const std::string& name) {
  return std::string(SOHOA_SHARED_DIR) + "/eval/dev/images/" + name;
}

TEST(TesseractEngineTest, MissingModelIsFailedPreconditionNamingSetup) {
  Options o;
  o.tessdata_dir = "/nonexistent/models";
  auto engine = Engine::Create(o);
  EXPECT_EQ(engine.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(engine.status().message(), HasSubstr("vie.traineddata"));
  EXPECT_THAT(engine.status().message(), HasSubstr("setup"));
}

TEST(TesseractEngineTest, EmptyImageIsInvalidArgument) {
  auto engine = Engine::Create(ProjectOptions());
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  EXPECT_EQ((*engine)->Recognize(Image{}, 300).status().code(), StatusCode::kInvalidArgument);
}

TEST(TesseractEngineTest, ReadsARuledTableCellByCellRowByRow) {
  const std::string path = DevImage("000_p05_clean.png");
  if (!fs::exists(path)) GTEST_SKIP() << "no shared eval data";
  auto engine = Engine::Create(ProjectOptions());
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  auto page = intake::ReadPage(path, 0, intake::Options{});
  ASSERT_TRUE(page.ok());
  auto tables = clean::FindRuledTables(page->image);
  ASSERT_TRUE(tables.ok()) << tables.status().ToString();
  ASSERT_EQ(tables->size(), 1u);
  auto text = (*engine)->Recognize(page->image, 300, *tables);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  const std::string plain = text->PlainText();
  // The header row's cells one after another, each cell's lines together,
  // then the next row: not column by column.
  std::vector<size_t> at;
  for (const char* s : {"Loại thủ tục hành\nchính", "Số\nTTHC", "Số hồ sơ tiếp\nnhận", "Đúng hạn", "1. Đất đai",
                        "2. Lĩnh vực văn\nphòng"}) {
    at.push_back(plain.find(s));
    ASSERT_NE(at.back(), std::string::npos) << s << " in\n" << plain;
  }
  EXPECT_TRUE(std::is_sorted(at.begin(), at.end())) << plain;
}

TEST(TesseractEngineTest, ReadsHeaderPageInClerkOrder) {
  const std::string path = DevImage("000_p01_clean.png");
  if (!fs::exists(path)) GTEST_SKIP() << "no shared eval data";
  auto engine = Engine::Create(ProjectOptions());
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  auto page = intake::ReadPage(path, 0, intake::Options{});
  ASSERT_TRUE(page.ok());
  auto text = (*engine)->Recognize(page->image, 300);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  const std::string plain = text->PlainText();
  EXPECT_THAT(plain, HasSubstr("Số: 86/BC-UBND"));
  EXPECT_THAT(plain, HasSubstr("Lương Điền, ngày 28 tháng 9 năm 2021"));
  // Left header column (issuer, number) before the right one (motto).
  const size_t issuer = plain.find("ỦY BAN NHÂN DÂN XÃ");
  const size_t number = plain.find("Số: 86/BC-UBND");
  const size_t motto = plain.find("CỘNG HÒA XÃ HỘI");
  ASSERT_NE(issuer, std::string::npos);
  ASSERT_NE(motto, std::string::npos);
  EXPECT_LT(issuer, motto);
  EXPECT_LT(number, motto);
  // Words carry boxes inside the page and confidences.
  ASSERT_FALSE(text->lines.empty());
  const OcrWord& w = text->lines.front().words.front();
  EXPECT_GT(w.box.w, 0);
  EXPECT_LE(w.box.right(), page->image.width);
  EXPECT_GT(w.confidence, 50);
  EXPECT_GT(text->mean_confidence, 70);
  // Per-character readings for the corrector: the printed one first, so the
  // first choices spell the word; some letters have a second reading.
  int words = 0, spelled = 0, with_alternatives = 0;
  for (const OcrLine& line : text->lines) {
    for (const OcrWord& word : line.words) {
      ++words;
      std::string first;
      for (const auto& choices : word.glyph_choices) {
        ASSERT_FALSE(choices.empty());
        first += choices[0].text;
        if (choices.size() > 1) ++with_alternatives;
        for (const GlyphChoice& c : choices) {
          EXPECT_GE(c.probability, 0.f);
          EXPECT_LE(c.probability, 1.f);
        }
      }
      if (first == word.text) ++spelled;
    }
  }
  EXPECT_GT(spelled, words * 8 / 10) << spelled << " of " << words;
  EXPECT_GT(with_alternatives, 0);
}

TEST(TesseractEngineTest, OrientationDetectorUprightsQuarterTurn) {
  const std::string path = DevImage("000_p01_rot90.png");
  if (!fs::exists(path)) GTEST_SKIP() << "no shared eval data";
  auto engine = Engine::Create(ProjectOptions());
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  auto page = intake::ReadPage(path, 0, intake::Options{});
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->image.channels, 1);
  auto detector = (*engine)->MakeOrientationDetector();
  auto est = detector->Detect(page->image);
  ASSERT_TRUE(est.ok()) << est.status().ToString();
  // rot90 = the page was turned 90 degrees counter-clockwise: a clockwise quarter turn uprights it.
  EXPECT_EQ(est->rotate_cw_deg, 90);
  EXPECT_TRUE(est->reliable);
}

}  // namespace
}  // namespace sohoa::ocr
