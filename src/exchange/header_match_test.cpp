#include "exchange/header_match.h"

#include <gtest/gtest.h>

#include "common/text.h"

namespace mamori::exchange {
namespace {

std::vector<std::string> Fold(const std::vector<std::string>& row) {
  std::vector<std::string> out;
  for (const auto& c : row) out.push_back(text::FoldKey(c));
  return out;
}

TEST(HeaderMatch, LabelsAliasesKeysAndDecorations) {
  const HeaderIndex index(reg::Info(reg::EntityKind::kAsset));
  const auto m = MatchHeader(index, Fold({"管理番号", "Asset name", "confidentiality", "機密性（C）", "施錠 保管", "資産番号※",
                                          "*種別", "復旧目標時間(時間)", "ＲＴＯ", "何か"}));
  EXPECT_TRUE(m.has_number);
  EXPECT_EQ(m.field_of_column[0], 0u);
  EXPECT_EQ(m.field_of_column[1], 1u);
  EXPECT_EQ(m.field_of_column[2], 6u);
  EXPECT_EQ(m.field_of_column[3], 6u);
  EXPECT_EQ(m.field_of_column[4], 13u);
  EXPECT_EQ(m.field_of_column[5], 0u);
  EXPECT_EQ(m.field_of_column[6], 2u);
  EXPECT_EQ(m.field_of_column[7], 15u);
  EXPECT_EQ(m.field_of_column[8], 15u);
  EXPECT_EQ(m.field_of_column[9], std::nullopt);
  EXPECT_EQ(m.matched_fields, 6u);
}

TEST(HeaderMatch, AHeaderNamingTwoFieldsIsAmbiguous) {
  // A schema whose aliases collide (the real ones must not; see the next test).
  reg::EntityInfo info{reg::EntityKind::kAsset, "x", "xs", "X", "X", "番号",
                       {reg::FieldInfo{"number", "番号", "Number", {"ID"}, reg::FieldType::kText, true, {}, {}},
                        reg::FieldInfo{"owner", "所有者", "Owner", {"id"}, reg::FieldType::kText, false, {}, {}}}};
  const HeaderIndex index(info);
  EXPECT_EQ(index.Lookup(text::FoldKey("ＩＤ")), (std::vector<std::size_t>{0, 1}));
  const auto m = MatchHeader(index, Fold({"ID", "所有者"}));
  EXPECT_TRUE(m.ambiguous[0]);
  EXPECT_FALSE(m.ambiguous[1]);
}

TEST(HeaderMatch, TheSchemaHasNoCollidingNamesWithinAKind) {
  for (const auto& info : reg::AllEntities()) {
    const HeaderIndex index(info);
    for (const auto& f : info.fields) {
      std::vector<std::string_view> names{f.label_ja, f.label_en, f.key};
      names.insert(names.end(), f.aliases.begin(), f.aliases.end());
      for (auto n : names) EXPECT_EQ(index.Lookup(text::FoldKey(n)).size(), 1u) << info.key << ": " << n;
    }
  }
}

}  // namespace
}  // namespace mamori::exchange
