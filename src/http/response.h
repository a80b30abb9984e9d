// A response as the application builds it. The server adds Date and
// Content-Length, and honours "Connection: close".
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/cookie.h"

namespace mamori::http {

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  void Set(std::string name, std::string value);  // replaces every header of that name (case-insensitive)
  void Add(std::string name, std::string value);  // appends (Set-Cookie may repeat)
  // The first value of a header (case-insensitive name); "" when absent.
  [[nodiscard]] std::string_view Header(std::string_view name) const;
  void SetCookie(std::string_view name, std::string_view value, const CookieOptions& options = {});
  // An empty value with Max-Age=0; path (and domain-less scope) must match the one set.
  void ClearCookie(std::string_view name, const CookieOptions& options = {});

  static Response Html(std::string body, int status = 200);  // text/html; charset=utf-8
  static Response Json(std::string body, int status = 200);  // application/json
  static Response Text(std::string body, int status = 200);  // text/plain; charset=utf-8
  static Response Redirect(std::string location, int status = 303);
  // Content-Disposition: attachment; filename="ASCII fallback"; filename*=UTF-8''… (RFC 6266/5987).
  static Response Download(std::string body, std::string content_type, std::string filename_utf8);
};

// The Content-Disposition value Download uses (exposed for tests and other callers).
std::string AttachmentDisposition(std::string_view filename_utf8);

}  // namespace mamori::http
