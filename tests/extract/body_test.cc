#include <gtest/gtest.h>

#include "extract/fields.h"

namespace sohoa::extract {
namespace {

TEST(BodyTest, SubjectUnderTypeLineStopsAtBody) {
  auto ts = FindTypeAndSubject(
      {"BÁO CÁO", "Kết quả giám sát về công tác Cải cách hành chính trên",
       "địa bàn thị xã Hương Trà năm 2017", "Thực hiện Quyết định số: 43/QĐ-HĐND"},
      0);
  EXPECT_EQ(ts.doc_type, "BÁO CÁO");
  EXPECT_EQ(
      ts.subject,
      "Kết quả giám sát về công tác Cải cách hành chính trên địa bàn thị xã Hương Trà năm 2017");
}

TEST(BodyTest, SubjectStopsAtCapitalsAndKeepsYearLine) {
  auto ts = FindTypeAndSubject({"QUYẾT ĐỊNH", "Về việc thành lập Tổ kiểm tra năm", "2024",
                                "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN HẢI HẬU"},
                               0);
  EXPECT_EQ(ts.subject, "Về việc thành lập Tổ kiểm tra năm 2024");
}

TEST(BodyTest, SubjectSpecksAreCleaned) {
  // OCR on a photocopy: a dot for a space, a full stop and a speck before the year line.
  auto ts = FindTypeAndSubject({"QUYẾT ĐỊNH", "\"Về việc thành lập Tổ kiểm tra công tác năm.",
                                ". 2024.", "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN HẢI HẬU"},
                               0);
  EXPECT_EQ(ts.subject, "Về việc thành lập Tổ kiểm tra công tác năm 2024");
  EXPECT_EQ(CleanSubject("Về công tác cải cách hành chính xã Lương Điền năm.2021"),
            "Về công tác cải cách hành chính xã Lương Điền năm 2021");
  EXPECT_EQ(CleanSubject("cải cách hành chính.nhà nước"), "cải cách hành chính nhà nước");
  EXPECT_EQ(CleanSubject("Về việc thành lập Tổ kiểm tra cải cách hành:chính năm 82024"),
            "Về việc thành lập Tổ kiểm tra cải cách hành chính năm 2024");
  EXPECT_EQ(CleanSubject("Kế hoạch năm 2024: triển khai"), "Kế hoạch năm 2024: triển khai");
  // Dots that belong: an abbreviation in capitals, a numeric date.
  EXPECT_EQ(CleanSubject("Về việc tổ chức tại TP.HCM ngày 20.9.2021"),
            "Về việc tổ chức tại TP.HCM ngày 20.9.2021");
}

TEST(BodyTest, CapitalTitleUnderTypeLine) {
  auto ts = FindTypeAndSubject({"LUẬT", "", "KHOA HỌC VÀ CÔNG NGHỆ", "", "Căn cứ Hiến pháp"}, 0);
  EXPECT_EQ(ts.doc_type, "LUẬT");
  EXPECT_EQ(ts.subject, "KHOA HỌC VÀ CÔNG NGHỆ");
}

TEST(BodyTest, NoTypeLineYieldsNothing) {
  auto ts = FindTypeAndSubject({"Kính gửi: Sở Nội vụ.", "Thực hiện Công văn số 1/SNV-CCHC"}, 0);
  EXPECT_FALSE(ts.doc_type);
  EXPECT_FALSE(ts.subject);
}

TEST(BodyTest, AddresseesAndRecipients) {
  std::vector<std::string> lines = {"Kính gửi: - Đoàn Kiểm tra huyện Cẩm Giàng;",
                                    "- Phòng Nội vụ huyện;", "Thực hiện kế hoạch"};
  EXPECT_EQ(ListAfterLabel(lines, "KINH GUI"),
            (std::vector<std::string>{"Đoàn Kiểm tra huyện Cẩm Giàng;", "Phòng Nội vụ huyện;"}));
  std::vector<std::string> footer = {"Nơi nhận:", "- Như trên;", "- Lưu: VT, VP.", "TL. CHỦ TỊCH"};
  EXPECT_EQ(ListAfterLabel(footer, "NOI NHAN"),
            (std::vector<std::string>{"Như trên;", "Lưu: VT, VP."}));
  EXPECT_TRUE(ListAfterLabel(footer, "KINH GUI").empty());
}

}  // namespace
}  // namespace sohoa::extract
