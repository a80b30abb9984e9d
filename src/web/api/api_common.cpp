#include "web/api/api_common.h"

#include <charconv>

#include "http/header_value.h"
#include "web/api/api_json.h"
#include "web/api/api_messages.h"
#include "web/request_state.h"

namespace mamori::web::api {

http::Response Json(std::string body, int status) {
  http::Response r;
  r.status = status;
  r.body = std::move(body);
  r.Set("Content-Type", std::string(kJsonType));
  return r;
}

std::string_view CodeOf(int status) {
  switch (status) {
    case 400: return "bad_request";
    case 401: return "unauthorized";
    case 403: return "forbidden";
    case 404: return "not_found";
    case 405: return "method_not_allowed";
    case 408: return "timeout";
    case 409: return "conflict";
    case 413: return "too_large";
    case 415: return "unsupported_media_type";
    case 422: return "validation";
    case 431: return "headers_too_large";
    case 503: return "unavailable";
    default: return status >= 500 ? "internal" : "error";
  }
}

http::Response ErrorResponse(int status, std::string_view code, std::string_view message, const std::vector<Detail>& details) {
  std::string out = "{\"error\":{\"code\":";
  AppendString(out, code);
  out += ",\"message\":";
  AppendString(out, message);
  if (!details.empty()) {
    out += ",\"details\":[";
    for (std::size_t i = 0; i < details.size(); ++i) {
      if (i > 0) out.push_back(',');
      out += "{\"field\":";
      if (details[i].field.empty())
        out += "null";
      else
        AppendString(out, details[i].field);
      if (!details[i].label.empty()) {
        out += ",\"label\":";
        AppendString(out, details[i].label);
      }
      out += ",\"message\":";
      AppendString(out, details[i].message);
      out.push_back('}');
    }
    out.push_back(']');
  }
  out += "}}";
  return Json(std::move(out), status);
}

http::Response StatusError(int status, Lang lang) {
  const std::string key = "status." + std::to_string(status);
  std::string_view message = M(lang, key);
  if (message == key) message = M(lang, status >= 500 ? "status.500" : "status.400");
  return ErrorResponse(status, CodeOf(status), message);
}

namespace {

Lang LangOf(const http::Request& req) {
  const auto* state = std::any_cast<RequestState>(&req.context);
  return state ? state->lang : Lang::kJa;
}

http::Response Unauthorized(const http::Request& req, const RequestState& state) {
  const bool bearer = req.Header("authorization").starts_with("Bearer ");
  const char* key = bearer ? "auth.invalid" : state.pending_second_factor ? "auth.pending" : "auth.missing";
  auto r = ErrorResponse(401, "unauthorized", M(state.lang, key));
  r.Set("WWW-Authenticate", bearer ? R"(Bearer realm="mamori", error="invalid_token")" : R"(Bearer realm="mamori")");
  return r;
}

bool IsJson(const http::Response& r) { return r.Header("Content-Type").starts_with("application/json"); }

}  // namespace

http::Handler Guard(WebApp& app, Access access, ApiFn fn) {
  return [&app, access, fn](http::Request& req) {
    const auto* state = std::any_cast<RequestState>(&req.context);
    const RequestState empty;
    if (!state) state = &empty;
    ApiCtx ctx{req, state->lang, state->user ? &*state->user : nullptr};
    if (access == Access::kSignedIn && !ctx.user) return Unauthorized(req, *state);
    return fn(app, ctx);
  };
}

http::Middleware JsonErrors() {
  return [](http::Request& req, const http::Handler& next) {
    if (!req.path.starts_with("/api/")) return next(req);
    auto r = next(req);
    if (IsJson(r)) {
      if (r.Header("Content-Type") == "application/json") r.Set("Content-Type", std::string(kJsonType));
      return r;
    }
    if (r.status < 400) return r;
    auto json = StatusError(r.status, LangOf(req));
    for (const auto& [name, value] : r.headers)  // keep Allow, WWW-Authenticate …
      if (!http::EqualsIgnoreCase(name, "Content-Type") && !http::EqualsIgnoreCase(name, "Content-Length"))
        json.Add(name, value);
    return json;
  };
}

Checked<void> OnlyParams(const ApiCtx& ctx, std::initializer_list<std::string_view> allowed,
                         const std::function<bool(std::string_view)>& also) {
  for (const auto& [name, value] : ctx.req.QueryParams()) {
    if (name == "lang") continue;
    bool ok = false;
    for (auto a : allowed) ok = ok || a == name;
    if (!ok && also) ok = also(name);
    if (!ok) return tl::unexpected(ErrorResponse(400, "bad_request", MF(ctx.lang, "param.unknown", name)));
  }
  return {};
}

http::Response BadParam(const ApiCtx& ctx, std::string_view name, std::string_view why) {
  return ErrorResponse(400, "bad_request", MF(ctx.lang, "param.bad", name, why));
}

namespace {

std::optional<std::size_t> WholeNumber(std::string_view s) {
  std::size_t v = 0;
  if (s.empty()) return std::nullopt;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

Checked<Paging> PagingOf(const ApiCtx& ctx) {
  Paging p;
  if (auto s = ctx.req.Query("limit")) {
    auto v = WholeNumber(*s);
    if (!v) return tl::unexpected(BadParam(ctx, "limit", M(ctx.lang, "param.number")));
    p.limit = std::min(*v, kMaxLimit);
  }
  if (auto s = ctx.req.Query("offset")) {
    auto v = WholeNumber(*s);
    if (!v) return tl::unexpected(BadParam(ctx, "offset", M(ctx.lang, "param.number")));
    p.offset = std::min<std::size_t>(*v, 1'000'000'000);  // SQLite takes a signed 64-bit offset
  }
  return p;
}

}  // namespace mamori::web::api
