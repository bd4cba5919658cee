#include "core/image.h"

#include <gtest/gtest.h>

namespace sohoa {
namespace {

PixelBuffer Bytes(std::initializer_list<uint8_t> values) {
  PixelBuffer b;
  b.assign(values.begin(), values.end());
  return b;
}

void ExpectBytes(const PixelBuffer& b, std::initializer_list<uint8_t> values) {
  ASSERT_EQ(b.size(), values.size());
  size_t i = 0;
  for (uint8_t v : values) EXPECT_EQ(b[i++], v) << "at " << i - 1;
}

TEST(PixelBufferTest, GrowingKeepsTheSamplesAlreadyThere) {
  PixelBuffer b = Bytes({1, 2, 3});
  b.resize(1000);
  EXPECT_EQ(b.size(), 1000u);
  EXPECT_EQ(b[0], 1);
  EXPECT_EQ(b[1], 2);
  EXPECT_EQ(b[2], 3);
  b.resize(2);
  ExpectBytes(b, {1, 2});
  b.resize(3);  // within the room already made: the sample is still there
  ExpectBytes(b, {1, 2, 3});
}

TEST(PixelBufferTest, CopiesAreEqualAndIndependent) {
  PixelBuffer a = Bytes({9, 8, 7, 6});
  PixelBuffer b(a);
  b[0] = 0;
  ExpectBytes(a, {9, 8, 7, 6});
  ExpectBytes(b, {0, 8, 7, 6});
  PixelBuffer c = Bytes({1});
  c = a;
  ExpectBytes(c, {9, 8, 7, 6});
  EXPECT_NE(c.data(), a.data());
}

TEST(PixelBufferTest, MovingHandsOverTheBuffer) {
  PixelBuffer a = Bytes({4, 5});
  const uint8_t* held = a.data();
  PixelBuffer b(std::move(a));
  EXPECT_EQ(b.data(), held);
  EXPECT_TRUE(a.empty());  // NOLINT(bugprone-use-after-move): the moved-from state is specified
  PixelBuffer c;
  c = std::move(b);
  EXPECT_EQ(c.data(), held);
  ExpectBytes(c, {4, 5});
}

TEST(PixelBufferTest, AssignFillsOrCopies) {
  PixelBuffer b;
  EXPECT_TRUE(b.empty());
  b.assign(5, 255);
  ExpectBytes(b, {255, 255, 255, 255, 255});
  b.assign(2, 0);
  ExpectBytes(b, {0, 0});
  b.assign(nullptr, nullptr);
  EXPECT_TRUE(b.empty());
}

TEST(ImageTest, BlankIsOneValueEverywhere) {
  const Image blank = Image::Blank(3, 2, 3, 200);
  EXPECT_FALSE(blank.empty());
  EXPECT_EQ(blank.stride(), 9u);
  ASSERT_EQ(blank.pixels.size(), 18u);
  for (size_t i = 0; i < 18; ++i) EXPECT_EQ(blank.pixels[i], 200);
}

}  // namespace
}  // namespace sohoa
