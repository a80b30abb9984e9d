#include "http/router.h"

#include <algorithm>
#include <array>
#include <exception>
#include <stdexcept>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "http/messages.h"
#include "http/url.h"

namespace mamori::http {
namespace {

std::vector<std::string_view> SplitSegments(std::string_view path) {
  std::vector<std::string_view> out;
  if (path.starts_with('/')) path.remove_prefix(1);
  if (path.empty()) return out;
  std::size_t pos = 0;
  for (;;) {
    const std::size_t slash = path.find('/', pos);
    out.push_back(path.substr(pos, slash == std::string_view::npos ? std::string_view::npos : slash - pos));
    if (slash == std::string_view::npos) break;
    pos = slash + 1;
  }
  return out;
}

// The request's path segments, decoded one by one so that "%2F" stays inside its segment.
std::vector<std::string> RequestSegments(const Request& request) {
  std::vector<std::string> out;
  const std::string_view raw = TargetPath(request.target);
  if (!request.target.empty() && raw.starts_with('/') && PathDecode(raw) == request.path) {
    for (const auto segment : SplitSegments(raw)) out.push_back(ReplaceInvalidUtf8(PathDecode(segment)));
  } else {  // built by hand (tests) or rewritten by middleware: trust path
    for (const auto segment : SplitSegments(request.path)) out.push_back(ReplaceInvalidUtf8(segment));
  }
  return out;
}

std::string AllowHeader(std::vector<Method> methods) {
  if (std::find(methods.begin(), methods.end(), Method::kGet) != methods.end()) methods.push_back(Method::kHead);
  std::sort(methods.begin(), methods.end());
  methods.erase(std::unique(methods.begin(), methods.end()), methods.end());
  std::string out;
  for (const Method m : methods) {
    if (m == Method::kOther) continue;
    if (!out.empty()) out += ", ";
    out += MethodName(m);
  }
  return out;
}

Response Guarded(const Handler& handler, Request& request, std::string_view what) {
  try {
    return handler(request);
  } catch (const std::exception& e) {
    spdlog::error("http: {} {} で例外: {}", MethodName(request.method), what, e.what());
  } catch (...) {
    spdlog::error("http: {} {} で不明な例外", MethodName(request.method), what);
  }
  return StatusResponse(500);
}

}  // namespace

void Router::Add(Method method, std::string pattern, Handler handler) {
  if (!pattern.starts_with('/')) throw std::invalid_argument("route pattern must start with '/': " + pattern);
  Route route{method, pattern, {}, std::move(handler)};
  const auto parts = SplitSegments(pattern);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string_view part = parts[i];
    if (part.starts_with('{')) {
      if (!part.ends_with('}') || part.size() < 3) throw std::invalid_argument("malformed route parameter: " + pattern);
      std::string_view name = part.substr(1, part.size() - 2);
      if (name.ends_with('*')) {
        name.remove_suffix(1);
        if (i + 1 != parts.size() || name.empty()) {
          throw std::invalid_argument("{name*} must be the last segment: " + pattern);
        }
        route.segments.push_back({SegmentKind::kRest, std::string(name)});
      } else {
        route.segments.push_back({SegmentKind::kParam, std::string(name)});
      }
    } else {
      if (part.find_first_of("{}") != std::string_view::npos) {
        throw std::invalid_argument("a parameter must be a whole segment: " + pattern);
      }
      route.segments.push_back({SegmentKind::kLiteral, std::string(part)});
    }
  }
  routes_.push_back(std::move(route));
}

void Router::Use(Middleware m) { middleware_.push_back(std::move(m)); }

void Router::SetNotFound(Handler h) { not_found_ = std::move(h); }

bool Router::Matches(const Route& route, const std::vector<std::string>& segments,
                     std::unordered_map<std::string, std::string>& params) {
  params.clear();
  std::size_t i = 0;
  for (const Segment& segment : route.segments) {
    if (segment.kind == SegmentKind::kRest) {
      std::string rest;
      for (std::size_t j = i; j < segments.size(); ++j) {
        if (j > i) rest += '/';
        rest += segments[j];
      }
      params[segment.text] = std::move(rest);
      return true;
    }
    if (i >= segments.size()) return false;
    if (segment.kind == SegmentKind::kLiteral && segments[i] != segment.text) return false;
    if (segment.kind == SegmentKind::kParam) {
      if (segments[i].empty()) return false;
      params[segment.text] = segments[i];
    }
    ++i;
  }
  return i == segments.size();
}

Response Router::RunChain(std::size_t index, Request& request, const Handler& last) const {
  if (index == middleware_.size()) return last(request);
  const Handler next = [this, index, &last](Request& r) { return RunChain(index + 1, r, last); };
  return middleware_[index](request, next);
}

Response Router::Dispatch(Request& request) const {
  const auto segments = RequestSegments(request);
  std::vector<Method> allowed;
  const Route* best = nullptr;
  bool best_exact = false;
  std::unordered_map<std::string, std::string> params;
  std::unordered_map<std::string, std::string> best_params;
  auto rank = [](const Route& r) {
    std::vector<SegmentKind> kinds;
    for (const auto& s : r.segments) kinds.push_back(s.kind);
    return kinds;
  };
  for (const Route& route : routes_) {
    if (!Matches(route, segments, params)) continue;
    allowed.push_back(route.method);
    const bool exact = route.method == request.method;
    const bool via_get = request.method == Method::kHead && route.method == Method::kGet;
    if (!exact && !via_get) continue;
    // An explicit HEAD route beats GET; otherwise the most specific pattern wins.
    const bool better = best == nullptr || (exact && !best_exact) ||
                        (exact == best_exact && rank(route) < rank(*best));
    if (better) {
      best = &route;
      best_exact = exact;
      best_params = params;
    }
  }

  Handler last;
  std::string what;
  if (best != nullptr) {
    request.params = std::move(best_params);
    what = best->pattern;
    last = [best](Request& r) { return Guarded(best->handler, r, best->pattern); };
  } else if (!allowed.empty()) {
    what = "(405)";
    last = [allow = AllowHeader(allowed)](Request&) {
      Response r = StatusResponse(405);
      r.Set("Allow", allow);
      return r;
    };
  } else {
    what = "(404)";
    last = [this](Request& r) { return not_found_ ? Guarded(not_found_, r, "(404)") : StatusResponse(404); };
  }

  Response response = Guarded([&](Request& r) { return RunChain(0, r, last); }, request, what + " middleware");
  if (request.method == Method::kHead && !response.body.empty()) {
    if (response.Header("Content-Length").empty()) response.Set("Content-Length", std::to_string(response.body.size()));
    response.body.clear();
  }
  return response;
}

}  // namespace mamori::http
