// The entry point for an uploaded register file: CSV or XLSX, told apart by
// content (never by the file name's extension).
#pragma once

#include <string_view>
#include <vector>

#include "common/error.h"
#include "exchange/sheet.h"

namespace mamori::exchange {

enum class FileFormat { kCsv, kXlsx, kNotSpreadsheet };

// "PK\x03\x04" → XLSX; text → CSV; anything else (a NUL or control bytes in
// the first KiB, PDF, PNG, .xls …) → kNotSpreadsheet.
FileFormat DetectFormat(std::string_view bytes);

// Every sheet of the file (one for CSV). A file that is neither is kParse
// "表計算ファイル（CSV または XLSX）ではありません…", with what it seems to be
// when known (PDF, Excel 97-2003 .xls, UTF-16 text …).
Result<std::vector<Sheet>> ReadTable(std::string_view bytes, std::string_view file_name, const Limits& limits);

}  // namespace mamori::exchange
