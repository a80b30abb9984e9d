// 三層の対策 (6(3)) verified from the register's network model: what the flow
// rules permit (net/verify.h), every path that breaks the body's isolation,
// sanitization or aggregation, with a counterexample flow; and the model's own
// consistency (segments, references). Computed once per run, shared by the five rules.
#include <algorithm>
#include <set>

#include "check/rule_context.h"
#include "net/verify.h"
#include "register/schema.h"

namespace mamori::check {

const net::Verification& Lookups::Network() {
  if (!network_) network_ = std::make_shared<const net::Verification>(net::Verify(reg_, profile_));
  return *network_;
}

namespace {

Subject Body(const RuleInput& in, bool en) { return {"body", in.profile.id, en ? in.profile.name_en : in.profile.name_ja}; }

Subject Of(const reg::FlowRule& r) { return {"flow", r.number, r.name}; }

// The network is not described at all: say so, once per rule, rather than stay silent.
bool Described(const RuleInput& in, Emitter& out) {
  const auto& v = in.lookups.Network();
  if (v.described) return true;
  out.Emit(Status::kUnknown, Body(in, out.english()), Message("net.not_described", out.english()));
  return false;
}

std::string_view PassId(net::BreachKind k) {
  switch (k) {
    case net::BreachKind::kMyNumberIsolation: return "net.my_number_isolation.pass";
    case net::BreachKind::kSanitization: return "net.sanitization.pass";
    case net::BreachKind::kSecurityCloud: return "net.security_cloud.pass";
  }
  return "";
}

void Breaches(const RuleInput& in, Emitter& out, net::BreachKind kind) {
  const auto judged = net::JudgedKinds(in.profile);
  if (std::find(judged.begin(), judged.end(), kind) == judged.end()) return;  // the body's policy does not require it
  if (!Described(in, out)) return;
  const bool en = out.english();
  const auto& v = in.lookups.Network();
  if (in.reg.flows.empty()) {
    out.Emit(Status::kUnknown, Body(in, en), Message("net.no_flows", en));
    return;
  }
  std::vector<bool> broke(in.reg.flows.size(), false);
  for (const auto& x : v.violations) {
    if (x.kind != kind) continue;
    const auto& rule = in.reg.flows[x.flows.front()];
    broke[x.flows.front()] = true;
    std::string rules;
    for (std::size_t f : x.flows)
      rules += (rules.empty() ? "" : " → ") + net::RuleText(in.reg.flows[f], en);
    std::string detail = en ? x.detail_en : x.detail_ja;
    if (en && !detail.empty() && detail[0] >= 'a' && detail[0] <= 'z') detail[0] = static_cast<char>(detail[0] - 'a' + 'A');
    out.Emit(Status::kFail, Of(rule),
             Message("net.breach", en, fmt::arg("detail", detail),
                     fmt::arg("example", net::ExamplesText(v, x, en)), fmt::arg("path", net::PathText(v.model, x.path, en)),
                     fmt::arg("rules", rules)) +
                 (x.more ? Message("net.breach.more", en, fmt::arg("count", x.more)) : std::string()),
             rule.department);
  }
  // What each rule permits, node to node (the first few), for the passes.
  std::vector<std::vector<std::string>> reaches(in.reg.flows.size());
  for (const auto& p : v.permits) {
    auto& list = reaches[p.flow];
    if (list.size() <= 3) list.push_back(fmt::format("{} → {}", v.model.At(p.src).number, v.model.At(p.dst).number));
  }
  for (std::size_t i = 0; i < in.reg.flows.size(); ++i) {
    if (broke[i] || !v.permits_something[i]) continue;
    const auto& rule = in.reg.flows[i];
    auto& list = reaches[i];
    if (list.size() > 3) {
      list.resize(3);
      list.back() += en ? " …" : " ほか";
    }
    const std::string what = list.empty() ? std::string(MessageTemplate("net.within_one_node", en)) : JoinList(list, en);
    out.Emit(Status::kPass, Of(rule), Message(PassId(kind), en, fmt::arg("what", what)), rule.department);
  }
}

std::string DepartmentOf(const RuleInput& in, const std::string& type, const std::string& number) {
  auto find = [&](const auto& records) -> std::string {
    for (const auto& r : records)
      if (r.number == number) return r.department;
    return {};
  };
  if (type == "segment") return find(in.reg.segments);
  if (type == "gateway") return find(in.reg.gateways);
  if (type == "connection") return find(in.reg.connections);
  return {};
}

// The model's and the rules' problems for one rule id; the subjects that had none pass.
void Problems(const RuleInput& in, Emitter& out, std::string_view rule_id,
              std::set<std::pair<std::string, std::string>>& flagged) {
  const bool en = out.english();
  const auto& v = in.lookups.Network();
  for (const auto& p : v.model_problems) {
    if (p.rule != rule_id) continue;
    flagged.insert({p.subject_type, p.subject});
    out.Emit(Status::kFail, {p.subject_type, p.subject, p.subject_name}, en ? p.message_en : p.message_ja,
             DepartmentOf(in, p.subject_type, p.subject));
  }
  for (const auto& p : v.rule_problems) {
    if (p.rule != rule_id) continue;
    const auto& rule = in.reg.flows[p.flow];
    flagged.insert({"flow", rule.number});
    out.Emit(p.unknown ? Status::kUnknown : Status::kFail, Of(rule), en ? p.message_en : p.message_ja, rule.department);
  }
}

std::string Joined(const std::vector<std::string>& items, bool en) {
  return items.empty() ? std::string(MessageTemplate("value.not_recorded", en)) : JoinList(items, en);
}

}  // namespace

void NetMyNumberIsolation(const RuleInput& in, Emitter& out) { Breaches(in, out, net::BreachKind::kMyNumberIsolation); }
void NetSanitization(const RuleInput& in, Emitter& out) { Breaches(in, out, net::BreachKind::kSanitization); }
void NetSecurityCloud(const RuleInput& in, Emitter& out) { Breaches(in, out, net::BreachKind::kSecurityCloud); }

void NetSegments(const RuleInput& in, Emitter& out) {
  if (!Described(in, out)) return;
  const bool en = out.english();
  std::set<std::pair<std::string, std::string>> flagged;
  Problems(in, out, "net.segments", flagged);
  for (const auto& s : in.reg.segments) {
    if (flagged.contains({"segment", s.number})) continue;
    out.Emit(Status::kPass, {"segment", s.number, s.name},
             Message("net.segments.pass", en, fmt::arg("tier", TierText(s.tier, en)),
                     fmt::arg("addresses", Joined(s.addresses, en))),
             s.department);
  }
}

void NetReferences(const RuleInput& in, Emitter& out) {
  if (!Described(in, out)) return;
  const bool en = out.english();
  std::set<std::pair<std::string, std::string>> flagged;
  Problems(in, out, "net.references", flagged);
  for (const auto& g : in.reg.gateways)
    if (!flagged.contains({"gateway", g.number}))
      out.Emit(Status::kPass, {"gateway", g.number, g.name}, Message("net.references.pass", en), g.department);
  for (const auto& c : in.reg.connections)
    if (!flagged.contains({"connection", c.number}))
      out.Emit(Status::kPass, {"connection", c.number, c.name}, Message("net.references.pass", en), c.department);
  for (const auto& r : in.reg.flows)
    if (!flagged.contains({"flow", r.number}))
      out.Emit(Status::kPass, Of(r),
               Message("net.references.flow_pass", en, fmt::arg("sources", Joined(r.sources, en)),
                       fmt::arg("destinations", Joined(r.destinations, en))),
               r.department);
}

}  // namespace mamori::check
