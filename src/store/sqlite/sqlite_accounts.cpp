// The SQLite AccountStore: a connection of its own to the register's file,
// used from any thread under one mutex. Statements are prepared once.
#include <map>
#include <mutex>

#include <fmt/format.h>
#include <sqlite3.h>

#include "store/accounts.h"
#include "store/sqlite/connection.h"

namespace mamori::store {
namespace {

constexpr std::string_view kAccountColumns =
    "id, login, display_name, coalesce(person_number, ''), role, admin, coalesce(organ, ''), "
    "coalesce(department, ''), password_hash, totp_secret, totp_enrolled, totp_last_step, source, disabled, "
    "created_at";
constexpr std::string_view kSessionColumns =
    "token_hash, account_id, created_at, expires_at, last_seen_at, mfa_passed, csrf_token";
constexpr std::string_view kTokenColumns =
    "id, account_id, name, token_hash, created_at, coalesce(last_used_at, ''), revoked";

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

class SqliteAccounts final : public AccountStore, public SqliteConnection {
 public:
  explicit SqliteAccounts(sqlite3* db) : SqliteConnection(db) {}

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
};

}  // namespace

Result<std::unique_ptr<AccountStore>> OpenSqliteAccounts(const std::filesystem::path& db) {
  auto raw = OpenSqliteConnection(
      db, "accounts", "アカウントの表がありません。先に mamori init（または OpenSqlite）でデータベースを移行してください");
  if (!raw) return Fail(raw.error());
  return std::unique_ptr<AccountStore>(std::make_unique<SqliteAccounts>(*raw));
}

}  // namespace mamori::store
