// The few texts the HTTP layer itself shows to people (everything else comes
// from the web application's templates): one table, Japanese first.
#pragma once

#include <string_view>

#include "http/response.h"

namespace mamori::http {

// "見つかりません (404 Not Found)" and the like, for the status codes this layer produces.
std::string_view StatusMessage(int status);

// A plain-text response with StatusMessage(status) as its body.
Response StatusResponse(int status);

}  // namespace mamori::http
