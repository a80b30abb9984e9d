// Authenticator: the second factor — TOTP codes and enrolment of an app.
#include "auth/account_fields.h"
#include "auth/authenticator.h"
#include "auth/messages.h"
#include "auth/totp.h"

namespace mamori::auth {

Result<void> Authenticator::CompleteSecondFactor(const Now& now, const store::Session& session,
                                                 const store::Account& account, std::string_view remote_address,
                                                 std::string_view how) {
  if (session.mfa_passed) return {};
  if (auto ok = accounts_.PassMfa(session.token_hash, now.unix + options_.session_lifetime.count()); !ok)
    return Fail(Internal(ok.error(), "complete sign-in"));
  Event(now, account.login, remote_address, "sign_in", fmt::format("{} + {}", account.source, how));
  return {};
}

Result<void> Authenticator::VerifyTotp(const SessionInfo& info, std::string_view code, std::string_view remote_address) {
  const Now now = Current();
  store::Session session;
  auto account = LoadForSession(info, now, &session);
  if (!account) return Fail(account.error());
  if (session.mfa_passed) return AuthFail(ErrorCode::kConflict, "auth.totp.already_passed");
  if (!account->totp_enrolled) return AuthFail(ErrorCode::kConflict, "auth.totp.not_enrolled");
  if (const auto wait = throttle_.LockedFor(account->login, remote_address); wait.count() > 0)
    return AuthFail(ErrorCode::kLimit, "auth.locked", fmt::arg("minutes", (wait.count() + 59) / 60));

  auto step = CheckTotpCode(account->totp_secret, code, now.unix, account->totp_last_step);
  if (step) {
    auto advanced = accounts_.AdvanceTotpStep(account->id, *step);  // atomic: two requests cannot share a code
    if (!advanced) return Fail(Internal(advanced.error(), "record TOTP step"));
    if (!*advanced) step = AuthFail(ErrorCode::kConflict, "auth.totp.replayed");
  }
  if (!step) {
    if (ErrorKey(step.error()).empty()) return Fail(Internal(step.error(), "check TOTP"));
    if (throttle_.RecordFailure(account->login, remote_address))
      Event(now, account->login, remote_address, "locked", "TOTP");
    Event(now, account->login, remote_address, "totp_failed", std::string(ErrorKey(step.error())));
    return Fail(step.error());
  }
  throttle_.RecordSuccess(account->login);
  return CompleteSecondFactor(now, session, *account, remote_address, "TOTP");
}

Result<Enrolment> Authenticator::StartEnrolment(const SessionInfo& info) {
  const Now now = Current();
  auto account = LoadForSession(info, now);
  if (!account) return Fail(account.error());
  if (account->totp_enrolled) return AuthFail(ErrorCode::kConflict, "auth.totp.already_enrolled");
  store::Account updated = *account;
  updated.totp_secret = NewTotpSecret();
  if (auto ok = accounts_.UpdateAccount(updated); !ok) return Fail(Internal(ok.error(), "start enrolment"));
  Enrolment e;
  e.secret = updated.totp_secret;
  e.uri = TotpUri(options_.issuer, updated.login, e.secret);
  e.qr_svg = QrSvg(e.uri);
  return e;
}

Result<void> Authenticator::ConfirmEnrolment(const SessionInfo& info, std::string_view code,
                                             std::string_view remote_address) {
  const Now now = Current();
  store::Session session;
  auto account = LoadForSession(info, now, &session);
  if (!account) return Fail(account.error());
  if (account->totp_enrolled) return AuthFail(ErrorCode::kConflict, "auth.totp.already_enrolled");
  if (account->totp_secret.empty()) return AuthFail(ErrorCode::kConflict, "auth.totp.no_enrolment");
  if (const auto wait = throttle_.LockedFor(account->login, remote_address); wait.count() > 0)
    return AuthFail(ErrorCode::kLimit, "auth.locked", fmt::arg("minutes", (wait.count() + 59) / 60));

  auto step = CheckTotpCode(account->totp_secret, code, now.unix, account->totp_last_step);
  if (!step) {
    if (ErrorKey(step.error()).empty()) return Fail(Internal(step.error(), "check TOTP"));
    if (throttle_.RecordFailure(account->login, remote_address))
      Event(now, account->login, remote_address, "locked", "TOTP");
    Event(now, account->login, remote_address, "totp_failed", "enrolment: " + std::string(ErrorKey(step.error())));
    return Fail(step.error());
  }
  store::Account updated = *account;
  updated.totp_enrolled = true;
  updated.totp_last_step = *step;
  auto saved = SaveChange(now, *account, updated, account->login, "totp_enrolled", "", "二要素認証を登録");
  if (!saved) return Fail(saved.error());
  throttle_.RecordSuccess(account->login);
  return CompleteSecondFactor(now, session, updated, remote_address, "TOTP enrolment");
}

}  // namespace mamori::auth
