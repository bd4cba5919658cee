#include "extract/extract.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace sohoa::extract {
namespace {

std::string ReadGt(const std::string& stem) {
  std::ifstream in(std::string(SOHOA_SHARED_DIR) + "/eval/dev/gt/" + stem + ".txt");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(ExtractTest, CongVanSinglePage) {
  const std::string text = ReadGt("e02_p01_clean");
  ASSERT_FALSE(text.empty());
  DocumentFields f = ExtractFields({PageTextFromPlain(text)}, Options{});
  EXPECT_EQ(f.number->printed, "45/UBND-VP");
  EXPECT_EQ(f.date->Iso(), "2023-09-08");
  EXPECT_EQ(f.doc_type, "CÔNG VĂN");
  EXPECT_EQ(f.issuer, "ỦY BAN NHÂN DÂN HUYỆN THẠCH HÀ");
  EXPECT_FALSE(f.issuer_parent);
  EXPECT_EQ(f.subject,
            "V/v đôn đốc báo cáo kết quả thực hiện cải cách hành chính quý III năm 2023");
  ASSERT_TRUE(f.signer);
  EXPECT_EQ(f.signer->authority, "TL. CHỦ TỊCH");
  EXPECT_EQ(f.signer->position, "CHÁNH VĂN PHÒNG");
  EXPECT_EQ(f.signer->name, "Nguyễn Thị Thu Hà");
  EXPECT_EQ(f.references.size(), 3u);
  EXPECT_EQ(f.addressees.size(), 2u);
  EXPECT_EQ(f.recipients.size(), 4u);
}

TEST(ExtractTest, GeometrySplitsHeaderColumns) {
  // One OCR line spanning both columns, as Tesseract gives it.
  auto word = [](std::string t, int x, int y) {
    OcrWord w;
    w.text = std::move(t);
    w.box = {x, y, 100, 40};
    return w;
  };
  PageText page;
  page.width = 2400;
  page.height = 3400;
  OcrLine l1;
  l1.words = {word("UBND", 300, 200),   word("TỈNH", 420, 200),  word("NAM", 540, 200),
              word("ĐỊNH", 660, 200),   word("CỘNG", 1200, 200), word("HÒA", 1320, 200),
              word("XÃ", 1440, 200),    word("HỘI", 1560, 200),  word("CHỦ", 1680, 200),
              word("NGHĨA", 1800, 200), word("VIỆT", 1920, 200), word("NAM", 2040, 200)};
  l1.box = {300, 200, 1840, 40};
  OcrLine l2;
  l2.words = {word("SỞ", 300, 260), word("NỘI", 420, 260), word("VỤ", 540, 260)};
  l2.box = {300, 260, 340, 40};
  OcrLine l3;
  l3.words = {word("TỜ", 1100, 500), word("TRÌNH", 1220, 500)};
  l3.box = {1100, 500, 220, 40};
  page.lines = {l1, l2, l3};
  DocumentFields f = ExtractFields({page}, Options{});
  EXPECT_EQ(f.issuer_parent, "UBND TỈNH NAM ĐỊNH");
  EXPECT_EQ(f.issuer, "SỞ NỘI VỤ");
  EXPECT_EQ(f.doc_type, "TỜ TRÌNH");
  EXPECT_FALSE(f.number);
  EXPECT_FALSE(f.date);
  EXPECT_FALSE(f.date_missing_reason.empty());
  // Each field keeps the box of the words it was read from, not the whole OCR line.
  ASSERT_EQ(f.sources.count("issuer_parent"), 1u);
  const Box parent = f.sources.at("issuer_parent").box;
  EXPECT_EQ(parent.x, 300);
  EXPECT_EQ(parent.y, 200);
  EXPECT_EQ(parent.w, 460);
  EXPECT_EQ(f.sources.at("issuer").box.y, 260);
  EXPECT_EQ(f.sources.at("doc_type").box.x, 1100);
  EXPECT_EQ(f.sources.at("doc_type").page_index, 0);
  EXPECT_DOUBLE_EQ(f.sources.at("issuer").confidence, 1.0);
  EXPECT_EQ(f.sources.count("number"), 0u);  // nothing found, no source
}

TEST(ExtractTest, IssuerWordGluedToTheMottoAcrossTheGutter) {
  // OCR: "PHÚCỘNG" = the parent's last word + the motto's first, one box over the gutter.
  auto word = [](std::string t, int x, int y, int w) {
    OcrWord o;
    o.text = std::move(t);
    o.box = {x, y, w, 50};
    return o;
  };
  PageText page;
  page.width = 2480;
  page.height = 3508;
  OcrLine l1;
  l1.words = {word("UBND", 360, 240, 165),    word("HUYỆN", 546, 240, 202),
              word("ĐỒNG", 770, 240, 165),    word("PHÚCỘNG", 958, 240, 294),
              word("HÒA", 1275, 240, 128),    word("XÃ", 1420, 240, 76),
              word("HỘI", 1515, 240, 110),    word("CHỦ", 1647, 240, 128),
              word("NGHĨA", 1795, 240, 196),  word("VIỆT", 2008, 240, 137),
              word("NAM", 2165, 240, 135)};
  l1.box = {360, 240, 1940, 50};
  OcrLine l2;
  l2.words = {word("ỦY", 392, 313, 77), word("BAN", 488, 313, 123), word("NHÂN", 633, 313, 173),
              word("DÂN", 827, 313, 125), word("XÃ", 971, 313, 76), word("TÂN", 1060, 313, 116),
              word("PHÚ", 1190, 313, 110)};
  l2.box = {392, 313, 908, 50};
  OcrLine l3;
  l3.words = {word("KẾ", 1100, 600, 80), word("HOẠCH", 1200, 600, 200)};
  l3.box = {1100, 600, 300, 50};
  page.lines = {l1, l2, l3};
  DocumentFields f = ExtractFields({page}, Options{});
  EXPECT_EQ(f.issuer_parent, "UBND HUYỆN ĐỒNG PHÚ");
  EXPECT_EQ(f.issuer, "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ");
  EXPECT_LT(f.sources.at("issuer_parent").box.right(), 1275);  // the "CỘNG" part is not in it
}

TEST(ExtractTest, ReceivedStampReadFromTheStampsOwnLines) {
  PageText page = PageTextFromPlain(ReadGt("000_p01_clean"));
  auto line = [](int y, std::vector<std::string> words, float conf) {
    OcrLine l;
    int x = 800;
    for (std::string& t : words) {
      OcrWord w;
      w.text = std::move(t);
      w.box = Box{x, y, 120, 40};
      w.confidence = conf;
      x += 140;
      l.words.push_back(std::move(w));
    }
    l.box = Box{800, y, x - 800, 40};
    return l;
  };
  page.stamp_lines = {line(100, {"CÔNG", "VĂN", "ĐẾN"}, 95), line(150, {"Số:", "1809"}, 90),
                      line(200, {"Ngày:", "28/09/2021"}, 60)};
  DocumentFields f = ExtractFields({page}, Options{});
  ASSERT_TRUE(f.received);
  EXPECT_EQ(f.received->arrival_number, "1809");
  EXPECT_EQ(f.received->arrival_date->Iso(), "2021-09-28");
  // Kept apart: the document's own number and date are the header's.
  EXPECT_EQ(f.number->printed, "86/BC-UBND");
  EXPECT_EQ(f.date->Iso(), "2021-09-28");
  // The box of the number and date lines, and the weakest word's confidence.
  const FieldSource& src = f.sources.at("received");
  EXPECT_EQ(src.box.y, 150);
  EXPECT_EQ(src.box.bottom(), 240);
  EXPECT_NEAR(src.confidence, 0.60, 1e-6);

  Options off;
  off.received_stamp = false;
  EXPECT_FALSE(ExtractFields({page}, off).received);
}

TEST(ExtractTest, EachCitedDocumentHasTheLineItWasCitedOn) {
  const std::string page1 =
      "ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH\nSố: 12/KH-UBND\nQuảng Ninh, ngày 3 tháng 1 năm 2024\nKẾ HOẠCH\n"
      "Cải cách hành chính năm 2024\nCăn cứ Nghị định số 107/2021/NĐ-CP ngày 6 tháng 12 năm 2021\n"
      "của Chính phủ về một cửa;\n";
  const std::string page2 =
      "Thực hiện Kế hoạch số 32/KH-UBND ngày 28/12/2023 của Ủy ban nhân dân tỉnh;\n"
      "và Nghị định số 107/2021/NĐ-CP nêu trên.\n";
  DocumentFields f = ExtractFields({PageTextFromPlain(page1), PageTextFromPlain(page2)}, Options{});
  ASSERT_EQ(f.references.size(), 2u);
  EXPECT_EQ(f.references[0].number, "107/2021/NĐ-CP");
  EXPECT_EQ(f.references[1].number, "32/KH-UBND");
  ASSERT_TRUE(f.sources.count("references[0]"));
  ASSERT_TRUE(f.sources.count("references[1]"));
  EXPECT_EQ(f.sources.at("references[0]").page_index, 0);  // first cited on page 1
  EXPECT_EQ(f.sources.at("references[1]").page_index, 1);
  EXPECT_GT(f.sources.at("references[1]").confidence, 0);
}

TEST(ExtractTest, TextInputSourcesHavePagesButNoBoxes) {
  const std::string text =
      "ỦY BAN NHÂN DÂN HUYỆN\nTHẠCH HÀ\nSố: 45 / UBND-VP\nV/v đôn đốc báo cáo\n"
      "Thạch Hà, ngày 08 tháng 9 năm 2023\n\fKính gửi: Các xã.\n\nTL. CHỦ TỊCH\n"
      "CHÁNH VĂN PHÒNG\nNguyễn Thị Thu Hà";
  std::vector<PageText> pages;
  const size_t ff = text.find('\f');
  pages.push_back(PageTextFromPlain(text.substr(0, ff)));
  pages.push_back(PageTextFromPlain(text.substr(ff + 1)));
  DocumentFields f = ExtractFields(pages, Options{});
  ASSERT_TRUE(f.number);
  EXPECT_EQ(f.number->printed, "45/UBND-VP");
  EXPECT_LT(f.sources.at("number").confidence, 1.0);  // spaces repaired
  EXPECT_DOUBLE_EQ(f.sources.at("date").confidence, 1.0);
  EXPECT_EQ(f.sources.at("date").box.w, 0);
  EXPECT_EQ(f.sources.at("signer").page_index, 1);
  EXPECT_EQ(f.doc_type, "CÔNG VĂN");  // inferred: less sure than the number it comes from
  EXPECT_LT(f.sources.at("doc_type").confidence, f.sources.at("number").confidence);
  const std::string json = FieldsToJson(f);
  EXPECT_NE(json.find("\"signer\": {\"page\": 2, \"box\": null"), std::string::npos) << json;
}

TEST(ExtractTest, TypeLineAndCodeDisagreeLowersConfidence) {
  const std::string header = "ỦY BAN NHÂN DÂN XÃ AN BÌNH\nSố: 17/{CODE}-UBND\n"
                             "An Bình, ngày 29 tháng 4 năm 2020\nBÁO CÁO\nTổng kết năm 2020\n";
  auto fields_for = [&](const std::string& code) {
    std::string text = header;
    text.replace(text.find("{CODE}"), 6, code);
    return ExtractFields({PageTextFromPlain(text)}, Options{});
  };
  DocumentFields agree = fields_for("BC"), disagree = fields_for("KH");
  EXPECT_EQ(disagree.doc_type, "BÁO CÁO");  // as printed on the type line
  EXPECT_EQ(disagree.number->type_abbreviation, "KH");
  EXPECT_LT(disagree.sources.at("doc_type").confidence, agree.sources.at("doc_type").confidence);
  EXPECT_LT(disagree.sources.at("number").confidence, agree.sources.at("number").confidence);
}

TEST(ExtractTest, EmptyInputYieldsEmptyFields) {
  DocumentFields f = ExtractFields({}, Options{});
  EXPECT_FALSE(f.number);
  DocumentFields g = ExtractFields({PageTextFromPlain("")}, Options{});
  EXPECT_FALSE(g.issuer);
  EXPECT_FALSE(g.signer);
  EXPECT_TRUE(g.references.empty());
}

TEST(ExtractTest, JsonHasScorerKeysAndEscapes) {
  DocumentFields f;
  f.subject = "V/v \"x\"\n";
  f.references.push_back({"Kế hoạch", "32/KH-UBND", IssueDate{2020, 12, 28}});
  const std::string json = FieldsToJson(f);
  EXPECT_NE(json.find("\"number\": null"), std::string::npos);
  EXPECT_NE(json.find("\"subject\": \"V/v \\\"x\\\"\\n\""), std::string::npos);
  EXPECT_NE(
      json.find("{\"type\": \"Kế hoạch\", \"number\": \"32/KH-UBND\", \"date\": \"2020-12-28\"}"),
      std::string::npos);
}

}  // namespace
}  // namespace sohoa::extract
