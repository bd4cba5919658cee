#include <gtest/gtest.h>

#include <string>

#include "test_util.h"
#include "text/text.h"

namespace sohoa::text {
namespace {

class CorrectorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    n_ = MakeNormalizer();
    ASSERT_NE(n_, nullptr);
  }
  std::unique_ptr<TextNormalizer> n_;
};

TEST_F(CorrectorTest, DroppedMarkWithOneCandidateIsRestored) {
  CorrectedText r = n_->Correct("vuợt qua khó khăn");
  EXPECT_EQ(r.text, "vượt qua khó khăn");
  EXPECT_EQ(r.raw, "vuợt qua khó khăn");
  ASSERT_EQ(r.corrections.size(), 1u);
  EXPECT_EQ(r.corrections[0].from, "vuợt");
  EXPECT_EQ(r.corrections[0].to, "vượt");
  EXPECT_EQ(r.corrections[0].reason, "only valid syllable with these letters");
  EXPECT_EQ(n_->Correct("số nguời").text, "số người");
}

TEST_F(CorrectorTest, AmbiguousWordWithoutEvidenceStays) {
  // quyết and quyệt are both real syllables.
  CorrectedText r = n_->Correct("Giải quyet");
  EXPECT_EQ(r.text, "Giải quyet");
  EXPECT_TRUE(r.corrections.empty());
}

TEST_F(CorrectorTest, DocumentEvidenceSettlesAnAmbiguousWord) {
  CorrectedText r = n_->Correct("Quyết định số 12.\nGiải quyet hồ sơ");
  EXPECT_EQ(r.text, "Quyết định số 12.\nGiải quyết hồ sơ");
  ASSERT_EQ(r.corrections.size(), 1u);
  EXPECT_NE(r.corrections[0].reason.find("elsewhere in the document"), std::string::npos);
}

TEST_F(CorrectorTest, EvidenceFromAnotherPageOfTheDocument) {
  auto pages = n_->CorrectDocument({"Về việc giải quyết khiếu nại", "Giải quyet xong"});
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0].text, "Về việc giải quyết khiếu nại");
  EXPECT_EQ(pages[1].text, "Giải quyết xong");
}

TEST_F(CorrectorTest, HeadingInCapitalsIsCorrectedAndKeepsCase) {
  EXPECT_EQ(n_->Correct("Căn cứ Quyết định số 5. QUYET ĐỊNH").text,
            "Căn cứ Quyết định số 5. QUYẾT ĐỊNH");
}

TEST_F(CorrectorTest, PairReadManyTimesFixesTheOddReading) {
  const std::string body = "quyết định số 1, quyết định số 2, quyết định số 3, quyết định số 4, ";
  CorrectedText r = n_->Correct(body + "quyết đình số 5");
  EXPECT_EQ(r.text, body + "quyết định số 5");
  ASSERT_EQ(r.corrections.size(), 1u);
  EXPECT_EQ(r.corrections[0].reason, "read as \"quyết định\" 4 times in this document");
  // Three readings are not enough evidence (min_repetitions = 4).
  const std::string three = "quyết định số 1, quyết định số 2, quyết định số 3, ";
  EXPECT_EQ(n_->Correct(three + "quyết đình số 5").text, three + "quyết đình số 5");
}

TEST_F(CorrectorTest, CommonWordIsNotOverriddenByAFrequentPair) {
  const std::string text =
      "đối với A, đối với B, đối với C, đối với D, đối với E. Cải cách đi đôi với kỷ cương";
  EXPECT_EQ(n_->Correct(text).text, text);
}

TEST_F(CorrectorTest, StrayLetterNeedsEvidence) {
  EXPECT_EQ(n_->Correct("cöng").text, "cöng");  // công or cong: no way to tell
  EXPECT_EQ(n_->Correct("Ủy ban công bố cöng khai").text, "Ủy ban công bố công khai");
}

TEST_F(CorrectorTest, NamesWithoutEvidenceStay) {
  EXPECT_EQ(n_->Correct("Ông Vuợt").text, "Ông Vuợt");
  EXPECT_EQ(n_->Correct("Nguyen Van Tuan").text, "Nguyen Van Tuan");
}

TEST_F(CorrectorTest, NumbersCodesAndDatesAreNeverChanged) {
  for (const char* text :
       {"ISO 9001:2015", "Số: 17/BC-UBND", "ngày 29/4/2020", "Kế hoạch số 32/KH-UBND",
        "UBND HĐND VT QĐ", "tháng 05/2023", "123/QĐ-UBND-NV", "Điều 1.", "1.250.000 đồng"}) {
    CorrectedText r = n_->Correct(text);
    EXPECT_EQ(r.text, text);
    EXPECT_TRUE(r.corrections.empty()) << text;
  }
}

TEST_F(CorrectorTest, CyrillicInsideCodeIsRepairedNotCorrected) {
  CorrectedText r = n_->Correct("Số: 45/UBND-\xD0\xA1V");  // Cyrillic С
  EXPECT_EQ(r.raw, "Số: 45/UBND-CV");
  EXPECT_EQ(r.text, "Số: 45/UBND-CV");
}

TEST_F(CorrectorTest, WhitespaceIsKept) {
  EXPECT_EQ(n_->Correct("  số\tnguời\n\nđến ").text, "  số\tngười\n\nđến ");
}

TEST_F(CorrectorTest, CorrectionCanBeSwitchedOff) {
  auto plain = MakeNormalizer(Options{.correct = false});
  ASSERT_NE(plain, nullptr);
  CorrectedText r = plain->Correct("vuợt");
  EXPECT_EQ(r.text, "vuợt");
  EXPECT_TRUE(r.corrections.empty());
}

TEST_F(CorrectorTest, NormalizePageCorrectsWordsInPlace) {
  PageText page;
  OcrLine line;
  line.words.push_back(OcrWord{"số", Box{0, 0, 10, 10}, 90});
  line.words.push_back(OcrWord{"nguời", Box{20, 0, 30, 10}, 60});
  page.lines.push_back(line);
  PageText out = n_->NormalizePage(page);
  ASSERT_EQ(out.lines[0].words.size(), 2u);
  EXPECT_EQ(out.lines[0].words[1].text, "người");
  EXPECT_EQ(out.lines[0].words[1].box.x, 20);
}

}  // namespace
}  // namespace sohoa::text
