#include <gtest/gtest.h>

#include "extract/fields.h"

namespace sohoa::extract {
namespace {

TEST(HeaderTest, StripsMottoFromMixedLines) {
  EXPECT_EQ(StripMotto("UBND HUYỆN CẨM GIÀNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            "UBND HUYỆN CẨM GIÀNG");
  EXPECT_EQ(StripMotto("THẠCH HÀ Độc lập - Tự do - Hạnh phúc"), "THẠCH HÀ");
  EXPECT_EQ(StripMotto("“SÔNG HÒA|XÃ HỘI CHỦ NGHĨA VIỆT NAM"), "");
  EXPECT_EQ(StripMotto("UBND HUYỆN ĐÔNG PHÚCỘNG HÒA XÃ HỘI CHÚ NGHĨA VIỆT NAM"),
            "UBND HUYỆN ĐÔNG PHÚ");
  EXPECT_EQ(StripMotto("ỦY BAN NHÂN DÂN XÃ LƯƠNG"), "ỦY BAN NHÂN DÂN XÃ LƯƠNG");
  EXPECT_EQ(StripMotto("HUYỆN ỦY CẨM GIÀNG ĐẢNG CỘNG SẢN VIỆT NAM"), "HUYỆN ỦY CẨM GIÀNG");
  EXPECT_EQ(StripMotto("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT.NAM.."), "");
}

TEST(HeaderTest, IssuerWrapsOverTwoLines) {
  auto issuer =
      IssuerFromLines({{"UBND HUYỆN CẨM GIÀNG", 0}, {"ỦY BAN NHÂN DÂN XÃ LƯƠNG", 1}, {"ĐIỀN", 2}});
  EXPECT_EQ(issuer.parent, "UBND HUYỆN CẨM GIÀNG");
  EXPECT_EQ(issuer.name, "ỦY BAN NHÂN DÂN XÃ LƯƠNG ĐIỀN");
  auto no_parent = IssuerFromLines({{"ỦY BAN NHÂN DÂN HUYỆN", 0}, {"THẠCH HÀ", 1}});
  EXPECT_FALSE(no_parent.parent);
  EXPECT_EQ(no_parent.name, "ỦY BAN NHÂN DÂN HUYỆN THẠCH HÀ");
  auto two_bodies = IssuerFromLines({{"UBND TỈNH QUẢNG NINH", 0}, {"SỞ NỘI VỤ", 1}});
  EXPECT_EQ(two_bodies.parent, "UBND TỈNH QUẢNG NINH");
  EXPECT_EQ(two_bodies.name, "SỞ NỘI VỤ");
  EXPECT_FALSE(IssuerFromLines({{"HUY. LÃNG", 0}}).name);
}

TEST(HeaderTest, IssuerLevelWordRepaired) {
  // OCR: "TỈNH" read as "TÍNH"/"TĨNH", "THỊ XÃ" without its marks.
  auto issuer = IssuerFromLines({{"UBND TÍNH NAM ĐỊNH", 0}, {"ỦY BAN NHÂN DÂN HUYỆN HẢI HẬU", 1}});
  EXPECT_EQ(issuer.parent, "UBND TỈNH NAM ĐỊNH");
  EXPECT_EQ(IssuerFromLines({{"UBND TĨNH QUẢNG NINH", 0}, {"SỞ NỘI VỤ", 1}}).parent,
            "UBND TỈNH QUẢNG NINH");
  EXPECT_EQ(IssuerFromLines({{"HĐND THI XA HƯƠNG TRÀ", 0}}).name, "HĐND THỊ XÃ HƯƠNG TRÀ");
  // Kind and level glued together, with or without specks between.
  Header glued = ReadHeader({". UBNDHUYỆN CẨM GIÀNG...", "ỦY BAN NHÂN DÂN XÃ LƯƠNG ĐIỀN",
                             "Số: 86/BC-UBND", "Lương Điền, ngày 28 tháng 9 năm 2021", "BÁO CÁO"});
  EXPECT_EQ(glued.issuer.parent, "UBND HUYỆN CẨM GIÀNG");
  Header specks = ReadHeader({"UBND.-HUYỀN ĐÔNG PHÚ", "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ",
                              "Số: 78/KH-UBND", "Tân Phú, ngày 05 tháng 02 năm 2024", "KẾ HOẠCH"});
  EXPECT_EQ(specks.issuer.parent, "UBND HUYỆN ĐÔNG PHÚ");
  // A two-word level glued too; a stray non-Vietnamese letter glued to the kind.
  Header thi_xa = ReadHeader({"HĐNDTHỊXÃ HƯƠNG TRÀ", "BAN PHÁP CHẾ", "Số: 25/BC-HĐND",
                              "Hương Trà, ngày 20 tháng 11 năm 2017", "BÁO CÁO"});
  EXPECT_EQ(thi_xa.issuer.parent, "HĐND THỊ XÃ HƯƠNG TRÀ");
  EXPECT_EQ(thi_xa.issuer.name, "BAN PHÁP CHẾ");
  Header stray = ReadHeader({"UBNDÖ HUYỆN CẨM GIÀNG", "ỦY BAN NHÂN DÂN XÃ LƯƠNG ĐIỀN",
                             "Số: 86/BC-UBND", "Lương Điền, ngày 28 tháng 9 năm 2021", "BÁO CÁO"});
  EXPECT_EQ(stray.issuer.parent, "UBND HUYỆN CẨM GIÀNG");
  // Not after a people's body, or with no name after it: left as printed.
  EXPECT_EQ(IssuerFromLines({{"SỞ TÀI CHÍNH", 0}}).name, "SỞ TÀI CHÍNH");
  EXPECT_EQ(IssuerFromLines({{"ỦY BAN NHÂN DÂN XA", 0}}).name, "ỦY BAN NHÂN DÂN XA");
}

TEST(HeaderTest, SpeckLinesDoNotBreakAWrappedIssuer) {
  Header h = ReadHeader({"UBND HUYỆN ĐỒNG PHÚ", "ỦY BAN NHÂN DÂN XÃ", "TÂN", "ˆ", ",", "PHÚ",
                         "5Ô: 78/KH-UBND", "Tân Phú, ngày 05 tháng 02 năm 2024", "KẾ HOẠCH"});
  EXPECT_EQ(h.issuer.name, "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ");
  EXPECT_EQ(h.issuer.parent, "UBND HUYỆN ĐỒNG PHÚ");
  ASSERT_TRUE(h.number);
  EXPECT_EQ(h.number->printed, "78/KH-UBND");
}

TEST(HeaderTest, TypeLinesAndStamps) {
  EXPECT_EQ(DocTypeOfLine("BÁO CÁO"), "BÁO CÁO");
  EXPECT_EQ(DocTypeOfLine("BẢO CÁO"), "BÁO CÁO");
  EXPECT_EQ(DocTypeOfLine("QUYẾT ĐỊNH:"), "QUYẾT ĐỊNH");
  EXPECT_FALSE(DocTypeOfLine("Báo cáo kết quả"));
  // One OCR slip in a long type name.
  EXPECT_EQ(DocTypeOfLine("QUYẾT DJNH"), "QUYẾT ĐỊNH");
  EXPECT_EQ(DocTypeOfLine("KẾ HOẠCJ"), "KẾ HOẠCH");
  EXPECT_FALSE(DocTypeOfLine("BÁO"));
  EXPECT_FALSE(DocTypeOfLine("CÔNG VẨN"));
  EXPECT_FALSE(DocTypeOfLine("HỘI ĐỒNG"));  // a wrapped issuer line
  EXPECT_FALSE(DocTypeOfLine("CÔNG VĂN ĐẾN"));
  EXPECT_TRUE(IsReceivedStampLine("CÔNG VĂN ĐẾN"));
  EXPECT_TRUE(IsReceivedStampLine("CÔNG VĂN ĐEN"));
  EXPECT_FALSE(IsReceivedStampLine("ĐIỀN"));
  EXPECT_EQ(AfterSubjectLabel("V/v đôn đốc báo cáo"), "đôn đốc báo cáo");
  EXPECT_EQ(AfterSubjectLabel("Vív đôn đốc"), "đôn đốc");
  EXPECT_FALSE(AfterSubjectLabel("Về việc thành lập"));
}

TEST(HeaderTest, ReadsInterleavedOcrHeader) {
  Header h = ReadHeader({"ỦY BAN NHÂN DÂN HUYỆN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                         "THẠCH HÀ Độc lập - Tự do - Hạnh phúc", "",
                         "Số: 45/UBND-VP Thạch Hà, ngày 08 tháng 9 năm 2023",
                         "V/v đôn đốc báo cáo kết quả", "thực hiện cải cách hành chính", "",
                         "Kính gửi: - Các phòng, ban, ngành cấp huyện;"});
  ASSERT_TRUE(h.number);
  EXPECT_EQ(h.number->printed, "45/UBND-VP");
  EXPECT_EQ(h.date->Iso(), "2023-09-08");
  EXPECT_EQ(h.place, "Thạch Hà");
  EXPECT_EQ(h.issuer.name, "ỦY BAN NHÂN DÂN HUYỆN THẠCH HÀ");
  EXPECT_FALSE(h.issuer.parent);
  EXPECT_EQ(h.subject_vv, "V/v đôn đốc báo cáo kết quả thực hiện cải cách hành chính");
}

TEST(HeaderTest, ReceivedStampKeptApart) {
  Header h = ReadHeader({"VĂN PHÒNG HĐND VÀ UBND", "CÔNG VĂN ĐẾN", "Số: 1400", "Ngày: 02/10/2021",
                         "UBND HUYỆN CẨM GIÀNG", "ỦY BAN NHÂN DÂN XÃ LƯƠNG ĐIỀN", "Số: 86/BC-UBND",
                         "Lương Điền, ngày 28 tháng 9 năm 2021", "BÁO CÁO"});
  ASSERT_TRUE(h.received);
  EXPECT_EQ(h.received->arrival_number, "1400");
  EXPECT_EQ(h.received->arrival_date->Iso(), "2021-10-02");
  EXPECT_EQ(h.number->printed, "86/BC-UBND");
  EXPECT_EQ(h.date->Iso(), "2021-09-28");
  EXPECT_EQ(h.issuer.name, "ỦY BAN NHÂN DÂN XÃ LƯƠNG ĐIỀN");
  EXPECT_EQ(h.issuer.parent, "UBND HUYỆN CẨM GIÀNG");
}

// Lines as OCR reads them off a stamp's ink alone.
TEST(HeaderTest, ReceivedStampFromItsOwnInk) {
  // The frame read as a letter before "Ngày"; the column "Chuyển:" after the number.
  auto s = ReadReceivedStamp({"VĂN PHÒNG HĐND VÀ UBND", "CÔNG VĂN ĐẾN", "Số: 1809 Chuyến:", "L Ngày: 28/09/2021"});
  ASSERT_TRUE(s);
  EXPECT_EQ(s->arrival_number, "1809");
  EXPECT_EQ(s->arrival_date->Iso(), "2021-09-28");
}

TEST(HeaderTest, ReceivedStampWithAHandwrittenNumberOcrMissed) {
  // Nothing is made up from "Z9#": the number stays unknown, the date is kept.
  auto s = ReadReceivedStamp({"CÔNG VĂN ĐẾN", "Số: Z9# t huyện:", "Ngay: 15/03/2023"});
  ASSERT_TRUE(s);
  EXPECT_EQ(s->arrival_number, "");
  EXPECT_EQ(s->arrival_date->Iso(), "2023-03-15");
}

TEST(HeaderTest, ReceivedStampNeedsItsHeadingOrBothValues) {
  // A seal's ring text and a scribbled signature say nothing of arrival.
  EXPECT_FALSE(ReadReceivedStamp({"ỦY BAN NHÂN DÂN HUYỆN THẠCH HÀ", "* THẠCH HÀ"}));
  EXPECT_FALSE(ReadReceivedStamp({"Số: 2385"}));
  EXPECT_FALSE(ReadReceivedStamp({"CÔNG VĂN ĐẾN", "Chuyển:"}));
  auto both = ReadReceivedStamp({"Số 2385 Chuyến:", "Ngày: 10/09/2023"});
  ASSERT_TRUE(both);
  EXPECT_EQ(both->arrival_number, "2385");
  EXPECT_EQ(both->arrival_date->Iso(), "2023-09-10");
}

TEST(HeaderTest, BlankDateHasReason) {
  Header h = ReadHeader(
      {"SỞ NỘI VỤ", "Số:     /TTr-SNV", "Quảng Ninh, ngày    tháng    năm 2024", "TỜ TRÌNH"});
  EXPECT_FALSE(h.date);
  EXPECT_EQ(h.date_missing_reason, "date line left blank (draft)");
  EXPECT_EQ(h.place, "Quảng Ninh");
  EXPECT_EQ(h.number->printed, "/TTr-SNV");
}

}  // namespace
}  // namespace sohoa::extract
