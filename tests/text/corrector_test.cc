// The corrector, one kind of OCR mistake at a time: damaged input, expected
// output, and what must be left alone.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "test_util.h"
#include "text/text.h"

namespace sohoa::text {
namespace {

class CorrectorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    n_ = SharedNormalizer();
    ASSERT_NE(n_, nullptr);
  }
  std::string Fixed(const std::string& text) { return n_->Correct(text).text; }
  TextNormalizer* n_ = nullptr;
};

// Without the bigram model: only the dictionary and the document decide.
TextNormalizer* WithoutModel() { return SharedNormalizer(false); }

OcrWord Word(const std::string& text, int x) { return OcrWord{text, Box{x, 0, 30, 10}, 90, {}}; }

TEST_F(CorrectorTest, DroppedMarkWithOneCandidateIsRestored) {
  auto plain = WithoutModel();
  CorrectedText r = plain->Correct("vuợt qua khó khăn");
  EXPECT_EQ(r.text, "vượt qua khó khăn");
  EXPECT_EQ(r.raw, "vuợt qua khó khăn");
  ASSERT_EQ(r.corrections.size(), 1u);
  EXPECT_EQ(r.corrections[0].from, "vuợt");
  EXPECT_EQ(r.corrections[0].to, "vượt");
  EXPECT_EQ(r.corrections[0].reason, "the closest valid syllable with these letters");
  EXPECT_EQ(r.corrections[0].word, 0);
  EXPECT_EQ(plain->Correct("nguyện vọng").text, "nguyện vọng");
  EXPECT_EQ(Fixed("số nguời"), "số người");
}

TEST_F(CorrectorTest, DroppedToneMarkIsRestoredFromContext) {
  // quyết and quyệt are both real: the model knows which follows "giải".
  CorrectedText r = n_->Correct("Giải quyet hồ sơ");
  EXPECT_EQ(r.text, "Giải quyết hồ sơ");
  ASSERT_EQ(r.corrections.size(), 1u);
  EXPECT_NE(r.corrections[0].reason.find("bigram model"), std::string::npos);
  EXPECT_EQ(Fixed("kết qua kiểm tra"), "kết quả kiểm tra");
}

TEST_F(CorrectorTest, AmbiguousWordWithoutEvidenceStays) {
  auto plain = WithoutModel();
  EXPECT_EQ(plain->Correct("Giải quyet").text, "Giải quyet");  // no model, no repetition
  EXPECT_EQ(Fixed("quyet"), "quyet");                          // a word alone: no context
}

TEST_F(CorrectorTest, SwappedStackedDiacriticIsFixedFromContext) {
  EXPECT_EQ(Fixed("công tác kiếm tra và giám sát"), "công tác kiểm tra và giám sát");
  EXPECT_EQ(Fixed("thúc đấy chuyến đổi số"), "thúc đẩy chuyển đổi số");
  EXPECT_EQ(Fixed("cán bộ nhần dân"), "cán bộ nhân dân");
}

TEST_F(CorrectorTest, RealWordInAUsualPairIsLeftAlone) {
  for (const char* text : {"kiếm tiền", "chuyến đi", "nhận hồ sơ", "chi phí", "chỉ đạo", "thông qua rà soát"}) {
    EXPECT_EQ(Fixed(text), text);
  }
}

TEST_F(CorrectorTest, DocumentEvidenceSettlesAnAmbiguousWord) {
  auto plain = WithoutModel();
  CorrectedText r = plain->Correct("Quyết định số 12.\nGiải quyet hồ sơ");
  EXPECT_EQ(r.text, "Quyết định số 12.\nGiải quyết hồ sơ");
  ASSERT_EQ(r.corrections.size(), 1u);
  EXPECT_NE(r.corrections[0].reason.find("elsewhere in the document"), std::string::npos);
}

TEST_F(CorrectorTest, EvidenceFromAnotherPageOfTheDocument) {
  auto plain = WithoutModel();
  auto pages = plain->CorrectDocument({"Về việc giải quyết khiếu nại", "Giải quyet xong"});
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0].text, "Về việc giải quyết khiếu nại");
  EXPECT_EQ(pages[1].text, "Giải quyết xong");
}

TEST_F(CorrectorTest, WordIsWeighedAgainAfterItsNeighbourIsCorrected) {
  // "CHU" becomes "CHỦ" first; only then is "PHÓ" usual before it.
  CorrectedText r = n_->Correct("KT. CHỦ TỊCH\nPHO CHU TỊCH");
  EXPECT_EQ(r.text, "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH");
  EXPECT_EQ(r.corrections.size(), 2u);
  EXPECT_EQ(Fixed("PHÓ CHỦ TỊCH"), "PHÓ CHỦ TỊCH");
}

TEST_F(CorrectorTest, HeadingInCapitalsIsCorrectedAndKeepsCase) {
  EXPECT_EQ(Fixed("Căn cứ Quyết định số 5. QUYET ĐỊNH"), "Căn cứ Quyết định số 5. QUYẾT ĐỊNH");
}

TEST_F(CorrectorTest, NameReadRightManyTimesFixesTheOddReading) {
  // No model, and a name: only the document's repetitions can speak.
  auto plain = WithoutModel();
  const std::string body = "bà Lương Điền, bà Lương Điền, bà Lương Điền, bà Lương Điền, ";
  CorrectedText r = plain->Correct(body + "bà Lương Điển");
  EXPECT_EQ(r.text, body + "bà Lương Điền");
  ASSERT_EQ(r.corrections.size(), 1u);
  EXPECT_EQ(r.corrections[0].reason, "read so 4 times next to the same word in this document");
  // Three readings are not enough evidence (min_repetitions = 4).
  const std::string three = "bà Lương Điền, bà Lương Điền, bà Lương Điền, ";
  EXPECT_EQ(plain->Correct(three + "bà Lương Điển").text, three + "bà Lương Điển");
}

TEST_F(CorrectorTest, ShortHeadingWordWithMarksIsAWordNotACode) {
  EXPECT_EQ(n_->ClassifyWord("CẨP"), WordKind::kInvalidSyllable);
  EXPECT_EQ(Fixed("THỦ TỤC HÀNH CHÍNH CẨP XÃ"), "THỦ TỤC HÀNH CHÍNH CẤP XÃ");
  for (const char* code : {"VPĐ", "QĐ", "HĐND", "TTHC"}) EXPECT_EQ(n_->ClassifyWord(code), WordKind::kProtected) << code;
}

TEST_F(CorrectorTest, LetterCodeIsContextButNeverChanged) {
  const std::string body = "UBND tỉnh Nam Định; UBND tỉnh; UBND tỉnh; UBND tỉnh. ";
  CorrectedText r = n_->Correct(body + "UBND TÍNH NAM ĐỊNH");
  EXPECT_EQ(r.text, body + "UBND TỈNH NAM ĐỊNH");
  for (const Correction& c : r.corrections) EXPECT_NE(c.from, "UBND");
}

TEST_F(CorrectorTest, CommonWordIsNotOverriddenByAFrequentPair) {
  const std::string text =
      "đối với A, đối với B, đối với C, đối với D, đối với E. Cải cách đi đôi với kỷ cương";
  EXPECT_EQ(Fixed(text), text);
}

TEST_F(CorrectorTest, StrayLetterNeedsEvidence) {
  EXPECT_EQ(Fixed("cöng"), "cöng");  // công or cong: alone, no way to tell
  EXPECT_EQ(Fixed("Ủy ban công bố cöng khai"), "Ủy ban công bố công khai");
  EXPECT_EQ(Fixed("tình hình thực hiïện"), "tình hình thực hiïện");  // not one letter per letter
}

TEST_F(CorrectorTest, WordBrokenByASpaceIsJoined) {
  CorrectedText r = n_->Correct("ban hành qu yết định");
  EXPECT_EQ(r.text, "ban hành quyết định");
  ASSERT_EQ(r.corrections.size(), 1u);
  EXPECT_EQ(r.corrections[0].from, "qu yết");
  EXPECT_EQ(r.corrections[0].reason, "one word broken by a space");
}

TEST_F(CorrectorTest, WordsRunTogetherAreSplit) {
  EXPECT_EQ(Fixed("cải cách thủ tụchành chính"), "cải cách thủ tục hành chính");
}

TEST_F(CorrectorTest, ListDashRunIntoTheWordIsSeparated) {
  EXPECT_EQ(Fixed("Nơi nhận:\n-Lưu: VT, VP."), "Nơi nhận:\n- Lưu: VT, VP.");
  EXPECT_EQ(Fixed("giai đoạn 2021 -2025"), "giai đoạn 2021 -2025");  // not a list dash
}

TEST_F(CorrectorTest, SpaceLostAfterAColonOrCommaIsPutBack) {
  EXPECT_EQ(Fixed("Nơi nhận:\n-Lưu:VT,VP."), "Nơi nhận:\n- Lưu: VT, VP.");
  EXPECT_EQ(Fixed("các sở,ngành;địa phương"), "các sở, ngành; địa phương");
  // Numbers, times, standards and addresses keep theirs.
  for (const char* kept : {"ISO 9001:2015", "lúc 14:30", "tỷ lệ 2,5%", "https://dichvucong.gov.vn",
                           "a@b.vn", "Số: 17/BC-UBND"}) {
    EXPECT_EQ(Fixed(kept), kept);
  }
}

TEST_F(CorrectorTest, LevelAfterTheCommitteeTakesItsMarks) {
  EXPECT_EQ(Fixed("UBND TÍNH NAM ĐỊNH"), "UBND TỈNH NAM ĐỊNH");
  EXPECT_EQ(Fixed("ỦY BAN NHÂN DÂN HUYÊN MỸ XUYÊN"), "ỦY BAN NHÂN DÂN HUYỆN MỸ XUYÊN");
  EXPECT_EQ(Fixed("Căn cứ ý kiến của HĐND tinh Quảng Ninh"), "Căn cứ ý kiến của HĐND tỉnh Quảng Ninh");
  EXPECT_EQ(Fixed("UBND XA Tân Phú"), "UBND XÃ Tân Phú");
  // Not before a place name, or not after the committee: a word of its own.
  EXPECT_EQ(Fixed("UBND tính toán lại"), "UBND tính toán lại");
  EXPECT_EQ(Fixed("cách tính Nam"), "cách tính Nam");
}

TEST_F(CorrectorTest, SpecksBesideTheNumbersOfADateGo) {
  EXPECT_EQ(Fixed("Nghị quyết ngày 15/7/2021. của Chính phủ"), "Nghị quyết ngày 15/7/2021 của Chính phủ");
  EXPECT_EQ(Fixed("theo Kế hoạch ngày. 05/01/2024;"), "theo Kế hoạch ngày 05/01/2024;");
  EXPECT_EQ(Fixed("Kế hoạch số 05/KH-UBND ngày :18/01/2023"), "Kế hoạch số 05/KH-UBND ngày 18/01/2023");
  EXPECT_EQ(Fixed("báo cáo năm: 2021 của xã"), "báo cáo năm 2021 của xã");
  // A sentence's end, a list's number (also inside a line), a label and a
  // time stay.
  for (const char* text : {"ban hành năm 2021. Trong đó", "1. các cơ quan", "như sau: 2. các", "Ngày: 28/09/2021",
                           "trong 30 ngày.\n15/7/2021 là hạn", "lúc 14:30 ngày 5/1"}) {
    EXPECT_EQ(Fixed(text), text);
  }
}

TEST_F(CorrectorTest, HeadingNumeralTakesBackItsFullStop) {
  EXPECT_EQ(Fixed("I Đặc điểm tình hình:"), "I. Đặc điểm tình hình:");
  EXPECT_EQ(Fixed("kết quả như sau:\nII NHỮNG HOẠT ĐỘNG NỔI BẬT"), "kết quả như sau:\nII. NHỮNG HOẠT ĐỘNG NỔI BẬT");
  // A sentence wrapped after "quý", and a numeral inside a line, stay.
  for (const char* text : {"Trong quý\nI năm 2023, Trung tâm", "quý I Năm", "PHẦN I KẾT QUẢ"}) {
    EXPECT_EQ(Fixed(text), text);
  }
}

TEST_F(CorrectorTest, ArticleNumberOneReadAsALetter) {
  EXPECT_EQ(Fixed("Điều L. Phạm vi điều chỉnh"), "Điều 1. Phạm vi điều chỉnh");
  EXPECT_EQ(Fixed("Chương I"), "Chương I");  // a Roman numeral where it belongs
}

TEST_F(CorrectorTest, NamesWithoutEvidenceStay) {
  EXPECT_EQ(Fixed("Ông Vuợt"), "Ông Vuợt");
  EXPECT_EQ(Fixed("Nguyen Van Tuan"), "Nguyen Van Tuan");
  EXPECT_EQ(Fixed("huyện Cẩm Xuyên"), "huyện Cẩm Xuyên");
  EXPECT_EQ(Fixed("ông Lê Văn Tám"), "ông Lê Văn Tám");
}

TEST_F(CorrectorTest, NumbersCodesDatesAndForeignWordsAreNeverChanged) {
  for (const char* text :
       {"ISO 9001:2015", "Số: 17/BC-UBND", "ngày 29/4/2020", "Kế hoạch số 32/KH-UBND",
        "UBND HĐND VT QĐ", "tháng 05/2023", "123/QĐ-UBND-NV", "Điều 1.", "1.250.000 đồng",
        "phần mềm Microsoft Office", "email và website"}) {
    CorrectedText r = n_->Correct(text);
    EXPECT_EQ(r.text, text);
    EXPECT_TRUE(r.corrections.empty()) << text;
  }
}

TEST_F(CorrectorTest, CyrillicInsideCodeIsRepairedNotCorrected) {
  CorrectedText r = n_->Correct("Số: 45/UBND-\xD0\xA1V");  // Cyrillic С
  EXPECT_EQ(r.raw, "Số: 45/UBND-CV");
  EXPECT_EQ(r.text, "Số: 45/UBND-CV");
}

TEST_F(CorrectorTest, WhitespaceIsKept) {
  EXPECT_EQ(Fixed("  số\tnguời\n\nđến "), "  số\tngười\n\nđến ");
}

TEST_F(CorrectorTest, CorrectionCanBeSwitchedOff) {
  auto plain = MakeNormalizer(Options{.correct = false, .bigram_model_path = ""});
  ASSERT_NE(plain, nullptr);
  CorrectedText r = plain->Correct("vuợt");
  EXPECT_EQ(r.text, "vuợt");
  EXPECT_TRUE(r.corrections.empty());
}

TEST_F(CorrectorTest, NormalizePageCorrectsWordsInPlace) {
  PageText page;
  OcrLine line;
  line.words = {Word("số", 0), Word("nguời", 20)};
  page.lines.push_back(line);
  PageText out = n_->NormalizePage(page);
  ASSERT_EQ(out.lines[0].words.size(), 2u);
  EXPECT_EQ(out.lines[0].words[1].text, "người");
  EXPECT_EQ(out.lines[0].words[1].box.x, 20);
}

TEST_F(CorrectorTest, RecognisersSecondReadingIsTrustedFirst) {
  // "Cấm" printed, "Cẩm" nearly as likely to the recogniser; the name is
  // read "Cẩm Xuyên" nowhere else, so only the recogniser can speak.
  PageText page;
  OcrLine line;
  line.words = {Word("huyện", 0), Word("Cấm", 40), Word("Xuyên", 80)};
  line.words[1].glyph_choices = {{{"C", 0.95f}}, {{"ấ", 0.50f}, {"ẩ", 0.45f}}, {{"m", 0.9f}}};
  page.lines.push_back(line);
  // Without the recogniser's choices the name stays as printed.
  PageText bare = page;
  bare.lines[0].words[1].glyph_choices.clear();
  EXPECT_EQ(n_->NormalizePage(bare).lines[0].words[1].text, "Cấm");
  // With them, a name is still kept: the model says nothing about names.
  EXPECT_EQ(n_->NormalizePage(page).lines[0].words[1].text, "Cấm");

  // A common word: the close second reading wins when the context backs it.
  PageText body;
  OcrLine l2;
  l2.words = {Word("tiếp", 0), Word("nhấn", 40), Word("hồ", 80), Word("sơ", 120)};
  l2.words[1].glyph_choices = {
      {{"n", 0.95f}}, {{"h", 0.95f}}, {{"ấ", 0.55f}, {"ậ", 0.40f}}, {{"n", 0.9f}}};
  body.lines.push_back(l2);
  std::vector<CorrectedPage> out = n_->CorrectPages({body});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].page.lines[0].words[1].text, "nhận");
  ASSERT_EQ(out[0].corrections.size(), 1u);
  EXPECT_NE(out[0].corrections[0].reason.find("recogniser"), std::string::npos);
  EXPECT_EQ(out[0].page.lines[0].words[1].box.x, 40);
}

TEST_F(CorrectorTest, JoinedWordsShareOneBox) {
  PageText page;
  OcrLine line;
  line.words = {Word("ban", 0), Word("hành", 40), Word("qu", 80), Word("yết", 100), Word("định", 140)};
  page.lines.push_back(line);
  PageText out = n_->NormalizePage(page);
  ASSERT_EQ(out.lines[0].words.size(), 4u);
  EXPECT_EQ(out.lines[0].words[2].text, "quyết");
  EXPECT_EQ(out.lines[0].words[2].box.x, 80);
  EXPECT_EQ(out.lines[0].words[2].box.right(), 130);
  EXPECT_EQ(out.PlainText(), "ban hành quyết định\n");
}

// A page of lines of words; every character read with probability 0.9 and no
// other choice, except where `doubt` gives (word text, character index,
// other reading, its probability).
struct Doubt {
  std::string word;
  size_t at;
  std::string other;
  float probability;
};

PageText PageOf(const std::vector<std::string>& lines, const std::vector<Doubt>& doubts = {}) {
  PageText page;
  for (const std::string& text : lines) {
    OcrLine line;
    std::istringstream in(text);
    int x = 0;
    for (std::string w; in >> w; x += 60) {
      OcrWord word = Word(w, x);
      std::u32string u;
      for (size_t i = 0; i < w.size();) {  // UTF-8 characters
        size_t n = 1;
        while (i + n < w.size() && (static_cast<unsigned char>(w[i + n]) & 0xC0) == 0x80) ++n;
        word.glyph_choices.push_back({{w.substr(i, n), 0.9f}});
        i += n;
      }
      for (const Doubt& d : doubts)
        if (d.word == w && d.at < word.glyph_choices.size())
          word.glyph_choices[d.at].push_back({d.other, d.probability});
      line.words.push_back(std::move(word));
    }
    page.lines.push_back(std::move(line));
  }
  return page;
}

std::string PageCorrected(TextNormalizer* n, const PageText& page, std::vector<Correction>* corrections = nullptr) {
  std::vector<CorrectedPage> out = n->CorrectPages({page});
  if (corrections) *corrections = out[0].corrections;
  return out[0].page.PlainText();
}

TEST_F(CorrectorTest, SemicolonReadAsColonInAnEnumeration) {
  // A second colon in one sentence, which the recogniser nearly read as ";".
  std::vector<Correction> c;
  PageText page = PageOf({"Phía Tây giáp xã Hưng Yên; Phía Bắc giáp xã Kim Giang: Phía Nam giáp xã Cẩm Phúc."},
                         {{"Giang:", 5, ";", 0.5f}});
  EXPECT_EQ(PageCorrected(n_, page, &c),
            "Phía Tây giáp xã Hưng Yên; Phía Bắc giáp xã Kim Giang; Phía Nam giáp xã Cẩm Phúc.\n");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].from, "Giang:");
  EXPECT_EQ(c[0].to, "Giang;");
  EXPECT_NE(c[0].reason.find("semicolon"), std::string::npos);
  // A list item ending its line right after an item that ended with ";".
  page = PageOf({"Kính gửi: - Đoàn kiểm tra huyện Cẩm Giàng;", "- Phòng Nội vụ huyện Cẩm Giàng:", "Thực hiện"},
                {{"Giàng:", 5, ";", 0.3f}});
  EXPECT_EQ(PageCorrected(n_, page),
            "Kính gửi: - Đoàn kiểm tra huyện Cẩm Giàng;\n- Phòng Nội vụ huyện Cẩm Giàng;\nThực hiện\n");
  // The first item after "Kính gửi:" on the same line.
  page = PageOf({"Kính gửi: - Đoàn kiểm tra huyện Cẩm Giàng:"}, {{"Giàng:", 5, ";", 0.3f}});
  EXPECT_EQ(PageCorrected(n_, page), "Kính gửi: - Đoàn kiểm tra huyện Cẩm Giàng;\n");
}

TEST_F(CorrectorTest, ColonThatIntroducesIsKept) {
  const std::vector<Doubt> doubts = {{"sau:", 3, ";", 0.5f}, {"nhận:", 4, ";", 0.5f}, {"Lưu:", 3, ";", 0.8f}};
  for (const std::vector<std::string>& lines : std::vector<std::vector<std::string>>{
           {"Kết quả cụ thể như sau:", "1. Về thể chế"},
           {"Báo cáo năm; kết quả như sau:", "- Về thể chế"},     // ends its line: it introduces
           {"Báo cáo năm;", "kết quả như sau: tốt"},                 // another line
           {"- Như trên;", "- Lưu: VT, VP."},                        // an item that opens with the colon
           {"Nơi nhận:", "- Như trên;"},
           {"Tóm lại: kết quả như sau:"}}) {                        // the recogniser did not doubt it
    PageText page = PageOf(lines, lines.size() == 1 && lines[0].rfind("Tóm", 0) == 0
                                      ? std::vector<Doubt>{}
                                      : doubts);
    std::string expected;
    for (const std::string& l : lines) expected += l + "\n";
    EXPECT_EQ(PageCorrected(n_, page), expected);
  }
  // Without the recogniser's doubt, even a second colon stays.
  PageText page = PageOf({"Phía Tây giáp Hưng Yên; Phía Bắc giáp Kim Giang: Phía Nam"});
  EXPECT_EQ(PageCorrected(n_, page), "Phía Tây giáp Hưng Yên; Phía Bắc giáp Kim Giang: Phía Nam\n");
}

TEST_F(CorrectorTest, RangeOfNumbersTakesTheEnDash) {
  std::vector<Correction> c;
  EXPECT_EQ(PageCorrected(n_, PageOf({"giai đoạn 2021 — 2025"}), &c), "giai đoạn 2021 – 2025\n");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].reason, "a range of numbers takes the en dash");
  // Not between numbers, or at a line's end: as printed.
  EXPECT_EQ(PageCorrected(n_, PageOf({"Tư pháp — Hộ tịch"})), "Tư pháp — Hộ tịch\n");
  EXPECT_EQ(PageCorrected(n_, PageOf({"năm 2021 —", "2025"})), "năm 2021 —\n2025\n");
  EXPECT_EQ(n_->Correct("giai đoạn 2021 - 2025").text, "giai đoạn 2021 - 2025");  // a hyphen stays
}

TEST_F(CorrectorTest, LetterCodeMisreadOnceIsTakenFromTheDocument) {
  std::vector<Correction> c;
  // "C" read as "O" once, against CCHC twice; the recogniser also saw a C there.
  PageText page = PageOf({"công tác cải cách hành chính (CCHO) năm nay", "kết quả CCHC tốt", "chỉ số CCHC"},
                         {{"(CCHO)", 4, "C", 0.0f}});
  EXPECT_EQ(PageCorrected(n_, page, &c),
            "công tác cải cách hành chính (CCHC) năm nay\nkết quả CCHC tốt\nchỉ số CCHC\n");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].reason, "read \"CCHC\" 2 times in this document; the recogniser also saw \"C\" there");
  // One C read twice ("GC"), the first of them also seen as C.
  page = PageOf({"giải quyết TTHGC cho dân", "các TTHC và TTHC"}, {{"TTHGC", 3, "C", 0.86f}});
  EXPECT_EQ(PageCorrected(n_, page), "giải quyết TTHC cho dân\ncác TTHC và TTHC\n");
}

TEST_F(CorrectorTest, LetterCodesWithoutEnoughEvidenceStay) {
  // The recogniser did not see a C there.
  PageText page = PageOf({"(CCHO) và CCHC, CCHC"});
  EXPECT_EQ(PageCorrected(n_, page), "(CCHO) và CCHC, CCHC\n");
  // Read once each: no majority.
  page = PageOf({"TTHG và TTHC"}, {{"TTHG", 3, "C", 0.5f}});
  EXPECT_EQ(PageCorrected(n_, page), "TTHG và TTHC\n");
  // Two letters apart, or a short code (VT, VP): different codes.
  page = PageOf({"HĐND và UBND, UBND, UBND", "Lưu: VT, VP, VP, VP"},
                {{"HĐND", 0, "U", 0.5f}, {"HĐND", 1, "B", 0.5f}, {"VT,", 1, "P", 0.5f}});
  EXPECT_EQ(PageCorrected(n_, page), "HĐND và UBND, UBND, UBND\nLưu: VT, VP, VP, VP\n");
  // Codes inside document numbers are never touched.
  page = PageOf({"Số 2871/SNV-CCHOC về CCHC, CCHC, CCHC"}, {{"2871/SNV-CCHOC", 12, "C", 0.5f}});
  EXPECT_EQ(PageCorrected(n_, page), "Số 2871/SNV-CCHOC về CCHC, CCHC, CCHC\n");
}

// A heading line whose numeral box is `width` x 39 pixels.
OcrLine HeadingLine(const std::string& numeral, int width, const std::string& title) {
  OcrLine line;
  line.words.push_back(OcrWord{numeral, Box{100, 0, width, 39}, 90, {}});
  int x = 100 + width + 20;
  std::istringstream in(title);
  for (std::string w; in >> w; x += 80) line.words.push_back(Word(w, x));
  return line;
}

TEST_F(CorrectorTest, HeadingNumeralTakesTheStrokesItsBoxHolds) {
  // "III." (67 px at 39 px high) read "II."; "II." (48 px) read "I.".
  PageText page;
  page.lines = {HeadingLine("II.", 67, "NHỮNG HẠN CHẾ"), HeadingLine("I.", 48, "Kết quả")};
  std::vector<Correction> c;
  EXPECT_EQ(PageCorrected(n_, page, &c), "III. NHỮNG HẠN CHẾ\nII. Kết quả\n");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].reason, "section heading numeral: its box is as wide as 3 stroke(s)");
  // A stroke read as a look-alike letter.
  page.lines = {HeadingLine("IL.", 48, "KẾT QUẢ")};
  EXPECT_EQ(PageCorrected(n_, page), "II. KẾT QUẢ\n");
  // Between I. and III., a width that does not tell.
  page.lines = {HeadingLine("I.", 28, "MỤC ĐÍCH"), HeadingLine("IH.", 60, "NỘI DUNG"),
                HeadingLine("III.", 67, "TỔ CHỨC")};
  EXPECT_EQ(PageCorrected(n_, page), "I. MỤC ĐÍCH\nII. NỘI DUNG\nIII. TỔ CHỨC\n");
}

TEST_F(CorrectorTest, NumeralInABoxShapedLikeAnotherWithMoreStrokes) {
  PageText page;
  OcrLine a, b;
  a.words = {Word("quý", 0), OcrWord{"II", Box{40, 0, 56, 39}, 90, {}}, Word("năm", 120)};
  b.words = {Word("quý", 0), OcrWord{"III", Box{40, 0, 56, 39}, 90, {}}, Word("năm", 120)};
  page.lines = {a, b};
  std::vector<Correction> c;
  EXPECT_EQ(PageCorrected(n_, page, &c), "quý III năm\nquý III năm\n");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].reason, "a box of the same shape as \"III\" on this page: a stroke lost");
  // A narrower box is another numeral.
  page.lines[0].words[1].box.w = 40;
  EXPECT_EQ(PageCorrected(n_, page), "quý II năm\nquý III năm\n");
}

TEST_F(CorrectorTest, NumeralInsideALineTakesTheStrokesItsBoxHolds) {
  // Blurred "quý III" (50 px at 36 px high: three strokes) read "quý II".
  PageText page;
  OcrLine a;
  a.words = {Word("quý", 0), OcrWord{"II", Box{40, 0, 50, 36}, 72, {}}, Word("năm", 120)};
  page.lines = {a};
  std::vector<Correction> c;
  EXPECT_EQ(PageCorrected(n_, page, &c), "quý III năm\n");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].reason, "numeral of strokes: its box is as wide as 3 stroke(s)");
  // A box two strokes wide is "II"; one between two and three tells nothing.
  page.lines[0].words[1].box.w = 33;
  EXPECT_EQ(PageCorrected(n_, page), "quý II năm\n");
  page.lines[0].words[1].box.w = 41;
  EXPECT_EQ(PageCorrected(n_, page), "quý II năm\n");
  // "III" in its own width stays; so does a word that is not all strokes.
  page.lines[0].words[1] = OcrWord{"III", Box{40, 0, 50, 36}, 90, {}};
  EXPECT_EQ(PageCorrected(n_, page), "quý III năm\n");
  page.lines[0].words[1] = OcrWord{"IV", Box{40, 0, 50, 36}, 90, {}};
  EXPECT_EQ(PageCorrected(n_, page), "quý IV năm\n");
}

TEST_F(CorrectorTest, HeadingNumeralsThatFitTheirBoxesStay) {
  PageText page;
  page.lines = {HeadingLine("I.", 28, "MỤC ĐÍCH"), HeadingLine("II.", 48, "NỘI DUNG"),
                HeadingLine("III.", 67, "TỔ CHỨC"), HeadingLine("IV.", 62, "KINH PHÍ")};
  EXPECT_EQ(PageCorrected(n_, page), "I. MỤC ĐÍCH\nII. NỘI DUNG\nIII. TỔ CHỨC\nIV. KINH PHÍ\n");
  // An initial before a name, a numeral inside a line, a box of unknown
  // size (text input), a numeral alone on its line.
  page.lines = {HeadingLine("H.", 48, "Nguyễn Văn"), HeadingLine("I.", 48, "")};
  OcrLine mid;
  mid.words = {Word("quý", 0), OcrWord{"II.", Box{40, 0, 67, 39}, 90, {}}, Word("Năm", 120)};
  page.lines.push_back(mid);
  EXPECT_EQ(PageCorrected(n_, page), "H. Nguyễn Văn\nI.\nquý II. Năm\n");
  EXPECT_EQ(n_->Correct("II. NHỮNG HẠN CHẾ").text, "II. NHỮNG HẠN CHẾ");
}

TEST_F(CorrectorTest, MonthOfTheDateLine) {
  CorrectedText r = n_->Correct("Nam Định, ngày 15 thúng 7 năm 2023");
  EXPECT_EQ(r.text, "Nam Định, ngày 15 tháng 7 năm 2023");
  ASSERT_EQ(r.corrections.size(), 1u);
  EXPECT_EQ(r.corrections[0].reason, "date line: \"ngày ... tháng ... năm\"");
  EXPECT_EQ(Fixed("ngày 02 thàng 10 năm 2021"), "ngày 02 tháng 10 năm 2021");
  // Not a date line, or too far from "tháng": as printed.
  for (const char* text : {"ngày 15 thúng 7 gạo", "mỗi 15 thúng 7 năm", "ngày 15 trong 7 năm", "ngày 15 đến 20 năm"}) {
    EXPECT_EQ(Fixed(text), text);
  }
}

TEST_F(CorrectorTest, HeadingOfTheRecipients) {
  CorrectedText r = n_->Correct("thời gian quy định./.\nNơi nhận.\n- Như trên;");
  EXPECT_EQ(r.text, "thời gian quy định./.\nNơi nhận:\n- Như trên;");
  ASSERT_EQ(r.corrections.size(), 1u);
  EXPECT_EQ(r.corrections[0].reason, "\"Nơi nhận:\", the heading of the recipients");
  EXPECT_EQ(Fixed("Noi nhận\n- Như trên;"), "Nơi nhận:\n- Như trên;");
  // Inside a sentence, or not alone on its line: as printed.
  for (const char* text : {"nơi nhận hồ sơ.", "tại nơi nhận.", "Nơi nhận hồ sơ", "Nơi nhận:"}) EXPECT_EQ(Fixed(text), text);
}

TEST_F(CorrectorTest, FullStopEndingALineInCapitalsIsASpeck) {
  EXPECT_EQ(Fixed("HĐND THỊ XÃ HƯƠNG TRÀ."), "HĐND THỊ XÃ HƯƠNG TRÀ");
  CorrectedText r = n_->Correct("ỦY BAN NHÂN DÂN HUYỆN.\nPHÒNG NỘI VỤ");
  EXPECT_EQ(r.text, "ỦY BAN NHÂN DÂN HUYỆN\nPHÒNG NỘI VỤ");
  ASSERT_EQ(r.corrections.size(), 1u);
  EXPECT_EQ(r.corrections[0].reason, "a line in capitals takes no full stop: a speck");
  for (const char* text : {"Lưu: VT, VP.", "Kết quả THỰC HIỆN.", "TM. ỦY BAN", "VT, VP.",
                           "HUYỆN. Kết"}) {
    EXPECT_EQ(Fixed(text), text);
  }
}

TEST_F(CorrectorTest, ArchiveCopyAfterLuuIsVT) {
  std::vector<Correction> c;
  EXPECT_EQ(PageCorrected(n_, PageOf({"- Lưu: VỊ, NC."}), &c), "- Lưu: VT, NC.\n");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].reason, "\"Lưu: VT\", the archive's copy: a T read without its bar");
  EXPECT_EQ(PageCorrected(n_, PageOf({"- Lưu: VI."})), "- Lưu: VT.\n");
  EXPECT_EQ(PageCorrected(n_, PageOf({"- Lưu: VF."}, {{"VF.", 1, "T", 0.1f}})), "- Lưu: VT.\n");
}

TEST_F(CorrectorTest, OtherCodesAfterLuuStay) {
  for (const char* line : {"- Lưu: VT, VP.", "- Lưu: VP.", "- Lưu: VPUB.", "- Lưu: VĂN", "- Lưu vi phạm"}) {
    EXPECT_EQ(PageCorrected(n_, PageOf({line})), std::string(line) + "\n");
  }
  EXPECT_EQ(PageCorrected(n_, PageOf({"- Lưu: VF."})), "- Lưu: VF.\n");  // the recogniser saw no T
}

TEST_F(CorrectorTest, SpeckReadAsPunctuationIsDropped) {
  std::vector<Correction> c;
  EXPECT_EQ(PageCorrected(n_, PageOf({"thúc đẩy phát. triển kinh tế"}), &c), "thúc đẩy phát triển kinh tế\n");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].reason, "a full stop between two lower-case words: a speck");
  EXPECT_EQ(PageCorrected(n_, PageOf({"đã thực hiện .có hiệu quả"})), "đã thực hiện có hiệu quả\n");
  EXPECT_EQ(PageCorrected(n_, PageOf({"công tác cải cách hành chính về.", "việc cải cách"})),
            "công tác cải cách hành chính về\nviệc cải cách\n");
  EXPECT_EQ(PageCorrected(n_, PageOf({"theo 'điều lệ,"})), "theo điều lệ,\n");
  EXPECT_EQ(n_->Correct("- Phòng Nội vụ huyện Cẩm Giàng:;\n- Như trên;.").text,
            "- Phòng Nội vụ huyện Cẩm Giàng;\n- Như trên;");
  EXPECT_EQ(n_->Correct("(xem Điều 5).; v.v.,").text, "(xem Điều 5).; v.v.,");  // not after a word
  EXPECT_EQ(n_->Correct("Ủy ban nhân dân xã Tân Phú./").text, "Ủy ban nhân dân xã Tân Phú./.");
  EXPECT_EQ(n_->Correct("quy định./. ngày 1/2/").text, "quy định./. ngày 1/2/");
}

TEST_F(CorrectorTest, FullStopsThatEndSentencesStay) {
  for (const char* text : {"hoàn thành. Kết quả tốt",    // next sentence capitalised
                           "hoàn thành.\nb) kết quả",    // a list item on the next line
                           "tại TP. Hồ Chí Minh",        // an abbreviation
                           "v.v. các nội dung",          // not a syllable
                           "năm 2021. các",              // a number
                           "xong. \"các",                // quoted
                           "hoàn thành. .có",           // after a full stop
                           "gọi là 'quốc gia an bình'."}) {  // a quotation
    EXPECT_EQ(n_->Correct(text).text, text);
  }
}

TEST_F(CorrectorTest, CloseSecondReadingSeenNextToANeighbour) {
  // "chi" nearly as likely as the printed "chỉ"; the model knows "chế chi"
  // and never saw "chế chỉ", although "chỉ tiêu" is the commoner pair.
  const std::vector<Doubt> doubt = {{"chỉ", 2, "i", 0.3f}};
  std::vector<Correction> c;
  EXPECT_EQ(PageCorrected(n_, PageOf({"xây dựng quy chế chỉ tiêu nội bộ"}, doubt), &c),
            "xây dựng quy chế chi tiêu nội bộ\n");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].reason, "the recogniser's second reading, and it fits its neighbours");
  EXPECT_EQ(PageCorrected(n_, PageOf({"các khoản chỉ để đảm bảo"}, doubt)), "các khoản chi để đảm bảo\n");
}

TEST_F(CorrectorTest, CloseSecondReadingWithoutSupportStays) {
  // A distant second reading; no neighbour backing it; a dictionary word
  // with the printed one ("vi tính"); the recogniser's own "chỉ đạo".
  EXPECT_EQ(PageCorrected(n_, PageOf({"quy chế chỉ tiêu"}, {{"chỉ", 2, "i", 0.05f}})), "quy chế chỉ tiêu\n");
  EXPECT_EQ(PageCorrected(n_, PageOf({"trong chỉ tiêu"}, {{"chỉ", 2, "i", 0.3f}})), "trong chỉ tiêu\n");
  EXPECT_EQ(PageCorrected(n_, PageOf({"máy vi tính"}, {{"vi", 1, "ị", 0.5f}})), "máy vi tính\n");
  EXPECT_EQ(PageCorrected(n_, PageOf({"đã chỉ đạo"}, {{"chỉ", 2, "i", 0.3f}})), "đã chỉ đạo\n");
}

// A worn print breaks an "n" into an "r": no syllable, so a letter of like
// shape is tried; real words with those letters stay.
TEST_F(CorrectorTest, ALetterWornIntoOneOfLikeShapeIsRead) {
  EXPECT_EQ(Fixed("Ủy ban rhân dân tỉnh"), "Ủy ban nhân dân tỉnh");
  for (const char* text : {"rồi sau đó", "bạn bè", "gạch đá", "hành chính"}) EXPECT_EQ(Fixed(text), text);
}

TEST_F(CorrectorTest, ACapitalReadInsideAWordIsSmall) {
  EXPECT_EQ(Fixed("trọng ngành THương mại"), "trọng ngành Thương mại");
  for (const char* text : {"TTr-SNV", "ThS Nguyễn", "THƯƠNG MẠI", "Thương mại", "UBND", "HĐND", "CHo"}) {
    EXPECT_EQ(Fixed(text), text);
  }
}

TEST_F(CorrectorTest, TwoWordsJoinedByASpeckAreSplit) {
  CorrectedText r = n_->Correct("công tác cải.cách hành:chính và THỰC.HIỆN");
  EXPECT_EQ(r.text, "công tác cải cách hành chính và THỰC HIỆN");
  ASSERT_EQ(r.corrections.size(), 3u);
  EXPECT_EQ(r.corrections[0].reason, "two words joined by a speck read as a mark");
  EXPECT_EQ(Fixed("Đoàn.kiểm tra,"), "Đoàn kiểm tra,");
  // A lower-case word before a number or date.
  EXPECT_EQ(Fixed("báo cáo năm.2021 của huyện"), "báo cáo năm 2021 của huyện");
  EXPECT_EQ(Fixed("Kế hoạch ngày.18/01/2023"), "Kế hoạch ngày 18/01/2023");
}

TEST_F(CorrectorTest, MarksJoiningOtherThingsStay) {
  for (const char* text : {"năm 2021.Trong", "huyện.Mỹ Xuyên", "v.v", "12:30", "TP.HCM", "ISO 9001:2015",
                           "mại-Dịch vụ", "bộ-công chức", "đô-la", "phát-xít", "đông-bắc", "www.gov.vn", "quyết.đjnh",
                           "Điều.5", "TP.2021", "Số:86/BC-UBND", "ngày:18/01/2023", "mục.1a"}) {
    EXPECT_EQ(Fixed(text), text);
  }
  // A colon between a word and a code is no speck; only its space was lost.
  EXPECT_EQ(Fixed("Lưu:VT"), "Lưu: VT");
}

}  // namespace
}  // namespace sohoa::text
