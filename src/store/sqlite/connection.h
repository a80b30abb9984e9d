// One SQLite connection of its own to the register's file, shared by the
// stores that are used from any thread (accounts, network alerts): one mutex,
// statements prepared once and cached. Internal to the store module.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <sqlite3.h>

#include "common/error.h"

namespace mamori::store {

struct StmtCloser {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Stmt = std::unique_ptr<sqlite3_stmt, StmtCloser>;

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};

constexpr std::string_view kAccountColumns =
    "id, login, display_name, coalesce(person_number, ''), role, admin, coalesce(organ, ''), "
    "coalesce(department, ''), password_hash, totp_secret, totp_enrolled, totp_last_step, source, disabled, "
    "created_at";
constexpr std::string_view kSessionColumns =
    "token_hash, account_id, created_at, expires_at, last_seen_at, mfa_passed, csrf_token";
constexpr std::string_view kTokenColumns =
    "id, account_id, name, token_hash, created_at, coalesce(last_used_at, ''), revoked";

// A statement taken from the cache: bindings cleared now, reset when it goes out of scope.
class Bound {
 public:
  explicit Bound(sqlite3_stmt* s) : s_(s) { sqlite3_clear_bindings(s_); }
  Bound(const Bound&) = delete;
  Bound& operator=(const Bound&) = delete;
  ~Bound() { sqlite3_reset(s_); }

  Bound& Text(int i, std::string_view text) {
    // An empty view may have no data pointer, which SQLite would bind as NULL.
    sqlite3_bind_text(s_, i, text.empty() ? "" : text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Bound& TextOrNull(int i, std::string_view text) {
    if (text.empty()) {
      sqlite3_bind_null(s_, i);
      return *this;
    }
    return Text(i, text);
  }
  Bound& Int(int i, std::int64_t n) {
    sqlite3_bind_int64(s_, i, n);
    return *this;
  }
  int Step() { return sqlite3_step(s_); }
  [[nodiscard]] std::string ColText(int i) const {
    const auto* p = sqlite3_column_text(s_, i);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(s_, i)))
             : std::string();
  }
  [[nodiscard]] std::int64_t ColInt(int i) const { return sqlite3_column_int64(s_, i); }

 private:
  sqlite3_stmt* s_;
};

class SqliteConnection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}

  Result<void> Exec(const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_.get(), sql, nullptr, nullptr, &message) != SQLITE_OK) {
      std::string text = message ? message : "unknown";
      sqlite3_free(message);
      return Fail(ErrorCode::kStore, fmt::format("データベースの操作に失敗しました: {}", text));
    }
    return {};
  }

  Result<bool> HasTable(const char* name) {
    std::lock_guard lock(mutex_);
    auto found = One<bool>("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1",
                           [&](Bound& b) { b.Text(1, name); }, [](const Bound&) { return true; });
    if (!found) return Fail(found.error());
    return found->has_value();
  }

  // The cached statement for `sql`; the caller holds mutex_.
  Result<sqlite3_stmt*> Get(const std::string& sql) {
    auto it = cache_.find(sql);
    if (it == cache_.end()) {
      sqlite3_stmt* raw = nullptr;
      if (sqlite3_prepare_v2(db_.get(), sql.c_str(), static_cast<int>(sql.size()), &raw, nullptr) != SQLITE_OK)
        return Fail(LastError("SQL の準備"));
      it = cache_.emplace(sql, Stmt(raw)).first;
    }
    return it->second.get();
  }

  template <typename BindFn>
  Result<void> Run(const std::string& sql, BindFn bind, std::string_view what) {
    auto s = Get(sql);
    if (!s) return Fail(s.error());
    Bound b(*s);
    bind(b);
    if (b.Step() != SQLITE_DONE) return Fail(LastError(what));
    return {};
  }

  // Steps an UPDATE and fails with kNotFound when no row changed.
  Result<void> Changed(Bound& b, std::string_view what, std::string_view label) {
    if (b.Step() != SQLITE_DONE) return Fail(LastError(what));
    if (sqlite3_changes(db_.get()) == 0) return Fail(ErrorCode::kNotFound, fmt::format("{}がありません", label));
    return {};
  }

  template <typename T, typename BindFn, typename ReadFn>
  Result<std::optional<T>> One(const std::string& sql, BindFn bind, ReadFn read) {
    auto s = Get(sql);
    if (!s) return Fail(s.error());
    Bound b(*s);
    bind(b);
    const int rc = b.Step();
    if (rc == SQLITE_DONE) return std::optional<T>{};
    if (rc != SQLITE_ROW) return Fail(LastError("読み出し"));
    return std::optional<T>{read(b)};
  }

  template <typename T, typename BindFn, typename ReadFn>
  Result<std::vector<T>> Many(const std::string& sql, BindFn bind, ReadFn read) {
    auto s = Get(sql);
    if (!s) return Fail(s.error());
    Bound b(*s);
    bind(b);
    std::vector<T> out;
    int rc = 0;
    while ((rc = b.Step()) == SQLITE_ROW) out.push_back(read(b));
    if (rc != SQLITE_DONE) return Fail(LastError("一覧の読み出し"));
    return out;
  }

  Error LastError(std::string_view what) {
    return Error(ErrorCode::kStore, fmt::format("{}に失敗しました: {}", what, sqlite3_errmsg(db_.get())));
  }

  std::mutex mutex_;
  std::unique_ptr<sqlite3, DbCloser> db_;
  std::map<std::string, Stmt, std::less<>> cache_;
};

// Opens `db` read-write with the pragmas every connection uses, and checks
// that `table` exists (the register's migrations made it), else `missing`.
Result<sqlite3*> OpenSqliteConnection(const std::filesystem::path& db, const char* table, std::string_view missing);

}  // namespace mamori::store
