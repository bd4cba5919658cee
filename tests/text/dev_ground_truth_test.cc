// Walks the dev ground truth (exact text) through the corrector: correct
// text must keep every number, code and date, and be left almost untouched.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "test_util.h"
#include "text/text.h"

namespace sohoa::text {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> Words(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  std::string w;
  while (in >> w) out.push_back(w);
  return out;
}

bool HasDigitOrSlash(const std::string& w) {
  return std::any_of(w.begin(), w.end(), [](char c) { return (c >= '0' && c <= '9') || c == '/'; });
}

TEST(DevGroundTruthTest, CorrectionKeepsNumbersCodesAndDates) {
  const fs::path gt = fs::path(SOHOA_SHARED_DIR) / "eval/dev/gt";
  if (!fs::exists(gt)) GTEST_SKIP() << "no dev ground truth at " << gt;
  auto* n = SharedNormalizer();
  ASSERT_NE(n, nullptr);

  // One document per (doc, variant "clean"): pages in order.
  std::map<std::string, std::vector<fs::path>> documents;
  for (const auto& e : fs::directory_iterator(gt)) {
    const std::string stem = e.path().stem().string();
    if (stem.size() < 6 || stem.substr(stem.size() - 6) != "_clean") continue;
    documents[stem.substr(0, stem.find("_p"))].push_back(e.path());
  }
  ASSERT_GE(documents.size(), 5u);

  int pages_seen = 0, protected_words = 0, corrections = 0;
  for (auto& [doc, paths] : documents) {
    std::sort(paths.begin(), paths.end());
    std::vector<std::string> pages;
    for (const auto& p : paths) {
      std::ifstream in(p);
      std::stringstream ss;
      ss << in.rdbuf();
      pages.push_back(ss.str());
    }
    auto corrected = n->CorrectDocument(pages);
    ASSERT_EQ(corrected.size(), pages.size());
    for (size_t i = 0; i < pages.size(); ++i) {
      ++pages_seen;
      EXPECT_EQ(corrected[i].raw, pages[i]) << paths[i] << ": ground truth is NFC already";
      auto before = Words(corrected[i].raw), after = Words(corrected[i].text);
      ASSERT_EQ(before.size(), after.size()) << paths[i];
      for (size_t k = 0; k < before.size(); ++k) {
        const bool is_protected = HasDigitOrSlash(before[k]) ||
                                  n->ClassifyWord(before[k]) == WordKind::kProtected;
        if (!is_protected) continue;
        ++protected_words;
        EXPECT_EQ(after[k], before[k]) << paths[i];
      }
      for (const auto& c : corrected[i].corrections) {
        ++corrections;
        EXPECT_FALSE(HasDigitOrSlash(c.from)) << c.from;
        EXPECT_FALSE(c.reason.empty());
      }
    }
  }
  EXPECT_GT(pages_seen, 20);
  EXPECT_GT(protected_words, 300);
  // Exact text gives little to correct: most changes found are typos of the
  // original documents ("truyên", "trể", "bàn hành", "sử dung"); a few are
  // real words changed on the model's or the document's say-so.
  EXPECT_LE(corrections, 12);
}

}  // namespace
}  // namespace sohoa::text
