// From a sheet of text to register rows: which kind of record the sheet holds,
// which column is which field (by the Japanese headers bodies actually use),
// and every cell parsed by the schema. All or nothing: one bad cell and no row
// is returned, but every bad cell is reported at once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/error.h"
#include "exchange/sheet.h"
#include "register/schema.h"

namespace mamori::exchange {

struct MappedSheet {
  reg::EntityKind kind = reg::EntityKind::kAsset;
  std::vector<reg::Row> rows;               // in the schema's field order
  std::vector<std::uint64_t> source_rows;   // per row: Sheet::source_lines of its row
  std::vector<std::string> ignored_columns;  // headers (as written) that name no field
  std::uint64_t header_row = 0;              // Sheet::source_lines of the header row
};

// The header row is looked for among the first 10 non-blank rows (registers
// kept in Excel often have a title row and blank rows above it). Headers are
// matched after text::FoldKey to each field's Japanese label, English label,
// key and aliases; a header may carry a note in brackets or a ※/* mark
// ("資産番号※", "機密性（C）").
//
// The kind is `kind_hint` if given; else the sheet's name if it names one
// (情報資産, 資産, 情報システム, 端末, 人員, 職員, 所属, 機関, 点検記録,
// assets …) and that kind's number column is present; else the kind whose
// number column is present and whose fields the header matches most.
//
// Errors (code kValidation, every problem as one of Error::details with
// file, line (CSV) or row (XLSX), the header as written and the value):
// no header row, a header matching two fields, a field given twice, a missing
// required column, a cell the schema cannot parse, an empty required cell, a
// value in a column without a header, a number given twice. Blank rows are
// skipped. In CSV, a leading apostrophe that protects a value from being taken
// for a formula ('=…, '+…, '-…, '@…, '') is removed.
Result<MappedSheet> MapSheet(const Sheet& sheet, std::optional<reg::EntityKind> kind_hint);

// The kind a sheet or file name suggests ("情報資産管理台帳" → asset), if any.
std::optional<reg::EntityKind> KindFromSheetName(std::string_view name);

}  // namespace mamori::exchange
