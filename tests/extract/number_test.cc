#include <gtest/gtest.h>

#include "extract/fields.h"

namespace sohoa::extract {
namespace {

std::string Printed(std::string_view line) {
  auto after = AfterNumberLabel(line);
  if (!after) return "<no label>";
  auto number = ParseDocumentNumber(*after);
  return number ? number->printed : "<none>";
}

TEST(NumberTest, PlainNumberSplitsIntoParts) {
  auto n = ParseDocumentNumber("155/2020/NĐ-CP");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->printed, "155/2020/NĐ-CP");
  EXPECT_EQ(n->ordinal, 155);
  EXPECT_EQ(n->year, 2020);
  EXPECT_EQ(n->type_abbreviation, "NĐ");
  EXPECT_EQ(n->issuer_code, "CP");
}

TEST(NumberTest, LabelVariants) {
  EXPECT_EQ(Printed("Số: 17/BC-UBND"), "17/BC-UBND");
  EXPECT_EQ(Printed("Số:155 /2020/NĐ-CP"), "155/2020/NĐ-CP");
  EXPECT_EQ(Printed("Sô: 05/QD-UBND"), "05/QĐ-UBND");
  EXPECT_EQ(Printed("Sẽ: 78/KH-UBND"), "78/KH-UBND");
  EXPECT_EQ(Printed("'Số: 86/BC-UBND"), "86/BC-UBND");
  EXPECT_EQ(Printed("Luật số: 29/2013/QH13"), "29/2013/QH13");
  EXPECT_EQ(Printed("Sẽ 78 tháng"), "<no label>");
  // "Số" read with a digit for the S, and specks glued before the label.
  EXPECT_EQ(Printed("5Ô: 78/KH-UBND"), "78/KH-UBND");
  EXPECT_EQ(Printed("56: 45/UBND-VP"), "45/UBND-VP");
  EXPECT_EQ(Printed("4::Số: 123/QĐ-UBND"), "123/QĐ-UBND");
  EXPECT_EQ(Printed("56 45/UBND-VP"), "<no label>");
  EXPECT_EQ(Printed("5E: 12/KH"), "<no label>");
  EXPECT_EQ(Printed("Số: 86/BC-UBND Lương Điền, ngày 28 tháng 9 năm 2021"), "86/BC-UBND");
}

TEST(NumberTest, RepairsOcrSlash) {
  EXPECT_EQ(Printed("Số: 17lBC-UBND"), "17/BC-UBND");
  EXPECT_EQ(Printed("Số: 17IBC-UBND"), "17/BC-UBND");
  EXPECT_EQ(Printed("Số: 171BC-UBND"), "17/BC-UBND");
  EXPECT_EQ(Printed("Số: 17|BC-UBND"), "17/BC-UBND");
  EXPECT_EQ(Printed("Số: 75⁄KH-UBND"), "75/KH-UBND");
}

TEST(NumberTest, UnreadHandwrittenOrdinalGivesTheCodeAlone) {
  // The clerk writes the number in by hand; OCR reads a scribble or nothing.
  for (const char* line : {"Số:      /QĐ-UBND", "Số: ~~/QĐ-UBND", "Số: ạb /QĐ-UBND", "Số: …/QĐ-UBND"}) {
    auto after = AfterNumberLabel(line);
    ASSERT_TRUE(after) << line;
    auto n = ParseDocumentNumber(*after);
    ASSERT_TRUE(n) << line;
    EXPECT_EQ(n->printed, "/QĐ-UBND") << line;
    EXPECT_FALSE(n->ordinal) << line;
    EXPECT_EQ(n->type_abbreviation, "QĐ");
    EXPECT_EQ(n->issuer_code, "UBND");
  }
  EXPECT_FALSE(ParseDocumentNumber("V/v đôn đốc"));
}

TEST(NumberTest, DropsADigitOcrPutBeforeTheCode) {
  EXPECT_EQ(ParseDocumentNumber("534/5SNV-TTr")->printed, "534/SNV-TTr");
  EXPECT_EQ(ParseDocumentNumber("33/4KH-UBND")->printed, "33/KH-UBND");
  EXPECT_EQ(ParseDocumentNumber("05/2023/QĐ-UBND")->printed, "05/2023/QĐ-UBND");
  EXPECT_FALSE(ParseDocumentNumber("05/23/QĐ-UBND"));
}

TEST(NumberTest, RepairsSpacesAndDashes) {
  EXPECT_EQ(Printed("Số: 86 / BC - UBND"), "86/BC-UBND");
  EXPECT_EQ(Printed("Số: 17/BCUBND"), "17/BC-UBND");
  EXPECT_EQ(Printed("Số: 17/BC–UBND"), "17/BC-UBND");
  EXPECT_EQ(Printed("Số: 25/BC-HDND"), "25/BC-HĐND");
  EXPECT_EQ(ParseDocumentNumber("41/QĐÐ-UBND")->printed, "41/QĐ-UBND");
  EXPECT_EQ(ParseDocumentNumber("04/ÐĐA-UBND")->printed, "04/ĐA-UBND");
  EXPECT_EQ(ParseDocumentNumber("357/ST'TTT-TTCNS")->printed, "357/STTTT-TTCNS");
}

TEST(NumberTest, KeepsTableAbbreviationsThatHaveD) {
  // HD is Hướng dẫn and DA is Dự án: no repair to Đ.
  auto hd = ParseDocumentNumber("04/HD-UBND");
  ASSERT_TRUE(hd);
  EXPECT_EQ(hd->type_abbreviation, "HD");
  auto da = ParseDocumentNumber("04/DA-UBND");
  ASSERT_TRUE(da);
  EXPECT_EQ(da->printed, "04/DA-UBND");
}

TEST(NumberTest, CongVanHasNoTypeAbbreviation) {
  auto n = ParseDocumentNumber("45/UBND-VP");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->type_abbreviation, "");
  EXPECT_EQ(n->issuer_code, "UBND-VP");
}

TEST(NumberTest, HandwrittenBlankKeepsCode) {
  auto after = AfterNumberLabel("Số:      /QĐ-UBND");
  ASSERT_TRUE(after);
  auto n = ParseDocumentNumber(*after);
  ASSERT_TRUE(n);
  EXPECT_FALSE(n->ordinal.has_value());
  EXPECT_EQ(n->printed, "/QĐ-UBND");
  EXPECT_EQ(n->type_abbreviation, "QĐ");
  EXPECT_EQ(Printed("Số: ....../KH-UBND"), "/KH-UBND");
}

TEST(NumberTest, PartyStyleAndSuffixedOrdinal) {
  EXPECT_EQ(ParseDocumentNumber("08- ĐA/HU")->printed, "08-ĐA/HU");
  EXPECT_EQ(ParseDocumentNumber("30c/NQ-CP")->printed, "30c/NQ-CP");
  EXPECT_EQ(ParseDocumentNumber("1380/QĐ- UBND")->printed, "1380/QĐ-UBND");
}

TEST(NumberTest, YieldsNothingWithoutACode) {
  EXPECT_FALSE(AfterNumberLabel("SỞ NỘI VỤ"));
  EXPECT_FALSE(AfterNumberLabel("Số liệu báo cáo"));
  EXPECT_FALSE(AfterNumberLabel("Sông Hồng"));
  EXPECT_FALSE(ParseDocumentNumber("1400"));
  EXPECT_FALSE(ParseDocumentNumber("liệu báo cáo"));
  EXPECT_EQ(Printed("Số: 1400"), "<none>");
}

}  // namespace
}  // namespace sohoa::extract
