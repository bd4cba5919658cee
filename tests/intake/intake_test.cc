#include "export/searchable_pdf.h"
#include "intake/intake.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace sohoa::intake {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

class IntakeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("sohoa_intake_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& bytes) {
    fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }

  // A grey test page with a dark bar, so decoding can be checked by value.
  static Image TestPage(int w, int h, int channels) {
    Image img = Image::Blank(w, h, channels, 250);
    for (int y = h / 4; y < h / 2; ++y)
      for (int x = w / 4; x < w / 2; ++x)
        for (int c = 0; c < channels; ++c) img.pixels[(static_cast<size_t>(y) * w + x) * channels + c] = 10;
    return img;
  }

  fs::path dir_;
  Options options_;
};

TEST_F(IntakeTest, PngRoundTripKeepsPixels) {
  auto png = EncodePng(TestPage(64, 48, 1));
  ASSERT_TRUE(png.ok()) << png.status().ToString();
  std::string path = Write("page.png", *png);
  auto kind = SniffFileKind(path);
  ASSERT_TRUE(kind.ok());
  EXPECT_EQ(*kind, FileKind::kPng);
  auto page = ReadPage(path, 0, options_);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(page->image.width, 64);
  EXPECT_EQ(page->image.height, 48);
  EXPECT_EQ(page->image.channels, 1);
  EXPECT_EQ(page->image.pixels[0], 250);
  EXPECT_EQ(page->image.pixels[20 * 64 + 20], 10);
}

TEST_F(IntakeTest, ColourJpegDecodesAsBgr) {
  Image img = Image::Blank(32, 32, 3, 255);
  for (size_t i = 0; i < img.pixels.size(); i += 3) img.pixels[i + 2] = 200, img.pixels[i] = 20;  // red-ish
  auto jpg = EncodeJpeg(img, 95);
  ASSERT_TRUE(jpg.ok());
  auto page = ReadPage(Write("red.jpg", *jpg), 0, options_);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_EQ(page->image.channels, 3);
  EXPECT_NEAR(page->image.pixels[2], 200, 6);  // R
  EXPECT_NEAR(page->image.pixels[0], 20, 6);   // B
}

TEST_F(IntakeTest, ZeroByteFileIsRefusedWithReason) {
  std::string path = Write("empty.png", "");
  auto page = ReadPage(path, 0, options_);
  EXPECT_EQ(page.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(page.status().message(), HasSubstr("empty"));
  EXPECT_THAT(page.status().message(), HasSubstr("empty.png"));
}

TEST_F(IntakeTest, TruncatedPngIsDataLoss) {
  auto png = EncodePng(TestPage(400, 300, 1));
  ASSERT_TRUE(png.ok());
  std::string path = Write("cut.png", png->substr(0, png->size() / 2));
  auto page = ReadPage(path, 0, options_);
  EXPECT_EQ(page.status().code(), StatusCode::kDataLoss) << page.status().ToString();
  EXPECT_THAT(page.status().message(), HasSubstr("cut.png"));
}

TEST_F(IntakeTest, TruncatedJpegIsDataLoss) {
  Image img = TestPage(400, 300, 3);
  auto jpg = EncodeJpeg(img, 90);
  ASSERT_TRUE(jpg.ok());
  std::string path = Write("cut.jpg", jpg->substr(0, jpg->size() / 2));
  auto page = ReadPage(path, 0, options_);
  EXPECT_EQ(page.status().code(), StatusCode::kDataLoss) << page.status().ToString();
}

TEST_F(IntakeTest, TextNamedPngIsRefused) {
  std::string path = Write("letter.png", "Kính gửi: Phòng Nội vụ\n");
  auto kind = SniffFileKind(path);
  EXPECT_EQ(kind.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(kind.status().message(), HasSubstr("plain text"));
}

TEST_F(IntakeTest, TextFileIsText) {
  std::string path = Write("doc.txt", "Số: 17/BC-UBND\n");
  auto kind = SniffFileKind(path);
  ASSERT_TRUE(kind.ok());
  EXPECT_EQ(*kind, FileKind::kText);
  auto text = ReadTextLayer(path, options_);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text, "Số: 17/BC-UBND\n");
}

TEST_F(IntakeTest, UnknownBinaryIsUnimplemented) {
  std::string path = Write("blob.png", std::string("\x00\x01\x02\x03garbage", 11));
  EXPECT_EQ(SniffFileKind(path).status().code(), StatusCode::kUnimplemented);
}

TEST_F(IntakeTest, FormatComesFromContentNotExtension) {
  auto png = EncodePng(TestPage(16, 16, 1));
  ASSERT_TRUE(png.ok());
  auto kind = SniffFileKind(Write("actually_png.jpg", *png));
  ASSERT_TRUE(kind.ok());
  EXPECT_EQ(*kind, FileKind::kPng);
}

TEST_F(IntakeTest, HugePageIsRefusedBeforeDecoding) {
  options_.max_pixels_per_page = 1000;  // a 64x48 page is 3072 pixels
  auto png = EncodePng(TestPage(64, 48, 1));
  ASSERT_TRUE(png.ok());
  auto page = ReadPage(Write("big.png", *png), 0, options_);
  EXPECT_EQ(page.status().code(), StatusCode::kResourceExhausted);
  EXPECT_THAT(page.status().message(), HasSubstr("64 x 48"));
}

TEST_F(IntakeTest, FortyThousandPixelPageIsRefusedByDefault) {
  // A real 40,000 x 40,000 PNG header (1-bit): decoding it would need 1.6 gigapixels.
  auto png = EncodePng(TestPage(8, 8, 1));
  ASSERT_TRUE(png.ok());
  std::string bytes = *png;
  // IHDR width/height live at bytes 16..23; the CRC is not checked before the header read.
  const uint32_t side = 40000;
  for (int i = 0; i < 4; ++i) {
    bytes[16 + i] = static_cast<char>((side >> (24 - 8 * i)) & 0xff);
    bytes[20 + i] = static_cast<char>((side >> (24 - 8 * i)) & 0xff);
  }
  auto page = ReadPage(Write("huge.png", bytes), 0, Options{});
  EXPECT_EQ(page.status().code(), StatusCode::kResourceExhausted) << page.status().ToString();
  EXPECT_THAT(page.status().message(), HasSubstr("40000 x 40000"));
}

TEST_F(IntakeTest, FileOverSizeLimitIsRefused) {
  options_.max_file_bytes = 10;
  auto png = EncodePng(TestPage(16, 16, 1));
  ASSERT_TRUE(png.ok());
  EXPECT_EQ(CountPages(Write("a.png", *png), options_).status().code(), StatusCode::kResourceExhausted);
}

TEST_F(IntakeTest, ExpandInputsWalksFoldersSortedAndSkipsHidden) {
  Write("b.png", "x");
  Write("a.png", "x");
  Write(".hidden.png", "x");
  fs::create_directories(dir_ / "sub");
  Write("sub/c.png", "x");
  auto inputs = ExpandInputs({dir_.string()});
  ASSERT_TRUE(inputs.ok());
  const std::vector<std::string>& files = inputs->files;
  ASSERT_EQ(files.size(), 3u);
  EXPECT_THAT(files[0], HasSubstr("a.png"));
  EXPECT_THAT(files[1], HasSubstr("b.png"));
  EXPECT_THAT(files[2], HasSubstr("sub/c.png"));
  EXPECT_EQ(ExpandInputs({(dir_ / "missing").string()}).status().code(), StatusCode::kNotFound);
}

TEST_F(IntakeTest, FoldersYieldOnlyInputExtensionsButNamedFilesAlwaysCount) {
  Write("scan.PNG", "x");
  Write("doc.pdf", "x");
  Write("README.md", "x");
  Write("scan.expected.json", "x");
  auto inputs = ExpandInputs({dir_.string()});
  ASSERT_TRUE(inputs.ok());
  ASSERT_EQ(inputs->files.size(), 2u);
  EXPECT_THAT(inputs->files[0], HasSubstr("doc.pdf"));
  EXPECT_THAT(inputs->files[1], HasSubstr("scan.PNG"));
  ASSERT_EQ(inputs->skipped.size(), 2u);
  EXPECT_THAT(inputs->skipped[0], HasSubstr("README.md"));
  // Named on its own, a file is tried whatever its name says.
  auto named = ExpandInputs({(dir_ / "README.md").string()});
  ASSERT_TRUE(named.ok());
  ASSERT_EQ(named->files.size(), 1u);
  EXPECT_TRUE(named->skipped.empty());
}

TEST(IntakeSharedData, MultiPageTiffReadsEveryPage) {
  const std::string tif = std::string(SOHOA_SHARED_DIR) + "/eval/dev/multipage/001.tif";
  if (!fs::exists(tif)) GTEST_SKIP() << "no shared eval data";
  auto n = CountPages(tif, Options{});
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_GT(*n, 1);
  auto last = ReadPage(tif, *n - 1, Options{});
  ASSERT_TRUE(last.ok()) << last.status().ToString();
  EXPECT_GT(last->image.width, 1000);
  EXPECT_EQ(ReadPage(tif, *n, Options{}).status().code(), StatusCode::kInvalidArgument);
}

// A PDF made here from a page with a red left half and a blue right half
// must come back with the same colours in the same places (pixel layout and
// channel order of the renderer's output).
TEST_F(IntakeTest, PdfPageComesBackWithItsColoursInPlace) {
  const int w = 200, h = 100;
  Image page = Image::Blank(w, h, 3, 255);
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      uint8_t* px = &page.pixels[(static_cast<size_t>(y) * w + x) * 3];
      const bool left = x < w / 2;
      px[0] = left ? 0 : 255;  // B
      px[1] = 0;               // G
      px[2] = left ? 255 : 0;  // R
    }
  }
  auto jpeg = EncodeJpeg(page, 95);
  ASSERT_TRUE(jpeg.ok());
  pdf::PdfPage pdf_page;
  pdf_page.jpeg = *jpeg;
  pdf_page.width = w;
  pdf_page.height = h;
  pdf_page.dpi = 72;  // 1 px = 1 pt: rendered at 72 dpi it comes back 200 x 100
  auto bytes = pdf::BuildSearchablePdf({pdf_page}, pdf::Metadata{});
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  const std::string path = Write("colours.pdf", *bytes);
  Options options;
  options.pdf_dpi = 72;
  auto read = ReadPage(path, 0, options);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  const Image& img = read->image;
  ASSERT_EQ(img.channels, 3);
  ASSERT_NEAR(img.width, w, 1);
  ASSERT_NEAR(img.height, h, 1);
  auto at = [&](int x, int y) { return &img.pixels[(static_cast<size_t>(y) * img.width + x) * 3]; };
  for (int y : {10, h / 2, h - 10}) {
    const uint8_t* red = at(w / 4, y);
    EXPECT_GT(red[2], 200) << "y=" << y;
    EXPECT_LT(red[0], 60) << "y=" << y;
    const uint8_t* blue = at(3 * w / 4, y);
    EXPECT_GT(blue[0], 200) << "y=" << y;
    EXPECT_LT(blue[2], 60) << "y=" << y;
  }
}

TEST(IntakeSharedData, ImageOnlyPdfRendersAt300Dpi) {
  const std::string pdf = std::string(SOHOA_SHARED_DIR) + "/eval/dev/multipage/000.pdf";
  if (!fs::exists(pdf)) GTEST_SKIP() << "no shared eval data";
  auto page = ReadPage(pdf, 0, Options{});
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(page->image.dpi, 300);
  EXPECT_NEAR(page->image.width, 2480, 10);  // A4 width at 300 dpi
  EXPECT_EQ(page->page_count, 12);
}

TEST(IntakeSharedData, EncryptedPdfIsRefusedWithReason) {
  const std::string pdf =
      std::string(SOHOA_SHARED_DIR) + "/eval/external/pikepdf-test-resources/resources/graph-encrypted.pdf";
  if (!fs::exists(pdf)) GTEST_SKIP() << "no shared eval data";
  auto n = CountPages(pdf, Options{});
  EXPECT_EQ(n.status().code(), StatusCode::kInvalidArgument) << n.status().ToString();
  EXPECT_THAT(n.status().message(), HasSubstr("encrypted"));
}

}  // namespace
}  // namespace sohoa::intake
