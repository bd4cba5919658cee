// Every malformed PDF of the qpdf corpus is either read or refused with a
// reason naming the file; none may crash the process.
#include <gtest/gtest.h>

#include <filesystem>

#include "intake/intake.h"

namespace sohoa::intake {
namespace {

namespace fs = std::filesystem;

TEST(MalformedPdfTest, EveryFileIsReadOrRefusedWithReason) {
  const fs::path dir = fs::path(SOHOA_SHARED_DIR) / "eval/external/qpdf-malformed-pdfs/pdfs";
  if (!fs::exists(dir)) GTEST_SKIP() << "no shared eval data";
  Options options;
  options.pdf_dpi = 30;  // only robustness is tested here; keep rendering cheap
  int read = 0, refused = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string path = entry.path().string();
    SCOPED_TRACE(path);
    auto n = CountPages(path, options);
    if (!n.ok()) {
      EXPECT_NE(n.status().message().find(entry.path().filename().string()), std::string::npos)
          << n.status().ToString();
      ++refused;
      continue;
    }
    auto page = ReadPage(path, 0, options);
    if (page.ok()) {
      EXPECT_GT(page->image.width, 0);
      ++read;
    } else {
      EXPECT_FALSE(page.status().message().empty());
      ++refused;
    }
  }
  EXPECT_GT(read + refused, 100);
  RecordProperty("read", read);
  RecordProperty("refused", refused);
}

}  // namespace
}  // namespace sohoa::intake
