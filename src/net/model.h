// The body's network as mamori reasons about it: every segment, gateway and
// external connection of the register as a node with its address ranges, a
// longest-prefix table from any address to its node, and the one judgement
// both `net check` (over declared paths) and `net watch` (over observed
// traffic) make: does communication along this path break the body's policy?
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "net/address.h"
#include "policy/profile.h"
#include "register/model.h"

namespace mamori::net {

enum class NodeType : std::uint8_t {
  kSegment,
  kGateway,
  kConnection,
  kInternet,    // a public address no segment, gateway or connection claims
  kUnassigned,  // a private address no one claims
};

struct Node {
  NodeType type = NodeType::kUnassigned;
  std::string number;  // the register's number; "internet" / "unassigned" for the two catch-alls
  std::string name;
  std::optional<reg::Tier> tier;  // segments; connections take none
  const reg::Segment* segment = nullptr;
  const reg::Gateway* gateway = nullptr;
  const reg::Connection* connection = nullptr;
  const policy::ConnectionKind* kind = nullptr;  // connections (and the internet catch-all, if the profile has one)
  std::vector<Cidr> cidrs;
  std::optional<std::size_t> via;  // connections: the gateway they are reached through

  [[nodiscard]] bool IsInternet() const { return type == NodeType::kInternet || (kind && kind->internet); }
};

// A problem found while building the model (bad CIDR, unknown connection kind,
// a gateway referring to an unknown segment …): net.references / net.segments findings.
struct ModelProblem {
  std::string rule;  // net.references or net.segments
  std::string subject_type;  // segment, gateway, connection
  std::string subject;       // number
  std::string subject_name;
  std::string message_ja, message_en;
};

using NodeId = std::uint32_t;

class Model {
 public:
  static Model Build(const reg::Register& reg, const policy::Profile& profile, std::vector<ModelProblem>* problems = nullptr);

  [[nodiscard]] const std::vector<Node>& Nodes() const { return nodes_; }
  [[nodiscard]] const Node& At(NodeId id) const { return nodes_[id]; }
  [[nodiscard]] NodeId InternetNode() const { return internet_; }
  [[nodiscard]] NodeId UnassignedNode() const { return unassigned_; }

  // Longest-prefix match over every node's ranges; otherwise the internet
  // (public address) or unassigned (private address) catch-all.
  [[nodiscard]] NodeId Lookup(const Address& a) const;
  // True when some node's own range holds the address (not a catch-all).
  [[nodiscard]] bool Claimed(const Address& a) const;
  // A zone or interface name a device logs, as segments list them ("trust",
  // "FGT01:port3" matches device FGT01 only).
  [[nodiscard]] std::optional<NodeId> ByZone(std::string_view zone, std::string_view device = {}) const;
  // By the register's number (segments, gateways, connections).
  [[nodiscard]] std::optional<NodeId> ByNumber(std::string_view number) const;

  // Disjoint address intervals with the node that owns each (most specific wins).
  struct Interval {
    Address first, last;
    NodeId node;
  };
  [[nodiscard]] const std::vector<Interval>& Intervals() const { return intervals_; }

 private:
  std::vector<Node> nodes_;
  std::vector<Interval> intervals_;
  // IPv4 fast path: the same intervals as 32-bit values.
  std::vector<std::uint32_t> v4_first_;
  std::vector<NodeId> v4_node_;
  std::vector<std::uint32_t> v4_last_;
  std::unordered_map<std::string, NodeId> by_number_;
  std::unordered_map<std::string, NodeId> by_zone_;  // folded zone name (with "device:" when given)
  NodeId internet_ = 0, unassigned_ = 0;
};

// What communication along a path breaks, per rule of the profile.
enum class BreachKind : std::uint8_t {
  kMyNumberIsolation,  // net.my_number_isolation
  kSanitization,       // net.sanitization
  kSecurityCloud,      // net.security_cloud
};
std::string_view BreachRule(BreachKind k);  // the check rule id

struct Breach {
  BreachKind kind;
  std::string detail_ja, detail_en;  // why: "マイナンバー利用事務系 → LGWAN接続系", "無害化されない方向: インターネット→LGWAN"
};

// The judgement of a path [source, gateways passed …, destination]. A
// connection's own `via` gateway counts as passed. Only what the profile
// requires is judged (isolate_network, sanitization directions, security_cloud).
std::vector<Breach> Judge(const Model& model, const policy::Profile& profile, std::span<const NodeId> path);

// The tier an endpoint stands for when judging: a segment's tier, the internet
// for internet connections and public addresses, nothing for gateways, other
// connections and unassigned space.
std::optional<reg::Tier> EndpointTier(const Node& node);

// "10.1.0.5（SEG-MN-01 マイナンバー利用事務系 業務端末）"
std::string Describe(const Model& model, NodeId id, bool english = false);

}  // namespace mamori::net
