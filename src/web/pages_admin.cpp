// Accounts (administrators) and the sign-in audit trail (administrators,
// CISO, 統括情報セキュリティ責任者 and auditors).
#include <charconv>

#include "web/auth_bridge.h"
#include "web/handlers.h"
#include "web/history_view.h"

namespace mamori::web {

namespace {

http::Response ShowAccounts(WebApp& app, Ctx& ctx, std::string_view notice, std::string_view error, int status = 200) {
  const auto lang = ctx.lang;
  Data d;
  d.set("csrf", ctx.user->csrf);
  if (!notice.empty()) d.set("notice", std::string(notice));
  if (!error.empty()) d.set("error", std::string(error));
  Data rows = List();
  if (auto accounts = app.auth().ListAccounts())
    for (const auto& a : *accounts) {
      Data x;
      x.set("id", std::to_string(a.id));
      x.set("login", a.login);
      x.set("name", a.display_name);
      auto role = reg::RoleFromKey(a.role);
      x.set("role", role ? std::string(reg::RoleLabel(*role, English(lang))) : a.role);
      if (a.admin) x.set("admin", true);
      x.set("department", a.department);
      x.set("source", a.source);
      if (a.totp_enrolled) x.set("totp", true);
      if (a.disabled) x.set("disabled", true);
      rows.push_back(x);
    }
  d.set("accounts", rows);
  Data roles = List();
  for (auto r : {reg::Role::kCiso, reg::Role::kChiefOfficer, reg::Role::kOfficer, reg::Role::kManager,
                 reg::Role::kSystemAdmin, reg::Role::kSystemStaff, reg::Role::kStaff, reg::Role::kAuditor}) {
    Data x;
    x.set("value", std::string(reg::RoleKey(r)));
    x.set("label", std::string(reg::RoleLabel(r, English(lang))));
    roles.push_back(x);
  }
  d.set("roles", roles);
  auto r = app.Page(ctx, "accounts", d, T(lang, "nav.admin"), Nav::kAdmin);
  r.status = status;
  return r;
}

}  // namespace

http::Response AccountsPage(WebApp& app, Ctx& ctx) { return ShowAccounts(app, ctx, {}, {}); }

http::Response CreateAccount(WebApp& app, Ctx& ctx) {
  auth::NewAccount a;
  a.login = ctx.req.Form("login").value_or("");
  a.display_name = ctx.req.Form("display_name").value_or("");
  a.person_number = ctx.req.Form("person_number").value_or("");
  auto role = reg::RoleFromKey(ctx.req.Form("role").value_or("staff"));
  a.role = role ? *role : reg::Role::kStaff;
  a.admin = ctx.req.Form("admin") == std::optional<std::string>("1");
  a.organ = ctx.req.Form("organ").value_or("");
  a.department = ctx.req.Form("department").value_or("");
  a.password = ctx.req.Form("password").value_or("");
  auto created = app.auth().CreateLocalAccount(a, ctx.user->login);
  if (!created) return ShowAccounts(app, ctx, {}, AuthMessage(created.error(), ctx.lang), 422);
  return ShowAccounts(app, ctx, T(ctx.lang, "accounts.created"), {});
}

http::Response AccountAction(WebApp& app, Ctx& ctx) {
  std::int64_t id = 0;
  const auto& s = ctx.req.params["id"];
  std::from_chars(s.data(), s.data() + s.size(), id);
  const auto action = ctx.req.params["action"];
  Result<void> ok;
  if (action == "disable") {
    if (id == ctx.user->account_id) return ShowAccounts(app, ctx, {}, T(ctx.lang, "accounts.not_self"), 422);
    ok = app.auth().Disable(id, ctx.user->login);
  } else if (action == "enable") {
    ok = app.auth().Enable(id, ctx.user->login);
  } else if (action == "reset_totp") {
    ok = app.auth().ResetTotp(id, ctx.user->login);
  } else if (action == "password") {
    ok = app.auth().SetPassword(id, ctx.req.Form("password").value_or(""), ctx.user->login);
  } else {
    return app.ErrorPage(ctx, 404, T(ctx.lang, "error.not_found"));
  }
  if (!ok) return ShowAccounts(app, ctx, {}, AuthMessage(ok.error(), ctx.lang), 422);
  return ShowAccounts(app, ctx, T(ctx.lang, "accounts.saved"), {});
}

http::Response AuditPage(WebApp& app, Ctx& ctx) {
  const auto& u = *ctx.user;
  const bool allowed = u.admin || (u.role && (*u.role == reg::Role::kCiso || *u.role == reg::Role::kChiefOfficer ||
                                              *u.role == reg::Role::kAuditor));
  if (!allowed) return app.ErrorPage(ctx, 403, T(ctx.lang, "error.forbidden"));
  Data d;
  Data rows = List();
  if (auto events = app.auth().ListAuthEvents(500))
    for (const auto& e : *events) {
      Data x;
      x.set("at", DisplayTime(e.at, ctx.lang));
      x.set("at_iso", e.at);
      x.set("login", e.login);
      x.set("remote", e.remote_address);
      x.set("event", e.event);
      x.set("detail", e.detail);
      if (e.event.find("fail") != std::string::npos || e.event == "locked") x.set("bad", true);
      rows.push_back(x);
    }
  d.set("events", rows);
  return app.Page(ctx, "audit", d, T(ctx.lang, "audit.title"), Nav::kAdmin);
}

}  // namespace mamori::web
