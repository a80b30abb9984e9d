#include "exchange/test_support.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>

#include "exchange/zip.h"

namespace mamori::exchange::testing {

std::filesystem::path SourceDir() {
  if (const char* dir = std::getenv("MAMORI_SOURCE_DIR"); dir != nullptr && *dir != '\0') return dir;
  return MAMORI_SOURCE_DIR_DEFAULT;
}

std::filesystem::path DataDir() { return SourceDir() / "tests" / "data" / "exchange"; }

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFile(const std::filesystem::path& path, std::string_view bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string MakeZip(const std::vector<std::pair<std::string, std::string>>& entries) {
  auto zip = ZipWriter::Create();
  if (!zip) throw std::runtime_error(zip.error().ToString());
  for (const auto& [name, content] : entries)
    if (auto ok = zip->Add(name, content); !ok) throw std::runtime_error(ok.error().ToString());
  auto bytes = zip->Finish();
  if (!bytes) throw std::runtime_error(bytes.error().ToString());
  return *bytes;
}

std::string MakeXlsx(const std::string& sheet_data, const std::vector<std::string>& shared,
                     const std::string& styles_cell_xfs, const std::string& styles_num_fmts, const std::string& workbook_pr) {
  const std::string main_ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const std::string rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  std::vector<std::pair<std::string, std::string>> parts;
  parts.emplace_back("_rels/.rels",
                     fmt::format(R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
                                 R"(<Relationship Id="rId1" Type="{}/officeDocument" Target="xl/workbook.xml"/></Relationships>)",
                                 rel_ns));
  parts.emplace_back("xl/workbook.xml", fmt::format(R"(<workbook xmlns="{}" xmlns:r="{}">{}<sheets>)"
                                                    R"(<sheet name="情報資産" sheetId="1" r:id="rId1"/></sheets></workbook>)",
                                                    main_ns, rel_ns, workbook_pr));
  parts.emplace_back("xl/_rels/workbook.xml.rels",
                     fmt::format(R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
                                 R"(<Relationship Id="rId1" Type="{0}/worksheet" Target="worksheets/sheet1.xml"/>)"
                                 R"(<Relationship Id="rId2" Type="{0}/styles" Target="styles.xml"/>)"
                                 R"(<Relationship Id="rId3" Type="{0}/sharedStrings" Target="sharedStrings.xml"/>)"
                                 R"(</Relationships>)",
                                 rel_ns));
  parts.emplace_back("xl/styles.xml", fmt::format(R"(<styleSheet xmlns="{}">{}<cellXfs>{}</cellXfs></styleSheet>)", main_ns,
                                                  styles_num_fmts.empty() ? "" : "<numFmts>" + styles_num_fmts + "</numFmts>",
                                                  styles_cell_xfs.empty() ? R"(<xf numFmtId="0"/>)" : styles_cell_xfs));
  std::string sst = fmt::format(R"(<sst xmlns="{}">)", main_ns);
  for (const auto& s : shared) sst += "<si>" + s + "</si>";
  parts.emplace_back("xl/sharedStrings.xml", sst + "</sst>");
  parts.emplace_back("xl/worksheets/sheet1.xml",
                     fmt::format(R"(<worksheet xmlns="{}"><sheetData>{}</sheetData></worksheet>)", main_ns, sheet_data));
  return MakeZip(parts);
}

Sheet MakeSheet(std::vector<std::vector<std::string>> rows, SheetSource source, std::string name) {
  Sheet s;
  s.name = std::move(name);
  s.file = source == SheetSource::kCsv ? "test.csv" : "test.xlsx";
  s.source = source;
  for (std::size_t i = 0; i < rows.size(); ++i) s.source_lines.push_back(i + 1);
  s.rows = std::move(rows);
  return s;
}

std::string DescribeRow(reg::EntityKind kind, const reg::Row& row) {
  const auto& info = reg::Info(kind);
  std::string out;
  auto escape = [](std::string s) {
    std::string e;
    for (char c : s) {
      if (c == '\n') e += "\\n";
      else if (c == '\r') e += "\\r";
      else e.push_back(c);
    }
    return e;
  };
  for (std::size_t i = 0; i < row.size() && i < info.fields.size(); ++i) {
    if (reg::IsNull(row[i])) continue;
    std::string v;
    if (const auto* n = std::get_if<std::int64_t>(&row[i])) v = std::to_string(*n);
    else if (const auto* s = std::get_if<std::string>(&row[i])) v = escape(*s);
    else if (const auto* l = std::get_if<std::vector<std::string>>(&row[i])) {
      for (const auto& item : *l) v += (v.empty() ? "[" : ", ") + escape(item);
      v += "]";
    }
    out += fmt::format("{}{}={}", out.empty() ? "" : " | ", info.fields[i].key, v);
  }
  return out;
}

}  // namespace mamori::exchange::testing
