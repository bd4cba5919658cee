#include <gtest/gtest.h>

#include "extract/fields.h"

namespace sohoa::extract {
namespace {

TEST(SignerTest, PrefixPositionName) {
  auto s = FindSigner(
      {"Nơi nhận:", "- Lưu: VP.", "TM. ỦY BAN NHÂN DÂN XÃ", "PHÓ CHỦ TỊCH", "Hoàng Đình Vỹ"});
  ASSERT_TRUE(s);
  EXPECT_EQ(s->authority, "TM. ỦY BAN NHÂN DÂN XÃ");
  EXPECT_EQ(s->position, "PHÓ CHỦ TỊCH");
  EXPECT_EQ(s->name, "Hoàng Đình Vỹ");
}

TEST(SignerTest, NoPrefixAndScribbles) {
  auto s = FindSigner({"- Lưu: VT, CCHC.", "GIÁM ĐỐC", "Ăn", "Hoàng Minh Tuấn"});
  ASSERT_TRUE(s);
  EXPECT_EQ(s->authority, "");
  EXPECT_EQ(s->position, "GIÁM ĐỐC");
  EXPECT_EQ(s->name, "Hoàng Minh Tuấn");
}

TEST(SignerTest, SealSpecksBetweenTheLines) {
  // OCR of a red seal: "4", "Ñ", "QC" between the block's lines.
  auto s = FindSigner({"- Lưu: VP.", "TM. ỦY BAN NHÂN DÂN XÃ", "4", "PHÓ CHỦ TỊCH", "QC",
                       "Hoàng Đình Vỹ"});
  ASSERT_TRUE(s);
  EXPECT_EQ(s->authority, "TM. ỦY BAN NHÂN DÂN XÃ");
  EXPECT_EQ(s->position, "PHÓ CHỦ TỊCH");
  EXPECT_EQ(s->name, "Hoàng Đình Vỹ");
}

TEST(SignerTest, PositionUnderTheSealUnreadStaysEmpty) {
  // The position is lost under the seal: not taken from the authority line.
  auto s = FindSigner({"- Lưu: VT.", "TM. UY BẠN NHAN DAN", "Ñ", "QC", "Lê Quang Vinh"});
  ASSERT_TRUE(s);
  EXPECT_EQ(s->authority, "TM. UY BẠN NHAN DAN");
  EXPECT_EQ(s->position, "");
  EXPECT_EQ(s->name, "Lê Quang Vinh");
  auto k = FindSigner({"- Lưu: VT.", "KT. CHỦ TỊCH", "Trần Văn Thắng"});
  ASSERT_TRUE(k);
  EXPECT_EQ(k->position, "");  // "KT." signs for the head: the head's title is not the signer's
  auto q = FindSigner({"- Lưu: VT.", "Q. CHỦ TỊCH", "Trần Văn Thắng"});
  ASSERT_TRUE(q);
  EXPECT_EQ(q->position, "CHỦ TỊCH");  // acting: the signer's own
}

TEST(SignerTest, OcrRunsColumnsTogether) {
  auto s = FindSigner(
      {"Nơi nhận: KT. CHỦ TỊCH", "- Như Điều 3; PHÓ CHỦ TỊCH", "- Lưu: VT, NV.", "Trần Văn Thắng"});
  ASSERT_TRUE(s);
  EXPECT_EQ(s->authority, "KT. CHỦ TỊCH");
  EXPECT_EQ(s->position, "PHÓ CHỦ TỊCH");
  EXPECT_EQ(s->name, "Trần Văn Thắng");
}

TEST(SignerTest, RepairsDamagedPositionAndLabelLine) {
  auto s = FindSigner({"Nơi nhận: TL. CHỦ TỊCH", "- Như trên;",
                       "- Chủ tịch, các PCT UBND huyện; CHÀANH VAN PHONG", "- Lưu: VT, VP.",
                       "Nguyễn Thị Thu Hà"});
  ASSERT_TRUE(s);
  EXPECT_EQ(s->authority, "TL. CHỦ TỊCH");
  EXPECT_EQ(s->position, "CHÁNH VĂN PHÒNG");
  auto g = FindSigner({"Nơi nhận: GIÁM ĐỐC", "- Như trên;", "- Lưu: VL CCHC.", "Hoàng Minh Tuấn"});
  ASSERT_TRUE(g);
  EXPECT_EQ(g->position, "GIÁM ĐỐC");
  EXPECT_EQ(g->name, "Hoàng Minh Tuấn");
}

TEST(SignerTest, NamesAndNonNames) {
  EXPECT_TRUE(LooksLikePersonName("Nguyễn Thị Thu Hà"));
  EXPECT_FALSE(LooksLikePersonName("NGUYỄN CHIẾN"));
  EXPECT_FALSE(LooksLikePersonName("Nguyễn"));
  EXPECT_FALSE(LooksLikePersonName("Trên đây là báo cáo"));
  EXPECT_FALSE(FindSigner({"Trên đây là báo cáo của UBND xã.", "Lưu: VT."}));
}

}  // namespace
}  // namespace sohoa::extract
