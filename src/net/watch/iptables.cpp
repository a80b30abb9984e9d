// Linux netfilter LOG / nftables log lines as the kernel writes them:
//   [prefix]IN=eth0 OUT= MAC=… SRC=… DST=… LEN=52 … PROTO=TCP SPT=38842 DPT=443 …
// The words from IN= to the end are read; a '[' word (the packet quoted
// inside an ICMP error) ends them. IN/OUT become the zones, LEN the bytes of
// the one packet. The action comes from the log prefix the rule set: a word
// such as DROP, DENY, REJECT, BLOCK (denied) or ACCEPT, ALLOW, PERMIT (allowed),
// or the EdgeOS/UniFi "[rule-N-D]" / "-A]" / "-R]" suffix; otherwise unknown.
#include <array>

#include <fmt/format.h>

#include "net/watch/formats.h"
#include "net/watch/scan_util.h"

namespace mamori::net::parse::detail {
namespace {

FlowAction ActionFromPrefix(std::string_view prefix) {
  static constexpr std::array<std::string_view, 5> kDenied = {"DROP", "DENY", "REJECT", "BLOCK", "DISCARD"};
  static constexpr std::array<std::string_view, 4> kAllowed = {"ACCEPT", "ALLOW", "PERMIT", "PASS"};
  for (auto w : kDenied)
    if (FindIgnoreCase(prefix, w) != std::string_view::npos) return FlowAction::kDenied;
  for (auto w : kAllowed)
    if (FindIgnoreCase(prefix, w) != std::string_view::npos) return FlowAction::kAllowed;
  // EdgeOS / UniFi: "[WAN_IN-2000-D]", "[LAN_LOCAL-default-A]".
  for (std::size_t i = 0; i + 2 < prefix.size(); ++i) {
    if (prefix[i] != '-' || prefix[i + 2] != ']') continue;
    if (prefix[i + 1] == 'D' || prefix[i + 1] == 'R') return FlowAction::kDenied;
    if (prefix[i + 1] == 'A') return FlowAction::kAllowed;
  }
  return FlowAction::kUnknown;
}

// "IN=" at the start of a word (or right after the prefix's closing ']').
std::size_t FindIn(std::string_view body) {
  std::size_t from = 0;
  while (true) {
    const std::size_t at = Find(body, "IN=", from);
    if (at == std::string_view::npos) return at;
    if (at == 0 || body[at - 1] == ' ' || body[at - 1] == ']' || body[at - 1] == ':') return at;
    from = at + 1;
  }
}

}  // namespace

LineResult ParseIptables(std::string_view line, std::string_view body, FlowEvent& out) {
  const std::size_t in_at = FindIn(body);
  if (in_at == std::string_view::npos) return SkipResult("iptables / nftables のパケットログ（IN=…）ではありません");
  const std::string_view prefix = body.substr(0, in_at);
  const std::string_view rest = body.substr(in_at);
  std::string_view in, out_if, src, dst, proto, spt, dpt, type, code, len;
  bool have_in = false, have_out = false, have_len = false;
  std::size_t pos = 0;
  while (pos < rest.size()) {
    while (pos < rest.size() && rest[pos] == ' ') ++pos;
    if (pos >= rest.size() || rest[pos] == '[') break;
    const std::size_t start = pos;
    while (pos < rest.size() && rest[pos] != ' ') ++pos;
    const std::string_view word = rest.substr(start, pos - start);
    const std::size_t eq = word.find('=');
    if (eq == std::string_view::npos) continue;  // flags such as DF, SYN, ACK
    const std::string_view key = word.substr(0, eq), value = word.substr(eq + 1);
    if (key == "IN" && !have_in) {
      in = value;
      have_in = true;
    } else if (key == "OUT" && !have_out) {
      out_if = value;
      have_out = true;
    } else if (key == "SRC" && src.empty()) {
      src = value;
    } else if (key == "DST" && dst.empty()) {
      dst = value;
    } else if (key == "PROTO" && proto.empty()) {
      proto = value;
    } else if (key == "SPT" && spt.empty()) {
      spt = value;
    } else if (key == "DPT" && dpt.empty()) {
      dpt = value;
    } else if (key == "TYPE" && type.empty()) {
      type = value;
    } else if (key == "CODE" && code.empty()) {
      code = value;
    } else if (key == "LEN" && !have_len) {
      len = value;
      have_len = true;
    }
  }
  const std::size_t fallback = ColumnOf(line, rest.data());
  if (src.empty()) return MalformedResult("SRC=（送信元アドレス）がありません", fallback);
  if (!ParseAddress(src, out.src))
    return MalformedResult(fmt::format("SRC= の値「{}」が IP アドレスではありません", Quote(src)), ColumnOf(line, src.data()));
  if (dst.empty()) return MalformedResult("DST=（宛先アドレス）がありません", fallback);
  if (!ParseAddress(dst, out.dst))
    return MalformedResult(fmt::format("DST= の値「{}」が IP アドレスではありません", Quote(dst)), ColumnOf(line, dst.data()));
  std::uint8_t p = 0;
  if (!proto.empty() && ParseProtocol(proto, p)) out.protocol = p;
  if (out.protocol == kProtoIcmp || out.protocol == kProtoIcmpV6) {
    spt = type;
    dpt = code;
  }
  if (!spt.empty() && !ParsePort(spt, out.src_port))
    return MalformedResult(fmt::format("送信元ポートの値「{}」が正しくありません", Quote(spt)), ColumnOf(line, spt.data()));
  if (!dpt.empty() && !ParsePort(dpt, out.dst_port))
    return MalformedResult(fmt::format("宛先ポートの値「{}」が正しくありません", Quote(dpt)), ColumnOf(line, dpt.data()));
  std::uint64_t bytes = 0;
  if (!len.empty()) {
    if (!ParseUnsigned(len, 65535 + 40, bytes))
      return MalformedResult(fmt::format("LEN= の値「{}」がパケット長ではありません", Quote(len)), ColumnOf(line, len.data()));
    out.bytes = bytes;
    out.packets = 1;
  }
  out.src_zone.assign(in);
  out.dst_zone.assign(out_if);
  out.action = ActionFromPrefix(prefix);
  return FlowResult();
}

}  // namespace mamori::net::parse::detail
