// Golden import cases: tests/data/exchange/import/<case>/input.{csv,xlsx}
// (and an optional file `kind` holding the kind hint) are read and mapped;
// the result is compared with expected.txt in the same folder. Set
// MAMORI_UPDATE_GOLDEN=1 to rewrite the expected files (then review the diff).
#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "common/text.h"
#include "exchange/export.h"
#include "exchange/mapping.h"
#include "exchange/read_table.h"
#include "exchange/test_support.h"

namespace mamori::exchange {
namespace {

namespace fs = std::filesystem;
using testing::DataDir;
using testing::ReadFile;

std::string RunCase(const fs::path& dir) {
  fs::path input;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().stem() == "input") input = entry.path();
  if (input.empty()) return "no input file\n";
  std::optional<reg::EntityKind> hint;
  if (fs::exists(dir / "kind")) {
    auto kind = reg::KindFromKey(text::Trim(ReadFile(dir / "kind")));
    if (!kind) return "bad kind file\n";
    hint = *kind;
  }
  const std::string bytes = ReadFile(input);
  auto sheets = ReadTable(bytes, input.filename().string(), Limits{});
  if (!sheets) return "read error: " + sheets.error().ToString() + "\n";
  std::string out;
  for (const auto& sheet : *sheets) {
    out += fmt::format("sheet「{}」 {}{} rows={}\n", sheet.name, sheet.source == SheetSource::kCsv ? "CSV " : "XLSX",
                       sheet.source == SheetSource::kCsv ? text::EncodingName(sheet.encoding) : "", sheet.rows.size());
    auto mapped = MapSheet(sheet, hint);
    if (!mapped) {
      out += "error: " + mapped.error().ToString() + "\n";
      continue;
    }
    out += fmt::format("kind: {}, header at {}\n", reg::Info(mapped->kind).key, mapped->header_row);
    if (!mapped->ignored_columns.empty()) {
      out += "ignored:";
      for (const auto& c : mapped->ignored_columns) out += " 「" + c + "」";
      out += "\n";
    }
    for (std::size_t i = 0; i < mapped->rows.size(); ++i)
      out += fmt::format("{}: {}\n", mapped->source_rows[i], testing::DescribeRow(mapped->kind, mapped->rows[i]));
  }
  return out;
}

TEST(Golden, ImportCases) {
  const fs::path root = DataDir() / "import";
  ASSERT_TRUE(fs::is_directory(root)) << root;
  const bool update = std::getenv("MAMORI_UPDATE_GOLDEN") != nullptr;
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(root))
    if (entry.is_directory()) cases.push_back(entry.path());
  std::sort(cases.begin(), cases.end());
  EXPECT_GE(cases.size(), 10u);
  for (const auto& dir : cases) {
    SCOPED_TRACE(dir.filename().string());
    const std::string actual = RunCase(dir);
    const fs::path expected_path = dir / "expected.txt";
    if (update) {
      testing::WriteFile(expected_path, actual);
      continue;
    }
    ASSERT_TRUE(fs::exists(expected_path)) << "no expected.txt; run with MAMORI_UPDATE_GOLDEN=1\n" << actual;
    EXPECT_EQ(actual, ReadFile(expected_path)) << "(MAMORI_UPDATE_GOLDEN=1 rewrites expected.txt)";
  }
}

// Export golden: the asset register of assets.utf8.csv, imported and written
// again as CSV, must be byte-for-byte export/assets.csv (canonical headers,
// labels, quoting, BOM, CRLF).
TEST(Golden, ExportCsv) {
  auto sheets = ReadTable(ReadFile(DataDir() / "assets.utf8.csv"), "assets.utf8.csv", Limits{});
  ASSERT_TRUE(sheets) << sheets.error().ToString();
  auto mapped = MapSheet(sheets->front(), std::nullopt);
  ASSERT_TRUE(mapped) << mapped.error().ToString();
  auto csv = WriteCsv(mapped->kind, mapped->rows);
  ASSERT_TRUE(csv) << csv.error().ToString();
  const fs::path expected = DataDir() / "export" / "assets.csv";
  if (std::getenv("MAMORI_UPDATE_GOLDEN") != nullptr) testing::WriteFile(expected, *csv);
  EXPECT_EQ(*csv, ReadFile(expected)) << "(MAMORI_UPDATE_GOLDEN=1 rewrites " << expected << ")";
}

}  // namespace
}  // namespace mamori::exchange
