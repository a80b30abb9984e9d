#include "exchange/xlsx_writer.h"

#include <algorithm>
#include <charconv>
#include <unordered_map>

#include <fmt/format.h>

#include "common/text.h"
#include "exchange/number_format.h"
#include "exchange/xlsx_text.h"
#include "exchange/zip.h"

namespace mamori::exchange {
namespace {

constexpr std::string_view kXmlDecl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr std::string_view kMainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr std::string_view kRelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr std::string_view kPackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr std::size_t kMaxCellUtf16 = 32'767;

// Styles (cellXfs): default, header, date, text, wrapped text.
enum Style : int { kDefault = 0, kHeader = 1, kDateStyle = 2, kTextStyle = 3, kWrappedText = 4 };

constexpr std::string_view kStyles =
    R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
    R"(<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/></numFmts>)"
    R"(<fonts count="2">)"
    R"(<font><sz val="11"/><name val="游ゴシック"/><family val="3"/><charset val="128"/><scheme val="minor"/></font>)"
    R"(<font><b/><sz val="11"/><name val="游ゴシック"/><family val="3"/><charset val="128"/><scheme val="minor"/></font>)"
    R"(</fonts>)"
    R"(<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>)"
    R"(<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>)"
    R"(<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>)"
    R"(<cellXfs count="5">)"
    R"(<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>)"
    R"(<xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>)"
    R"(<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>)"
    R"(<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>)"
    R"(<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1">)"
    R"(<alignment vertical="top" wrapText="1"/></xf>)"
    R"(</cellXfs>)"
    R"(<cellStyles count="1"><cellStyle name="標準" xfId="0" builtinId="0"/></cellStyles>)"
    R"(</styleSheet>)";

std::size_t Utf16Length(std::string_view utf8) {
  std::size_t n = 0;
  for (unsigned char c : utf8) {
    if ((c & 0xC0) != 0x80) ++n;
    if ((c & 0xF8) == 0xF0) ++n;  // outside the BMP: a surrogate pair
  }
  return n;
}

// Columns a text takes on screen (East Asian wide characters count two), first line only.
std::size_t DisplayWidth(std::string_view utf8) {
  utf8 = utf8.substr(0, utf8.find('\n'));
  std::size_t width = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
    bool wide = len >= 3;
    if (len == 3 && c == 0xEF && i + 1 < utf8.size()) {  // U+FF61–U+FF9F half-width katakana
      const auto c1 = static_cast<unsigned char>(utf8[i + 1]);
      wide = !(c1 == 0xBD || c1 == 0xBE);
    }
    width += wide ? 2 : 1;
    i += len;
  }
  return width;
}

class SharedStrings {
 public:
  std::size_t Index(const std::string& s) {
    ++count_;
    auto [it, inserted] = index_.emplace(s, order_.size());
    if (inserted) order_.push_back(&it->first);
    return it->second;
  }
  [[nodiscard]] std::string Xml() const {
    std::string out(kXmlDecl);
    out += fmt::format(R"(<sst xmlns="{}" count="{}" uniqueCount="{}">)", kMainNs, count_, order_.size());
    for (const std::string* s : order_) {
      out += R"(<si><t xml:space="preserve">)";
      out += EscapeCellText(*s);
      out += "</t></si>";
    }
    out += "</sst>";
    return out;
  }

 private:
  std::unordered_map<std::string, std::size_t> index_;
  std::vector<const std::string*> order_;
  std::size_t count_ = 0;
};

Error CellError(const XlsxSheet& sheet, std::size_t row, std::size_t column, std::string message) {
  Location where;
  where.file = sheet.name;
  where.row = row + 1;
  where.field = ColumnName(static_cast<std::uint32_t>(column)) + std::to_string(row + 1);
  return Error(ErrorCode::kInvalidArgument, std::move(message), where);
}

void AppendNumber(std::string& out, std::int64_t n) {
  char buffer[24];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, n);
  out.append(buffer, static_cast<std::size_t>(end - buffer));
}

// <c r="B7" s="3" t="s"><v>12</v></c>, without a temporary per cell.
void AppendCell(std::string& out, const std::string& column, std::size_t row, int style, const char* type,
                std::int64_t value) {
  out += "<c r=\"";
  out += column;
  AppendNumber(out, static_cast<std::int64_t>(row));
  out += "\" s=\"";
  AppendNumber(out, style);
  out += '"';
  if (type != nullptr) {
    out += " t=\"";
    out += type;
    out += '"';
  }
  out += "><v>";
  AppendNumber(out, value);
  out += "</v></c>";
}

Result<std::string> WorksheetXml(const XlsxSheet& sheet, bool first, SharedStrings& strings) {
  if (sheet.rows.size() > kMaxXlsxRows)
    return Fail(ErrorCode::kInvalidArgument, fmt::format("シート「{}」の行数が Excel の上限（{} 行）を超えています", sheet.name, kMaxXlsxRows));
  std::size_t columns = 0;
  for (const auto& row : sheet.rows) columns = std::max(columns, row.size());
  if (columns > kMaxXlsxColumns)
    return Fail(ErrorCode::kInvalidArgument, fmt::format("シート「{}」の列数が Excel の上限（{} 列）を超えています", sheet.name, kMaxXlsxColumns));

  // First pass: check the cells and measure the columns (<cols> precedes <sheetData>).
  std::vector<std::size_t> widths(columns, 0);
  std::size_t estimate = 1024;
  for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
    const auto& row = sheet.rows[r];
    for (std::size_t c = 0; c < row.size(); ++c) {
      std::size_t width = 0;
      if (const auto* s = std::get_if<std::string>(&row[c])) {
        if (s->empty()) continue;
        if (!text::IsValidUtf8(*s)) return Fail(CellError(sheet, r, c, "UTF-8 でない文字列は書き出せません"));
        if (Utf16Length(*s) > kMaxCellUtf16)
          return Fail(CellError(sheet, r, c, fmt::format("Excel のセルに入る文字数（{}）を超えています", kMaxCellUtf16)));
        width = DisplayWidth(*s) + (r == 0 ? 3 : 0);
      } else if (const auto* n = std::get_if<std::int64_t>(&row[c])) {
        width = std::to_string(*n).size();
      } else if (const auto* d = std::get_if<Date>(&row[c])) {
        if (!d->Valid()) return Fail(CellError(sheet, r, c, "日付が正しくありません"));
        width = 10;
      }
      widths[c] = std::max(widths[c], width);
      estimate += 40;
    }
    estimate += 16;
  }

  std::vector<std::string> names(columns);
  for (std::size_t c = 0; c < columns; ++c) names[c] = ColumnName(static_cast<std::uint32_t>(c));
  const std::string last =
      columns == 0 ? "A1" : names[columns - 1] + std::to_string(std::max<std::size_t>(sheet.rows.size(), 1));

  std::string out;
  out.reserve(estimate);
  out += kXmlDecl;
  out += fmt::format(R"(<worksheet xmlns="{}" xmlns:r="{}">)", kMainNs, kRelNs);
  out += fmt::format(R"(<dimension ref="A1:{}"/>)", last);
  out += fmt::format(R"(<sheetViews><sheetView workbookViewId="0"{}>)", first ? R"( tabSelected="1")" : "");
  if (!sheet.rows.empty())
    out += R"(<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>)"
           R"(<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>)";
  out += "</sheetView></sheetViews>";
  out += R"(<sheetFormatPr defaultRowHeight="18.75"/>)";
  if (columns > 0) {
    out += "<cols>";
    for (std::size_t c = 0; c < columns; ++c)
      out += fmt::format(R"(<col min="{0}" max="{0}" width="{1}" customWidth="1"/>)", c + 1,
                         std::clamp<std::size_t>(widths[c] + 2, 8, 60));
    out += "</cols>";
  }
  out += "<sheetData>";
  for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
    const auto& row = sheet.rows[r];
    out += "<row r=\"";
    AppendNumber(out, static_cast<std::int64_t>(r + 1));
    out += "\">";
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (const auto* s = std::get_if<std::string>(&row[c])) {
        if (s->empty()) continue;
        const int style = r == 0 ? kHeader : s->find('\n') != std::string::npos ? kWrappedText : kTextStyle;
        AppendCell(out, names[c], r + 1, style, "s", static_cast<std::int64_t>(strings.Index(*s)));
      } else if (const auto* n = std::get_if<std::int64_t>(&row[c])) {
        AppendCell(out, names[c], r + 1, r == 0 ? kHeader : kDefault, nullptr, *n);
      } else if (const auto* d = std::get_if<Date>(&row[c])) {
        AppendCell(out, names[c], r + 1, kDateStyle, nullptr, DateSerial(*d));
      }
    }
    out += "</row>";
  }
  out += "</sheetData>";
  if (columns > 0 && !sheet.rows.empty()) out += fmt::format(R"(<autoFilter ref="A1:{}"/>)", last);
  out += R"(<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>)";
  out += "</worksheet>";
  return out;
}

std::string QuotedSheetName(std::string_view name) {
  std::string out = "'";
  for (char c : name) {
    if (c == '\'') out += "''";
    else out.push_back(c);
  }
  return out + "'";
}

}  // namespace

Result<void> CheckSheetName(std::string_view name) {
  const std::size_t length = Utf16Length(name);
  if (!text::IsValidUtf8(name) || length == 0 || length > 31)
    return Fail(ErrorCode::kInvalidArgument, fmt::format("シート名「{}」は 1〜31 文字にしてください", name));
  if (name.find_first_of("[]:*?/\\") != std::string_view::npos)
    return Fail(ErrorCode::kInvalidArgument, fmt::format("シート名「{}」に使えない文字（[]:*?/\\）があります", name));
  if (name.front() == '\'' || name.back() == '\'')
    return Fail(ErrorCode::kInvalidArgument, fmt::format("シート名「{}」の最初と最後にアポストロフィは使えません", name));
  if (text::FoldKey(name) == "history")
    return Fail(ErrorCode::kInvalidArgument, "シート名「History」は Excel が予約しています");
  return {};
}

Result<std::string> WriteXlsxWorkbook(const std::vector<XlsxSheet>& sheets) {
  if (sheets.empty()) return Fail(ErrorCode::kInvalidArgument, "シートが一つもありません");
  std::vector<std::string> folded_names;
  for (const auto& s : sheets) {
    if (auto ok = CheckSheetName(s.name); !ok) return Fail(ok.error());
    folded_names.push_back(text::FoldKey(s.name));
  }
  for (std::size_t i = 0; i < sheets.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (folded_names[i] == folded_names[j])
        return Fail(ErrorCode::kInvalidArgument, fmt::format("シート名「{}」が二つあります", sheets[i].name));

  SharedStrings strings;
  std::vector<std::string> worksheets;
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    auto xml = WorksheetXml(sheets[i], i == 0, strings);
    if (!xml) return Fail(xml.error());
    worksheets.push_back(std::move(*xml));
  }

  std::string types(kXmlDecl);
  types += R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
           R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
           R"(<Default Extension="xml" ContentType="application/xml"/>)"
           R"(<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>)"
           R"(<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>)"
           R"(<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>)";
  for (std::size_t i = 0; i < sheets.size(); ++i)
    types += fmt::format(R"(<Override PartName="/xl/worksheets/sheet{}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>)", i + 1);
  types += "</Types>";

  std::string root_rels(kXmlDecl);
  root_rels += fmt::format(R"(<Relationships xmlns="{}"><Relationship Id="rId1" Type="{}/officeDocument" Target="xl/workbook.xml"/></Relationships>)",
                           kPackageRelNs, kRelNs);

  std::string workbook(kXmlDecl);
  workbook += fmt::format(R"(<workbook xmlns="{}" xmlns:r="{}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>)", kMainNs, kRelNs);
  std::string defined_names;
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    workbook += fmt::format(R"(<sheet name="{}" sheetId="{}" r:id="rId{}"/>)", EscapeXml(sheets[i].name), i + 1, i + 1);
    std::size_t columns = 0;
    for (const auto& row : sheets[i].rows) columns = std::max(columns, row.size());
    if (columns == 0 || sheets[i].rows.empty()) continue;
    defined_names += fmt::format(R"(<definedName name="_xlnm._FilterDatabase" localSheetId="{}" hidden="1">{}!$A$1:${}${}</definedName>)",
                                 i, EscapeXml(QuotedSheetName(sheets[i].name)),
                                 ColumnName(static_cast<std::uint32_t>(columns - 1)), sheets[i].rows.size());
  }
  workbook += "</sheets>";
  if (!defined_names.empty()) workbook += "<definedNames>" + defined_names + "</definedNames>";
  workbook += "</workbook>";

  std::string workbook_rels(kXmlDecl);
  workbook_rels += fmt::format(R"(<Relationships xmlns="{}">)", kPackageRelNs);
  for (std::size_t i = 0; i < sheets.size(); ++i)
    workbook_rels += fmt::format(R"(<Relationship Id="rId{}" Type="{}/worksheet" Target="worksheets/sheet{}.xml"/>)", i + 1, kRelNs, i + 1);
  workbook_rels += fmt::format(R"(<Relationship Id="rId{}" Type="{}/styles" Target="styles.xml"/>)", sheets.size() + 1, kRelNs);
  workbook_rels += fmt::format(R"(<Relationship Id="rId{}" Type="{}/sharedStrings" Target="sharedStrings.xml"/>)", sheets.size() + 2, kRelNs);
  workbook_rels += "</Relationships>";

  auto zip = ZipWriter::Create();
  if (!zip) return Fail(zip.error());
  for (auto [name, content] : {std::pair<const char*, std::string*>{"[Content_Types].xml", &types},
                                {"_rels/.rels", &root_rels},
                                {"xl/workbook.xml", &workbook},
                                {"xl/_rels/workbook.xml.rels", &workbook_rels}}) {
    if (auto ok = zip->Add(name, std::move(*content)); !ok) return Fail(ok.error());
  }
  if (auto ok = zip->Add("xl/styles.xml", std::string(kXmlDecl) + std::string(kStyles)); !ok) return Fail(ok.error());
  if (auto ok = zip->Add("xl/sharedStrings.xml", strings.Xml()); !ok) return Fail(ok.error());
  for (std::size_t i = 0; i < worksheets.size(); ++i) {
    if (auto ok = zip->Add(fmt::format("xl/worksheets/sheet{}.xml", i + 1), std::move(worksheets[i])); !ok)
      return Fail(ok.error());
  }
  return zip->Finish();
}

}  // namespace mamori::exchange
