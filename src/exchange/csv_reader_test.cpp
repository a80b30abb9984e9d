#include "exchange/csv_reader.h"

#include <gtest/gtest.h>

#include "exchange/test_support.h"

namespace mamori::exchange {
namespace {

using Rows = std::vector<std::vector<std::string>>;

Sheet Read(std::string_view bytes, const Limits& limits = {}) {
  auto sheet = ReadCsv(bytes, "台帳.csv", limits);
  if (!sheet) ADD_FAILURE() << sheet.error().ToString();
  return sheet ? *sheet : Sheet{};
}

TEST(CsvReader, ReadsWhatExcelWrites) {
  const Sheet s = Read("資産番号,資産名称,備考\r\n"
                       "A-1,\"書庫B\n（施錠）\",\"備考に \"\"引用\"\" と, カンマ\"\r\n"
                       "A-2,,\r\n");
  EXPECT_EQ(s.name, "台帳");
  EXPECT_EQ(s.file, "台帳.csv");
  EXPECT_EQ(s.source, SheetSource::kCsv);
  EXPECT_EQ(s.encoding, text::Encoding::kUtf8);
  EXPECT_EQ(s.rows, (Rows{{"資産番号", "資産名称", "備考"},
                          {"A-1", "書庫B\n（施錠）", "備考に \"引用\" と, カンマ"},
                          {"A-2", "", ""}}));
  // The record after a quoted newline starts on physical line 4.
  EXPECT_EQ(s.source_lines, (std::vector<std::uint64_t>{1, 2, 4}));
}

TEST(CsvReader, LineEndingsAndEmptyLines) {
  EXPECT_EQ(Read("a,b\nc,d").rows, (Rows{{"a", "b"}, {"c", "d"}}));
  EXPECT_EQ(Read("a,b\rc,d\r").rows, (Rows{{"a", "b"}, {"c", "d"}}));
  const Sheet s = Read("a,b\r\n\r\n\r\nc,d\r\n\r\n");
  EXPECT_EQ(s.rows, (Rows{{"a", "b"}, {"c", "d"}}));
  EXPECT_EQ(s.source_lines, (std::vector<std::uint64_t>{1, 4}));
  EXPECT_EQ(Read("a,\r\n,b").rows, (Rows{{"a", ""}, {"", "b"}}));
  EXPECT_EQ(Read("\"\"").rows, (Rows{{""}}));
  EXPECT_TRUE(Read("").rows.empty());
}

TEST(CsvReader, KeepsRaggedRowsForTheMapperToReport) {
  EXPECT_EQ(Read("a,b,c\n1\n1,2,3,4\n").rows, (Rows{{"a", "b", "c"}, {"1"}, {"1", "2", "3", "4"}}));
}

TEST(CsvReader, AQuoteInsideAnUnquotedValueIsText) {
  EXPECT_EQ(Read("a,5\"x\n").rows, (Rows{{"a", "5\"x"}}));
}

TEST(CsvReader, TabSeparatedWhenTheFileHasTabsAndNoCommas) {
  EXPECT_EQ(Read("資産番号\t資産名称\nA-1\t名簿, 第2版\n").rows, (Rows{{"資産番号", "資産名称"}, {"A-1", "名簿, 第2版"}}));
  EXPECT_EQ(Read("a,b\tc\n").rows, (Rows{{"a", "b\tc"}}));
}

TEST(CsvReader, UnterminatedQuoteIsReportedWhereItOpens) {
  auto r = ReadCsv("資産番号,資産名称\r\nA-1,名簿\r\nA-2,\"課税台帳,備考\r\nA-3,x\r\n", "台帳.csv", Limits{});
  ASSERT_FALSE(r);
  const Error& e = r.error();
  EXPECT_EQ(e.code, ErrorCode::kParse);
  EXPECT_EQ(e.where.file, "台帳.csv");
  EXPECT_EQ(e.where.line, 3u);
  EXPECT_EQ(e.where.column, 5u);  // after "A-2,"
  EXPECT_EQ(e.where.byte_offset, std::string_view("資産番号,資産名称\r\nA-1,名簿\r\nA-2,").size());
  EXPECT_NE(e.message.find("閉じられていません"), std::string::npos) << e.message;
}

TEST(CsvReader, TextAfterAClosingQuoteIsAnError) {
  auto r = ReadCsv("a,b\n\"x\"y,z\n", "t.csv", Limits{});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kParse);
  EXPECT_EQ(r.error().where.line, 2u);
  EXPECT_EQ(r.error().where.column, 4u);
  EXPECT_EQ(r.error().where.byte_offset, 7u);
}

TEST(CsvReader, PositionsInCp932FilesAreBytesOfTheFile) {
  // "資産,\"x" in CP932: 資産 is four bytes, the quote opens at byte 5.
  auto r = ReadCsv(std::string("\x8E\x91\x8E\x59,\"x\r\n", 9), "t.csv", Limits{});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().where.byte_offset, 5u);
  EXPECT_EQ(r.error().where.column, 4u);
}

TEST(CsvReader, InvalidCp932ByteIsReportedByLineColumnAndOffset) {
  // Line 2: "資産" then 0x82 0x20, which is no CP932 character.
  const std::string bytes = std::string("a,b\r\n\x8E\x91\x8E\x59,\x82\x20x\r\n");
  auto r = ReadCsv(bytes, "t.csv", Limits{});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kParse);
  EXPECT_EQ(r.error().where.line, 2u);
  EXPECT_EQ(r.error().where.column, 4u);
  EXPECT_EQ(r.error().where.byte_offset, 10u);
  EXPECT_NE(r.error().message.find("CP932"), std::string::npos);
  EXPECT_NE(r.error().message.find("0x82 0x20"), std::string::npos) << r.error().message;
}

TEST(CsvReader, AUtf8FileWithOneBrokenByteIsNotTakenForCp932) {
  std::string bytes = "資産番号,資産名称,種別\n情報資産,名簿,データ\nA,\xFF\n";
  auto r = ReadCsv(bytes, "t.csv", Limits{});
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("UTF-8"), std::string::npos) << r.error().message;
  EXPECT_EQ(r.error().where.line, 3u);
  EXPECT_EQ(r.error().where.column, 3u);
  EXPECT_EQ(r.error().where.byte_offset, bytes.find('\xFF'));
}

TEST(CsvReader, SameRegisterInUtf8BomAndCp932GivesTheSameCells) {
  const auto dir = testing::DataDir();
  const Sheet utf8 = Read(testing::ReadFile(dir / "assets.utf8.csv"));
  const Sheet bom = Read(testing::ReadFile(dir / "assets.utf8bom.csv"));
  const Sheet cp932 = Read(testing::ReadFile(dir / "assets.cp932.csv"));
  EXPECT_EQ(utf8.encoding, text::Encoding::kUtf8);
  EXPECT_EQ(bom.encoding, text::Encoding::kUtf8Bom);
  EXPECT_EQ(cp932.encoding, text::Encoding::kCp932);
  ASSERT_EQ(utf8.rows.size(), 5u);
  EXPECT_EQ(utf8.rows, bom.rows);
  EXPECT_EQ(utf8.rows, cp932.rows);
  EXPECT_EQ(utf8.source_lines, cp932.source_lines);
  EXPECT_EQ(utf8.rows[3][1], "①髙橋さんの名簿");
}

TEST(CsvReader, Limits) {
  Limits l;
  l.max_file_bytes = 10;
  auto r = ReadCsv("0123456789a", "t.csv", l);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kLimit);

  l = Limits{};
  l.max_rows = 2;
  r = ReadCsv("a\nb\nc\n", "t.csv", l);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kLimit);
  EXPECT_EQ(r.error().where.line, 3u);
  EXPECT_TRUE(ReadCsv("a\nb\n", "t.csv", l));

  l = Limits{};
  l.max_columns = 3;
  r = ReadCsv("a,b,c\n1,2,3,4\n", "t.csv", l);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kLimit);
  EXPECT_EQ(r.error().where.line, 2u);

  l = Limits{};
  l.max_cell_bytes = 4;
  EXPECT_TRUE(ReadCsv("abcd,\"ab\"\"c\"\n", "t.csv", l));
  r = ReadCsv("abcde\n", "t.csv", l);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kLimit);
  r = ReadCsv("\"ab\"\"cd\"\n", "t.csv", l);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kLimit);

  l = Limits{};
  l.max_cells = 5;
  r = ReadCsv("a,b,c\nd,e,f\n", "t.csv", l);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kLimit);
}

}  // namespace
}  // namespace mamori::exchange
