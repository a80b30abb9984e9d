// An alert of the traffic monitor: one observed flow that breaks the body's
// policy, with everything a SIEM, the store and a person need, and the sinks
// it goes to (ECS JSON lines, RFC 5424 syslog, the store).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "net/flow.h"
#include "net/model.h"
#include "policy/profile.h"

namespace mamori::net::monitor {

struct Alert {
  BreachKind breach = BreachKind::kMyNumberIsolation;
  std::string rule;      // net.my_number_isolation …
  policy::Severity severity = policy::Severity::kHigh;
  std::string clause;        // id
  std::string clause_label;  // the body's numbering: 6(3)①, 第6条第3号①
  std::string clause_title;
  std::string profile;       // profile id (ECS rule.ruleset)
  FlowEvent flow;
  std::string src_node, dst_node;  // node numbers
  std::string src_desc, dst_desc;  // "SEG-MN-01 …（マイナンバー利用事務系）"
  std::string src_tier, dst_tier;  // keys, empty when none
  std::string detail_ja, detail_en;  // what is broken (from Judge)
  std::string message;               // one Japanese sentence for people
  std::string input;                 // where it was read
  std::int64_t first_ms = 0, last_ms = 0;
  std::int64_t count = 1;
  std::int64_t store_id = 0;  // set by the store sink
};

enum class AlertPhase {
  kFirst,    // the first flow of its kind in the window: sent at once
  kSummary,  // the window closed with more than one: the count so far
};

class AlertSink {
 public:
  virtual ~AlertSink() = default;
  virtual void Emit(Alert& alert, AlertPhase phase) = 0;
  virtual void Flush() {}
};

// ISO 8601: "2026-11-22T01:02:03.456Z" / "2026-11-22T10:02:03+09:00".
std::string IsoUtc(std::int64_t ms);
std::string IsoJst(std::int64_t ms);
std::int64_t NowMs();

// The alert as one ECS JSON object (no newline).
std::string ToEcsJson(const Alert& alert, AlertPhase phase);
// The alert as an RFC 5424 message (without transport framing).
std::string ToSyslog5424(const Alert& alert, AlertPhase phase, std::string_view hostname);

}  // namespace mamori::net::monitor
