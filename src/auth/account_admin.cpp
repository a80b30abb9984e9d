// Authenticator: account administration and password changes.
#include "auth/account_fields.h"
#include "auth/authenticator.h"
#include "auth/messages.h"
#include "auth/password.h"
#include "common/text.h"
#include "register/schema.h"

namespace mamori::auth {

// Saves `after`, then records the event and the history line.
Result<store::Account> Authenticator::SaveChange(const Now& now, const store::Account& before,
                                                 const store::Account& after, std::string_view actor,
                                                 std::string_view event, std::string detail, std::string_view note) {
  if (auto ok = accounts_.UpdateAccount(after); !ok) {
    if (ok.error().code == ErrorCode::kNotFound) return AuthFail(ErrorCode::kNotFound, "auth.account.not_found");
    return Fail(Internal(ok.error(), "update account"));
  }
  Event(now, after.login, "", event, std::move(detail));
  if (auto ok = History(now, actor, "update", &before, after, note); !ok) return Fail(ok.error());
  return Redacted(after);
}

Result<store::Account> Authenticator::CreateLocalAccount(const NewAccount& input, std::string_view actor) {
  const Now now = Current();
  store::Account a;
  a.login = NormalizeLogin(input.login);
  if (!IsValidNewLogin(a.login)) return AuthFail(ErrorCode::kValidation, "auth.account.invalid_login");
  a.display_name = std::string(text::Trim(input.display_name));
  if (a.display_name.empty()) return AuthFail(ErrorCode::kValidation, "auth.account.display_name_required");
  if (auto ok = CheckPasswordPolicy(input.password, a.login, options_.password_policy); !ok) return Fail(ok.error());
  auto existing = accounts_.FindAccount(a.login);
  if (!existing) return Fail(Internal(existing.error(), "find account"));
  if (*existing) return AuthFail(ErrorCode::kAlreadyExists, "auth.account.exists", fmt::arg("login", a.login));
  auto hash = HashPassword(input.password, options_.password_cost);
  if (!hash) return Fail(hash.error());
  a.password_hash = std::move(*hash);
  a.person_number = std::string(text::Trim(input.person_number));
  a.role = std::string(reg::RoleKey(input.role));
  a.admin = input.admin;
  a.organ = std::string(text::Trim(input.organ));
  a.department = std::string(text::Trim(input.department));
  a.source = "local";
  a.created_at = now.iso;
  auto id = accounts_.CreateAccount(a);
  if (!id) {
    if (id.error().code == ErrorCode::kAlreadyExists)
      return AuthFail(ErrorCode::kAlreadyExists, "auth.account.exists", fmt::arg("login", a.login));
    return Fail(Internal(id.error(), "create account"));
  }
  a.id = *id;
  Event(now, a.login, "", "account_created", fmt::format("by {}: role {}{}", actor, a.role, a.admin ? ", admin" : ""));
  if (auto ok = History(now, actor, "create", nullptr, a, ""); !ok) return Fail(ok.error());
  return Redacted(std::move(a));
}

Result<store::Account> Authenticator::UpdateAccount(std::int64_t account_id, const AccountChanges& c,
                                                    std::string_view actor) {
  const Now now = Current();
  auto before = LoadAccount(account_id);
  if (!before) return Fail(before.error());
  store::Account after = *before;
  if (c.display_name) {
    after.display_name = std::string(text::Trim(*c.display_name));
    if (after.display_name.empty()) return AuthFail(ErrorCode::kValidation, "auth.account.display_name_required");
  }
  if (c.person_number) after.person_number = std::string(text::Trim(*c.person_number));
  if (c.role) after.role = std::string(reg::RoleKey(*c.role));
  if (c.admin) after.admin = *c.admin;
  if (c.organ) after.organ = std::string(text::Trim(*c.organ));
  if (c.department) after.department = std::string(text::Trim(*c.department));
  if (AccountJson(after) == AccountJson(*before)) return Redacted(after);
  auto saved = SaveChange(now, *before, after, actor, "account_updated", fmt::format("by {}", actor), "");
  if (!saved) return saved;
  // What the account may see or must prove changed: every session signs in again.
  if (after.role != before->role || after.admin != before->admin || after.organ != before->organ ||
      after.department != before->department)
    (void)accounts_.DeleteSessionsOf(account_id);
  return saved;
}

Result<void> Authenticator::SetPassword(std::int64_t account_id, std::string_view new_password,
                                        std::string_view actor) {
  const Now now = Current();
  auto before = LoadAccount(account_id);
  if (!before) return Fail(before.error());
  if (before->source != "local") return AuthFail(ErrorCode::kConflict, "auth.password.not_local");
  if (auto ok = CheckPasswordPolicy(new_password, before->login, options_.password_policy); !ok)
    return Fail(ok.error());
  auto hash = HashPassword(new_password, options_.password_cost);
  if (!hash) return Fail(hash.error());
  store::Account after = *before;
  after.password_hash = std::move(*hash);
  auto saved = SaveChange(now, *before, after, actor, "password_changed", fmt::format("by {}", actor),
                          "パスワードを再設定");
  if (!saved) return Fail(saved.error());
  (void)accounts_.DeleteSessionsOf(account_id);
  return {};
}

Result<void> Authenticator::ChangeOwnPassword(const SessionInfo& info, std::string_view current_password,
                                              std::string_view new_password, std::string_view remote_address) {
  const Now now = Current();
  store::Session session;
  auto before = LoadForSession(info, now, &session);
  if (!before) return Fail(before.error());
  if (!session.mfa_passed) return AuthFail(ErrorCode::kNotFound, "auth.session.invalid");
  if (before->source != "local") return AuthFail(ErrorCode::kConflict, "auth.password.not_local");
  if (const auto wait = throttle_.LockedFor(before->login, remote_address); wait.count() > 0)
    return AuthFail(ErrorCode::kLimit, "auth.locked", fmt::arg("minutes", (wait.count() + 59) / 60));
  if (!VerifyPassword(before->password_hash, current_password)) {
    if (throttle_.RecordFailure(before->login, remote_address))
      Event(now, before->login, remote_address, "locked", "password change");
    return AuthFail(ErrorCode::kInvalidArgument, "auth.password.wrong_current");
  }
  if (auto ok = CheckPasswordPolicy(new_password, before->login, options_.password_policy); !ok)
    return Fail(ok.error());
  auto hash = HashPassword(new_password, options_.password_cost);
  if (!hash) return Fail(hash.error());
  store::Account after = *before;
  after.password_hash = std::move(*hash);
  if (auto ok = accounts_.UpdateAccount(after); !ok) return Fail(Internal(ok.error(), "change password"));
  Event(now, after.login, remote_address, "password_changed", "self");
  if (auto ok = History(now, after.login, "update", &*before, after, "パスワードを変更"); !ok) return ok;
  (void)accounts_.DeleteSessionsOf(after.id, session.token_hash);
  return {};
}

Result<void> Authenticator::Disable(std::int64_t account_id, std::string_view actor) {
  const Now now = Current();
  auto before = LoadAccount(account_id);
  if (!before) return Fail(before.error());
  if (before->disabled) return {};
  store::Account after = *before;
  after.disabled = true;
  auto saved = SaveChange(now, *before, after, actor, "account_disabled", fmt::format("by {}", actor), "使用停止");
  if (!saved) return Fail(saved.error());
  (void)accounts_.DeleteSessionsOf(account_id);
  return {};
}

Result<void> Authenticator::Enable(std::int64_t account_id, std::string_view actor) {
  const Now now = Current();
  auto before = LoadAccount(account_id);
  if (!before) return Fail(before.error());
  if (!before->disabled) return {};
  store::Account after = *before;
  after.disabled = false;
  auto saved = SaveChange(now, *before, after, actor, "account_enabled", fmt::format("by {}", actor), "使用再開");
  if (!saved) return Fail(saved.error());
  return {};
}

Result<void> Authenticator::ResetTotp(std::int64_t account_id, std::string_view actor) {
  const Now now = Current();
  auto before = LoadAccount(account_id);
  if (!before) return Fail(before.error());
  store::Account after = *before;
  after.totp_secret.clear();
  after.totp_enrolled = false;  // totp_last_step is kept: old codes stay refused
  auto saved = SaveChange(now, *before, after, actor, "totp_reset", fmt::format("by {}", actor), "二要素認証を再設定");
  if (!saved) return Fail(saved.error());
  (void)accounts_.DeleteSessionsOf(account_id);
  return {};
}

Result<std::vector<store::Account>> Authenticator::ListAccounts() {
  auto list = accounts_.ListAccounts();
  if (!list) return Fail(Internal(list.error(), "list accounts"));
  for (auto& a : *list) a = Redacted(std::move(a));
  return list;
}

Result<std::vector<store::AuthEvent>> Authenticator::ListAuthEvents(std::size_t limit) {
  auto list = accounts_.ListAuthEvents(limit);
  if (!list) return Fail(Internal(list.error(), "list auth events"));
  return list;
}

}  // namespace mamori::auth
