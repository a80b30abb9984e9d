// What every handler of /api/v1 shares: who is asking (the guard), JSON
// responses and errors, query parameters (paging, strictness).
#pragma once

#include <cstddef>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "common/error.h"
#include "http/request.h"
#include "http/response.h"
#include "http/router.h"
#include "web/access.h"
#include "web/i18n.h"

namespace mamori::web {
class WebApp;
}

namespace mamori::web::api {

inline constexpr std::string_view kJsonType = "application/json; charset=utf-8";
inline constexpr std::size_t kMaxBodyBytes = 1024 * 1024;  // a record is a few KiB
inline constexpr std::size_t kDefaultLimit = 50;
inline constexpr std::size_t kMaxLimit = 1000;
// Lists count matching records up to here ("total_capped" beyond). Counting is most of a
// list's cost: 1,000 rather than the screens' 10,000 halves the time of a 50-record page of a
// large department (p99 under wrk at 50 connections on 2 cores: ~60 ms → ~35 ms).
inline constexpr std::size_t kCountLimit = 1000;

// What a handler knows about the request it serves.
struct ApiCtx {
  http::Request& req;
  Lang lang = Lang::kJa;
  const Principal* user = nullptr;  // set for every endpoint but the public ones
};

using ApiFn = http::Response (*)(WebApp&, ApiCtx&);
enum class Access { kPublic, kSignedIn };

// 401 (JSON, WWW-Authenticate: Bearer) unless the request carries a valid
// bearer token or a fully signed-in session.
http::Handler Guard(WebApp& app, Access access, ApiFn fn);

// Turns every non-JSON error under /api/ (the router's 404/405/500 …) into a
// JSON error, and gives every JSON response its charset.
http::Middleware JsonErrors();

// ---- responses ----
http::Response Json(std::string body, int status = 200);

// One problem with one field of a record.
struct Detail {
  std::string field;    // the field key ("confidentiality"); empty when not about one field
  std::string label;    // the field's label in the request's language
  std::string message;
};

// {"error":{"code":…,"message":…,"details":[…]}}
http::Response ErrorResponse(int status, std::string_view code, std::string_view message,
                     const std::vector<Detail>& details = {});
// The error for `status` with the catalogue's sentence.
http::Response StatusError(int status, Lang lang);
std::string_view CodeOf(int status);  // 404 → "not_found" …

// ---- query parameters ----
template <typename T>
using Checked = tl::expected<T, http::Response>;

// 400 for any parameter not in `allowed` (nor accepted by `also`, when given).
Checked<void> OnlyParams(const ApiCtx& ctx, std::initializer_list<std::string_view> allowed,
                         const std::function<bool(std::string_view name)>& also = {});

struct Paging {
  std::size_t limit = kDefaultLimit;
  std::size_t offset = 0;
};
// limit (default 50, at most 1000) and offset: whole numbers, else 400.
Checked<Paging> PagingOf(const ApiCtx& ctx);

http::Response BadParam(const ApiCtx& ctx, std::string_view name, std::string_view why);

}  // namespace mamori::web::api
