#include "store/sqlite/sqlite_store.h"

#include <filesystem>
#include <set>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

namespace mamori::store {
namespace {

namespace fs = std::filesystem;

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / fs::path("mamori-store-" + std::to_string(::getpid()) + "-" +
                                                ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto s = OpenSqlite(dir_ / "t.db");
    ASSERT_TRUE(s) << s.error().ToString();
    store_ = std::move(*s);
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }
  fs::path dir_;
  std::unique_ptr<Store> store_;
};

reg::Asset SampleAsset(std::string number) {
  reg::Asset a;
  a.number = std::move(number);
  a.name = "住民票データ";
  a.tier = reg::Tier::kMyNumber;
  a.confidentiality = "3B";
  a.backup = true;
  a.recovery_target_hours = 24;
  return a;
}

TEST_F(SqliteStoreTest, MigrationsMatchTheFieldTables) {
  // Every schema field is a column of the table, in the same order, and nothing else.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir_ / "t.db").c_str(), &db), SQLITE_OK);
  for (const auto& info : reg::AllEntities()) {
    sqlite3_stmt* stmt = nullptr;
    const std::string sql = "PRAGMA table_info(" + std::string(info.table) + ")";
    ASSERT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK);
    std::vector<std::string> columns;
    while (sqlite3_step(stmt) == SQLITE_ROW) columns.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 1)));
    sqlite3_finalize(stmt);
    std::vector<std::string> expected;
    for (const auto& f : info.fields) expected.emplace_back(f.key);
    EXPECT_EQ(columns, expected) << info.table;
  }
  sqlite3_close(db);
  EXPECT_GE(store_->SchemaVersion(), 1);
}

TEST_F(SqliteStoreTest, InsertGetUpdateDelete) {
  ASSERT_TRUE(store_->Insert(reg::EntityKind::kAsset, reg::ToRow(SampleAsset("A-1"))));
  auto got = store_->Get(reg::EntityKind::kAsset, "A-1");
  ASSERT_TRUE(got && *got);
  auto asset = reg::FromRow<reg::Asset>(**got);
  ASSERT_TRUE(asset);
  EXPECT_EQ(asset->confidentiality, "3B");
  EXPECT_EQ(asset->backup, std::optional<bool>(true));
  EXPECT_FALSE(asset->locked_storage.has_value());

  auto dup = store_->Insert(reg::EntityKind::kAsset, reg::ToRow(SampleAsset("A-1")));
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().code, ErrorCode::kAlreadyExists);

  asset->name = "住民票データ（更新）";
  ASSERT_TRUE(store_->Update(reg::EntityKind::kAsset, reg::ToRow(*asset)));
  EXPECT_EQ(std::get<std::string>((**store_->Get(reg::EntityKind::kAsset, "A-1"))[1]), "住民票データ（更新）");

  auto missing = store_->Update(reg::EntityKind::kAsset, reg::ToRow(SampleAsset("A-404")));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);

  ASSERT_TRUE(store_->Delete(reg::EntityKind::kAsset, "A-1"));
  EXPECT_FALSE(store_->Get(reg::EntityKind::kAsset, "A-1")->has_value());
  EXPECT_EQ(store_->Delete(reg::EntityKind::kAsset, "A-1").error().code, ErrorCode::kNotFound);
}

TEST_F(SqliteStoreTest, ListsKeepTheirItems) {
  reg::System s;
  s.number = "S-1";
  s.name = "住民記録システム";
  s.users = {"P-1", "P-2"};
  ASSERT_TRUE(store_->Insert(reg::EntityKind::kSystem, reg::ToRow(s)));
  auto rows = store_->List(reg::EntityKind::kSystem, {});
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(reg::FromRow<reg::System>(rows->front())->users, (std::vector<std::string>{"P-1", "P-2"}));
}

TEST_F(SqliteStoreTest, RollbackLeavesNothing) {
  {
    auto tx = Transaction::Start(*store_);
    ASSERT_TRUE(tx);
    ASSERT_TRUE(store_->Insert(reg::EntityKind::kAsset, reg::ToRow(SampleAsset("A-1"))));
  }  // not committed
  EXPECT_EQ(*store_->Count(reg::EntityKind::kAsset), 0);
}

TEST_F(SqliteStoreTest, DepartmentsNeedTheirOrgan) {
  reg::Department d{"D1", "総務課", "ORG-X"};
  auto r = store_->Insert(reg::EntityKind::kDepartment, reg::ToRow(d));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
}

TEST_F(SqliteStoreTest, HistoryIsAppendOnly) {
  HistoryEntry e;
  e.actor = "tanaka";
  e.action = "create";
  e.entity = "asset";
  e.number = "A-1";
  e.after = R"({"number":"A-1"})";
  ASSERT_TRUE(store_->AppendHistory(e));
  auto h = store_->History({});
  ASSERT_TRUE(h);
  ASSERT_EQ(h->size(), 1u);
  EXPECT_EQ(h->front().actor, "tanaka");
  EXPECT_NE(h->front().at.find("+09:00"), std::string::npos);

  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir_ / "t.db").c_str(), &db), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db, "UPDATE change_history SET actor = 'x'", nullptr, nullptr, nullptr), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db, "DELETE FROM change_history", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  EXPECT_EQ(store_->History({})->size(), 1u);
}

TEST_F(SqliteStoreTest, ReopeningKeepsDataAndDoesNotRemigrate) {
  ASSERT_TRUE(store_->Insert(reg::EntityKind::kAsset, reg::ToRow(SampleAsset("A-1"))));
  ASSERT_TRUE(store_->PutSetting("profile", "nogata"));
  store_.reset();
  auto again = OpenSqlite(dir_ / "t.db");
  ASSERT_TRUE(again) << again.error().ToString();
  EXPECT_EQ(*(*again)->Count(reg::EntityKind::kAsset), 1);
  EXPECT_EQ(**(*again)->GetSetting("profile"), "nogata");
}

TEST_F(SqliteStoreTest, NotADatabaseIsAClearError) {
  const auto bad = dir_ / "bad.db";
  FILE* f = std::fopen(bad.c_str(), "wb");
  std::fputs("this is not a database at all, just text that is long enough to fill a header", f);
  std::fclose(f);
  auto s = OpenSqlite(bad);
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().ToString().find("データベース"), std::string::npos);
}

}  // namespace
}  // namespace mamori::store

namespace mamori::store {
namespace {

class SqliteQueryTest : public SqliteStoreTest {
 protected:
  void SetUp() override {
    SqliteStoreTest::SetUp();
    const char* departments[] = {"総務課", "税務課", "市民課"};
    for (int i = 1; i <= 30; ++i) {
      reg::Asset a = SampleAsset(fmt::format("A-{:03}", i));
      a.name = i % 10 == 0 ? "住民記録 100%バックアップ" : fmt::format("文書 {}", i);
      a.department = departments[i % 3];
      a.manager = i % 2 == 0 ? "P-1" : "P-2";
      a.tier = i % 3 == 0 ? reg::Tier::kInternet : reg::Tier::kLgwan;
      ASSERT_TRUE(store_->Insert(reg::EntityKind::kAsset, reg::ToRow(a)));
    }
  }
  std::vector<std::string> Numbers(const Page& page) {
    std::vector<std::string> out;
    for (const auto& r : page.rows) out.push_back(std::get<std::string>(r[0]));
    return out;
  }
};

TEST_F(SqliteQueryTest, PagesFiltersAndCounts) {
  PageQuery q;
  q.where = {{"department", {"税務課"}}};
  q.limit = 3;
  q.offset = 3;
  auto page = store_->Query(reg::EntityKind::kAsset, q);
  ASSERT_TRUE(page) << page.error().ToString();
  EXPECT_EQ(page->total, 10);
  EXPECT_EQ(Numbers(*page), (std::vector<std::string>{"A-010", "A-013", "A-016"}));
  q.count = false;  // the caller knows the total: only the rows
  auto rows_only = store_->Query(reg::EntityKind::kAsset, q);
  ASSERT_TRUE(rows_only);
  EXPECT_EQ(Numbers(*rows_only), Numbers(*page));
  EXPECT_EQ(rows_only->total, 0);
}

TEST_F(SqliteQueryTest, SearchesJapaneseSubstringsAndTakesPercentLiterally) {
  PageQuery q;
  q.text = "住民記録";
  auto page = store_->Query(reg::EntityKind::kAsset, q);
  ASSERT_TRUE(page);
  EXPECT_EQ(Numbers(*page), (std::vector<std::string>{"A-010", "A-020", "A-030"}));
  q.text = "0%バ";  // '%' is a character to find, not a wildcard
  EXPECT_EQ(store_->Query(reg::EntityKind::kAsset, q)->total, 3);
  q.text = "1%";
  EXPECT_EQ(store_->Query(reg::EntityKind::kAsset, q)->total, 0);
}

TEST_F(SqliteQueryTest, ScopeRestrictsToAnyOfItsConditions) {
  PageQuery q;
  q.scope = {{"manager", {"P-1"}}, {"department", {"市民課"}}};
  q.limit = 100;
  auto page = store_->Query(reg::EntityKind::kAsset, q);
  ASSERT_TRUE(page);
  for (const auto& r : page->rows) {
    const auto a = *reg::FromRow<reg::Asset>(r);
    EXPECT_TRUE(a.manager == "P-1" || a.department == "市民課") << a.number;
  }
  EXPECT_EQ(page->total, 20);  // 15 even numbers + 5 odd multiples of 3
}

TEST_F(SqliteQueryTest, SortsByAnyFieldAndCapsTheCount) {
  PageQuery q;
  q.sort = "name";
  q.limit = 1;
  q.count_limit = 5;
  auto page = store_->Query(reg::EntityKind::kAsset, q);
  ASSERT_TRUE(page);
  EXPECT_EQ(Numbers(*page), std::vector<std::string>{"A-010"});  // 住 (U+4F4F) before 文 (U+6587); ties by number
  q.descending = true;
  EXPECT_EQ(Numbers(*store_->Query(reg::EntityKind::kAsset, q)), std::vector<std::string>{"A-009"});  // "文書 9"
  EXPECT_EQ(page->total, 5);
  EXPECT_TRUE(page->total_capped);
}

TEST_F(SqliteQueryTest, RefusesUnknownFields) {
  PageQuery q;
  q.sort = "name; DROP TABLE assets";
  EXPECT_FALSE(store_->Query(reg::EntityKind::kAsset, q));
  q.sort.clear();
  q.where = {{"nope", {"x"}}};
  auto r = store_->Query(reg::EntityKind::kAsset, q);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(*store_->Count(reg::EntityKind::kAsset), 30);
}

TEST_F(SqliteQueryTest, HistorySinceAndCount) {
  for (int i = 0; i < 3; ++i) {
    HistoryEntry e;
    e.at = fmt::format("2026-11-{:02}T10:00:00+09:00", 10 + i * 5);
    e.actor = "tester";
    e.action = "create";
    e.entity = "asset";
    e.number = fmt::format("A-{:03}", i + 1);
    ASSERT_TRUE(store_->AppendHistory(e));
  }
  HistoryQuery q;
  q.since = "2026-11-15T00:00:00+09:00";
  EXPECT_EQ(*store_->CountHistory(q), 2);
  EXPECT_EQ(*store_->CountHistoryByEntity(q.since),
            (std::vector<std::pair<std::string, std::int64_t>>{{"asset", 2}}));
  q.limit = 1;
  q.offset = 1;
  auto lines = store_->History(q);
  ASSERT_TRUE(lines);
  ASSERT_EQ(lines->size(), 1u);
  EXPECT_EQ((*lines)[0].number, "A-002");
}

}  // namespace
}  // namespace mamori::store
