#include "net/monitor/monitor.h"

#include <algorithm>
#include <ostream>

#include <fmt/format.h>

#include "register/schema.h"

namespace mamori::net::monitor {
namespace {

constexpr std::size_t kMatrixLimit = 1024;  // nodes: 4 MiB of int32 at most

std::string Thousands(std::uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

policy::Severity Lower(policy::Severity s) {
  return s == policy::Severity::kHigh ? policy::Severity::kMedium : policy::Severity::kLow;
}

std::string PortText(const FlowEvent& f) {
  const auto name = ProtocolName(f.protocol);
  const std::string proto = name.empty() ? fmt::format("プロトコル{}", f.protocol) : std::string(name);
  if (f.protocol == kProtoTcp || f.protocol == kProtoUdp || f.protocol == 132) return fmt::format("{}/{}", proto, f.dst_port);
  return proto;
}

}  // namespace

Classifier::Classifier(const Model& model, const policy::Profile& profile)
    : model_(model), profile_(profile), n_(model.Nodes().size()) {
  if (n_ <= kMatrixLimit) matrix_.assign(n_ * n_, -1);
}

NodeId Classifier::Endpoint(const Address& address, std::string_view zone, std::string_view device) const {
  const NodeId node = model_.Lookup(address);
  if ((node == model_.InternetNode() || node == model_.UnassignedNode()) && !zone.empty())
    if (auto z = model_.ByZone(zone, device)) return *z;
  return node;
}

const std::vector<Breach>& Classifier::Judge(NodeId src, NodeId dst) {
  std::int32_t* slot = nullptr;
  if (!matrix_.empty()) {
    slot = &matrix_[static_cast<std::size_t>(src) * n_ + dst];
  } else {
    slot = &sparse_.try_emplace((static_cast<std::uint64_t>(src) << 32) | dst, -1).first->second;
  }
  if (*slot < 0) {
    const NodeId path[] = {src, dst};
    auto breaches = net::Judge(model_, profile_, path);
    std::erase_if(breaches, [&](const Breach& b) { return !profile_.RuleEnabled(BreachRule(b.kind)); });
    // Pairs that break nothing share one empty entry.
    if (breaches.empty() && !judged_.empty() && judged_[0].empty()) {
      *slot = 0;
    } else {
      if (judged_.empty() && !breaches.empty()) judged_.emplace_back();  // index 0 stays the empty entry
      *slot = static_cast<std::int32_t>(judged_.size());
      judged_.push_back(std::move(breaches));
    }
  }
  return judged_[static_cast<std::size_t>(*slot)];
}

std::size_t Monitor::KeyHash::operator()(const Key& k) const {
  std::uint64_t h = k.src.High() * 0x9E3779B97F4A7C15ULL ^ k.src.Low();
  h = (h ^ (h >> 29)) * 0xBF58476D1CE4E5B9ULL ^ k.dst.High() ^ (k.dst.Low() * 0x94D049BB133111EBULL);
  h ^= (static_cast<std::uint64_t>(k.dst_port) << 16) | (static_cast<std::uint64_t>(k.protocol) << 8) |
       static_cast<std::uint64_t>(k.breach);
  return static_cast<std::size_t>(h ^ (h >> 31));
}

Monitor::Monitor(const Model& model, const policy::Profile& profile, MonitorOptions options,
                 std::vector<AlertSink*> sinks, std::ostream* diagnostics)
    : model_(model),
      profile_(profile),
      options_(options),
      sinks_(std::move(sinks)),
      diagnostics_(diagnostics),
      classifier_(model, profile) {}

void Monitor::OnFlow(const FlowEvent& flow, std::string_view input) {
  ++stats_.flows;
  const std::int64_t t = flow.time_ms != 0 ? flow.time_ms : NowMs();
  if (t > latest_ms_) latest_ms_ = t;
  if ((stats_.flows & 1023) == 0) Tick(latest_ms_);
  const NodeId src = classifier_.Endpoint(flow.src, flow.src_zone, flow.device);
  const NodeId dst = classifier_.Endpoint(flow.dst, flow.dst_zone, flow.device);
  if (src == model_.UnassignedNode() || dst == model_.UnassignedNode()) ++stats_.unassigned;
  const auto& breaches = classifier_.Judge(src, dst);
  if (breaches.empty()) return;
  ++stats_.violations;
  if (flow.action == FlowAction::kDenied && !options_.alert_denied) {
    ++stats_.denied_ignored;
    return;
  }
  for (const auto& b : breaches) {
    Key key{flow.src, flow.dst, flow.dst_port, flow.protocol, b.kind};
    if (auto it = open_.find(key); it != open_.end()) {
      ++it->second.count;
      it->second.last_ms = std::max(it->second.last_ms, t);
      ++stats_.suppressed;
      continue;
    }
    Alert a;
    a.breach = b.kind;
    a.rule = std::string(BreachRule(b.kind));
    const auto* setting = profile_.Rule(a.rule);
    a.severity = setting ? setting->severity : policy::Severity::kHigh;
    if (flow.action == FlowAction::kDenied) a.severity = Lower(a.severity);
    a.clause = setting ? setting->clause : std::string();
    if (const auto* c = profile_.FindClause(a.clause)) {
      a.clause_label = c->label;
      a.clause_title = c->title;
    }
    a.profile = profile_.id;
    a.flow = flow;
    const Node& sn = model_.At(src);
    const Node& dn = model_.At(dst);
    a.src_node = sn.number;
    a.dst_node = dn.number;
    a.src_desc = Describe(model_, src, options_.english);
    a.dst_desc = Describe(model_, dst, options_.english);
    if (auto tier = EndpointTier(sn)) a.src_tier = std::string(reg::TierKey(*tier));
    if (auto tier = EndpointTier(dn)) a.dst_tier = std::string(reg::TierKey(*tier));
    a.detail_ja = b.detail_ja;
    a.detail_en = b.detail_en;
    const std::string where = a.clause_label.empty() ? a.clause : a.clause_label;
    if (options_.english) {
      a.message = fmt::format("{} {} ({}) → {} ({}) {}{}: {} [{} {}]",
                              flow.action == FlowAction::kDenied ? "Blocked attempt:" : "Cross-tier flow:",
                              flow.src.ToString(), a.src_desc, flow.dst.ToString(), a.dst_desc, PortText(flow),
                              flow.device.empty() ? "" : fmt::format(" on {}", flow.device), b.detail_en,
                              profile_.name_en.empty() ? profile_.id : profile_.name_en, where);
    } else {
      a.message = fmt::format("{}{}（{}）から {}（{}）へ {} の通信{}: {}（{} {}）", flow.action == FlowAction::kDenied ? "【遮断された試行】" : "",
                              flow.src.ToString(), a.src_desc, flow.dst.ToString(), a.dst_desc, PortText(flow),
                              flow.device.empty() ? "" : fmt::format("（{} の記録）", flow.device), b.detail_ja,
                              profile_.title.empty() ? profile_.name_ja : profile_.title, where);
    }
    a.input = std::string(input);
    a.first_ms = a.last_ms = t;
    Open(key, std::move(a));
  }
}

void Monitor::Open(const Key& key, Alert alert) {
  if (open_.size() >= options_.max_open_alerts) {
    // The oldest window closes early: memory stays bounded whatever the traffic.
    while (!order_.empty()) {
      auto [first, k] = order_.front();
      order_.pop_front();
      auto it = open_.find(k);
      if (it != open_.end() && it->second.first_ms == first) {
        Close(k);
        break;
      }
    }
  }
  auto [it, inserted] = open_.emplace(key, std::move(alert));
  order_.emplace_back(it->second.first_ms, key);
  ++stats_.alerts;
  for (auto* sink : sinks_) sink->Emit(it->second, AlertPhase::kFirst);
}

void Monitor::Close(const Key& key) {
  auto it = open_.find(key);
  if (it == open_.end()) return;
  if (it->second.count > 1) {
    ++stats_.summaries;
    for (auto* sink : sinks_) sink->Emit(it->second, AlertPhase::kSummary);
  }
  open_.erase(it);
}

void Monitor::Tick(std::int64_t now_ms) {
  while (!order_.empty() && order_.front().first + options_.window_ms <= now_ms) {
    auto [first, key] = order_.front();
    order_.pop_front();
    auto it = open_.find(key);
    if (it != open_.end() && it->second.first_ms == first) Close(key);
  }
  // Stale entries (closed early, then reopened) are dropped as they reach the front.
  for (auto* sink : sinks_) sink->Flush();
}

void Monitor::TickIdle(std::int64_t wall_ms) {
  const bool live = latest_ms_ == 0 || wall_ms - latest_ms_ < 3'600'000;
  Tick(live ? wall_ms : latest_ms_);
}

void Monitor::Finish() {
  while (!order_.empty()) {
    auto [first, key] = order_.front();
    order_.pop_front();
    auto it = open_.find(key);
    if (it != open_.end() && it->second.first_ms == first) Close(key);
  }
  for (auto* sink : sinks_) sink->Flush();
}

void Monitor::OnMalformed(std::string_view input, std::uint64_t line, std::uint64_t column, std::string_view reason,
                          bool byte_offset) {
  ++stats_.malformed;
  if (!diagnostics_ || stats_.malformed > options_.report_malformed) return;
  if (byte_offset)
    *diagnostics_ << fmt::format("{}: {} バイト目: {}\n", input, column, reason);
  else
    *diagnostics_ << fmt::format("{}:{}:{}: {}\n", input, line, column, reason);
  if (stats_.malformed == options_.report_malformed)
    *diagnostics_ << "（これ以降の不正な入力は件数だけを数えます）\n";
}

std::string Monitor::Summary() const {
  const auto& s = stats_;
  if (options_.english)
    return fmt::format("read {} lines / {} datagrams: {} flows, {} skipped, {} malformed; {} cross-tier flows; {} alerts "
                       "({} folded into open alerts, {} window summaries)",
                       Thousands(s.lines), Thousands(s.datagrams), Thousands(s.flows), Thousands(s.skipped),
                       Thousands(s.malformed), Thousands(s.violations), Thousands(s.alerts), Thousands(s.suppressed),
                       Thousands(s.summaries));
  return fmt::format("読んだ行 {}・データグラム {}: フロー {}、対象外 {}、不正 {}。ポリシーに反するフロー {}、警告 {} 件"
                     "（同じ警告にまとめたもの {}、件数の報告 {}）",
                     Thousands(s.lines), Thousands(s.datagrams), Thousands(s.flows), Thousands(s.skipped),
                     Thousands(s.malformed), Thousands(s.violations), Thousands(s.alerts), Thousands(s.suppressed),
                     Thousands(s.summaries));
}

}  // namespace mamori::net::monitor
