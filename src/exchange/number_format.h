// How a number cell of an XLSX reads as text: dates (by the cell's number
// format) as ISO 8601, integers without ".0", zero-padded codes ("0000",
// "000-0000") as Excel shows them. Internal to the exchange module.
#pragma once

#include <string>
#include <string_view>

#include "common/wareki.h"

namespace mamori::exchange {

struct NumberFormat {
  enum class Kind {
    kGeneral,   // the number itself
    kDate,      // serial → 2026-04-01
    kDateTime,  // serial → 2026-04-01 09:30 (the time only when there is one); below 1 (a bare time) the number
    kPattern,   // zero-padded integer with literals: "0000" → 0012, "000-0000" → 123-4567
  };
  Kind kind = Kind::kGeneral;
  std::string pattern;  // kPattern: literals, and '\0' for each digit placeholder
};

// `code` is the formatCode of a custom format (numFmtId ≥ 164), or empty for
// a built-in id. Built-in dates and times: 14–22 and the Japanese 27–36,
// 50–58; elapsed times ([h]:mm, 46) stay numbers.
NumberFormat ClassifyNumberFormat(int id, std::string_view code);

// The text of a number cell's <v>. Text that is not a number is returned as is.
std::string FormatNumberCell(std::string_view value, const NumberFormat& format, bool date1904);

// The 1900-system serial of a date (for writing date cells).
long DateSerial(const Date& d);

}  // namespace mamori::exchange
