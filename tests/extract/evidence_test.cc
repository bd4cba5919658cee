#include <gtest/gtest.h>

#include "extract/fields.h"
#include "extract/text_util.h"

namespace sohoa::extract {
namespace {

std::vector<std::string> WordsOf(const std::vector<std::string>& lines) {
  std::vector<std::string> out;
  for (const std::string& line : lines)
    for (std::string& w : Words(line)) out.push_back(std::move(w));
  return out;
}

TEST(EvidenceTest, DamagedNameTakesTheSpellingPrintedMostOften) {
  // OCR dropped the grave accent in the header; the date line and the text print it.
  const auto words = WordsOf({"ỦY BAN NHÂN DÂN HUYỆN", "THẠCH HA", "Thạch Hà, ngày 08 tháng 9 năm 2023",
                              "Ủy ban nhân dân huyện Thạch Hà đề nghị"});
  EXPECT_EQ(RepairLocality("ỦY BAN NHÂN DÂN HUYỆN THẠCH HA", words),
            "ỦY BAN NHÂN DÂN HUYỆN THẠCH HÀ");
  // One letter wrong ("Tôn Phú" for "Tân Phú"): the name printed three times wins.
  const auto place = WordsOf({"ỦY BAN NHÂN DÂN XÃ TÂN PHÚ", "Tôn Phú, ngày 05 tháng 02 năm 2024",
                              "Ủy ban nhân dân xã Tân Phú xây dựng", "trên địa bàn xã Tân Phú"});
  EXPECT_EQ(MostPrintedSpelling("Tôn Phú", place), "Tân Phú");
  // "XUYẾÊN": a doubled vowel from OCR.
  const auto doubled =
      WordsOf({"HUYỆN MỸ XUYẾÊN", "Mỹ Xuyên, ngày 14", "huyện Mỹ Xuyên", "UBND huyện Mỹ Xuyên"});
  EXPECT_EQ(RepairLocality("ỦY BAN NHÂN DÂN HUYỆN MỸ XUYẾÊN", doubled),
            "ỦY BAN NHÂN DÂN HUYỆN MỸ XUYÊN");
}

TEST(EvidenceTest, DroppedMarkRestoredFromOneOtherPrinting) {
  // As often printed with the mark as without: OCR drops marks, so the mark was printed.
  const auto words = WordsOf({"ỦY BAN NHÂN DÂN HUYỆN", "THẠCH HA", "Thạch Hà, ngày 08 tháng 9"});
  EXPECT_EQ(RepairLocality("ỦY BAN NHÂN DÂN HUYỆN THẠCH HA", words),
            "ỦY BAN NHÂN DÂN HUYỆN THẠCH HÀ");
  const auto parent = WordsOf({"UBND HUYỆN ĐÔNG PHÚ", "nhân dân huyện Đồng Phú về"});
  EXPECT_EQ(RepairLocality("UBND HUYỆN ĐÔNG PHÚ", parent), "UBND HUYỆN ĐỒNG PHÚ");
}

TEST(EvidenceTest, SpeckAfterTheLocalityDropped) {
  const auto words = WordsOf({"ỦY BAN NHÂN DÂN XÃ LƯƠNG", "ĐIỀN TT", "Lương Điền, ngày 28",
                              "UBND xã Lương Điền báo cáo"});
  EXPECT_EQ(RepairLocality("ỦY BAN NHÂN DÂN XÃ LƯƠNG ĐIỀN TT", words),
            "ỦY BAN NHÂN DÂN XÃ LƯƠNG ĐIỀN");
  // Printed with it elsewhere too: part of the name.
  const auto named = WordsOf({"SỞ Y TẾ TỈNH BÀ RỊA VT", "tỉnh Bà Rịa VT", "Bà Rịa VT"});
  EXPECT_EQ(RepairLocality("SỞ Y TẾ TỈNH BÀ RỊA VT", named), "SỞ Y TẾ TỈNH BÀ RỊA VT");
}

TEST(EvidenceTest, TieWithAsManyMarksGoesToTheSurerReading) {
  // "HẠ" and "Hà" once each: the reading OCR was surer of wins; unknown: as printed.
  const auto words = WordsOf({"THẠCH HẠ", "Thạch Hà, ngày 08"});
  const std::vector<float> confidence = {60, 55, 95, 93, 90, 90};
  EXPECT_EQ(MostPrintedSpelling("THẠCH HẠ", words, &confidence), "THẠCH HÀ");
  const std::vector<float> surer_header = {96, 95, 70, 60, 90, 90};
  EXPECT_EQ(MostPrintedSpelling("THẠCH HẠ", words, &surer_header), "THẠCH HẠ");
  EXPECT_EQ(MostPrintedSpelling("THẠCH HẠ", words), "THẠCH HẠ");
}

TEST(EvidenceTest, NameKeptWithoutEnoughEvidence) {
  // Printed once elsewhere, one letter away: not enough to overrule the header.
  const auto once = WordsOf({"XÃ TÔN PHÚ", "Tân Phú, ngày 08"});
  EXPECT_EQ(MostPrintedSpelling("TÔN PHÚ", once), "TÔN PHÚ");
  // A spelling with fewer marks does not replace one with more.
  const auto fewer = WordsOf({"HUYỆN ĐỒNG PHÚ", "huyện Đông Phú"});
  EXPECT_EQ(MostPrintedSpelling("ĐỒNG PHÚ", fewer), "ĐỒNG PHÚ");
  // Another place two letters away is another place.
  const auto other = WordsOf({"Hà Nam", "tỉnh Hà Nội", "thành phố Hà Nội", "Hà Nội"});
  EXPECT_EQ(MostPrintedSpelling("Hà Nam", other), "Hà Nam");
  // A letter added is another name, however often printed; a letter read as
  // another needs three printings.
  const auto thanh = WordsOf({"HUYỆN THANH HÀ", "tỉnh Thanh Hóa", "Thanh Hóa", "Thanh Hóa"});
  EXPECT_EQ(MostPrintedSpelling("THANH HÀ", thanh), "THANH HÀ");
  const auto neighbours = WordsOf({"XÃ TÂN HỘI", "xã Tân Hòa", "xã Tân Hòa"});
  EXPECT_EQ(MostPrintedSpelling("TÂN HỘI", neighbours), "TÂN HỘI");
  // A short name one letter away is not merged.
  const auto short_name = WordsOf({"xã Ân", "xã An", "xã An"});
  EXPECT_EQ(MostPrintedSpelling("Ân", short_name), "Ân");
  // No level word: nothing to repair.
  EXPECT_EQ(RepairLocality("SỞ NỘI VỤ", once), "SỞ NỘI VỤ");
}

TEST(EvidenceTest, AuthoritySpeltAsTheIssuer) {
  EXPECT_EQ(AuthorityAsIssuerPrints("TM. UY BẠN NHAN DAN", "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ"),
            "TM. ỦY BAN NHÂN DÂN");
  EXPECT_EQ(AuthorityAsIssuerPrints("TM. ỦY BAN NHÂN DÂN XÃ", "ỦY BAN NHÂN DÂN XÃ LƯƠNG ĐIỀN"),
            "TM. ỦY BAN NHÂN DÂN XÃ");
  // Another body, or a head's title: as printed.
  EXPECT_EQ(AuthorityAsIssuerPrints("KT. CHỦ TỊCH", "ỦY BAN NHÂN DÂN HUYỆN HẢI HẬU"),
            "KT. CHỦ TỊCH");
  EXPECT_EQ(AuthorityAsIssuerPrints("TM. BAN THƯỜNG VỤ", "BAN PHÁP CHẾ"), "TM. BAN THƯỜNG VỤ");
}

TEST(SourceTest, FindsTheLinesAValueWasReadFrom) {
  const std::vector<std::string> lines = {"UBND HUYỆN CẨM GIÀNG", "ỦY BAN NHÂN DÂN XÃ LƯƠNG", "ˆ",
                                          "ĐIỀN", "Số: 86 / BC - UBND"};
  auto issuer = FindValueLines(lines, "ỦY BAN NHÂN DÂN XÃ LƯƠNG ĐIỀN");
  ASSERT_TRUE(issuer);
  EXPECT_EQ(issuer->begin, 1u);
  EXPECT_EQ(issuer->end, 4u);
  auto number = FindValueLines(lines, "86/BC-UBND");
  ASSERT_TRUE(number);
  EXPECT_EQ(number->begin, 4u);
  EXPECT_FALSE(number->exact);  // spaces inside: read after repair
  auto parent = FindValueLines(lines, "UBND HUYỆN CẨM GIÀNG");
  ASSERT_TRUE(parent);
  EXPECT_TRUE(parent->exact);
  EXPECT_FALSE(FindValueLines(lines, "SỞ NỘI VỤ"));
  EXPECT_FALSE(FindValueLines(lines, "UBND HUYỆN CẨM GIÀNG", 1));
}

TEST(SourceTest, BoxIsTheUnionOfTheLinesAndConfidenceScalesWithOcr) {
  std::vector<LineGeometry> geometry(3);
  geometry[0] = {Box{100, 200, 400, 40}, 90};
  geometry[1] = {Box{80, 250, 300, 40}, 70};
  geometry[2] = {Box{}, 0};  // a speck line without a box
  FieldSource s = SourceOfLines(0, geometry, LineSpan{0, 3, true}, 1.0);
  EXPECT_EQ(s.box.x, 80);
  EXPECT_EQ(s.box.y, 200);
  EXPECT_EQ(s.box.w, 420);
  EXPECT_EQ(s.box.h, 90);
  EXPECT_DOUBLE_EQ(s.confidence, 0.8);
  // Text input: no boxes, no OCR confidence: the rule's certainty alone.
  FieldSource text = SourceOfLines(1, std::vector<LineGeometry>(2), LineSpan{0, 2, false}, 0.8);
  EXPECT_EQ(text.box.w, 0);
  EXPECT_EQ(text.page_index, 1);
  EXPECT_DOUBLE_EQ(text.confidence, 0.8);
}

}  // namespace
}  // namespace sohoa::extract
