#include "service/register_service.h"

#include <filesystem>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "store/sqlite/sqlite_store.h"

namespace mamori::service {
namespace {

namespace fs = std::filesystem;
using reg::EntityKind;

class RegisterServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    file_ = fs::temp_directory_path() /
            ("mamori-service-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    fs::remove(file_);
    store_ = std::move(*store::OpenSqlite(file_));
    service_ = std::make_unique<RegisterService>(*store_, LevelCodes::Default(), "suzuki");
  }
  void TearDown() override {
    service_.reset();
    store_.reset();
    for (auto suffix : {"", "-wal", "-shm"}) fs::remove(file_.string() + suffix);
  }
  static reg::Row Asset(std::string number, std::string confidentiality = "3B") {
    reg::Asset a;
    a.number = std::move(number);
    a.name = "課税台帳";
    a.confidentiality = std::move(confidentiality);
    return reg::ToRow(a);
  }
  fs::path file_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<RegisterService> service_;
};

TEST_F(RegisterServiceTest, EveryChangeIsRecordedWithBeforeAndAfter) {
  ASSERT_TRUE(service_->Add(EntityKind::kAsset, Asset("A-1")));
  auto updated = service_->Update(EntityKind::kAsset, "A-1", {{"機密性", "２"}, {"backup", "○"}});
  ASSERT_TRUE(updated) << updated.error().ToString();
  ASSERT_TRUE(service_->Remove(EntityKind::kAsset, "A-1"));

  auto history = store_->History({.entity = "asset", .number = "A-1", .oldest_first = true});
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 3u);
  EXPECT_EQ((*history)[0].action, "create");
  EXPECT_EQ((*history)[0].actor, "suzuki");
  EXPECT_TRUE((*history)[0].before.empty());
  const auto before = nlohmann::json::parse((*history)[1].before);
  const auto after = nlohmann::json::parse((*history)[1].after);
  EXPECT_EQ(before["confidentiality"], "3B");
  EXPECT_EQ(after["confidentiality"], "2");  // full-width ２ stored as the profile writes it
  EXPECT_EQ(after["backup"], true);
  EXPECT_EQ((*history)[2].action, "delete");
  EXPECT_TRUE((*history)[2].after.empty());
}

TEST_F(RegisterServiceTest, UnknownLevelIsRefusedAndNothingChanges) {
  auto r = service_->Add(EntityKind::kAsset, Asset("A-1", "極秘"));
  ASSERT_FALSE(r);
  ASSERT_EQ(r.error().details.size(), 1u);
  EXPECT_EQ(r.error().details[0].where.field, "機密性");
  EXPECT_EQ(*store_->Count(EntityKind::kAsset), 0);
  EXPECT_TRUE(store_->History({})->empty());
}

TEST_F(RegisterServiceTest, UpdateOfUnknownFieldNamesIt) {
  ASSERT_TRUE(service_->Add(EntityKind::kAsset, Asset("A-1")));
  auto r = service_->Update(EntityKind::kAsset, "A-1", {{"色", "赤"}});
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().ToString().find("色"), std::string::npos);
}

TEST_F(RegisterServiceTest, ImportIsAllOrNothingAndReportsEveryBadRow) {
  ASSERT_TRUE(service_->Add(EntityKind::kAsset, Asset("A-0")));
  IncomingSheet sheet{EntityKind::kAsset, "assets.csv", {}};
  sheet.rows.push_back({Asset("A-1"), 2});
  sheet.rows.push_back({Asset("A-2", "5"), 3});   // unknown level
  sheet.rows.push_back({Asset("A-1"), 4});        // duplicate of row 2
  sheet.rows.push_back({Asset("A-0", "1"), 5});   // valid update
  auto r = service_->Import({sheet}, /*dry_run=*/false);
  ASSERT_FALSE(r);
  ASSERT_EQ(r.error().details.size(), 2u);
  EXPECT_EQ(r.error().details[0].where.row, 3u);
  EXPECT_EQ(r.error().details[1].where.row, 4u);
  EXPECT_NE(r.error().details[1].message.find("2 行目"), std::string::npos);
  EXPECT_EQ(*store_->Count(EntityKind::kAsset), 1);
  EXPECT_EQ(store_->History({})->size(), 1u);  // only the first Add
}

TEST_F(RegisterServiceTest, ImportCreatesUpdatesAndSkipsUnchanged) {
  ASSERT_TRUE(service_->Add(EntityKind::kAsset, Asset("A-0")));
  ASSERT_TRUE(service_->Add(EntityKind::kAsset, Asset("A-9")));
  IncomingSheet sheet{EntityKind::kAsset, "assets.csv", {{Asset("A-0", "2"), 2}, {Asset("A-9"), 3}, {Asset("A-1"), 4}}};

  auto preview = service_->Import({sheet}, /*dry_run=*/true);
  ASSERT_TRUE(preview) << preview.error().ToString();
  EXPECT_FALSE(preview->applied);
  EXPECT_EQ(preview->counts[0].second.created, 1u);
  EXPECT_EQ(*store_->Count(EntityKind::kAsset), 2);  // a dry run writes nothing
  // The preview names each record that changes and, for an update, the fields.
  ASSERT_EQ(preview->changes.size(), 2u);
  EXPECT_EQ(preview->changes[0].number, "A-0");
  EXPECT_FALSE(preview->changes[0].create);
  ASSERT_EQ(preview->changes[0].fields.size(), 1u);
  EXPECT_EQ(preview->changes[0].fields[0].key, "confidentiality");
  EXPECT_EQ(preview->changes[0].fields[0].after, "2");
  EXPECT_EQ(preview->changes[1].number, "A-1");
  EXPECT_TRUE(preview->changes[1].create);

  auto plan = service_->Import({sheet}, false);
  ASSERT_TRUE(plan);
  EXPECT_TRUE(plan->applied);
  EXPECT_EQ(plan->counts[0].second.created, 1u);
  EXPECT_EQ(plan->counts[0].second.updated, 1u);
  EXPECT_EQ(plan->counts[0].second.unchanged, 1u);
  EXPECT_EQ(store_->History({.batch = plan->batch})->size(), 2u);
}

TEST_F(RegisterServiceTest, SettingsChangesAreRecorded) {
  ASSERT_TRUE(service_->SetSetting("profile", "nogata"));
  ASSERT_TRUE(service_->SetSetting("profile", "kumamoto"));
  auto h = store_->History({.entity = "setting"});
  ASSERT_EQ(h->size(), 2u);
  EXPECT_NE(h->front().before.find("nogata"), std::string::npos);
  EXPECT_NE(h->front().after.find("kumamoto"), std::string::npos);
}

}  // namespace
}  // namespace mamori::service

namespace mamori::service {
namespace {

TEST(RowToJson, IsValidJsonForAwkwardText) {
  reg::Asset a;
  a.number = "A-\"1\"";
  a.name = "課税台帳\\バックアップ\n二行目\t\x01①髙";
  a.backup = false;
  a.recovery_target_hours = 48;
  reg::System s;
  s.number = "S-1";
  s.name = "x";
  s.users = {"P-1", "P\"2"};
  const auto asset = nlohmann::json::parse(RowToJson(reg::EntityKind::kAsset, reg::ToRow(a)));
  EXPECT_EQ(asset["number"], "A-\"1\"");
  EXPECT_EQ(asset["name"], "課税台帳\\バックアップ\n二行目\t\x01①髙");
  EXPECT_EQ(asset["backup"], false);
  EXPECT_EQ(asset["recovery_target_hours"], 48);
  EXPECT_FALSE(asset.contains("tier"));  // not recorded: absent, not null
  const auto system = nlohmann::json::parse(RowToJson(reg::EntityKind::kSystem, reg::ToRow(s)));
  EXPECT_EQ(system["users"], (std::vector<std::string>{"P-1", "P\"2"}));
}

}  // namespace
}  // namespace mamori::service
