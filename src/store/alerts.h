// Alerts of the traffic monitor (mamori net watch): what crossed the tiers,
// when, how often, and where the incident workflow stands. A connection of
// its own (like the accounts), usable from the monitor's thread and the web.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace mamori::store {

struct NetAlert {
  std::int64_t id = 0;
  std::string first_seen, last_seen;  // ISO 8601 with offset (+09:00)
  std::string rule;                   // net.my_number_isolation …
  std::string severity;               // high / medium / low
  std::string clause;                 // the clause id the alert cites
  std::string src_ip, dst_ip;
  int src_port = 0, dst_port = 0;
  int protocol = 0;                   // IANA number
  std::string src_segment, dst_segment;  // node numbers
  std::string src_tier, dst_tier;        // tier keys, empty when none
  std::string action;                    // allowed / denied / unknown
  std::string device;                    // reporting device
  std::string input;                     // where it was read: file name, udp:514 …
  std::int64_t count = 1;
  std::string message;                   // Japanese
  std::string status = "new";            // new / acknowledged / incident / dismissed
};

struct AlertQuery {
  std::string since;   // first_seen >= (ISO 8601)
  std::string rule;
  std::string status;
  std::size_t limit = 100;  // 0: all
  std::size_t offset = 0;
};

class AlertStore {
 public:
  virtual ~AlertStore() = default;
  // Writes in one transaction until Commit (the monitor batches its writes).
  virtual Result<void> Begin() = 0;
  virtual Result<void> Commit() = 0;
  virtual Result<std::int64_t> AddAlert(const NetAlert& alert) = 0;
  virtual Result<void> UpdateAlertCount(std::int64_t id, std::int64_t count, std::string_view last_seen) = 0;
  virtual Result<std::vector<NetAlert>> ListAlerts(const AlertQuery& query) = 0;
  virtual Result<std::int64_t> CountAlerts(const AlertQuery& query) = 0;
  virtual Result<std::optional<NetAlert>> GetAlert(std::int64_t id) = 0;
  // Recorded in the change history as `actor`'s update of net_alert <id>.
  virtual Result<void> SetAlertStatus(std::int64_t id, std::string_view status, std::string_view actor) = 0;
};

// A connection of its own to a database that OpenSqlite has migrated.
Result<std::unique_ptr<AlertStore>> OpenSqliteAlerts(const std::filesystem::path& db);

}  // namespace mamori::store
