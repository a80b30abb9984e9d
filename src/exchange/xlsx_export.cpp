#include <fmt/format.h>

#include "exchange/export.h"
#include "exchange/xlsx_writer.h"

namespace mamori::exchange {

Result<std::string> WriteXlsx(const std::vector<std::pair<reg::EntityKind, std::vector<reg::Row>>>& tables) {
  std::vector<XlsxSheet> sheets;
  for (std::size_t t = 0; t < tables.size(); ++t) {
    const auto& [kind, rows] = tables[t];
    for (std::size_t u = 0; u < t; ++u)
      if (tables[u].first == kind)
        return Fail(ErrorCode::kInvalidArgument, fmt::format("{}が二回指定されています", reg::Info(kind).label_ja));
    const reg::EntityInfo& info = reg::Info(kind);
    XlsxSheet sheet;
    sheet.name = std::string(info.label_ja);
    sheet.rows.reserve(rows.size() + 1);
    auto& header = sheet.rows.emplace_back();
    for (const auto& f : info.fields) header.emplace_back(std::string(f.label_ja));
    for (std::size_t r = 0; r < rows.size(); ++r) {
      if (rows[r].size() != info.fields.size())
        return Fail(ErrorCode::kInternal,
                    fmt::format("{} の {} 行目の列数が違います（{} / {}）", info.label_ja, r + 1, rows[r].size(), info.fields.size()));
      auto& out = sheet.rows.emplace_back();
      out.reserve(info.fields.size());
      for (std::size_t f = 0; f < info.fields.size(); ++f) {
        const auto& field = info.fields[f];
        const auto& value = rows[r][f];
        if (const auto* n = std::get_if<std::int64_t>(&value); n && field.type == reg::FieldType::kInteger) {
          out.emplace_back(*n);
          continue;
        }
        std::string text = reg::FormatValue(field, value);
        if (field.type == reg::FieldType::kDate && !text.empty()) {
          if (auto d = ParseDate(text)) {
            out.emplace_back(*d);
            continue;
          }
        }
        out.emplace_back(std::move(text));
      }
    }
    sheets.push_back(std::move(sheet));
  }
  return WriteXlsxWorkbook(sheets);
}

}  // namespace mamori::exchange
