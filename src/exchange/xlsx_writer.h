// A minimal XLSX that Excel and LibreOffice open: one worksheet per sheet,
// shared strings, a bold header row that is frozen and has an autofilter,
// column widths from the content, text cells formatted as text ("@") so that
// codes like 0012 stay as typed when edited, dates as real dates.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/error.h"
#include "common/wareki.h"

namespace mamori::exchange {

// Text (an empty string is an empty cell), an integer, or a date (written as
// a date serial with the format yyyy-mm-dd).
using XlsxCell = std::variant<std::string, std::int64_t, Date>;

struct XlsxSheet {
  std::string name;                          // see CheckSheetName
  std::vector<std::vector<XlsxCell>> rows;  // rows[0] is the header row
};

// What Excel accepts as a sheet name: 1–31 characters, none of []:*?/\ ,
// not beginning or ending with an apostrophe, not "History".
Result<void> CheckSheetName(std::string_view name);

// The bytes of the .xlsx file. kInvalidArgument for a bad or repeated sheet
// name, text that is not UTF-8, a cell over Excel's 32,767 characters, or more
// rows or columns than Excel has.
Result<std::string> WriteXlsxWorkbook(const std::vector<XlsxSheet>& sheets);

}  // namespace mamori::exchange
