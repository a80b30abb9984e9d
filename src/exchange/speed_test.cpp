// How long a 100,000-row, 18-column asset register takes to read (CSV in
// UTF-8 and CP932, XLSX) and to map to rows, in CPU seconds. The figures are
// printed; the 0.5 s bound on CSV parsing is asserted in optimized builds only.
#include <ctime>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "exchange/csv_reader.h"
#include "exchange/export.h"
#include "exchange/mapping.h"
#include "exchange/xlsx_reader.h"

namespace mamori::exchange {
namespace {

using namespace std::string_literals;  // GCC 12 warns (-Wrestrict) on = "literal" here

std::vector<reg::Row> BigRegister(std::size_t n) {
  std::vector<reg::Row> rows;
  rows.reserve(n);
  const char* tiers[] = {"my_number", "lgwan", "internet", "none"};
  for (std::size_t i = 0; i < n; ++i) {
    reg::Asset a;
    a.number = fmt::format("A-{:06}", i);
    a.name = fmt::format("住民基本台帳データ（{}）", i % 97);
    a.kind = "データ"s;
    a.department = "市民課"s;
    a.manager = fmt::format("P{:04}", i % 500);
    a.tier = *reg::TierFromKey(tiers[i % 4]);
    a.confidentiality = "3B"s;
    a.integrity = "2"s;
    a.availability = "1"s;
    a.personal_data = i % 2 == 0;
    a.specific_personal_data = i % 3 == 0;
    a.form = reg::Form::kElectronic;
    a.storage_place = "サーバ室"s;
    a.locked_storage = true;
    a.backup = i % 5 != 0;
    a.recovery_target_hours = 24;
    a.retention = "5年"s;
    a.notes = i % 10 == 0 ? "備考, \"引用\"\n二行目"s : ""s;
    rows.push_back(reg::ToRow(a));
  }
  return rows;
}

// CPU time of this process (the work is single-threaded): steadier than wall
// time on a machine shared with other builds.
template <typename F>
double Seconds(F&& f) {
  const std::clock_t start = std::clock();
  f();
  return static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
}

TEST(Speed, HundredThousandRows) {
  const auto rows = BigRegister(100'000);
  const auto utf8 = WriteCsv(reg::EntityKind::kAsset, rows, text::Encoding::kUtf8Bom);
  const auto cp932 = WriteCsv(reg::EntityKind::kAsset, rows, text::Encoding::kCp932);
  const auto xlsx = WriteXlsx({{reg::EntityKind::kAsset, rows}});
  ASSERT_TRUE(utf8 && cp932 && xlsx);

  Result<Sheet> sheet;
  const double csv_utf8 = Seconds([&] { sheet = ReadCsv(*utf8, "assets.csv", Limits{}); });
  ASSERT_TRUE(sheet) << sheet.error().ToString();
  ASSERT_EQ(sheet->rows.size(), 100'001u);
  Result<Sheet> sheet_cp932;
  const double csv_cp932 = Seconds([&] { sheet_cp932 = ReadCsv(*cp932, "assets.csv", Limits{}); });
  ASSERT_TRUE(sheet_cp932);
  Result<MappedSheet> mapped;
  const double map = Seconds([&] { mapped = MapSheet(*sheet, std::nullopt); });
  ASSERT_TRUE(mapped) << mapped.error().ToString();
  ASSERT_EQ(mapped->rows, rows);
  Result<std::vector<Sheet>> sheets;
  const double read_xlsx = Seconds([&] { sheets = ReadXlsx(*xlsx, "assets.xlsx", Limits{}); });
  ASSERT_TRUE(sheets);
  double write_xlsx = Seconds([&] { (void)WriteXlsx({{reg::EntityKind::kAsset, rows}}); });

  fmt::print("100,000 rows × 18 columns (CPU seconds): CSV UTF-8 {:.1f} MiB read in {:.3f} s, CSV CP932 {:.1f} MiB in {:.3f} s, "
             "mapped in {:.3f} s; XLSX {:.1f} MiB read in {:.3f} s, written in {:.3f} s\n",
             static_cast<double>(utf8->size()) / (1 << 20), csv_utf8, static_cast<double>(cp932->size()) / (1 << 20),
             csv_cp932, map, static_cast<double>(xlsx->size()) / (1 << 20), read_xlsx, write_xlsx);
#ifdef NDEBUG
  EXPECT_LT(csv_utf8, 0.5);
  EXPECT_LT(csv_cp932, 0.5);
#endif
}

}  // namespace
}  // namespace mamori::exchange
