// Sign-in, second factor, sessions, API tokens and account administration for
// `mamori serve`.
//
// The flow a browser sees:
//   SignIn(login, password)  → kDone: a full session
//                            → kNeedsTotp / kNeedsEnrolment: a *pending* session
//                              (mfa_passed = false) that grants nothing but the
//                              TOTP and enrolment pages
//   VerifyTotp / StartEnrolment + ConfirmEnrolment → the session becomes full
//   Resolve(cookie token) on every request; CheckCsrf on every form post;
//   SignOut.
// The cookie carries a random 32-byte token; only its SHA-256 is stored.
//
// Every failure is an Error whose message is Japanese and whose key and
// English sentence are read with ErrorKey / EnglishMessage (auth/messages.h).
// A wrong password and an unknown login give the same answer.
//
// Thread-safe: the web server may call any member from any thread. The
// AccountStore must be thread-safe (the SQLite one is). `history_store` (the
// register's Store, where change_history lives) is only used for
// AppendHistory, under a lock of the Authenticator's own: give it a Store that
// no other thread uses at the same time (a second OpenSqlite of the same file).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/clock.h"
#include "auth/ldap.h"
#include "auth/password.h"
#include "auth/throttle.h"
#include "common/error.h"
#include "register/model.h"
#include "store/accounts.h"
#include "store/store.h"

namespace mamori::auth {

using DirectoryFn = std::function<Result<LdapIdentity>(std::string_view login, std::string_view password)>;

struct AuthOptions {
  std::string issuer = "mamori";  // shown in authenticator apps, e.g. "直方市 mamori"
  PasswordCost password_cost;     // PasswordCost::Interactive() for tests and the demo
  PasswordPolicy password_policy;
  ThrottleOptions throttle;
  // Directory sign-in when set: accounts with source "ldap", and unknown logins,
  // which become accounts on their first successful sign-in.
  std::optional<LdapOptions> ldap;
  // How the directory is asked; empty: LdapAuthenticate(*ldap, …). Tests put a fake here.
  DirectoryFn directory;
  std::chrono::seconds idle_timeout{std::chrono::minutes(30)};
  std::chrono::seconds session_lifetime{std::chrono::hours(12)};
  std::chrono::seconds pending_lifetime{std::chrono::minutes(10)};  // to give the second factor
  std::chrono::seconds touch_interval{std::chrono::minutes(1)};     // last_seen_at written at most this often
  Clock clock;  // empty: the system clock
};

enum class SignInStage {
  kDone,            // full session
  kNeedsTotp,       // pending: enter the code from the app
  kNeedsEnrolment,  // pending: register an app first (required for this role)
};

struct SessionInfo {
  store::Account account;  // password_hash and totp_secret cleared
  reg::Role role = reg::Role::kStaff;
  std::string token_hash;  // names the session to VerifyTotp, SignOut … (not the cookie token)
  bool mfa_passed = false;  // false: only the TOTP and enrolment pages may be shown
  bool needs_enrolment = false;  // pending and no app registered yet
  std::string csrf_token;  // put in every form; checked with CheckCsrf
  std::int64_t created_at = 0;  // Unix seconds
  std::int64_t expires_at = 0;
  std::int64_t last_seen_at = 0;

  [[nodiscard]] bool Full() const { return mfa_passed; }
};

struct SignInStep {
  SignInStage stage = SignInStage::kDone;
  std::string key;      // auth.signed_in, auth.totp_required, auth.enrolment_required
  std::string message;  // Japanese (Message(key, true) for English)
  std::string token;    // the cookie's value; shown once, only its hash is stored
  SessionInfo session;
};

struct Enrolment {
  std::string secret;  // base32, for typing into an app by hand
  std::string uri;     // otpauth://totp/…
  std::string qr_svg;  // the URI as an SVG QR code
};

struct NewAccount {
  std::string login;  // letters, digits and . _ - @ (full-width is folded), 1–64
  std::string display_name;
  std::string person_number;
  reg::Role role = reg::Role::kStaff;
  bool admin = false;
  std::string organ;
  std::string department;
  std::string password;  // must meet the password policy
};

// Fields to change; unset ones stay.
struct AccountChanges {
  std::optional<std::string> display_name;
  std::optional<std::string> person_number;
  std::optional<reg::Role> role;
  std::optional<bool> admin;
  std::optional<std::string> organ;
  std::optional<std::string> department;
};

struct IssuedApiToken {
  std::int64_t id = 0;
  std::string token;  // "mamori_…": shown once, only its hash is stored
};

struct ApiTokenInfo {
  store::Account account;  // secrets cleared
  reg::Role role = reg::Role::kStaff;
  std::int64_t token_id = 0;
  std::string token_name;
};

class Authenticator {
 public:
  Authenticator(store::AccountStore& accounts, store::Store& history_store, AuthOptions options);
  Authenticator(const Authenticator&) = delete;
  Authenticator& operator=(const Authenticator&) = delete;

  // Sign-in. Fails with auth.bad_credentials, auth.locked ({minutes}),
  // auth.disabled, auth.ldap.unavailable, auth.ldap.no_role or auth.internal.
  Result<SignInStep> SignIn(std::string_view login, std::string_view password, std::string_view remote_address);

  // Second factor of a pending session (also counted by the throttle).
  Result<void> VerifyTotp(const SessionInfo& session, std::string_view code, std::string_view remote_address = {});
  // A new secret for an account with no app registered (pending or full
  // session); refused with auth.totp.already_enrolled otherwise, so a stolen
  // password cannot replace the app.
  Result<Enrolment> StartEnrolment(const SessionInfo& session);
  // The first code from the app completes enrolment and the sign-in.
  Result<void> ConfirmEnrolment(const SessionInfo& session, std::string_view code,
                                std::string_view remote_address = {});

  // The session of a cookie token; nothing when unknown, expired (12 h), idle
  // (30 min) or the account is disabled. Pending sessions are returned with
  // mfa_passed = false.
  std::optional<SessionInfo> Resolve(std::string_view token);
  Result<void> SignOut(std::string_view token, std::string_view remote_address = {});
  // The form's token against the session's, in constant time.
  static bool CheckCsrf(const SessionInfo& session, std::string_view presented);

  // API tokens ("Authorization: Bearer mamori_…").
  Result<IssuedApiToken> IssueApiToken(std::int64_t account_id, std::string_view name, std::string_view actor);
  std::optional<ApiTokenInfo> ResolveApiToken(std::string_view bearer);
  Result<void> RevokeApiToken(std::int64_t token_id, std::string_view actor);
  Result<std::vector<store::ApiToken>> ListApiTokens(std::int64_t account_id);  // hashes cleared

  // Account administration; `actor` is the administrator's login. Each change
  // is an auth event and a change_history line (entity "account", number =
  // login) that never holds a password hash or TOTP secret.
  Result<store::Account> CreateLocalAccount(const NewAccount& account, std::string_view actor);
  Result<store::Account> UpdateAccount(std::int64_t account_id, const AccountChanges& changes, std::string_view actor);
  Result<void> SetPassword(std::int64_t account_id, std::string_view new_password, std::string_view actor);
  // By the user, from a full session: other sessions of the account end.
  Result<void> ChangeOwnPassword(const SessionInfo& session, std::string_view current_password,
                                 std::string_view new_password, std::string_view remote_address = {});
  Result<void> Disable(std::int64_t account_id, std::string_view actor);
  Result<void> Enable(std::int64_t account_id, std::string_view actor);
  Result<void> ResetTotp(std::int64_t account_id, std::string_view actor);
  Result<std::vector<store::Account>> ListAccounts();  // secrets cleared
  Result<std::vector<store::AuthEvent>> ListAuthEvents(std::size_t limit);

 private:
  struct Now {
    TimePoint at;
    std::int64_t unix = 0;
    std::string iso;
  };
  Now Current() const;
  void Event(const Now& now, std::string_view login, std::string_view remote, std::string_view event,
             std::string detail);
  Result<void> History(const Now& now, std::string_view actor, std::string_view action, const store::Account* before,
                       const store::Account& after, std::string_view note);
  Error Internal(const Error& cause, std::string_view what);
  Error BadCredentials(const Now& now, std::string_view login, std::string_view remote, std::string detail);
  const std::string& DummyHash();
  Result<store::Account> SignInWithDirectory(const Now& now, std::string_view login, std::string_view password,
                                             const std::optional<store::Account>& existing,
                                             std::string_view remote_address);
  Result<SignInStep> StartSession(const Now& now, const store::Account& account, std::string_view remote_address);
  Result<store::Account> LoadForSession(const SessionInfo& session, const Now& now, store::Session* out = nullptr);
  Result<store::Account> LoadAccount(std::int64_t account_id);
  Result<store::Account> SaveChange(const Now& now, const store::Account& before, const store::Account& after,
                                    std::string_view actor, std::string_view event, std::string detail,
                                    std::string_view note);
  Result<void> CompleteSecondFactor(const Now& now, const store::Session& session, const store::Account& account,
                                    std::string_view remote_address, std::string_view how);

  store::AccountStore& accounts_;
  store::Store& history_store_;
  const AuthOptions options_;
  const Clock clock_;
  Throttle throttle_;
  std::mutex history_mutex_;
  std::once_flag dummy_once_;
  std::string dummy_hash_;
};

}  // namespace mamori::auth
