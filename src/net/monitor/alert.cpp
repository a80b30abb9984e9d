#include "net/monitor/alert.h"

#include <chrono>
#include <ctime>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace mamori::net::monitor {
namespace {

std::string Iso(std::int64_t ms, int offset_minutes) {
  const std::int64_t shifted = ms + static_cast<std::int64_t>(offset_minutes) * 60'000;
  std::time_t secs = static_cast<std::time_t>(shifted >= 0 ? shifted / 1000 : (shifted - 999) / 1000);
  const auto millis = static_cast<int>(shifted - static_cast<std::int64_t>(secs) * 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  std::string zone = offset_minutes == 0 ? "Z" : fmt::format("+{:02d}:{:02d}", offset_minutes / 60, offset_minutes % 60);
  return fmt::format("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}.{:03d}{}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                     tm.tm_hour, tm.tm_min, tm.tm_sec, millis, zone);
}

int EcsSeverity(policy::Severity s) {
  switch (s) {
    case policy::Severity::kHigh: return 73;
    case policy::Severity::kMedium: return 47;
    case policy::Severity::kLow: return 21;
  }
  return 47;
}

std::string_view ActionKey(FlowAction a) {
  switch (a) {
    case FlowAction::kAllowed: return "allowed";
    case FlowAction::kDenied: return "denied";
    case FlowAction::kUnknown: return "unknown";
  }
  return "unknown";
}

std::string TransportName(std::uint8_t proto) {
  std::string name(ProtocolName(proto));
  for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name.empty() ? std::to_string(proto) : name;
}

// RFC 5424 PARAM-VALUE escaping: '"', '\' and ']'.
std::string SdEscape(std::string_view v) {
  std::string out;
  out.reserve(v.size());
  for (char c : v) {
    if (c == '"' || c == '\\' || c == ']') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

}  // namespace

std::string IsoUtc(std::int64_t ms) { return Iso(ms, 0); }
std::string IsoJst(std::int64_t ms) { return Iso(ms, 9 * 60); }
std::int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string ToEcsJson(const Alert& a, AlertPhase phase) {
  using nlohmann::json;
  json type = json::array({"connection"});
  if (a.flow.action == FlowAction::kDenied) type.push_back("denied");
  if (a.flow.action == FlowAction::kAllowed) type.push_back("allowed");
  json j;
  j["@timestamp"] = IsoUtc(phase == AlertPhase::kFirst ? a.first_ms : a.last_ms);
  j["message"] = a.message;
  j["event"] = {{"kind", "alert"},
                {"category", json::array({"network"})},
                {"type", type},
                {"action", a.rule},
                {"dataset", "mamori.net_watch"},
                {"module", "mamori"},
                {"severity", EcsSeverity(a.severity)},
                {"start", IsoUtc(a.first_ms)},
                {"end", IsoUtc(a.last_ms)},
                {"count", a.count},
                {"reason", a.detail_ja},
                {"outcome", a.flow.action == FlowAction::kDenied ? "failure" : "success"}};
  j["rule"] = {{"id", a.rule}, {"reference", a.clause_label}, {"description", a.clause_title}, {"ruleset", a.profile}};
  j["source"] = {{"ip", a.flow.src.ToString()}, {"port", a.flow.src_port}};
  j["destination"] = {{"ip", a.flow.dst.ToString()}, {"port", a.flow.dst_port}};
  j["network"] = {{"transport", TransportName(a.flow.protocol)}, {"iana_number", std::to_string(a.flow.protocol)}};
  if (a.flow.bytes) j["network"]["bytes"] = a.flow.bytes;
  if (a.flow.packets) j["network"]["packets"] = a.flow.packets;
  if (!a.flow.device.empty()) j["observer"] = {{"name", a.flow.device}};
  if (!a.flow.src_zone.empty()) j["observer"]["ingress"] = {{"zone", a.flow.src_zone}};
  if (!a.flow.dst_zone.empty()) j["observer"]["egress"] = {{"zone", a.flow.dst_zone}};
  j["mamori"] = {{"phase", phase == AlertPhase::kFirst ? "first" : "summary"},
                 {"clause", a.clause},
                 {"action", ActionKey(a.flow.action)},
                 {"input", a.input},
                 {"source", {{"node", a.src_node}, {"description", a.src_desc}, {"tier", a.src_tier}}},
                 {"destination", {{"node", a.dst_node}, {"description", a.dst_desc}, {"tier", a.dst_tier}}},
                 {"reason_en", a.detail_en}};
  if (a.store_id) j["mamori"]["alert_id"] = a.store_id;
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string ToSyslog5424(const Alert& a, AlertPhase phase, std::string_view hostname) {
  // local4 (20); critical / warning / notice by severity.
  const int sev = a.severity == policy::Severity::kHigh ? 2 : a.severity == policy::Severity::kMedium ? 4 : 5;
  const std::string sd = fmt::format(
      "[mamori@32473 rule=\"{}\" phase=\"{}\" count=\"{}\" src=\"{}\" sport=\"{}\" dst=\"{}\" dport=\"{}\" "
      "proto=\"{}\" action=\"{}\" srcnode=\"{}\" dstnode=\"{}\" clause=\"{}\"]",
      SdEscape(a.rule), phase == AlertPhase::kFirst ? "first" : "summary", a.count, a.flow.src.ToString(),
      a.flow.src_port, a.flow.dst.ToString(), a.flow.dst_port, a.flow.protocol, ActionKey(a.flow.action),
      SdEscape(a.src_node), SdEscape(a.dst_node), SdEscape(a.clause_label));
  return fmt::format("<{}>1 {} {} mamori - {} {} \xEF\xBB\xBF{}", 20 * 8 + sev,
                     IsoUtc(phase == AlertPhase::kFirst ? a.first_ms : a.last_ms),
                     hostname.empty() ? "-" : hostname, a.rule, sd, a.message);
}

}  // namespace mamori::net::monitor
