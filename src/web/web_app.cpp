#include "web/web_app.h"

#include <fmt/format.h>

#include "auth/crypto.h"
#include "http/url.h"
#include "web/auth_bridge.h"
#include "web/request_state.h"

#include "FrontEndFiles.h"

namespace mamori::web {

namespace {

constexpr std::string_view kCsp =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'";

bool Changes(http::Method m) {
  return m == http::Method::kPost || m == http::Method::kPut || m == http::Method::kPatch ||
         m == http::Method::kDelete;
}

}  // namespace

WebApp::WebApp(const policy::Profile& profile, StorePool& pool, auth::Authenticator& auth, WebOptions options)
    : profile_(profile),
      pool_(pool),
      auth_(auth),
      options_(std::move(options)),
      views_(assets_, LayoutInfo{profile.name_ja, profile.id}),
      findings_(profile_, pool_, options_.today) {
  for (const auto& f : FrontEndFiles()) assets_.Add(std::string(f.name), f.data);
}

WebApp::~WebApp() = default;

service::LevelCodes WebApp::Levels() const {
  return service::LevelCodes{profile_.AllLevelCodes(policy::Axis::kConfidentiality),
                             profile_.AllLevelCodes(policy::Axis::kIntegrity),
                             profile_.AllLevelCodes(policy::Axis::kAvailability)};
}

std::unique_ptr<service::RegisterService> WebApp::Service(store::Store& store, const Principal& user) const {
  return std::make_unique<service::RegisterService>(store, Levels(), user.login);
}

std::vector<reg::Department> WebApp::Departments() {
  std::lock_guard lock(departments_mutex_);
  if (!departments_) {
    std::vector<reg::Department> out;
    auto lease = pool_.Acquire();
    (void)lease->Scan(reg::EntityKind::kDepartment, [&](reg::Row&& row) -> Result<void> {
      if (auto d = reg::FromRow<reg::Department>(std::move(row))) out.push_back(std::move(*d));
      return {};
    });
    departments_ = std::move(out);
  }
  return *departments_;
}

void WebApp::RegisterChanged() {
  {
    std::lock_guard lock(departments_mutex_);
    departments_.reset();
  }
  {
    std::lock_guard lock(counts_mutex_);
    counts_.clear();
  }
  findings_.Invalidate();
}

std::optional<WebApp::CachedTotal> WebApp::CachedCount(const std::string& key) {
  std::lock_guard lock(counts_mutex_);
  auto it = counts_.find(key);
  if (it == counts_.end() || it->second.second < std::chrono::steady_clock::now()) return std::nullopt;
  return it->second.first;
}

void WebApp::RememberCount(const std::string& key, CachedTotal total) {
  std::lock_guard lock(counts_mutex_);
  if (counts_.size() > 10'000) counts_.clear();  // bounded: many distinct searches simply start over
  counts_[key] = {total, std::chrono::steady_clock::now() + kCountTtl};
}

std::string WebApp::KeepImport(PendingImport pending) {
  const std::string id = auth::RandomToken(16);
  pending.expires = std::chrono::steady_clock::now() + std::chrono::minutes(30);
  std::lock_guard lock(imports_mutex_);
  const auto now = std::chrono::steady_clock::now();
  std::erase_if(imports_, [&](const auto& kv) { return kv.second.expires < now; });
  imports_.emplace(id, std::move(pending));
  return id;
}

std::optional<WebApp::PendingImport> WebApp::TakeImport(std::string_view id, std::int64_t account_id, bool remove) {
  std::lock_guard lock(imports_mutex_);
  auto it = imports_.find(id);
  if (it == imports_.end() || it->second.account_id != account_id ||
      it->second.expires < std::chrono::steady_clock::now())
    return std::nullopt;
  auto out = it->second;
  if (remove) imports_.erase(it);
  return out;
}

http::Response WebApp::Page(Ctx& ctx, std::string_view name, const Data& data, std::string_view title, Nav nav) const {
  std::string path = ctx.req.path;
  if (!ctx.req.query.empty()) path += "?" + ctx.req.query;
  return http::Response::Html(
      views_.Page(ctx.lang, name, data, title, ctx.user ? &*ctx.user : nullptr, nav, http::UrlEncode(path)));
}

http::Response WebApp::ErrorPage(Ctx& ctx, int status, std::string_view message) const {
  Data d;
  d.set("status", std::to_string(status));
  d.set("message", std::string(message));
  auto r = Page(ctx, "error", d, T(ctx.lang, "error.title"), Nav::kNone);
  r.status = status;
  return r;
}

http::Router WebApp::BuildRouter() {
  http::Router router;
  assets_.Mount(router);

  // 1. Headers every response carries.
  router.Use([](http::Request& req, const http::Handler& next) {
    auto r = next(req);
    r.Set("X-Content-Type-Options", "nosniff");
    r.Set("Referrer-Policy", "same-origin");
    r.Set("X-Frame-Options", "DENY");
    if (r.Header("Content-Security-Policy").empty()) r.Set("Content-Security-Policy", std::string(kCsp));
    if (req.secure) r.Set("Strict-Transport-Security", "max-age=31536000");
    if (r.Header("Cache-Control").empty()) r.Set("Cache-Control", "no-store");
    return r;
  });

  // 2. Who is asking, in which language; CSRF on every state change.
  router.Use([this](http::Request& req, const http::Handler& next) {
    RequestState state;
    state.api = req.path.starts_with("/api/");
    if (auto lang = req.Cookie(kLangCookie); lang && *lang == "en") state.lang = Lang::kEn;
    if (state.api && req.Query("lang") == std::optional<std::string>("en")) state.lang = Lang::kEn;
    ResolveRequest(auth_, req, state);
    // The API authenticated by a bearer token carries no ambient authority: no CSRF check.
    // A browser session calling the API does, and is checked like a form.
    if (Changes(req.method) && !(state.api && !state.session)) {
      bool ok = false;
      if (state.session) {
        std::string token(req.Header("x-csrf-token"));
        if (token.empty()) token = req.Form("csrf").value_or("");
        if (token.empty() && req.Header("content-type").starts_with("multipart/form-data"))
          if (auto parts = req.MultipartParts())
            for (const auto& p : *parts)
              if (p.name == "csrf") token = p.data;
        ok = CheckCsrf(state, token);
      } else {
        // Before sign-in: the login form's double-submit cookie.
        auto cookie = req.Cookie(kLoginCsrfCookie);
        auto field = req.Form("csrf");
        ok = cookie && field && !cookie->empty() && *cookie == *field;
      }
      if (!ok && state.api)
        return http::Response::Json(R"({"error":{"code":"csrf","message":"CSRF token missing or wrong"}})", 403);
      if (!ok) {
        req.context = state;
        Ctx ctx{req, state.lang, state.user, state.session_token};
        return ErrorPage(ctx, 403, T(state.lang, "error.csrf"));
      }
    }
    req.context = std::move(state);
    return next(req);
  });

  router.SetNotFound([this](http::Request& req) {
    const auto* state = std::any_cast<RequestState>(&req.context);
    Ctx ctx{req, state ? state->lang : Lang::kJa, state ? state->user : std::nullopt, {}};
    return ErrorPage(ctx, 404, T(ctx.lang, "error.not_found"));
  });

  AddRoutes(router);
  return router;
}

}  // namespace mamori::web
