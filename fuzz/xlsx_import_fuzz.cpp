// xlsx_import_fuzz: arbitrary bytes as an uploaded XLSX register (src/exchange).
//
// Mutated zip files rarely get past the CRC, so the first byte chooses what
// the rest is: 'S' a worksheet's XML, 'T' the shared strings, 'Y' the styles,
// 'W' the workbook part; each is wrapped into an otherwise valid workbook.
// Anything else is the .xlsx file itself. Every sheet read is mapped to rows;
// what imports cleanly must survive WriteXlsx and a second import unchanged.
// Built only in the fuzz preset (clang++-14, -fsanitize=fuzzer).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "exchange/export.h"
#include "exchange/mapping.h"
#include "exchange/xlsx_reader.h"
#include "exchange/zip.h"

namespace {

constexpr std::string_view kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

const std::string kWorkbook = std::string(R"(<workbook xmlns=")") + std::string(kMain) +
                              R"(" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
                              R"(<sheets><sheet name="情報資産" sheetId="1" r:id="rId1"/></sheets></workbook>)";
const std::string kRels =
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>)"
    R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
    R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>)"
    R"(</Relationships>)";
const std::string kStyles = std::string(R"(<styleSheet xmlns=")") + std::string(kMain) +
                            R"("><numFmts><numFmt numFmtId="164" formatCode="0000"/></numFmts>)"
                            R"(<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>)";
const std::string kShared = std::string(R"(<sst xmlns=")") + std::string(kMain) +
                            R"("><si><t>資産番号</t></si><si><t>資産名称</t></si><si><t>系統</t></si>)"
                            R"(<si><r><t>LGWAN</t></r><r><t>接続系</t></r></si><si><t>名簿</t><rPh><t>メイボ</t></rPh></si></sst>)";
const std::string kSheet = std::string(R"(<worksheet xmlns=")") + std::string(kMain) +
                           R"("><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>)"
                           R"(<c r="C1" t="s"><v>2</v></c></row><row r="2"><c r="A2" s="2"><v>12</v></c>)"
                           R"(<c r="B2" t="s"><v>4</v></c><c r="C2" t="s"><v>3</v></c></row></sheetData></worksheet>)";

mamori::exchange::Limits FuzzLimits() {
  mamori::exchange::Limits l;
  l.max_file_bytes = 4u << 20;
  l.max_rows = 20'000;
  l.max_columns = 256;
  l.max_cell_bytes = 64u << 10;
  l.max_cells = 200'000;
  l.max_zip_entries = 64;
  l.max_entry_bytes = 16u << 20;
  l.max_total_bytes = 64u << 20;
  l.max_sheets = 16;
  l.max_shared_strings = 100'000;
  l.max_xml_depth = 32;
  return l;
}

// The input as one part of a workbook whose other parts are fixed.
std::string Wrap(char part, std::string_view xml) {
  auto zip = mamori::exchange::ZipWriter::Create();
  if (!zip) std::abort();
  const std::string body(xml);
  (void)zip->Add("_rels/.rels",
                 R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
                 R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>)"
                 R"(</Relationships>)");
  (void)zip->Add("xl/workbook.xml", part == 'W' ? body : kWorkbook);
  (void)zip->Add("xl/_rels/workbook.xml.rels", kRels);
  (void)zip->Add("xl/styles.xml", part == 'Y' ? body : kStyles);
  (void)zip->Add("xl/sharedStrings.xml", part == 'T' ? body : kShared);
  (void)zip->Add("xl/worksheets/sheet1.xml", part == 'S' ? body : kSheet);
  auto bytes = zip->Finish();
  if (!bytes) std::abort();
  return *bytes;
}

void CheckRoundTrip(const mamori::exchange::MappedSheet& mapped, const mamori::exchange::Limits& limits) {
  auto xlsx = mamori::exchange::WriteXlsx({{mapped.kind, mapped.rows}});
  if (!xlsx) return;  // e.g. a cell longer than Excel allows
  auto sheets = mamori::exchange::ReadXlsx(*xlsx, "roundtrip.xlsx", limits);
  if (!sheets) return;  // e.g. the export grew past a limit
  auto again = mamori::exchange::MapSheet(sheets->front(), mapped.kind);
  if (!again || again->rows != mapped.rows) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const auto limits = FuzzLimits();
  std::string wrapped;
  if (!bytes.empty() && (bytes[0] == 'S' || bytes[0] == 'T' || bytes[0] == 'Y' || bytes[0] == 'W')) {
    if (bytes.size() > limits.max_entry_bytes) return 0;
    wrapped = Wrap(bytes[0], bytes.substr(1));
    bytes = wrapped;
  }
  auto sheets = mamori::exchange::ReadXlsx(bytes, "fuzz.xlsx", limits);
  if (!sheets) return 0;
  for (const auto& sheet : *sheets) {
    auto mapped = mamori::exchange::MapSheet(sheet, std::nullopt);
    if (mapped) CheckRoundTrip(*mapped, limits);
  }
  return 0;
}
