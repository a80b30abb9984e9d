#include "exchange/number_format.h"

#include <charconv>
#include <cmath>
#include <cstdint>

#include <fmt/format.h>

namespace mamori::exchange {
namespace {

constexpr long kUnixEpochSerial1900 = 25569;  // 1970-01-01
constexpr long kUnixEpochSerial1904 = 24107;
constexpr double kMaxSerial = 2958466;        // 10000-01-01

bool IsBuiltinDate(int id) {
  return (id >= 14 && id <= 17) || (id >= 27 && id <= 31) || (id >= 34 && id <= 36) || (id >= 50 && id <= 58);
}

bool IEquals(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const char c = (a[i] >= 'A' && a[i] <= 'Z') ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
    if (c != lower[i]) return false;
  }
  return true;
}

// The first section of a format code with literals removed: quoted text,
// backslash escapes, [brackets], and the characters after _ and *.
std::string FirstSectionPlaceholders(std::string_view code, std::string* pattern, bool* pattern_ok, bool* elapsed) {
  std::string letters;
  *pattern_ok = true;
  *elapsed = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == ';') break;
    if ((c == 'G' || c == 'g') && i + 7 <= code.size() && IEquals(code.substr(i, 7), "general")) {
      i += 6;
      *pattern_ok = false;
    } else if (c == '"') {
      const auto end = code.find('"', i + 1);
      const auto literal = code.substr(i + 1, end == std::string_view::npos ? std::string_view::npos : end - i - 1);
      pattern->append(literal);
      if (end == std::string_view::npos) break;
      i = end;
    } else if (c == '\\') {
      if (i + 1 < code.size()) pattern->push_back(code[++i]);
    } else if (c == '[') {
      const auto end = code.find(']', i);
      const auto inside = code.substr(i + 1, end == std::string_view::npos ? std::string_view::npos : end - i - 1);
      // [h] [mm] [ss] are elapsed time (a duration, not a moment); [Red], [>100],
      // [$-411] (a locale) are no placeholders.
      if (!inside.empty() && inside.find_first_not_of("hHmMsS") == std::string_view::npos) *elapsed = true;
      if (end == std::string_view::npos) break;
      i = end;
      *pattern_ok = *pattern_ok && inside.starts_with('$');
    } else if ((c == 'E' || c == 'e') && i + 1 < code.size() && (code[i + 1] == '+' || code[i + 1] == '-')) {
      ++i;  // an exponent (0.00E+00), not the era year of 和暦
      *pattern_ok = false;
    } else if (c == '_' || c == '*') {
      ++i;
      *pattern_ok = false;
    } else if (c == '0') {
      pattern->push_back('\0');
      letters.push_back(c);
    } else {
      const bool literal = static_cast<unsigned char>(c) >= 0x80 || std::string_view("$-+/():!^&'~{}<>= ").find(c) != std::string_view::npos;
      if (literal) pattern->push_back(c);
      else {
        letters.push_back(c);
        *pattern_ok = false;
      }
    }
  }
  return letters;
}

bool HasAny(std::string_view s, std::string_view chars) {
  for (char c : s) {
    const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (chars.find(lower) != std::string_view::npos) return true;
  }
  return false;
}

std::string FormatPattern(std::string_view pattern, std::int64_t n) {
  std::size_t placeholders = 0;
  for (char c : pattern) placeholders += c == '\0';
  std::string digits = std::to_string(n);
  if (digits.size() < placeholders) digits.insert(0, placeholders - digits.size(), '0');
  std::size_t next = 0;
  const std::size_t overflow = digits.size() - placeholders;
  std::string out;
  bool first = true;
  for (char c : pattern) {
    if (c != '\0') {
      out.push_back(c);
      continue;
    }
    const std::size_t take = first ? overflow + 1 : 1;
    out.append(digits, next, take);
    next += take;
    first = false;
  }
  return out;
}

std::string FormatSerial(double serial, bool with_time, bool date1904) {
  const auto seconds = static_cast<std::int64_t>(std::llround(serial * 86400.0));
  const long days = static_cast<long>(seconds / 86400);
  const auto second_of_day = seconds % 86400;
  long unix_days = 0;
  if (date1904) {
    unix_days = days - kUnixEpochSerial1904;
  } else {
    if (days == 60) return {};  // 1900-02-29, which Excel believes in and the calendar does not
    unix_days = days < 60 ? days - (kUnixEpochSerial1900 - 1) : days - kUnixEpochSerial1900;
  }
  std::string out = Date::FromDaysSinceEpoch(unix_days).Iso();
  if (with_time && second_of_day != 0) {
    out += fmt::format(" {:02}:{:02}", second_of_day / 3600, second_of_day / 60 % 60);
    if (second_of_day % 60 != 0) out += fmt::format(":{:02}", second_of_day % 60);
  }
  return out;
}

}  // namespace

NumberFormat ClassifyNumberFormat(int id, std::string_view code) {
  NumberFormat f;
  if (code.empty()) {
    if (IsBuiltinDate(id)) f.kind = NumberFormat::Kind::kDate;
    else if ((id >= 18 && id <= 22) || id == 32 || id == 33) f.kind = NumberFormat::Kind::kDateTime;  // times, date and time (22)
    return f;
  }
  if (code == "@") return f;
  bool pattern_ok = true;
  bool elapsed = false;
  std::string pattern;
  const std::string letters = FirstSectionPlaceholders(code, &pattern, &pattern_ok, &elapsed);
  if (HasAny(letters, "ydge")) {  // e: the era year of 和暦 (exponents were skipped)
    f.kind = HasAny(letters, "hs") ? NumberFormat::Kind::kDateTime : NumberFormat::Kind::kDate;
    return f;
  }
  if (!elapsed && HasAny(letters, "hs")) {  // a time of day: a full date-time serial reads as one
    f.kind = NumberFormat::Kind::kDateTime;
    return f;
  }
  if (pattern_ok && pattern.find('\0') != std::string::npos) {
    f.kind = NumberFormat::Kind::kPattern;
    f.pattern = std::move(pattern);
  }
  return f;
}

std::string FormatNumberCell(std::string_view value, const NumberFormat& format, bool date1904) {
  double d = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), d);
  if (ec != std::errc() || end != value.data() + value.size() || !std::isfinite(d)) return std::string(value);
  if ((format.kind == NumberFormat::Kind::kDate || format.kind == NumberFormat::Kind::kDateTime) && d >= 1 &&
      d < kMaxSerial) {
    std::string date = FormatSerial(d, format.kind == NumberFormat::Kind::kDateTime, date1904);
    if (!date.empty()) return date;
  }
  const bool integral = std::trunc(d) == d && std::fabs(d) < 1e15;
  if (integral) {
    const auto n = static_cast<std::int64_t>(d);
    if (format.kind == NumberFormat::Kind::kPattern && n >= 0) return FormatPattern(format.pattern, n);
    return std::to_string(n);
  }
  return fmt::format("{:.15g}", d);
}

long DateSerial(const Date& d) { return d.DaysSinceEpoch() + kUnixEpochSerial1900; }

}  // namespace mamori::exchange
