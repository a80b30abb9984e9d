// The Store: where the register and its change history live.
//
// Callers see only this interface; SQLite is the embedded default
// (sqlite/sqlite_store.h) and a PostgreSQL backend implements the same calls.
// The interface speaks in rows of the register's field tables
// (register/schema.h), so a backend needs no knowledge of the record types.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "register/schema.h"

namespace mamori::store {

// One line of the change history. `before` and `after` are JSON objects keyed
// by the schema's field keys (null for a create's before or a delete's after).
struct HistoryEntry {
  std::int64_t id = 0;
  std::string at;      // ISO 8601 with offset, e.g. 2026-11-22T14:03:05+09:00
  std::string actor;   // who made the change
  std::string action;  // create, update, delete
  std::string entity;  // the entity key: asset, system … or "setting"
  std::string number;  // the record's own number
  std::string before;  // JSON or empty
  std::string after;   // JSON or empty
  std::string batch;   // an import's id, to see what one import changed
  std::string note;
};

struct HistoryQuery {
  std::string entity;  // empty: all
  std::string number;  // empty: all
  std::string actor;   // empty: all
  std::string batch;   // empty: all
  std::string since;   // empty: all; else entries at or after this ISO 8601 time
  std::size_t limit = 100;
  std::size_t offset = 0;
  bool oldest_first = false;
};

// A condition on one field of the schema: the field's value is one of `any_of`
// (enum keys, "0"/"1" for flags, text compared exactly). For a list field the
// list contains one of them.
struct Condition {
  std::string field;
  std::vector<std::string> any_of;
};

// One page of a kind's records, as the register screens and the API ask for it.
struct PageQuery {
  std::vector<Condition> where;  // all must hold
  std::vector<Condition> scope;  // at least one must hold (empty: no restriction); used for authorization
  std::string text;              // substring anywhere in the record's text fields (Japanese needs no word breaks)
  std::string sort;              // a field key; empty: the number
  bool descending = false;
  std::size_t limit = 50;
  std::size_t offset = 0;
  std::size_t count_limit = 10'000;  // counting stops here: "10,000 件以上"
  bool count = true;                 // false: the caller knows the total (Page::total stays 0)
};

struct Page {
  std::vector<reg::Row> rows;
  std::int64_t total = 0;   // matching records (at most count_limit)
  bool total_capped = false;
};

struct ListQuery {
  std::size_t limit = 0;   // 0: no limit
  std::size_t offset = 0;
};

class Store {
 public:
  virtual ~Store() = default;
  Store() = default;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Transactions: every write of one user action happens inside one.
  virtual Result<void> Begin() = 0;
  virtual Result<void> Commit() = 0;
  virtual Result<void> Rollback() = 0;

  virtual Result<std::optional<reg::Row>> Get(reg::EntityKind kind, std::string_view number) = 0;
  virtual Result<std::vector<reg::Row>> List(reg::EntityKind kind, const ListQuery& query) = 0;
  // Every record of a kind in number order, one row at a time (memory stays
  // that of one row however large the register).
  virtual Result<void> Scan(reg::EntityKind kind, const std::function<Result<void>(reg::Row&&)>& visit) = 0;
  virtual Result<std::int64_t> Count(reg::EntityKind kind) = 0;
  // The numbers of every record of a kind (an import looks up only those that exist).
  virtual Result<std::vector<std::string>> Numbers(reg::EntityKind kind) = 0;
  // Insert fails with kAlreadyExists when the number exists.
  virtual Result<void> Insert(reg::EntityKind kind, const reg::Row& row) = 0;
  // Update and Delete fail with kNotFound when the number does not exist.
  virtual Result<void> Update(reg::EntityKind kind, const reg::Row& row) = 0;
  virtual Result<void> Delete(reg::EntityKind kind, std::string_view number) = 0;

  // Unknown field keys in the query are refused (kInvalidArgument), never put into SQL.
  virtual Result<Page> Query(reg::EntityKind kind, const PageQuery& query) = 0;

  virtual Result<void> AppendHistory(const HistoryEntry& entry) = 0;
  virtual Result<std::vector<HistoryEntry>> History(const HistoryQuery& query) = 0;
  // How many lines of history match (limit and offset ignored).
  virtual Result<std::int64_t> CountHistory(const HistoryQuery& query) = 0;
  // Lines at or after `since`, counted per entity (one pass, for the dashboard).
  virtual Result<std::vector<std::pair<std::string, std::int64_t>>> CountHistoryByEntity(std::string_view since) = 0;

  virtual Result<std::optional<std::string>> GetSetting(std::string_view key) = 0;
  virtual Result<void> PutSetting(std::string_view key, std::string_view value) = 0;

  virtual int SchemaVersion() const = 0;
  virtual std::string Describe() const = 0;  // "SQLite /path/to/mamori.db"
};

// Now in Japan, as the change history writes it: 2026-11-22T14:03:05+09:00.
std::string NowJst();

// Rolls back unless committed: `Transaction tx(store); … return tx.Commit();`
class Transaction {
 public:
  static Result<Transaction> Start(Store& store);
  Transaction(Transaction&& other) noexcept : store_(other.store_), open_(other.open_) { other.open_ = false; }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();
  Result<void> Commit();

 private:
  explicit Transaction(Store& store) : store_(&store), open_(true) {}
  Store* store_;
  bool open_;
};

}  // namespace mamori::store
