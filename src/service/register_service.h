// The one way to change the register: the CLI and (later) the web application
// both call this, so validation and the change history are the same for all.
//
// Every write runs in one transaction together with its change-history lines;
// a failure leaves the store as it was.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/error.h"
#include "register/schema.h"
#include "store/store.h"

namespace mamori::service {

// What a valid level is, taken from the body's profile (every scheme it
// defines, so that legacy levels can be imported and then flagged by checks).
struct LevelCodes {
  std::vector<std::string> confidentiality;
  std::vector<std::string> integrity;
  std::vector<std::string> availability;
  static LevelCodes Default();  // 3A 3B 3C 3 2 1 / 2 1 / 2 1
};

// A record rendered for the change history: {"field key": value, …}.
std::string RowToJson(reg::EntityKind kind, const reg::Row& row);

// One record of an import, with where it came from.
struct IncomingRow {
  reg::Row row;
  std::uint64_t source_row = 0;  // the row number in the file
};
struct IncomingSheet {
  reg::EntityKind kind;
  std::string sheet_name;
  std::vector<IncomingRow> rows;
};

// Rows as a file mapping produced them (rows[i] came from source_rows[i]).
IncomingSheet MakeIncomingSheet(reg::EntityKind kind, std::string sheet_name, std::vector<reg::Row>&& rows,
                                const std::vector<std::uint64_t>& source_rows);

struct ImportCounts {
  std::size_t created = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
};
// One record an import creates or changes, for a preview (field keys with the
// values before and after, as shown to people).
struct PlannedChange {
  reg::EntityKind kind;
  std::string number;
  bool create = false;
  struct Field {
    std::string key;
    std::string before;
    std::string after;
  };
  std::vector<Field> fields;  // for an update: the fields that change
};

struct ImportPlan {
  std::vector<std::pair<reg::EntityKind, ImportCounts>> counts;
  std::vector<PlannedChange> changes;  // the first kMaxPlannedChanges, in file order
  static constexpr std::size_t kMaxPlannedChanges = 1000;
  std::string batch;  // the id under which the change history records it
  std::string at;     // when, as the change history records it
  bool applied = false;
};

class RegisterService {
 public:
  RegisterService(store::Store& store, LevelCodes levels, std::string actor)
      : store_(store), levels_(std::move(levels)), actor_(std::move(actor)) {}

  Result<std::optional<reg::Row>> Get(reg::EntityKind kind, std::string_view number);
  Result<std::vector<reg::Row>> List(reg::EntityKind kind, const store::ListQuery& query = {});

  Result<void> Add(reg::EntityKind kind, const reg::Row& row);
  // Changes the named fields (key or Japanese header → text as typed).
  Result<reg::Row> Update(reg::EntityKind kind, std::string_view number,
                          const std::vector<std::pair<std::string, std::string>>& changes);
  Result<void> Remove(reg::EntityKind kind, std::string_view number);

  // Every problem of one row (empty when valid).
  std::vector<Error> Validate(reg::EntityKind kind, const reg::Row& row) const;

  // All or nothing: every row is validated first and every bad row reported
  // (Error.details); only then is anything written, in one transaction.
  // Records are matched by number: new ones are created, changed ones
  // updated; nothing is deleted. With dry_run nothing is written.
  // Takes the sheets by value: they are normalized in place.
  Result<ImportPlan> Import(std::vector<IncomingSheet> sheets, bool dry_run);

  Result<void> SetSetting(std::string_view key, std::string_view value);

  const std::string& actor() const { return actor_; }

 private:
  // One line of the change history; before/after are RowToJson() or empty.
  Result<void> Record(std::string_view action, reg::EntityKind kind, std::string_view number,
                      std::string before_json, std::string after_json, std::string_view batch = {},
                      std::string_view at = {});

  store::Store& store_;
  LevelCodes levels_;
  std::string actor_;
};

}  // namespace mamori::service
