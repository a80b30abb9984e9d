#include "web/api/api.h"

#include "web/web_app.h"

namespace mamori::web::api {

void RegisterApi(WebApp& /*app*/, http::Router& router) {
  router.Get("/api/v1/health", [](http::Request&) { return http::Response::Json(R"({"status":"ok"})"); });
}

}  // namespace mamori::web::api
