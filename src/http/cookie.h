// Cookies (RFC 6265): reading the Cookie header, writing Set-Cookie.
//
// Values are percent-encoded when they are written (any byte that is not a
// cookie-octet, and '%') and decoded when they are read, so any string — a
// session token or a Japanese flash message — makes the round trip unchanged.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mamori::http {

struct CookieOptions {
  std::string path = "/";
  std::optional<long> max_age_seconds;  // none: a session cookie
  bool http_only = true;
  bool secure = false;
  std::string same_site = "Lax";  // "Strict", "Lax", "None" (needs secure) or "" to omit
};

// The value of cookie `name` in one Cookie header value ("a=1; b=2"), decoded.
std::optional<std::string> FindCookie(std::string_view cookie_header, std::string_view name);

// "name=value; Path=/; Max-Age=600; HttpOnly; Secure; SameSite=Lax".
// Throws std::invalid_argument when `name` is not an RFC 7230 token (names are
// constants in the program; a bad one is a programmer error).
std::string FormatSetCookie(std::string_view name, std::string_view value, const CookieOptions& options);

bool IsToken(std::string_view text);  // RFC 7230 tchar+

}  // namespace mamori::http
