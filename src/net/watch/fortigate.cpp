// FortiGate (FortiOS 6.x-7.x) key=value logs. Values are bare words or
// double-quoted with \" and \\ escapes. The whole line is checked (an
// unterminated quote anywhere makes it malformed); only type="traffic"
// records become flows.
//   time:    eventtime (s, ms, µs or ns since the epoch) when present, else
//            date= time= at tz= (JST when there is no tz)
//   zones:   srcintf / dstintf        device: devname, else devid
//   action:  accept, close, timeout, client-rst, server-rst, start, ip-conn … → allowed;
//            deny, drop, block(ed), reject → denied
#include <array>

#include <fmt/format.h>

#include "net/watch/formats.h"
#include "net/watch/scan_util.h"

namespace mamori::net::parse::detail {
namespace {

enum Key : std::uint8_t {
  kType, kSrcIp, kDstIp, kSrcPort, kDstPort, kProto, kAction, kSrcIntf, kDstIntf, kDevName, kDevId, kDate, kTime,
  kTz, kEventTime, kSentByte, kRcvdByte, kSentPkt, kRcvdPkt, kIcmpType, kIcmpCode, kKeyCount, kOther
};

Key KeyOf(std::string_view k) {
  switch (k.size()) {
    case 2:
      if (k == "tz") return kTz;
      break;
    case 4:
      if (k == "type") return kType;
      if (k == "date") return kDate;
      if (k == "time") return kTime;
      break;
    case 5:
      if (k == "srcip") return kSrcIp;
      if (k == "dstip") return kDstIp;
      if (k == "proto") return kProto;
      if (k == "devid") return kDevId;
      break;
    case 6:
      if (k == "action") return kAction;
      break;
    case 7:
      if (k == "srcport") return kSrcPort;
      if (k == "dstport") return kDstPort;
      if (k == "srcintf") return kSrcIntf;
      if (k == "dstintf") return kDstIntf;
      if (k == "devname") return kDevName;
      if (k == "sentpkt") return kSentPkt;
      if (k == "rcvdpkt") return kRcvdPkt;
      break;
    case 8:
      if (k == "sentbyte") return kSentByte;
      if (k == "rcvdbyte") return kRcvdByte;
      if (k == "icmptype") return kIcmpType;
      if (k == "icmpcode") return kIcmpCode;
      break;
    case 9:
      if (k == "eventtime") return kEventTime;
      break;
    default: break;
  }
  return kOther;
}

struct Value {
  std::string_view text;  // without quotes, escapes not decoded
  bool escaped = false;
  bool present = false;
};

void AssignUnescaped(const Value& v, std::string& out) {
  if (!v.escaped) {
    out.assign(v.text);
    return;
  }
  out.clear();
  for (std::size_t i = 0; i < v.text.size(); ++i) {
    if (v.text[i] == '\\' && i + 1 < v.text.size()) ++i;
    out += v.text[i];
  }
}

// "8", "0x08" (FortiOS writes ICMP type and code in hex).
bool ParseSmallNumber(std::string_view s, std::uint16_t& out) {
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    unsigned v = 0;
    for (std::size_t i = 2; i < s.size(); ++i) {
      const char c = AsciiLower(s[i]);
      int d = -1;
      if (c >= '0' && c <= '9') d = c - '0';
      else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
      if (d < 0 || i > 5) return false;
      v = v * 16 + static_cast<unsigned>(d);
    }
    out = static_cast<std::uint16_t>(v);
    return true;
  }
  return ParsePort(s, out);
}

FlowAction ActionOf(std::string_view a) {
  static constexpr std::array<std::string_view, 6> kDenied = {"deny", "drop", "dropped", "block", "blocked", "reject"};
  static constexpr std::array<std::string_view, 11> kAllowed = {"accept", "close", "timeout", "client-rst",
                                                                "server-rst", "start", "ip-conn", "pass",
                                                                "passthrough", "allow", "dns"};
  for (auto d : kDenied)
    if (EqualsIgnoreCase(a, d)) return FlowAction::kDenied;
  for (auto d : kAllowed)
    if (EqualsIgnoreCase(a, d)) return FlowAction::kAllowed;
  return FlowAction::kUnknown;
}

}  // namespace

LineResult ParseFortiGate(std::string_view line, std::string_view msg, const SyslogTime& time, FlowEvent& out) {
  std::array<Value, kKeyCount> v{};
  const std::size_t n = msg.size();
  std::size_t pos = 0;
  std::size_t pairs = 0;
  while (true) {
    while (pos < n && (msg[pos] == ' ' || msg[pos] == '\t')) ++pos;
    if (pos >= n) break;
    const std::size_t key_start = pos;
    while (pos < n && msg[pos] != '=' && msg[pos] != ' ' && msg[pos] != '\t' && msg[pos] != '"') ++pos;
    if (pos >= n || msg[pos] != '=' || pos == key_start)
      return MalformedResult(
          fmt::format("FortiGate の「キー=値」の形になっていない語があります（「{}」）", Quote(msg.substr(key_start, pos - key_start))),
          ColumnOf(line, msg.data() + key_start));
    const std::string_view key = msg.substr(key_start, pos - key_start);
    ++pos;  // '='
    Value val;
    val.present = true;
    if (pos < n && msg[pos] == '"') {
      const std::size_t open = pos;
      ++pos;
      const std::size_t start = pos;
      bool closed = false;
      while (pos < n) {
        const char c = msg[pos];
        if (c == '\\' && pos + 1 < n) {
          val.escaped = true;
          pos += 2;
          continue;
        }
        if (c == '"') {
          closed = true;
          break;
        }
        ++pos;
      }
      if (!closed)
        return MalformedResult(fmt::format("{} の値の引用符（\"）が閉じていません", Quote(key)),
                               ColumnOf(line, msg.data() + open));
      val.text = msg.substr(start, pos - start);
      ++pos;  // closing quote
      if (pos < n && msg[pos] != ' ' && msg[pos] != '\t')
        return MalformedResult(fmt::format("{} の値の閉じ引用符の直後に空白でない文字「{}」があります", Quote(key),
                                           Quote(msg.substr(pos, 1))),
                               ColumnOf(line, msg.data() + pos));
    } else {
      const std::size_t start = pos;
      while (pos < n && msg[pos] != ' ' && msg[pos] != '\t') ++pos;
      val.text = msg.substr(start, pos - start);
    }
    ++pairs;
    const Key k = KeyOf(key);
    if (k != kOther) v[k] = val;
  }
  if (pairs == 0) return SkipResult("空行です");
  if (!v[kType].present)
    return MalformedResult("FortiGate のログに type がありません", ColumnOf(line, msg.data()));
  if (v[kType].text != "traffic")
    return SkipResult(fmt::format("トラフィックログではない FortiGate のログです（type={}）", Quote(v[kType].text)));

  auto col = [&](Key k) { return ColumnOf(line, v[k].text.data()); };
  if (!v[kSrcIp].present) return MalformedResult("srcip（送信元アドレス）がありません", ColumnOf(line, msg.data()));
  if (!ParseAddress(v[kSrcIp].text, out.src))
    return MalformedResult(fmt::format("srcip の値「{}」が IP アドレスではありません", Quote(v[kSrcIp].text)), col(kSrcIp));
  if (!v[kDstIp].present) return MalformedResult("dstip（宛先アドレス）がありません", ColumnOf(line, msg.data()));
  if (!ParseAddress(v[kDstIp].text, out.dst))
    return MalformedResult(fmt::format("dstip の値「{}」が IP アドレスではありません", Quote(v[kDstIp].text)), col(kDstIp));
  if (v[kProto].present) {
    std::uint64_t p = 0;
    if (!ParseUnsigned(v[kProto].text, 255, p))
      return MalformedResult(fmt::format("proto の値「{}」がプロトコル番号ではありません", Quote(v[kProto].text)), col(kProto));
    out.protocol = static_cast<std::uint8_t>(p);
  }
  for (Key k : {kSrcPort, kDstPort}) {
    if (!v[k].present) continue;
    if (!ParsePort(v[k].text, k == kSrcPort ? out.src_port : out.dst_port))
      return MalformedResult(fmt::format("{} の値「{}」がポート番号ではありません", k == kSrcPort ? "srcport" : "dstport",
                                         Quote(v[k].text)),
                             col(k));
  }
  if (out.protocol == kProtoIcmp || out.protocol == kProtoIcmpV6) {
    for (Key k : {kIcmpType, kIcmpCode}) {
      if (!v[k].present) continue;
      if (!ParseSmallNumber(v[k].text, k == kIcmpType ? out.src_port : out.dst_port))
        return MalformedResult(fmt::format("{} の値「{}」が ICMP の型・コードではありません",
                                           k == kIcmpType ? "icmptype" : "icmpcode", Quote(v[k].text)),
                               col(k));
    }
  }
  std::array<std::uint64_t, kKeyCount> num{};
  for (Key k : {kSentByte, kRcvdByte, kSentPkt, kRcvdPkt}) {
    if (!v[k].present) continue;
    if (!ParseUnsigned(v[k].text, UINT64_MAX / 4, num[k]))
      return MalformedResult(fmt::format("{} の値「{}」が 0 以上の整数ではありません",
                                         k == kSentByte ? "sentbyte" : k == kRcvdByte ? "rcvdbyte" : k == kSentPkt ? "sentpkt" : "rcvdpkt",
                                         Quote(v[k].text)),
                             col(k));
  }
  out.bytes = num[kSentByte] + num[kRcvdByte];
  out.packets = num[kSentPkt] + num[kRcvdPkt];

  if (v[kEventTime].present) {
    std::uint64_t et = 0;
    if (!ParseUnsigned(v[kEventTime].text, UINT64_MAX, et))
      return MalformedResult(fmt::format("eventtime の値「{}」が時刻ではありません", Quote(v[kEventTime].text)),
                             col(kEventTime));
    out.time_ms = EpochToMs(et);
  } else if (v[kDate].present && v[kTime].present) {
    int offset = time.local_offset_minutes;
    if (v[kTz].present && !ParseZoneOffset(v[kTz].text, offset))
      return MalformedResult(fmt::format("tz の値「{}」が時差（+0900 など）ではありません", Quote(v[kTz].text)), col(kTz));
    std::array<char, 32> buf{};
    const std::string_view d = v[kDate].text, t = v[kTime].text;
    if (d.size() + t.size() + 1 > buf.size())
      return MalformedResult(fmt::format("date と time「{} {}」が日時ではありません", Quote(d), Quote(t)), col(kDate));
    std::size_t len = 0;
    for (char c : d) buf[len++] = c;
    buf[len++] = ' ';
    for (char c : t) buf[len++] = c;
    if (!ParseIsoTime(std::string_view(buf.data(), len), offset, out.time_ms))
      return MalformedResult(fmt::format("date と time「{} {}」が日時ではありません", Quote(d), Quote(t)), col(kDate));
  }
  if (v[kSrcIntf].present) AssignUnescaped(v[kSrcIntf], out.src_zone);
  if (v[kDstIntf].present) AssignUnescaped(v[kDstIntf], out.dst_zone);
  if (v[kDevName].present && !v[kDevName].text.empty()) AssignUnescaped(v[kDevName], out.device);
  else if (v[kDevId].present) AssignUnescaped(v[kDevId], out.device);
  if (v[kAction].present) out.action = ActionOf(v[kAction].text);
  return FlowResult();
}

}  // namespace mamori::net::parse::detail
