#include "exchange/xlsx_reader.h"

#include <charconv>
#include <map>

#include <fmt/format.h>

#include "exchange/number_format.h"
#include "exchange/xlsx_text.h"
#include "exchange/xml.h"
#include "exchange/zip.h"

namespace mamori::exchange {
namespace {

Error NotXlsx(std::string_view file, std::string_view why) {
  Location where;
  where.file = std::string(file);
  return Error(ErrorCode::kParse, fmt::format("XLSXとして読めません: {}", why), where);
}

template <typename T>
std::optional<T> ParseUnsigned(std::string_view s) {
  T n{};
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return n;
}

// "xl/" + "worksheets/sheet1.xml", "/xl/x.xml", "../y.xml" → a zip entry name.
std::string ResolvePart(std::string_view base_dir, std::string_view target) {
  std::string joined = target.starts_with('/') ? std::string(target.substr(1)) : std::string(base_dir) + std::string(target);
  std::vector<std::string> parts;
  for (const auto& seg : text::Split(joined, '/')) {
    if (seg.empty() || seg == ".") continue;
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
      continue;
    }
    parts.push_back(seg);
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

std::string DirOf(std::string_view part) {
  const auto slash = part.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
}

std::string RelsOf(std::string_view part) {
  const auto slash = part.rfind('/');
  const std::string dir = slash == std::string_view::npos ? "" : std::string(part.substr(0, slash + 1));
  const std::string name(slash == std::string_view::npos ? part : part.substr(slash + 1));
  return dir + "_rels/" + name + ".rels";
}

// ---- parts -------------------------------------------------------------------

struct Relationship {
  std::string id;
  std::string type;
  std::string target;
  bool external = false;
};

class RelsHandler final : public XmlHandler {
 public:
  std::vector<Relationship> rels;
  Result<void> Start(std::string_view name, const char** attrs) override {
    if (name != "Relationship") return {};
    Relationship r;
    r.id = Attr(attrs, "Id").value_or("");
    r.type = Attr(attrs, "Type").value_or("");
    r.target = Attr(attrs, "Target").value_or("");
    r.external = Attr(attrs, "TargetMode").value_or("") == "External";
    if (rels.size() < 100'000) rels.push_back(std::move(r));
    return {};
  }
  Result<void> End(std::string_view) override { return {}; }
  Result<void> Text(std::string_view) override { return {}; }
};

struct SheetEntry {
  std::string name;
  std::string rel_id;
};

class WorkbookHandler final : public XmlHandler {
 public:
  explicit WorkbookHandler(const Limits& limits, std::string file) : limits_(limits), file_(std::move(file)) {}
  std::vector<SheetEntry> sheets;
  bool date1904 = false;
  bool seen_workbook = false;

  Result<void> Start(std::string_view name, const char** attrs) override {
    if (name == "workbook") seen_workbook = true;
    if (name == "workbookPr") {
      const auto v = Attr(attrs, "date1904").value_or("");
      date1904 = v == "1" || v == "true";
    } else if (name == "sheet") {
      if (sheets.size() >= limits_.max_sheets) {
        Location where;
        where.file = file_;
        return Fail(ErrorCode::kLimit, fmt::format("シート数が上限（{}）を超えています", limits_.max_sheets), where);
      }
      sheets.push_back({std::string(Attr(attrs, "name").value_or("")), std::string(Attr(attrs, "id").value_or(""))});
    }
    return {};
  }
  Result<void> End(std::string_view) override { return {}; }
  Result<void> Text(std::string_view) override { return {}; }

 private:
  const Limits& limits_;
  std::string file_;
};

// Text of <t> elements, skipping phonetic guides (<rPh>): for <si> and <is>.
class RunText {
 public:
  void Start(std::string_view name) {
    if (name == "rPh") ++phonetic_;
    else if (name == "t") in_t_ = true;
  }
  void End(std::string_view name) {
    if (name == "rPh" && phonetic_ > 0) --phonetic_;
    else if (name == "t") in_t_ = false;
  }
  [[nodiscard]] bool Collecting() const { return in_t_ && phonetic_ == 0; }
  void Reset() {
    in_t_ = false;
    phonetic_ = 0;
  }

 private:
  bool in_t_ = false;
  int phonetic_ = 0;
};

class SharedStringsHandler final : public XmlHandler {
 public:
  SharedStringsHandler(const Limits& limits, std::string file) : limits_(limits), file_(std::move(file)) {}
  std::vector<std::string> strings;

  Result<void> Start(std::string_view name, const char**) override {
    if (name == "si") {
      in_si_ = true;
      buffer_.clear();
      run_.Reset();
    } else if (in_si_) {
      run_.Start(name);
    }
    return {};
  }
  Result<void> End(std::string_view name) override {
    if (name == "si" && in_si_) {
      in_si_ = false;
      if (strings.size() >= limits_.max_shared_strings)
        return Fail(ErrorCode::kLimit, fmt::format("共有文字列の数が上限（{}）を超えています", limits_.max_shared_strings), Where());
      strings.push_back(DecodeXstring(buffer_));
      if (strings.back().size() > limits_.max_cell_bytes) return CellTooBig();
    } else if (in_si_) {
      run_.End(name);
    }
    return {};
  }
  Result<void> Text(std::string_view text) override {
    if (!in_si_ || !run_.Collecting()) return {};
    buffer_.append(text);
    if (buffer_.size() > 8 * limits_.max_cell_bytes) return CellTooBig();
    return {};
  }

 private:
  Location Where() const {
    Location where;
    where.file = file_;
    return where;
  }
  Result<void> CellTooBig() const {
    return Fail(ErrorCode::kLimit, fmt::format("セルの大きさが上限（{} バイト）を超えています（共有文字列 {} 番）",
                                               limits_.max_cell_bytes, strings.size()),
                Where());
  }
  const Limits& limits_;
  std::string file_;
  bool in_si_ = false;
  RunText run_;
  std::string buffer_;
};

class StylesHandler final : public XmlHandler {
 public:
  std::map<int, std::string> codes;
  std::vector<int> xf_format_ids;

  Result<void> Start(std::string_view name, const char** attrs) override {
    if (name == "numFmts") in_numfmts_ = true;
    else if (name == "cellXfs") in_cellxfs_ = true;
    else if (name == "numFmt" && in_numfmts_) {
      const auto id = ParseUnsigned<int>(Attr(attrs, "numFmtId").value_or(""));
      if (id && codes.size() < 10'000) codes[*id] = std::string(Attr(attrs, "formatCode").value_or(""));
    } else if (name == "xf" && in_cellxfs_) {
      if (xf_format_ids.size() < 1'000'000)
        xf_format_ids.push_back(ParseUnsigned<int>(Attr(attrs, "numFmtId").value_or("0")).value_or(0));
    }
    return {};
  }
  Result<void> End(std::string_view name) override {
    if (name == "numFmts") in_numfmts_ = false;
    else if (name == "cellXfs") in_cellxfs_ = false;
    return {};
  }
  Result<void> Text(std::string_view) override { return {}; }

  [[nodiscard]] std::vector<NumberFormat> Formats() const {
    std::vector<NumberFormat> out;
    out.reserve(xf_format_ids.size());
    for (int id : xf_format_ids) {
      const auto it = codes.find(id);
      out.push_back(ClassifyNumberFormat(id, it == codes.end() ? std::string_view() : std::string_view(it->second)));
    }
    return out;
  }

 private:
  bool in_numfmts_ = false;
  bool in_cellxfs_ = false;
};

struct WorkbookContext {
  std::vector<std::string> shared_strings;
  std::vector<NumberFormat> formats;
  bool date1904 = false;
  std::uint64_t cells = 0;  // all sheets, against limits.max_cells
};

class WorksheetHandler final : public XmlHandler {
 public:
  WorksheetHandler(Sheet& sheet, WorkbookContext& book, const Limits& limits)
      : sheet_(sheet), book_(book), limits_(limits) {}

  Result<void> Start(std::string_view name, const char** attrs) override {
    if (name == "sheetData") {
      in_data_ = true;
    } else if (!in_data_) {
      return {};
    } else if (name == "row") {
      in_row_ = true;
      std::uint64_t number = row_number_ + 1;
      if (const auto r = Attr(attrs, "r")) {
        const auto parsed = ParseUnsigned<std::uint64_t>(*r);
        if (!parsed || *parsed == 0 || *parsed > kMaxXlsxRows)
          return Fail(ErrorCode::kParse, fmt::format("XLSXとして読めません: 行番号「{}」が正しくありません", *r), Where());
        number = *parsed;
      }
      row_number_ = number;
      row_.clear();
      column_ = -1;
    } else if (name == "c" && in_row_) {
      in_cell_ = true;
      std::int64_t column = column_ + 1;
      if (const auto r = Attr(attrs, "r")) {
        const auto parsed = ColumnIndex(*r);
        if (!parsed) return Fail(ErrorCode::kParse, fmt::format("XLSXとして読めません: セル番地「{}」が正しくありません", *r), Where());
        column = *parsed;
      }
      column_ = column;
      type_ = std::string(Attr(attrs, "t").value_or("n"));
      style_ = ParseUnsigned<std::uint32_t>(Attr(attrs, "s").value_or("0")).value_or(0);
      value_.clear();
      run_.Reset();
    } else if (in_cell_) {
      if (name == "v") in_v_ = true;
      else if (name == "is") in_is_ = true;
      else if (in_is_) run_.Start(name);
    }
    return {};
  }

  Result<void> End(std::string_view name) override {
    if (name == "sheetData") {
      in_data_ = false;
    } else if (!in_data_) {
      return {};
    } else if (name == "row" && in_row_) {
      in_row_ = false;
      return FinishRow();
    } else if (name == "c" && in_cell_) {
      in_cell_ = false;
      in_v_ = in_is_ = false;
      return FinishCell();
    } else if (name == "v") {
      in_v_ = false;
    } else if (name == "is") {
      in_is_ = false;
    } else if (in_is_) {
      run_.End(name);
    }
    return {};
  }

  Result<void> Text(std::string_view text) override {
    if (!in_cell_ || !(in_v_ || (in_is_ && run_.Collecting()))) return {};
    value_.append(text);
    if (value_.size() > 8 * limits_.max_cell_bytes) return CellTooBig();
    return {};
  }

 private:
  Location Where() const {
    Location where;
    where.file = fmt::format("{} [{}]", sheet_.file, sheet_.name);
    if (row_number_ > 0) where.row = row_number_;
    return where;
  }
  std::string CellRef() const { return ColumnName(static_cast<std::uint32_t>(column_)) + std::to_string(row_number_); }
  Result<void> CellTooBig() const {
    return Fail(ErrorCode::kLimit,
                fmt::format("セル {} の大きさが上限（{} バイト）を超えています", CellRef(), limits_.max_cell_bytes), Where());
  }

  Result<std::string> CellText() const {
    if (type_ == "s") {
      const auto index = ParseUnsigned<std::size_t>(text::Trim(value_));
      if (!index || *index >= book_.shared_strings.size())
        return Fail(ErrorCode::kParse,
                    fmt::format("XLSXとして読めません: セル {} の共有文字列番号「{}」がありません", CellRef(), value_), Where());
      return book_.shared_strings[*index];
    }
    if (type_ == "inlineStr" || type_ == "str") return DecodeXstring(value_);
    if (type_ == "b") return value_ == "1" ? std::string("TRUE") : value_ == "0" ? std::string("FALSE") : value_;
    if (type_ == "n") {
      if (value_.empty()) return std::string();
      const NumberFormat general;
      const NumberFormat& format = style_ < book_.formats.size() ? book_.formats[style_] : general;
      return FormatNumberCell(value_, format, book_.date1904);
    }
    if (type_ == "d" && value_.ends_with("T00:00:00")) return value_.substr(0, value_.size() - 9);
    return value_;  // "e" (#N/A …), "d", and anything unknown: as written
  }

  Result<void> FinishCell() {
    auto text = CellText();
    if (!text) return Fail(text.error());
    if (text->empty()) return {};
    if (text->size() > limits_.max_cell_bytes) return CellTooBig();
    if (static_cast<std::uint64_t>(column_) >= limits_.max_columns)
      return Fail(ErrorCode::kLimit,
                  fmt::format("列数が上限（{} 列）を超えています（セル {}）", limits_.max_columns, CellRef()), Where());
    if (++book_.cells > limits_.max_cells)
      return Fail(ErrorCode::kLimit, fmt::format("セル数が上限（{}）を超えています", limits_.max_cells), Where());
    const auto column = static_cast<std::size_t>(column_);
    if (column < row_.size()) {
      row_[column] = std::move(*text);
    } else {
      row_.resize(column);
      row_.push_back(std::move(*text));
    }
    return {};
  }

  Result<void> FinishRow() {
    if (row_.empty()) return {};
    if (sheet_.rows.size() >= limits_.max_rows)
      return Fail(ErrorCode::kLimit, fmt::format("行数が上限（{} 行）を超えています", limits_.max_rows), Where());
    const std::size_t width = row_.size();
    sheet_.rows.push_back(std::move(row_));
    sheet_.source_lines.push_back(row_number_);
    row_ = {};
    row_.reserve(width);
    return {};
  }

  Sheet& sheet_;
  WorkbookContext& book_;
  const Limits& limits_;
  bool in_data_ = false;
  bool in_row_ = false;
  bool in_cell_ = false;
  bool in_v_ = false;
  bool in_is_ = false;
  RunText run_;
  std::uint64_t row_number_ = 0;
  std::int64_t column_ = -1;
  std::string type_;
  std::uint32_t style_ = 0;
  std::string value_;
  std::vector<std::string> row_;
};

// ---- the workbook ----------------------------------------------------------------

class XlsxReader {
 public:
  XlsxReader(ZipReader& zip, std::string file, const Limits& limits) : zip_(zip), file_(std::move(file)), limits_(limits) {}

  Result<std::vector<Sheet>> Read() {
    if (auto odf = RejectOpenDocument(); !odf) return Fail(odf.error());
    auto workbook_part = FindWorkbook();
    if (!workbook_part) return Fail(workbook_part.error());
    WorkbookHandler workbook(limits_, file_);
    if (auto ok = Parse(*workbook_part, workbook); !ok) return Fail(ok.error());
    if (!workbook.seen_workbook) return Fail(NotXlsx(file_, fmt::format("{} はブックではありません", *workbook_part)));
    book_.date1904 = workbook.date1904;

    const std::string base = DirOf(*workbook_part);
    RelsHandler rels;
    if (zip_.Has(RelsOf(*workbook_part))) {
      if (auto ok = Parse(RelsOf(*workbook_part), rels); !ok) return Fail(ok.error());
    }
    const Relationship* shared = FindByType(rels.rels, "/sharedStrings");
    const std::string shared_part = shared ? ResolvePart(base, shared->target) : base + "sharedStrings.xml";
    if (zip_.Has(shared_part)) {
      SharedStringsHandler strings(limits_, file_);
      if (auto ok = Parse(shared_part, strings); !ok) return Fail(ok.error());
      book_.shared_strings = std::move(strings.strings);
    }
    const Relationship* styles = FindByType(rels.rels, "/styles");
    const std::string styles_part = styles ? ResolvePart(base, styles->target) : base + "styles.xml";
    if (zip_.Has(styles_part)) {
      StylesHandler handler;
      if (auto ok = Parse(styles_part, handler); !ok) return Fail(ok.error());
      book_.formats = handler.Formats();
    }

    std::vector<Sheet> sheets;
    for (std::size_t i = 0; i < workbook.sheets.size(); ++i) {
      const SheetEntry& entry = workbook.sheets[i];
      std::string part = fmt::format("{}worksheets/sheet{}.xml", base, i + 1);
      for (const auto& r : rels.rels) {
        if (r.id != entry.rel_id || r.external) continue;
        if (!r.type.ends_with("/worksheet")) part.clear();  // a chart or dialog sheet
        else part = ResolvePart(base, r.target);
        break;
      }
      if (part.empty()) continue;
      if (!zip_.Has(part)) return Fail(NotXlsx(file_, fmt::format("シート「{}」の {} がありません", entry.name, part)));
      Sheet sheet;
      sheet.name = entry.name;
      sheet.file = file_;
      sheet.source = SheetSource::kXlsx;
      WorksheetHandler handler(sheet, book_, limits_);
      if (auto ok = Parse(part, handler); !ok) return Fail(ok.error());
      sheets.push_back(std::move(sheet));
    }
    if (sheets.empty()) return Fail(NotXlsx(file_, "ワークシートがありません"));
    return sheets;
  }

 private:
  Result<void> Parse(const std::string& part, XmlHandler& handler) {
    XmlParser parser(handler, file_, part, limits_.max_xml_depth);
    if (auto ok = zip_.Read(part, [&parser](std::string_view chunk) { return parser.Feed(chunk); }); !ok) return ok;
    return parser.Finish();
  }

  Result<void> RejectOpenDocument() {
    if (!zip_.Has("mimetype")) return {};
    auto mime = zip_.ReadAll("mimetype");
    if (mime && mime->starts_with("application/vnd.oasis.opendocument"))
      return Fail(NotXlsx(file_, "OpenDocument 形式（.ods など）です。XLSX か CSV で保存し直してください"));
    return {};
  }

  // The officeDocument of _rels/.rels, or xl/workbook.xml.
  Result<std::string> FindWorkbook() {
    std::string part = "xl/workbook.xml";
    if (zip_.Has("_rels/.rels")) {
      RelsHandler root;
      if (auto ok = Parse("_rels/.rels", root); !ok) return Fail(ok.error());
      if (const Relationship* doc = FindByType(root.rels, "/officeDocument"); doc && !doc->external)
        part = ResolvePart("", doc->target);
    }
    if (!zip_.Has(part)) {
      if (part != "xl/workbook.xml" && zip_.Has("xl/workbook.xml")) return std::string("xl/workbook.xml");
      return Fail(NotXlsx(file_, fmt::format("表計算ファイルではありません（{} がありません）", part)));
    }
    return part;
  }

  static const Relationship* FindByType(const std::vector<Relationship>& rels, std::string_view suffix) {
    for (const auto& r : rels)
      if (r.type.ends_with(suffix) && !r.external) return &r;
    return nullptr;
  }

  ZipReader& zip_;
  std::string file_;
  const Limits& limits_;
  WorkbookContext book_;
};

}  // namespace

Result<std::vector<Sheet>> ReadXlsx(std::string_view bytes, std::string_view file_name, const Limits& limits) {
  if (bytes.size() > limits.max_file_bytes) {
    Location where;
    where.file = std::string(file_name);
    return Fail(ErrorCode::kLimit,
                fmt::format("ファイルが大きすぎます（{} バイト、上限 {} バイト）", bytes.size(), limits.max_file_bytes), where);
  }
  auto zip = ZipReader::Open(bytes, file_name, limits);
  if (!zip) return Fail(zip.error());
  XlsxReader reader(*zip, std::string(file_name), limits);
  return reader.Read();
}

}  // namespace mamori::exchange
