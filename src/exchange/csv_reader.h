// CSV as Excel writes it in Japan (RFC 4180: quoted fields with embedded
// newlines and doubled quotes, CRLF or LF). The encoding is detected, never
// asked: UTF-8 with or without a BOM, otherwise CP932.
#pragma once

#include <string_view>

#include "common/error.h"
#include "exchange/sheet.h"

namespace mamori::exchange {

// One sheet named after the file (without its extension). Comma-separated;
// a file whose first lines have more tabs than commas is read as tab-separated.
// Empty lines are skipped; a malformed file (unterminated quote, text after a
// closing quote, bytes that are neither UTF-8 nor CP932) is a kParse error
// with file, line, column and byte offset; a limit reached is kLimit.
Result<Sheet> ReadCsv(std::string_view bytes, std::string_view file_name, const Limits& limits);

}  // namespace mamori::exchange
