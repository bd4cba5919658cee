#include "core/utf8.h"

#include <gtest/gtest.h>

namespace sohoa {
namespace {

TEST(Utf8Test, CodePointsDecodesVietnameseLetters) {
  EXPECT_EQ(CodePoints("Đồng"), std::u32string({0x110, 0x1ED3, U'n', U'g'}));
  EXPECT_EQ(CodePointCount("Đồng"), 4u);
}

TEST(Utf8Test, MalformedBytesBecomeReplacementCharacters) {
  EXPECT_EQ(CodePoints("a\xC3"), std::u32string({U'a', 0xFFFD}));
  EXPECT_EQ(CodePoints("\xFF" "b"), std::u32string({0xFFFD, U'b'}));
}

TEST(Utf8Test, CapitalsAndSmallLettersOfVietnamese) {
  for (char32_t c : CodePoints("ĐƠƯĂÂÊÔẤỆỘỸÀ")) {
    EXPECT_TRUE(IsVietnameseCapital(c)) << static_cast<uint32_t>(c);
    EXPECT_FALSE(IsVietnameseSmall(c)) << static_cast<uint32_t>(c);
  }
  for (char32_t c : CodePoints("đơưăâêôấệộỹà")) {
    EXPECT_TRUE(IsVietnameseSmall(c)) << static_cast<uint32_t>(c);
    EXPECT_FALSE(IsVietnameseCapital(c)) << static_cast<uint32_t>(c);
  }
  for (char32_t c : CodePoints("1/:-× ")) {
    EXPECT_FALSE(IsVietnameseCapital(c));
    EXPECT_FALSE(IsVietnameseSmall(c));
  }
}

}  // namespace
}  // namespace sohoa
