#include "core/status.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace sohoa {
namespace {

using ::testing::HasSubstr;

Result<int> ParsePositive(int v) {
  if (v <= 0) return Status::InvalidArgument("value must be positive");
  return v;
}

Result<int> Doubled(int v) {
  SOHOA_ASSIGN_OR_RETURN(int x, ParsePositive(v));
  return 2 * x;
}

Status CheckBoth(int a, int b) {
  SOHOA_RETURN_IF_ERROR(ParsePositive(a).status());
  SOHOA_RETURN_IF_ERROR(ParsePositive(b).status());
  return Status::Ok();
}

TEST(StatusTest, DefaultIsOk) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.ToString(), "OK");
}

TEST(StatusTest, NamedFactoriesCarryCodeAndMessage) {
  Status s = Status::DataLoss("scan.png: truncated");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kDataLoss);
  EXPECT_EQ(s.ToString(), "DATA_LOSS: scan.png: truncated");
}

TEST(StatusTest, WithContextPrefixesMessageAndKeepsCode) {
  Status s = Status::InvalidArgument("file is empty").WithContext("a/b.png");
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "a/b.png: file is empty");
  EXPECT_TRUE(Status::Ok().WithContext("x").ok());
}

TEST(ResultTest, ValueAndErrorPropagate) {
  auto good = Doubled(4);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 8);
  auto bad = Doubled(-1);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(bad.status().message(), HasSubstr("positive"));
}

TEST(ResultTest, OkStatusIsNotAValue) {
  Result<int> r{Status::Ok()};
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInternal);
}

TEST(StatusTest, ReturnIfErrorStopsAtFirstFailure) {
  EXPECT_TRUE(CheckBoth(1, 2).ok());
  EXPECT_EQ(CheckBoth(1, 0).code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace sohoa
