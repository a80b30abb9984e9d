#include "exchange/mapping.h"

#include <gtest/gtest.h>

#include "exchange/csv_reader.h"
#include "exchange/test_support.h"

namespace mamori::exchange {
namespace {

using reg::EntityKind;
using testing::DescribeRow;
using testing::MakeSheet;

std::string Details(const Error& e) { return e.ToString(); }

TEST(Mapping, CsvInThreeEncodingsGivesTheSameRows) {
  std::vector<MappedSheet> mapped;
  for (const char* name : {"assets.utf8.csv", "assets.utf8bom.csv", "assets.cp932.csv"}) {
    auto sheet = ReadCsv(testing::ReadFile(testing::DataDir() / name), name, Limits{});
    ASSERT_TRUE(sheet) << sheet.error().ToString();
    auto m = MapSheet(*sheet, std::nullopt);
    ASSERT_TRUE(m) << m.error().ToString();
    mapped.push_back(std::move(*m));
  }
  ASSERT_EQ(mapped[0].rows.size(), 4u);
  EXPECT_EQ(mapped[0].kind, EntityKind::kAsset);
  for (const auto& m : mapped) {
    EXPECT_EQ(m.rows, mapped[0].rows);
    EXPECT_EQ(m.source_rows, (std::vector<std::uint64_t>{2, 3, 5, 6}));
  }
  auto asset = reg::FromRow<reg::Asset>(mapped[2].rows[1]);
  ASSERT_TRUE(asset);
  EXPECT_EQ(asset->tier, reg::Tier::kLgwan);
  EXPECT_EQ(asset->storage_place, "書庫B\n（施錠）");
  EXPECT_EQ(asset->notes, "備考に \"引用\" と, カンマ");
  EXPECT_EQ(asset->personal_data, std::optional<bool>(true));
  EXPECT_EQ(asset->specific_personal_data, std::optional<bool>(false));
  EXPECT_EQ(asset->recovery_target_hours, std::optional<std::int64_t>(72));
  auto third = reg::FromRow<reg::Asset>(mapped[2].rows[2]);
  ASSERT_TRUE(third);
  EXPECT_EQ(third->number, "0012");
  EXPECT_EQ(third->name, "①髙橋さんの名簿");
  EXPECT_FALSE(third->recovery_target_hours);
}

TEST(Mapping, KindFromTheSheetName) {
  EXPECT_EQ(KindFromSheetName("情報資産管理台帳"), EntityKind::kAsset);
  EXPECT_EQ(KindFromSheetName("assets_2026"), EntityKind::kAsset);
  EXPECT_EQ(KindFromSheetName("情報システム一覧"), EntityKind::kSystem);
  EXPECT_EQ(KindFromSheetName("端末"), EntityKind::kTerminal);
  EXPECT_EQ(KindFromSheetName("職員名簿"), EntityKind::kPerson);
  EXPECT_EQ(KindFromSheetName("people"), EntityKind::kPerson);
  EXPECT_EQ(KindFromSheetName("所属"), EntityKind::kDepartment);
  EXPECT_EQ(KindFromSheetName("機関"), EntityKind::kOrgan);
  EXPECT_EQ(KindFromSheetName("点検記録"), EntityKind::kInspection);
  EXPECT_EQ(KindFromSheetName("Sheet1"), std::nullopt);
}

TEST(Mapping, TheSheetNameDecidesWhenTheHeaderFitsTwoKinds) {
  // 番号 and 名称 are aliases of assets' and systems' first two fields.
  const auto rows = std::vector<std::vector<std::string>>{{"番号", "名称"}, {"X-1", "なにか"}};
  auto ambiguous = MapSheet(MakeSheet(rows), std::nullopt);
  ASSERT_FALSE(ambiguous);
  EXPECT_NE(ambiguous.error().message.find("決められません"), std::string::npos) << ambiguous.error().message;
  auto by_name = MapSheet(MakeSheet(rows, SheetSource::kXlsx, "情報システム"), std::nullopt);
  ASSERT_TRUE(by_name) << by_name.error().ToString();
  EXPECT_EQ(by_name->kind, EntityKind::kSystem);
  auto by_hint = MapSheet(MakeSheet(rows, SheetSource::kXlsx, "情報システム"), EntityKind::kAsset);
  ASSERT_TRUE(by_hint);
  EXPECT_EQ(by_hint->kind, EntityKind::kAsset);
}

TEST(Mapping, ASheetNameThatDoesNotFitTheHeaderIsOverruled) {
  auto m = MapSheet(MakeSheet({{"職員番号", "氏名"}, {"001", "山田"}}, SheetSource::kXlsx, "資産"), std::nullopt);
  ASSERT_TRUE(m) << m.error().ToString();
  EXPECT_EQ(m->kind, EntityKind::kPerson);
}

TEST(Mapping, HeaderProblemsAreReportedTogether) {
  auto m = MapSheet(MakeSheet({{"資産番号", "管理番号", "種別"}, {"A-1", "A-1", "x"}}), EntityKind::kAsset);
  ASSERT_FALSE(m);
  EXPECT_EQ(m.error().code, ErrorCode::kValidation);
  ASSERT_EQ(m.error().details.size(), 2u) << Details(m.error());
  EXPECT_NE(m.error().details[0].message.find("二つあります"), std::string::npos);
  EXPECT_NE(m.error().details[1].message.find("資産名称"), std::string::npos);
  EXPECT_EQ(m.error().details[1].where.line, 1u);
}

TEST(Mapping, EveryBadCellIsReportedAndNothingIsImported) {
  const Sheet sheet = MakeSheet({{"資産番号", "資産名称", "系統", "施錠"},
                                 {"A-1", "名簿", "LGWAN", "○"},
                                 {"A-2", "台帳", "庁内LAN", "たぶん"},
                                 {"", "", "", ""},
                                 {"", "名前だけ", "", ""},
                                 {"A-1", "重複", "", "×"}});
  auto m = MapSheet(sheet, std::nullopt);
  ASSERT_FALSE(m);
  const Error& e = m.error();
  EXPECT_EQ(e.code, ErrorCode::kValidation);
  EXPECT_EQ(e.message, "3 行に誤りがあります。何も取り込んでいません。");
  ASSERT_EQ(e.details.size(), 4u) << Details(e);
  EXPECT_EQ(e.details[0].where.line, 3u);
  EXPECT_EQ(e.details[0].where.file, "test.csv");
  EXPECT_EQ(e.details[0].where.field, "系統");
  EXPECT_NE(e.details[0].message.find("庁内LAN"), std::string::npos);
  EXPECT_EQ(e.details[1].where.field, "施錠");  // the header as written
  EXPECT_NE(e.details[1].message.find("たぶん"), std::string::npos);
  EXPECT_EQ(e.details[2].where.line, 5u);
  EXPECT_EQ(e.details[2].where.field, "資産番号");
  EXPECT_EQ(e.details[3].where.line, 6u);
  EXPECT_NE(e.details[3].message.find("2 行目"), std::string::npos) << e.details[3].message;
}

TEST(Mapping, XlsxRowsAreNamedByTheirSpreadsheetRow) {
  Sheet sheet = MakeSheet({{"資産番号", "資産名称", "施錠"}, {"A-1", "名簿", "たぶん"}}, SheetSource::kXlsx, "台帳");
  sheet.source_lines = {4, 7};
  auto m = MapSheet(sheet, std::nullopt);
  ASSERT_FALSE(m);
  ASSERT_EQ(m.error().details.size(), 1u);
  EXPECT_EQ(m.error().details[0].where.row, 7u);
  EXPECT_FALSE(m.error().details[0].where.line);
  EXPECT_EQ(m.error().details[0].where.file, "test.xlsx [台帳]");
}

TEST(Mapping, BlankRowsIgnoredColumnsAndApostrophes) {
  auto m = MapSheet(MakeSheet({{"", ""},
                               {"台帳", ""},
                               {"資産番号", "資産名称", "独自の列", ""},
                               {"A-1", "'=SUM(A1)", "x"},
                               {" ", "　"},
                               {"A-2", "'abc"}}),
                    std::nullopt);
  ASSERT_TRUE(m) << m.error().ToString();
  EXPECT_EQ(m->header_row, 3u);
  EXPECT_EQ(m->ignored_columns, (std::vector<std::string>{"独自の列"}));
  ASSERT_EQ(m->rows.size(), 2u);
  EXPECT_EQ(m->source_rows, (std::vector<std::uint64_t>{4, 6}));
  EXPECT_EQ(std::get<std::string>(m->rows[0][1]), "=SUM(A1)");
  EXPECT_EQ(std::get<std::string>(m->rows[1][1]), "'abc");
  // In XLSX an apostrophe is part of the value.
  auto x = MapSheet(MakeSheet({{"資産番号", "資産名称"}, {"A-1", "'=x"}}, SheetSource::kXlsx), std::nullopt);
  ASSERT_TRUE(x);
  EXPECT_EQ(std::get<std::string>(x->rows[0][1]), "'=x");
}

TEST(Mapping, AValueWithoutAHeaderIsAnError) {
  auto m = MapSheet(MakeSheet({{"資産番号", "資産名称", "", "備考"}, {"A-1", "名簿", "迷子", ""}, {"A-2", "x", "", "", "右端"}}),
                    std::nullopt);
  ASSERT_FALSE(m);
  ASSERT_EQ(m.error().details.size(), 2u) << Details(m.error());
  EXPECT_NE(m.error().details[0].message.find("3列目"), std::string::npos);
  EXPECT_NE(m.error().details[1].message.find("5列目"), std::string::npos);
}

TEST(Mapping, NoHeaderListsWhatIsExpected) {
  auto m = MapSheet(MakeSheet({{"名前", "住所"}, {"山田", "東京"}}), std::nullopt);
  ASSERT_FALSE(m);
  EXPECT_EQ(m.error().details.size(), reg::AllEntities().size());
  EXPECT_NE(Details(m.error()).find("資産番号※"), std::string::npos);
  auto hinted = MapSheet(MakeSheet({{"名前", "住所"}}), EntityKind::kTerminal);
  ASSERT_FALSE(hinted);
  EXPECT_NE(Details(hinted.error()).find("端末番号※"), std::string::npos) << Details(hinted.error());
  EXPECT_FALSE(MapSheet(MakeSheet({}), std::nullopt));
}

TEST(Mapping, TheHeaderIsSearchedInTheFirstTenNonBlankRows) {
  std::vector<std::vector<std::string>> rows;
  for (int i = 0; i < 9; ++i) rows.push_back({"説明 " + std::to_string(i)});
  rows.push_back({"資産番号", "資産名称"});
  rows.push_back({"A-1", "x"});
  EXPECT_TRUE(MapSheet(MakeSheet(rows), std::nullopt));
  rows.insert(rows.begin(), {"もう一行"});
  EXPECT_FALSE(MapSheet(MakeSheet(rows), std::nullopt));
}

TEST(Mapping, ManyErrorsAreCapped) {
  std::vector<std::vector<std::string>> rows{{"資産番号", "資産名称", "施錠"}};
  for (int i = 0; i < 3000; ++i) rows.push_back({"A-" + std::to_string(i), "x", "?"});
  auto m = MapSheet(MakeSheet(rows), std::nullopt);
  ASSERT_FALSE(m);
  EXPECT_EQ(m.error().message, "3000 行に誤りがあります。何も取り込んでいません。");
  EXPECT_EQ(m.error().details.size(), 1001u);
  EXPECT_NE(m.error().details.back().message.find("2000"), std::string::npos);
}

TEST(Mapping, ASheetWithoutSourceLinesCountsRowsFromOne) {
  Sheet sheet;
  sheet.rows = {{"資産番号", "資産名称"}, {"A-1", ""}};
  auto m = MapSheet(sheet, std::nullopt);
  ASSERT_FALSE(m);
  EXPECT_EQ(m.error().details.at(0).where.line, 2u);
}

TEST(Mapping, DescribeRowForGoldens) {
  auto m = MapSheet(MakeSheet({{"資産番号", "資産名称", "系統"}, {"A-1", "x", "LGWAN"}}), std::nullopt);
  ASSERT_TRUE(m);
  EXPECT_EQ(DescribeRow(m->kind, m->rows[0]), "number=A-1 | name=x | tier=lgwan");
}

}  // namespace
}  // namespace mamori::exchange
