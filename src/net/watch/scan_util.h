// Small scanning helpers shared by the line parsers and the flow decoders:
// integers, addresses and times read straight from the input bytes, without
// allocation, locale or exceptions. Internal to src/net/watch.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "net/address.h"

namespace mamori::net::parse::detail {

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
// Case-insensitive search; npos when absent.
std::size_t FindIgnoreCase(std::string_view haystack, std::string_view needle);
// Plain byte search (memchr on the first byte, then memcmp).
std::size_t Find(std::string_view haystack, std::string_view needle, std::size_t from = 0);

// The first `c` in [p, end), or `end`. Eight bytes at a time: faster than
// memchr on the short fields of a log line.
inline const char* FindByte(const char* p, const char* end, char c) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kLow7 = 0x7f7f7f7f7f7f7f7fULL;
  const std::uint64_t pattern = kOnes * static_cast<unsigned char>(c);
  while (end - p >= 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, p, 8);
    const std::uint64_t x = w ^ pattern;                      // 0 where the byte is c
    const std::uint64_t zero = ~(((x & kLow7) + kLow7) | x | kLow7);  // high bit set exactly there
    if (zero != 0) {
      if constexpr (std::endian::native == std::endian::little) return p + (std::countr_zero(zero) >> 3);
      else return p + (std::countl_zero(zero) >> 3);
    }
    p += 8;
  }
  while (p < end && *p != c) ++p;
  return p;
}

// The whole of `s` as a decimal number no larger than `max`.
bool ParseUnsigned(std::string_view s, std::uint64_t max, std::uint64_t& out);
inline bool ParsePort(std::string_view s, std::uint16_t& out) {
  if (s.empty() || s.size() > 5) return false;
  unsigned v = 0;
  for (char c : s) {
    if (!IsDigit(c)) return false;
    v = v * 10 + static_cast<unsigned>(c - '0');
  }
  if (v > 65535) return false;
  out = static_cast<std::uint16_t>(v);
  return true;
}
// Dotted-quad IPv4 (fast path) or any form Address::Parse accepts.
bool ParseAddress(std::string_view s, Address& out);
// "tcp", "UDP", "ipv6-icmp", "6" … (net::ProtocolFromName and a few more
// names Suricata and PAN-OS print); false when unknown.
bool ParseProtocol(std::string_view s, std::uint8_t& out);

// Days since 1970-01-01 of a proleptic Gregorian date.
std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d);
// Checks the ranges (month 1-12, day within the month, 00:00:00-23:59:60).
bool CivilToMs(int year, int month, int day, int hour, int minute, int second, int millis, std::int64_t& out);
// "Jan" … "Dec" (any case) to 1-12.
bool ParseMonthName(std::string_view s, int& month);

// Decimal seconds since the epoch, "1329843175.736107" or "1329843175", to milliseconds.
bool ParseEpochSeconds(std::string_view s, std::int64_t& ms);
// An integer epoch of unknown unit (s, ms, µs or ns, judged by magnitude) to milliseconds.
std::int64_t EpochToMs(std::uint64_t v);
// "2019-05-10T11:37:47.369913-04:00", "…Z", "…+0900", "2019-05-10 11:37:47",
// "2019/05/10 11:37:47". Without a zone the time is taken as local time at
// `local_offset_minutes` east of UTC. `consumed` (optional) receives how many
// bytes formed the timestamp; without it the whole of `s` must be one.
bool ParseIsoTime(std::string_view s, int local_offset_minutes, std::int64_t& ms, std::size_t* consumed = nullptr);
// A zone offset "+0900", "-07:00", "Z" to minutes east of UTC.
bool ParseZoneOffset(std::string_view s, int& minutes);

// A value quoted for a user-facing message: at most `limit` bytes, control
// bytes and broken UTF-8 replaced by '?', "…" when cut.
std::string Quote(std::string_view value, std::size_t limit = 48);

// Big-endian reads from a buffer the caller has bounds-checked.
inline std::uint16_t Be16(const std::uint8_t* p) {
  return static_cast<std::uint16_t>((static_cast<unsigned>(p[0]) << 8) | p[1]);
}
inline std::uint32_t Be32(const std::uint8_t* p) {
  return (static_cast<std::uint32_t>(p[0]) << 24) | (static_cast<std::uint32_t>(p[1]) << 16) |
         (static_cast<std::uint32_t>(p[2]) << 8) | p[3];
}
inline std::uint64_t Be64(const std::uint8_t* p) {
  return (static_cast<std::uint64_t>(Be32(p)) << 32) | Be32(p + 4);
}
// 1 to 8 bytes, big-endian (reduced-size encoding of unsigned counters).
inline std::uint64_t BeN(const std::uint8_t* p, std::size_t n) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < n; ++i) v = (v << 8) | p[i];
  return v;
}

}  // namespace mamori::net::parse::detail
