#include "text/text.h"
#include "test_util.h"

#include <gtest/gtest.h>

namespace sohoa::text {
namespace {

std::unique_ptr<TextNormalizer> Make(Options options = {}) { return MakeNormalizer(options); }

TEST(NormalizerTest, NfdInputBecomesNfc) {
  auto* n = SharedNormalizer();
  // "Quyết" with e + circumflex + acute as combining marks.
  EXPECT_EQ(n->Nfc("Quye\xCC\x82\xCC\x81t"), "Quyết");
  // Precomposed ê followed by a combining acute.
  EXPECT_EQ(n->Nfc("Quy\xC3\xAA\xCC\x81t"), "Quyết");
  // Marks in the wrong order: tone before circumflex.
  EXPECT_EQ(n->Nfc("Quye\xCC\x81\xCC\x82t"), "Quyết");
  // u + horn + dot below.
  EXPECT_EQ(n->Nfc("nhu\xCC\x9B\xCC\xA3"), "nhự");
}

TEST(NormalizerTest, LookAlikesMappedInsideLatinWordsAndCodes) {
  auto* n = SharedNormalizer();
  EXPECT_EQ(n->Nfc("\xD0\xA1V"), "CV");                      // Cyrillic С in "СV"
  EXPECT_EQ(n->Nfc("17/B\xD0\xA1-UBND"), "17/BC-UBND");      // Cyrillic С in a code
  EXPECT_EQ(n->Nfc("H\xD0\x9E\xD0\x90"), "HOA");             // Cyrillic О, А
  EXPECT_EQ(n->Nfc("\xC3\xB0i\xE1\xBB\x81u"), "điều");       // eth for đ
  EXPECT_EQ(n->Nfc("\xC3\x90\xE1\xBB\x8Bnh"), "Định");       // capital eth
  EXPECT_EQ(n->Nfc("Привет"), "Привет");                     // a real Cyrillic word stays
}

TEST(NormalizerTest, InvisiblesDroppedAndNoBreakSpaceIsSpace) {
  auto* n = SharedNormalizer();
  EXPECT_EQ(n->Nfc("Quy\xE2\x80\x8B\xE1\xBA\xBFt\xC2\xA0\xC4\x91\xE1\xBB\x8Bnh"), "Quyết định");
}

TEST(NormalizerTest, BothToneStylesCompareEqual) {
  auto* n = SharedNormalizer();
  EXPECT_EQ(n->Canonical("hoà"), "hòa");
  EXPECT_EQ(n->Canonical("hòa"), "hòa");
  EXPECT_EQ(n->Canonical("thuỷ"), n->Canonical("thủy"));
  EXPECT_EQ(n->Canonical("xoá"), "xóa");
  EXPECT_EQ(n->Canonical("CỘNG HOÀ"), "CỘNG HÒA");
  EXPECT_EQ(n->Canonical("Uỷ ban"), "Ủy ban");
  EXPECT_EQ(n->Canonical("khoẻ"), "khỏe");
  // Words whose tone place does not depend on the style are unchanged.
  EXPECT_EQ(n->Canonical("hoàn thành quyết toán quý"), "hoàn thành quyết toán quý");
  EXPECT_EQ(n->Canonical("hoạ, (thuỷ)."), "họa, (thủy).");
}

TEST(NormalizerTest, DisplayTextKeepsTheOriginalStyle) {
  auto* n = SharedNormalizer();
  EXPECT_EQ(n->Nfc("hoà thuỷ"), "hoà thuỷ");
}

TEST(NormalizerTest, SearchKeyFoldsDiacriticsCaseAndSpaces) {
  auto* n = SharedNormalizer();
  EXPECT_EQ(n->SearchKey("QUYẾT ĐỊNH"), "quyet dinh");
  EXPECT_EQ(n->SearchKey("đ"), "d");
  EXPECT_EQ(n->SearchKey("  Ủy   ban\n nhân dân "), "uy ban nhan dan");
  EXPECT_EQ(n->SearchKey("hoà"), n->SearchKey("hòa"));
  EXPECT_EQ(n->SearchKey("Số: 17/BC-UBND"), "so: 17/bc-ubnd");
}

TEST(NormalizerTest, NormalizePageKeepsBoxesAndFixesWords) {
  auto n = Make(Options{.correct = false, .bigram_model_path = ""});
  PageText page;
  OcrLine line;
  line.words.push_back(OcrWord{"Quye\xCC\x82\xCC\x81t", Box{10, 20, 30, 40}, 91});
  line.words.push_back(OcrWord{"\xC3\xB0\xE1\xBB\x8Bnh", Box{50, 20, 30, 40}, 88});
  page.lines.push_back(line);
  PageText out = n->NormalizePage(page);
  ASSERT_EQ(out.lines.size(), 1u);
  ASSERT_EQ(out.lines[0].words.size(), 2u);
  EXPECT_EQ(out.lines[0].words[0].text, "Quyết");
  EXPECT_EQ(out.lines[0].words[1].text, "định");
  EXPECT_EQ(out.lines[0].words[1].box.x, 50);
  EXPECT_FLOAT_EQ(out.lines[0].words[1].confidence, 88);
}

TEST(NormalizerTest, MissingDictionaryIsAFailedPrecondition) {
  Options options;
  options.syllable_dictionary_path = "/nonexistent/vi_VN.dic";
  auto created = TextNormalizer::Create(options);
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(created.status().message().find("hunspell-vi"), std::string::npos);
}

TEST(NormalizerTest, MissingBigramModelIsAFailedPrecondition) {
  Options options;
  options.syllable_dictionary_path = TestDictionaryPath();
  options.bigram_model_path = "/nonexistent/vi_syllable_bigrams.tsv";
  auto created = TextNormalizer::Create(options);
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(created.status().message().find("bigram model"), std::string::npos);
}

TEST(NormalizerTest, BadRepetitionThresholdIsInvalidArgument) {
  Options options;
  options.min_repetitions = 1;
  auto created = TextNormalizer::Create(options);
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace sohoa::text
