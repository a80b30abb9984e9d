// The REST API /api/v1: JSON, token (or session) authentication, the same
// authorization and service layer as the screens; described by /api/v1/openapi.json.
#pragma once

#include "http/router.h"

namespace mamori::web {
class WebApp;
}

namespace mamori::web::api {

void RegisterApi(WebApp& app, http::Router& router);

}  // namespace mamori::web::api
