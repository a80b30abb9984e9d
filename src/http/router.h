// Routes: "/assets/{number}" (one segment), "/static/{path*}" (the rest of the
// path). Registered explicitly, in one table by the application; the most
// specific pattern wins (literal before {param} before {rest*}), then the first added.
#pragma once

#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "http/request.h"
#include "http/response.h"

namespace mamori::http {

using Handler = std::function<Response(Request&)>;
using Middleware = std::function<Response(Request&, const Handler& next)>;

class Router {
 public:
  // Throws std::invalid_argument for a malformed pattern (a programmer error).
  void Add(Method method, std::string pattern, Handler handler);
  void Get(std::string pattern, Handler h) { Add(Method::kGet, std::move(pattern), std::move(h)); }
  void Post(std::string pattern, Handler h) { Add(Method::kPost, std::move(pattern), std::move(h)); }
  void Put(std::string pattern, Handler h) { Add(Method::kPut, std::move(pattern), std::move(h)); }
  void Patch(std::string pattern, Handler h) { Add(Method::kPatch, std::move(pattern), std::move(h)); }
  void Delete(std::string pattern, Handler h) { Add(Method::kDelete, std::move(pattern), std::move(h)); }

  // Run in the order added, around every request (routed, 404 and 405 alike).
  void Use(Middleware m);
  void SetNotFound(Handler h);  // default: plain-text 404

  // 404 when no pattern matches the path, 405 with Allow when patterns match it
  // for other methods only; HEAD is served by GET without a body (Content-Length
  // kept). A handler or middleware that throws gives a 500 and is logged.
  [[nodiscard]] Response Dispatch(Request& request) const;

 private:
  enum class SegmentKind { kLiteral = 0, kParam = 1, kRest = 2 };
  struct Segment {
    SegmentKind kind;
    std::string text;  // the literal, or the parameter's name
  };
  struct Route {
    Method method;
    std::string pattern;
    std::vector<Segment> segments;
    Handler handler;
  };

  static bool Matches(const Route& route, const std::vector<std::string>& segments,
                      std::unordered_map<std::string, std::string>& params);
  Response RunChain(std::size_t index, Request& request, const Handler& last) const;

  std::vector<Route> routes_;
  std::vector<Middleware> middleware_;
  Handler not_found_;
};

}  // namespace mamori::http
