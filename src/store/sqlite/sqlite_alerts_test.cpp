#include <unistd.h>

#include <filesystem>

#include <gtest/gtest.h>

#include "store/alerts.h"
#include "store/sqlite/sqlite_store.h"

namespace mamori::store {
namespace {

namespace fs = std::filesystem;

class AlertStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / fs::path("mamori-alerts-" + std::to_string(::getpid()) + "-" +
                                                ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto s = OpenSqlite(dir_ / "t.db");
    ASSERT_TRUE(s) << s.error().ToString();
    register_ = std::move(*s);
    auto a = OpenSqliteAlerts(dir_ / "t.db");
    ASSERT_TRUE(a) << a.error().ToString();
    alerts_ = std::move(*a);
  }
  void TearDown() override {
    alerts_.reset();
    register_.reset();
    fs::remove_all(dir_);
  }
  static NetAlert Sample(std::string rule, std::string at) {
    NetAlert a;
    a.first_seen = a.last_seen = std::move(at);
    a.rule = std::move(rule);
    a.severity = "high";
    a.clause = "measures.resilience.my_number";
    a.src_ip = "10.10.0.5";
    a.src_port = 50123;
    a.dst_ip = "203.0.113.9";
    a.dst_port = 443;
    a.protocol = 6;
    a.src_segment = "SEG-MN-01";
    a.src_tier = "my_number";
    a.dst_segment = "internet";
    a.dst_tier = "internet";
    a.action = "allowed";
    a.message = "マイナンバー利用事務系がインターネット接続系と通信しました";
    return a;
  }
  fs::path dir_;
  std::unique_ptr<Store> register_;
  std::unique_ptr<AlertStore> alerts_;
};

TEST_F(AlertStoreTest, RecordsCountsAndListsNewestFirst) {
  auto first = alerts_->AddAlert(Sample("net.my_number_isolation", "2026-11-22T10:00:00+09:00"));
  ASSERT_TRUE(first) << first.error().ToString();
  auto second = alerts_->AddAlert(Sample("net.sanitization", "2026-11-22T11:00:00+09:00"));
  ASSERT_TRUE(second);
  ASSERT_TRUE(alerts_->UpdateAlertCount(*first, 42, "2026-11-22T12:00:00+09:00"));
  auto all = alerts_->ListAlerts({});
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].id, *first);  // last seen at 12:00
  EXPECT_EQ((*all)[0].count, 42);
  EXPECT_EQ((*all)[0].src_segment, "SEG-MN-01");
  EXPECT_EQ((*all)[0].dst_port, 443);
  EXPECT_EQ((*all)[0].status, "new");
  AlertQuery q;
  q.rule = "net.sanitization";
  EXPECT_EQ(*alerts_->CountAlerts(q), 1);
  q = {};
  q.since = "2026-11-22T10:30:00+09:00";
  EXPECT_EQ(*alerts_->CountAlerts(q), 1);
}

TEST_F(AlertStoreTest, StatusChangesAreInTheHistory) {
  auto id = alerts_->AddAlert(Sample("net.my_number_isolation", "2026-11-22T10:00:00+09:00"));
  ASSERT_TRUE(id);
  ASSERT_TRUE(alerts_->SetAlertStatus(*id, "incident", "kanri"));
  EXPECT_EQ((*alerts_->GetAlert(*id))->status, "incident");
  HistoryQuery hq;
  hq.entity = "net_alert";
  auto history = register_->History(hq);
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ((*history)[0].actor, "kanri");
  EXPECT_EQ((*history)[0].before, R"({"status":"new"})");
  EXPECT_EQ((*history)[0].after, R"({"status":"incident"})");
  auto bad = alerts_->SetAlertStatus(*id, "closed", "kanri");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("closed"), std::string::npos);
  EXPECT_FALSE(alerts_->SetAlertStatus(*id + 100, "dismissed", "kanri"));
}

}  // namespace
}  // namespace mamori::store
