#include "exchange/xlsx_writer.h"

#include <cstdlib>
#include <filesystem>

#include <unistd.h>

#include <gtest/gtest.h>

#include "exchange/csv_reader.h"
#include "exchange/test_support.h"
#include "exchange/xlsx_reader.h"
#include "exchange/zip.h"

namespace mamori::exchange {
namespace {

using Rows = std::vector<std::vector<std::string>>;

std::string Part(const std::string& xlsx, const std::string& name) {
  Limits limits;
  auto zip = ZipReader::Open(xlsx, "t.xlsx", limits);
  if (!zip) return {};
  auto part = zip->ReadAll(name);
  return part ? *part : std::string();
}

TEST(XlsxWriter, SheetNames) {
  EXPECT_TRUE(CheckSheetName("情報資産"));
  EXPECT_TRUE(CheckSheetName("1234567890123456789012345678901"));
  EXPECT_TRUE(CheckSheetName("ａｂｃｄｅｆｇｈｉｊａｂｃｄｅｆｇｈｉｊａｂｃｄｅｆｇｈｉｊａ"));  // 31 wide characters
  EXPECT_FALSE(CheckSheetName("12345678901234567890123456789012"));
  EXPECT_FALSE(CheckSheetName(""));
  for (const char* bad : {"a[b", "a]b", "a:b", "a*b", "a?b", "a/b", "a\\b", "'ab", "ab'", "History"})
    EXPECT_FALSE(CheckSheetName(bad)) << bad;
  EXPECT_FALSE(WriteXlsxWorkbook({}));
  EXPECT_FALSE(WriteXlsxWorkbook({XlsxSheet{"台帳", {}}, XlsxSheet{"台帳", {}}}));
  EXPECT_FALSE(WriteXlsxWorkbook({XlsxSheet{"a?", {}}}));
}

TEST(XlsxWriter, WritesWhatTheReaderReadsBack) {
  XlsxSheet s{"情報資産", {}};
  s.rows = {{std::string("資産番号"), std::string("名称"), std::string("時間"), std::string("日付")},
            {std::string("0012"), std::string("改行\r\nと\"引用\"<&>"), std::int64_t{24}, Date{2026, 4, 1}},
            {std::string("_x0041_"), std::string(""), std::int64_t{-3}, std::string("ctl\x01")}};
  XlsxSheet empty{"空", {}};
  auto bytes = WriteXlsxWorkbook({s, empty});
  ASSERT_TRUE(bytes) << bytes.error().ToString();
  auto sheets = ReadXlsx(*bytes, "t.xlsx", Limits{});
  ASSERT_TRUE(sheets) << sheets.error().ToString();
  ASSERT_EQ(sheets->size(), 2u);
  EXPECT_EQ((*sheets)[0].name, "情報資産");
  EXPECT_EQ((*sheets)[0].rows, (Rows{{"資産番号", "名称", "時間", "日付"},
                                     {"0012", "改行\r\nと\"引用\"<&>", "24", "2026-04-01"},
                                     {"_x0041_", "", "-3", "ctl\x01"}}));
  EXPECT_EQ((*sheets)[1].name, "空");
  EXPECT_TRUE((*sheets)[1].rows.empty());

  const std::string sheet1 = Part(*bytes, "xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet1.find(R"(state="frozen")"), std::string::npos);
  EXPECT_NE(sheet1.find(R"(<autoFilter ref="A1:D3"/>)"), std::string::npos);
  EXPECT_NE(sheet1.find("<cols>"), std::string::npos);
  EXPECT_NE(sheet1.find(R"(<c r="A1" s="1" t="s">)"), std::string::npos);  // bold header
  EXPECT_NE(Part(*bytes, "xl/workbook.xml").find("_xlnm._FilterDatabase"), std::string::npos);
  EXPECT_NE(Part(*bytes, "xl/sharedStrings.xml").find("_x005F_x0041_"), std::string::npos);
}

TEST(XlsxWriter, SameContentSameBytes) {
  const XlsxSheet s{"a", {{std::string("x")}}};
  EXPECT_EQ(*WriteXlsxWorkbook({s}), *WriteXlsxWorkbook({s}));
}

TEST(XlsxWriter, RejectsWhatExcelCannotHold) {
  XlsxSheet s{"a", {{std::string(32768, 'x')}}};
  auto r = WriteXlsxWorkbook({s});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().where.field, "A1");
  s.rows = {{std::string("\xFF")}};
  EXPECT_FALSE(WriteXlsxWorkbook({s}));
  s.rows = {{std::string(32767, 'x')}};
  EXPECT_TRUE(WriteXlsxWorkbook({s}));
}

// LibreOffice, when installed, must open the file and see the same cells.
TEST(XlsxWriter, LibreOfficeOpensIt) {
  if (std::system("command -v soffice >/dev/null 2>&1") != 0) GTEST_SKIP() << "LibreOffice (soffice) is not installed";
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("mamori_xlsx_lo_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  XlsxSheet s{"情報資産", {{std::string("資産番号"), std::string("名称"), std::string("時間"), std::string("日付")},
                           {std::string("0012"), std::string("①髙, \"引用\""), std::int64_t{24}, Date{2026, 4, 1}}}};
  auto bytes = WriteXlsxWorkbook({s});
  ASSERT_TRUE(bytes);
  testing::WriteFile(dir / "book.xlsx", *bytes);
  const std::string cmd = "cd '" + dir.string() + "' && HOME='" + dir.string() +
                          "' timeout 120 soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' "
                          "book.xlsx >/dev/null 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  auto csv = ReadCsv(testing::ReadFile(dir / "book.csv"), "book.csv", Limits{});
  ASSERT_TRUE(csv) << csv.error().ToString();
  EXPECT_EQ(csv->rows, (Rows{{"資産番号", "名称", "時間", "日付"}, {"0012", "①髙, \"引用\"", "24", "2026-04-01"}}));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace mamori::exchange
