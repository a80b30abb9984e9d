#include "http/cookie.h"

#include <stdexcept>

#include <fmt/format.h>

#include "http/header_value.h"
#include "http/url.h"

namespace mamori::http {
namespace {

// RFC 6265 cookie-octet, minus '%' which we use for escaping.
bool IsCookieOctet(unsigned char c) {
  return c == 0x21 || (c >= 0x23 && c <= 0x2B && c != '%') || (c >= 0x2D && c <= 0x3A) ||
         (c >= 0x3C && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
}

std::string EncodeCookieValue(std::string_view value) { return PercentEncode(value, IsCookieOctet); }

bool IsSafeAttribute(std::string_view text) {
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F || c == ';') return false;
  }
  return true;
}

}  // namespace

bool IsToken(std::string_view text) {
  if (text.empty()) return false;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    const bool ok = (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') ||
                    std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
    if (!ok) return false;
  }
  return true;
}

std::optional<std::string> FindCookie(std::string_view header, std::string_view name) {
  std::size_t pos = 0;
  while (pos <= header.size()) {
    std::size_t end = header.find(';', pos);
    if (end == std::string_view::npos) end = header.size();
    const std::string_view pair = TrimSpace(header.substr(pos, end - pos));
    const std::size_t eq = pair.find('=');
    if (eq != std::string_view::npos && TrimSpace(pair.substr(0, eq)) == name) {
      std::string_view value = TrimSpace(pair.substr(eq + 1));
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
      return PathDecode(value);
    }
    pos = end + 1;
  }
  return std::nullopt;
}

std::string FormatSetCookie(std::string_view name, std::string_view value, const CookieOptions& options) {
  if (!IsToken(name)) throw std::invalid_argument(fmt::format("cookie name is not a token: \"{}\"", name));
  std::string out = fmt::format("{}={}", name, EncodeCookieValue(value));
  if (!options.path.empty() && IsSafeAttribute(options.path)) out += fmt::format("; Path={}", options.path);
  if (options.max_age_seconds) {
    out += fmt::format("; Max-Age={}", *options.max_age_seconds);
    if (*options.max_age_seconds <= 0) out += "; Expires=Thu, 01 Jan 1970 00:00:00 GMT";
  }
  if (options.http_only) out += "; HttpOnly";
  if (options.secure) out += "; Secure";
  if (!options.same_site.empty() && IsToken(options.same_site)) out += fmt::format("; SameSite={}", options.same_site);
  return out;
}

}  // namespace mamori::http
