// Authenticator: sessions (start, resolve, sign out) and the CSRF check.
#include <spdlog/spdlog.h>

#include "auth/account_fields.h"
#include "auth/authenticator.h"
#include "auth/crypto.h"
#include "auth/messages.h"
#include "auth/roles.h"
#include "register/schema.h"

namespace mamori::auth {
namespace {

constexpr std::size_t kMaxTokenBytes = 128;

SessionInfo MakeInfo(const store::Session& s, const store::Account& account) {
  SessionInfo info;
  info.account = Redacted(account);
  auto role = reg::RoleFromKey(account.role);
  info.role = role ? *role : reg::Role::kStaff;
  info.token_hash = s.token_hash;
  info.mfa_passed = s.mfa_passed;
  info.needs_enrolment = !s.mfa_passed && !account.totp_enrolled;
  info.csrf_token = s.csrf_token;
  info.created_at = s.created_at;
  info.expires_at = s.expires_at;
  info.last_seen_at = s.last_seen_at;
  return info;
}

}  // namespace

Result<SignInStep> Authenticator::StartSession(const Now& now, const store::Account& account,
                                               std::string_view remote_address) {
  auto role = reg::RoleFromKey(account.role);
  if (!role) return Fail(Internal(role.error(), "role of " + account.login));
  SignInStep step;
  if (account.totp_enrolled)
    step.stage = SignInStage::kNeedsTotp;
  else if (TotpRequired(*role, account.admin))
    step.stage = SignInStage::kNeedsEnrolment;
  const bool done = step.stage == SignInStage::kDone;
  step.key = done ? "auth.signed_in" : step.stage == SignInStage::kNeedsTotp ? "auth.totp_required"
                                                                                : "auth.enrolment_required";
  step.message = Message(step.key, false);

  step.token = RandomToken(32);
  store::Session s;
  s.token_hash = Sha256Hex(step.token);
  s.account_id = account.id;
  s.created_at = now.unix;
  s.last_seen_at = now.unix;
  s.expires_at = now.unix + (done ? options_.session_lifetime : options_.pending_lifetime).count();
  s.mfa_passed = done;
  s.csrf_token = RandomToken(32);
  if (auto ok = accounts_.CreateSession(s); !ok) return Fail(Internal(ok.error(), "create session"));
  if (done) Event(now, account.login, remote_address, "sign_in", account.source);
  step.session = MakeInfo(s, account);
  return step;
}

std::optional<SessionInfo> Authenticator::Resolve(std::string_view token) {
  if (token.empty() || token.size() > kMaxTokenBytes) return std::nullopt;
  const Now now = Current();
  const std::string hash = Sha256Hex(token);
  auto found = accounts_.GetSession(hash);
  if (!found) {
    spdlog::error("auth: resolve session: {}", found.error().message);
    return std::nullopt;  // fail closed
  }
  if (!*found) return std::nullopt;
  const store::Session& s = **found;
  if (now.unix >= s.expires_at || now.unix - s.last_seen_at >= options_.idle_timeout.count()) {
    (void)accounts_.DeleteSession(hash);
    return std::nullopt;
  }
  auto account = accounts_.GetAccount(s.account_id);
  if (!account || !*account || (*account)->disabled) return std::nullopt;
  SessionInfo info = MakeInfo(s, **account);
  if (now.unix - s.last_seen_at >= options_.touch_interval.count()) {
    if (accounts_.TouchSession(hash, now.unix)) info.last_seen_at = now.unix;
  }
  return info;
}

Result<void> Authenticator::SignOut(std::string_view token, std::string_view remote_address) {
  if (token.empty() || token.size() > kMaxTokenBytes) return {};
  const Now now = Current();
  const std::string hash = Sha256Hex(token);
  auto found = accounts_.GetSession(hash);
  if (!found) return Fail(Internal(found.error(), "sign out"));
  if (!*found) return {};  // already gone: signing out twice is not an error
  if (auto ok = accounts_.DeleteSession(hash); !ok) return Fail(Internal(ok.error(), "sign out"));
  auto account = accounts_.GetAccount((*found)->account_id);
  Event(now, account && *account ? (*account)->login : std::string(), remote_address, "sign_out", "");
  return {};
}

bool Authenticator::CheckCsrf(const SessionInfo& session, std::string_view presented) {
  if (session.csrf_token.empty()) return false;
  return ConstantTimeEqual(session.csrf_token, presented);
}

// The stored session behind `session`, still valid, and its account.
Result<store::Account> Authenticator::LoadForSession(const SessionInfo& session, const Now& now, store::Session* out) {
  auto found = accounts_.GetSession(session.token_hash);
  if (!found) return Fail(Internal(found.error(), "load session"));
  if (!*found || now.unix >= (*found)->expires_at || now.unix - (*found)->last_seen_at >= options_.idle_timeout.count())
    return AuthFail(ErrorCode::kNotFound, "auth.session.invalid");
  auto account = accounts_.GetAccount((*found)->account_id);
  if (!account) return Fail(Internal(account.error(), "load account"));
  if (!*account || (*account)->disabled) return AuthFail(ErrorCode::kNotFound, "auth.session.invalid");
  if (out) *out = **found;
  return **account;
}

Result<store::Account> Authenticator::LoadAccount(std::int64_t account_id) {
  auto account = accounts_.GetAccount(account_id);
  if (!account) return Fail(Internal(account.error(), "load account"));
  if (!*account) return AuthFail(ErrorCode::kNotFound, "auth.account.not_found");
  return **account;
}

}  // namespace mamori::auth
