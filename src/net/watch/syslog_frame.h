// The syslog header a log line may arrive with, and the message inside it.
//
// Recognised, with or without a <PRI> in front:
//   RFC 3164   <134>Nov 22 10:00:00 host tag[pid]: message
//              (also "Nov 22 2026 10:00:00" with a year, as Cisco ASA writes,
//              a ':' right after the time, and no host at all)
//   RFC 5424   <134>1 2026-11-22T10:00:00+09:00 host app procid msgid [sd…] message
//   RFC 3339   2026-11-22T10:00:00Z host tag: message  (rsyslog's precise format)
//   bare PRI   <189>date=2026-11-22 time=…              (FortiGate without a header)
// A time written without a zone (every RFC 3164 time) is local time at
// SyslogTime::local_offset_minutes, by default Japan Standard Time (+09:00);
// an RFC 3164 time has no year either, so it takes the year that puts it
// closest before SyslogTime::reference_ms (at most 31 days ahead of it).
#pragma once

#include <cstdint>
#include <string_view>

namespace mamori::net::parse {

struct SyslogTime {
  int local_offset_minutes = 9 * 60;  // JST
  std::int64_t reference_ms = 0;      // "now" for the missing year; 0: the system clock
};

struct SyslogFrame {
  int priority = -1;  // <PRI>, -1 when absent
  bool has_time = false;
  std::int64_t time_ms = 0;  // Unix milliseconds, UTC
  std::string_view host;     // empty when the header names none ("-" in RFC 5424)
  std::string_view tag;      // RFC 3164 tag without ':' and pid, or RFC 5424 APP-NAME
  std::string_view body;     // everything after the host: the tag and the message
  std::string_view message;  // the message proper (after the tag, the RFC 5424 structured data, a BOM)
};

// Fills `frame` (its views point into `line`) and returns true when the line
// starts with a syslog header; otherwise returns false and frame.body and
// frame.message are the whole line. Never reads outside `line`.
bool ParseSyslogFrame(std::string_view line, const SyslogTime& time, SyslogFrame& frame);

}  // namespace mamori::net::parse
