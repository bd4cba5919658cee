#include "store/store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/sha256.h"

namespace sohoa::store {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// A fresh store folder per test, removed afterwards.
class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/sohoa-store-test-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    options_.dir = dir_.string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::unique_ptr<DossierStore> Open() {
    auto store = OpenSqliteStore(options_);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(store).value() : nullptr;
  }

  // Runs raw SQL against the store database, as another process would.
  void RawSql(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir_ / "sohoa.db").c_str(), &db), SQLITE_OK);
    char* err = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
    sqlite3_free(err);
    sqlite3_close(db);
  }

  int CountAll(DossierStore& store) {
    SearchQuery q;
    q.limit = 1000;
    auto hits = store.Search(q);
    EXPECT_TRUE(hits.ok()) << hits.status().ToString();
    return hits.ok() ? static_cast<int>(hits->size()) : -1;
  }

  fs::path dir_;
  Options options_;
};

OcrWord Word(std::string text, int x, int y, int w, int h, float conf = 90) {
  return OcrWord{std::move(text), Box{x, y, w, h}, conf};
}

// A one-page document; `source` makes the file (and so its checksum) distinct.
DocumentRecord MakeRecord(const std::string& source, const std::string& number,
                          const std::string& date_iso, const std::string& folded_body) {
  DocumentRecord r;
  r.source_path = "/scans/" + source + ".jpg";
  r.source_bytes = "file bytes of " + source;
  r.source_sha256 = Sha256Hex(r.source_bytes);
  DocumentNumber n;
  n.printed = number;
  n.ordinal = 17;
  n.type_abbreviation = "BC";
  n.issuer_code = "UBND";
  r.fields.number = n;
  if (!date_iso.empty()) {
    IssueDate d;
    d.year = std::stoi(date_iso.substr(0, 4));
    d.month = std::stoi(date_iso.substr(5, 2));
    d.day = std::stoi(date_iso.substr(8, 2));
    r.fields.date = d;
  }
  r.fields.issuer = "ỦY BAN NHÂN DÂN XÃ QUẢNG NGẠN";
  r.fields.issuer_parent = "UBND HUYỆN QUẢNG ĐIỀN";
  r.fields.doc_type = "BÁO CÁO";
  r.fields.subject = "Tổng kết cải cách hành chính";
  r.fields.place = "Quảng Ngạn";
  r.fields.signer = Signer{"TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Chiến"};
  r.fields.addressees = {"Phòng Nội vụ huyện"};
  r.fields.recipients = {"UBND huyện;", "Lưu: VT, VP."};
  r.fields.confidence = 0.75;
  r.fields.sources["number"] = FieldSource{0, Box{100, 300, 300, 40}, 0.7};
  r.search_fields = "17/bc-ubnd uy ban nhan dan xa quang ngan bao cao tong ket cai cach hanh chinh";
  r.folded_issuer = "uy ban nhan dan xa quang ngan";
  r.folded_type = "bao cao";
  PageRecord p;
  p.index = 0;
  p.original_png = "original png of " + source;
  p.upright_jpeg = "upright jpeg of " + source;
  p.cleaned_png = "cleaned png of " + source;
  p.width = 2480;
  p.height = 3508;
  p.dpi = 300;
  p.quality.estimated_dpi = 298;
  p.quality.skew_deg = 1.5;
  p.quality.text_removed_fraction = 0.08;
  p.quality.rescan_suggested = true;
  p.quality.warning = "blurred";
  p.words.width = 2480;
  p.words.height = 3508;
  p.words.mean_confidence = 88;
  OcrLine l1;
  l1.words = {Word("BÁO", 100, 200, 120, 40), Word("CÁO", 240, 200, 120, 40)};
  OcrLine l2;
  l2.block = 1;
  l2.words = {Word("Số:", 100, 300, 60, 40, 70)};
  p.words.lines = {l1, l2};
  p.raw_text = "BÁO CÁ0\nSố:\n";
  p.text = "BÁO CÁO\nSố:\n";
  p.corrections = "1\tCÁ0\tCÁO\tonly valid syllable with these letters\n";
  p.search_text = folded_body;
  r.pages.push_back(p);
  return r;
}

TEST_F(StoreTest, MigratesAnEmptyFolderToTheLatestSchema) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  auto version = store->SchemaVersion();
  ASSERT_TRUE(version.ok());
  EXPECT_EQ(*version, 2);
  EXPECT_TRUE(fs::exists(dir_ / "sohoa.db"));
  EXPECT_TRUE(fs::exists(dir_ / "sohoa.db-wal"));  // WAL mode is on
  EXPECT_TRUE(fs::is_directory(dir_ / "objects"));
  EXPECT_EQ(CountAll(*store), 0);
}

TEST_F(StoreTest, StoreFromANewerBuildIsFailedPrecondition) {
  { ASSERT_NE(Open(), nullptr); }
  RawSql("PRAGMA user_version = 99");
  auto store = OpenSqliteStore(options_);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(store.status().message(), HasSubstr("newer"));
}

TEST_F(StoreTest, FileThatIsNotADatabaseIsDataLoss) {
  {
    std::ofstream out(dir_ / "sohoa.db", std::ios::binary);
    out << std::string(4096, 'x');
  }
  auto store = OpenSqliteStore(options_);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kDataLoss);
  EXPECT_THAT(store.status().message(), HasSubstr("store database is damaged"));
}

TEST_F(StoreTest, ReopenKeepsEverythingFiled) {
  const DocumentRecord r = MakeRecord("a", "17/BC-UBND", "2020-04-29", "bao cao so 17");
  int64_t id = 0;
  {
    auto store = Open();
    auto filed = store->File(r);
    ASSERT_TRUE(filed.ok()) << filed.status().ToString();
    EXPECT_FALSE(filed->already_filed);
    EXPECT_FALSE(filed->same_identity_as.has_value());
    id = filed->id;
  }
  auto store = Open();
  auto doc = store->Get(id);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->dossier_code, "default");
  EXPECT_EQ(doc->source_path, "/scans/a.jpg");
  EXPECT_EQ(doc->source_sha256, r.source_sha256);
  EXPECT_THAT(doc->filed_at, HasSubstr("T"));
  ASSERT_TRUE(doc->fields.number.has_value());
  EXPECT_EQ(doc->fields.number->printed, "17/BC-UBND");
  EXPECT_EQ(doc->fields.number->ordinal, 17);
  EXPECT_FALSE(doc->fields.number->year.has_value());
  EXPECT_EQ(doc->fields.number->type_abbreviation, "BC");
  ASSERT_TRUE(doc->fields.date.has_value());
  EXPECT_EQ(doc->fields.date->Iso(), "2020-04-29");
  EXPECT_EQ(doc->fields.issuer, "ỦY BAN NHÂN DÂN XÃ QUẢNG NGẠN");
  EXPECT_EQ(doc->fields.issuer_parent, "UBND HUYỆN QUẢNG ĐIỀN");
  ASSERT_TRUE(doc->fields.signer.has_value());
  EXPECT_EQ(doc->fields.signer->name, "Nguyễn Chiến");
  EXPECT_THAT(doc->fields.recipients, ElementsAre("UBND huyện;", "Lưu: VT, VP."));
  EXPECT_THAT(doc->fields.addressees, ElementsAre("Phòng Nội vụ huyện"));
  EXPECT_DOUBLE_EQ(doc->fields.confidence, 0.75);
  ASSERT_EQ(doc->fields.sources.count("number"), 1u);
  EXPECT_EQ(doc->fields.sources.at("number").box.y, 300);
  EXPECT_EQ(doc->fields.sources.at("number").box.w, 300);
  EXPECT_DOUBLE_EQ(doc->fields.sources.at("number").confidence, 0.7);
  ASSERT_EQ(doc->pages.size(), 1u);
  const PageRecord& p = doc->pages[0];
  EXPECT_EQ(p.upright_jpeg, "upright jpeg of a");
  EXPECT_EQ(p.original_png, "original png of a");
  EXPECT_EQ(p.cleaned_png, "cleaned png of a");
  EXPECT_EQ(p.width, 2480);
  EXPECT_DOUBLE_EQ(p.dpi, 300);
  EXPECT_DOUBLE_EQ(p.quality.skew_deg, 1.5);
  EXPECT_DOUBLE_EQ(p.quality.text_removed_fraction, 0.08);
  EXPECT_TRUE(p.quality.rescan_suggested);
  EXPECT_EQ(p.quality.warning, "blurred");
  EXPECT_EQ(p.text, "BÁO CÁO\nSố:\n");
  EXPECT_EQ(p.raw_text, "BÁO CÁ0\nSố:\n");  // raw OCR and corrected text both kept, with the reasons
  EXPECT_EQ(p.corrections, "1\tCÁ0\tCÁO\tonly valid syllable with these letters\n");
  ASSERT_EQ(p.words.lines.size(), 2u);
  ASSERT_EQ(p.words.lines[0].words.size(), 2u);
  EXPECT_EQ(p.words.lines[0].words[1].text, "CÁO");
  EXPECT_EQ(p.words.lines[0].words[1].box.x, 240);
  EXPECT_EQ(p.words.lines[0].box.w, 260);  // union of both words
  EXPECT_EQ(p.words.lines[1].block, 1);
  EXPECT_FLOAT_EQ(p.words.lines[1].words[0].confidence, 70);
  // Page images are content-addressed objects.
  const std::string hash = Sha256Hex("upright jpeg of a");
  EXPECT_TRUE(fs::exists(dir_ / "objects" / hash.substr(0, 2) / hash.substr(2)));
}

TEST_F(StoreTest, SameFileTwiceIsAlreadyFiledAndWritesNothing) {
  auto store = Open();
  const DocumentRecord r = MakeRecord("a", "17/BC-UBND", "2020-04-29", "bao cao");
  auto first = store->File(r);
  ASSERT_TRUE(first.ok());
  auto second = store->File(r);
  ASSERT_TRUE(second.ok());
  EXPECT_TRUE(second->already_filed);
  EXPECT_EQ(second->id, first->id);
  EXPECT_EQ(CountAll(*store), 1);
  auto found = store->FindBySourceHash(r.source_sha256);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(*found, first->id);
  auto missing = store->FindBySourceHash(Sha256Hex("other"));
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
}

TEST_F(StoreTest, SameNumberIssuerAndDateIsFiledAndLinked) {
  auto store = Open();
  auto first = store->File(MakeRecord("a", "17/BC-UBND", "2020-04-29", "bao cao"));
  auto rescan = store->File(MakeRecord("b", "17/BC-UBND", "2020-04-29", "bao cao"));
  auto other_year = store->File(MakeRecord("c", "17/BC-UBND", "2021-04-29", "bao cao"));
  ASSERT_TRUE(first.ok() && rescan.ok() && other_year.ok());
  EXPECT_FALSE(rescan->already_filed);
  EXPECT_NE(rescan->id, first->id);
  EXPECT_EQ(rescan->same_identity_as, first->id);
  EXPECT_FALSE(other_year->same_identity_as.has_value());
  auto doc = store->Get(rescan->id);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->same_identity_as, first->id);
}

TEST_F(StoreTest, NumberWithoutOrdinalIsNoDuplicateKey) {
  // "Số:    /QĐ-UBND": the handwritten ordinal unread; two such documents of a
  // day are not the same document.
  auto store = Open();
  DocumentRecord a = MakeRecord("a", "/BC-UBND", "2020-04-29", "bao cao");
  DocumentRecord b = MakeRecord("b", "/BC-UBND", "2020-04-29", "bao cao");
  a.fields.number->ordinal.reset();
  b.fields.number->ordinal.reset();
  auto first = store->File(a);
  auto second = store->File(b);
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_FALSE(second->same_identity_as.has_value());
  EXPECT_EQ(CountAll(*store), 2);
}

TEST_F(StoreTest, EmptyAndNamedDossiers) {
  auto store = Open();
  DocumentRecord r = MakeRecord("a", "1/QĐ-UBND", "2020-01-02", "x");
  r.dossier_code = "01.TCCB";
  auto filed = store->File(r);
  ASSERT_TRUE(filed.ok());
  auto doc = store->Get(filed->id);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->dossier_code, "01.TCCB");
  auto none = store->Get(filed->id + 100);
  EXPECT_EQ(none.status().code(), StatusCode::kNotFound);
}

class SearchTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    store_ = Open();
    ASSERT_NE(store_, nullptr);
    DocumentRecord a =
        MakeRecord("a", "17/BC-UBND", "2020-04-29",
                   "bao cao tong ket chuong trinh cai cach hanh chinh xa quang ngan");
    DocumentRecord b = MakeRecord("b", "05/QD-UBND", "2021-01-05",
                                  "quyet dinh ve viec thanh lap to cong tac chuyen doi so");
    b.folded_type = "quyet dinh";
    b.folded_issuer = "uy ban nhan dan huyen quang dien";
    b.search_fields = "05/qd-ubnd quyet dinh thanh lap to cong tac";
    DocumentRecord c =
        MakeRecord("c", "32/KH-UBND", "2022-06-01", "ke hoach trien khai chuyen doi so nam 2022");
    c.folded_type = "ke hoach";
    c.search_fields = "32/kh-ubnd ke hoach chuyen doi so";
    for (const DocumentRecord* r : {&a, &b, &c}) {
      auto filed = store_->File(*r);
      ASSERT_TRUE(filed.ok()) << filed.status().ToString();
      ids_.push_back(filed->id);
    }
  }

  std::vector<int64_t> Ids(const SearchQuery& q) {
    auto hits = store_->Search(q);
    EXPECT_TRUE(hits.ok()) << hits.status().ToString();
    std::vector<int64_t> ids;
    if (hits.ok()) {
      for (const SearchHit& h : *hits) ids.push_back(h.id);
    }
    return ids;
  }

  std::vector<int64_t> Ids(const std::string& text) {
    SearchQuery q;
    q.folded_text = text;
    return Ids(q);
  }

  std::unique_ptr<DossierStore> store_;
  std::vector<int64_t> ids_;
};

TEST_F(SearchTest, FindsFoldedWordsRankedWithSnippet) {
  SearchQuery q;
  q.folded_text = "quyet dinh";
  auto hits = store_->Search(q);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].id, ids_[1]);
  EXPECT_EQ((*hits)[0].number, "05/QD-UBND");
  EXPECT_EQ((*hits)[0].date, "2021-01-05");
  EXPECT_EQ((*hits)[0].issuer, "ỦY BAN NHÂN DÂN XÃ QUẢNG NGẠN");
  EXPECT_THAT((*hits)[0].snippet, HasSubstr("[quyet]"));
  EXPECT_GT((*hits)[0].score, 0);
  // "chuyen doi so" is in two documents.
  EXPECT_EQ(Ids("chuyen doi so").size(), 2u);
}

TEST_F(SearchTest, DiacriticsInTheQueryStillMatchFoldedText) {
  EXPECT_THAT(Ids("quyết định"), ElementsAre(ids_[1]));
  EXPECT_THAT(Ids("hành chính"), ElementsAre(ids_[0]));
}

TEST_F(SearchTest, LastWordMatchesAsPrefixAndNumbersAsPhrases) {
  EXPECT_THAT(Ids("trien kh"), ElementsAre(ids_[2]));
  EXPECT_THAT(Ids("05/qd-ubnd"), ElementsAre(ids_[1]));
  EXPECT_THAT(Ids("32/kh-ubnd"), ElementsAre(ids_[2]));
}

TEST_F(SearchTest, FtsSyntaxInUserTextIsInert) {
  for (const std::string text : {"\"", "*", "OR", "NEAR(", "quyet\" OR \"ke", "quyet OR hoach",
                                 "body:quyet", "(quyet", "quyet AND NOT dinh", "-dinh", "^quyet",
                                 "{body fields}: x", "'; DROP TABLE documents; --"}) {
    SearchQuery q;
    q.folded_text = text;
    auto hits = store_->Search(q);
    ASSERT_TRUE(hits.ok()) << text << ": " << hits.status().ToString();
    // Operators are searched as plain words, which no document holds.
    if (text.find("OR") != std::string::npos || text.find("NOT") != std::string::npos) {
      EXPECT_THAT(*hits, IsEmpty()) << text;
    }
  }
  EXPECT_THAT(Ids("body:quyet"), IsEmpty());  // no column filter: "body quyet" is a phrase
  EXPECT_EQ(CountAll(*store_), 3);
}

TEST_F(SearchTest, DateRangeFilter) {
  SearchQuery q;
  q.from_date = "2021-01-01";
  q.to_date = "2021-12-31";
  EXPECT_THAT(Ids(q), ElementsAre(ids_[1]));
  q.from_date = "";
  q.to_date = "2020";  // a year prefix includes the whole year
  EXPECT_THAT(Ids(q), ElementsAre(ids_[0]));
  q.to_date = "";
  q.from_date = "2021-01-05";  // inclusive
  EXPECT_THAT(Ids(q), ElementsAre(ids_[2], ids_[1]));
  q.folded_text = "chuyen doi";
  EXPECT_EQ(Ids(q).size(), 2u);
  q.from_date = "2022";
  EXPECT_THAT(Ids(q), ElementsAre(ids_[2]));
  q.from_date = "29/4/2020";
  auto bad = store_->Search(q);
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
}

TEST_F(SearchTest, IssuerAndTypeFiltersWithoutTextListByDate) {
  SearchQuery q;
  EXPECT_THAT(Ids(q), ElementsAre(ids_[2], ids_[1], ids_[0]));  // newest first
  q.folded_type = "quyet";
  EXPECT_THAT(Ids(q), ElementsAre(ids_[1]));
  q.folded_type = "";
  q.folded_issuer = "quang ngan";
  EXPECT_THAT(Ids(q), ElementsAre(ids_[2], ids_[0]));
  q.folded_text = "chuyen doi so";
  EXPECT_THAT(Ids(q), ElementsAre(ids_[2]));
  q.limit = 1;
  q.folded_text = "";
  EXPECT_EQ(Ids(q).size(), 1u);
}

TEST_F(StoreTest, ReferencesResolveInBothDirections) {
  auto store = Open();
  // The plan is cited before it is filed...
  DocumentRecord report = MakeRecord("report", "17/BC-UBND", "2021-03-01", "bao cao");
  report.fields.references = {{"Kế hoạch", "32/KH-UBND", IssueDate{2020, 12, 28}},
                              {"Quyết định", "99/QĐ-UBND", std::nullopt}};
  auto r1 = store->File(report);
  ASSERT_TRUE(r1.ok());
  {
    auto doc = store->Get(r1->id);
    ASSERT_TRUE(doc.ok());
    ASSERT_EQ(doc->references.size(), 2u);
    EXPECT_FALSE(doc->references[0].target_id.has_value());
    EXPECT_EQ(doc->fields.references[0].number, "32/KH-UBND");
  }
  // ...a same-numbered plan of another year does not match the cited date...
  auto wrong_year = store->File(MakeRecord("plan2019", "32/KH-UBND", "2019-12-28", "ke hoach"));
  ASSERT_TRUE(wrong_year.ok());
  // ...and the right plan, filed later, links the earlier citation.
  auto plan = store->File(MakeRecord("plan", "32/KH-UBND", "2020-12-28", "ke hoach"));
  ASSERT_TRUE(plan.ok());
  auto doc = store->Get(r1->id);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->references[0].target_id, plan->id);
  EXPECT_FALSE(doc->references[1].target_id.has_value());
  ASSERT_TRUE(doc->references[0].cited.date.has_value());
  EXPECT_EQ(doc->references[0].cited.date->Iso(), "2020-12-28");
  // A later document citing the filed report is linked when it is filed.
  DocumentRecord followup = MakeRecord("followup", "40/TB-UBND", "2021-05-01", "thong bao");
  followup.fields.references = {{"Báo cáo", "17/BC-UBND", std::nullopt}};
  auto f = store->File(followup);
  ASSERT_TRUE(f.ok());
  auto fdoc = store->Get(f->id);
  ASSERT_TRUE(fdoc.ok());
  ASSERT_EQ(fdoc->references.size(), 1u);
  EXPECT_EQ(fdoc->references[0].target_id, r1->id);
}

TEST_F(StoreTest, FailureMidFilingLeavesNothingHalfFiled) {
  for (const std::string step : {"objects", "document", "pages", "references", "commit"}) {
    options_.fault_hook = [step](const std::string& at) {
      return at == step ? Status::Unavailable("injected failure at " + at) : Status::Ok();
    };
    auto store = Open();
    const DocumentRecord r = MakeRecord("a-" + step, "17/BC-UBND", "2020-04-29", "bao cao");
    auto filed = store->File(r);
    ASSERT_FALSE(filed.ok()) << step;
    EXPECT_EQ(filed.status().code(), StatusCode::kUnavailable);
    EXPECT_THAT(filed.status().message(), HasSubstr("injected failure at " + step));
    EXPECT_THAT(filed.status().message(), HasSubstr("/scans/a-" + step + ".jpg"));
    auto found = store->FindBySourceHash(r.source_sha256);
    ASSERT_TRUE(found.ok());
    EXPECT_FALSE(found->has_value()) << step;
    EXPECT_EQ(CountAll(*store), 0) << step;
  }
  options_.fault_hook = nullptr;
  auto store = Open();
  auto filed = store->File(MakeRecord("a-commit", "17/BC-UBND", "2020-04-29", "bao cao"));
  ASSERT_TRUE(filed.ok());
  EXPECT_FALSE(filed->already_filed);
}

TEST_F(StoreTest, UnwritableObjectFolderFilesNothing) {
  auto store = Open();
  const DocumentRecord r = MakeRecord("a", "17/BC-UBND", "2020-04-29", "bao cao");
  // A plain file where the object's fan-out folder should be (root ignores chmod).
  const std::string hash = Sha256Hex(r.pages[0].upright_jpeg);
  { std::ofstream(dir_ / "objects" / hash.substr(0, 2)) << "in the way"; }
  auto filed = store->File(r);
  ASSERT_FALSE(filed.ok());
  EXPECT_EQ(filed.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(filed.status().message(), HasSubstr("object"));
  EXPECT_EQ(CountAll(*store), 0);
  auto found = store->FindBySourceHash(r.source_sha256);
  ASSERT_TRUE(found.ok());
  EXPECT_FALSE(found->has_value());
}

TEST_F(StoreTest, CrashBeforeCommitLeavesFiledDocumentsIntact) {
  int64_t kept = 0;
  {
    auto store = Open();
    auto filed = store->File(MakeRecord("kept", "1/BC-UBND", "2020-01-02", "bao cao mot"));
    ASSERT_TRUE(filed.ok());
    kept = filed->id;
  }
  // The child process dies with every row of the new document written but
  // not committed, like a power cut.
  EXPECT_EXIT(
      {
        Options o = options_;
        o.fault_hook = [](const std::string& step) {
          if (step == "commit") ::_exit(7);
          return Status::Ok();
        };
        auto store = OpenSqliteStore(o);
        if (store.ok())
          (void)(*store)->File(MakeRecord("lost", "2/BC-UBND", "2020-01-03", "bao cao hai"));
        ::_exit(1);
      },
      ::testing::ExitedWithCode(7), "");
  auto store = Open();
  EXPECT_EQ(CountAll(*store), 1);
  SearchQuery q;
  q.folded_text = "hai";
  auto hits = store->Search(q);
  ASSERT_TRUE(hits.ok());
  EXPECT_THAT(*hits, IsEmpty());
  auto doc = store->Get(kept);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->pages.at(0).upright_jpeg, "upright jpeg of kept");
  auto again = store->File(MakeRecord("lost", "2/BC-UBND", "2020-01-03", "bao cao hai"));
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->already_filed);
}

TEST_F(StoreTest, DamagedObjectIsDataLossOnGet) {
  auto store = Open();
  const DocumentRecord r = MakeRecord("a", "17/BC-UBND", "2020-04-29", "bao cao");
  auto filed = store->File(r);
  ASSERT_TRUE(filed.ok());
  const std::string hash = Sha256Hex(r.pages[0].cleaned_png);
  { std::ofstream(dir_ / "objects" / hash.substr(0, 2) / hash.substr(2)) << "bit rot"; }
  auto doc = store->Get(filed->id);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), StatusCode::kDataLoss);
  EXPECT_THAT(doc.status().message(), HasSubstr(hash));
}

TEST_F(StoreTest, BusyDatabaseIsUnavailable) {
  options_.busy_timeout_ms = 50;
  auto store = Open();
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open((dir_ / "sohoa.db").c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  auto filed = store->File(MakeRecord("a", "17/BC-UBND", "2020-04-29", "bao cao"));
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  ASSERT_FALSE(filed.ok());
  EXPECT_EQ(filed.status().code(), StatusCode::kUnavailable);
  EXPECT_THAT(filed.status().message(), HasSubstr("busy"));
}

}  // namespace
}  // namespace sohoa::store
