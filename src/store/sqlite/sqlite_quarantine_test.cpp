#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "store/quarantine.h"
#include "store/sqlite/sqlite_store.h"

namespace mamori::store {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kPpap =
    "From: 取引先 <sender@example.com>\r\nTo: somu@city.example.lg.jp\r\nSubject: 見積書の送付\r\n"
    "Message-ID: <ppap-1@example.com>\r\n\r\n添付のとおりです。パスワードは別送します。\r\n";
constexpr std::string_view kPlain =
    "From: news@example.org\r\nTo: somu@city.example.lg.jp\r\nSubject: Newsletter\r\n\r\nhello\r\n";

class QuarantineStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / fs::path("mamori-quarantine-" + std::to_string(::getpid()) + "-" +
                                                ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto s = OpenSqlite(dir_ / "t.db");
    ASSERT_TRUE(s) << s.error().ToString();
    register_ = std::move(*s);
    Reopen();
  }
  void TearDown() override {
    quarantine_.reset();
    register_.reset();
    fs::remove_all(dir_);
  }
  void Reopen() {
    quarantine_.reset();
    auto q = OpenSqliteQuarantine(dir_ / "t.db", DefaultQuarantineDir(dir_ / "t.db"));
    ASSERT_TRUE(q) << q.error().ToString();
    quarantine_ = std::move(*q);
  }
  static QuarantineEntry Meta(std::string subject, std::string hold, std::string received = "2026-11-22T10:00:00+09:00",
                              std::string expires = "2027-02-20T10:00:00+09:00") {
    QuarantineEntry e;
    e.received_at = std::move(received);
    e.expires_at = std::move(expires);
    e.source = "milter";
    e.envelope_from = "sender@example.com";
    e.envelope_to = {"somu@city.example.lg.jp"};
    e.from = "取引先 <sender@example.com>";
    e.to = "somu@city.example.lg.jp";
    e.subject = std::move(subject);
    e.attachments = 1;
    e.attachments_json = R"([{"name":"見積書.zip","type":"application/zip","encrypted":true}])";
    e.hold_reasons = std::move(hold);
    e.actions = "text; attachments-removed=1";
    return e;
  }
  fs::path FileOf(const QuarantineEntry& e) const {
    return DefaultQuarantineDir(dir_ / "t.db") / e.sha256.substr(0, 2) / (e.sha256 + ".eml");
  }
  std::vector<fs::path> FilesInQuarantine() const {
    std::vector<fs::path> out;
    for (const auto& f : fs::recursive_directory_iterator(DefaultQuarantineDir(dir_ / "t.db")))
      if (f.is_regular_file()) out.push_back(f.path());
    return out;
  }
  std::vector<HistoryEntry> History() {
    HistoryQuery hq;
    hq.entity = "quarantine";
    auto h = register_->History(hq);
    EXPECT_TRUE(h) << h.error().ToString();
    return h ? *h : std::vector<HistoryEntry>{};
  }

  fs::path dir_;
  std::unique_ptr<Store> register_;
  std::unique_ptr<QuarantineStore> quarantine_;
};

TEST_F(QuarantineStoreTest, KeepsTheOriginalInAPrivateFileNamedByItsSha256) {
  auto e = quarantine_->Put(kPpap, Meta("見積書の送付", "password-archive"));
  ASSERT_TRUE(e) << e.error().ToString();
  EXPECT_EQ(e->sha256.size(), 64u);
  EXPECT_EQ(e->id, e->sha256.substr(0, 12));
  EXPECT_EQ(e->status, "held");
  EXPECT_EQ(e->size, static_cast<std::int64_t>(kPpap.size()));
  EXPECT_EQ(e->envelope_to, std::vector<std::string>{"somu@city.example.lg.jp"});
  EXPECT_EQ(DefaultQuarantineDir("/var/lib/mamori/mamori.db"), fs::path("/var/lib/mamori/mamori.quarantine"));

  struct stat st{};
  ASSERT_EQ(::stat(FileOf(*e).c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  ASSERT_EQ(::stat(FileOf(*e).parent_path().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);
  ASSERT_EQ(::stat(DefaultQuarantineDir(dir_ / "t.db").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);
  EXPECT_EQ(FilesInQuarantine().size(), 1u);  // no temporary file left

  auto bytes = quarantine_->ReadOriginal(e->id);
  ASSERT_TRUE(bytes) << bytes.error().ToString();
  EXPECT_EQ(*bytes, kPpap);
  auto by_sha = quarantine_->Get(e->sha256);
  ASSERT_TRUE(by_sha && *by_sha);
  EXPECT_EQ((*by_sha)->subject, "見積書の送付");
  auto upper = e->id;
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_TRUE(*quarantine_->Get(upper));
  EXPECT_FALSE(*quarantine_->Get("not-an-id"));
  EXPECT_FALSE(*quarantine_->Get("0123456789ab"));

  auto plain = quarantine_->Put(kPlain, Meta("Newsletter", ""));
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->status, "stored");  // delivered as text, kept for reference
}

TEST_F(QuarantineStoreTest, TheSameOriginalAgainReturnsTheEntryUnchanged) {
  auto first = quarantine_->Put(kPpap, Meta("見積書の送付", "password-archive"));
  ASSERT_TRUE(first);
  auto again = quarantine_->Put(kPpap, Meta("別の件名", "", "2026-12-01T09:00:00+09:00"));
  ASSERT_TRUE(again) << again.error().ToString();
  EXPECT_EQ(again->id, first->id);
  EXPECT_EQ(again->subject, "見積書の送付");
  EXPECT_EQ(again->received_at, "2026-11-22T10:00:00+09:00");
  EXPECT_EQ(*quarantine_->Count({}), 1);

  auto wrong = Meta("x", "");
  wrong.sha256 = std::string(64, '0');
  auto refused = quarantine_->Put(kPlain, wrong);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
}

TEST_F(QuarantineStoreTest, ACorruptedOriginalIsReportedNotReturnedAndPutRepairsIt) {
  auto e = quarantine_->Put(kPpap, Meta("見積書の送付", "password-archive"));
  ASSERT_TRUE(e);
  {
    std::ofstream out(FileOf(*e), std::ios::binary | std::ios::trunc);
    out << "From: attacker@example.net\r\n\r\nreplaced\r\n";
  }
  auto bytes = quarantine_->ReadOriginal(e->id);
  ASSERT_FALSE(bytes);
  EXPECT_EQ(bytes.error().code, ErrorCode::kIo);
  EXPECT_NE(bytes.error().message.find("壊れています"), std::string::npos) << bytes.error().message;
  EXPECT_EQ(bytes.error().where.file, FileOf(*e).string());

  fs::remove(FileOf(*e));
  bytes = quarantine_->ReadOriginal(e->id);
  ASSERT_FALSE(bytes);
  EXPECT_NE(bytes.error().message.find("ありません"), std::string::npos) << bytes.error().message;

  ASSERT_TRUE(quarantine_->Put(kPpap, Meta("見積書の送付", "password-archive")));  // the same original again
  bytes = quarantine_->ReadOriginal(e->id);
  ASSERT_TRUE(bytes) << bytes.error().ToString();
  EXPECT_EQ(*bytes, kPpap);
}

TEST_F(QuarantineStoreTest, ARowThatCannotBeWrittenLeavesNoFileBehind) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir_ / "t.db").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "CREATE TRIGGER refuse BEFORE INSERT ON quarantine BEGIN SELECT RAISE(ABORT, 'disk full'); END",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  auto refused = quarantine_->Put(kPpap, Meta("見積書の送付", "password-archive"));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kStore);
  EXPECT_NE(refused.error().message.find("disk full"), std::string::npos) << refused.error().message;
  EXPECT_TRUE(FilesInQuarantine().empty());
  EXPECT_EQ(*quarantine_->Count({}), 0);

  ASSERT_EQ(sqlite3_exec(db, "DROP TRIGGER refuse", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  auto e = quarantine_->Put(kPpap, Meta("見積書の送付", "password-archive"));
  ASSERT_TRUE(e) << e.error().ToString();
  EXPECT_EQ(FilesInQuarantine().size(), 1u);
}

TEST_F(QuarantineStoreTest, ListsNewestFirstByStatusAndSearch) {
  ASSERT_TRUE(quarantine_->Put(kPpap, Meta("見積書の送付", "password-archive", "2026-11-22T10:00:00+09:00")));
  auto plain = quarantine_->Put(kPlain, Meta("Newsletter", "", "2026-11-23T10:00:00+09:00"));
  ASSERT_TRUE(plain);
  auto all = quarantine_->List({});
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].subject, "Newsletter");
  QuarantineQuery q;
  q.status = "held";
  EXPECT_EQ(*quarantine_->Count(q), 1);
  q = {};
  q.search = "NEWS";  // case-insensitive
  EXPECT_EQ(*quarantine_->Count(q), 1);
  q.search = "見積";
  ASSERT_EQ(quarantine_->List(q)->size(), 1u);
  q.search = plain->id.substr(2, 6);
  EXPECT_EQ(*quarantine_->Count(q), 1);
  q = {};
  q.limit = 1;
  q.offset = 1;
  EXPECT_EQ((*quarantine_->List(q))[0].subject, "見積書の送付");
  q = {};
  q.status = "quarantined";
  EXPECT_FALSE(quarantine_->List(q));

  ASSERT_TRUE(quarantine_->Delete(plain->id, "kanri"));
  EXPECT_EQ(*quarantine_->Count({}), 1);  // deleted ones only on request
  q = {};
  q.status = "deleted";
  EXPECT_EQ(*quarantine_->Count(q), 1);
}

TEST_F(QuarantineStoreTest, AReleaseIsRecordedWithWhoApprovedItAndWhere) {
  auto e = quarantine_->Put(kPpap, Meta("見積書の送付", "password-archive"));
  ASSERT_TRUE(e);
  ASSERT_TRUE(quarantine_->MarkReleased(e->id, "somu@city.example.lg.jp", "kanri"));
  auto after = *quarantine_->Get(e->id);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, "released");
  EXPECT_EQ(after->released_to, "somu@city.example.lg.jp");
  EXPECT_EQ(after->released_by, "kanri");
  EXPECT_FALSE(after->released_at.empty());
  const auto h = History();
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0].actor, "kanri");
  EXPECT_EQ(h[0].number, e->id);
  EXPECT_EQ(h[0].before, R"({"status":"held"})");
  EXPECT_EQ(h[0].after, R"({"released_by":"kanri","released_to":"somu@city.example.lg.jp","status":"released"})");
  EXPECT_EQ(quarantine_->MarkReleased("0123456789ab", "x@example.jp", "kanri").error().code, ErrorCode::kNotFound);
}

TEST_F(QuarantineStoreTest, DeleteRemovesTheFileAndKeepsTheRowForTheRecord) {
  auto e = quarantine_->Put(kPpap, Meta("見積書の送付", "password-archive"));
  ASSERT_TRUE(e);
  ASSERT_TRUE(quarantine_->Delete(e->id, "kanri"));
  EXPECT_FALSE(fs::exists(FileOf(*e)));
  auto row = *quarantine_->Get(e->id);
  ASSERT_TRUE(row);
  EXPECT_EQ(row->status, "deleted");
  EXPECT_EQ(row->subject, "見積書の送付");
  auto read = quarantine_->ReadOriginal(e->id);
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().code, ErrorCode::kNotFound);
  auto release = quarantine_->MarkReleased(e->id, "somu@city.example.lg.jp", "kanri");
  ASSERT_FALSE(release);
  EXPECT_EQ(release.error().code, ErrorCode::kConflict);
  const auto h = History();
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0].actor, "kanri");
  EXPECT_EQ(h[0].after, R"({"status":"deleted"})");
  EXPECT_TRUE(quarantine_->Delete(e->id, "kanri"));  // again: nothing more to do
  EXPECT_EQ(History().size(), 1u);

  // The same original arriving again is kept anew.
  auto again = quarantine_->Put(kPpap, Meta("見積書の送付", "password-archive", "2026-12-01T09:00:00+09:00"));
  ASSERT_TRUE(again) << again.error().ToString();
  EXPECT_EQ(again->status, "held");
  EXPECT_EQ(again->received_at, "2026-12-01T09:00:00+09:00");
  EXPECT_EQ(*quarantine_->ReadOriginal(e->id), kPpap);
}

TEST_F(QuarantineStoreTest, PurgeDeletesWhatOutlivedItsRetention) {
  auto old = quarantine_->Put(kPpap, Meta("見積書の送付", "password-archive", "2026-08-01T10:00:00+09:00",
                                          "2026-10-30T10:00:00+09:00"));
  auto fresh = quarantine_->Put(kPlain, Meta("Newsletter", "", "2026-11-20T10:00:00+09:00",
                                             "2027-02-18T10:00:00+09:00"));
  ASSERT_TRUE(old && fresh);
  ASSERT_TRUE(quarantine_->MarkReleased(old->id, "somu@city.example.lg.jp", "kanri"));  // released ones too
  auto purged = quarantine_->Purge("2026-11-22T00:00:00+09:00", "mamori");
  ASSERT_TRUE(purged) << purged.error().ToString();
  EXPECT_EQ(*purged, 1u);
  EXPECT_FALSE(fs::exists(FileOf(*old)));
  EXPECT_TRUE(fs::exists(FileOf(*fresh)));
  EXPECT_EQ((*quarantine_->Get(old->id))->status, "deleted");
  EXPECT_EQ(*quarantine_->Purge("2026-11-22T00:00:00+09:00", "mamori"), 0u);
  const auto h = History();
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(h[0].actor, "mamori");  // newest first
  EXPECT_EQ(h[0].after, R"({"reason":"retention","status":"deleted"})");
  EXPECT_EQ(h[0].note, "保存期間の満了");
}

TEST_F(QuarantineStoreTest, AnotherConnectionSeesTheSameEntries) {
  auto e = quarantine_->Put(kPpap, Meta("見積書の送付", "password-archive"));
  ASSERT_TRUE(e);
  Reopen();
  EXPECT_EQ(*quarantine_->ReadOriginal(e->id), kPpap);
}

}  // namespace
}  // namespace mamori::store
