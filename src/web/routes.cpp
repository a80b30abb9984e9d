// Every URL of mamori serve, in one table.
#include "http/url.h"
#include "web/api/api.h"
#include "web/handlers.h"
#include "web/request_state.h"

namespace mamori::web {

namespace {

enum class Access {
  kPublic,    // anyone, signed in or not (/policy, /login)
  kPending,   // a password accepted, the second factor still missing
  kSignedIn,  // fully signed in
  kAdmin,     // an administrator
};

using PageFn = http::Response (*)(WebApp&, Ctx&);

http::Handler Guard(WebApp& app, Access access, PageFn fn) {
  return [&app, access, fn](http::Request& req) {
    auto* state = std::any_cast<RequestState>(&req.context);
    RequestState empty;
    if (!state) state = &empty;
    Ctx ctx{req, state->lang, state->user, state->session_token};
    switch (access) {
      case Access::kPublic:
        break;
      case Access::kPending:
        if (!state->pending_second_factor) return http::Response::Redirect("/login");
        break;
      case Access::kSignedIn:
      case Access::kAdmin:
        if (!ctx.user) {
          if (state->pending_second_factor) return http::Response::Redirect("/login/totp");
          std::string next = req.path;
          if (!req.query.empty()) next += "?" + req.query;
          return http::Response::Redirect("/login?next=" + http::UrlEncode(next));
        }
        if (access == Access::kAdmin && !ctx.user->admin)
          return app.ErrorPage(ctx, 403, T(ctx.lang, "error.forbidden"));
        break;
    }
    return fn(app, ctx);
  };
}

}  // namespace

void WebApp::AddRoutes(http::Router& r) {
  auto& app = *this;
  const struct {
    http::Method method;
    const char* pattern;
    Access access;
    PageFn fn;
  } routes[] = {
      {http::Method::kGet, "/login", Access::kPublic, LoginForm},
      {http::Method::kPost, "/login", Access::kPublic, LoginSubmit},
      {http::Method::kGet, "/login/totp", Access::kPending, TotpForm},
      {http::Method::kPost, "/login/totp", Access::kPending, TotpSubmit},
      {http::Method::kGet, "/login/enrol", Access::kPending, EnrolForm},
      {http::Method::kPost, "/login/enrol", Access::kPending, EnrolSubmit},
      {http::Method::kPost, "/logout", Access::kPublic, Logout},
      {http::Method::kGet, "/lang/{lang}", Access::kPublic, SwitchLanguage},
      {http::Method::kGet, "/account", Access::kSignedIn, AccountPage},
      {http::Method::kPost, "/account/tokens", Access::kSignedIn, IssueToken},
      {http::Method::kPost, "/account/tokens/{id}/revoke", Access::kSignedIn, RevokeToken},
      {http::Method::kPost, "/account/password", Access::kSignedIn, ChangePassword},

      {http::Method::kGet, "/", Access::kSignedIn, DashboardPage},
      {http::Method::kGet, "/register/{kind}", Access::kSignedIn, RegisterList},
      {http::Method::kGet, "/register/{kind}/new", Access::kSignedIn, NewRecordForm},
      {http::Method::kPost, "/register/{kind}", Access::kSignedIn, CreateRecord},
      {http::Method::kGet, "/register/{kind}/{number}", Access::kSignedIn, RecordPage},
      {http::Method::kPost, "/register/{kind}/{number}", Access::kSignedIn, UpdateRecord},
      {http::Method::kPost, "/register/{kind}/{number}/delete", Access::kSignedIn, DeleteRecord},
      {http::Method::kGet, "/import", Access::kSignedIn, ImportForm},
      {http::Method::kPost, "/import/preview", Access::kSignedIn, ImportPreview},
      {http::Method::kPost, "/import/apply", Access::kSignedIn, ImportApply},
      {http::Method::kGet, "/export", Access::kSignedIn, Export},
      {http::Method::kGet, "/findings", Access::kSignedIn, FindingsPage},
      {http::Method::kGet, "/history", Access::kSignedIn, HistoryPage},
      {http::Method::kGet, "/network", Access::kSignedIn, NetworkPage},
      {http::Method::kPost, "/network/alerts/{id}/status", Access::kSignedIn, AlertStatus},

      {http::Method::kGet, "/policy", Access::kPublic, PolicyPage},
      {http::Method::kGet, "/policy/{document}", Access::kPublic, DocumentPage},

      {http::Method::kGet, "/admin/accounts", Access::kAdmin, AccountsPage},
      {http::Method::kPost, "/admin/accounts", Access::kAdmin, CreateAccount},
      {http::Method::kPost, "/admin/accounts/{id}/{action}", Access::kAdmin, AccountAction},
      {http::Method::kGet, "/admin/audit", Access::kSignedIn, AuditPage},
  };
  for (const auto& route : routes) r.Add(route.method, route.pattern, Guard(app, route.access, route.fn));
  api::RegisterApi(app, r);
}

}  // namespace mamori::web
