// The per-format line parsers behind LineParser (internal to src/net/watch).
// Each reads `msg` — the message of one line, a view into `line` — and fills
// `out`, which the caller has reset. Columns in results are 1-based byte
// positions in `line`.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "net/flow.h"
#include "net/watch/line_parser.h"
#include "net/watch/syslog_frame.h"

namespace mamori::net::parse::detail {

inline std::size_t ColumnOf(std::string_view line, const char* at) {
  return static_cast<std::size_t>(at - line.data()) + 1;
}
inline LineResult FlowResult() { return {LineOutcome::kFlow, {}, 0}; }
inline LineResult SkipResult(std::string reason) { return {LineOutcome::kSkip, std::move(reason), 0}; }
inline LineResult MalformedResult(std::string reason, std::size_t column) {
  return {LineOutcome::kMalformed, std::move(reason), column};
}
void ResetFlow(FlowEvent& f);

// Zeek TSV: the header state of one stream.
struct ZeekTsvState {
  enum Role : std::uint8_t {
    kNone, kTs, kOrigH, kOrigP, kRespH, kRespP, kProto,
    kOrigBytes, kRespBytes, kOrigIpBytes, kRespIpBytes, kOrigPkts, kRespPkts,
  };
  char separator = '\t';
  std::string unset = "-";
  std::string empty = "(empty)";
  bool have_fields = false;  // a #fields line was read
  std::string path;          // #path, empty when none was given
  std::vector<Role> roles;   // per column
  std::string layout_problem;  // why the #fields cannot be read, empty when fine
};
LineResult ParseZeekTsv(ZeekTsvState& state, std::string_view line, FlowEvent& out);

LineResult ParseZeekJson(std::string_view line, std::string_view msg, const SyslogTime& time, FlowEvent& out);
LineResult ParseSuricata(std::string_view line, std::string_view msg, const SyslogTime& time, FlowEvent& out);
LineResult ParseFortiGate(std::string_view line, std::string_view msg, const SyslogTime& time, FlowEvent& out);
LineResult ParsePanos(std::string_view line, std::string_view msg, const SyslogTime& time, FlowEvent& out);

// ASA: which side of a connection initiated it, remembered from "Built" for
// its "Teardown" (a fixed-size table; a missed entry falls back to ports).
struct AsaState {
  struct Entry {
    std::uint64_t key = 0;
    std::uint8_t initiator_is_for = 0;  // 0 empty, 1 the "for" side, 2 the "to" side
  };
  std::array<Entry, 8192> directions{};
};
LineResult ParseAsa(AsaState& state, std::string_view line, std::string_view msg, FlowEvent& out);

// iptables: `body` is the syslog body (tag included) where the log prefix is.
LineResult ParseIptables(std::string_view line, std::string_view body, FlowEvent& out);

// Which format a message (syslog header removed) looks like; kAuto if none.
Format DetectFormat(std::string_view msg);

}  // namespace mamori::net::parse::detail
