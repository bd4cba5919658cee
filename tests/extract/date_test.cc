#include <gtest/gtest.h>

#include "extract/fields.h"

namespace sohoa::extract {
namespace {

TEST(DateTest, DateLineGivesPlaceAndIsoDate) {
  auto d = ParseDateLine("Lương Điền, ngày 28 tháng 9 năm 2021");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->place, "Lương Điền");
  ASSERT_TRUE(d->date);
  EXPECT_EQ(d->date->Iso(), "2021-09-28");
}

TEST(DateTest, ToleratesOcrDamage) {
  auto d = ParseDateLine("¬ Lương Điền, ngảy O5 thang 02 nam 2024");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->place, "Lương Điền");
  EXPECT_EQ(d->date->Iso(), "2024-02-05");
  auto garbled = ParseDateLine("_ Quảng Ninh, ngày 20 mg 11 năm \"2024");
  ASSERT_TRUE(garbled);
  EXPECT_EQ(garbled->date->Iso(), "2024-11-20");
}

TEST(DateTest, NumbersGluedToLabels) {
  // OCR: a quote for the space ("tháng'9"), a lost space ("19tháng", "tháng6").
  EXPECT_EQ(ParseDateLine("Lương Điền, ngày 28 tháng'9 năm 2021")->date->Iso(), "2021-09-28");
  EXPECT_EQ(ParseDateLine("Hà Nội, ngày 19tháng 6 năm 2015")->date->Iso(), "2015-06-19");
  EXPECT_EQ(ParseDateLine("Hà Nội, ngày 19 tháng6 năm 2O15")->date->Iso(), "2015-06-19");
  // Text before the place keeps its code as printed.
  EXPECT_EQ(ParseDateLine("Số: 17lBC-UBND Hà Nội, ngày 5 tháng 2 năm 2024")->before,
            "Số: 17lBC-UBND");
}

TEST(DateTest, MixedLineKeepsTextBeforePlace) {
  auto d = ParseDateLine("Số: 45/UBND-VP Thạch Hà, ngày 08 tháng 9 năm 2023");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->place, "Thạch Hà");
  EXPECT_EQ(d->before, "Số: 45/UBND-VP");
}

TEST(DateTest, BlankDraftDateIsFlagged) {
  auto d = ParseDateLine("Hà Nội, ngày    tháng    năm 2024");
  ASSERT_TRUE(d);
  EXPECT_TRUE(d->blank);
  EXPECT_FALSE(d->date);
}

TEST(DateTest, BodySentencesAreNotDateLines) {
  EXPECT_FALSE(
      ParseDateLine("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"));
  EXPECT_FALSE(ParseDateLine("số liệu báo cáo tính từ ngày 15/6/2023"));
}

TEST(DateTest, InvalidDatesAreRejected) {
  EXPECT_FALSE(MakeDate(2021, 2, 29));
  EXPECT_TRUE(MakeDate(2012, 2, 29));
  EXPECT_FALSE(MakeDate(2021, 13, 1));
  EXPECT_FALSE(ParseNumericDate("31/4/2021"));
  EXPECT_EQ(ParseNumericDate("20/9/2021;")->Iso(), "2021-09-20");
  EXPECT_FALSE(ParseNumericDate("09/19"));
}

TEST(DateTest, DateAtReadsBothForms) {
  size_t used = 0;
  std::vector<std::string> a = {"ngày", "26", "tháng", "9", "năm", "2017", "và"};
  EXPECT_EQ(DateAt(a, 0, &used)->Iso(), "2017-09-26");
  EXPECT_EQ(used, 6u);
  std::vector<std::string> b = {"ngày", "12/1/2017", "về"};
  EXPECT_EQ(DateAt(b, 0, &used)->Iso(), "2017-01-12");
  // "tháng" read as "thúng": three numbers that make a date carry it.
  std::vector<std::string> garbled = {"ngày", "15", "thúng", "7", "năm", "2021"};
  EXPECT_EQ(DateAt(garbled, 0, &used)->Iso(), "2021-07-15");
  std::vector<std::string> not_date = {"ngày", "15", "thúng", "7", "năm", "học"};
  EXPECT_FALSE(DateAt(not_date, 0, &used));
  std::vector<std::string> c = {"ngày", "ký."};
  EXPECT_FALSE(DateAt(c, 0, &used));
}

}  // namespace
}  // namespace sohoa::extract
