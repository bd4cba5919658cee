#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "test_util.h"
#include "text/text.h"

namespace sohoa::text {
namespace {

TEST(SyllableRulesTest, AcceptsWellSpelledSyllables) {
  for (const char* s : {"quyết", "định", "người", "nghiêng", "giữa", "gì", "khuỷu", "hòa", "hoà",
                        "thủy", "thuỷ", "xoong", "Nguyễn", "QUYẾT", "ỦY", "yêu", "quốc", "ạ",
                        "kiểm", "ghi", "cách", "hoạch"}) {
    EXPECT_TRUE(IsWellFormedSyllable(s)) << s;
  }
}

TEST(SyllableRulesTest, RejectsBrokenSpelling) {
  EXPECT_FALSE(IsWellFormedSyllable("quyet"));  // stop-final rhyme with level tone
  EXPECT_FALSE(IsWellFormedSyllable("quyềt"));  // stop-final rhyme with huyền
  EXPECT_FALSE(IsWellFormedSyllable("cáchh"));  // not a final consonant
  EXPECT_FALSE(IsWellFormedSyllable("ưung"));   // no such rhyme
  EXPECT_FALSE(IsWellFormedSyllable("ce"));     // c before e is spelled k
  EXPECT_FALSE(IsWellFormedSyllable("ka"));     // k before a is spelled c
  EXPECT_FALSE(IsWellFormedSyllable("nge"));    // ng before e is spelled ngh
  EXPECT_FALSE(IsWellFormedSyllable("ghá"));    // gh before a is spelled g
  EXPECT_FALSE(IsWellFormedSyllable("hóà"));    // two tone marks
  EXPECT_FALSE(IsWellFormedSyllable("hòan"));   // tone belongs on a before a final consonant
  EXPECT_FALSE(IsWellFormedSyllable("qa"));     // q without u
  EXPECT_FALSE(IsWellFormedSyllable("UBND"));
  EXPECT_FALSE(IsWellFormedSyllable("Wifi"));   // letters outside the Vietnamese alphabet
}

// The rules and the real-syllable list agree: every native syllable of
// hunspell-vi passes the spelling rules (a few loanwords such as "email"
// and acronyms do not).
TEST(SyllableRulesTest, AgreeWithHunspellList) {
  std::ifstream in(TestDictionaryPath());
  ASSERT_TRUE(in) << TestDictionaryPath();
  std::string line;
  std::getline(in, line);
  int total = 0, rejected = 0;
  while (std::getline(in, line)) {
    if (line.empty() || (line[0] >= 'A' && line[0] <= 'Z')) continue;  // acronyms, names
    ++total;
    if (!IsWellFormedSyllable(line)) ++rejected;
  }
  EXPECT_GT(total, 6500);
  EXPECT_LT(rejected, 20) << "of " << total;
}

TEST(SyllableValidityTest, DictionaryDecidesRealSyllables) {
  auto* n = SharedNormalizer();
  ASSERT_NE(n, nullptr);
  EXPECT_TRUE(n->IsValidSyllable("quyết"));
  EXPECT_TRUE(n->IsValidSyllable("Quyết,"));  // punctuation and case ignored
  EXPECT_TRUE(n->IsValidSyllable("hòa"));     // list is in the reformed style
  EXPECT_TRUE(n->IsValidSyllable("hoà"));
  EXPECT_FALSE(n->IsValidSyllable("quyet"));
  EXPECT_FALSE(n->IsValidSyllable("ưung"));
  // Well spelled, but no such syllable: the list decides. ("lịnh", a
  // regional form of "lệnh", is in hunspell-vi, so it counts as real.)
  EXPECT_FALSE(n->IsValidSyllable("lễnh"));
  EXPECT_TRUE(IsWellFormedSyllable("lễnh"));
  EXPECT_TRUE(n->IsValidSyllable("lịnh"));
}

TEST(SyllableValidityTest, WithoutDictionaryRulesAlone) {
  Options options;
  options.syllable_dictionary_path = "";
  options.bigram_model_path = "";
  auto created = TextNormalizer::Create(options);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_TRUE((*created)->IsValidSyllable("lịnh"));
  EXPECT_FALSE((*created)->IsValidSyllable("quyet"));
}

TEST(WordKindTest, ClassifiesWords) {
  auto* n = SharedNormalizer();
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->ClassifyWord("quyết"), WordKind::kValidSyllable);
  EXPECT_EQ(n->ClassifyWord("quyet"), WordKind::kInvalidSyllable);
  EXPECT_EQ(n->ClassifyWord("17/BC-UBND"), WordKind::kProtected);
  EXPECT_EQ(n->ClassifyWord("29/4/2020"), WordKind::kProtected);
  EXPECT_EQ(n->ClassifyWord("9001:2015"), WordKind::kProtected);
  EXPECT_EQ(n->ClassifyWord("2020."), WordKind::kProtected);
  EXPECT_EQ(n->ClassifyWord("UBND"), WordKind::kProtected);
  EXPECT_EQ(n->ClassifyWord("HĐND,"), WordKind::kProtected);
  EXPECT_EQ(n->ClassifyWord("QĐ"), WordKind::kProtected);
  EXPECT_EQ(n->ClassifyWord("QUYET"), WordKind::kInvalidSyllable);  // a heading word, not a code
  EXPECT_EQ(n->ClassifyWord("TTr"), WordKind::kOther);
  EXPECT_EQ(n->ClassifyWord("-"), WordKind::kOther);
  EXPECT_EQ(n->ClassifyWord("Huế"), WordKind::kValidSyllable);  // a well-spelled name
  EXPECT_EQ(n->ClassifyWord("b)"), WordKind::kOther);
}

TEST(WordKindTest, CountsInvalidSyllables) {
  auto* n = SharedNormalizer();
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->CountInvalidSyllables("Tập ưung giải quyet công việc số 17/BC-UBND"), 2);
  EXPECT_EQ(n->CountInvalidSyllables("Giải quyết công việc"), 0);
}

}  // namespace
}  // namespace sohoa::text
