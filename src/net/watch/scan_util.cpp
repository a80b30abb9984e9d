#include "net/watch/scan_util.h"

#include <array>

#include "net/flow.h"

namespace mamori::net::parse::detail {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  return true;
}

std::size_t FindIgnoreCase(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return 0;
  if (needle.size() > haystack.size()) return std::string_view::npos;
  for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i)
    if (EqualsIgnoreCase(haystack.substr(i, needle.size()), needle)) return i;
  return std::string_view::npos;
}

std::size_t Find(std::string_view haystack, std::string_view needle, std::size_t from) {
  if (needle.empty()) return from <= haystack.size() ? from : std::string_view::npos;
  while (from + needle.size() <= haystack.size()) {
    const void* hit = std::memchr(haystack.data() + from, needle[0], haystack.size() - needle.size() - from + 1);
    if (hit == nullptr) return std::string_view::npos;
    const auto at = static_cast<std::size_t>(static_cast<const char*>(hit) - haystack.data());
    if (std::memcmp(haystack.data() + at, needle.data(), needle.size()) == 0) return at;
    from = at + 1;
  }
  return std::string_view::npos;
}

bool ParseUnsigned(std::string_view s, std::uint64_t max, std::uint64_t& out) {
  if (s.empty() || s.size() > 20) return false;
  std::uint64_t v = 0;
  if (s.size() <= 19) {  // cannot overflow 64 bits: one comparison at the end
    for (char c : s) {
      const unsigned d = static_cast<unsigned char>(c) - static_cast<unsigned>('0');
      if (d > 9) return false;
      v = v * 10 + d;
    }
    if (v > max) return false;
    out = v;
    return true;
  }
  for (char c : s) {
    if (!IsDigit(c)) return false;
    const auto d = static_cast<std::uint64_t>(c - '0');
    if (v > (max - d) / 10) return false;
    v = v * 10 + d;
  }
  out = v;
  return true;
}


namespace {

bool ParseV4Fast(std::string_view s, std::uint32_t& out) {
  std::uint32_t value = 0;
  std::size_t i = 0;
  for (int part = 0; part < 4; ++part) {
    if (part > 0) {
      if (i >= s.size() || s[i] != '.') return false;
      ++i;
    }
    unsigned octet = 0;
    const std::size_t start = i;
    while (i < s.size() && IsDigit(s[i]) && i - start < 3) octet = octet * 10 + static_cast<unsigned>(s[i++] - '0');
    if (i == start || octet > 255) return false;
    value = (value << 8) | octet;
  }
  if (i != s.size()) return false;
  out = value;
  return true;
}

}  // namespace

bool ParseAddress(std::string_view s, Address& out) {
  std::uint32_t v4 = 0;
  if (ParseV4Fast(s, v4)) {
    out = Address::V4(v4);
    return true;
  }
  if (s.find(':') == std::string_view::npos) return false;
  auto a = Address::Parse(s);
  if (!a) return false;
  out = *a;
  return true;
}

bool ParseProtocol(std::string_view s, std::uint8_t& out) {
  if (s == "tcp" || s == "TCP") {  // the usual spellings, without the general lookup
    out = kProtoTcp;
    return true;
  }
  if (s == "udp" || s == "UDP") {
    out = kProtoUdp;
    return true;
  }
  if (auto p = ProtocolFromName(s)) {
    out = *p;
    return true;
  }
  struct Named {
    std::string_view name;
    std::uint8_t number;
  };
  static constexpr std::array<Named, 12> kMore = {{{"igmp", 2},
                                                   {"ipip", 4},
                                                   {"ipencap", 4},
                                                   {"ipv6", 41},
                                                   {"ipv6-frag", 44},
                                                   {"rsvp", 46},
                                                   {"ospf", 89},
                                                   {"ospfigp", 89},
                                                   {"pim", 103},
                                                   {"vrrp", 112},
                                                   {"l2tp", 115},
                                                   {"udplite", 136}}};
  for (const auto& n : kMore)
    if (EqualsIgnoreCase(s, n.name)) {
      out = n.number;
      return true;
    }
  return false;
}

std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  // Shift the year to start in March so that the leap day is the last day.
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);                    // [0, 399]
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;    // [0, 365]
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;               // [0, 146096]
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[static_cast<std::size_t>(m - 1)];
}

// Exactly `n` digits at s[pos..].
bool Digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (!IsDigit(s[pos + i])) return false;
    v = v * 10 + (s[pos + i] - '0');
  }
  out = v;
  return true;
}

}  // namespace

bool CivilToMs(int year, int month, int day, int hour, int minute, int second, int millis, std::int64_t& out) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month)) return false;
  if (hour > 23 || minute > 59 || second > 60 || hour < 0 || minute < 0 || second < 0) return false;
  if (millis < 0 || millis > 999) return false;
  const std::int64_t days = DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  out = ((days * 24 + hour) * 60 + minute) * 60'000 + static_cast<std::int64_t>(second) * 1000 + millis;
  return true;
}

bool ParseMonthName(std::string_view s, int& month) {
  static constexpr std::array<std::string_view, 12> kNames = {"jan", "feb", "mar", "apr", "may", "jun",
                                                              "jul", "aug", "sep", "oct", "nov", "dec"};
  if (s.size() != 3) return false;
  for (std::size_t i = 0; i < kNames.size(); ++i)
    if (EqualsIgnoreCase(s, kNames[i])) {
      month = static_cast<int>(i) + 1;
      return true;
    }
  return false;
}

bool ParseEpochSeconds(std::string_view s, std::int64_t& ms) {
  const std::size_t dot = s.find('.');
  const std::string_view whole = s.substr(0, dot);
  std::uint64_t secs = 0;
  if (!ParseUnsigned(whole, 253402300799ULL, secs)) return false;  // up to year 9999
  int frac = 0;
  if (dot != std::string_view::npos) {
    const std::string_view f = s.substr(dot + 1);
    if (f.empty() || f.size() > 9) return false;
    for (std::size_t i = 0; i < f.size(); ++i) {
      if (!IsDigit(f[i])) return false;
      if (i < 3) frac = frac * 10 + (f[i] - '0');
    }
    for (std::size_t i = f.size(); i < 3; ++i) frac *= 10;
  }
  ms = static_cast<std::int64_t>(secs) * 1000 + frac;
  return true;
}

std::int64_t EpochToMs(std::uint64_t v) {
  if (v < 100'000'000'000ULL) return static_cast<std::int64_t>(v * 1000);       // seconds
  if (v < 100'000'000'000'000ULL) return static_cast<std::int64_t>(v);          // milliseconds
  if (v < 100'000'000'000'000'000ULL) return static_cast<std::int64_t>(v / 1000);  // microseconds
  return static_cast<std::int64_t>(v / 1'000'000);                              // nanoseconds
}

bool ParseZoneOffset(std::string_view s, int& minutes) {
  if (s.size() == 1 && (s[0] == 'Z' || s[0] == 'z')) {
    minutes = 0;
    return true;
  }
  if (s.size() < 3 || (s[0] != '+' && s[0] != '-')) return false;
  int h = 0, m = 0;
  if (!Digits(s, 1, 2, h)) return false;
  if (s.size() == 3) {
    m = 0;
  } else if (s.size() == 5) {
    if (!Digits(s, 3, 2, m)) return false;
  } else if (s.size() == 6 && s[3] == ':') {
    if (!Digits(s, 4, 2, m)) return false;
  } else {
    return false;
  }
  if (h > 23 || m > 59) return false;
  minutes = (h * 60 + m) * (s[0] == '-' ? -1 : 1);
  return true;
}

bool ParseIsoTime(std::string_view s, int local_offset_minutes, std::int64_t& ms, std::size_t* consumed) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  if (!Digits(s, 0, 4, y) || s.size() < 19) return false;
  const char ds = s[4];
  if ((ds != '-' && ds != '/') || s[7] != ds) return false;
  if (!Digits(s, 5, 2, mo) || !Digits(s, 8, 2, d)) return false;
  if (s[10] != 'T' && s[10] != ' ' && s[10] != 't') return false;
  if (!Digits(s, 11, 2, h) || s[13] != ':' || !Digits(s, 14, 2, mi) || s[16] != ':' || !Digits(s, 17, 2, sec))
    return false;
  std::size_t pos = 19;
  int millis = 0;
  if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
    ++pos;
    const std::size_t start = pos;
    while (pos < s.size() && IsDigit(s[pos])) {
      if (pos - start < 3) millis = millis * 10 + (s[pos] - '0');
      ++pos;
    }
    const std::size_t n = pos - start;
    if (n == 0 || n > 9) return false;
    for (std::size_t i = n; i < 3; ++i) millis *= 10;
  }
  int offset = local_offset_minutes;
  if (pos < s.size()) {
    std::size_t zone_len = 0;
    if (s[pos] == 'Z' || s[pos] == 'z') {
      zone_len = 1;
    } else if (s[pos] == '+' || s[pos] == '-') {
      zone_len = 1;
      while (pos + zone_len < s.size() && zone_len < 6 && (IsDigit(s[pos + zone_len]) || s[pos + zone_len] == ':'))
        ++zone_len;
    }
    if (zone_len > 0) {
      if (!ParseZoneOffset(s.substr(pos, zone_len), offset)) return false;
      pos += zone_len;
    }
  }
  if (consumed != nullptr) {
    *consumed = pos;
  } else if (pos != s.size()) {
    return false;
  }
  std::int64_t local = 0;
  if (!CivilToMs(y, mo, d, h, mi, sec, millis, local)) return false;
  ms = local - static_cast<std::int64_t>(offset) * 60'000;
  return true;
}

std::string Quote(std::string_view value, std::size_t limit) {
  std::string out;
  out.reserve(std::min(value.size(), limit) + 3);
  std::size_t i = 0;
  while (i < value.size()) {
    if (out.size() >= limit) {
      out += "…";
      break;
    }
    const auto c = static_cast<unsigned char>(value[i]);
    if (c >= 0x20 && c < 0x7f) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    std::size_t len = 0;
    if (c >= 0xc2 && c <= 0xdf) len = 2;
    else if (c >= 0xe0 && c <= 0xef) len = 3;
    else if (c >= 0xf0 && c <= 0xf4) len = 4;
    bool ok = len > 0 && i + len <= value.size();
    for (std::size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(value[i + k]) & 0xc0) == 0x80;
    if (ok && len == 3) {
      const auto c1 = static_cast<unsigned char>(value[i + 1]);
      ok = !(c == 0xe0 && c1 < 0xa0) && !(c == 0xed && c1 >= 0xa0);
    } else if (ok && len == 4) {
      const auto c1 = static_cast<unsigned char>(value[i + 1]);
      ok = !(c == 0xf0 && c1 < 0x90) && !(c == 0xf4 && c1 >= 0x90);
    }
    if (ok) {
      out.append(value.data() + i, len);
      i += len;
    } else {
      out += '?';
      ++i;
    }
  }
  return out;
}

}  // namespace mamori::net::parse::detail
