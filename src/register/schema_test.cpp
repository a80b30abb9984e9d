#include "register/schema.h"

#include <gtest/gtest.h>

namespace mamori::reg {
namespace {

const FieldInfo& FieldOf(EntityKind kind, std::string_view key) {
  for (const auto& f : Info(kind).fields)
    if (f.key == key) return f;
  throw std::logic_error("no such field");
}

TEST(Schema, EveryRecordRoundTripsThroughARow) {
  Asset a;
  a.number = "A-0001";
  a.name = "住民基本台帳データ";
  a.tier = Tier::kMyNumber;
  a.confidentiality = "3B";
  a.integrity = "2";
  a.availability = "2";
  a.specific_personal_data = true;
  a.form = Form::kElectronic;
  a.locked_storage = false;
  a.recovery_target_hours = 24;
  auto back = FromRow<Asset>(ToRow(a));
  ASSERT_TRUE(back) << back.error().ToString();
  EXPECT_EQ(back->number, "A-0001");
  EXPECT_EQ(back->tier, Tier::kMyNumber);
  EXPECT_EQ(back->specific_personal_data, std::optional<bool>(true));
  EXPECT_EQ(back->locked_storage, std::optional<bool>(false));
  EXPECT_FALSE(back->backup.has_value());  // not recorded stays unknown
  EXPECT_EQ(back->recovery_target_hours, std::optional<std::int64_t>(24));
}

TEST(Schema, FieldTablesMatchTheRecords) {
  for (const auto& e : AllEntities()) {
    EXPECT_TRUE(e.fields.front().required) << e.key << ": the number comes first and is required";
  }
  EXPECT_EQ(Info(EntityKind::kAsset).fields.size(), ToRow(Asset{}).size());
  EXPECT_EQ(Info(EntityKind::kSystem).fields.size(), ToRow(System{}).size());
  EXPECT_EQ(Info(EntityKind::kTerminal).fields.size(), ToRow(Terminal{}).size());
  EXPECT_EQ(Info(EntityKind::kPerson).fields.size(), ToRow(Person{}).size());
  EXPECT_EQ(Info(EntityKind::kInspection).fields.size(), ToRow(Inspection{}).size());
}

TEST(Schema, ParsesCellsAsPeopleWriteThem) {
  const auto& locked = FieldOf(EntityKind::kAsset, "locked_storage");
  EXPECT_EQ(std::get<std::int64_t>(*ParseValue(locked, "○")), 1);
  EXPECT_EQ(std::get<std::int64_t>(*ParseValue(locked, "無")), 0);
  EXPECT_TRUE(IsNull(*ParseValue(locked, "  ")));
  EXPECT_FALSE(ParseValue(locked, "たぶん"));

  const auto& rto = FieldOf(EntityKind::kAsset, "recovery_target_hours");
  EXPECT_EQ(std::get<std::int64_t>(*ParseValue(rto, "24時間")), 24);
  EXPECT_EQ(std::get<std::int64_t>(*ParseValue(rto, "３日")), 72);
  EXPECT_FALSE(ParseValue(rto, "すぐ"));

  const auto& tier = FieldOf(EntityKind::kAsset, "tier");
  EXPECT_EQ(std::get<std::string>(*ParseValue(tier, "LGWAN系")), "lgwan");
  EXPECT_EQ(std::get<std::string>(*ParseValue(tier, "個人番号利用事務系")), "my_number");
  auto bad = ParseValue(tier, "庁内LAN");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().where.field, "系統");

  const auto& users = FieldOf(EntityKind::kSystem, "users");
  EXPECT_EQ(std::get<std::vector<std::string>>(*ParseValue(users, "P001、P002,P003")),
            (std::vector<std::string>{"P001", "P002", "P003"}));
}

TEST(Schema, FormatsValuesInJapaneseAndEnglish) {
  const auto& tier = FieldOf(EntityKind::kAsset, "tier");
  EXPECT_EQ(FormatValue(tier, Value{std::string("internet")}), "インターネット接続系");
  EXPECT_EQ(FormatValue(tier, Value{std::string("internet")}, true), "Internet tier");
  const auto& backup = FieldOf(EntityKind::kAsset, "backup");
  EXPECT_EQ(FormatValue(backup, Value{std::int64_t{1}}), "はい");
  EXPECT_EQ(FormatValue(backup, Value{}), "");
}

TEST(Schema, KindsAreFoundByTheirNames) {
  EXPECT_EQ(*KindFromKey("assets"), EntityKind::kAsset);
  EXPECT_EQ(*KindFromKey("情報資産"), EntityKind::kAsset);
  EXPECT_EQ(*KindFromKey("端末"), EntityKind::kTerminal);
  EXPECT_FALSE(KindFromKey("widgets"));
}

}  // namespace
}  // namespace mamori::reg
