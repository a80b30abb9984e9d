// Sign-in with a one-time code for privileged roles, sign-out, the language
// switch, and the user's own account page (password, API tokens).
#include <charconv>

#include <fmt/format.h>

#include "auth/crypto.h"
#include "auth/messages.h"
#include "http/url.h"
#include "web/auth_bridge.h"
#include "web/handlers.h"
#include "web/history_view.h"
#include "web/request_state.h"

namespace mamori::web {

namespace {

http::CookieOptions SessionCookie(const WebApp& app, const Ctx& ctx) {
  http::CookieOptions o;
  o.http_only = true;
  o.secure = app.options().secure_cookies || ctx.req.secure;
  o.same_site = "Lax";  // links from mail still open signed in; state changes need the CSRF token
  return o;
}

// Only a local path may follow sign-in (no open redirect to another site).
std::string SafeNext(std::string_view next) {
  if (next.empty() || next[0] != '/' || next.starts_with("//") || next.starts_with("/\\")) return "/";
  if (next.starts_with("/login")) return "/";
  return std::string(next);
}

http::Response LoginPage(WebApp& app, Ctx& ctx, std::string_view error, std::string_view login, int status = 200) {
  Data d;
  // Double-submit token for the form (no session yet).
  std::string token = ctx.req.Cookie(kLoginCsrfCookie).value_or("");
  if (token.empty()) token = auth::RandomToken(24);
  d.set("csrf", token);
  d.set("next", SafeNext(ctx.req.Query("next").value_or(ctx.req.Form("next").value_or("/"))));
  d.set("login", std::string(login));
  if (!error.empty()) d.set("error", std::string(error));
  auto r = app.Page(ctx, "login", d, T(ctx.lang, "login.title"), Nav::kNone);
  r.status = status;
  auto o = SessionCookie(app, ctx);
  r.SetCookie(kLoginCsrfCookie, token, o);
  return r;
}

}  // namespace

http::Response LoginForm(WebApp& app, Ctx& ctx) {
  if (ctx.user) return http::Response::Redirect("/");
  return LoginPage(app, ctx, {}, {});
}

http::Response LoginSubmit(WebApp& app, Ctx& ctx) {
  const auto login = ctx.req.Form("login").value_or("");
  const auto password = ctx.req.Form("password").value_or("");
  auto step = app.auth().SignIn(login, password, ctx.req.remote_address);
  if (!step) return LoginPage(app, ctx, AuthMessage(step.error(), ctx.lang), login, 401);
  const std::string next = SafeNext(ctx.req.Form("next").value_or("/"));
  std::string location = next;
  if (step->stage == auth::SignInStage::kNeedsTotp) location = "/login/totp?next=" + http::UrlEncode(next);
  if (step->stage == auth::SignInStage::kNeedsEnrolment) location = "/login/enrol?next=" + http::UrlEncode(next);
  auto r = http::Response::Redirect(location);
  // A new token at every sign-in (no session fixation); the login form's token is spent.
  r.SetCookie(kSessionCookie, step->token, SessionCookie(app, ctx));
  r.ClearCookie(kLoginCsrfCookie, SessionCookie(app, ctx));
  return r;
}

namespace {
const auth::SessionInfo& PendingSession(Ctx& ctx) {
  return *std::any_cast<RequestState>(&ctx.req.context)->session;
}

// The TOTP or enrolment page again after a refused code (401).
http::Response RefusedCode(WebApp& app, Ctx& ctx, std::string_view page, std::string_view title_key,
                           const Error& error, bool retry) {
  Data d;
  d.set("csrf", PendingSession(ctx).csrf_token);
  d.set("next", SafeNext(ctx.req.Form("next").value_or("/")));
  d.set("error", AuthMessage(error, ctx.lang));
  if (retry) d.set("retry", true);
  auto r = app.Page(ctx, page, d, T(ctx.lang, title_key), Nav::kNone);
  r.status = 401;
  return r;
}
}  // namespace

http::Response TotpForm(WebApp& app, Ctx& ctx) {
  if (PendingSession(ctx).needs_enrolment)
    return http::Response::Redirect("/login/enrol?next=" + http::UrlEncode(ctx.req.Query("next").value_or("/")));
  Data d;
  d.set("csrf", PendingSession(ctx).csrf_token);
  d.set("next", SafeNext(ctx.req.Query("next").value_or("/")));
  return app.Page(ctx, "totp", d, T(ctx.lang, "totp.title"), Nav::kNone);
}

http::Response TotpSubmit(WebApp& app, Ctx& ctx) {
  const auto& session = PendingSession(ctx);
  auto ok = app.auth().VerifyTotp(session, ctx.req.Form("code").value_or(""), ctx.req.remote_address);
  if (!ok) return RefusedCode(app, ctx, "totp", "totp.title", ok.error(), /*retry=*/false);
  return http::Response::Redirect(SafeNext(ctx.req.Form("next").value_or("/")));
}

http::Response EnrolForm(WebApp& app, Ctx& ctx) {
  const auto& session = PendingSession(ctx);
  auto enrolment = app.auth().StartEnrolment(session);
  if (!enrolment) return app.ErrorPage(ctx, 409, AuthMessage(enrolment.error(), ctx.lang));
  Data d;
  d.set("csrf", session.csrf_token);
  d.set("next", SafeNext(ctx.req.Query("next").value_or("/")));
  d.set("qr", enrolment->qr_svg);
  d.set("secret", enrolment->secret);
  d.set("uri", enrolment->uri);
  return app.Page(ctx, "enrol", d, T(ctx.lang, "enrol.title"), Nav::kNone);
}

http::Response EnrolSubmit(WebApp& app, Ctx& ctx) {
  const auto& session = PendingSession(ctx);
  auto ok = app.auth().ConfirmEnrolment(session, ctx.req.Form("code").value_or(""), ctx.req.remote_address);
  // The key already scanned stays valid: no new one is made here (a new QR
  // code would silently invalidate the app). The page offers a new key instead.
  if (!ok) return RefusedCode(app, ctx, "enrol", "enrol.title", ok.error(), /*retry=*/true);
  return http::Response::Redirect(SafeNext(ctx.req.Form("next").value_or("/")));
}

http::Response Logout(WebApp& app, Ctx& ctx) {
  if (!ctx.session_token.empty()) (void)app.auth().SignOut(ctx.session_token, ctx.req.remote_address);
  auto r = http::Response::Redirect("/login");
  r.ClearCookie(kSessionCookie, SessionCookie(app, ctx));
  return r;
}

http::Response SwitchLanguage(WebApp& app, Ctx& ctx) {
  const std::string lang = ctx.req.params["lang"] == "en" ? "en" : "ja";
  auto r = http::Response::Redirect(SafeNext(ctx.req.Query("back").value_or("/")));
  http::CookieOptions o;
  o.http_only = true;
  o.secure = app.options().secure_cookies || ctx.req.secure;
  o.max_age_seconds = 365L * 24 * 3600;
  r.SetCookie(kLangCookie, lang, o);
  return r;
}

namespace {

http::Response ShowAccount(WebApp& app, Ctx& ctx, std::string_view notice, std::string_view error,
                           std::string_view new_token, int status = 200) {
  Data d;
  d.set("csrf", ctx.user->csrf);
  d.set("login", ctx.user->login);
  d.set("name", ctx.user->display_name);
  d.set("role", ctx.user->role ? std::string(reg::RoleLabel(*ctx.user->role, English(ctx.lang))) : std::string());
  d.set("department", ctx.user->department);
  d.set("person_number", ctx.user->person_number);
  if (!notice.empty()) d.set("notice", std::string(notice));
  if (!error.empty()) d.set("error", std::string(error));
  if (!new_token.empty()) d.set("new_token", std::string(new_token));
  Data tokens = List();
  if (auto list = app.auth().ListApiTokens(ctx.user->account_id))
    for (const auto& t : *list) {
      Data x;
      x.set("id", std::to_string(t.id));
      x.set("name", t.name);
      x.set("created", DisplayTime(t.created_at, ctx.lang));
      x.set("last_used", t.last_used_at.empty() ? std::string("—") : DisplayTime(t.last_used_at, ctx.lang));
      if (t.revoked) x.set("revoked", true);
      tokens.push_back(x);
    }
  d.set("tokens", tokens);
  auto r = app.Page(ctx, "account", d, T(ctx.lang, "account.title"), Nav::kNone);
  r.status = status;
  return r;
}

}  // namespace

http::Response AccountPage(WebApp& app, Ctx& ctx) { return ShowAccount(app, ctx, {}, {}, {}); }

http::Response IssueToken(WebApp& app, Ctx& ctx) {
  auto name = ctx.req.Form("name").value_or("");
  if (name.empty()) name = "API";
  auto issued = app.auth().IssueApiToken(ctx.user->account_id, name, ctx.user->login);
  if (!issued) return ShowAccount(app, ctx, {}, AuthMessage(issued.error(), ctx.lang), {}, 422);
  return ShowAccount(app, ctx, T(ctx.lang, "account.token_issued"), {}, issued->token);
}

http::Response RevokeToken(WebApp& app, Ctx& ctx) {
  std::int64_t id = 0;
  const auto& s = ctx.req.params["id"];
  std::from_chars(s.data(), s.data() + s.size(), id);
  // Only one's own tokens.
  bool own = false;
  if (auto list = app.auth().ListApiTokens(ctx.user->account_id))
    for (const auto& t : *list) own = own || t.id == id;
  if (!own) return app.ErrorPage(ctx, 404, T(ctx.lang, "error.not_found"));
  if (auto ok = app.auth().RevokeApiToken(id, ctx.user->login); !ok)
    return ShowAccount(app, ctx, {}, AuthMessage(ok.error(), ctx.lang), {}, 422);
  return ShowAccount(app, ctx, T(ctx.lang, "account.token_revoked"), {}, {});
}

http::Response ChangePassword(WebApp& app, Ctx& ctx) {
  const auto* state = std::any_cast<RequestState>(&ctx.req.context);
  auto ok = app.auth().ChangeOwnPassword(*state->session, ctx.req.Form("current").value_or(""),
                                         ctx.req.Form("new").value_or(""), ctx.req.remote_address);
  if (!ok) return ShowAccount(app, ctx, {}, AuthMessage(ok.error(), ctx.lang), {}, 422);
  return ShowAccount(app, ctx, T(ctx.lang, "account.password_changed"), {}, {});
}

}  // namespace mamori::web
