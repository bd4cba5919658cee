#include "runner/config.h"
#include "runner/pipeline.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace sohoa::runner {
namespace {

using ::testing::HasSubstr;

TEST(ConfigTest, EmptyTextGivesDefaults) {
  auto c = ParseConfig("", "test.toml");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->intake.pdf_dpi, 300);
  EXPECT_EQ(c->ocr.language, "vie");
  EXPECT_EQ(c->runner.workers, 0);
  EXPECT_TRUE(c->clean.deskew);
}

TEST(ConfigTest, TablesOverrideTheirStage) {
  auto c = ParseConfig(R"(
[intake]
pdf_dpi = 200
[clean]
deskew = false
target_dpi = 350.0
[ocr]
tessdata_dir = "/opt/models"
[runner]
workers = 3
dossier = "01.TCCB"
)",
                       "test.toml");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->intake.pdf_dpi, 200);
  EXPECT_FALSE(c->clean.deskew);
  EXPECT_DOUBLE_EQ(c->clean.target_dpi, 350.0);
  EXPECT_EQ(c->ocr.tessdata_dir, "/opt/models");
  EXPECT_EQ(c->runner.workers, 3);
  EXPECT_EQ(c->runner.dossier, "01.TCCB");
}

TEST(ConfigTest, UnknownKeyIsAnErrorNamingIt) {
  auto c = ParseConfig("[ocr]\nlanguag = \"vie\"\n", "test.toml");
  EXPECT_EQ(c.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(c.status().message(), HasSubstr("ocr.languag"));
}

TEST(ConfigTest, UnknownTableIsAnError) {
  auto c = ParseConfig("[orc]\nlanguage = \"vie\"\n", "test.toml");
  EXPECT_EQ(c.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(c.status().message(), HasSubstr("[orc]"));
}

TEST(ConfigTest, WrongTypeIsAnError) {
  auto c = ParseConfig("[intake]\npdf_dpi = \"high\"\n", "test.toml");
  EXPECT_EQ(c.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(c.status().message(), HasSubstr("intake.pdf_dpi"));
}

TEST(ConfigTest, SyntaxErrorNamesFileAndLine) {
  auto c = ParseConfig("[intake]\npdf_dpi = = 3\n", "bad.toml");
  EXPECT_EQ(c.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(c.status().message(), HasSubstr("bad.toml:2"));
}

TEST(ConfigTest, ShippedConfigLoads) {
  auto c = LoadConfig(std::string(SOHOA_SOURCE_DIR) + "/config/sohoa.toml");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->ocr.tessdata_dir, "models");
}

TEST(ConfigTest, MissingFileIsNotFound) {
  EXPECT_EQ(LoadConfig("/nonexistent/sohoa.toml").status().code(), StatusCode::kNotFound);
}

TEST(WorkerCountTest, NeverMoreThanFilesNorLessThanOne) {
  EXPECT_EQ(WorkerCount(4, 2), 2);
  EXPECT_EQ(WorkerCount(3, 10), 3);
  EXPECT_GE(WorkerCount(0, 10), 1);
  EXPECT_EQ(WorkerCount(0, 0), 1);
}

}  // namespace
}  // namespace sohoa::runner
