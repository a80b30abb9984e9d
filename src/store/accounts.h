// Accounts, sessions, API tokens and the sign-in audit trail of `mamori serve`.
//
// Kept apart from the register's Store: the web server uses it from several
// threads at once, so a backend must be thread-safe (the SQLite one holds its
// own connection behind a mutex). The store keeps what it is given; hashing,
// policy and history lines are the job of auth::Authenticator. Secrets are
// stored only as hashes (passwords: Argon2id; session and API tokens: SHA-256),
// except the TOTP secret, which the server needs in clear to check codes.
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

struct Account {
  std::int64_t id = 0;
  std::string login;          // unique, compared without regard to ASCII case
  std::string display_name;
  std::string person_number;  // people.number in the register, or empty (no foreign key: people are re-imported)
  std::string role;           // a reg::Role key (ciso, chief_officer … auditor)
  bool admin = false;         // manages accounts and settings
  std::string organ;          // codes, for scoping what the account sees
  std::string department;
  std::string password_hash;  // Argon2id string (crypto_pwhash_str); empty for directory accounts
  std::string totp_secret;    // base32; empty until enrolment starts
  bool totp_enrolled = false;
  std::int64_t totp_last_step = 0;  // the last accepted TOTP time step (replay protection)
  std::string source = "local";     // "local" or "ldap"
  bool disabled = false;
  std::string created_at;  // ISO 8601 with offset
};

// A signed-in browser. Times are Unix seconds.
struct Session {
  std::string token_hash;  // SHA-256 (hex) of the cookie's token; the token itself is never stored
  std::int64_t account_id = 0;
  std::int64_t created_at = 0;
  std::int64_t expires_at = 0;  // absolute end
  std::int64_t last_seen_at = 0;
  bool mfa_passed = false;  // false: password accepted, second factor missing
  std::string csrf_token;
};

struct ApiToken {
  std::int64_t id = 0;
  std::int64_t account_id = 0;
  std::string name;
  std::string token_hash;  // SHA-256 (hex) of the bearer token
  std::string created_at;  // ISO 8601
  std::string last_used_at;  // ISO 8601 or empty
  bool revoked = false;
};

// One line of the sign-in audit trail; append-only (triggers refuse updates and deletes).
struct AuthEvent {
  std::int64_t id = 0;
  std::string at;  // ISO 8601
  std::string login;  // as typed, or the account's login
  std::string remote_address;
  // sign_in, sign_in_failed, locked, totp_enrolled, totp_failed, totp_reset, sign_out,
  // token_issued, token_revoked, password_changed, account_created, account_updated,
  // account_disabled, account_enabled
  std::string event;
  std::string detail;  // never a password, hash, token or secret
};

class AccountStore {
 public:
  virtual ~AccountStore() = default;
  AccountStore() = default;
  AccountStore(const AccountStore&) = delete;
  AccountStore& operator=(const AccountStore&) = delete;

  // Accounts. Create fails with kAlreadyExists when the login is taken (in any
  // case); it returns the new id. Update writes every field but id, login and
  // created_at, and fails with kNotFound for an unknown id.
  virtual Result<std::int64_t> CreateAccount(const Account& account) = 0;
  virtual Result<void> UpdateAccount(const Account& account) = 0;
  virtual Result<std::optional<Account>> FindAccount(std::string_view login) = 0;
  virtual Result<std::optional<Account>> GetAccount(std::int64_t id) = 0;
  virtual Result<std::vector<Account>> ListAccounts() = 0;
  // Records `step` as the last accepted TOTP step only if it is later than the
  // stored one; false when it is not (a replayed code), atomically.
  virtual Result<bool> AdvanceTotpStep(std::int64_t account_id, std::int64_t step) = 0;

  // Sessions.
  virtual Result<void> CreateSession(const Session& session) = 0;
  virtual Result<std::optional<Session>> GetSession(std::string_view token_hash) = 0;
  virtual Result<void> TouchSession(std::string_view token_hash, std::int64_t last_seen_at) = 0;
  virtual Result<void> PassMfa(std::string_view token_hash, std::int64_t expires_at) = 0;
  virtual Result<void> DeleteSession(std::string_view token_hash) = 0;
  // Every session of an account, except `keep` (a token hash, may be empty).
  virtual Result<void> DeleteSessionsOf(std::int64_t account_id, std::string_view keep = {}) = 0;
  // Sessions past their absolute end or idle since before `idle_before`.
  virtual Result<std::int64_t> DeleteExpiredSessions(std::int64_t now, std::int64_t idle_before) = 0;

  // API tokens.
  virtual Result<std::int64_t> CreateApiToken(const ApiToken& token) = 0;
  virtual Result<std::optional<ApiToken>> FindApiToken(std::string_view token_hash) = 0;
  virtual Result<std::optional<ApiToken>> GetApiToken(std::int64_t id) = 0;
  virtual Result<std::vector<ApiToken>> ListApiTokens(std::int64_t account_id) = 0;
  virtual Result<void> TouchApiToken(std::int64_t id, std::string_view last_used_at) = 0;
  virtual Result<void> RevokeApiToken(std::int64_t id) = 0;

  // The audit trail, newest first.
  virtual Result<void> AppendAuthEvent(const AuthEvent& event) = 0;
  virtual Result<std::vector<AuthEvent>> ListAuthEvents(std::size_t limit) = 0;
};

// Opens a second connection to a database that OpenSqlite (sqlite/sqlite_store.h)
// has already created and migrated: WAL, foreign keys on, a busy timeout, one
// mutex around the connection. Fails when the account tables are missing.
Result<std::unique_ptr<AccountStore>> OpenSqliteAccounts(const std::filesystem::path& db);

}  // namespace mamori::store
