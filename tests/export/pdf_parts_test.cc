#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "export/jpeg_info.h"
#include "export/pdf_writer.h"
#include "export/text_layer.h"

namespace sohoa::pdf::internal {
namespace {

using ::testing::HasSubstr;

// SOI, an APP0 segment, SOF0 (3 components, 40x30), EOI: enough markers to read.
std::string FakeJpeg(int components = 3) {
  std::string j = {'\xFF', '\xD8', '\xFF', '\xE0', 0, 4, 'J', 'F'};
  j += {'\xFF', '\xC0', 0,  static_cast<char>(8 + 3 * components), 8, 0,
        30,     0,      40, static_cast<char>(components)};
  for (int c = 0; c < components; ++c) j += {static_cast<char>(c + 1), 0x11, 0};
  j += {'\xFF', '\xD9'};
  return j;
}

TEST(JpegInfoTest, ReadsFrameSize) {
  auto info = ReadJpegInfo(FakeJpeg());
  ASSERT_TRUE(info.ok()) << info.status().ToString();
  EXPECT_EQ(info->width, 40);
  EXPECT_EQ(info->height, 30);
  EXPECT_EQ(info->components, 3);
  EXPECT_FALSE(info->adobe_inverted);
}

TEST(JpegInfoTest, RejectsOtherFormatsAndTruncation) {
  auto png = ReadJpegInfo(std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_EQ(png.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(png.status().message(), HasSubstr("not JPEG"));
  auto cut = ReadJpegInfo(FakeJpeg().substr(0, 10));
  EXPECT_EQ(cut.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(cut.status().message(), HasSubstr("no frame header"));
  auto empty = ReadJpegInfo("");
  EXPECT_EQ(empty.status().code(), StatusCode::kInvalidArgument);
}

TEST(PdfWriterTest, NumbersAreShortAndLocaleFree) {
  EXPECT_EQ(Num(595.2), "595.2");
  EXPECT_EQ(Num(841.92), "841.92");
  EXPECT_EQ(Num(12.0), "12");
  EXPECT_EQ(Num(-0.0001), "0");
  EXPECT_EQ(Num(1.23456), "1.235");
}

TEST(PdfWriterTest, TextStringsAreUtf16BigEndianWithBom) {
  EXPECT_EQ(TextString("Số"), "<FEFF00531ED1>");
  EXPECT_EQ(TextString(""), "<FEFF>");
  // Invalid UTF-8 and characters outside the BMP become U+FFFD.
  EXPECT_EQ(Utf16("a\xC3"), (std::u16string{u'a', u'\uFFFD'}));
  EXPECT_EQ(Utf16("\xF0\x9F\x98\x80"), std::u16string(1, u'\uFFFD'));
  EXPECT_EQ(Utf16("Đ"), std::u16string(1, u'\u0110'));
}

TEST(PdfWriterTest, XrefOffsetsPointAtTheirObjects) {
  PdfWriter w;
  const int a = w.Reserve(), b = w.Reserve();
  w.Object(b, "<< /Type /Pages /Kids [] /Count 0 >>");
  w.Stream(a, "/Type /Catalog", "xyz");
  auto pdf = w.Finish(a, b);
  ASSERT_TRUE(pdf.ok());
  const size_t xref = pdf->find("\nxref\n") + 1;
  ASSERT_NE(xref, 0u);
  EXPECT_THAT(*pdf, HasSubstr("startxref\n" + std::to_string(xref) + "\n%%EOF"));
  const size_t first = pdf->find("0000000000 65535 f \n", xref);
  ASSERT_NE(first, std::string::npos);
  for (int id = 1; id <= 2; ++id) {
    const size_t offset = std::stoul(pdf->substr(first + 20 * id, 10));
    EXPECT_EQ(pdf->substr(offset, std::to_string(id).size() + 6), std::to_string(id) + " 0 obj")
        << id;
  }
  PdfWriter incomplete;
  incomplete.Reserve();
  EXPECT_EQ(incomplete.Finish(1, 1).status().code(), StatusCode::kInternal);
}

TEST(TextLayerTest, WordSpansItsBoxOnItsBaseline) {
  PageText t;
  OcrLine line;
  line.words = {OcrWord{"Số:", Box{300, 100, 60, 50}, 90},
                OcrWord{"17", Box{400, 100, 50, 50}, 90}};
  t.lines = {line};
  // 600x1000 px on a 144x240 pt page: 0.24 pt per px.
  const std::string c = PageContent(t, 600, 1000, 144, 240, "Im0", "F1");
  EXPECT_THAT(c, HasSubstr("144 0 0 240 0 0 cm\n/Im0 Do"));
  EXPECT_THAT(c, HasSubstr("3 Tr"));
  // Font size 12 pt (50 px); "Số: " spans 100 px = 24 pt over 4 glyphs of 6 pt: Tz 100.
  // Baseline at the box bottom: 240 - 150 * 0.24 = 204.
  EXPECT_THAT(c, HasSubstr("/F1 12 Tf 100 Tz 1 0 0 1 72 204 Tm <00531ED1003A0020> Tj"));
  // "17" is 50 px = 12 pt over two 6 pt glyphs: Tz 100, no trailing space.
  EXPECT_THAT(c, HasSubstr("/F1 12 Tf 100 Tz 1 0 0 1 96 204 Tm <00310037> Tj"));
}

TEST(TextLayerTest, NoWordsNoTextObject) {
  const std::string c = PageContent(PageText{}, 600, 1000, 144, 240, "Im0", "F1");
  EXPECT_THAT(c, ::testing::Not(HasSubstr("BT")));
}

}  // namespace
}  // namespace sohoa::pdf::internal
