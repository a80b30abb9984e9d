#include <fmt/format.h>

#include "exchange/export.h"

namespace mamori::exchange {
namespace {

// A value Excel would evaluate (CSV injection) gets an apostrophe; so does a
// value that itself starts with one, so that reading it back is exact.
bool NeedsGuard(std::string_view v) {
  if (v.empty()) return false;
  if (v[0] == '\'' || v[0] == '\t' || v[0] == '\r') return true;
  return v.size() > 1 && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@');
}

void AppendField(std::string& out, std::string_view v) {
  const bool guard = NeedsGuard(v);
  // Tabs are quoted too, so that a value full of tabs cannot make the file look tab-separated.
  const bool quote = guard || v.find_first_of(",\"\r\n\t") != std::string_view::npos || v.starts_with(' ') ||
                     v.ends_with(' ');
  if (!quote) {
    out.append(v);
    return;
  }
  out.push_back('"');
  if (guard) out.push_back('\'');
  for (char c : v) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

// Every cell CP932 cannot hold, by row and column.
Error Cp932Error(const reg::EntityInfo& info, const std::vector<std::vector<std::string>>& cells) {
  Error e(ErrorCode::kInvalidArgument, "CP932 (Shift_JIS) で表せない文字があります。UTF-8 で書き出すか、文字を置き換えてください");
  for (std::size_t r = 0; r < cells.size(); ++r) {
    for (std::size_t f = 0; f < cells[r].size(); ++f) {
      if (text::CodePointCount(cells[r][f]) == cells[r][f].size()) continue;  // ASCII
      auto converted = text::FromUtf8(cells[r][f], text::Encoding::kCp932);
      if (converted) continue;
      Location where;
      where.row = r + 1;
      where.field = std::string(info.fields[f].label_ja);
      if (e.details.size() < 1000) e.details.emplace_back(ErrorCode::kInvalidArgument, converted.error().message, where);
    }
  }
  return e;
}

}  // namespace

Result<std::string> WriteCsv(reg::EntityKind kind, const std::vector<reg::Row>& rows, text::Encoding encoding) {
  const reg::EntityInfo& info = reg::Info(kind);
  std::string out;
  for (std::size_t f = 0; f < info.fields.size(); ++f) {
    if (f > 0) out.push_back(',');
    AppendField(out, info.fields[f].label_ja);
  }
  out += "\r\n";
  std::vector<std::vector<std::string>> cells;
  cells.reserve(rows.size());
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (rows[r].size() != info.fields.size())
      return Fail(ErrorCode::kInternal,
                  fmt::format("{} の {} 行目の列数が違います（{} / {}）", info.label_ja, r + 1, rows[r].size(), info.fields.size()));
    std::vector<std::string> line;
    line.reserve(info.fields.size());
    for (std::size_t f = 0; f < info.fields.size(); ++f) {
      line.push_back(reg::FormatValue(info.fields[f], rows[r][f]));
      if (f > 0) out.push_back(',');
      AppendField(out, line.back());
    }
    out += "\r\n";
    cells.push_back(std::move(line));
  }
  auto encoded = text::FromUtf8(out, encoding);
  if (!encoded) return Fail(Cp932Error(info, cells));
  return encoded;
}

}  // namespace mamori::exchange
