// Line-oriented parsers of the traffic logs `mamori net watch` reads: one
// FlowEvent per line that records a connection.
//
// Formats (the name on the command line in brackets):
//   Zeek conn.log TSV [zeek]      header-driven: #separator, #unset_field,
//                                 #empty_field, #path and #fields set how the
//                                 data lines are read; "-" and "(empty)" are unset.
//                                 Without a #fields header the first seven
//                                 columns of the standard layout are assumed.
//   Zeek conn.log JSON [zeek-json]  one object per line ("id.orig_h" …, or a nested "id").
//   Suricata EVE JSON [suricata]  every event with src_ip/dest_ip (flow,
//                                 netflow, alert, http, dns, tls …); action from
//                                 alert.action, flow.action or a "drop" event.
//   FortiGate key=value [fortigate]  type="traffic" records (other types are skipped).
//   PAN-OS CSV [panos]            TRAFFIC records by the position of the fixed
//                                 leading fields (the 65-field form and the longer ones).
//   Cisco ASA / FTD [asa]         302013/302014/302015/302016 (built/teardown),
//                                 106001, 106006, 106007, 106014, 106015, 106023,
//                                 106100, 710002, 710003; other ids are skipped.
//   iptables / nftables [iptables]  kernel log lines with IN= OUT= SRC= DST= …
//   auto [auto]                   detected line by line; sticks to Zeek TSV once
//                                 a #fields header has been read.
// A line may carry a syslog header (see syslog_frame.h); its host becomes the
// FlowEvent's device when the record names none, and its time is used when the
// record has none. Times without a zone (PAN-OS, a FortiGate record without
// tz, RFC 3164 headers) are read as Japan Standard Time (+09:00) unless
// LineParserOptions says otherwise.
//
// Hostile input: a line longer than max_line_bytes, or one that is not what its
// format says, yields kMalformed with a Japanese reason and the 1-based byte
// column where it went wrong; Parse never throws and never reads outside the
// line. A line that is well-formed but records no connection (a header, an
// event log, a NAT message) is kSkip with the reason.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "net/flow.h"
#include "net/watch/syslog_frame.h"

namespace mamori::net::parse {

enum class Format { kAuto, kZeekTsv, kZeekJson, kSuricata, kFortiGate, kPanos, kAsa, kIptables };

// "auto", "zeek", "zeek-json", "suricata", "fortigate", "panos", "asa", "iptables".
std::optional<Format> FormatFromName(std::string_view name);
std::string_view FormatName(Format format);

enum class LineOutcome {
  kFlow,       // `out` holds a connection
  kSkip,       // a header, a comment, an empty line or a record that is not traffic
  kMalformed,  // the line is not valid in its format
};

struct LineResult {
  LineOutcome outcome = LineOutcome::kSkip;
  std::string reason;      // Japanese: why it was skipped or what is wrong (empty for kFlow)
  std::size_t column = 0;  // kMalformed: 1-based byte column where it went wrong
};

struct LineParserOptions {
  std::size_t max_line_bytes = 64 * 1024;
  SyslogTime time;  // zone of local times (JST) and "now" for a year-less syslog time
};

class LineParser {
 public:
  explicit LineParser(Format format, LineParserOptions options = {});
  ~LineParser();
  LineParser(LineParser&&) noexcept;
  LineParser& operator=(LineParser&&) noexcept;
  LineParser(const LineParser&) = delete;
  LineParser& operator=(const LineParser&) = delete;

  // One line, without or with its line ending ("\n", "\r\n"). Every field of
  // `out` is overwritten; its strings keep their capacity (no allocation per
  // line once they have grown).
  LineResult Parse(std::string_view line, FlowEvent& out);

  [[nodiscard]] Format format() const { return format_; }
  // The format of the last line read (for kAuto: as detected; kAuto when the
  // line matched no format).
  [[nodiscard]] Format detected() const { return detected_; }

  struct State;  // per-stream state (Zeek header, ASA connection directions)

 private:
  Format format_;
  Format detected_;
  LineParserOptions options_;
  std::unique_ptr<State> state_;
};

}  // namespace mamori::net::parse
