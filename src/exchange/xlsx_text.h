// Small pieces of SpreadsheetML shared by the XLSX reader and writer: cell
// references ("AA12"), the _xHHHH_ escapes of ST_Xstring, XML escaping.
// Internal to the exchange module.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mamori::exchange {

constexpr std::uint32_t kMaxXlsxColumns = 16'384;   // A … XFD
constexpr std::uint32_t kMaxXlsxRows = 1'048'576;

// 0-based column of a cell reference: "A1" → 0, "AA12" → 26, "$B$3" → 1.
// nullopt if the reference has no letters or lies beyond XFD.
std::optional<std::uint32_t> ColumnIndex(std::string_view ref);
// 0-based column to letters: 0 → "A", 26 → "AA".
std::string ColumnName(std::uint32_t index);

// "_x000D_" → CR, "_x005F_x0041_" → "_x0041_" (ST_Xstring, how Excel stores
// characters that XML cannot hold). Anything not a valid escape stays as is.
std::string DecodeXstring(std::string_view s);

// Text for an XML text node: & < > escaped, characters XML 1.0 cannot hold
// and CR written as _xHHHH_, a literal "_xHHHH_" protected as "_x005F_xHHHH_".
std::string EscapeCellText(std::string_view utf8);
// Text for an attribute value or markup that holds no cell text.
std::string EscapeXml(std::string_view utf8);

}  // namespace mamori::exchange
