// Cisco ASA / Firepower Threat Defense syslog messages (%ASA-, %FTD-, %PIX-).
//
//   302013/302015  Built {inbound|outbound} {TCP|UDP} connection ID for IF:ADDR/PORT (MAPPED) to IF:ADDR/PORT (MAPPED)
//   302014/302016  Teardown {TCP|UDP} connection ID for IF:ADDR/PORT to IF:ADDR/PORT duration H:MM:SS bytes N …
//   106001         Inbound TCP connection denied from ADDR/PORT to ADDR/PORT flags … on interface IF
//   106006/106007  Deny inbound UDP from ADDR/PORT to ADDR/PORT {on interface IF | due to DNS …}
//   106014         Deny inbound icmp src IF:ADDR dst IF:ADDR (type N, code M)
//   106015         Deny TCP (no connection) from ADDR/PORT to ADDR/PORT flags … on interface IF
//   106023         Deny PROTO src IF:ADDR[/PORT] dst IF:ADDR[/PORT] [(type N, code M)] by access-group "ACL" …
//   106100         access-list ACL {permitted|denied|est-allowed} PROTO IF/ADDR(PORT) -> IF/ADDR(PORT) hit-cnt …
//   710002/710003  {TCP|UDP} access {permitted|denied by ACL} from ADDR/PORT to IF:ADDR/{PORT|service}
//
// The initiator is the source. "Built inbound" means the "for" side opened the
// connection, "Built outbound" the "to" side (Cisco's reading: the direction is
// that of the first packet, whatever the interface order). A teardown does not
// say; it takes the direction its Built message gave (remembered per
// connection id), or else the side with the higher port is taken as the
// initiator (equal ports: the "to" side). Interface names become the zones;
// for a message that names only the receiving interface, that is the source's zone.
#include <array>

#include <fmt/format.h>

#include "net/watch/formats.h"
#include "net/watch/scan_util.h"

namespace mamori::net::parse::detail {
namespace {

struct Endpoint {
  std::string_view iface;
  Address addr;
  std::uint16_t port = 0;
};

struct ParseError {
  std::size_t at = 0;  // offset in the text
  std::string what;    // Japanese: what was expected
};

class Cursor {
 public:
  explicit Cursor(std::string_view s) : s_(s) {}

  void SkipSpaces() {
    while (pos_ < s_.size() && s_[pos_] == ' ') ++pos_;
  }
  [[nodiscard]] std::size_t pos() const { return pos_; }
  [[nodiscard]] bool AtEnd() const { return pos_ >= s_.size(); }
  [[nodiscard]] char Peek() const { return pos_ < s_.size() ? s_[pos_] : '\0'; }
  [[nodiscard]] std::string_view Rest() const { return s_.substr(pos_); }

  // The next space-delimited word (empty at the end).
  std::string_view NextWord() {
    SkipSpaces();
    const std::size_t start = pos_;
    while (pos_ < s_.size() && s_[pos_] != ' ') ++pos_;
    return s_.substr(start, pos_ - start);
  }
  // Consumes `word` (case-insensitive) if it is the next word.
  bool Word(std::string_view word) {
    SkipSpaces();
    if (pos_ + word.size() > s_.size() || !EqualsIgnoreCase(s_.substr(pos_, word.size()), word)) return false;
    if (pos_ + word.size() < s_.size() && s_[pos_ + word.size()] != ' ') return false;
    pos_ += word.size();
    return true;
  }
  // Skips "(…)" groups (mapped addresses, user names); returns the last
  // group's inside when it starts with "type " (ICMP type and code).
  std::string_view SkipGroups() {
    std::string_view icmp;
    while (true) {
      SkipSpaces();
      if (Peek() != '(') return icmp;
      const std::size_t close = s_.find(')', pos_);
      if (close == std::string_view::npos) return icmp;
      const std::string_view inside = s_.substr(pos_ + 1, close - pos_ - 1);
      if (inside.starts_with("type ")) icmp = inside;
      pos_ = close + 1;
    }
  }
  // IF:ADDR[/PORT]; the interface name may hold spaces ("NP Identity Ifc").
  bool ColonEndpoint(Endpoint& ep, bool port_required, ParseError& err) {
    SkipSpaces();
    const std::size_t start = pos_;
    std::size_t i = pos_;
    while (i < s_.size() && s_[i] != ':' && s_[i] != '/' && s_[i] != '(' && i - start < 64) ++i;
    if (i >= s_.size() || s_[i] != ':' || i == start) {
      err = {start, "「インターフェース名:アドレス」"};
      return false;
    }
    ep.iface = s_.substr(start, i - start);
    pos_ = i + 1;
    return AddrPort(ep, port_required, err);
  }
  // ADDR/PORT, or IF:ADDR/PORT when an interface name comes first.
  bool PlainEndpoint(Endpoint& ep, ParseError& err) {
    SkipSpaces();
    const std::size_t start = pos_;
    if (AddrPort(ep, true, err)) return true;
    pos_ = start;
    return ColonEndpoint(ep, true, err);
  }
  // IF/ADDR(PORT) as 106100 writes it.
  bool SlashEndpoint(Endpoint& ep, ParseError& err) {
    SkipSpaces();
    const std::size_t start = pos_;
    const std::size_t open = s_.find('(', pos_);
    const std::size_t space = s_.find(' ', pos_);
    if (open == std::string_view::npos || (space != std::string_view::npos && space < open)) {
      err = {start, "「インターフェース名/アドレス(ポート)」"};
      return false;
    }
    const std::size_t slash = s_.rfind('/', open);
    if (slash == std::string_view::npos || slash < start) {
      err = {start, "「インターフェース名/アドレス(ポート)」"};
      return false;
    }
    ep.iface = s_.substr(start, slash - start);
    if (!ParseAddress(s_.substr(slash + 1, open - slash - 1), ep.addr)) {
      err = {slash + 1, "「IP アドレス」"};
      return false;
    }
    const std::size_t close = s_.find(')', open);
    if (close == std::string_view::npos || !ParsePort(s_.substr(open + 1, close - open - 1), ep.port)) {
      err = {open + 1, "「(ポート番号)」"};
      return false;
    }
    pos_ = close + 1;
    return true;
  }

 private:
  bool AddrPort(Endpoint& ep, bool port_required, ParseError& err) {
    const std::size_t start = pos_;
    std::size_t i = pos_;
    while (i < s_.size() && s_[i] != '/' && s_[i] != ' ' && s_[i] != '(' && s_[i] != ',') ++i;
    if (!ParseAddress(s_.substr(start, i - start), ep.addr)) {
      err = {start, "「IP アドレス」"};
      return false;
    }
    pos_ = i;
    if (i >= s_.size() || s_[i] != '/') {
      if (!port_required) return true;
      err = {i, "「/ポート番号」"};
      return false;
    }
    std::size_t j = i + 1;
    while (j < s_.size() && s_[j] != ' ' && s_[j] != '(' && s_[j] != ',') ++j;
    const std::string_view port = s_.substr(i + 1, j - i - 1);
    if (!ParsePort(port, ep.port) && !ServicePort(port, ep.port)) {
      err = {i + 1, "「ポート番号」"};
      return false;
    }
    pos_ = j;
    return true;
  }
  static bool ServicePort(std::string_view name, std::uint16_t& port) {
    struct Named {
      std::string_view name;
      std::uint16_t port;
    };
    static constexpr std::array<Named, 14> kServices = {{{"ssh", 22},
                                                         {"telnet", 23},
                                                         {"smtp", 25},
                                                         {"domain", 53},
                                                         {"www", 80},
                                                         {"http", 80},
                                                         {"https", 443},
                                                         {"snmp", 161},
                                                         {"ntp", 123},
                                                         {"ldap", 389},
                                                         {"ldaps", 636},
                                                         {"isakmp", 500},
                                                         {"sqlnet", 1521},
                                                         {"ftp", 21}}};
    for (const auto& s : kServices)
      if (EqualsIgnoreCase(name, s.name)) {
        port = s.port;
        return true;
      }
    return false;
  }

  std::string_view s_;
  std::size_t pos_ = 0;
};

bool ProtocolWord(Cursor& c, std::uint8_t& proto, ParseError& err) {
  c.SkipSpaces();
  const std::size_t at = c.pos();
  std::string_view w = c.NextWord();
  if (EqualsIgnoreCase(w, "protocol")) w = c.NextWord();
  if (!ParseProtocol(w, proto)) {
    err = {at, "プロトコル名（TCP、UDP、icmp など）"};
    return false;
  }
  return true;
}

bool Expect(Cursor& c, std::string_view word, ParseError& err) {
  if (c.Word(word)) return true;
  c.SkipSpaces();
  err = {c.pos(), fmt::format("「{}」", word)};
  return false;
}

// "type 8, code 0" → ports.
void IcmpTypeCode(std::string_view group, FlowEvent& out) {
  if (group.empty()) return;
  std::size_t i = 5;
  std::size_t j = i;
  while (j < group.size() && IsDigit(group[j])) ++j;
  std::uint16_t type = 0, code = 0;
  if (!ParsePort(group.substr(i, j - i), type)) return;
  const std::size_t c = group.find("code ", j);
  if (c == std::string_view::npos) return;
  std::size_t k = c + 5;
  while (k < group.size() && IsDigit(group[k])) ++k;
  if (!ParsePort(group.substr(c + 5, k - c - 5), code)) return;
  out.src_port = type;
  out.dst_port = code;
}

std::string_view InterfaceAfter(std::string_view text, std::string_view marker) {
  const std::size_t at = Find(text, marker);
  if (at == std::string_view::npos) return {};
  std::string_view rest = text.substr(at + marker.size());
  std::size_t end = 0;
  while (end < rest.size() && rest[end] != ' ') ++end;
  rest = rest.substr(0, end);
  while (!rest.empty() && (rest.back() == '.' || rest.back() == ',')) rest.remove_suffix(1);
  return rest;
}

void Fill(FlowEvent& out, const Endpoint& src, const Endpoint& dst, std::uint8_t proto, FlowAction action) {
  out.src = src.addr;
  out.dst = dst.addr;
  out.src_port = src.port;
  out.dst_port = dst.port;
  out.protocol = proto;
  out.action = action;
  out.src_zone.assign(src.iface);
  out.dst_zone.assign(dst.iface);
}

// Returns true on success; on failure `err` says where and what was expected.
bool ParseMessage(AsaState& st, unsigned id, std::string_view text, FlowEvent& out, ParseError& err) {
  Cursor c(text);
  Endpoint a, b;
  std::uint8_t proto = 0;
  switch (id) {
    case 302013:
    case 302015: {
      if (!Expect(c, "Built", err)) return false;
      c.SkipSpaces();
      const std::size_t dir_at = c.pos();
      const std::string_view dir = c.NextWord();
      const bool inbound = EqualsIgnoreCase(dir, "inbound");
      if (!inbound && !EqualsIgnoreCase(dir, "outbound")) {
        err = {dir_at, "「inbound」か「outbound」"};
        return false;
      }
      if (!ProtocolWord(c, proto, err) || !Expect(c, "connection", err)) return false;
      c.SkipSpaces();
      const std::size_t id_at = c.pos();
      std::uint64_t conn = 0;
      if (!ParseUnsigned(c.NextWord(), UINT64_MAX - 1, conn)) {
        err = {id_at, "「接続番号」"};
        return false;
      }
      if (!Expect(c, "for", err) || !c.ColonEndpoint(a, true, err)) return false;
      c.SkipGroups();
      if (!Expect(c, "to", err) || !c.ColonEndpoint(b, true, err)) return false;
      auto& slot = st.directions[conn % st.directions.size()];
      slot.key = conn + 1;
      slot.initiator_is_for = inbound ? 1 : 2;
      if (inbound) Fill(out, a, b, proto, FlowAction::kAllowed);
      else Fill(out, b, a, proto, FlowAction::kAllowed);
      return true;
    }
    case 302014:
    case 302016: {
      if (!Expect(c, "Teardown", err) || !ProtocolWord(c, proto, err) || !Expect(c, "connection", err)) return false;
      c.SkipSpaces();
      const std::size_t id_at = c.pos();
      std::uint64_t conn = 0;
      if (!ParseUnsigned(c.NextWord(), UINT64_MAX - 1, conn)) {
        err = {id_at, "「接続番号」"};
        return false;
      }
      if (!Expect(c, "for", err) || !c.ColonEndpoint(a, true, err)) return false;
      c.SkipGroups();
      if (!Expect(c, "to", err) || !c.ColonEndpoint(b, true, err)) return false;
      c.SkipGroups();
      std::uint64_t bytes = 0;
      const std::string_view rest = c.Rest();
      if (const std::size_t at = Find(rest, " bytes "); at != std::string_view::npos) {
        std::size_t e = at + 7;
        while (e < rest.size() && IsDigit(rest[e])) ++e;
        if (!ParseUnsigned(rest.substr(at + 7, e - at - 7), UINT64_MAX / 4, bytes)) {
          err = {c.pos() + at + 7, "「バイト数」"};
          return false;
        }
      }
      auto& slot = st.directions[conn % st.directions.size()];
      bool for_initiates = false;
      if (slot.key == conn + 1) {
        for_initiates = slot.initiator_is_for == 1;
        slot = {};
      } else {
        for_initiates = a.port > b.port;  // the service is the lower port
      }
      if (for_initiates) Fill(out, a, b, proto, FlowAction::kAllowed);
      else Fill(out, b, a, proto, FlowAction::kAllowed);
      out.bytes = bytes;
      return true;
    }
    case 106001: {
      if (!Expect(c, "Inbound", err) || !ProtocolWord(c, proto, err) || !Expect(c, "connection", err) ||
          !Expect(c, "denied", err) || !Expect(c, "from", err) || !c.PlainEndpoint(a, err) || !Expect(c, "to", err) ||
          !c.PlainEndpoint(b, err))
        return false;
      if (a.iface.empty()) a.iface = InterfaceAfter(c.Rest(), "on interface ");
      Fill(out, a, b, proto, FlowAction::kDenied);
      return true;
    }
    case 106006:
    case 106007: {
      if (!Expect(c, "Deny", err) || !Expect(c, "inbound", err) || !ProtocolWord(c, proto, err) ||
          !Expect(c, "from", err) || !c.PlainEndpoint(a, err) || !Expect(c, "to", err) || !c.PlainEndpoint(b, err))
        return false;
      if (a.iface.empty()) a.iface = InterfaceAfter(c.Rest(), "on interface ");
      Fill(out, a, b, proto, FlowAction::kDenied);
      return true;
    }
    case 106014: {
      if (!Expect(c, "Deny", err) || !Expect(c, "inbound", err)) return false;
      c.SkipGroups();  // "(No xlate)"
      if (!ProtocolWord(c, proto, err) || !Expect(c, "src", err) || !c.ColonEndpoint(a, false, err) ||
          !Expect(c, "dst", err) || !c.ColonEndpoint(b, false, err))
        return false;
      Fill(out, a, b, proto, FlowAction::kDenied);
      IcmpTypeCode(c.SkipGroups(), out);
      return true;
    }
    case 106015: {
      if (!Expect(c, "Deny", err) || !ProtocolWord(c, proto, err)) return false;
      c.SkipGroups();  // "(no connection)"
      if (!Expect(c, "from", err) || !c.PlainEndpoint(a, err) || !Expect(c, "to", err) || !c.PlainEndpoint(b, err))
        return false;
      if (a.iface.empty()) a.iface = InterfaceAfter(c.Rest(), "on interface ");
      Fill(out, a, b, proto, FlowAction::kDenied);
      return true;
    }
    case 106023: {
      if (!Expect(c, "Deny", err) || !ProtocolWord(c, proto, err) || !Expect(c, "src", err) ||
          !c.ColonEndpoint(a, false, err))
        return false;
      std::string_view icmp = c.SkipGroups();
      if (!Expect(c, "dst", err) || !c.ColonEndpoint(b, false, err)) return false;
      if (const auto g = c.SkipGroups(); !g.empty()) icmp = g;
      Fill(out, a, b, proto, FlowAction::kDenied);
      if (proto == kProtoIcmp || proto == kProtoIcmpV6) IcmpTypeCode(icmp, out);
      return true;
    }
    case 106100: {
      if (!Expect(c, "access-list", err)) return false;
      c.NextWord();  // the ACL name
      c.SkipSpaces();
      const std::size_t verdict_at = c.pos();
      const std::string_view verdict = c.NextWord();
      FlowAction action = FlowAction::kUnknown;
      if (EqualsIgnoreCase(verdict, "permitted") || EqualsIgnoreCase(verdict, "est-allowed")) {
        action = FlowAction::kAllowed;
      } else if (EqualsIgnoreCase(verdict, "denied")) {
        action = FlowAction::kDenied;
      } else {
        err = {verdict_at, "「permitted」「denied」「est-allowed」のいずれか"};
        return false;
      }
      if (!ProtocolWord(c, proto, err) || !c.SlashEndpoint(a, err)) return false;
      c.SkipGroups();
      if (!Expect(c, "->", err) || !c.SlashEndpoint(b, err)) return false;
      Fill(out, a, b, proto, action);
      return true;
    }
    case 710002:
    case 710003: {
      if (!ProtocolWord(c, proto, err) || !Expect(c, "access", err)) return false;
      FlowAction action = FlowAction::kDenied;
      if (id == 710002) {
        if (!Expect(c, "permitted", err)) return false;
        action = FlowAction::kAllowed;
      } else if (!Expect(c, "denied", err) || !Expect(c, "by", err) || !Expect(c, "ACL", err)) {
        return false;
      }
      if (!Expect(c, "from", err) || !c.PlainEndpoint(a, err) || !Expect(c, "to", err) ||
          !c.ColonEndpoint(b, true, err))
        return false;
      if (a.iface.empty()) a.iface = b.iface;  // to the device itself: it arrived on that interface
      Fill(out, a, b, proto, action);
      return true;
    }
    default: break;
  }
  return false;
}

bool Handled(unsigned id) {
  switch (id) {
    case 302013: case 302014: case 302015: case 302016: case 106001: case 106006: case 106007:
    case 106014: case 106015: case 106023: case 106100: case 710002: case 710003:
      return true;
    default:
      return false;
  }
}

}  // namespace

LineResult ParseAsa(AsaState& st, std::string_view line, std::string_view msg, FlowEvent& out) {
  std::size_t at = std::string_view::npos;
  for (std::string_view tag : {"%ASA-", "%FTD-", "%PIX-", "%FWSM-"}) {
    at = Find(msg, tag);
    if (at != std::string_view::npos) break;
  }
  if (at == std::string_view::npos) return SkipResult("Cisco ASA のメッセージ（%ASA-…）ではありません");
  // %ASA-6-302013: text
  std::size_t i = msg.find('-', at) + 1;
  const std::size_t sev = i;
  while (i < msg.size() && IsDigit(msg[i])) ++i;
  std::uint64_t id = 0;
  std::size_t id_start = i + 1;
  std::size_t j = id_start;
  while (j < msg.size() && IsDigit(msg[j])) ++j;
  if (i == sev || i >= msg.size() || msg[i] != '-' || !ParseUnsigned(msg.substr(id_start, j - id_start), 999999, id) ||
      j >= msg.size() || msg[j] != ':')
    return MalformedResult("ASA のメッセージ ID（%ASA-重大度-番号:）が読めません", ColumnOf(line, msg.data() + at));
  const std::string_view tag = msg.substr(at, j - at);
  std::size_t text_start = j + 1;
  while (text_start < msg.size() && msg[text_start] == ' ') ++text_start;
  const std::string_view text = msg.substr(text_start);
  if (!Handled(static_cast<unsigned>(id)))
    return SkipResult(fmt::format("通信の記録として扱わない ASA のメッセージです（{}）", Quote(tag)));
  ParseError err;
  if (!ParseMessage(st, static_cast<unsigned>(id), text, out, err)) {
    return MalformedResult(fmt::format("{} の形式として読めません（ここに{}が必要です）", Quote(tag), err.what),
                           ColumnOf(line, text.data() + std::min(err.at, text.size())));
  }
  return FlowResult();
}

}  // namespace mamori::net::parse::detail
