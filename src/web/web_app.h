// mamori serve's application: every page and the REST API, wired as one
// routing table (routes.cpp) on the project's HTTP layer.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <memory>
#include <optional>
#include <string>

#include "auth/authenticator.h"
#include "http/router.h"
#include "http/static_assets.h"
#include "policy/profile.h"
#include "service/register_service.h"
#include "store/alerts.h"
#include "web/access.h"
#include "web/findings_cache.h"
#include "web/i18n.h"
#include "web/store_pool.h"
#include "web/views.h"

namespace mamori::web {

struct WebOptions {
  bool secure_cookies = false;            // Secure cookies (on when TLS is on)
  std::function<Date()> today = [] { return Date::Today(); };
  std::size_t import_limit_bytes = 32 * 1024 * 1024;
  store::AlertStore* alerts = nullptr;    // the traffic monitor's alerts (the network screen); none: not shown
};

// What a handler knows about the request it serves.
struct Ctx {
  http::Request& req;
  Lang lang = Lang::kJa;
  std::optional<Principal> user;  // signed in (with the second factor when required)
  std::string session_token;      // the cookie's token (also for a pending sign-in)
};

class WebApp {
 public:
  WebApp(const policy::Profile& profile, StorePool& pool, auth::Authenticator& auth, WebOptions options);
  ~WebApp();
  WebApp(const WebApp&) = delete;
  WebApp& operator=(const WebApp&) = delete;

  http::Router BuildRouter();
  FindingsCache& Findings() { return findings_; }

  // ---- shared by the handlers (pages_*.cpp, api_*.cpp) ----
  const policy::Profile& profile() const { return profile_; }
  StorePool& pool() { return pool_; }
  auth::Authenticator& auth() { return auth_; }
  const Views& views() const { return views_; }
  const WebOptions& options() const { return options_; }
  service::LevelCodes Levels() const;
  // The register service acting as this user, on a leased connection.
  std::unique_ptr<service::RegisterService> Service(store::Store& store, const Principal& user) const;
  // The departments table (for scoping), read once per change.
  std::vector<reg::Department> Departments();
  void RegisterChanged();  // after every write: findings, counts and cached tables are recomputed

  // Totals of list queries, kept for a few seconds (counting a department's
  // thousands of rows is the largest cost of a register page) and forgotten
  // at every change made here; a change from the CLI shows within kCountTtl.
  struct CachedTotal {
    std::int64_t total = 0;
    bool capped = false;
  };
  static constexpr std::chrono::seconds kCountTtl{10};
  std::optional<CachedTotal> CachedCount(const std::string& key);
  void RememberCount(const std::string& key, CachedTotal total);

  // An uploaded file between its preview and its application (kept in memory, 30 minutes).
  struct PendingImport {
    std::int64_t account_id = 0;
    std::string file_name;
    std::string bytes;
    std::string kind;  // the kind chosen, or empty: from the file
    std::chrono::steady_clock::time_point expires;
  };
  std::string KeepImport(PendingImport pending);  // returns a random id
  std::optional<PendingImport> TakeImport(std::string_view id, std::int64_t account_id, bool remove);

  http::Response Page(Ctx& ctx, std::string_view name, const Data& data, std::string_view title, Nav nav) const;
  http::Response ErrorPage(Ctx& ctx, int status, std::string_view message) const;

 private:
  void AddRoutes(http::Router& router);  // routes.cpp

  const policy::Profile& profile_;
  StorePool& pool_;
  auth::Authenticator& auth_;
  WebOptions options_;
  http::StaticAssets assets_;
  Views views_;
  FindingsCache findings_;
  std::mutex departments_mutex_;
  std::optional<std::vector<reg::Department>> departments_;
  std::mutex counts_mutex_;
  std::map<std::string, std::pair<CachedTotal, std::chrono::steady_clock::time_point>, std::less<>> counts_;
  std::mutex imports_mutex_;
  std::map<std::string, PendingImport, std::less<>> imports_;
};

}  // namespace mamori::web
