// mamori's HTTP layer in one include, for the web application:
// Request/Response, Router and middleware, Server, StaticAssets and the text helpers.
#pragma once

#include "http/cookie.h"
#include "http/form.h"
#include "http/request.h"
#include "http/response.h"
#include "http/router.h"
#include "http/server.h"
#include "http/static_assets.h"
#include "http/url.h"
