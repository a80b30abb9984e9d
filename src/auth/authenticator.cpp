// Authenticator: construction, shared helpers and SignIn. Sessions, the second
// factor, API tokens and administration are in their own files.
#include "auth/authenticator.h"

#include <spdlog/spdlog.h>

#include "auth/account_fields.h"
#include "auth/crypto.h"
#include "auth/messages.h"
#include "auth/roles.h"
#include "register/schema.h"

namespace mamori::auth {
namespace {

constexpr std::size_t kMaxLoginBytes = 256;
constexpr std::size_t kMaxPasswordBytes = 4096;  // longer input is not hashed at all

}  // namespace

Authenticator::Authenticator(store::AccountStore& accounts, store::Store& history_store, AuthOptions options)
    : accounts_(accounts),
      history_store_(history_store),
      options_(std::move(options)),
      clock_(OrSystemClock(options_.clock)),
      throttle_(options_.throttle, clock_) {
  EnsureSodium();
}

Authenticator::Now Authenticator::Current() const {
  const auto at = clock_();
  return Now{at, UnixSeconds(at), IsoJst(at)};
}

void Authenticator::Event(const Now& now, std::string_view login, std::string_view remote, std::string_view event,
                          std::string detail) {
  store::AuthEvent e{0, now.iso, std::string(login), std::string(remote), std::string(event), std::move(detail)};
  if (auto ok = accounts_.AppendAuthEvent(e); !ok)
    spdlog::error("auth: cannot record event {} for {}: {}", event, login, ok.error().message);
  spdlog::info("auth: {} login={} remote={} {}", event, login, remote, e.detail);
}

Result<void> Authenticator::History(const Now& now, std::string_view actor, std::string_view action,
                                    const store::Account* before, const store::Account& after, std::string_view note) {
  store::HistoryEntry h;
  h.at = now.iso;
  h.actor = actor.empty() ? "system" : std::string(actor);
  h.action = std::string(action);
  h.entity = "account";
  h.number = after.login;
  if (before) h.before = AccountJson(*before);
  h.after = AccountJson(after);
  h.note = std::string(note);
  std::lock_guard lock(history_mutex_);
  if (auto ok = history_store_.AppendHistory(h); !ok) return Fail(Internal(ok.error(), "change history"));
  return {};
}

Error Authenticator::Internal(const Error& cause, std::string_view what) {
  spdlog::error("auth: {}: {}", what, cause.message);
  return AuthError(ErrorCode::kInternal, "auth.internal");
}

// Counts the failure, records it (with the reason, for the audit screen only)
// and gives the one answer that does not say whether the login exists.
Error Authenticator::BadCredentials(const Now& now, std::string_view login, std::string_view remote,
                                    std::string detail) {
  if (throttle_.RecordFailure(login, remote))
    Event(now, login, remote, "locked", fmt::format("{}分間", options_.throttle.lockout.count() / 60));
  Event(now, login, remote, "sign_in_failed", std::move(detail));
  return AuthError(ErrorCode::kInvalidArgument, "auth.bad_credentials");
}

// Verifying against this when there is no hash keeps unknown logins as slow as known ones.
const std::string& Authenticator::DummyHash() {
  std::call_once(dummy_once_, [this] {
    auto h = HashPassword(RandomToken(16), options_.password_cost);
    dummy_hash_ = h ? *h : std::string();
  });
  return dummy_hash_;
}

Result<SignInStep> Authenticator::SignIn(std::string_view raw_login, std::string_view password,
                                         std::string_view remote_address) {
  const Now now = Current();
  const std::string login = NormalizeLogin(raw_login.substr(0, kMaxLoginBytes));
  (void)accounts_.DeleteExpiredSessions(now.unix, now.unix - options_.idle_timeout.count());

  if (const auto wait = throttle_.LockedFor(login, remote_address); wait.count() > 0) {
    Event(now, login, remote_address, "sign_in_failed", "locked");
    const auto minutes = (wait.count() + 59) / 60;
    return AuthFail(ErrorCode::kLimit, "auth.locked", fmt::arg("minutes", minutes));
  }
  if (login.empty() || password.empty() || password.size() > kMaxPasswordBytes) {
    (void)VerifyPassword(DummyHash(), "x");
    return Fail(BadCredentials(now, login, remote_address, "empty or oversized input"));
  }

  auto found = accounts_.FindAccount(login);
  if (!found) return Fail(Internal(found.error(), "find account"));
  const bool directory = options_.ldap.has_value() || static_cast<bool>(options_.directory);

  store::Account account;
  if (*found && (*found)->source == "local") {
    if (!VerifyPassword((*found)->password_hash, password))
      return Fail(BadCredentials(now, login, remote_address, "wrong password"));
    account = **found;
    if (NeedsRehash(account.password_hash, options_.password_cost)) {
      if (auto rehashed = HashPassword(password, options_.password_cost); rehashed) {
        account.password_hash = *rehashed;
        if (auto ok = accounts_.UpdateAccount(account); !ok) spdlog::warn("auth: rehash not saved: {}", ok.error().message);
      }
    }
  } else if (directory) {
    auto signed_in = SignInWithDirectory(now, login, password, *found, remote_address);
    if (!signed_in) return Fail(signed_in.error());
    account = std::move(*signed_in);
  } else {
    (void)VerifyPassword(DummyHash(), password);
    return Fail(BadCredentials(now, login, remote_address, *found ? "directory account, no directory" : "unknown login"));
  }

  if (account.disabled) {
    Event(now, account.login, remote_address, "sign_in_failed", "disabled");
    return AuthFail(ErrorCode::kConflict, "auth.disabled");
  }
  throttle_.RecordSuccess(login);
  return StartSession(now, account, remote_address);
}

// A directory sign-in: the directory decides the password, the role and
// admin; the account is created on the first sign-in and kept in step after.
Result<store::Account> Authenticator::SignInWithDirectory(const Now& now, std::string_view login,
                                                          std::string_view password,
                                                          const std::optional<store::Account>& existing,
                                                          std::string_view remote_address) {
  auto identity = options_.directory ? options_.directory(login, password)
                                     : LdapAuthenticate(*options_.ldap, login, password);
  if (!identity) {
    const auto key = ErrorKey(identity.error());
    if (key == "auth.bad_credentials")
      return Fail(BadCredentials(now, login, remote_address, existing ? "wrong password (ldap)" : "unknown login (ldap)"));
    Event(now, login, remote_address, "sign_in_failed", std::string(key.empty() ? "ldap error" : key));
    if (key.empty()) return Fail(Internal(identity.error(), "directory"));
    return Fail(identity.error());
  }
  store::Account wanted;
  if (existing) {
    wanted = *existing;
  } else {
    wanted.login = std::string(login);
    wanted.source = "ldap";
    wanted.created_at = now.iso;
  }
  wanted.display_name = identity->display_name;
  wanted.role = std::string(reg::RoleKey(identity->role));
  wanted.admin = identity->admin;

  if (!existing) {
    auto id = accounts_.CreateAccount(wanted);
    if (!id && id.error().code == ErrorCode::kAlreadyExists) {  // a sign-in at the same moment created it
      auto again = accounts_.FindAccount(login);
      if (again && *again) return **again;
    }
    if (!id) return Fail(Internal(id.error(), "create directory account"));
    wanted.id = *id;
    Event(now, wanted.login, remote_address, "account_created", "ldap: " + identity->dn);
    if (auto ok = History(now, "ldap", "create", nullptr, wanted, "ディレクトリから初回サインイン時に作成"); !ok)
      return Fail(ok.error());
    return wanted;
  }
  if (wanted.display_name != existing->display_name || wanted.role != existing->role ||
      wanted.admin != existing->admin) {
    if (auto ok = accounts_.UpdateAccount(wanted); !ok) return Fail(Internal(ok.error(), "update directory account"));
    (void)accounts_.DeleteSessionsOf(wanted.id);  // other sessions held the old role
    Event(now, wanted.login, remote_address, "account_updated", "ldap: role " + wanted.role);
    if (auto ok = History(now, "ldap", "update", &*existing, wanted, "ディレクトリのグループに合わせて更新"); !ok)
      return Fail(ok.error());
  }
  return wanted;
}

}  // namespace mamori::auth
