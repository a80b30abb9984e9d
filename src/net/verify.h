// Static verification of the three-tier separation (`mamori net check`): what
// the register's flow rules actually permit, as header-space boxes (source ×
// destination address × protocol × destination port), which paths between
// nodes those boxes open, and what Judge() (model.h) says each path breaks —
// with a concrete counterexample flow inside the permitted box.
//
// Rules of one device are taken in `sequence`, first match wins: what an
// earlier rule (allow or deny) already matched is cut out of a later rule, so
// a shadowed part is never reported and a rule wholly shadowed is itself a
// finding. Rules without a device are declared flows: each permits what it says.
// Gateways forward: a rule into a gateway and a rule out of it form one path.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "net/address.h"
#include "net/model.h"
#include "policy/profile.h"
#include "register/model.h"

namespace mamori::net {

// ---- header space ---------------------------------------------------------------

// Every packet whose source and destination addresses, protocol (IANA number)
// and destination port lie in the inclusive ranges. Protocols without ports
// (ICMP …) span the whole port range.
struct Box {
  Address src_first, src_last;
  Address dst_first, dst_last;
  std::uint8_t proto_first = 0, proto_last = 255;
  std::uint16_t port_first = 0, port_last = 65535;

  [[nodiscard]] bool Intersects(const Box& o) const;
  [[nodiscard]] bool Contains(const Box& o) const;
  [[nodiscard]] std::optional<Box> Intersect(const Box& o) const;
  [[nodiscard]] bool Holds(const Address& src, const Address& dst, std::uint8_t proto, std::uint16_t port) const;
  friend bool operator==(const Box&, const Box&) = default;
};

// a − b as at most 8 disjoint boxes, appended to `out` (a itself when they do not meet).
void Subtract(const Box& a, const Box& b, std::vector<Box>& out);
// Every box of `set` minus `b`.
std::vector<Box> Subtract(const std::vector<Box>& set, const Box& b);

// One flow inside a box, to show people: "10.11.0.1 → 10.21.0.1 TCP/22".
struct Example {
  Address src, dst;
  std::uint8_t protocol = 6;
  std::optional<std::uint16_t> port;  // for TCP, UDP, SCTP
};
// A host address rather than a network address where the range allows,
// TCP where the box allows it, port 443 where the box allows it.
Example ExampleOf(const Box& box);
// From the box most worth showing: TCP/443 before other TCP before the rest, IPv4 before IPv6.
Example ExampleOf(std::span<const Box> boxes);
std::string ToString(const Example& e);

// ---- what the rules permit ---------------------------------------------------------

// Where a rule's finding goes (a problem with the rule itself, not a breach).
struct RuleProblem {
  std::string rule;  // net.references or net.segments
  std::size_t flow = 0;  // index into Register::flows
  bool unknown = false;  // data missing (judged as unknown), not a contradiction
  std::string message_ja, message_en;
};

// What one allow rule permits from one node to another (after first match).
struct Permit {
  std::size_t flow = 0;  // index into Register::flows
  NodeId src = 0, dst = 0;
  std::vector<NodeId> via;  // the rule's via gateways, in order
  std::vector<Box> boxes;   // disjoint, never empty
  bool src_unaddressed = false, dst_unaddressed = false;  // a node with no address: any address stands for it
  // The rule names the node (by number, or a range wholly inside it), rather than a range that
  // merely covers it: only named gateways chain rules into paths.
  bool src_named = false, dst_named = false;
};

// A path the rules open that breaks the policy, and why.
struct Violation {
  BreachKind kind;
  std::string detail_ja, detail_en;  // Judge's words
  std::vector<NodeId> path;          // [source, gateways passed …, destination]
  std::vector<std::size_t> flows;    // the rules permitting it, hop by hop (the finding is on flows[0])
  std::vector<std::size_t> permits;  // the hops (indices into Verification::permits)
  std::vector<Example> examples;     // one flow per hop
  std::size_t more = 0;              // further endpoint pairs of the same rule and kind, beyond max_pairs_per_rule
};

struct Verification {
  bool described = false;  // the register has any network record at all
  Model model;
  std::vector<ModelProblem> model_problems;
  std::vector<RuleProblem> rule_problems;
  std::vector<Permit> permits;
  // One per (first rule, breach kind, source node, destination node), up to max_pairs_per_rule.
  std::vector<Violation> violations;
  std::vector<bool> permits_something;  // per flow: an allow rule with something left after first match
  std::vector<bool> judged;             // per flow: parsed and evaluated (no problem stopped it)
};

struct VerifyOptions {
  std::size_t max_chain = 4;           // gateways chained between rules
  std::size_t max_fragments = 20000;   // per rule while cutting out earlier rules; beyond it the rule is taken whole
  std::size_t max_pairs_per_rule = 20;  // findings per (rule, breach kind); the rest are counted on the last
};

// The whole verification of a register. The result points into `reg` (the
// model's nodes do): keep the register alive while using it.
Verification Verify(const reg::Register& reg, const policy::Profile& profile, const VerifyOptions& options = {});

// The breach kinds the profile judges: isolation where it isolates the My
// Number tier, sanitization where it names directions, the security cloud
// where aggregation is required.
std::vector<BreachKind> JudgedKinds(const policy::Profile& profile);

// ---- words ---------------------------------------------------------------------------

// "SEG-MN-02 マイナンバー利用事務系 サーバ（マイナンバー利用事務系） → SEG-LG-02 …"
std::string PathText(const Model& model, std::span<const NodeId> path, bool english = false);
// "FR-090（FW-CORE 順序 900）" / "FR-090 (FW-CORE, sequence 900)"
std::string RuleText(const reg::FlowRule& rule, bool english = false);
// The hop examples of a violation: "10.11.0.1 → 10.21.0.1 TCP/22", hops joined by "、" / "; ".
std::string ExamplesText(const Verification& v, const Violation& violation, bool english = false);
// Source and destination as written in an example, the node's number for a node without address.
std::string ExampleText(const Verification& v, const Permit& permit, const Example& e);

// ---- differential (`net check --proposed`) -----------------------------------------------

// Something the proposed register permits that the current one does not,
// between nodes of different tiers (or a tier and the outside).
struct NewPermit {
  std::size_t permit = 0;  // index into the proposed Verification::permits
  std::vector<Box> boxes;  // the new part
  Example example;
  std::vector<NodeId> path;  // in the proposed model
  std::vector<Breach> breaches;  // what Judge says of the path (empty: new, but within the policy)
};

// Paths are matched by the nodes' numbers and the gateways passed.
std::vector<NewPermit> NewlyPermitted(const Verification& before, const Verification& after,
                                      const policy::Profile& profile);

}  // namespace mamori::net
