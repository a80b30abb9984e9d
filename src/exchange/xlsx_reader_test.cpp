#include "exchange/xlsx_reader.h"

#include <gtest/gtest.h>

#include "exchange/test_support.h"

namespace mamori::exchange {
namespace {

using Rows = std::vector<std::vector<std::string>>;
using testing::MakeXlsx;
using testing::MakeZip;

Result<std::vector<Sheet>> Read(const std::string& bytes, const Limits& limits = {}) {
  return ReadXlsx(bytes, "台帳.xlsx", limits);
}

Sheet ReadOne(const std::string& bytes) {
  auto sheets = Read(bytes);
  if (!sheets) {
    ADD_FAILURE() << sheets.error().ToString();
    return {};
  }
  EXPECT_EQ(sheets->size(), 1u);
  return sheets->front();
}

TEST(XlsxReader, HandMadeWorkbook) {
  auto sheets = Read(testing::ReadFile(testing::DataDir() / "handmade.xlsx"));
  ASSERT_TRUE(sheets) << sheets.error().ToString();
  ASSERT_EQ(sheets->size(), 2u);
  const Sheet& guide = (*sheets)[0];
  EXPECT_EQ(guide.name, "記入例");
  EXPECT_EQ(guide.rows, (Rows{{"この台帳の書き方"}}));
  const Sheet& s = (*sheets)[1];
  EXPECT_EQ(s.name, "情報資産管理台帳");
  EXPECT_EQ(s.source, SheetSource::kXlsx);
  EXPECT_EQ(s.file, "台帳.xlsx");
  EXPECT_EQ(s.rows, (Rows{
                        {"情報資産管理台帳（令和8年4月1日現在）"},
                        {"記録番号", "種別", "実施日", "対象", "是正済み", "結果"},
                        {"0012", "自己点検", "2026-04-01", "SYS-01", "", "指摘なし\r\n（軽微 1 件）"},
                        {"0013", "監査", "2026-09-30", "税務課", "", "_x0041_ はそのまま"},
                        {"R-0014", "自己点検", "2027-04-01", "", "TRUE"},
                        {"15", "自己点検", "2027-04-05", "0.375"},
                    }));
  EXPECT_EQ(s.source_lines, (std::vector<std::uint64_t>{1, 3, 4, 5, 6, 9}));
}

TEST(XlsxReader, CellTypesAndGaps) {
  const Sheet s = ReadOne(MakeXlsx(
      R"(<row r="2"><c r="C2" t="inlineStr"><is><t>c</t></is></c><c r="A2" t="n"><v>1</v></c></row>)"
      R"(<row><c t="b"><v>0</v></c><c t="e"><v>#N/A</v></c><c t="d"><v>2026-04-01T00:00:00</v></c>)"
      R"(<c t="s"><v>1</v></c><c t="str"><v>式</v></c><c><v>2.50</v></c></row>)",
      {"<t>zero</t>", R"(<r><t xml:space="preserve">one </t></r><r><t>two</t></r>)"}));
  EXPECT_EQ(s.rows, (Rows{{"1", "", "c"}, {"FALSE", "#N/A", "2026-04-01", "one two", "式", "2.5"}}));
  EXPECT_EQ(s.source_lines, (std::vector<std::uint64_t>{2, 3}));
}

TEST(XlsxReader, NamespacePrefixesAndDeclarationsDoNotConfuseAttributes) {
  const Sheet s = ReadOne(MakeXlsx(R"(<row r="1" xmlns:x14ac="urn:x14ac" x14ac:dyDescent="0.25">)"
                                   R"(<c xmlns:r="urn:r" r="B1"><v>2</v></c></row>)"));
  EXPECT_EQ(s.rows, (Rows{{"", "2"}}));
}

TEST(XlsxReader, DatesByStyleAndThe1904System) {
  const std::string xfs = R"(<xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/>)";
  const std::string fmts = R"(<numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>)";
  const std::string data = R"(<row r="1"><c r="A1" s="1"><v>46113</v></c><c r="B1" s="2"><v>46113</v></c>)"
                           R"(<c r="C1"><v>46113</v></c><c r="D1" s="9"><v>46113</v></c></row>)";
  EXPECT_EQ(ReadOne(MakeXlsx(data, {}, xfs, fmts)).rows, (Rows{{"2026-04-01", "2026-04-01", "46113", "46113"}}));
  EXPECT_EQ(ReadOne(MakeXlsx(data, {}, xfs, fmts, R"(<workbookPr date1904="1"/>)")).rows,
            (Rows{{"2030-04-02", "2030-04-02", "46113", "46113"}}));
}

TEST(XlsxReader, BadCellReferencesAndIndexes) {
  auto r = Read(MakeXlsx(R"(<row r="1"><c r="A1" t="s"><v>5</v></c></row>)", {"<t>only</t>"}));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kParse);
  EXPECT_NE(r.error().message.find("A1"), std::string::npos) << r.error().message;
  r = Read(MakeXlsx(R"(<row r="0"><c r="A1"><v>1</v></c></row>)"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kParse);
  r = Read(MakeXlsx(R"(<row r="1"><c r="1A"><v>1</v></c></row>)"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kParse);
  r = Read(MakeXlsx(R"(<row r="1"><c r="A1"><v>1</v></c></row)"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kParse);
  EXPECT_NE(r.error().message.find("XLSXとして読めません"), std::string::npos) << r.error().message;
}

TEST(XlsxReader, NotASpreadsheet) {
  for (const std::string& bytes : {std::string("PK\x03\x04garbage", 11), std::string("%PDF-1.7\n"),
                                   MakeZip({{"word/document.xml", "<document/>"}}),
                                   MakeZip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
                                            {"content.xml", "<x/>"}}),
                                   testing::ReadFile(testing::DataDir() / "not_a_workbook.zip")}) {
    auto r = Read(bytes);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kParse);
    EXPECT_TRUE(r.error().message.starts_with("XLSXとして読めません: ")) << r.error().message;
    EXPECT_EQ(r.error().where.file, "台帳.xlsx");
  }
  auto r = Read(MakeZip({{"word/document.xml", "<document/>"}}));
  EXPECT_NE(r.error().message.find("表計算ファイルではありません"), std::string::npos) << r.error().message;
}

TEST(XlsxReader, RejectsDoctypeAndEntities) {
  const std::string laughs = R"(<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">)"
                             R"(<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>)"
                             R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol2;</t></si></sst>)";
  auto r = Read(MakeZip({{"xl/workbook.xml", R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="a" sheetId="1"/></sheets></workbook>)"},
                         {"xl/sharedStrings.xml", laughs},
                         {"xl/worksheets/sheet1.xml", "<worksheet/>"}}));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kParse);
  EXPECT_NE(r.error().message.find("DOCTYPE"), std::string::npos) << r.error().message;
}

TEST(XlsxReader, ZipBombStopsAtTheEntryLimit) {
  // 64 MiB of zeros deflate to about 64 KiB.
  const std::string bomb = MakeZip({{"xl/workbook.xml", std::string(64u << 20, ' ')}});
  ASSERT_LT(bomb.size(), 1u << 20);
  Limits l;
  l.max_entry_bytes = 1u << 20;
  auto r = Read(bomb, l);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kLimit) << r.error().ToString();
  l = Limits{};
  l.max_total_bytes = 1u << 20;
  r = Read(bomb, l);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kLimit) << r.error().ToString();
}

TEST(XlsxReader, Limits) {
  const std::string rows = R"(<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>)"
                           R"(<row r="2"><c r="A2"><v>3</v></c></row>)";
  const std::string xlsx = MakeXlsx(rows, {"<t>a</t>", "<t>b</t>"});
  ASSERT_TRUE(Read(xlsx));
  auto expect_limit = [&](Limits l, const std::string& bytes = {}) {
    auto r = Read(bytes.empty() ? xlsx : bytes, l);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kLimit) << r.error().ToString();
  };
  Limits l;
  l.max_rows = 1;
  expect_limit(l);
  l = Limits{};
  l.max_columns = 1;
  expect_limit(l);
  l = Limits{};
  l.max_cells = 2;
  expect_limit(l);
  l = Limits{};
  l.max_shared_strings = 1;
  expect_limit(l);
  l = Limits{};
  l.max_zip_entries = 3;
  expect_limit(l);
  l = Limits{};
  l.max_cell_bytes = 3;
  expect_limit(l, MakeXlsx(R"(<row r="1"><c r="A1" t="inlineStr"><is><t>abcd</t></is></c></row>)"));
  l = Limits{};
  l.max_xml_depth = 4;
  expect_limit(l);
  l = Limits{};
  l.max_file_bytes = 100;
  expect_limit(l);
  l = Limits{};
  l.max_sheets = 0;
  expect_limit(l);
}

TEST(XlsxReader, EmptyStyledCellsFarToTheRightDoNotCount) {
  Limits l;
  l.max_columns = 2;
  auto r = Read(MakeXlsx(R"(<row r="1"><c r="A1"><v>1</v></c><c r="XFD1" s="0"/></row>)"), l);
  ASSERT_TRUE(r) << r.error().ToString();
  EXPECT_EQ(r->front().rows, (Rows{{"1"}}));
}

}  // namespace
}  // namespace mamori::exchange
