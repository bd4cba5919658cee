#include <gtest/gtest.h>

#include "extract/fields.h"

namespace sohoa::extract {
namespace {

std::string Show(const std::vector<CitedDocument>& refs) {
  std::string out;
  for (const CitedDocument& r : refs)
    out += r.type + "|" + r.number + "|" + (r.date ? r.date->Iso() : "-") + "\n";
  return out;
}

TEST(ReferencesTest, TypeNumberDate) {
  EXPECT_EQ(
      Show(FindCitedDocuments("Thực hiện Kế hoạch số 32/KH-UBND ngày 28/12/2020 của UBND xã")),
      "Kế hoạch|32/KH-UBND|2020-12-28\n");
  EXPECT_EQ(Show(FindCitedDocuments("theo Nghị định 106/2020/NĐ-CP của Chính phủ")),
            "Nghị định|106/2020/NĐ-CP|-\n");
  EXPECT_EQ(Show(FindCitedDocuments("Quyết định số 1380/QĐ- UBND ngày 25/3/2024")),
            "Quyết định|1380/QĐ-UBND|2024-03-25\n");
}

TEST(ReferencesTest, WordyFormsAndLowerCase) {
  EXPECT_EQ(Show(FindCitedDocuments(
                "đã xây dựng Kế hoạch giám sát số 88/KH-HĐND ngày 26 tháng 9 năm 2017 và")),
            "Kế hoạch|88/KH-HĐND|2017-09-26\n");
  EXPECT_EQ(Show(FindCitedDocuments("và công văn số 3446/STC-QLGCS ngày 29/12/2017")),
            "Công văn|3446/STC-QLGCS|2017-12-29\n");
  EXPECT_EQ(Show(FindCitedDocuments("Nghị quyết số 10-\nNQ/TU ngày 29/12/2021")),
            "Nghị quyết|10-NQ/TU|2021-12-29\n");
  EXPECT_EQ(Show(FindCitedDocuments("theo đúng TT 343/TT- BTC ngày 30/12/2016")),
            "Thông tư|343/TT-BTC|2016-12-30\n");
  EXPECT_EQ(Show(FindCitedDocuments("Quyết định số: 43/QĐ-HĐND ngày 20/9/2017")),
            "Quyết định|43/QĐ-HĐND|2017-09-20\n");
}

TEST(ReferencesTest, CommaBeforeTheDateAndOcrDamage) {
  EXPECT_EQ(Show(FindCitedDocuments("Kế hoạch số 32/KH-UBND, ngày 28 tháng 12 năm 2020 của UBND")),
            "Kế hoạch|32/KH-UBND|2020-12-28\n");
  // OCR: a digit before the code ("534/5SNV"), a garbled "tháng".
  EXPECT_EQ(Show(FindCitedDocuments("Thực hiện Công văn số 534/5SNV-TTr ngày 11/3/2022 của Sở")),
            "Công văn|534/SNV-TTr|2022-03-11\n");
  EXPECT_EQ(Show(FindCitedDocuments("Căn cứ Nghị quyết số 76/NQ-CP ngày 15 thúng 7 năm 2021")),
            "Nghị quyết|76/NQ-CP|2021-07-15\n");
}

TEST(ReferencesTest, UndatedRepeatDropped) {
  EXPECT_EQ(Show(FindCitedDocuments(
                "Nghị định số 62/2020/NĐ-CP ngày 01/6/2020; theo Nghị định số 62/2020/NĐ-CP.")),
            "Nghị định|62/2020/NĐ-CP|2020-06-01\n");
}

TEST(ReferencesTest, YieldsNothingWithoutNumber) {
  EXPECT_EQ(Show(FindCitedDocuments(
                "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015")),
            "");
  EXPECT_EQ(Show(FindCitedDocuments("báo cáo số liệu 09/19 nhiệm vụ; kế hoạch đề ra")), "");
}

}  // namespace
}  // namespace sohoa::extract
