// Register rows out to the files municipal staff open in Excel: CSV with the
// canonical Japanese headers, or an XLSX with one sheet per kind of record.
// What these write, MapSheet reads back to identical rows.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "common/error.h"
#include "common/text.h"
#include "register/schema.h"

namespace mamori::exchange {

// Header row of label_ja, cells by reg::FormatValue (はい/いいえ, LGWAN接続系,
// lists joined with 、, dates as 2026-04-01), CRLF, quoted where needed. A value
// Excel would take for a formula (=…, +…, -…, @…) is written '=… (MapSheet
// removes the apostrophe again). UTF-8 with a BOM by default (Excel opens it
// correctly); CP932 on request, where a character CP932 cannot hold is a
// kInvalidArgument error naming every such cell by row and column.
Result<std::string> WriteCsv(reg::EntityKind kind, const std::vector<reg::Row>& rows,
                             text::Encoding encoding = text::Encoding::kUtf8Bom);

// One sheet per kind, named by its label_ja (情報資産, 情報システム …), header
// row of label_ja; integers (復旧目標時間) as numbers, dates as dates, the rest
// as text. A kind given twice is kInvalidArgument.
Result<std::string> WriteXlsx(const std::vector<std::pair<reg::EntityKind, std::vector<reg::Row>>>& tables);

}  // namespace mamori::exchange
