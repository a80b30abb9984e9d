// The SQLite AccountStore: a connection of its own to the register's file,
// used from any thread under one mutex. Statements are prepared once.
#include <map>
#include <mutex>

#include <fmt/format.h>
#include <sqlite3.h>

#include "store/accounts.h"

namespace mamori::store {
namespace {

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

Account ReadAccount(const Bound& b) {
  Account a;
  a.id = b.ColInt(0);
  a.login = b.ColText(1);
  a.display_name = b.ColText(2);
  a.person_number = b.ColText(3);
  a.role = b.ColText(4);
  a.admin = b.ColInt(5) != 0;
  a.organ = b.ColText(6);
  a.department = b.ColText(7);
  a.password_hash = b.ColText(8);
  a.totp_secret = b.ColText(9);
  a.totp_enrolled = b.ColInt(10) != 0;
  a.totp_last_step = b.ColInt(11);
  a.source = b.ColText(12);
  a.disabled = b.ColInt(13) != 0;
  a.created_at = b.ColText(14);
  return a;
}

Session ReadSession(const Bound& b) {
  Session s;
  s.token_hash = b.ColText(0);
  s.account_id = b.ColInt(1);
  s.created_at = b.ColInt(2);
  s.expires_at = b.ColInt(3);
  s.last_seen_at = b.ColInt(4);
  s.mfa_passed = b.ColInt(5) != 0;
  s.csrf_token = b.ColText(6);
  return s;
}

ApiToken ReadToken(const Bound& b) {
  ApiToken t;
  t.id = b.ColInt(0);
  t.account_id = b.ColInt(1);
  t.name = b.ColText(2);
  t.token_hash = b.ColText(3);
  t.created_at = b.ColText(4);
  t.last_used_at = b.ColText(5);
  t.revoked = b.ColInt(6) != 0;
  return t;
}

// Binds the account's fields from ?2 on (?1 is the id or the login).
void BindAccountFields(Bound& b, const Account& a) {
  b.Text(2, a.display_name)
      .TextOrNull(3, a.person_number)
      .Text(4, a.role)
      .Int(5, a.admin ? 1 : 0)
      .TextOrNull(6, a.organ)
      .TextOrNull(7, a.department)
      .Text(8, a.password_hash)
      .Text(9, a.totp_secret)
      .Int(10, a.totp_enrolled ? 1 : 0)
      .Int(11, a.totp_last_step)
      .Text(12, a.source)
      .Int(13, a.disabled ? 1 : 0);
}

class SqliteAccounts final : public AccountStore {
 public:
  explicit SqliteAccounts(sqlite3* db) : db_(db) {}

  Result<std::int64_t> CreateAccount(const Account& a) override {
    std::lock_guard lock(mutex_);
    auto s = Get("INSERT INTO accounts (login, display_name, person_number, role, admin, organ, department, "
                 "password_hash, totp_secret, totp_enrolled, totp_last_step, source, disabled, created_at) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
    if (!s) return Fail(s.error());
    Bound b(*s);
    b.Text(1, a.login);
    BindAccountFields(b, a);
    b.Text(14, a.created_at);
    if (b.Step() != SQLITE_DONE) {
      const int code = sqlite3_extended_errcode(db_.get());
      if (code == SQLITE_CONSTRAINT_UNIQUE)
        return Fail(ErrorCode::kAlreadyExists, fmt::format("ログイン名「{}」は既に使われています", a.login));
      return Fail(LastError("アカウントの追加"));
    }
    return static_cast<std::int64_t>(sqlite3_last_insert_rowid(db_.get()));
  }

  Result<void> UpdateAccount(const Account& a) override {
    std::lock_guard lock(mutex_);
    auto s = Get("UPDATE accounts SET display_name = ?2, person_number = ?3, role = ?4, admin = ?5, organ = ?6, "
                 "department = ?7, password_hash = ?8, totp_secret = ?9, totp_enrolled = ?10, totp_last_step = ?11, "
                 "source = ?12, disabled = ?13 WHERE id = ?1");
    if (!s) return Fail(s.error());
    Bound b(*s);
    b.Int(1, a.id);
    BindAccountFields(b, a);
    return Changed(b, "アカウントの更新", "アカウント");
  }

  Result<std::optional<Account>> FindAccount(std::string_view login) override {
    std::lock_guard lock(mutex_);
    return One<Account>(fmt::format("SELECT {} FROM accounts WHERE login = ?1", kAccountColumns),
                        [&](Bound& b) { b.Text(1, login); }, ReadAccount);
  }

  Result<std::optional<Account>> GetAccount(std::int64_t id) override {
    std::lock_guard lock(mutex_);
    return One<Account>(fmt::format("SELECT {} FROM accounts WHERE id = ?1", kAccountColumns),
                        [&](Bound& b) { b.Int(1, id); }, ReadAccount);
  }

  Result<std::vector<Account>> ListAccounts() override {
    std::lock_guard lock(mutex_);
    return Many<Account>(fmt::format("SELECT {} FROM accounts ORDER BY login", kAccountColumns),
                         [](Bound&) {}, ReadAccount);
  }

  Result<bool> AdvanceTotpStep(std::int64_t account_id, std::int64_t step) override {
    std::lock_guard lock(mutex_);
    auto s = Get("UPDATE accounts SET totp_last_step = ?2 WHERE id = ?1 AND totp_last_step < ?2");
    if (!s) return Fail(s.error());
    Bound b(*s);
    b.Int(1, account_id).Int(2, step);
    if (b.Step() != SQLITE_DONE) return Fail(LastError("ワンタイムコードの記録"));
    return sqlite3_changes(db_.get()) > 0;
  }

  Result<void> CreateSession(const Session& x) override {
    std::lock_guard lock(mutex_);
    auto s = Get(fmt::format("INSERT INTO sessions ({}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", kSessionColumns));
    if (!s) return Fail(s.error());
    Bound b(*s);
    b.Text(1, x.token_hash)
        .Int(2, x.account_id)
        .Int(3, x.created_at)
        .Int(4, x.expires_at)
        .Int(5, x.last_seen_at)
        .Int(6, x.mfa_passed ? 1 : 0)
        .Text(7, x.csrf_token);
    if (b.Step() != SQLITE_DONE) return Fail(LastError("セッションの作成"));
    return {};
  }

  Result<std::optional<Session>> GetSession(std::string_view token_hash) override {
    std::lock_guard lock(mutex_);
    return One<Session>(fmt::format("SELECT {} FROM sessions WHERE token_hash = ?1", kSessionColumns),
                        [&](Bound& b) { b.Text(1, token_hash); }, ReadSession);
  }

  Result<void> TouchSession(std::string_view token_hash, std::int64_t last_seen_at) override {
    std::lock_guard lock(mutex_);
    return Run("UPDATE sessions SET last_seen_at = ?2 WHERE token_hash = ?1",
               [&](Bound& b) { b.Text(1, token_hash).Int(2, last_seen_at); }, "セッションの更新");
  }

  Result<void> PassMfa(std::string_view token_hash, std::int64_t expires_at) override {
    std::lock_guard lock(mutex_);
    auto s = Get("UPDATE sessions SET mfa_passed = 1, expires_at = ?2 WHERE token_hash = ?1");
    if (!s) return Fail(s.error());
    Bound b(*s);
    b.Text(1, token_hash).Int(2, expires_at);
    return Changed(b, "セッションの更新", "セッション");
  }

  Result<void> DeleteSession(std::string_view token_hash) override {
    std::lock_guard lock(mutex_);
    return Run("DELETE FROM sessions WHERE token_hash = ?1", [&](Bound& b) { b.Text(1, token_hash); },
               "セッションの削除");
  }

  Result<void> DeleteSessionsOf(std::int64_t account_id, std::string_view keep) override {
    std::lock_guard lock(mutex_);
    return Run("DELETE FROM sessions WHERE account_id = ?1 AND token_hash <> ?2",
               [&](Bound& b) { b.Int(1, account_id).Text(2, keep); }, "セッションの削除");
  }

  Result<std::int64_t> DeleteExpiredSessions(std::int64_t now, std::int64_t idle_before) override {
    std::lock_guard lock(mutex_);
    auto ok = Run("DELETE FROM sessions WHERE expires_at <= ?1 OR last_seen_at < ?2",
                  [&](Bound& b) { b.Int(1, now).Int(2, idle_before); }, "セッションの削除");
    if (!ok) return Fail(ok.error());
    return static_cast<std::int64_t>(sqlite3_changes(db_.get()));
  }

  Result<std::int64_t> CreateApiToken(const ApiToken& t) override {
    std::lock_guard lock(mutex_);
    auto ok = Run("INSERT INTO api_tokens (account_id, name, token_hash, created_at, last_used_at, revoked) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                  [&](Bound& b) {
                    b.Int(1, t.account_id)
                        .Text(2, t.name)
                        .Text(3, t.token_hash)
                        .Text(4, t.created_at)
                        .TextOrNull(5, t.last_used_at)
                        .Int(6, t.revoked ? 1 : 0);
                  },
                  "API トークンの発行");
    if (!ok) return Fail(ok.error());
    return static_cast<std::int64_t>(sqlite3_last_insert_rowid(db_.get()));
  }

  Result<std::optional<ApiToken>> FindApiToken(std::string_view token_hash) override {
    std::lock_guard lock(mutex_);
    return One<ApiToken>(fmt::format("SELECT {} FROM api_tokens WHERE token_hash = ?1", kTokenColumns),
                         [&](Bound& b) { b.Text(1, token_hash); }, ReadToken);
  }

  Result<std::optional<ApiToken>> GetApiToken(std::int64_t id) override {
    std::lock_guard lock(mutex_);
    return One<ApiToken>(fmt::format("SELECT {} FROM api_tokens WHERE id = ?1", kTokenColumns),
                         [&](Bound& b) { b.Int(1, id); }, ReadToken);
  }

  Result<std::vector<ApiToken>> ListApiTokens(std::int64_t account_id) override {
    std::lock_guard lock(mutex_);
    return Many<ApiToken>(fmt::format("SELECT {} FROM api_tokens WHERE account_id = ?1 ORDER BY id", kTokenColumns),
                          [&](Bound& b) { b.Int(1, account_id); }, ReadToken);
  }

  Result<void> TouchApiToken(std::int64_t id, std::string_view last_used_at) override {
    std::lock_guard lock(mutex_);
    return Run("UPDATE api_tokens SET last_used_at = ?2 WHERE id = ?1",
               [&](Bound& b) { b.Int(1, id).Text(2, last_used_at); }, "API トークンの更新");
  }

  Result<void> RevokeApiToken(std::int64_t id) override {
    std::lock_guard lock(mutex_);
    auto s = Get("UPDATE api_tokens SET revoked = 1 WHERE id = ?1");
    if (!s) return Fail(s.error());
    Bound b(*s);
    b.Int(1, id);
    return Changed(b, "API トークンの失効", "API トークン");
  }

  Result<void> AppendAuthEvent(const AuthEvent& e) override {
    std::lock_guard lock(mutex_);
    return Run("INSERT INTO auth_events (at, login, remote_address, event, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
               [&](Bound& b) { b.Text(1, e.at).Text(2, e.login).Text(3, e.remote_address).Text(4, e.event).Text(5, e.detail); },
               "認証記録の追加");
  }

  Result<std::vector<AuthEvent>> ListAuthEvents(std::size_t limit) override {
    std::lock_guard lock(mutex_);
    return Many<AuthEvent>(
        "SELECT id, at, login, remote_address, event, detail FROM auth_events ORDER BY id DESC LIMIT ?1",
        [&](Bound& b) { b.Int(1, limit == 0 ? -1 : static_cast<std::int64_t>(limit)); },
        [](const Bound& b) {
          return AuthEvent{b.ColInt(0), b.ColText(1), b.ColText(2), b.ColText(3), b.ColText(4), b.ColText(5)};
        });
  }

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

 private:
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

}  // namespace

Result<std::unique_ptr<AccountStore>> OpenSqliteAccounts(const std::filesystem::path& db) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string why = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    if (raw) sqlite3_close_v2(raw);
    Location where;
    where.file = db.string();
    return Fail(ErrorCode::kIo, fmt::format("データベースを開けません: {}", why), where);
  }
  auto store = std::make_unique<SqliteAccounts>(raw);
  sqlite3_busy_timeout(raw, 5000);
  for (const char* pragma : {"PRAGMA foreign_keys = ON", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL"}) {
    if (auto ok = store->Exec(pragma); !ok) return Fail(ok.error());
  }
  auto has = store->HasTable("accounts");
  if (!has) return Fail(has.error());
  if (!*has) {
    Location where;
    where.file = db.string();
    return Fail(ErrorCode::kStore,
                "アカウントの表がありません。先に mamori init（または OpenSqlite）でデータベースを移行してください",
                where);
  }
  return std::unique_ptr<AccountStore>(std::move(store));
}

}  // namespace mamori::store
