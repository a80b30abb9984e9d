#include "net/model.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "common/text.h"
#include "register/schema.h"

namespace mamori::net {
namespace {

std::string Fold(std::string_view s) { return text::FoldKey(s); }

// Directions as written in the register: keys, or the arrows people type.
std::optional<policy::Direction> DirectionOf(std::string_view text) {
  const std::string k = Fold(text);
  for (std::string_view a : {"internet_to_lgwan", "インターネット→lgwan", "インターネットからlgwan", "internet->lgwan", "受信", "inbound"})
    if (k == Fold(a)) return policy::Direction::kInternetToLgwan;
  for (std::string_view a : {"lgwan_to_internet", "lgwan→インターネット", "lgwanからインターネット", "lgwan->internet", "送信", "outbound"})
    if (k == Fold(a)) return policy::Direction::kLgwanToInternet;
  return std::nullopt;
}

std::string_view DirectionJa(policy::Direction d) {
  return d == policy::Direction::kInternetToLgwan ? "インターネット接続系→LGWAN接続系" : "LGWAN接続系→インターネット接続系";
}
std::string_view DirectionEn(policy::Direction d) {
  return d == policy::Direction::kInternetToLgwan ? "internet → LGWAN" : "LGWAN → internet";
}

int TieOrder(NodeType t) {  // on an identical range, the more specific kind of node wins
  switch (t) {
    case NodeType::kConnection: return 0;
    case NodeType::kSegment: return 1;
    case NodeType::kGateway: return 2;
    default: return -1;
  }
}

int Bits128(const Cidr& c) { return c.IsV4() ? c.Length() + 96 : c.Length(); }

// Paints [first, last] with `node` over the disjoint, sorted intervals.
void Paint(std::vector<Model::Interval>& intervals, const Address& first, const Address& last, NodeId node) {
  std::vector<Model::Interval> out;
  out.reserve(intervals.size() + 2);
  bool placed = false;
  for (const auto& iv : intervals) {
    if (iv.last < first || last < iv.first) {  // disjoint
      if (!placed && last < iv.first) {
        out.push_back({first, last, node});
        placed = true;
      }
      out.push_back(iv);
      continue;
    }
    if (iv.first < first) out.push_back({iv.first, first.Prev(), iv.node});
    if (!placed) {
      out.push_back({first, last, node});
      placed = true;
    }
    if (last < iv.last) out.push_back({last.Next(), iv.last, iv.node});
  }
  if (!placed) out.push_back({first, last, node});
  intervals = std::move(out);
}

}  // namespace

std::string_view BreachRule(BreachKind k) {
  switch (k) {
    case BreachKind::kMyNumberIsolation: return "net.my_number_isolation";
    case BreachKind::kSanitization: return "net.sanitization";
    case BreachKind::kSecurityCloud: return "net.security_cloud";
  }
  return "";
}

Model Model::Build(const reg::Register& reg, const policy::Profile& profile, std::vector<ModelProblem>* problems) {
  Model m;
  auto problem = [&](std::string rule, std::string type, const std::string& number, const std::string& name,
                     std::string ja, std::string en) {
    if (problems) problems->push_back({std::move(rule), std::move(type), number, name, std::move(ja), std::move(en)});
  };
  auto parse_cidrs = [&](const std::vector<std::string>& texts, std::string_view type, const std::string& number,
                         const std::string& name) {
    std::vector<Cidr> out;
    for (const auto& t : texts) {
      auto c = Cidr::Parse(text::Trim(t));
      if (!c) {
        problem("net.segments", std::string(type), number, name,
                fmt::format("アドレス「{}」が読めません: {}", t, c.error().message),
                fmt::format("address '{}' cannot be read", t));
        continue;
      }
      out.push_back(*c);
    }
    return out;
  };

  for (const auto& s : reg.segments) {
    Node n;
    n.type = NodeType::kSegment;
    n.number = s.number;
    n.name = s.name;
    n.tier = s.tier;
    n.segment = &s;
    n.cidrs = parse_cidrs(s.addresses, "segment", s.number, s.name);
    if (!s.tier)
      problem("net.segments", "segment", s.number, s.name, "系統（マイナンバー利用事務系・LGWAN接続系・インターネット接続系）が割り当てられていません",
              "no tier is assigned");
    if (s.addresses.empty())
      problem("net.segments", "segment", s.number, s.name, "アドレス範囲がありません", "no address range");
    m.nodes_.push_back(std::move(n));
  }
  for (const auto& g : reg.gateways) {
    Node n;
    n.type = NodeType::kGateway;
    n.number = g.number;
    n.name = g.name;
    n.gateway = &g;
    n.cidrs = parse_cidrs(g.addresses, "gateway", g.number, g.name);
    for (const auto& d : g.directions)
      if (!DirectionOf(d))
        problem("net.references", "gateway", g.number, g.name,
                fmt::format("無害化の方向「{}」が分かりません（internet_to_lgwan または lgwan_to_internet）", d),
                fmt::format("unknown sanitized direction '{}'", d));
    if (!g.directions.empty() && g.kind != reg::GatewayKind::kSanitization)
      problem("net.references", "gateway", g.number, g.name, "無害化の方向がありますが、装置種別が無害化装置ではありません",
              "has sanitized directions but is not a sanitization gateway");
    m.nodes_.push_back(std::move(n));
  }
  for (const auto& c : reg.connections) {
    Node n;
    n.type = NodeType::kConnection;
    n.number = c.number;
    n.name = c.name;
    n.connection = &c;
    n.kind = profile.network.Find(c.kind);
    if (!n.kind) {
      std::string known;
      for (const auto& k : profile.network.connections) known += (known.empty() ? "" : "、") + k.id;
      problem("net.references", "connection", c.number, c.name,
              fmt::format("接続先の種類「{}」はこのプロファイルにありません（{}）", c.kind, known),
              fmt::format("connection kind '{}' is not in the profile ({})", c.kind, known));
    }
    n.cidrs = parse_cidrs(c.addresses, "connection", c.number, c.name);
    if (c.addresses.empty() && !(n.kind && n.kind->internet))
      problem("net.segments", "connection", c.number, c.name, "接続先アドレスがありません", "no address range");
    m.nodes_.push_back(std::move(n));
  }
  for (std::size_t i = 0; i < m.nodes_.size(); ++i) m.by_number_.emplace(m.nodes_[i].number, static_cast<NodeId>(i));
  // References between them.
  for (auto& n : m.nodes_) {
    if (n.gateway && !n.gateway->segment.empty()) {
      auto it = m.by_number_.find(n.gateway->segment);
      if (it == m.by_number_.end() || m.nodes_[it->second].type != NodeType::kSegment)
        problem("net.references", "gateway", n.number, n.name,
                fmt::format("設置セグメント「{}」が台帳にありません", n.gateway->segment),
                fmt::format("segment '{}' is not in the register", n.gateway->segment));
    }
    if (n.connection && !n.connection->via.empty()) {
      auto it = m.by_number_.find(n.connection->via);
      if (it == m.by_number_.end() || m.nodes_[it->second].type != NodeType::kGateway)
        problem("net.references", "connection", n.number, n.name,
                fmt::format("経由装置「{}」が中継装置の台帳にありません", n.connection->via),
                fmt::format("gateway '{}' is not in the register", n.connection->via));
      else
        n.via = it->second;
    }
  }
  // The catch-alls.
  {
    Node internet;
    internet.type = NodeType::kInternet;
    internet.number = "internet";
    internet.name = "インターネット（台帳にない公開アドレス）";
    for (const auto& k : profile.network.connections)
      if (k.internet) {
        internet.kind = &k;
        break;
      }
    // An internet connection of the register stands for every public address: its via applies.
    for (std::size_t i = 0; i < m.nodes_.size(); ++i)
      if (m.nodes_[i].type == NodeType::kConnection && m.nodes_[i].kind && m.nodes_[i].kind->internet &&
          m.nodes_[i].cidrs.empty()) {
        internet.number = m.nodes_[i].number;
        internet.name = m.nodes_[i].name;
        internet.connection = m.nodes_[i].connection;
        internet.via = m.nodes_[i].via;
        break;
      }
    m.internet_ = static_cast<NodeId>(m.nodes_.size());
    m.nodes_.push_back(std::move(internet));
    Node unassigned;
    unassigned.type = NodeType::kUnassigned;
    unassigned.number = "unassigned";
    unassigned.name = "台帳にない内部アドレス";
    m.unassigned_ = static_cast<NodeId>(m.nodes_.size());
    m.nodes_.push_back(std::move(unassigned));
  }

  // Overlaps between the ranges of different nodes.
  struct Entry {
    Cidr cidr;
    NodeId node;
  };
  std::vector<Entry> entries;
  for (std::size_t i = 0; i < m.nodes_.size(); ++i)
    for (const auto& c : m.nodes_[i].cidrs) entries.push_back({c, static_cast<NodeId>(i)});
  std::sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) {
    if (a.cidr.First() != b.cidr.First()) return a.cidr.First() < b.cidr.First();
    return Bits128(a.cidr) < Bits128(b.cidr);
  });
  for (std::size_t i = 0; i < entries.size(); ++i) {
    for (std::size_t j = i + 1; j < entries.size() && entries[j].cidr.First() <= entries[i].cidr.Last(); ++j) {
      const Node& a = m.nodes_[entries[i].node];
      const Node& b = m.nodes_[entries[j].node];
      if (entries[i].node == entries[j].node) continue;
      // A gateway inside a segment is where gateways sit; a gateway's own range is not a contradiction.
      if (a.type == NodeType::kGateway || b.type == NodeType::kGateway) continue;
      const bool same = entries[i].cidr == entries[j].cidr;
      if (a.type == NodeType::kSegment && b.type == NodeType::kSegment) {
        if (a.tier != b.tier) {
          problem("net.segments", "segment", b.number, b.name,
                  fmt::format("{}（{}）が {} {}（{}）の {} と重なっています: 系統が矛盾します", entries[j].cidr.ToString(),
                              b.tier ? reg::TierLabel(*b.tier) : "系統なし", a.number, a.name,
                              a.tier ? reg::TierLabel(*a.tier) : "系統なし", entries[i].cidr.ToString()),
                  fmt::format("{} ({}) overlaps {} {} ({}) at {}: contradictory tiers", entries[j].cidr.ToString(),
                              b.tier ? reg::TierLabel(*b.tier, true) : "no tier", a.number, a.name,
                              a.tier ? reg::TierLabel(*a.tier, true) : "no tier", entries[i].cidr.ToString()));
        } else if (same) {
          problem("net.segments", "segment", b.number, b.name,
                  fmt::format("{} は {} {} と同じアドレス範囲です", entries[j].cidr.ToString(), a.number, a.name),
                  fmt::format("{} is the same range as {} {}", entries[j].cidr.ToString(), a.number, a.name));
        }
      } else if (a.type != b.type) {
        const Node& conn = a.type == NodeType::kConnection ? a : b;
        const Node& seg = a.type == NodeType::kConnection ? b : a;
        problem("net.segments", "connection", conn.number, conn.name,
                fmt::format("外部接続のアドレスが庁内セグメント {} {} と重なっています", seg.number, seg.name),
                fmt::format("the connection's addresses overlap segment {} {}", seg.number, seg.name));
      }
    }
  }

  // The longest-prefix table: paint from the least to the most specific.
  std::stable_sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) {
    if (Bits128(a.cidr) != Bits128(b.cidr)) return Bits128(a.cidr) < Bits128(b.cidr);
    return TieOrder(m.nodes_[a.node].type) < TieOrder(m.nodes_[b.node].type);
  });
  for (const auto& e : entries) Paint(m.intervals_, e.cidr.First(), e.cidr.Last(), e.node);
  for (const auto& iv : m.intervals_) {
    if (!iv.first.IsV4() || !iv.last.IsV4()) continue;
    m.v4_first_.push_back(iv.first.V4Value());
    m.v4_last_.push_back(iv.last.V4Value());
    m.v4_node_.push_back(iv.node);
  }
  // Zones.
  for (std::size_t i = 0; i < m.nodes_.size(); ++i)
    if (m.nodes_[i].segment)
      for (const auto& z : m.nodes_[i].segment->zones) m.by_zone_.emplace(Fold(z), static_cast<NodeId>(i));
  return m;
}

NodeId Model::Lookup(const Address& a) const {
  if (a.IsV4()) {
    const std::uint32_t v = a.V4Value();
    auto it = std::upper_bound(v4_first_.begin(), v4_first_.end(), v);
    if (it != v4_first_.begin()) {
      const auto k = static_cast<std::size_t>(it - v4_first_.begin() - 1);
      if (v <= v4_last_[k]) return v4_node_[k];
    }
  } else {
    auto it = std::upper_bound(intervals_.begin(), intervals_.end(), a,
                               [](const Address& x, const Interval& iv) { return x < iv.first; });
    if (it != intervals_.begin()) {
      --it;
      if (a <= it->last) return it->node;
    }
  }
  return a.IsPrivate() ? unassigned_ : internet_;
}

bool Model::Claimed(const Address& a) const {
  const NodeId n = Lookup(a);
  return n != internet_ && n != unassigned_;
}

std::optional<NodeId> Model::ByZone(std::string_view zone, std::string_view device) const {
  if (zone.empty()) return std::nullopt;
  if (!device.empty()) {
    auto it = by_zone_.find(Fold(fmt::format("{}:{}", device, zone)));
    if (it != by_zone_.end()) return it->second;
  }
  auto it = by_zone_.find(Fold(zone));
  if (it != by_zone_.end()) return it->second;
  return std::nullopt;
}

std::optional<NodeId> Model::ByNumber(std::string_view number) const {
  auto it = by_number_.find(std::string(number));
  if (it == by_number_.end()) return std::nullopt;
  return it->second;
}

std::optional<reg::Tier> EndpointTier(const Node& node) {
  if (node.type == NodeType::kSegment) return node.tier;
  if (node.IsInternet()) return reg::Tier::kInternet;
  return std::nullopt;
}

namespace {

bool ListsTier(const policy::ConnectionKind* kind, reg::Tier t) {
  return kind && std::find(kind->tiers.begin(), kind->tiers.end(), t) != kind->tiers.end();
}

// May a My Number tier endpoint talk with `other`?
bool AllowedForMyNumber(const Model& model, NodeId other_id) {
  const Node& other = model.At(other_id);
  switch (other.type) {
    case NodeType::kSegment: return other.tier == reg::Tier::kMyNumber;
    case NodeType::kConnection: return ListsTier(other.kind, reg::Tier::kMyNumber);
    case NodeType::kGateway: {
      // The gateway of an allowed connection, or one inside the tier.
      for (const auto& n : model.Nodes())
        if (n.type == NodeType::kConnection && n.via == other_id && ListsTier(n.kind, reg::Tier::kMyNumber)) return true;
      if (other.gateway && !other.gateway->segment.empty())
        if (auto seg = model.ByNumber(other.gateway->segment))
          return model.At(*seg).tier == reg::Tier::kMyNumber;
      return false;
    }
    case NodeType::kInternet: return false;
    case NodeType::kUnassigned: return false;
  }
  return false;
}

}  // namespace

std::vector<Breach> Judge(const Model& model, const policy::Profile& profile, std::span<const NodeId> path) {
  std::vector<Breach> out;
  if (path.size() < 2) return out;
  const NodeId src = path.front(), dst = path.back();
  // Gateways passed: those named on the path, and the connections' own.
  std::vector<NodeId> passed(path.begin() + 1, path.end() - 1);
  for (NodeId end : {src, dst})
    if (model.At(end).via) passed.push_back(static_cast<NodeId>(*model.At(end).via));
  const Node& a = model.At(src);
  const Node& b = model.At(dst);
  const auto ta = EndpointTier(a), tb = EndpointTier(b);

  // 6(3)①: the My Number tier talks with no other realm.
  if (profile.my_number.isolate_network) {
    for (auto [x, y] : {std::pair{src, dst}, std::pair{dst, src}}) {
      if (EndpointTier(model.At(x)) != reg::Tier::kMyNumber || AllowedForMyNumber(model, y)) continue;
      const auto ty = EndpointTier(model.At(y));
      out.push_back({BreachKind::kMyNumberIsolation,
                     fmt::format("マイナンバー利用事務系が{}と通信できます", ty ? reg::TierLabel(*ty) : model.At(y).name),
                     fmt::format("the My Number tier can communicate with {}", ty ? reg::TierLabel(*ty, true) : model.At(y).name)});
      return out;  // the gravest; the rest would repeat it
    }
  }
  // 6(3)②: LGWAN ↔ internet only through sanitization in the directions required.
  if (ta && tb && ((*ta == reg::Tier::kLgwan && *tb == reg::Tier::kInternet) ||
                   (*ta == reg::Tier::kInternet && *tb == reg::Tier::kLgwan))) {
    std::vector<policy::Direction> sanitized;
    for (NodeId g : passed) {
      const Node& n = model.At(g);
      if (!n.gateway || n.gateway->kind != reg::GatewayKind::kSanitization) continue;
      for (const auto& d : n.gateway->directions)
        if (auto dir = DirectionOf(d)) sanitized.push_back(*dir);
    }
    std::string missing_ja, missing_en;
    for (auto d : profile.sanitization.directions) {
      if (std::find(sanitized.begin(), sanitized.end(), d) != sanitized.end()) continue;
      missing_ja += fmt::format("{}{}", missing_ja.empty() ? "" : "、", DirectionJa(d));
      missing_en += fmt::format("{}{}", missing_en.empty() ? "" : ", ", DirectionEn(d));
    }
    if (!missing_ja.empty())
      out.push_back({BreachKind::kSanitization,
                     fmt::format("LGWAN接続系とインターネット接続系の間を無害化せずに通信できます（無害化されない方向: {}）", missing_ja),
                     fmt::format("LGWAN and internet tiers communicate without sanitization (unsanitized: {})", missing_en)});
  }
  // 6(3)③: communication with the internet is aggregated through the security cloud.
  if (profile.internet.security_cloud == policy::SecurityCloud::kRequired && (a.IsInternet() || b.IsInternet())) {
    auto is_cloud = [&](NodeId id) {
      const Node& n = model.At(id);
      return n.gateway && n.gateway->kind == reg::GatewayKind::kSecurityCloud;
    };
    const bool through = is_cloud(src) || is_cloud(dst) || std::any_of(passed.begin(), passed.end(), is_cloud);
    if (!through)
      out.push_back({BreachKind::kSecurityCloud, "インターネットとの通信が自治体情報セキュリティクラウドを経由しません",
                     "internet traffic does not pass the security cloud"});
  }
  return out;
}

std::string Describe(const Model& model, NodeId id, bool english) {
  const Node& n = model.At(id);
  switch (n.type) {
    case NodeType::kSegment:
      return fmt::format(fmt::runtime(english ? "{} {} ({})" : "{} {}（{}）"), n.number, n.name,
                         n.tier ? reg::TierLabel(*n.tier, english) : (english ? "no tier" : "系統なし"));
    case NodeType::kGateway:
      return fmt::format(fmt::runtime(english ? "{} {} ({})" : "{} {}（{}）"), n.number, n.name,
                         n.gateway && n.gateway->kind ? reg::GatewayKindLabel(*n.gateway->kind, english)
                                                      : (english ? "gateway" : "中継装置"));
    case NodeType::kConnection: return fmt::format("{} {}", n.number, n.name);
    case NodeType::kInternet:
      if (n.connection) return fmt::format("{} {}", n.number, n.name);
      return english ? "the internet (public address not in the register)" : n.name;
    case NodeType::kUnassigned: return english ? "internal address not in the register" : n.name;
  }
  return n.number;
}

}  // namespace mamori::net
