// PAN-OS syslog CSV. Fields by their fixed position (0-based), the same in
// the 65-field form of PAN-OS 8.x and the longer forms of 9.x-11.x:
//    1 receive time   2 serial   3 type   4 subtype   6 generated time
//    7 source   8 destination   9/10 NAT source/destination (not the endpoints)
//   16 from zone   17 to zone   24 source port   25 destination port
//   29 protocol   30 action   31 bytes   34 packets   52 device name
// Only type TRAFFIC is a flow. The generated time is the firewall's local time
// without a zone (read as JST unless configured); when a later field holds the
// ISO 8601 high-resolution timestamp with its zone (PAN-OS 10+), that is used.
// Actions: allow → allowed; deny, drop, drop ICMP, reset-client/server/both → denied.
#include <algorithm>
#include <array>
#include <cstring>

#include <fmt/format.h>

#include "net/watch/formats.h"
#include "net/watch/scan_util.h"

namespace mamori::net::parse::detail {
namespace {

constexpr std::size_t kMaxFields = 256;
constexpr std::size_t kMinTrafficFields = 35;

struct Field {
  std::string_view text;  // quotes removed, "" not yet undoubled
  bool quoted = false;
};

FlowAction ActionOf(std::string_view a) {
  if (EqualsIgnoreCase(a, "allow")) return FlowAction::kAllowed;
  if (EqualsIgnoreCase(a, "deny") || EqualsIgnoreCase(a, "drop") || EqualsIgnoreCase(a, "drop ICMP") ||
      EqualsIgnoreCase(a, "drop-icmp") || EqualsIgnoreCase(a, "block") || a.starts_with("reset"))
    return FlowAction::kDenied;
  return FlowAction::kUnknown;
}

void AssignField(const Field& f, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < f.text.size(); ++i) {
    out += f.text[i];
    if (f.quoted && f.text[i] == '"' && i + 1 < f.text.size() && f.text[i + 1] == '"') ++i;
  }
}

bool LooksIsoWithZone(std::string_view s) {
  return s.size() >= 20 && s[4] == '-' && s[7] == '-' && s[10] == 'T' &&
         (s.back() == 'Z' || s.find_last_of("+-") > 18);
}

}  // namespace

LineResult ParsePanos(std::string_view line, std::string_view msg, const SyslogTime& time, FlowEvent& out) {
  std::array<Field, kMaxFields> f{};
  std::size_t count = 0;
  const std::size_t n = msg.size();
  std::size_t pos = 0;
  while (true) {
    Field field;
    if (pos < n && msg[pos] == '"') {
      const std::size_t open = pos;
      ++pos;
      const std::size_t start = pos;
      bool closed = false;
      while (pos < n) {
        if (msg[pos] == '"') {
          if (pos + 1 < n && msg[pos + 1] == '"') {
            pos += 2;
            continue;
          }
          closed = true;
          break;
        }
        ++pos;
      }
      if (!closed)
        return MalformedResult(fmt::format("{} 番目の欄の引用符（\"）が閉じていません", count + 1),
                               ColumnOf(line, msg.data() + open));
      field.text = msg.substr(start, pos - start);
      field.quoted = true;
      ++pos;
      if (pos < n && msg[pos] != ',')
        return MalformedResult(fmt::format("{} 番目の欄の閉じ引用符の直後が ',' ではありません", count + 1),
                               ColumnOf(line, msg.data() + pos));
    } else {
      const std::size_t start = pos;
      const void* comma = pos < n ? std::memchr(msg.data() + pos, ',', n - pos) : nullptr;
      pos = comma != nullptr ? static_cast<std::size_t>(static_cast<const char*>(comma) - msg.data()) : n;
      field.text = msg.substr(start, pos - start);
    }
    if (count < kMaxFields) f[count] = field;
    ++count;
    if (pos >= n) break;
    ++pos;  // ','
  }
  if (count < 5 || f[1].text.size() < 10 || f[1].text[4] != '/')
    return MalformedResult("PAN-OS の CSV ログではありません（2 番目の欄が受信日時ではありません）", ColumnOf(line, msg.data()));
  const std::string_view type = f[3].text;
  if (type != "TRAFFIC")
    return SkipResult(fmt::format("トラフィックログではない PAN-OS のログです（{}）", Quote(type)));
  if (count < kMinTrafficFields)
    return MalformedResult(
        fmt::format("PAN-OS の TRAFFIC ログの欄が足りません（{} 欄。少なくとも {} 欄が必要です）", count, kMinTrafficFields),
        ColumnOf(line, msg.data() + n));

  auto col = [&](std::size_t i) { return ColumnOf(line, f[i].text.data()); };
  if (!ParseAddress(f[7].text, out.src))
    return MalformedResult(fmt::format("送信元アドレス（8 番目の欄）「{}」が IP アドレスではありません", Quote(f[7].text)), col(7));
  if (!ParseAddress(f[8].text, out.dst))
    return MalformedResult(fmt::format("宛先アドレス（9 番目の欄）「{}」が IP アドレスではありません", Quote(f[8].text)), col(8));
  if (!f[24].text.empty() && !ParsePort(f[24].text, out.src_port))
    return MalformedResult(fmt::format("送信元ポート（25 番目の欄）「{}」がポート番号ではありません", Quote(f[24].text)), col(24));
  if (!f[25].text.empty() && !ParsePort(f[25].text, out.dst_port))
    return MalformedResult(fmt::format("宛先ポート（26 番目の欄）「{}」がポート番号ではありません", Quote(f[25].text)), col(25));
  std::uint8_t proto = 0;
  if (ParseProtocol(f[29].text, proto)) out.protocol = proto;
  std::uint64_t v = 0;
  if (!f[31].text.empty()) {
    if (!ParseUnsigned(f[31].text, UINT64_MAX / 4, v))
      return MalformedResult(fmt::format("バイト数（32 番目の欄）「{}」が整数ではありません", Quote(f[31].text)), col(31));
    out.bytes = v;
  }
  if (!f[34].text.empty()) {
    if (!ParseUnsigned(f[34].text, UINT64_MAX / 4, v))
      return MalformedResult(fmt::format("パケット数（35 番目の欄）「{}」が整数ではありません", Quote(f[34].text)), col(34));
    out.packets = v;
  }
  out.action = ActionOf(f[30].text);
  if (out.action == FlowAction::kUnknown) {
    if (f[4].text == "deny" || f[4].text == "drop") out.action = FlowAction::kDenied;
  }
  AssignField(f[16], out.src_zone);
  AssignField(f[17], out.dst_zone);
  if (count > 52 && !f[52].text.empty()) AssignField(f[52], out.device);
  else AssignField(f[2], out.device);

  bool timed = false;
  for (std::size_t i = 53; i < std::min(count, kMaxFields); ++i) {
    if (!LooksIsoWithZone(f[i].text)) continue;
    if (ParseIsoTime(f[i].text, time.local_offset_minutes, out.time_ms)) {
      timed = true;
      break;
    }
  }
  if (!timed && !f[6].text.empty() && !ParseIsoTime(f[6].text, time.local_offset_minutes, out.time_ms))
    return MalformedResult(fmt::format("生成日時（7 番目の欄）「{}」が日時ではありません", Quote(f[6].text)), col(6));
  return FlowResult();
}

}  // namespace mamori::net::parse::detail
