#include "http/request.h"

#include "http/cookie.h"
#include "http/header_value.h"
#include "http/url.h"

namespace mamori::http {

const char* MethodName(Method method) {
  switch (method) {
    case Method::kGet: return "GET";
    case Method::kHead: return "HEAD";
    case Method::kPost: return "POST";
    case Method::kPut: return "PUT";
    case Method::kPatch: return "PATCH";
    case Method::kDelete: return "DELETE";
    case Method::kOptions: return "OPTIONS";
    case Method::kOther: return "OTHER";
  }
  return "OTHER";
}

std::string_view Request::Header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_name) return value;
  }
  return {};
}

std::optional<std::string> Request::Cookie(std::string_view name) const {
  for (const auto& [header, value] : headers) {
    if (header != "cookie") continue;
    if (auto found = FindCookie(value, name)) return found;
  }
  return std::nullopt;
}

std::optional<std::string> Request::Query(std::string_view name) const {
  for (auto& [key, value] : QueryParams()) {
    if (key == name) return std::move(value);
  }
  return std::nullopt;
}

std::vector<std::pair<std::string, std::string>> Request::QueryParams() const { return ParseUrlEncoded(query); }

std::vector<std::pair<std::string, std::string>> Request::FormParams() const {
  if (ParseHeaderValue(Header("content-type")).value != "application/x-www-form-urlencoded") return {};
  return ParseUrlEncoded(body);
}

std::optional<std::string> Request::Form(std::string_view name) const {
  for (auto& [key, value] : FormParams()) {
    if (key == name) return std::move(value);
  }
  return std::nullopt;
}

Result<std::vector<FormPart>> Request::MultipartParts() const {
  return ParseMultipartBody(Header("content-type"), body);
}

std::string_view TargetPath(std::string_view target) {
  // Absolute form (RFC 7230 §5.3.2): drop scheme and authority.
  if (const std::size_t scheme = target.find("://"); scheme != std::string_view::npos && !target.starts_with("/")) {
    target.remove_prefix(scheme + 3);
    const std::size_t slash = target.find_first_of("/?#");
    if (slash == std::string_view::npos || target[slash] != '/') return "/";
    target.remove_prefix(slash);
  }
  return target.substr(0, target.find_first_of("?#"));
}

void Request::SetTarget(std::string raw_target) {
  target = std::move(raw_target);
  const std::string_view raw_path = TargetPath(target);
  path = PathDecode(raw_path);
  if (path.empty()) path = "/";
  query.clear();
  const std::size_t mark = target.find('?');
  if (mark != std::string::npos && target.find('#') > mark) {
    query = target.substr(mark + 1);
    if (const std::size_t hash = query.find('#'); hash != std::string::npos) query.resize(hash);
  }
}

}  // namespace mamori::http
