#include "exchange/export.h"

#include <gtest/gtest.h>

#include "exchange/xlsx_reader.h"

namespace mamori::exchange {
namespace {

using reg::EntityKind;
using reg::Value;

reg::Row AssetRow(std::string number, std::string name) {
  reg::Row row(reg::Info(EntityKind::kAsset).fields.size());
  row[0] = Value{std::move(number)};
  row[1] = Value{std::move(name)};
  return row;
}

TEST(WriteCsv, CanonicalHeadersLabelsCrlfAndABom) {
  reg::Row row = AssetRow("A-1", "名簿, 第2版");
  row[5] = Value{std::string("lgwan")};
  row[9] = Value{std::int64_t{1}};
  row[10] = Value{std::int64_t{0}};
  row[15] = Value{std::int64_t{72}};
  row[17] = Value{std::string("=HYPERLINK(\"x\")")};
  auto csv = WriteCsv(EntityKind::kAsset, {row});
  ASSERT_TRUE(csv) << csv.error().ToString();
  EXPECT_TRUE(csv->starts_with("\xEF\xBB\xBF資産番号,資産名称,種別,所管課,管理者,系統,機密性,"));
  EXPECT_TRUE(csv->ends_with("\r\n"));
  EXPECT_NE(csv->find("\r\nA-1,\"名簿, 第2版\",,,,LGWAN接続系,,,,はい,いいえ,,,,,72,,\"'=HYPERLINK(\"\"x\"\")\"\r\n"),
            std::string::npos)
      << *csv;
  auto plain = WriteCsv(EntityKind::kOrgan, {}, text::Encoding::kUtf8);
  ASSERT_TRUE(plain);
  EXPECT_EQ(*plain, "機関コード,機関名\r\n");
}

TEST(WriteCsv, Cp932NamesEveryCellItCannotHold) {
  auto ok = WriteCsv(EntityKind::kAsset, {AssetRow("A-1", "①髙橋～")}, text::Encoding::kCp932);
  ASSERT_TRUE(ok) << ok.error().ToString();
  EXPECT_NE(ok->find("\x87\x40"), std::string::npos);  // ① in CP932
  reg::Row bad = AssetRow("A-2", "𠮷野家");
  bad[17] = Value{std::string("絵文字😀")};
  auto r = WriteCsv(EntityKind::kAsset, {AssetRow("A-1", "ok"), bad}, text::Encoding::kCp932);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  ASSERT_EQ(r.error().details.size(), 2u) << r.error().ToString();
  EXPECT_EQ(r.error().details[0].where.row, 2u);
  EXPECT_EQ(r.error().details[0].where.field, "資産名称");
  EXPECT_NE(r.error().details[0].message.find("𠮷"), std::string::npos);
  EXPECT_EQ(r.error().details[1].where.field, "備考");
}

TEST(WriteXlsx, OneSheetPerKindNamedInJapanese) {
  auto bytes = WriteXlsx({{EntityKind::kAsset, {AssetRow("A-1", "x")}}, {EntityKind::kSystem, {}}});
  ASSERT_TRUE(bytes) << bytes.error().ToString();
  auto sheets = ReadXlsx(*bytes, "t.xlsx", Limits{});
  ASSERT_TRUE(sheets);
  ASSERT_EQ(sheets->size(), 2u);
  EXPECT_EQ((*sheets)[0].name, "情報資産");
  EXPECT_EQ((*sheets)[1].name, "情報システム");
  EXPECT_EQ((*sheets)[1].rows.size(), 1u);  // the header only
  EXPECT_FALSE(WriteXlsx({{EntityKind::kAsset, {}}, {EntityKind::kAsset, {}}}));
}

}  // namespace
}  // namespace mamori::exchange
