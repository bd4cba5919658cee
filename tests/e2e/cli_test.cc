// End to end, through the `sohoa` program as a user runs it: samples/ go
// into a temporary SQLite store and come back out by a diacritic-free query;
// bad files are reported while the rest is filed and nothing filed changes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace sohoa {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

struct CommandRun {
  int exit_code = -1;
  std::string out;
};

CommandRun Sohoa(const std::string& args) {
  const std::string cmd = std::string(SOHOA_BINARY_DIR) + "/sohoa " + args + " 2>/dev/null";
  CommandRun r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string Quote(const fs::path& p) { return "'" + p.string() + "'"; }

class CliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("sohoa_e2e_" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    store_ = dir_ / "store";
    samples_ = fs::path(SOHOA_SOURCE_DIR) / "samples";
    first_ingest_ = Sohoa("--store " + Quote(store_) + " ingest " + Quote(samples_));
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }

  static std::vector<fs::path> SampleImages() {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(samples_)) {
      const std::string ext = e.path().extension().string();
      if (ext == ".png" || ext == ".tif" || ext == ".tiff") out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  static size_t Hits(const std::string& query_args) {
    CommandRun r = Sohoa("--store " + Quote(store_) + " search --json " + query_args);
    if (r.exit_code != 0) return 0;
    return nlohmann::json::parse(r.out).size();
  }

  static inline fs::path dir_, store_, samples_;
  static inline CommandRun first_ingest_;
};

TEST_F(CliTest, HelpListsCommandsAndExitsZero) {
  CommandRun r = Sohoa("--help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* cmd : {"ingest", "search", "show", "export", "ocr", "extract"}) {
    EXPECT_THAT(r.out, HasSubstr(cmd));
  }
  EXPECT_THAT(r.out, HasSubstr("Exit codes"));
  EXPECT_EQ(Sohoa("ingest --help").exit_code, 0);
  EXPECT_EQ(Sohoa("no-such-command").exit_code, 2);
}

TEST_F(CliTest, IngestsSamplesAndFindsThemWithoutDiacritics) {
  ASSERT_EQ(first_ingest_.exit_code, 0) << first_ingest_.out;
  EXPECT_THAT(first_ingest_.out, HasSubstr("FILED"));
  EXPECT_THAT(first_ingest_.out, Not(HasSubstr("FAILED")));
  const size_t plain = Hits("'cai cach hanh chinh'");
  EXPECT_GE(plain, 1u);
  EXPECT_EQ(Hits("'CẢI CÁCH HÀNH CHÍNH'"), plain);
  EXPECT_EQ(Hits("'xyzzy quux'"), 0u);
}

TEST_F(CliTest, SameFilesTwiceAreRecognisedNotFiledAgain) {
  ASSERT_EQ(first_ingest_.exit_code, 0);
  const size_t before = Hits("--limit 1000 ''");
  CommandRun again = Sohoa("--store " + Quote(store_) + " ingest " + Quote(samples_));
  EXPECT_EQ(again.exit_code, 0) << again.out;
  EXPECT_THAT(again.out, HasSubstr("already filed"));
  EXPECT_THAT(again.out, Not(HasSubstr("FILED  #")));
  EXPECT_EQ(Hits("--limit 1000 ''"), before);
}

TEST_F(CliTest, RescanWithTheSameIdentityIsFiledLinkedAndWarned) {
  ASSERT_EQ(first_ingest_.exit_code, 0);
  // Another file (one byte more after the image data) of the same document:
  // same number, issuer and date, a different checksum.
  const fs::path rescan = dir_ / "rescan";
  fs::create_directories(rescan);
  const fs::path sample = samples_ / "bao-cao-17-BC-UBND.png";
  {
    std::ifstream in(sample, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::ofstream(rescan / "bao-cao-rescan.png", std::ios::binary) << bytes << '\n';
  }
  const size_t before = Hits("--limit 1000 ''");
  CommandRun r = Sohoa("--store " + Quote(store_) + " ingest " + Quote(rescan));
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("FILED  #"));
  EXPECT_THAT(r.out, HasSubstr("warning: same number, issuer and date as document #"));
  EXPECT_EQ(Hits("--limit 1000 ''"), before + 1);  // filed, not dropped
}

TEST_F(CliTest, BadFilesAreReportedRunGoesOnStoreUnharmed) {
  ASSERT_EQ(first_ingest_.exit_code, 0);
  const size_t before = Hits("'cai cach hanh chinh'");
  const fs::path bad = dir_ / "bad";
  fs::create_directories(bad);
  std::ofstream(bad / "a_empty.png").close();
  {
    std::ifstream in(SampleImages().front(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::ofstream(bad / "b_truncated.png", std::ios::binary) << bytes.substr(0, bytes.size() / 3);
  }
  std::ofstream(bad / "c_text.png") << "Đây là một tệp văn bản, không phải ảnh.\n";
  CommandRun r = Sohoa("--store " + Quote(store_) + " ingest " + Quote(bad));
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_THAT(r.out, HasSubstr("a_empty.png: "));
  EXPECT_THAT(r.out, HasSubstr("empty"));
  EXPECT_THAT(r.out, HasSubstr("b_truncated.png"));
  EXPECT_THAT(r.out, HasSubstr("c_text.png"));
  EXPECT_THAT(r.out, HasSubstr("3 failed"));
  EXPECT_EQ(Hits("'cai cach hanh chinh'"), before);
}

TEST_F(CliTest, ShowAndExportSearchablePdf) {
  ASSERT_EQ(first_ingest_.exit_code, 0);
  CommandRun found = Sohoa("--store " + Quote(store_) + " search --json 'cai cach hanh chinh'");
  ASSERT_EQ(found.exit_code, 0);
  auto hits = nlohmann::json::parse(found.out);
  ASSERT_FALSE(hits.empty());
  const std::string id = std::to_string(hits[0]["id"].get<int64_t>());
  CommandRun show = Sohoa("--store " + Quote(store_) + " show " + id);
  EXPECT_EQ(show.exit_code, 0);
  EXPECT_THAT(show.out, HasSubstr("number"));
  const fs::path pdf = dir_ / "out.pdf";
  CommandRun exp = Sohoa("--store " + Quote(store_) + " export " + id + " --pdf " + Quote(pdf));
  ASSERT_EQ(exp.exit_code, 0) << exp.out;
  ASSERT_TRUE(fs::exists(pdf));
  FILE* p = popen(("pdftotext -q " + Quote(pdf) + " - 2>/dev/null").c_str(), "r");
  ASSERT_NE(p, nullptr);
  std::string text;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) text.append(buf, n);
  pclose(p);
  EXPECT_THAT(text, HasSubstr("cải cách hành chính"));
  EXPECT_EQ(Sohoa("--store " + Quote(store_) + " show 999999").exit_code, 1);
  // The searchable PDF has a text layer: extraction reads it without OCR.
  CommandRun again = Sohoa("extract --json " + Quote(pdf));
  ASSERT_EQ(again.exit_code, 0) << again.out;
  auto fields = nlohmann::json::parse(again.out)["out"];
  auto filed = nlohmann::json::parse(
      Sohoa("--store " + Quote(store_) + " show --json " + id).out);
  EXPECT_EQ(fields["number"], filed["number"]);
  EXPECT_EQ(fields["date"], filed["date"]);
}

TEST_F(CliTest, ExtractReadsPlainTextWithFieldSources) {
  const fs::path txt = dir_ / "cong-van.txt";
  std::ofstream(txt) << "ỦY BAN NHÂN DÂN HUYỆN\nTHẠCH HÀ\nSố: 45/UBND-VP\n"
                        "V/v đôn đốc báo cáo kết quả\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                        "Độc lập - Tự do - Hạnh phúc\nThạch Hà, ngày 08 tháng 9 năm 2023\n"
                        "Kính gửi: Các phòng, ban, ngành cấp huyện.\n"
                        "Thực hiện Công văn số 1876/SNV-CCHC ngày 28/8/2023 của Sở Nội vụ.\n";
  CommandRun r = Sohoa("extract --json " + Quote(txt));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto f = nlohmann::json::parse(r.out)["cong-van"];
  EXPECT_EQ(f["number"], "45/UBND-VP");
  EXPECT_EQ(f["date"], "2023-09-08");
  EXPECT_EQ(f["doc_type"], "CÔNG VĂN");
  EXPECT_EQ(f["issuer"], "ỦY BAN NHÂN DÂN HUYỆN THẠCH HÀ");
  EXPECT_TRUE(f["signer_name"].is_null());  // not on the page: null, not guessed
  ASSERT_EQ(f["references"].size(), 1u);
  EXPECT_EQ(f["references"][0]["number"], "1876/SNV-CCHC");
  EXPECT_EQ(f["sources"]["number"]["page"], 1);
  EXPECT_TRUE(f["sources"]["number"]["box"].is_null());  // text input has no boxes
  EXPECT_GT(f["sources"]["date"]["confidence"].get<double>(), 0.5);
}

TEST_F(CliTest, OcrWritesOneTextPerPage) {
  const fs::path out = dir_ / "text";
  std::vector<fs::path> images = SampleImages();
  fs::path tiff;
  for (const auto& p : images) {
    if (p.extension() == ".tif" || p.extension() == ".tiff") tiff = p;
  }
  ASSERT_FALSE(tiff.empty()) << "samples/ should hold a multi-page TIFF";
  const fs::path timings = dir_ / "timings.tsv";
  CommandRun r = Sohoa("ocr --text-dir " + Quote(out) + " --timings " + Quote(timings) + " " +
                       Quote(images.front()) + " " + Quote(tiff));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(fs::exists(out / (images.front().stem().string() + ".txt")));
  EXPECT_TRUE(fs::exists(out / (tiff.stem().string() + "_p01.txt")));
  EXPECT_TRUE(fs::exists(out / (tiff.stem().string() + "_p02.txt")));
  // One row per page: the time of cleaning it and of reading it.
  std::ifstream f(timings);
  std::string header;
  std::getline(f, header);
  EXPECT_EQ(header, "input\tpage\tclean_ms\tocr_ms");
  std::map<std::string, int> pages;
  std::string input;
  int page = 0;
  double clean_ms = 0, ocr_ms = 0;
  while (f >> input >> page >> clean_ms >> ocr_ms) {
    pages[input] = std::max(pages[input], page);
    EXPECT_GT(clean_ms, 0) << input << " " << page;
    EXPECT_GT(ocr_ms, 0) << input << " " << page;
  }
  EXPECT_EQ(pages[images.front().stem().string()], 1);
  EXPECT_EQ(pages[tiff.stem().string()], 2);
  // A timings file that cannot be written is a usage error, found before any page is read.
  EXPECT_EQ(Sohoa("ocr --text-dir " + Quote(out) + " --timings " + Quote(dir_ / "no" / "such" / "t.tsv") + " " +
                  Quote(images.front()))
                .exit_code,
            2);
}

TEST_F(CliTest, OcrDumpDirHoldsEachCleaningStepOfOnePage) {
  const fs::path dump = dir_ / "dump";
  const fs::path image = SampleImages().front();
  CommandRun r = Sohoa("ocr --text-dir " + Quote(dir_ / "dump-text") + " --dump-dir " +
                       Quote(dump) + " " + Quote(image));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(fs::exists(dump / "00_grey.png"));
  size_t steps = 0;
  bool deskew = false;
  for (const auto& e : fs::directory_iterator(dump)) {
    steps += e.path().extension() == ".png";
    deskew = deskew || e.path().filename().string().find("_deskew.png") != std::string::npos;
  }
  EXPECT_TRUE(deskew);
  EXPECT_GE(steps, 6u);
  // Two inputs would overwrite each other's steps.
  EXPECT_EQ(Sohoa("ocr --text-dir " + Quote(dir_ / "dump-text") + " --dump-dir " + Quote(dump) +
                  " " + Quote(image) + " " + Quote(image))
                .exit_code,
            2);
}

// The nightly batch: killed outright after its first filed document, the
// same command run again files the rest, skips what was filed, and the store
// holds every document once.
TEST_F(CliTest, BatchKilledMidRunResumesWithNothingLostOrDoubled) {
  const fs::path store = dir_ / "killed-store";
  const fs::path log = dir_ / "killed.log";
  const std::string ingest = std::string(SOHOA_BINARY_DIR) + "/sohoa --store " + Quote(store) +
                             " -j 1 ingest " + Quote(samples_);
  // Start the batch, wait for its first FILED line, then SIGKILL it.
  const std::string killer = "(" + ingest + " > " + Quote(log) + " 2>/dev/null & pid=$!; " +
                             "for i in $(seq 600); do grep -q 'FILED  #' " + Quote(log) +
                             " 2>/dev/null && break; sleep 0.05; done; kill -9 $pid; wait $pid) 2>/dev/null";
  ASSERT_NE(std::system(killer.c_str()), -1);
  std::ifstream killed_log(log);
  std::string first((std::istreambuf_iterator<char>(killed_log)), std::istreambuf_iterator<char>());
  ASSERT_THAT(first, HasSubstr("FILED  #1")) << first;
  ASSERT_THAT(first, Not(HasSubstr("ingested "))) << "the batch ended before it was killed";

  CommandRun again = Sohoa("--store " + Quote(store) + " ingest " + Quote(samples_));
  EXPECT_EQ(again.exit_code, 0) << again.out;
  EXPECT_THAT(again.out, HasSubstr("already filed as #1"));
  EXPECT_THAT(again.out, HasSubstr("FILED  #"));  // the rest is filed now
  CommandRun all = Sohoa("--store " + Quote(store) + " search --json --limit 1000 ''");
  ASSERT_EQ(all.exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(all.out).size(), SampleImages().size());
}

TEST_F(CliTest, ExtractFindsTheSamplesNumbersAndDates) {
  std::vector<fs::path> images = SampleImages();
  std::string args;
  for (const auto& p : images) args += " " + Quote(p);
  CommandRun r = Sohoa("extract --json" + args);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto got = nlohmann::json::parse(r.out);
  int checked = 0;
  for (const auto& p : images) {
    const fs::path expected_path = p.parent_path() / (p.stem().string() + ".expected.json");
    if (!fs::exists(expected_path)) continue;
    std::ifstream in(expected_path);
    auto want = nlohmann::json::parse(in);
    const auto& have = got[p.stem().string()];
    EXPECT_EQ(have["number"], want["number"]) << p;
    EXPECT_EQ(have["date"], want["date"]) << p;
    ++checked;
  }
  EXPECT_GE(checked, 3);
}

}  // namespace
}  // namespace sohoa
