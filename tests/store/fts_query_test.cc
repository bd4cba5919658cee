#include "store/fts_query.h"

#include <gtest/gtest.h>

namespace sohoa::store::internal {
namespace {

TEST(FtsQueryTest, QuotesEachWordAndPrefixesTheLast) {
  EXPECT_EQ(BuildFtsQuery("quyet dinh"), "\"quyet\" \"dinh\" *");
}

TEST(FtsQueryTest, DocumentNumberBecomesOnePhrase) {
  EXPECT_EQ(BuildFtsQuery("so 17/bc-ubnd"), "\"so\" \"17 bc ubnd\" *");
}

TEST(FtsQueryTest, SyntaxCharactersNeverPassThrough) {
  EXPECT_EQ(BuildFtsQuery("a\" OR b*"), "\"a\" \"OR\" \"b\" *");
  EXPECT_EQ(BuildFtsQuery("NEAR(x y)"), "\"NEAR x\" \"y\" *");
  EXPECT_EQ(BuildFtsQuery("body:abc ^d"), "\"body abc\" \"d\" *");
}

TEST(FtsQueryTest, NothingSearchableGivesEmptyQuery) {
  EXPECT_EQ(BuildFtsQuery(""), "");
  EXPECT_EQ(BuildFtsQuery(" \" * ( ) - "), "");
}

}  // namespace
}  // namespace sohoa::store::internal

namespace sohoa::store::internal {
namespace {

TEST(FtsQueryTest, FoldsDWithStroke) {
  EXPECT_EQ(BuildFtsQuery("quyết định Đồng"), "\"quyết\" \"dịnh\" \"dồng\" *");
}

}  // namespace
}  // namespace sohoa::store::internal
