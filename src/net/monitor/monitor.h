// The traffic monitor's core: each observed flow mapped to its endpoints'
// nodes, judged once per pair of nodes, and — when it breaks the policy —
// turned into an alert, deduplicated over a window and handed to the sinks.
// Memory stays flat: the judgement table is bounded by the model's size and
// the window's table by max_open_alerts.
#pragma once

#include <cstdint>
#include <deque>
#include <iosfwd>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "net/flow.h"
#include "net/model.h"
#include "net/monitor/alert.h"

namespace mamori::net::monitor {

// Endpoint → node → judgement, memoized per (source node, destination node).
class Classifier {
 public:
  Classifier(const Model& model, const policy::Profile& profile);
  NodeId Endpoint(const Address& address, std::string_view zone, std::string_view device) const;
  const std::vector<Breach>& Judge(NodeId src, NodeId dst);

 private:
  const Model& model_;
  const policy::Profile& profile_;
  std::size_t n_;
  std::vector<std::int32_t> matrix_;  // n*n indexes into judged_, -1 not yet judged (n <= kMatrixLimit)
  std::unordered_map<std::uint64_t, std::int32_t> sparse_;  // beyond it
  std::vector<std::vector<Breach>> judged_;
};

struct MonitorOptions {
  std::int64_t window_ms = 5 * 60 * 1000;  // one alert per (rule, endpoints, port) per window
  std::size_t max_open_alerts = 10'000;    // windows open at once (about 1.5 KB each); the oldest closes first beyond it
  bool alert_denied = true;                // also alert on flows the device blocked (one severity lower)
  std::size_t report_malformed = 20;       // the first N malformed inputs are printed with their position
  bool english = false;
};

struct MonitorStats {
  std::uint64_t lines = 0, flows = 0, skipped = 0, malformed = 0;
  std::uint64_t datagrams = 0, waiting_for_template = 0;
  std::uint64_t violations = 0;   // flows that broke the policy
  std::uint64_t alerts = 0;       // alerts sent (first of a window)
  std::uint64_t summaries = 0;    // window summaries sent
  std::uint64_t suppressed = 0;   // flows folded into an open alert
  std::uint64_t denied_ignored = 0;
  std::uint64_t unassigned = 0;   // endpoints in no segment (private space)
};

class Monitor {
 public:
  Monitor(const Model& model, const policy::Profile& profile, MonitorOptions options, std::vector<AlertSink*> sinks,
          std::ostream* diagnostics);

  // One flow read from `input` (a file name, "udp:514" …).
  void OnFlow(const FlowEvent& flow, std::string_view input);
  void OnSkip() { ++stats_.skipped; }
  void OnLine() { ++stats_.lines; }
  // Counted; the first report_malformed are printed "input:line:column: reason" (or "byte N").
  void OnMalformed(std::string_view input, std::uint64_t line, std::uint64_t column, std::string_view reason,
                   bool byte_offset = false);
  void OnDatagram(std::size_t waiting_for_template) {
    ++stats_.datagrams;
    stats_.waiting_for_template += waiting_for_template;
  }
  // Closes the windows that ended before `now_ms` (event time; wall clock when flows carry none).
  void Tick(std::int64_t now_ms);
  // The input is quiet: windows close by the wall clock when the flows are
  // live (their times near `wall_ms`), by the latest event time when replaying old logs.
  void TickIdle(std::int64_t wall_ms);
  // Closes every window and flushes the sinks (end of input, or a signal).
  void Finish();

  [[nodiscard]] const MonitorStats& Stats() const { return stats_; }
  [[nodiscard]] std::size_t OpenAlerts() const { return open_.size(); }
  [[nodiscard]] std::int64_t LatestMs() const { return latest_ms_; }  // latest event time seen
  // "処理 1,000 行 …": the summary printed at the end.
  [[nodiscard]] std::string Summary() const;

 private:
  struct Key {
    Address src, dst;
    std::uint16_t dst_port;
    std::uint8_t protocol;
    BreachKind breach;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& k) const;
  };
  void Open(const Key& key, Alert alert);
  void Close(const Key& key);

  const Model& model_;
  const policy::Profile& profile_;
  MonitorOptions options_;
  std::vector<AlertSink*> sinks_;
  std::ostream* diagnostics_;
  Classifier classifier_;
  MonitorStats stats_;
  std::unordered_map<Key, Alert, KeyHash> open_;
  std::deque<std::pair<std::int64_t, Key>> order_;  // (first_ms, key) as opened
  std::int64_t latest_ms_ = 0;
};

}  // namespace mamori::net::monitor
