// Every URL of the REST API, in one table (described by /api/v1/openapi.json).
#include "web/api/api.h"

#include <memory>

#include "web/api/api_handlers.h"
#include "web/web_app.h"

namespace mamori::web::api {

void RegisterApi(WebApp& app, http::Router& router) {
  router.Use(JsonErrors());

  const struct {
    http::Method method;
    const char* pattern;
    Access access;
    ApiFn fn;
  } routes[] = {
      {http::Method::kGet, "/api/v1/health", Access::kPublic, Health},
      {http::Method::kGet, "/api/v1/me", Access::kSignedIn, Me},
      {http::Method::kGet, "/api/v1/register/{kind}", Access::kSignedIn, ListRecords},
      {http::Method::kPost, "/api/v1/register/{kind}", Access::kSignedIn, CreateRecord},
      {http::Method::kGet, "/api/v1/register/{kind}/{number}", Access::kSignedIn, GetRecord},
      {http::Method::kPatch, "/api/v1/register/{kind}/{number}", Access::kSignedIn, PatchRecord},
      {http::Method::kDelete, "/api/v1/register/{kind}/{number}", Access::kSignedIn, DeleteRecord},
      {http::Method::kGet, "/api/v1/findings", Access::kSignedIn, ListFindings},
      {http::Method::kGet, "/api/v1/history", Access::kSignedIn, ListHistory},
      {http::Method::kGet, "/api/v1/net/alerts", Access::kSignedIn, ListAlerts},
      {http::Method::kPost, "/api/v1/net/alerts/{id}/status", Access::kSignedIn, SetAlertStatus},
  };
  for (const auto& route : routes) router.Add(route.method, route.pattern, Guard(app, route.access, route.fn));

  // Public, and the same for every request: built once from the field tables and the profile.
  auto document = std::make_shared<const std::string>(OpenApiDocument(app.profile(), app.Levels()));
  router.Get("/api/v1/openapi.json", [document](http::Request&) { return Json(*document); });
}

}  // namespace mamori::web::api
