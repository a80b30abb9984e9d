#include "net/watch/syslog_frame.h"

#include <chrono>

#include "net/watch/scan_util.h"

namespace mamori::net::parse {
namespace {

using detail::IsDigit;

constexpr std::int64_t kDayMs = 86'400'000;

// The civil year of a Unix day number.
int YearOfDays(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0));
}

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0); }

std::size_t SkipSpaces(std::string_view s, std::size_t pos) {
  while (pos < s.size() && s[pos] == ' ') ++pos;
  return pos;
}

std::string_view Token(std::string_view s, std::size_t pos) {
  std::size_t end = pos;
  while (end < s.size() && s[end] != ' ') ++end;
  return s.substr(pos, end - pos);
}

// "Nov 22 10:00:00", "Nov  2 10:00:00", "Nov 22 2026 10:00:00" (+ ".123", + ':').
bool ParseBsdTime(std::string_view s, std::size_t pos, const SyslogTime& time, std::int64_t& ms, std::size_t& end) {
  int month = 0;
  if (pos + 3 > s.size() || !detail::ParseMonthName(s.substr(pos, 3), month)) return false;
  pos += 3;
  if (pos >= s.size() || s[pos] != ' ') return false;
  pos = SkipSpaces(s, pos);
  int day = 0;
  std::size_t digits = 0;
  while (pos < s.size() && IsDigit(s[pos]) && digits < 2) {
    day = day * 10 + (s[pos++] - '0');
    ++digits;
  }
  if (digits == 0 || pos >= s.size() || s[pos] != ' ') return false;
  ++pos;
  int year = -1;
  if (pos + 5 <= s.size() && IsDigit(s[pos]) && IsDigit(s[pos + 1]) && IsDigit(s[pos + 2]) && IsDigit(s[pos + 3]) &&
      s[pos + 4] == ' ') {
    year = (s[pos] - '0') * 1000 + (s[pos + 1] - '0') * 100 + (s[pos + 2] - '0') * 10 + (s[pos + 3] - '0');
    pos += 5;
  }
  auto two = [&](std::size_t at, int& out) {
    if (at + 2 > s.size() || !IsDigit(s[at]) || !IsDigit(s[at + 1])) return false;
    out = (s[at] - '0') * 10 + (s[at + 1] - '0');
    return true;
  };
  int h = 0, mi = 0, sec = 0;
  if (!two(pos, h) || pos + 2 >= s.size() || s[pos + 2] != ':' || !two(pos + 3, mi) || pos + 5 >= s.size() ||
      s[pos + 5] != ':' || !two(pos + 6, sec))
    return false;
  pos += 8;
  int millis = 0;
  if (pos < s.size() && s[pos] == '.') {
    std::size_t n = 0;
    ++pos;
    while (pos < s.size() && IsDigit(s[pos])) {
      if (n < 3) millis = millis * 10 + (s[pos] - '0');
      ++n;
      ++pos;
    }
    if (n == 0 || n > 9) return false;
    for (std::size_t i = n; i < 3; ++i) millis *= 10;
  }
  if (pos < s.size() && s[pos] == ':') ++pos;  // "Apr 27 2014 11:31:23: %ASA-…"
  if (pos < s.size() && s[pos] != ' ') return false;
  const std::int64_t offset_ms = static_cast<std::int64_t>(time.local_offset_minutes) * 60'000;
  std::int64_t local = 0;
  if (year < 0) {
    std::int64_t ref = time.reference_ms;
    if (ref == 0)
      ref = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
                .count();
    const int ref_year = YearOfDays(FloorDiv(ref + offset_ms, kDayMs));
    // Feb 29 of a year that has none: try the leap years before.
    bool found = false;
    for (int y = ref_year + 1; y >= ref_year - 4 && !found; --y) {
      if (!detail::CivilToMs(y, month, day, h, mi, sec, millis, local)) continue;
      if (local - offset_ms <= ref + 31 * kDayMs) found = true;
    }
    if (!found) return false;
  } else if (!detail::CivilToMs(year, month, day, h, mi, sec, millis, local)) {
    return false;
  }
  ms = local - offset_ms;
  end = pos;
  return true;
}

bool IsTagChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsDigit(c) || c == '_' || c == '-' || c == '.' ||
         c == '/' || c == '[' || c == ']' || c == '(' || c == ')' || c == '@';
}

// "kernel:", "CiscoASA[999]:", "DENY:" — a word ending in ':' that is not a
// vendor message id such as "%ASA-6-302013:".
bool IsTag(std::string_view token) {
  if (token.size() < 2 || token.size() > 64 || token.back() != ':' || token.front() == '%') return false;
  for (std::size_t i = 0; i + 1 < token.size(); ++i)
    if (!IsTagChar(token[i])) return false;
  return true;
}

bool IsHost(std::string_view token) {
  if (token.empty() || token.size() > 255 || token.back() == ':' || token.front() == '%') return false;
  for (char c : token)
    if (c == '=' || c == ',' || c == '{' || c == '[' || c == '"' || c == '\t') return false;
  return true;
}

std::string_view TagName(std::string_view token) {  // "CiscoASA[999]:" -> "CiscoASA"
  token.remove_suffix(1);
  if (const auto b = token.find('['); b != std::string_view::npos) token = token.substr(0, b);
  return token;
}

std::string_view StripBom(std::string_view s) {
  if (s.size() >= 3 && static_cast<unsigned char>(s[0]) == 0xef && static_cast<unsigned char>(s[1]) == 0xbb &&
      static_cast<unsigned char>(s[2]) == 0xbf)
    s.remove_prefix(3);
  return s;
}

// After the host: an optional tag, then the message.
void SplitTag(std::string_view line, std::size_t pos, SyslogFrame& f) {
  pos = SkipSpaces(line, pos);
  f.body = line.substr(pos);
  const std::string_view tok = Token(line, pos);
  if (IsTag(tok)) {
    f.tag = TagName(tok);
    f.message = line.substr(SkipSpaces(line, pos + tok.size()));
  } else {
    f.message = f.body;
  }
}

// RFC 5424 after "<PRI>1 ": TIMESTAMP HOSTNAME APP-NAME PROCID MSGID SD [MSG].
bool ParseRfc5424(std::string_view line, std::size_t pos, const SyslogTime& time, SyslogFrame& f) {
  std::string_view fields[5];
  for (auto& field : fields) {
    if (pos >= line.size()) return false;
    field = Token(line, pos);
    if (field.empty()) return false;
    pos += field.size();
    if (pos < line.size()) ++pos;  // the single space
  }
  if (fields[0] != "-") {
    std::int64_t ms = 0;
    if (!detail::ParseIsoTime(fields[0], time.local_offset_minutes, ms)) return false;
    f.has_time = true;
    f.time_ms = ms;
  }
  f.host = fields[1] == "-" ? std::string_view() : fields[1];
  f.tag = fields[2] == "-" ? std::string_view() : fields[2];
  f.body = line.substr(pos);
  // STRUCTURED-DATA: "-" or one or more [id param="value"…], values with \" \\ \] escapes.
  if (pos < line.size() && line[pos] == '-') {
    ++pos;
  } else if (pos < line.size() && line[pos] == '[') {
    while (pos < line.size() && line[pos] == '[') {
      ++pos;
      bool closed = false;
      bool in_value = false;
      while (pos < line.size()) {
        const char c = line[pos];
        if (in_value) {
          if (c == '\\' && pos + 1 < line.size()) {
            pos += 2;
            continue;
          }
          if (c == '"') in_value = false;
        } else if (c == '"') {
          in_value = true;
        } else if (c == ']') {
          closed = true;
          ++pos;
          break;
        }
        ++pos;
      }
      if (!closed) return false;
    }
  } else if (pos < line.size()) {
    return false;
  }
  if (pos < line.size() && line[pos] == ' ') ++pos;
  f.message = StripBom(line.substr(pos));
  return true;
}

}  // namespace

bool ParseSyslogFrame(std::string_view line, const SyslogTime& time, SyslogFrame& f) {
  f = SyslogFrame{};
  f.body = line;
  f.message = line;
  std::size_t pos = 0;
  if (!line.empty() && line[0] == '<') {
    int pri = 0;
    std::size_t i = 1;
    while (i < line.size() && i <= 3 && IsDigit(line[i])) pri = pri * 10 + (line[i++] - '0');
    if (i == 1 || i >= line.size() || line[i] != '>' || pri > 191) return false;
    f.priority = pri;
    pos = i + 1;
    // RFC 5424: VERSION (1-2 digits, not 0) then a space.
    if (pos + 1 < line.size() && line[pos] >= '1' && line[pos] <= '9') {
      std::size_t v = pos + 1;
      if (v < line.size() && IsDigit(line[v])) ++v;
      if (v < line.size() && line[v] == ' ') {
        SyslogFrame tmp = f;
        if (ParseRfc5424(line, v + 1, time, tmp)) {
          f = tmp;
          return true;
        }
      }
    }
  }
  std::int64_t ms = 0;
  std::size_t end = 0;
  if (ParseBsdTime(line, pos, time, ms, end)) {
    f.has_time = true;
    f.time_ms = ms;
    pos = end;
  } else if (pos + 19 <= line.size() && IsDigit(line[pos]) &&
             detail::ParseIsoTime(line.substr(pos), time.local_offset_minutes, ms, &end) &&
             (pos + end == line.size() || line[pos + end] == ' ')) {
    f.has_time = true;
    f.time_ms = ms;
    pos += end;
  } else if (f.priority < 0) {
    return false;  // no header at all
  } else {
    // Only <PRI>: the message follows at once.
    f.body = f.message = StripBom(line.substr(SkipSpaces(line, pos)));
    return true;
  }
  pos = SkipSpaces(line, pos);
  const std::string_view host = Token(line, pos);
  if (IsHost(host)) {
    f.host = host;
    pos += host.size();
  }
  SplitTag(line, pos, f);
  f.message = StripBom(f.message);
  return true;
}

}  // namespace mamori::net::parse
