// The mail quarantine (隔離): originals of sanitized mail, content-addressed
// by SHA-256 in a directory of files, with their metadata in the database.
// An original waits here until it is released to a named recipient, deleted,
// or its retention (the profile's sanitization.mail.retention_days) ends.
// Releases and deletions are recorded in the change history with who did it.
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

struct QuarantineEntry {
  std::string id;              // the first 12 hex digits of sha256 (shown in the notice)
  std::string sha256;          // of the original: its file is <dir>/<sha256[0:2]>/<sha256>.eml
  std::string received_at;     // ISO 8601 with offset (+09:00)
  std::string expires_at;      // received_at + retention
  std::string source;          // "milter", "cli"
  std::string envelope_from;   // SMTP MAIL FROM (milter), may be empty
  std::vector<std::string> envelope_to;  // SMTP RCPT TO (milter), may be empty
  std::string from, to, cc, subject, date, message_id;  // decoded from the original's headers
  std::int64_t size = 0;
  std::int64_t attachments = 0;
  std::string attachments_json;  // [{"name","type","label","size","sha256","executable","encrypted","macro"}]
  std::string hold_reasons;      // comma-separated keys: password-archive, encrypted, attachments, too-large; "" = not held
  std::string actions;           // the X-Mamori-Sanitized value
  std::string status = "stored"; // held (waits for a decision), stored, released, deleted
  std::string released_to, released_by, released_at;
};

struct QuarantineQuery {
  std::string status;        // "" = any except deleted
  std::string search;        // in from, to, subject, id (case-insensitive substring)
  std::size_t limit = 100;   // 0: all
  std::size_t offset = 0;
};

class QuarantineStore {
 public:
  virtual ~QuarantineStore() = default;
  // Stores the original (file written atomically, then the row) and returns the
  // entry. The same original again returns the existing entry unchanged.
  virtual Result<QuarantineEntry> Put(std::string_view original, const QuarantineEntry& metadata) = 0;
  virtual Result<std::vector<QuarantineEntry>> List(const QuarantineQuery& query) = 0;
  virtual Result<std::int64_t> Count(const QuarantineQuery& query) = 0;
  virtual Result<std::optional<QuarantineEntry>> Get(std::string_view id) = 0;  // id or full sha256
  virtual Result<std::string> ReadOriginal(std::string_view id) = 0;  // verified against its SHA-256
  // Records that `actor` released the original to `to` (after it was sent).
  virtual Result<void> MarkReleased(std::string_view id, std::string_view to, std::string_view actor) = 0;
  // Removes the original's file; the row stays as "deleted" for the record.
  virtual Result<void> Delete(std::string_view id, std::string_view actor) = 0;
  // Deletes every original whose retention ended before `now_iso`; returns how many.
  virtual Result<std::size_t> Purge(std::string_view now_iso, std::string_view actor) = 0;
};

// A connection of its own to a database that OpenSqlite has migrated; the
// originals live in `dir` (created when missing, mode 0700).
Result<std::unique_ptr<QuarantineStore>> OpenSqliteQuarantine(const std::filesystem::path& db,
                                                              const std::filesystem::path& dir);

// The default directory of originals beside a database: mamori.db → mamori.quarantine/
std::filesystem::path DefaultQuarantineDir(const std::filesystem::path& db);

}  // namespace mamori::store
