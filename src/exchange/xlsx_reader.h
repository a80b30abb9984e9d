// XLSX (Office Open XML spreadsheets, as Excel and LibreOffice write them),
// read by streaming its parts through expat: no part is held in memory whole.
#pragma once

#include <string_view>
#include <vector>

#include "common/error.h"
#include "exchange/sheet.h"

namespace mamori::exchange {

// Every worksheet, in workbook order (chart sheets are skipped). Cells are
// text as the user sees it: shared and inline strings (rich-text runs joined,
// phonetic guides dropped), numbers without a trailing ".0", dates (by the
// cell's number format) as ISO 8601, TRUE/FALSE for booleans, formulas by their
// cached value. Rows without any value are not stored.
//
// Not an XLSX (random bytes, a zip without a workbook, ODS, encrypted) or a
// damaged one is kParse "XLSXとして読めません: …"; a limit reached (sizes
// after decompression, entries, sheets, shared strings, rows, columns, cells,
// XML depth) is kLimit.
Result<std::vector<Sheet>> ReadXlsx(std::string_view bytes, std::string_view file_name, const Limits& limits);

}  // namespace mamori::exchange
