#include "export/searchable_pdf.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>

namespace sohoa::pdf {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Runs a poppler-utils command and returns its standard output.
std::string RunTool(const std::string& command) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
  ::pclose(pipe);
  return out;
}

OcrLine Line(const std::vector<std::string>& words, int x, int y, int height) {
  OcrLine line;
  for (const std::string& w : words) {
    // Roughly 28 px per character at 300 dpi, one space's gap between words.
    const int width = 28 * static_cast<int>(w.size());
    line.words.push_back(OcrWord{w, Box{x, y, width, height}, 90});
    x += width + 30;
  }
  return line;
}

class SearchablePdfTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/sohoa-export-test-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    grey_ = ReadFile(SOHOA_SHARED_DIR "/eval/dev/images/000_p01_skew.jpg");
    colour_ = ReadFile(SOHOA_SHARED_DIR "/eval/dev/images/000_p01_yellowed.jpg");
    ASSERT_GT(grey_.size(), 1000u);
    ASSERT_GT(colour_.size(), 1000u);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& bytes) {
    const std::string path = (dir_ / "out.pdf").string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  std::vector<PdfPage> TwoPages() {
    PdfPage p1;
    p1.jpeg = grey_;
    p1.width = 2479;
    p1.height = 3508;
    p1.dpi = 300;
    p1.words.width = 2479;
    p1.words.height = 3508;
    p1.words.lines = {
        Line({"Quyết", "định", "số", "17/BC-UBND"}, 300, 400, 50),
        Line({"Quảng", "Ngạn,", "ngày", "29", "tháng", "4", "năm", "2020"}, 1100, 500, 50)};
    PdfPage p2 = p1;
    p2.jpeg = colour_;
    p2.dpi = 150;  // a lower-resolution page is physically larger
    p2.words.lines = {Line({"Kính", "gửi:", "Phòng", "Nội", "vụ", "huyện"}, 300, 800, 50)};
    return {p1, p2};
  }

  fs::path dir_;
  std::string grey_, colour_;
};

TEST_F(SearchablePdfTest, NoPagesIsInvalidArgument) {
  auto pdf = BuildSearchablePdf({}, Metadata{});
  EXPECT_EQ(pdf.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(pdf.status().message(), HasSubstr("no pages"));
}

TEST_F(SearchablePdfTest, NonJpegPageIsInvalidArgumentNamingThePage) {
  std::vector<PdfPage> pages = TwoPages();
  pages[1].jpeg = std::string("\x89PNG\r\n\x1a\n0000", 12);
  auto pdf = BuildSearchablePdf(pages, Metadata{});
  EXPECT_EQ(pdf.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(pdf.status().message(), HasSubstr("page 2"));
}

TEST_F(SearchablePdfTest, MissingFontIsFailedPrecondition) {
  Options options;
  options.font_path = (dir_ / "no-such-font.ttf").string();
  auto pdf = BuildSearchablePdf(TwoPages(), Metadata{}, options);
  EXPECT_EQ(pdf.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(pdf.status().message(), HasSubstr("no-such-font.ttf"));
}

TEST_F(SearchablePdfTest, PopplerExtractsTheVietnameseText) {
  auto pdf = BuildSearchablePdf(TwoPages(), Metadata{"17/BC-UBND", "Báo cáo", "UBND xã"});
  ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();
  const std::string path = Write(*pdf);
  const std::string page1 = RunTool("pdftotext -f 1 -l 1 -enc UTF-8 " + path + " - 2>&1");
  EXPECT_THAT(page1, HasSubstr("Quyết định số 17/BC-UBND"));
  EXPECT_THAT(page1, HasSubstr("Quảng Ngạn, ngày 29 tháng 4 năm 2020"));
  const std::string page2 = RunTool("pdftotext -f 2 -l 2 -enc UTF-8 " + path + " - 2>&1");
  EXPECT_THAT(page2, HasSubstr("Kính gửi: Phòng Nội vụ huyện"));
  EXPECT_THAT(page2, ::testing::Not(HasSubstr("Quyết")));
}

TEST_F(SearchablePdfTest, PdfinfoReadsPagesSizeAndMetadata) {
  auto pdf = BuildSearchablePdf(TwoPages(),
                                Metadata{"17/BC-UBND", "Tổng kết cải cách", "ỦY BAN NHÂN DÂN"});
  ASSERT_TRUE(pdf.ok());
  const std::string path = Write(*pdf);
  const std::string info = RunTool("pdfinfo -f 1 -l 2 " + path + " 2>&1");
  EXPECT_THAT(info, HasSubstr("Pages:           2"));
  EXPECT_THAT(info, HasSubstr("PDF version:     1.7"));
  EXPECT_THAT(info, HasSubstr("Title:           17/BC-UBND"));
  EXPECT_THAT(info, HasSubstr("Subject:         Tổng kết cải cách"));
  EXPECT_THAT(info, HasSubstr("Author:          ỦY BAN NHÂN DÂN"));
  // 2479 x 3508 px at 300 dpi, then at 150 dpi.
  EXPECT_THAT(info, HasSubstr("Page    1 size:  594.96 x 841.92 pts"));
  EXPECT_THAT(info, HasSubstr("Page    2 size:  1189.92 x 1683.84 pts"));
  EXPECT_THAT(info, ::testing::Not(HasSubstr("Syntax Error")));
}

TEST_F(SearchablePdfTest, PdfimagesListsOneJpegPerPage) {
  auto pdf = BuildSearchablePdf(TwoPages(), Metadata{});
  ASSERT_TRUE(pdf.ok());
  const std::string list = RunTool("pdfimages -list " + Write(*pdf) + " 2>&1");
  // page num type width height color comp bpc enc ...
  EXPECT_TRUE(std::regex_search(
      list, std::regex(R"(\n\s+1\s+0\s+image\s+2479\s+3508\s+gray\s+1\s+8\s+jpeg)")))
      << list;
  EXPECT_TRUE(std::regex_search(
      list, std::regex(R"(\n\s+2\s+1\s+image\s+2479\s+3508\s+rgb\s+3\s+8\s+jpeg)")))
      << list;
  // The JPEG is embedded as is.
  EXPECT_NE(pdf->find(grey_), std::string::npos);
}

TEST_F(SearchablePdfTest, WordsLandOnTheirBoxes) {
  std::vector<PdfPage> pages = TwoPages();
  pages.resize(1);
  auto pdf = BuildSearchablePdf(pages, Metadata{});
  ASSERT_TRUE(pdf.ok());
  const std::string html = RunTool("pdftotext -bbox " + Write(*pdf) + " - 2>&1");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(
      html, m,
      std::regex(
          R"re(xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">17/BC-UBND<)re")))
      << html;
  const Box box = pages[0].words.lines[0].words[3].box;
  const double x_px = box.x, w_px = box.w;
  const double pt = 72.0 / 300;
  EXPECT_NEAR(std::stod(m[1]), x_px * pt, 1.0);
  EXPECT_NEAR(std::stod(m[3]), (x_px + w_px) * pt, 1.0);
  // The top matches the box top; the baseline (box bottom, 450 px) lies inside the
  // glyph box, which poppler extends below it by the font's descent.
  EXPECT_NEAR(std::stod(m[2]), 400 * pt, 2.0);
  EXPECT_GE(std::stod(m[4]), 450 * pt - 0.5);
  EXPECT_LE(std::stod(m[4]), 450 * pt + 6.0);
}

}  // namespace
}  // namespace sohoa::pdf
