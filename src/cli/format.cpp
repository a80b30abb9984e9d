#include "cli/format.h"

#include <algorithm>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace mamori::cli {
namespace {

int CharWidth(UChar32 c) {
  if (c < 0x20) return 0;
  const auto ea = static_cast<UEastAsianWidth>(u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH));
  if (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) return 2;
  if (u_getCombiningClass(c) != 0) return 0;
  return 1;
}

}  // namespace

std::size_t DisplayWidth(std::string_view s) {
  std::size_t width = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c = 0;
    U8_NEXT(p, i, n, c);
    width += static_cast<std::size_t>(c < 0 ? 1 : CharWidth(c));
  }
  return width;
}

std::string Clip(std::string_view s, std::size_t width) {
  if (DisplayWidth(s) <= width) return std::string(s);
  std::string out;
  std::size_t used = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(p, i, n, c);
    const auto w = static_cast<std::size_t>(c < 0 ? 1 : CharWidth(c));
    if (used + w + 1 > width) break;
    out.append(s.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
    used += w;
  }
  return out + "…";
}

void PrintTable(std::ostream& out, const std::vector<std::string>& header,
                const std::vector<std::vector<std::string>>& rows, std::size_t max_width) {
  std::vector<std::size_t> widths(header.size(), 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i)
      widths[i] = std::max(widths[i], std::min(max_width, DisplayWidth(row[i])));
  };
  measure(header);
  for (const auto& r : rows) measure(r);
  auto print = [&](const std::vector<std::string>& row) {
    std::string line;
    for (std::size_t i = 0; i < widths.size(); ++i) {
      const std::string cell = Clip(i < row.size() ? row[i] : "", max_width);
      line += cell;
      if (i + 1 < widths.size()) line += std::string(widths[i] - DisplayWidth(cell) + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << '\n';
  };
  print(header);
  std::vector<std::string> rule;
  for (auto w : widths) rule.emplace_back(w, '-');
  print(rule);
  for (const auto& r : rows) print(r);
}

}  // namespace mamori::cli
