// Static verification: what the rules permit (boxes, first match, shadowing),
// where it leads (CIDRs across segments, IPv6, chained gateways) and what the
// body's policy says of it, each finding with a flow that really is permitted.
#include "net/verify.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include <gtest/gtest.h>

#include "policy/loader.h"

namespace mamori::net {
namespace {

using reg::GatewayKind;
using reg::RuleAction;
using reg::Tier;

Address A(std::string_view s) { return *Address::Parse(s); }

Box MakeBox(std::string_view s1, std::string_view s2, std::string_view d1, std::string_view d2, std::uint8_t p1,
            std::uint8_t p2, std::uint16_t q1, std::uint16_t q2) {
  return Box{A(s1), A(s2), A(d1), A(d2), p1, p2, q1, q2};
}

// The number of packets' headers a small IPv4 box holds.
std::uint64_t Volume(const Box& b) {
  return (std::uint64_t{b.src_last.V4Value() - b.src_first.V4Value()} + 1) *
         (std::uint64_t{b.dst_last.V4Value() - b.dst_first.V4Value()} + 1) *
         (std::uint64_t{b.proto_last} - b.proto_first + 1) * (std::uint64_t{b.port_last} - b.port_first + 1);
}

policy::ConnectionKind Kind(std::string id, std::vector<Tier> tiers, bool internet = false) {
  policy::ConnectionKind k;
  k.id = id;
  k.name = id;
  k.tiers = std::move(tiers);
  k.internet = internet;
  return k;
}

// A body that requires what the guideline requires: isolation, sanitization both ways, the security cloud.
policy::Profile Strict() {
  policy::Profile p;
  p.id = "test";
  p.my_number.isolate_network = true;
  p.sanitization.directions = {policy::Direction::kInternetToLgwan, policy::Direction::kLgwanToInternet};
  p.internet.security_cloud = policy::SecurityCloud::kRequired;
  p.network.connections = {Kind("lgwan", {Tier::kLgwan}), Kind("internet", {Tier::kInternet}, true),
                           Kind("juki_net", {Tier::kMyNumber})};
  return p;
}

reg::Segment Seg(std::string number, Tier tier, std::vector<std::string> addresses) {
  reg::Segment s;
  s.number = number;
  s.name = number + " の名前";
  s.tier = tier;
  s.addresses = std::move(addresses);
  return s;
}

reg::Gateway Gw(std::string number, GatewayKind kind, std::vector<std::string> addresses,
                std::vector<std::string> directions = {}) {
  reg::Gateway g;
  g.number = number;
  g.name = number + " の名前";
  g.kind = kind;
  g.addresses = std::move(addresses);
  g.directions = std::move(directions);
  return g;
}

reg::FlowRule Rule(std::string number, std::string device, std::int64_t sequence, RuleAction action,
                   std::vector<std::string> from, std::vector<std::string> to, std::string protocol = "tcp",
                   std::string ports = "", std::vector<std::string> via = {}) {
  reg::FlowRule r;
  r.number = number;
  r.device = device;
  if (!device.empty()) r.sequence = sequence;
  r.action = action;
  r.sources = std::move(from);
  r.destinations = std::move(to);
  r.protocol = protocol;
  r.ports = ports;
  r.via = std::move(via);
  return r;
}

// The three tiers and the usual gateways, no rules yet.
reg::Register ThreeTiers() {
  reg::Register r;
  r.segments = {Seg("MN", Tier::kMyNumber, {"10.10.0.0/16", "fd00:10::/48"}),
                Seg("LG", Tier::kLgwan, {"10.20.0.0/16", "fd00:20::/48"}),
                Seg("IN", Tier::kInternet, {"10.30.0.0/16", "fd00:30::/48"})};
  r.gateways = {Gw("GW-SAN", GatewayKind::kSanitization, {"10.40.0.10"}, {"internet_to_lgwan", "lgwan_to_internet"}),
                Gw("GW-MAIL", GatewayKind::kSanitization, {"10.40.0.11"}, {"internet_to_lgwan"}),
                Gw("GW-CLOUD", GatewayKind::kSecurityCloud, {"198.51.100.0/28"}),
                Gw("GW-FW", GatewayKind::kFirewall, {"10.40.0.1"}),
                Gw("GW-FW2", GatewayKind::kFirewall, {"10.40.0.2"})};
  reg::Connection internet;
  internet.number = "CN-NET";
  internet.name = "インターネット";
  internet.kind = "internet";
  internet.via = "GW-CLOUD";
  r.connections = {internet};
  return r;
}

const Violation* FindViolation(const Verification& v, const reg::Register& r, std::string_view flow, BreachKind kind) {
  for (const auto& x : v.violations)
    if (r.flows[x.flows.front()].number == flow && x.kind == kind) return &x;
  return nullptr;
}

std::size_t CountKind(const Verification& v, BreachKind kind) {
  return static_cast<std::size_t>(std::count_if(v.violations.begin(), v.violations.end(), [&](const auto& x) { return x.kind == kind; }));
}

bool HasProblem(const Verification& v, const reg::Register& r, std::string_view flow, std::string_view needle) {
  return std::any_of(v.rule_problems.begin(), v.rule_problems.end(), [&](const RuleProblem& p) {
    return r.flows[p.flow].number == flow && p.message_ja.find(needle) != std::string::npos;
  });
}

// Every example shown lies inside what its hop's rule permits.
void ExpectExamplesInside(const Verification& v) {
  for (const auto& x : v.violations) {
    ASSERT_EQ(x.examples.size(), x.permits.size());
    for (std::size_t i = 0; i < x.permits.size(); ++i) {
      const auto& e = x.examples[i];
      const auto& permit = v.permits[x.permits[i]];
      const bool inside = std::any_of(permit.boxes.begin(), permit.boxes.end(), [&](const Box& b) {
        return b.Holds(e.src, e.dst, e.protocol, e.port.value_or(b.port_first));
      });
      EXPECT_TRUE(inside) << ToString(e);
    }
  }
}

// ---- boxes ------------------------------------------------------------------------------

TEST(BoxTest, SubtractionLeavesExactlyTheRest) {
  const Box a = MakeBox("10.0.0.0", "10.0.0.255", "10.1.0.0", "10.1.0.255", 0, 255, 0, 65535);
  const Box b = MakeBox("10.0.0.16", "10.0.0.31", "10.1.0.0", "10.1.0.9", 6, 6, 20, 25);
  std::vector<Box> rest;
  Subtract(a, b, rest);
  EXPECT_LE(rest.size(), 8u);
  std::uint64_t volume = 0;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    EXPECT_FALSE(rest[i].Intersects(b));
    EXPECT_TRUE(a.Contains(rest[i]));
    for (std::size_t j = i + 1; j < rest.size(); ++j) EXPECT_FALSE(rest[i].Intersects(rest[j])) << i << "," << j;
    volume += Volume(rest[i]);
  }
  EXPECT_EQ(volume, Volume(a) - Volume(b));
  // A packet of b is gone; its neighbours are not.
  auto held = [&](std::string_view s, std::string_view d, std::uint8_t p, std::uint16_t q) {
    return std::any_of(rest.begin(), rest.end(), [&](const Box& x) { return x.Holds(A(s), A(d), p, q); });
  };
  EXPECT_FALSE(held("10.0.0.20", "10.1.0.5", 6, 22));
  EXPECT_TRUE(held("10.0.0.20", "10.1.0.5", 17, 22));
  EXPECT_TRUE(held("10.0.0.20", "10.1.0.5", 6, 26));
  EXPECT_TRUE(held("10.0.0.32", "10.1.0.5", 6, 22));
}

TEST(BoxTest, DisjointAndCoveringBoxes) {
  const Box a = MakeBox("10.0.0.0", "10.0.0.255", "10.1.0.0", "10.1.0.255", 6, 6, 443, 443);
  std::vector<Box> rest;
  Subtract(a, MakeBox("10.0.0.0", "10.0.0.255", "10.1.0.0", "10.1.0.255", 17, 17, 0, 65535), rest);
  ASSERT_EQ(rest.size(), 1u);
  EXPECT_EQ(rest[0], a);
  rest.clear();
  Subtract(a, MakeBox("0.0.0.0", "255.255.255.255", "0.0.0.0", "255.255.255.255", 0, 255, 0, 65535), rest);
  EXPECT_TRUE(rest.empty());
}

TEST(BoxTest, ExampleIsAHostInsideTheBox) {
  const Box b = MakeBox("10.11.0.0", "10.11.0.255", "10.21.0.0", "10.21.0.255", 6, 6, 22, 22);
  const auto e = ExampleOf(b);
  EXPECT_EQ(ToString(e), "10.11.0.1 → 10.21.0.1 TCP/22");
  const auto any = ExampleOf(MakeBox("10.0.0.0", "10.0.0.255", "10.1.0.0", "10.1.0.255", 0, 255, 0, 65535));
  EXPECT_EQ(ToString(any), "10.0.0.1 → 10.1.0.1 TCP/443");
  const auto icmp = ExampleOf(MakeBox("10.0.0.5", "10.0.0.5", "10.1.0.7", "10.1.0.7", 1, 1, 0, 65535));
  EXPECT_EQ(ToString(icmp), "10.0.0.5 → 10.1.0.7 ICMP");
}

// ---- first match ----------------------------------------------------------------------------

TEST(VerifyTest, AnEarlierDenyCutsOutOfALaterAllow) {
  auto r = ThreeTiers();
  r.flows = {Rule("R-1", "FW", 10, RuleAction::kDeny, {"MN"}, {"LG"}, "tcp", "22"),
             Rule("R-2", "FW", 20, RuleAction::kAllow, {"MN"}, {"LG"}, "tcp", ""),
             Rule("R-3", "FW", 30, RuleAction::kAllow, {"MN"}, {"LG"}, "tcp", "22")};
  const auto v = Verify(r, Strict());
  const auto* x = FindViolation(v, r, "R-2", BreachKind::kMyNumberIsolation);
  ASSERT_NE(x, nullptr);
  // What R-2 permits no longer holds SSH; the example is a port it does permit.
  for (const auto& p : v.permits) {
    if (r.flows[p.flow].number != "R-2") continue;
    for (const auto& b : p.boxes) EXPECT_FALSE(b.Holds(A("10.10.0.1"), A("10.20.0.1"), 6, 22));
  }
  ASSERT_TRUE(x->examples[0].port);
  EXPECT_NE(*x->examples[0].port, 22);
  ExpectExamplesInside(v);
  // R-3 asks only for what R-1 already denied: nothing of it is left, and that is itself a finding.
  EXPECT_EQ(FindViolation(v, r, "R-3", BreachKind::kMyNumberIsolation), nullptr);
  EXPECT_TRUE(HasProblem(v, r, "R-3", "先行する規則に完全に隠れています（R-1"));
  EXPECT_FALSE(v.permits_something[2]);
}

TEST(VerifyTest, AnAllowAfterACatchAllDenyPermitsNothing) {
  auto r = ThreeTiers();
  r.flows = {Rule("R-1", "FW", 10, RuleAction::kDeny, {"any"}, {"全て"}, "any"),
             Rule("R-2", "FW", 20, RuleAction::kAllow, {"MN"}, {"LG"}, "tcp", "22")};
  const auto v = Verify(r, Strict());
  EXPECT_TRUE(v.violations.empty());
  EXPECT_TRUE(HasProblem(v, r, "R-2", "先行する規則に完全に隠れています（R-1）"));
  // Another device's rules are not cut by FW's: a declared flow stands alone.
  r.flows.push_back(Rule("R-3", "", 0, RuleAction::kAllow, {"MN"}, {"LG"}, "tcp", "22"));
  const auto w = Verify(r, Strict());
  EXPECT_NE(FindViolation(w, r, "R-3", BreachKind::kMyNumberIsolation), nullptr);
}

TEST(VerifyTest, SequenceDecidesNotTheRegistersOrder) {
  auto r = ThreeTiers();
  r.flows = {Rule("R-2", "FW", 20, RuleAction::kAllow, {"MN"}, {"LG"}, "tcp", "22"),
             Rule("R-1", "fw", 10, RuleAction::kDeny, {"MN"}, {"LG"}, "any")};  // the device name folded
  const auto v = Verify(r, Strict());
  EXPECT_TRUE(v.violations.empty());
  EXPECT_TRUE(HasProblem(v, r, "R-2", "完全に隠れています（R-1）"));
}

// ---- endpoints --------------------------------------------------------------------------------

TEST(VerifyTest, ACidrSpanningSeveralSegmentsIsJudgedPerSegment) {
  auto r = ThreeTiers();
  r.flows = {Rule("R-1", "", 0, RuleAction::kAllow, {"10.0.0.0/8"}, {"LG"}, "tcp", "445")};
  const auto v = Verify(r, Strict());
  const auto* iso = FindViolation(v, r, "R-1", BreachKind::kMyNumberIsolation);
  ASSERT_NE(iso, nullptr);
  EXPECT_EQ(v.model.At(iso->path.front()).number, "MN");
  EXPECT_EQ(ToString(iso->examples[0]), "10.10.0.1 → 10.20.0.1 TCP/445");
  const auto* san = FindViolation(v, r, "R-1", BreachKind::kSanitization);
  ASSERT_NE(san, nullptr);
  EXPECT_EQ(v.model.At(san->path.front()).number, "IN");
  EXPECT_EQ(ToString(san->examples[0]), "10.30.0.1 → 10.20.0.1 TCP/445");
  // The unassigned parts of 10/8 and the gateways break nothing by themselves.
  EXPECT_EQ(v.violations.size(), 2u);
  ExpectExamplesInside(v);
}

TEST(VerifyTest, AnyReachesTheInternetAndPublicAddressesAreTheInternet) {
  auto r = ThreeTiers();
  r.flows = {Rule("R-1", "", 0, RuleAction::kAllow, {"IN"}, {"8.8.8.0/24"}, "udp", "53"),
             Rule("R-2", "", 0, RuleAction::kAllow, {"IN"}, {"CN-NET"}, "tcp", "443"),
             Rule("R-3", "", 0, RuleAction::kAllow, {"LG"}, {"any"}, "tcp", "443")};
  const auto v = Verify(r, Strict());
  // A public address is the internet, reached as the register says the internet is (via GW-CLOUD).
  EXPECT_EQ(FindViolation(v, r, "R-1", BreachKind::kSecurityCloud), nullptr);
  EXPECT_EQ(FindViolation(v, r, "R-2", BreachKind::kSecurityCloud), nullptr);
  const auto* san = FindViolation(v, r, "R-3", BreachKind::kSanitization);
  ASSERT_NE(san, nullptr);
  EXPECT_TRUE(v.model.At(san->path.back()).IsInternet() || v.model.At(san->path.back()).number == "IN");
  ExpectExamplesInside(v);
}

TEST(VerifyTest, Ipv6IsVerifiedLikeIpv4AndFamiliesDoNotMix) {
  auto r = ThreeTiers();
  r.flows = {Rule("R-1", "FW", 10, RuleAction::kAllow, {"fd00:10::/48"}, {"fd00:20::/48"}, "tcp", "443"),
             Rule("R-2", "FW", 20, RuleAction::kAllow, {"10.10.0.0/16"}, {"fd00:20::/48"}, "tcp", "443")};
  const auto v = Verify(r, Strict());
  const auto* x = FindViolation(v, r, "R-1", BreachKind::kMyNumberIsolation);
  ASSERT_NE(x, nullptr);
  EXPECT_EQ(ToString(x->examples[0]), "fd00:10::1 → fd00:20::1 TCP/443");
  EXPECT_EQ(FindViolation(v, r, "R-2", BreachKind::kMyNumberIsolation), nullptr);  // IPv4 to IPv6: no such packet
  EXPECT_FALSE(v.permits_something[1]);
  EXPECT_TRUE(HasProblem(v, r, "R-2", "アドレスの種類（IPv4・IPv6）が合わない"));
  ExpectExamplesInside(v);
}

TEST(VerifyTest, RuleProblemsAreNamed) {
  auto r = ThreeTiers();
  r.flows = {Rule("R-1", "", 0, RuleAction::kAllow, {"SEG-NONE"}, {"LG"}),
             Rule("R-2", "", 0, RuleAction::kAllow, {"MN"}, {"LG"}, "TCP", "http, 443，８０００ - 8080"),
             Rule("R-3", "", 0, RuleAction::kAllow, {"MN"}, {"LG"}, "tcp", "443-80"),
             Rule("R-4", "", 0, RuleAction::kAllow, {"MN"}, {"LG"}, "tcpp"),
             Rule("R-5", "", 0, RuleAction::kAllow, {"192.168.50.0/24"}, {"LG"}, "tcp", "443"),
             Rule("R-6", "", 0, RuleAction::kAllow, {"MN"}, {"LG"}, "tcp", "443", {"GW-NONE"})};
  const auto v = Verify(r, Strict());
  EXPECT_TRUE(HasProblem(v, r, "R-1", "送信元「SEG-NONE」は台帳の"));
  EXPECT_FALSE(v.judged[0]);
  EXPECT_TRUE(v.judged[1]);  // service names, lists and ranges read
  ASSERT_NE(FindViolation(v, r, "R-2", BreachKind::kMyNumberIsolation), nullptr);
  EXPECT_EQ(*FindViolation(v, r, "R-2", BreachKind::kMyNumberIsolation)->examples[0].port, 443);
  EXPECT_TRUE(HasProblem(v, r, "R-3", "宛先ポート「443-80」が読めません"));
  EXPECT_TRUE(HasProblem(v, r, "R-4", "プロトコル「tcpp」が読めません"));
  EXPECT_TRUE(HasProblem(v, r, "R-5", "192.168.50.0/24 は台帳のどのセグメントにもない内部アドレス"));
  EXPECT_TRUE(HasProblem(v, r, "R-6", "経由装置「GW-NONE」は中継装置の台帳にありません"));
  EXPECT_NE(FindViolation(v, r, "R-6", BreachKind::kMyNumberIsolation), nullptr);  // judged as not passing it
}

// ---- paths -------------------------------------------------------------------------------------

TEST(VerifyTest, RulesChainThroughGateways) {
  auto r = ThreeTiers();
  r.flows = {Rule("R-1", "FW", 10, RuleAction::kAllow, {"MN"}, {"GW-FW"}, "tcp", "8080"),
             Rule("R-2", "FW", 20, RuleAction::kAllow, {"GW-FW"}, {"GW-FW2"}, "tcp", "8080"),
             Rule("R-3", "FW", 30, RuleAction::kAllow, {"GW-FW2"}, {"LG"}, "tcp", "445"),
             Rule("R-4", "FW", 40, RuleAction::kAllow, {"GW-FW2"}, {"GW-FW"}, "tcp", "8080")};  // a loop
  const auto v = Verify(r, Strict());
  const Violation* chain = nullptr;
  for (const auto& x : v.violations)
    if (x.kind == BreachKind::kMyNumberIsolation && v.model.At(x.path.back()).number == "LG") chain = &x;
  ASSERT_NE(chain, nullptr);
  std::vector<std::string> path, flows;
  for (auto id : chain->path) path.push_back(v.model.At(id).number);
  for (auto f : chain->flows) flows.push_back(r.flows[f].number);
  EXPECT_EQ(path, (std::vector<std::string>{"MN", "GW-FW", "GW-FW2", "LG"}));
  EXPECT_EQ(flows, (std::vector<std::string>{"R-1", "R-2", "R-3"}));
  EXPECT_EQ(ExamplesText(v, *chain), "10.10.0.1 → 10.40.0.1 TCP/8080、10.40.0.1 → 10.40.0.2 TCP/8080、10.40.0.2 → 10.20.0.1 TCP/445");
  ExpectExamplesInside(v);
  // The chain is bounded: no deeper than max_chain gateways.
  VerifyOptions shallow;
  shallow.max_chain = 1;
  const auto w = Verify(r, Strict(), shallow);
  for (const auto& x : w.violations) EXPECT_NE(w.model.At(x.path.back()).number, "LG");
}

TEST(VerifyTest, OnlyAGatewayTheRuleNamesChains) {
  auto r = ThreeTiers();
  r.flows = {Rule("R-1", "", 0, RuleAction::kAllow, {"IN"}, {"10.40.0.0/24"}, "tcp", "8080"),  // covers GW-FW, names nothing
             Rule("R-2", "", 0, RuleAction::kAllow, {"GW-FW"}, {"LG"}, "tcp", "8080")};
  const auto v = Verify(r, Strict());
  EXPECT_EQ(FindViolation(v, r, "R-1", BreachKind::kSanitization), nullptr);
  r.flows[0].destinations = {"10.40.0.1/32"};  // wholly GW-FW: as good as its number
  const auto w = Verify(r, Strict());
  const auto* x = FindViolation(w, r, "R-1", BreachKind::kSanitization);
  ASSERT_NE(x, nullptr);
  EXPECT_EQ(PathText(w.model, x->path), "IN IN の名前（インターネット接続系） → GW-FW GW-FW の名前（ファイアウォール） → LG LG の名前（LGWAN接続系）");
  // Through a sanitization gateway on the way, the chain passes.
  r.flows[1].via = {"GW-SAN"};
  EXPECT_EQ(FindViolation(Verify(r, Strict()), r, "R-1", BreachKind::kSanitization), nullptr);
}

TEST(VerifyTest, ARuleOpeningManyPairsIsFoundOnceWithTheRestCounted) {
  auto r = ThreeTiers();
  for (int i = 0; i < 30; ++i) r.segments.push_back(Seg("MN-" + std::to_string(i), Tier::kMyNumber, {"10.60." + std::to_string(i) + ".0/24"}));
  r.flows = {Rule("R-1", "", 0, RuleAction::kAllow, {"10.60.0.0/16"}, {"LG"}, "tcp", "443")};
  VerifyOptions o;
  o.max_pairs_per_rule = 5;
  const auto v = Verify(r, Strict(), o);
  ASSERT_EQ(CountKind(v, BreachKind::kMyNumberIsolation), 5u);
  std::size_t more = 0;
  for (const auto& x : v.violations) more += x.more;
  EXPECT_EQ(more, 25u);
}

TEST(VerifyTest, SanitizedAndAggregatedPathsAreNotFindings) {
  auto r = ThreeTiers();
  r.flows = {Rule("R-1", "FW", 10, RuleAction::kAllow, {"LG"}, {"IN"}, "tcp", "3389", {"GW-SAN"}),
             Rule("R-2", "FW", 20, RuleAction::kAllow, {"IN"}, {"CN-NET"}, "tcp", "80,443"),
             Rule("R-3", "FW", 30, RuleAction::kAllow, {"MN"}, {"MN"}, "any"),
             Rule("R-4", "FW", 9999, RuleAction::kDeny, {"any"}, {"any"}, "any")};
  const auto v = Verify(r, Strict());
  EXPECT_TRUE(v.violations.empty());
  EXPECT_TRUE(v.rule_problems.empty());
  EXPECT_TRUE(v.permits_something[0]);
  EXPECT_TRUE(v.permits_something[1]);
  // Without the sanitization gateway, the same rule breaks 6(3)②.
  r.flows[0].via.clear();
  const auto w = Verify(r, Strict());
  EXPECT_NE(FindViolation(w, r, "R-1", BreachKind::kSanitization), nullptr);
  EXPECT_EQ(CountKind(w, BreachKind::kSanitization), 1u);
}

std::filesystem::path SourceDir() {
  const char* env = std::getenv("MAMORI_SOURCE_DIR");
  return env ? std::filesystem::path(env) : std::filesystem::current_path();
}

TEST(VerifyTest, KumamotoSanitizesOnlyInboundSoAnOutboundPathThroughMailSanitizationPasses) {
  auto kumamoto = policy::LoadProfileById("kumamoto", {SourceDir() / "profiles"});
  auto nogata = policy::LoadProfileById("nogata", {SourceDir() / "profiles"});
  ASSERT_TRUE(kumamoto) << kumamoto.error().ToString();
  ASSERT_TRUE(nogata) << nogata.error().ToString();
  auto r = ThreeTiers();
  r.flows = {Rule("R-1", "FW", 10, RuleAction::kAllow, {"LG"}, {"IN"}, "tcp", "443", {"GW-MAIL"})};
  const auto k = Verify(r, *kumamoto);
  EXPECT_EQ(CountKind(k, BreachKind::kSanitization), 0u);
  const auto n = Verify(r, *nogata);
  const auto* x = FindViolation(n, r, "R-1", BreachKind::kSanitization);
  ASSERT_NE(x, nullptr);
  EXPECT_NE(x->detail_ja.find("LGWAN接続系→インターネット接続系"), std::string::npos) << x->detail_ja;
}

TEST(VerifyTest, ANodeWithoutAddressIsStillJudged) {
  auto r = ThreeTiers();
  r.segments.push_back(Seg("MN-X", Tier::kMyNumber, {}));
  r.flows = {Rule("R-1", "", 0, RuleAction::kAllow, {"MN-X"}, {"LG"}, "tcp", "443")};
  const auto v = Verify(r, Strict());
  const auto* x = FindViolation(v, r, "R-1", BreachKind::kMyNumberIsolation);
  ASSERT_NE(x, nullptr);
  EXPECT_EQ(ExamplesText(v, *x), "MN-X → 10.20.0.1 TCP/443");
}

TEST(VerifyTest, NothingDescribedIsSaid) {
  const reg::Register empty;
  const auto v = Verify(empty, Strict());
  EXPECT_FALSE(v.described);
  EXPECT_TRUE(v.violations.empty());
}

}  // namespace
}  // namespace mamori::net
