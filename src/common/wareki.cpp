#include "common/wareki.h"

#include <array>
#include <charconv>
#include <ctime>

#include <fmt/format.h>

#include "common/text.h"

namespace mamori {
namespace {

struct Era {
  std::string_view kanji;
  char letter;
  Date first_day;
};

// Newest first. Meiji dates before the solar calendar are out of scope.
constexpr std::array<Era, 5> kEras{{
    {"令和", 'r', {2019, 5, 1}},
    {"平成", 'h', {1989, 1, 8}},
    {"昭和", 's', {1926, 12, 25}},
    {"大正", 't', {1912, 7, 30}},
    {"明治", 'm', {1873, 1, 1}},
}};

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[static_cast<std::size_t>(m - 1)];
}

const Era* EraOf(const Date& d) {
  for (const auto& era : kEras)
    if (d >= era.first_day) return &era;
  return nullptr;
}

// Reads the numbers in `s` (any non-digit separates), at most 3.
std::vector<int> Numbers(std::string_view s) {
  std::vector<int> out;
  std::size_t i = 0;
  while (i < s.size() && out.size() < 4) {
    if (s[i] >= '0' && s[i] <= '9') {
      int value = 0;
      auto [ptr, ec] = std::from_chars(s.data() + i, s.data() + s.size(), value);
      if (ec != std::errc()) return {};
      out.push_back(value);
      i = static_cast<std::size_t>(ptr - s.data());
    } else {
      ++i;
    }
  }
  return out;
}

}  // namespace

bool Date::Valid() const {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= DaysInMonth(year, month);
}

std::string Date::Iso() const { return fmt::format("{:04d}-{:02d}-{:02d}", year, month, day); }

long Date::DaysSinceEpoch() const {
  // Howard Hinnant's days_from_civil.
  const int y = month <= 2 ? year - 1 : year;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * static_cast<unsigned>(month > 2 ? month - 3 : month + 9) + 2) / 5 + static_cast<unsigned>(day) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

Date Date::FromDaysSinceEpoch(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Date{static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

Date Date::Today() {
  const std::time_t now = std::time(nullptr) + 9 * 3600;
  return FromDaysSinceEpoch(static_cast<long>(now / 86400));
}

Result<Date> ParseDate(std::string_view input) {
  std::string folded = text::Nfkc(text::Trim(input));  // full-width digits → ASCII
  for (auto& c : folded) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  std::string_view s = folded;
  auto bad = [&](std::string_view why) {
    return Fail(ErrorCode::kInvalidArgument, fmt::format("日付「{}」を読めません: {}", input, why));
  };
  if (s.empty()) return bad("空です");

  const Era* era = nullptr;
  std::string_view rest = s;
  for (const auto& e : kEras) {
    if (s.starts_with(e.kanji)) {
      era = &e;
      rest = s.substr(e.kanji.size());
      break;
    }
    if (s.front() == e.letter && s.size() > 1 && s[1] >= '0' && s[1] <= '9') {
      era = &e;
      rest = s.substr(1);
      break;
    }
  }

  std::string normalized(rest);
  if (era) {
    constexpr std::string_view kGannen = "元";
    if (normalized.starts_with(kGannen)) normalized.replace(0, kGannen.size(), "1");
  }
  const auto n = Numbers(normalized);
  if (n.size() != 3) return bad("年・月・日の三つの数が必要です");
  Date d{n[0], n[1], n[2]};
  if (era) {
    if (d.year < 1) return bad("元号の年は1以上です");
    d.year = era->first_day.year + d.year - 1;
  }
  if (!d.Valid()) return bad("存在しない日付です");
  if (era && EraOf(d) != era) return bad(fmt::format("{}の期間外の日付です", era->kanji));
  // A year written with an era must not roll past the next era's start.
  for (const auto& e : kEras) {
    if (era && &e < era && d >= e.first_day) return bad(fmt::format("{}の期間外の日付です", era->kanji));
  }
  return d;
}

std::string ToWareki(const Date& d) {
  const Era* era = EraOf(d);
  if (!era) return d.Iso();
  const int y = d.year - era->first_day.year + 1;
  return y == 1 ? fmt::format("{}元年{}月{}日", era->kanji, d.month, d.day)
                : fmt::format("{}{}年{}月{}日", era->kanji, y, d.month, d.day);
}

int FiscalYear(const Date& d) { return d.month >= 4 ? d.year : d.year - 1; }

std::string FiscalYearLabel(int fiscal_year) {
  // A fiscal year is named after the era in force at the end of its first
  // calendar year: FY2019 is 令和元年度 although it began under 平成.
  const Date named{fiscal_year, 12, 31};
  const Era* era = EraOf(named);
  if (!era) return fmt::format("{}年度", fiscal_year);
  const int y = fiscal_year - era->first_day.year + 1;
  return y == 1 ? fmt::format("{}元年度", era->kanji) : fmt::format("{}{}年度", era->kanji, y);
}

}  // namespace mamori
