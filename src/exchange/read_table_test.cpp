#include "exchange/read_table.h"

#include <random>

#include <gtest/gtest.h>

#include "exchange/test_support.h"

namespace mamori::exchange {
namespace {

void ExpectNotSpreadsheet(const std::string& bytes, std::string_view mentions = {}) {
  auto r = ReadTable(bytes, "upload.bin", Limits{});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kParse);
  EXPECT_NE(r.error().message.find("表計算ファイル"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find(mentions), std::string::npos) << r.error().message;
  EXPECT_EQ(r.error().where.file, "upload.bin");
}

TEST(ReadTable, TellsCsvFromXlsxByContent) {
  auto csv = ReadTable("資産番号,資産名称\nA-1,x\n", "register.xlsx", Limits{});
  ASSERT_TRUE(csv) << csv.error().ToString();
  EXPECT_EQ(csv->front().source, SheetSource::kCsv);
  auto xlsx = ReadTable(testing::ReadFile(testing::DataDir() / "handmade.xlsx"), "register.csv", Limits{});
  ASSERT_TRUE(xlsx) << xlsx.error().ToString();
  EXPECT_EQ(xlsx->front().source, SheetSource::kXlsx);
}

TEST(ReadTable, FilesThatAreNoSpreadsheet) {
  std::mt19937 rng(1);
  std::string random(4096, '\0');
  for (auto& c : random) c = static_cast<char>(rng());
  ExpectNotSpreadsheet(random);
  ExpectNotSpreadsheet(std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16), "PNG");
  ExpectNotSpreadsheet("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj", "PDF");
  ExpectNotSpreadsheet(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(100, '\0'), ".xls");
  ExpectNotSpreadsheet(std::string("\xFF\xFE\x44\x8CU\x75", 6), "UTF-16");
  ExpectNotSpreadsheet(testing::ReadFile(testing::DataDir() / "not_a_workbook.zip"), "workbook.xml");
  ExpectNotSpreadsheet(testing::MakeZip({{"a.txt", "hello"}}), "workbook.xml");
  ExpectNotSpreadsheet(std::string("PK\x05\x06", 4) + std::string(18, '\0'));
  auto empty = ReadTable("", "empty.csv", Limits{});
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code, ErrorCode::kParse);
}

TEST(ReadTable, DetectFormat) {
  EXPECT_EQ(DetectFormat("a,b\n"), FileFormat::kCsv);
  EXPECT_EQ(DetectFormat("\x8E\x91\x8E\x59,x\r\n"), FileFormat::kCsv);  // CP932
  EXPECT_EQ(DetectFormat(std::string("PK\x03\x04", 4)), FileFormat::kXlsx);
  EXPECT_EQ(DetectFormat(std::string("a,b\0", 4)), FileFormat::kNotSpreadsheet);
  EXPECT_EQ(DetectFormat("a\x01\x02\x03,b"), FileFormat::kNotSpreadsheet);
}

TEST(ReadTable, FileSizeLimit) {
  Limits l;
  l.max_file_bytes = 4;
  auto r = ReadTable("a,b,c\n", "t.csv", l);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kLimit);
}

}  // namespace
}  // namespace mamori::exchange
