// Dates as Japanese public bodies write them: 和暦 (令和8年4月1日) and 年度
// (the fiscal year that starts on 1 April).
#pragma once

#include <compare>
#include <string>
#include <string_view>

#include "common/error.h"

namespace mamori {

struct Date {
  int year = 0;   // Gregorian
  int month = 0;  // 1-12
  int day = 0;    // 1-31

  auto operator<=>(const Date&) const = default;
  [[nodiscard]] bool Valid() const;
  [[nodiscard]] std::string Iso() const;  // 2026-04-01
  [[nodiscard]] long DaysSinceEpoch() const;  // days since 1970-01-01
  static Date FromDaysSinceEpoch(long days);
  static Date Today();  // UTC+9 (Japan)
};

// Accepts 2026-04-01, 2026/4/1, 令和8年4月1日, 令和 8年 4月 1日, 令和元年5月1日,
// R8.4.1, H16.3.31 and full-width digits. The era must contain the date
// (平成31年5月1日 is an error: 平成 ended on 2019-04-30).
Result<Date> ParseDate(std::string_view text);

// 令和8年4月1日 (令和元年 for the first year).
std::string ToWareki(const Date& d);

// 年度 containing the date: 2027-03-31 → 2026.
int FiscalYear(const Date& d);
// 令和8年度 for 2026.
std::string FiscalYearLabel(int fiscal_year);

}  // namespace mamori
