// Export → import gives back identical rows, for every kind, through CSV
// (UTF-8 with BOM, UTF-8, CP932) and XLSX, with values chosen to break naive
// writers: commas, quotes, newlines, leading zeros, full-width text, ①髙,
// formulas, empty optional booleans.
#include <random>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "exchange/export.h"
#include "exchange/mapping.h"
#include "exchange/read_table.h"
#include "exchange/test_support.h"

namespace mamori::exchange {
namespace {

using reg::FieldType;
using reg::Value;

const std::vector<std::string> kTexts = {
    "住民基本台帳データ", "a,b", "\"引用\"", "改行\nあり", "CRLF\r\nも", "0012", "００１２", "①髙橋", "ＷＥＢ",
    "=1+1", "-", "-5", "+81", "@mention", "'先頭", "''二つ", "末尾の\"", "半角ｶﾅ", "～〜", "x",
    "長い値" + std::string(300, 'x'), "tab\tinside", "_x000D_", "<&>", "セミコロン;と、読点"};
const std::vector<std::string> kListItems = {"P001", "0012", "社会保障", "①髙", "A-1", "税務"};
// Characters CP932 has no code for.
bool Cp932Safe(const std::string& s) { return s.find("〜") == std::string::npos; }

Value RandomValue(const reg::FieldInfo& f, std::mt19937& rng, bool cp932) {
  auto pick = [&rng](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
  if (!f.required && pick(4) == 0) return Value{};
  switch (f.type) {
    case FieldType::kText: {
      std::string s = kTexts[pick(kTexts.size())];
      if (cp932 && !Cp932Safe(s)) s = "置換";
      return Value{s};
    }
    case FieldType::kInteger: return Value{static_cast<std::int64_t>(pick(10000))};
    case FieldType::kBool: return Value{static_cast<std::int64_t>(pick(2))};
    case FieldType::kEnum: return Value{std::string(f.labels[pick(f.labels.size())].key)};
    case FieldType::kDate: {
      const Date d{static_cast<int>(1990 + pick(60)), static_cast<int>(1 + pick(12)), static_cast<int>(1 + pick(28))};
      return Value{d.Iso()};
    }
    case FieldType::kList: {
      std::vector<std::string> items;
      const std::size_t n = 1 + pick(3);
      for (std::size_t i = 0; i < n; ++i) items.push_back(kListItems[pick(kListItems.size())]);
      return Value{items};
    }
  }
  return Value{};
}

std::vector<reg::Row> RandomRows(reg::EntityKind kind, std::size_t n, std::mt19937& rng, bool cp932) {
  const auto& info = reg::Info(kind);
  std::vector<reg::Row> rows;
  for (std::size_t r = 0; r < n; ++r) {
    reg::Row row;
    for (std::size_t f = 0; f < info.fields.size(); ++f)
      row.push_back(RandomValue(info.fields[f], rng, cp932));
    // Unique numbers, some with leading zeros and full-width digits.
    row[0] = Value{r % 3 == 0 ? fmt::format("{:04}", r) : r % 3 == 1 ? fmt::format("Ｎ{}", r) : fmt::format("No.{}", r)};
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<reg::Row> Import(const std::string& bytes, std::string_view file, reg::EntityKind kind, std::size_t sheet) {
  auto sheets = ReadTable(bytes, file, Limits{});
  if (!sheets) {
    ADD_FAILURE() << sheets.error().ToString();
    return {};
  }
  auto mapped = MapSheet(sheets->at(sheet), std::nullopt);
  if (!mapped) {
    ADD_FAILURE() << mapped.error().ToString();
    return {};
  }
  EXPECT_EQ(mapped->kind, kind);
  EXPECT_TRUE(mapped->ignored_columns.empty());
  return mapped->rows;
}

void ExpectSameRows(reg::EntityKind kind, const std::vector<reg::Row>& expected, const std::vector<reg::Row>& actual) {
  ASSERT_EQ(expected.size(), actual.size());
  for (std::size_t i = 0; i < expected.size(); ++i)
    ASSERT_EQ(expected[i], actual[i]) << "row " << i + 1 << "\nexpected: " << testing::DescribeRow(kind, expected[i])
                                      << "\nactual:   " << testing::DescribeRow(kind, actual[i]);
}

TEST(RoundTrip, CsvEveryKindEveryEncoding) {
  std::mt19937 rng(20260401);
  for (const auto& info : reg::AllEntities()) {
    for (auto enc : {text::Encoding::kUtf8Bom, text::Encoding::kUtf8, text::Encoding::kCp932}) {
      SCOPED_TRACE(std::string(info.key) + " " + text::EncodingName(enc));
      const auto rows = RandomRows(info.kind, 150, rng, enc == text::Encoding::kCp932);
      auto csv = WriteCsv(info.kind, rows, enc);
      ASSERT_TRUE(csv) << csv.error().ToString();
      ExpectSameRows(info.kind, rows, Import(*csv, std::string(info.table) + ".csv", info.kind, 0));
    }
  }
}

TEST(RoundTrip, XlsxAllKindsInOneWorkbook) {
  std::mt19937 rng(8);
  std::vector<std::pair<reg::EntityKind, std::vector<reg::Row>>> tables;
  for (const auto& info : reg::AllEntities()) tables.emplace_back(info.kind, RandomRows(info.kind, 150, rng, false));
  auto xlsx = WriteXlsx(tables);
  ASSERT_TRUE(xlsx) << xlsx.error().ToString();
  for (std::size_t i = 0; i < tables.size(); ++i) {
    SCOPED_TRACE(reg::Info(tables[i].first).key);
    ExpectSameRows(tables[i].first, tables[i].second, Import(*xlsx, "台帳.xlsx", tables[i].first, i));
  }
}

TEST(RoundTrip, RecordsSurviveAsRecords) {
  reg::Asset a;
  a.number = "0012";
  a.name = "①髙橋さんの名簿, \"控え\"\n二行目";
  a.tier = reg::Tier::kMyNumber;
  a.personal_data = true;
  a.locked_storage = false;  // backup stays unknown
  a.recovery_target_hours = 24;
  a.form = reg::Form::kBoth;
  reg::Inspection in;
  in.number = "I-1";
  in.kind = "自己点検";
  in.date = Date{2026, 4, 1};
  auto xlsx = WriteXlsx({{reg::EntityKind::kAsset, {reg::ToRow(a)}}, {reg::EntityKind::kInspection, {reg::ToRow(in)}}});
  ASSERT_TRUE(xlsx);
  const auto assets = Import(*xlsx, "t.xlsx", reg::EntityKind::kAsset, 0);
  ASSERT_EQ(assets.size(), 1u);
  auto back = reg::FromRow<reg::Asset>(assets[0]);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->name, a.name);
  EXPECT_EQ(back->locked_storage, std::optional<bool>(false));
  EXPECT_FALSE(back->backup);
  EXPECT_EQ(back->form, reg::Form::kBoth);
  const auto inspections = Import(*xlsx, "t.xlsx", reg::EntityKind::kInspection, 1);
  ASSERT_EQ(inspections.size(), 1u);
  EXPECT_EQ(reg::FromRow<reg::Inspection>(inspections[0])->date, (Date{2026, 4, 1}));
}

}  // namespace
}  // namespace mamori::exchange
