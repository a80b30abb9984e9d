#include "net/verify.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "common/text.h"
#include "net/flow.h"

namespace mamori::net {
namespace {

const Address kMin = Address::V6(0, 0);
const Address kMax = Address::V6(~0ULL, ~0ULL);
const Address kV4First = Address::V4(0);
const Address kV4Last = Address::V4(0xFFFFFFFFu);

template <typename T>
bool Meets(const T& a1, const T& a2, const T& b1, const T& b2) {
  return !(a2 < b1) && !(b2 < a1);
}

std::string Fold(std::string_view s) { return text::FoldKey(s); }

// Full-width to ASCII and lower case, keeping the punctuation FoldKey drops ("8000-8080").
std::string Lower(std::string_view s) {
  std::string out = text::Nfkc(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool IsAny(std::string_view item) {
  if (std::all_of(item.begin(), item.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    std::string k;
    for (char c : item)
      if (c != ' ') k += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return k == "any" || k == "all" || k == "*";
  }
  const std::string k = Fold(item);
  for (std::string_view a : {"any", "all", "全て", "すべて", "全部", "*", "任意"})
    if (k == Fold(a)) return true;
  return false;
}

bool HasPorts(std::uint8_t proto) { return proto == kProtoTcp || proto == kProtoUdp || proto == 132; }

}  // namespace

// ---- boxes ---------------------------------------------------------------------------

bool Box::Intersects(const Box& o) const {
  return Meets(src_first, src_last, o.src_first, o.src_last) && Meets(dst_first, dst_last, o.dst_first, o.dst_last) &&
         Meets(proto_first, proto_last, o.proto_first, o.proto_last) &&
         Meets(port_first, port_last, o.port_first, o.port_last);
}

bool Box::Contains(const Box& o) const {
  return src_first <= o.src_first && o.src_last <= src_last && dst_first <= o.dst_first && o.dst_last <= dst_last &&
         proto_first <= o.proto_first && o.proto_last <= proto_last && port_first <= o.port_first &&
         o.port_last <= port_last;
}

std::optional<Box> Box::Intersect(const Box& o) const {
  if (!Intersects(o)) return std::nullopt;
  Box b;
  b.src_first = std::max(src_first, o.src_first);
  b.src_last = std::min(src_last, o.src_last);
  b.dst_first = std::max(dst_first, o.dst_first);
  b.dst_last = std::min(dst_last, o.dst_last);
  b.proto_first = std::max(proto_first, o.proto_first);
  b.proto_last = std::min(proto_last, o.proto_last);
  b.port_first = std::max(port_first, o.port_first);
  b.port_last = std::min(port_last, o.port_last);
  return b;
}

bool Box::Holds(const Address& src, const Address& dst, std::uint8_t proto, std::uint16_t port) const {
  return src_first <= src && src <= src_last && dst_first <= dst && dst <= dst_last && proto_first <= proto &&
         proto <= proto_last && port_first <= port && port <= port_last;
}

void Subtract(const Box& a, const Box& b, std::vector<Box>& out) {
  const auto cut = a.Intersect(b);
  if (!cut) {
    out.push_back(a);
    return;
  }
  // Slice a along each dimension in turn: what lies below and above the cut
  // in that dimension, then narrow the rest to the cut and go on.
  Box rest = a;
  if (rest.src_first < cut->src_first) {
    Box p = rest;
    p.src_last = cut->src_first.Prev();
    out.push_back(p);
    rest.src_first = cut->src_first;
  }
  if (cut->src_last < rest.src_last) {
    Box p = rest;
    p.src_first = cut->src_last.Next();
    out.push_back(p);
    rest.src_last = cut->src_last;
  }
  if (rest.dst_first < cut->dst_first) {
    Box p = rest;
    p.dst_last = cut->dst_first.Prev();
    out.push_back(p);
    rest.dst_first = cut->dst_first;
  }
  if (cut->dst_last < rest.dst_last) {
    Box p = rest;
    p.dst_first = cut->dst_last.Next();
    out.push_back(p);
    rest.dst_last = cut->dst_last;
  }
  if (rest.proto_first < cut->proto_first) {
    Box p = rest;
    p.proto_last = static_cast<std::uint8_t>(cut->proto_first - 1);
    out.push_back(p);
    rest.proto_first = cut->proto_first;
  }
  if (cut->proto_last < rest.proto_last) {
    Box p = rest;
    p.proto_first = static_cast<std::uint8_t>(cut->proto_last + 1);
    out.push_back(p);
    rest.proto_last = cut->proto_last;
  }
  if (rest.port_first < cut->port_first) {
    Box p = rest;
    p.port_last = static_cast<std::uint16_t>(cut->port_first - 1);
    out.push_back(p);
  }
  if (cut->port_last < rest.port_last) {
    Box p = rest;
    p.port_first = static_cast<std::uint16_t>(cut->port_last + 1);
    out.push_back(p);
  }
}

std::vector<Box> Subtract(const std::vector<Box>& set, const Box& b) {
  std::vector<Box> out;
  out.reserve(set.size());
  for (const auto& a : set) Subtract(a, b, out);
  return out;
}

// ---- examples ----------------------------------------------------------------------------

namespace {

Address HostIn(const Address& first, const Address& last) {
  // 10.1.0.0–10.1.255.255 → 10.1.0.1: the network address itself is not a host.
  if (first < last) return first.Next();
  return first;
}

}  // namespace

Example ExampleOf(const Box& box) {
  Example e;
  e.src = HostIn(box.src_first, box.src_last);
  e.dst = HostIn(box.dst_first, box.dst_last);
  e.protocol = box.proto_first;
  for (std::uint8_t p : {kProtoTcp, kProtoUdp, kProtoIcmp, kProtoIcmpV6})
    if (box.proto_first <= p && p <= box.proto_last) {
      if (p == kProtoIcmp && !e.src.IsV4()) continue;
      if (p == kProtoIcmpV6 && e.src.IsV4()) continue;
      e.protocol = p;
      break;
    }
  if (HasPorts(e.protocol)) {
    if (box.port_first <= 443 && 443 <= box.port_last)
      e.port = 443;
    else if (box.port_first == 0 && box.port_last > 0)
      e.port = 1;  // port 0 is no one's service
    else
      e.port = box.port_first;
  }
  return e;
}

Example ExampleOf(std::span<const Box> boxes) {
  if (boxes.empty()) return {};
  auto score = [](const Box& b) {
    const bool tcp = b.proto_first <= kProtoTcp && kProtoTcp <= b.proto_last;
    const bool https = tcp && b.port_first <= 443 && 443 <= b.port_last;
    return (https ? 0 : tcp ? 2 : 4) + (b.src_first.IsV4() ? 0 : 1);  // TCP/443 first, IPv4 before IPv6
  };
  const Box* best = &boxes.front();
  for (const auto& b : boxes)
    if (score(b) < score(*best)) best = &b;
  return ExampleOf(*best);
}

namespace {

std::string ProtoText(std::uint8_t protocol) {
  const auto name = ProtocolName(protocol);
  return name.empty() ? fmt::format("IP/{}", protocol) : std::string(name);
}

std::string FlowText(const std::string& src, const std::string& dst, const Example& e) {
  if (e.port) return fmt::format("{} → {} {}/{}", src, dst, ProtoText(e.protocol), *e.port);
  return fmt::format("{} → {} {}", src, dst, ProtoText(e.protocol));
}

}  // namespace

std::string ToString(const Example& e) { return FlowText(e.src.ToString(), e.dst.ToString(), e); }

// ---- the address space as the model divides it ------------------------------------------------

namespace {

struct Cell {
  Address first, last;
  NodeId node;
};

// Where a gap of unclaimed space changes between internal and public: the
// blocks Address::IsPrivate() names. Which side a piece is on is asked of the
// model (Lookup), so this list only has to hold the boundaries.
std::vector<Address> InternalBoundaries() {
  std::vector<Address> out;
  auto add = [&out](std::string_view cidr) {
    auto c = Cidr::Parse(cidr);
    if (!c) return;
    out.push_back(c->First());
    if (c->Last() != kMax) out.push_back(c->Last().Next());
  };
  for (std::string_view c : {"0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
                             "172.16.0.0/12", "192.0.2.0/24", "192.168.0.0/16", "198.51.100.0/24", "203.0.113.0/24",
                             "224.0.0.0/4", "255.255.255.255/32", "::/128", "::1/128", "2001:db8::/32", "fc00::/7",
                             "fe80::/10", "ff00::/8"})
    add(c);
  return out;
}

// The two edges of the IPv4 (IPv4-mapped) block: no piece straddles a family.
std::array<Address, 2> FamilyBoundaries() { return {kV4First, kV4Last.Next()}; }

// Appends [first, last] cut at every boundary inside it.
void CutInto(const Address& first, const Address& last, const std::vector<Address>& cuts,
             std::vector<std::pair<Address, Address>>& out) {
  Address start = first;
  auto it = std::upper_bound(cuts.begin(), cuts.end(), first);
  for (; it != cuts.end() && *it <= last; ++it) {
    out.emplace_back(start, it->Prev());
    start = *it;
  }
  out.emplace_back(start, last);
}

std::vector<Cell> BuildCells(const Model& model) {
  const auto family = FamilyBoundaries();
  std::vector<Address> family_cuts(family.begin(), family.end());
  std::vector<Address> gap_cuts = InternalBoundaries();
  gap_cuts.insert(gap_cuts.end(), family_cuts.begin(), family_cuts.end());
  std::sort(gap_cuts.begin(), gap_cuts.end());
  gap_cuts.erase(std::unique(gap_cuts.begin(), gap_cuts.end()), gap_cuts.end());
  std::sort(family_cuts.begin(), family_cuts.end());

  std::vector<Cell> cells;
  std::vector<std::pair<Address, Address>> pieces;
  auto gap = [&](const Address& first, const Address& last) {
    pieces.clear();
    CutInto(first, last, gap_cuts, pieces);
    for (const auto& [a, b] : pieces) cells.push_back({a, b, model.Lookup(a)});
  };
  Address cursor = kMin;
  bool done = false;
  for (const auto& iv : model.Intervals()) {
    if (cursor < iv.first) gap(cursor, iv.first.Prev());
    pieces.clear();
    CutInto(iv.first, iv.last, family_cuts, pieces);
    for (const auto& [a, b] : pieces) cells.push_back({a, b, iv.node});
    if (iv.last == kMax) {
      done = true;
      break;
    }
    cursor = iv.last.Next();
  }
  if (!done) gap(cursor, kMax);
  return cells;
}

// ---- endpoints ----------------------------------------------------------------------------

// One range of a rule's source or destination, with the node it stands for
// when the rule named one (otherwise the model's cells decide, range by range).
struct EndPiece {
  Address first, last;
  std::optional<NodeId> node;
  bool unaddressed = false;
};

void AddFamilies(const Address& first, const Address& last, std::optional<NodeId> node, bool unaddressed,
                 std::vector<EndPiece>& out) {
  static const std::vector<Address> cuts = [] {
    auto b = FamilyBoundaries();
    return std::vector<Address>(b.begin(), b.end());
  }();
  std::vector<std::pair<Address, Address>> pieces;
  CutInto(first, last, cuts, pieces);
  for (const auto& [a, b] : pieces) out.push_back({a, b, node, unaddressed});
}

std::optional<std::pair<Address, Address>> ParseRange(std::string_view item) {
  // "10.0.0.1-10.0.0.20"
  const auto dash = item.find('-');
  if (dash == std::string_view::npos || item.find(':') != std::string_view::npos) return std::nullopt;
  auto a = Address::Parse(text::Trim(item.substr(0, dash)));
  auto b = Address::Parse(text::Trim(item.substr(dash + 1)));
  if (!a || !b || *b < *a || a->IsV4() != b->IsV4()) return std::nullopt;
  return std::pair{*a, *b};
}

struct ProtoPort {
  std::uint8_t proto_first, proto_last;
  std::uint16_t port_first, port_last;
};

std::vector<std::string> SplitList(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    const auto t = text::Trim(cur);
    if (!t.empty()) out.emplace_back(t);
    cur.clear();
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ',' || c == ';' || c == ' ' || c == '/' || c == '\n') {
      flush();
      continue;
    }
    if (s.substr(i).starts_with("、") || s.substr(i).starts_with("，") || s.substr(i).starts_with("　")) {
      flush();
      i += 2;
      continue;
    }
    cur += c;
  }
  flush();
  return out;
}

std::optional<std::uint16_t> ServicePort(std::string_view name) {
  static const std::array<std::pair<std::string_view, std::uint16_t>, 16> kServices{{
      {"ssh", 22}, {"telnet", 23}, {"smtp", 25}, {"dns", 53}, {"domain", 53}, {"http", 80}, {"pop3", 110},
      {"ntp", 123}, {"imap", 143}, {"ldap", 389}, {"https", 443}, {"smb", 445}, {"submission", 587},
      {"imaps", 993}, {"pop3s", 995}, {"rdp", 3389},
  }};
  for (const auto& [n, p] : kServices)
    if (name == n) return p;
  return std::nullopt;
}

std::optional<std::uint16_t> PortNumber(std::string_view s) {
  if (auto svc = ServicePort(s)) return svc;
  unsigned v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || v > 65535) return std::nullopt;
  return static_cast<std::uint16_t>(v);
}

// "443", "80,443", "1024-65535", "" (any) → ranges; nullopt when unreadable.
std::optional<std::vector<std::pair<std::uint16_t, std::uint16_t>>> ParsePorts(std::string_view text_in) {
  std::vector<std::pair<std::uint16_t, std::uint16_t>> out;
  const std::string folded(text::Trim(Lower(text_in)));
  if (folded.empty() || IsAny(folded)) return out;  // empty: every port
  std::string normal;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const std::string_view rest = std::string_view(folded).substr(i);
    if (rest.starts_with("〜") || rest.starts_with("～") || rest.starts_with("–") || rest.starts_with("−")) {
      normal += '-';
      i += (rest.starts_with("–") || rest.starts_with("−")) ? 2 : 2;
      continue;
    }
    normal += folded[i] == '~' ? '-' : folded[i];
  }
  // "1024 - 65535": no space around a range's dash.
  for (std::size_t pos; (pos = normal.find(" -")) != std::string::npos;) normal.erase(pos, 1);
  for (std::size_t pos; (pos = normal.find("- ")) != std::string::npos;) normal.erase(pos + 1, 1);
  for (const auto& item : SplitList(normal)) {
    const auto dash = item.find('-');
    if (dash == std::string::npos) {
      auto p = PortNumber(item);
      if (!p) return std::nullopt;
      out.emplace_back(*p, *p);
    } else {
      auto a = PortNumber(std::string_view(item).substr(0, dash));
      auto b = PortNumber(std::string_view(item).substr(dash + 1));
      if (!a || !b || *b < *a) return std::nullopt;
      out.emplace_back(*a, *b);
    }
  }
  if (out.empty()) return std::nullopt;
  return out;
}

// "tcp", "tcp,udp", "any", "6" → protocol ranges; nullopt when unreadable.
std::optional<std::vector<std::pair<std::uint8_t, std::uint8_t>>> ParseProtocols(std::string_view text_in) {
  std::vector<std::pair<std::uint8_t, std::uint8_t>> out;
  const std::string folded(text::Trim(Lower(text_in)));
  if (folded.empty() || IsAny(folded) || folded == "ip") {
    out.emplace_back(0, 255);
    return out;
  }
  for (const auto& item : SplitList(folded)) {
    if (IsAny(item) || item == "ip") {
      out.emplace_back(0, 255);
      continue;
    }
    auto p = ProtocolFromName(item);
    if (!p) return std::nullopt;
    out.emplace_back(*p, *p);
  }
  if (out.empty()) return std::nullopt;
  return out;
}

std::vector<ProtoPort> Combine(const std::vector<std::pair<std::uint8_t, std::uint8_t>>& protos,
                               const std::vector<std::pair<std::uint16_t, std::uint16_t>>& ports) {
  std::vector<ProtoPort> out;
  if (ports.empty()) {
    for (const auto& [a, b] : protos) out.push_back({a, b, 0, 65535});
    return out;
  }
  for (const auto& [a, b] : protos) {
    if (a != b) {  // "any" with ports: the transports that have ports
      for (std::uint8_t p : {kProtoTcp, kProtoUdp})
        if (a <= p && p <= b)
          for (const auto& [x, y] : ports) out.push_back({p, p, x, y});
      continue;
    }
    if (!HasPorts(a)) {  // ports mean nothing to ICMP and the like
      out.push_back({a, a, 0, 65535});
      continue;
    }
    for (const auto& [x, y] : ports) out.push_back({a, a, x, y});
  }
  return out;
}

struct TaggedBox {
  Box box;
  std::optional<NodeId> src, dst;  // named by the rule; otherwise the cells decide
  bool src_unaddressed = false, dst_unaddressed = false;
};

struct ParsedRule {
  bool ok = true;  // evaluated at all
  bool allow = true;
  std::vector<TaggedBox> raw;
  std::vector<NodeId> via;
};

class Verifier {
 public:
  Verifier(const reg::Register& reg, const policy::Profile& profile, const VerifyOptions& options, Verification& out)
      : reg_(reg), profile_(profile), options_(options), out_(out) {}

  void Run();

 private:
  void Problem(std::string rule, std::size_t flow, std::string ja, std::string en, bool unknown = false) {
    out_.rule_problems.push_back({std::move(rule), flow, unknown, std::move(ja), std::move(en)});
  }
  bool Resolve(std::size_t flow, const std::vector<std::string>& items, bool source, std::vector<EndPiece>& out);
  ParsedRule Parse(std::size_t flow);
  void CheckUnassigned(std::size_t flow, const std::string& item, const Address& first, const Address& last, bool source);
  void Expand(std::size_t flow, const ParsedRule& rule, const std::vector<TaggedBox>& fragments);
  void SplitByCells(const Address& first, const Address& last, std::vector<std::pair<NodeId, std::pair<Address, Address>>>& out) const;
  void FindViolations();
  // Judge() of a path depends only on its ends and on which sanitization and
  // security-cloud gateways it passes: asked once per (source, destination, those gateways).
  struct JudgeKey {
    NodeId src, dst;
    std::uint64_t passed;
    bool operator==(const JudgeKey&) const = default;
  };
  struct JudgeKeyHash {
    std::size_t operator()(const JudgeKey& k) const {
      return std::hash<std::uint64_t>{}((std::uint64_t{k.src} << 32 | k.dst) ^ (k.passed * 0x9E3779B97F4A7C15ULL));
    }
  };
  // Onward from a gateway: a destination, the judged gateways passed on the way, and the hops.
  struct Reach {
    NodeId dst;
    std::uint64_t passed;
    std::vector<std::size_t> hops;  // permits, in order
  };
  std::uint64_t Passed(NodeId gateway) const {
    auto it = judged_bit_.find(gateway);
    return it == judged_bit_.end() ? 0 : it->second;
  }
  std::uint64_t Passed(const std::vector<NodeId>& gateways) const {
    std::uint64_t m = 0;
    for (NodeId g : gateways) m |= Passed(g);
    return m;
  }
  const std::vector<Reach>& Onward(NodeId gateway);
  const std::vector<Breach>& JudgeOnce(const JudgeKey& key, const std::vector<std::size_t>& hops);
  std::vector<NodeId> PathOf(const std::vector<std::size_t>& hops) const;
  void Record(const Breach& b, NodeId src, NodeId dst, const std::vector<std::size_t>& hops);

  const reg::Register& reg_;
  const policy::Profile& profile_;
  const VerifyOptions& options_;
  Verification& out_;
  std::vector<Cell> cells_;
  std::vector<std::pair<NodeId, std::pair<Address, Address>>> parts_;  // scratch
  struct SeenHash {
    std::size_t operator()(const std::tuple<std::size_t, int, NodeId, NodeId>& t) const {
      const auto [f, k, a, b] = t;
      return std::hash<std::uint64_t>{}((std::uint64_t{a} << 32 | b) ^ (std::uint64_t{f} * 0x9E3779B97F4A7C15ULL) ^
                                        static_cast<std::uint64_t>(k));
    }
  };
  std::unordered_set<std::tuple<std::size_t, int, NodeId, NodeId>, SeenHash> seen_;
  std::map<std::pair<std::size_t, int>, std::size_t> last_of_rule_;   // (flow, kind) → its last violation
  std::map<std::pair<std::size_t, int>, std::size_t> pairs_of_rule_;  // (flow, kind) → endpoint pairs breaking
  std::unordered_map<JudgeKey, std::vector<Breach>, JudgeKeyHash> judged_;
  std::vector<Breach> unkeyed_;  // the last path judged without a key
  std::unordered_map<NodeId, std::uint64_t> judged_bit_;  // sanitization and security-cloud gateways → a bit each
  bool exact_ = true;  // false past 64 such gateways: then every path is judged as it is
  std::unordered_map<NodeId, std::vector<std::size_t>> from_gateway_;  // permits out of a gateway the rule names
  std::unordered_map<NodeId, std::vector<Reach>> onward_;
};

void Verifier::SplitByCells(const Address& first, const Address& last,
                            std::vector<std::pair<NodeId, std::pair<Address, Address>>>& out) const {
  out.clear();
  auto it = std::upper_bound(cells_.begin(), cells_.end(), first, [](const Address& a, const Cell& c) { return a < c.first; });
  if (it != cells_.begin()) --it;
  for (; it != cells_.end() && it->first <= last; ++it) {
    if (it->last < first) continue;
    const Address a = std::max(first, it->first), b = std::min(last, it->last);
    if (!out.empty() && out.back().first == it->node && out.back().second.second.Next() == a)
      out.back().second.second = b;  // the same node's adjacent cells
    else
      out.push_back({it->node, {a, b}});
  }
}

void Verifier::CheckUnassigned(std::size_t flow, const std::string& item, const Address& first, const Address& last,
                               bool source) {
  std::vector<std::pair<NodeId, std::pair<Address, Address>>> parts;
  SplitByCells(first, last, parts);
  if (parts.empty()) return;
  for (const auto& p : parts)
    if (p.first != out_.model.UnassignedNode()) return;
  Problem("net.segments", flow,
          fmt::format("{}のアドレス {} は台帳のどのセグメントにもない内部アドレスです（未割当）", source ? "送信元" : "宛先", item),
          fmt::format("{} address {} is internal space no segment holds (unassigned)", source ? "source" : "destination", item));
}

bool Verifier::Resolve(std::size_t flow, const std::vector<std::string>& items, bool source, std::vector<EndPiece>& out) {
  const std::string_view side_ja = source ? "送信元" : "宛先";
  const std::string_view side_en = source ? "source" : "destination";
  const Model& m = out_.model;
  bool any_ok = false;
  std::vector<std::string> unknown;
  for (const auto& raw : items) {
    const std::string item(text::Trim(raw));
    if (item.empty()) continue;
    if (IsAny(item)) {
      AddFamilies(kMin, kMax, std::nullopt, false, out);
      any_ok = true;
      continue;
    }
    if (auto id = m.ByNumber(item)) {
      const Node& n = m.At(*id);
      if (!n.cidrs.empty()) {
        for (const auto& c : n.cidrs) AddFamilies(c.First(), c.Last(), *id, false, out);
      } else if (n.IsInternet()) {  // the internet connection: every public address no one else holds
        for (const auto& c : cells_)
          if (c.node == m.InternetNode()) out.push_back({c.first, c.last, *id, false});
      } else {  // no address recorded: any address stands for it
        AddFamilies(kMin, kMax, *id, true, out);
      }
      any_ok = true;
      continue;
    }
    std::optional<std::pair<Address, Address>> range;
    if (auto c = Cidr::Parse(item)) range = std::pair{c->First(), c->Last()};
    else range = ParseRange(item);
    if (range) {
      // Wholly inside one segment, gateway or connection: the same as naming it.
      SplitByCells(range->first, range->second, parts_);
      const bool one = parts_.size() == 1 && parts_[0].first != m.InternetNode() && parts_[0].first != m.UnassignedNode();
      AddFamilies(range->first, range->second, one ? std::optional<NodeId>(parts_[0].first) : std::nullopt, false, out);
      CheckUnassigned(flow, item, range->first, range->second, source);
      any_ok = true;
      continue;
    }
    unknown.push_back(item);
  }
  // One finding per unknown item; when nothing of the side could be read, the rule is not verified at all.
  for (const auto& item : unknown)
    Problem("net.references", flow,
            fmt::format("{}「{}」は台帳のセグメント・中継装置・外部接続の番号でも、アドレスでもありません{}", side_ja, item,
                        any_ok ? "" : "。この規則は検証していません"),
            fmt::format("{} '{}' is neither a segment, gateway or connection number nor an address{}", side_en, item,
                        any_ok ? "" : "; the rule is not verified"));
  if (!any_ok && unknown.empty())
    Problem("net.references", flow, fmt::format("{}がありません（すべてを指すときは any と書きます）。この規則は検証していません", side_ja),
            fmt::format("no {} (write any for everything); the rule is not verified", side_en));
  return any_ok;
}

ParsedRule Verifier::Parse(std::size_t flow) {
  const reg::FlowRule& r = reg_.flows[flow];
  ParsedRule p;
  p.allow = r.action != reg::RuleAction::kDeny;
  std::vector<EndPiece> src, dst;
  const bool src_ok = Resolve(flow, r.sources, true, src);
  const bool dst_ok = Resolve(flow, r.destinations, false, dst);
  auto protos = ParseProtocols(r.protocol);
  if (!protos)
    Problem("net.references", flow,
            fmt::format("プロトコル「{}」が読めません（tcp, udp, icmp, any または番号）。この規則は検証していません", r.protocol),
            fmt::format("protocol '{}' cannot be read (tcp, udp, icmp, any or a number); the rule is not verified", r.protocol));
  auto ports = ParsePorts(r.ports);
  if (!ports)
    Problem("net.references", flow,
            fmt::format("宛先ポート「{}」が読めません（443、80,443、1024-65535 のように書きます）。この規則は検証していません", r.ports),
            fmt::format("destination ports '{}' cannot be read (443, 80,443, 1024-65535 …); the rule is not verified", r.ports));
  for (const auto& g : r.via) {
    const std::string item(text::Trim(g));
    if (item.empty()) continue;
    auto id = out_.model.ByNumber(item);
    if (id && out_.model.At(*id).type == NodeType::kGateway) {
      p.via.push_back(*id);
      continue;
    }
    Problem("net.references", flow, fmt::format("経由装置「{}」は中継装置の台帳にありません（経由しないものとして検証しました）", item),
            fmt::format("via '{}' is not a gateway in the register (verified as not passed)", item));
  }
  if (!src_ok || !dst_ok || !protos || !ports) {
    p.ok = false;
    return p;
  }
  const auto combos = Combine(*protos, *ports);
  const bool v4_src = std::any_of(src.begin(), src.end(), [](const EndPiece& e) { return e.first.IsV4(); });
  const bool v6_src = std::any_of(src.begin(), src.end(), [](const EndPiece& e) { return !e.first.IsV4(); });
  const bool v4_dst = std::any_of(dst.begin(), dst.end(), [](const EndPiece& e) { return e.first.IsV4(); });
  const bool v6_dst = std::any_of(dst.begin(), dst.end(), [](const EndPiece& e) { return !e.first.IsV4(); });
  if (!(v4_src && v4_dst) && !(v6_src && v6_dst) && !src.empty() && !dst.empty())
    Problem("net.references", flow,
            "送信元と宛先のアドレスの種類（IPv4・IPv6）が合わないため、この規則に当てはまる通信はありません",
            "source and destination are of different address families (IPv4, IPv6): no packet matches the rule");
  for (const auto& s : src)
    for (const auto& d : dst) {
      if (s.first.IsV4() != d.first.IsV4()) continue;  // no flow crosses families
      for (const auto& pp : combos) {
        TaggedBox t;
        t.box = {s.first, s.last, d.first, d.last, pp.proto_first, pp.proto_last, pp.port_first, pp.port_last};
        t.src = s.node;
        t.dst = d.node;
        t.src_unaddressed = s.unaddressed;
        t.dst_unaddressed = d.unaddressed;
        p.raw.push_back(t);
      }
    }
  return p;
}

void Verifier::Expand(std::size_t flow, const ParsedRule& rule, const std::vector<TaggedBox>& fragments) {
  std::map<std::pair<NodeId, NodeId>, std::size_t> index;
  std::vector<std::pair<NodeId, std::pair<Address, Address>>> srcs, dsts;
  for (const auto& f : fragments) {
    if (f.src) srcs = {{*f.src, {f.box.src_first, f.box.src_last}}};
    else SplitByCells(f.box.src_first, f.box.src_last, srcs);
    if (f.dst) dsts = {{*f.dst, {f.box.dst_first, f.box.dst_last}}};
    else SplitByCells(f.box.dst_first, f.box.dst_last, dsts);
    for (const auto& [sn, sr] : srcs)
      for (const auto& [dn, dr] : dsts) {
        if (sn == dn) continue;  // within one node: nothing crosses
        auto [it, fresh] = index.try_emplace({sn, dn}, out_.permits.size());
        if (fresh) {
          Permit p;
          p.flow = flow;
          p.src = sn;
          p.dst = dn;
          p.via = rule.via;
          p.src_unaddressed = f.src_unaddressed;
          p.dst_unaddressed = f.dst_unaddressed;
          p.src_named = f.src.has_value();
          p.dst_named = f.dst.has_value();
          out_.permits.push_back(std::move(p));
        }
        Permit& permit = out_.permits[it->second];
        permit.src_named = permit.src_named || f.src.has_value();
        permit.dst_named = permit.dst_named || f.dst.has_value();
        Box b = f.box;
        b.src_first = sr.first;
        b.src_last = sr.second;
        b.dst_first = dr.first;
        b.dst_last = dr.second;
        permit.boxes.push_back(b);
      }
  }
}

std::vector<NodeId> Verifier::PathOf(const std::vector<std::size_t>& hops) const {
  std::vector<NodeId> path{out_.permits[hops.front()].src};
  for (std::size_t h : hops) {
    const Permit& p = out_.permits[h];
    path.insert(path.end(), p.via.begin(), p.via.end());
    path.push_back(p.dst);
  }
  return path;
}

const std::vector<Breach>& Verifier::JudgeOnce(const JudgeKey& key, const std::vector<std::size_t>& hops) {
  if (!exact_) {  // too many judged gateways to key them: judge this very path
    unkeyed_ = Judge(out_.model, profile_, PathOf(hops));
    return unkeyed_;
  }
  auto it = judged_.find(key);
  if (it == judged_.end()) it = judged_.emplace(key, Judge(out_.model, profile_, PathOf(hops))).first;
  return it->second;
}

void Verifier::Record(const Breach& b, NodeId src, NodeId dst, const std::vector<std::size_t>& hops) {
  const std::size_t first_flow = out_.permits[hops.front()].flow;
  if (!seen_.insert({first_flow, static_cast<int>(b.kind), src, dst}).second) return;
  const std::pair<std::size_t, int> rule_kind{first_flow, static_cast<int>(b.kind)};
  if (++pairs_of_rule_[rule_kind] > options_.max_pairs_per_rule) {  // told as a count on the rule's last finding
    ++out_.violations[last_of_rule_[rule_kind]].more;
    return;
  }
  Violation v;
  v.kind = b.kind;
  v.detail_ja = b.detail_ja;
  v.detail_en = b.detail_en;
  v.path = PathOf(hops);
  for (std::size_t p : hops) {
    v.flows.push_back(out_.permits[p].flow);
    v.examples.push_back(ExampleOf(out_.permits[p].boxes));
  }
  v.permits = hops;
  last_of_rule_[rule_kind] = out_.violations.size();
  out_.violations.push_back(std::move(v));
}

// Everything reachable onward from `gateway` through rules that name the
// gateways they leave, breadth first, at most max_chain gateways deep, no
// gateway twice; one chain per (destination, judged gateways passed).
const std::vector<Verifier::Reach>& Verifier::Onward(NodeId gateway) {
  if (auto it = onward_.find(gateway); it != onward_.end()) return it->second;
  const Model& m = out_.model;
  std::vector<Reach> out;
  std::set<std::pair<NodeId, std::uint64_t>> reached, expanded{{gateway, Passed(gateway)}};
  struct State {
    NodeId at;
    std::uint64_t passed;
    std::vector<std::size_t> hops;
    std::vector<NodeId> visited;
  };
  std::vector<State> frontier{{gateway, Passed(gateway), {}, {gateway}}};
  for (std::size_t depth = 1; depth <= options_.max_chain && !frontier.empty(); ++depth) {
    std::vector<State> next;
    for (const auto& st : frontier) {
      auto it = from_gateway_.find(st.at);
      if (it == from_gateway_.end()) continue;
      for (std::size_t qi : it->second) {
        const Permit& q = out_.permits[qi];
        if (std::find(st.visited.begin(), st.visited.end(), q.dst) != st.visited.end()) continue;  // no cycles
        const std::uint64_t passed = st.passed | Passed(q.via);
        std::vector<std::size_t> hops = st.hops;
        hops.push_back(qi);
        if (!exact_ || reached.insert({q.dst, passed}).second) out.push_back({q.dst, passed, hops});
        if (depth < options_.max_chain && q.dst_named && m.At(q.dst).type == NodeType::kGateway) {
          const std::uint64_t further = passed | Passed(q.dst);
          if (exact_ && !expanded.insert({q.dst, further}).second) continue;
          std::vector<NodeId> visited = st.visited;
          visited.push_back(q.dst);
          next.push_back({q.dst, further, std::move(hops), std::move(visited)});
        }
      }
    }
    frontier = std::move(next);
  }
  return onward_.emplace(gateway, std::move(out)).first->second;
}

void Verifier::FindViolations() {
  const Model& m = out_.model;
  for (NodeId id = 0; id < m.Nodes().size(); ++id) {
    const auto* g = m.At(id).gateway;
    if (!g || (g->kind != reg::GatewayKind::kSanitization && g->kind != reg::GatewayKind::kSecurityCloud)) continue;
    if (judged_bit_.size() == 64) {
      exact_ = false;
      break;
    }
    judged_bit_.emplace(id, std::uint64_t{1} << judged_bit_.size());
  }
  for (std::size_t i = 0; i < out_.permits.size(); ++i)
    if (out_.permits[i].src_named && m.At(out_.permits[i].src).type == NodeType::kGateway)
      from_gateway_[out_.permits[i].src].push_back(i);

  std::vector<std::size_t> hops;
  for (std::size_t i = 0; i < out_.permits.size(); ++i) {
    const Permit& p = out_.permits[i];
    hops.assign(1, i);
    const std::uint64_t passed = Passed(p.via);
    for (const auto& b : JudgeOnce({p.src, p.dst, passed}, hops)) Record(b, p.src, p.dst, hops);
    // Onward only from a gateway the rule names: a range that merely covers one is no hop.
    if (!p.dst_named || m.At(p.dst).type != NodeType::kGateway || options_.max_chain == 0) continue;
    const std::uint64_t into = passed | Passed(p.dst);
    for (const auto& r : Onward(p.dst)) {
      if (r.dst == p.src) continue;
      hops.assign(1, i);
      hops.insert(hops.end(), r.hops.begin(), r.hops.end());
      for (const auto& b : JudgeOnce({p.src, r.dst, into | r.passed}, hops)) Record(b, p.src, r.dst, hops);
    }
  }
  std::stable_sort(out_.violations.begin(), out_.violations.end(), [](const Violation& a, const Violation& b) {
    return a.flows.front() < b.flows.front();
  });
}

// The smallest box holding them all (nothing when empty).
Box Hull(const std::vector<TaggedBox>& boxes) {
  if (boxes.empty()) return Box{kMax, kMin, kMax, kMin, 255, 0, 65535, 0};
  Box h = boxes.front().box;
  for (const auto& t : boxes) {
    h.src_first = std::min(h.src_first, t.box.src_first);
    h.src_last = std::max(h.src_last, t.box.src_last);
    h.dst_first = std::min(h.dst_first, t.box.dst_first);
    h.dst_last = std::max(h.dst_last, t.box.dst_last);
    h.proto_first = std::min(h.proto_first, t.box.proto_first);
    h.proto_last = std::max(h.proto_last, t.box.proto_last);
    h.port_first = std::min(h.port_first, t.box.port_first);
    h.port_last = std::max(h.port_last, t.box.port_last);
  }
  return h;
}

std::string JoinRules(const reg::Register& reg, const std::vector<std::size_t>& flows, std::size_t limit = 3) {
  std::string out;
  for (std::size_t i = 0; i < flows.size() && i < limit; ++i) out += (out.empty() ? "" : ", ") + reg.flows[flows[i]].number;
  if (flows.size() > limit) out += fmt::format(" …（{}）", flows.size());
  return out;
}

void Verifier::Run() {
  out_.model = Model::Build(reg_, profile_, &out_.model_problems);
  out_.described = !reg_.segments.empty() || !reg_.gateways.empty() || !reg_.connections.empty() || !reg_.flows.empty();
  out_.permits_something.assign(reg_.flows.size(), false);
  out_.judged.assign(reg_.flows.size(), false);
  cells_ = BuildCells(out_.model);

  std::vector<ParsedRule> parsed;
  parsed.reserve(reg_.flows.size());
  for (std::size_t i = 0; i < reg_.flows.size(); ++i) parsed.push_back(Parse(i));

  // Devices, each in sequence order; rules without a device stand alone.
  std::map<std::string, std::vector<std::size_t>> devices;
  std::vector<std::size_t> declared;
  for (std::size_t i = 0; i < reg_.flows.size(); ++i) {
    const std::string device = Fold(reg_.flows[i].device);
    if (device.empty())
      declared.push_back(i);
    else
      devices[device].push_back(i);
  }
  for (std::size_t i : declared) {
    if (!parsed[i].ok) continue;
    out_.judged[i] = true;
    if (!parsed[i].allow) continue;  // a declared deny permits nothing and cuts nothing
    std::vector<TaggedBox> frags = parsed[i].raw;
    out_.permits_something[i] = !frags.empty();
    Expand(i, parsed[i], frags);
  }
  for (auto& [device, rules] : devices) {
    std::stable_sort(rules.begin(), rules.end(), [&](std::size_t a, std::size_t b) {
      const auto& sa = reg_.flows[a].sequence;
      const auto& sb = reg_.flows[b].sequence;
      if (sa.has_value() != sb.has_value()) return sa.has_value();
      return sa && *sa < *sb;
    });
    if (rules.size() > 1)
      for (std::size_t i : rules)
        if (!reg_.flows[i].sequence)
          Problem("net.references", i,
                  fmt::format("適用機器 {} の規則ですが順序が記録されていないため、順序のある規則の後に台帳の並びで評価しました",
                              reg_.flows[i].device),
                  fmt::format("a rule of device {} without a sequence: evaluated after the sequenced rules, in register order",
                              reg_.flows[i].device),
                  true);
    struct Earlier {
      std::size_t flow;
      Box box;
    };
    std::vector<Earlier> earlier;
    for (std::size_t i : rules) {
      const ParsedRule& rule = parsed[i];
      if (!rule.ok) continue;
      out_.judged[i] = true;
      std::vector<TaggedBox> frags = rule.raw;
      std::vector<std::size_t> shadowing;
      bool gave_up = false;
      const Box hull = Hull(rule.raw);
      std::vector<TaggedBox> next;
      std::vector<Box> pieces;
      for (const auto& e : earlier) {
        if (frags.empty()) break;
        if (!hull.Intersects(e.box) ||
            std::none_of(frags.begin(), frags.end(), [&](const TaggedBox& f) { return f.box.Intersects(e.box); }))
          continue;
        next.clear();
        for (const auto& f : frags) {
          if (!f.box.Intersects(e.box)) {
            next.push_back(f);
            continue;
          }
          pieces.clear();
          Subtract(f.box, e.box, pieces);
          for (const auto& b : pieces) {
            TaggedBox t = f;
            t.box = b;
            next.push_back(t);
          }
        }
        if (shadowing.empty() || shadowing.back() != e.flow) shadowing.push_back(e.flow);
        if (next.size() > options_.max_fragments) {  // too fragmented to follow: take the rule whole
          gave_up = true;
          break;
        }
        frags.swap(next);
      }
      if (gave_up) frags = rule.raw;
      if (!rule.raw.empty() && frags.empty()) {
        Problem("net.references", i,
                fmt::format("この規則は先行する規則に完全に隠れています（{}）", JoinRules(reg_, shadowing)),
                fmt::format("this rule is wholly shadowed by earlier rules ({})", JoinRules(reg_, shadowing)));
      }
      if (rule.allow && !frags.empty()) {
        out_.permits_something[i] = true;
        Expand(i, rule, frags);
      }
      for (const auto& t : rule.raw) earlier.push_back({i, t.box});
    }
  }
  FindViolations();
}

}  // namespace

Verification Verify(const reg::Register& reg, const policy::Profile& profile, const VerifyOptions& options) {
  Verification v;
  Verifier(reg, profile, options, v).Run();
  return v;
}

std::vector<BreachKind> JudgedKinds(const policy::Profile& profile) {
  std::vector<BreachKind> out;
  if (profile.my_number.isolate_network) out.push_back(BreachKind::kMyNumberIsolation);
  if (!profile.sanitization.directions.empty()) out.push_back(BreachKind::kSanitization);
  if (profile.internet.security_cloud == policy::SecurityCloud::kRequired) out.push_back(BreachKind::kSecurityCloud);
  return out;
}

// ---- words ---------------------------------------------------------------------------------

std::string PathText(const Model& model, std::span<const NodeId> path, bool english) {
  std::string out;
  for (NodeId id : path) out += (out.empty() ? "" : " → ") + Describe(model, id, english);
  return out;
}

std::string RuleText(const reg::FlowRule& rule, bool english) {
  if (rule.device.empty()) return rule.number;
  if (english)
    return rule.sequence ? fmt::format("{} ({}, sequence {})", rule.number, rule.device, *rule.sequence)
                         : fmt::format("{} ({})", rule.number, rule.device);
  return rule.sequence ? fmt::format("{}（{} 順序 {}）", rule.number, rule.device, *rule.sequence)
                       : fmt::format("{}（{}）", rule.number, rule.device);
}

std::string ExampleText(const Verification& v, const Permit& permit, const Example& e) {
  const std::string src = permit.src_unaddressed ? v.model.At(permit.src).number : e.src.ToString();
  const std::string dst = permit.dst_unaddressed ? v.model.At(permit.dst).number : e.dst.ToString();
  return FlowText(src, dst, e);
}

std::string ExamplesText(const Verification& v, const Violation& violation, bool english) {
  std::string out;
  for (std::size_t i = 0; i < violation.permits.size() && i < violation.examples.size(); ++i)
    out += (out.empty() ? "" : (english ? "; " : "、")) +
           ExampleText(v, v.permits[violation.permits[i]], violation.examples[i]);
  return out;
}

// ---- differential ------------------------------------------------------------------------------

namespace {

std::string PathKey(const Model& m, const Permit& p) {
  std::string key = m.At(p.src).number;
  for (NodeId g : p.via) key += "\x1f" + m.At(g).number;
  key += "\x1e" + m.At(p.dst).number;
  return key;
}

bool CrossesTiers(const Model& m, const Permit& p) {
  const Node& a = m.At(p.src);
  const Node& b = m.At(p.dst);
  return !(a.type == NodeType::kSegment && b.type == NodeType::kSegment && a.tier && a.tier == b.tier);
}

}  // namespace

std::vector<NewPermit> NewlyPermitted(const Verification& before, const Verification& after,
                                      const policy::Profile& profile) {
  std::unordered_map<std::string, std::vector<Box>> known;
  for (const auto& p : before.permits) {
    auto& boxes = known[PathKey(before.model, p)];
    boxes.insert(boxes.end(), p.boxes.begin(), p.boxes.end());
  }
  std::vector<NewPermit> out;
  for (std::size_t i = 0; i < after.permits.size(); ++i) {
    const Permit& p = after.permits[i];
    if (!CrossesTiers(after.model, p)) continue;
    auto& seen = known[PathKey(after.model, p)];
    std::vector<Box> fresh = p.boxes;
    for (const auto& b : seen) {
      if (fresh.empty()) break;
      fresh = Subtract(fresh, b);
    }
    if (fresh.empty()) continue;
    NewPermit n;
    n.permit = i;
    n.example = ExampleOf(fresh);
    n.path.push_back(p.src);
    n.path.insert(n.path.end(), p.via.begin(), p.via.end());
    n.path.push_back(p.dst);
    n.breaches = Judge(after.model, profile, n.path);
    seen.insert(seen.end(), fresh.begin(), fresh.end());  // one report per new part
    n.boxes = std::move(fresh);
    out.push_back(std::move(n));
  }
  return out;
}

}  // namespace mamori::net
