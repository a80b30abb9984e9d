#include "http/response.h"

#include <algorithm>

#include <fmt/format.h>

#include "http/header_value.h"
#include "http/url.h"

namespace mamori::http {
namespace {

Response WithType(std::string body, int status, const char* content_type) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  r.Set("Content-Type", content_type);
  return r;
}

bool IsAsciiAlnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// An ASCII-only stand-in for old clients: every non-ASCII character and every
// character unsafe in a quoted string becomes '_' (runs collapsed); a name left
// without letters or digits becomes "download" with the original extension.
std::string AsciiFallback(std::string_view utf8) {
  std::string out;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    const bool keep = c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '/' && c != ';' && c != '%';
    if (keep) {
      out.push_back(static_cast<char>(c));
    } else if (out.empty() || out.back() != '_') {
      out.push_back('_');
    }
    if (c >= 0xC0) {  // skip the continuation bytes of this character
      while (i + 1 < utf8.size() && (static_cast<unsigned char>(utf8[i + 1]) & 0xC0) == 0x80) ++i;
    }
  }
  const std::size_t dot = out.rfind('.');
  const std::string stem = out.substr(0, dot);
  const std::string extension = dot == std::string::npos ? "" : out.substr(dot);
  if (std::none_of(stem.begin(), stem.end(), IsAsciiAlnum)) {
    const bool extension_ok = extension.size() > 1 && std::all_of(extension.begin() + 1, extension.end(), IsAsciiAlnum);
    return extension_ok ? "download" + extension : "download";
  }
  return out;
}

}  // namespace

void Response::Set(std::string name, std::string value) {
  std::erase_if(headers, [&](const auto& h) { return EqualsIgnoreCase(h.first, name); });
  headers.emplace_back(std::move(name), std::move(value));
}

void Response::Add(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }

std::string_view Response::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (EqualsIgnoreCase(key, name)) return value;
  }
  return {};
}

void Response::SetCookie(std::string_view name, std::string_view value, const CookieOptions& options) {
  Add("Set-Cookie", FormatSetCookie(name, value, options));
}

void Response::ClearCookie(std::string_view name, const CookieOptions& options) {
  CookieOptions expired = options;
  expired.max_age_seconds = 0;
  Add("Set-Cookie", FormatSetCookie(name, "", expired));
}

Response Response::Html(std::string body, int status) {
  return WithType(std::move(body), status, "text/html; charset=utf-8");
}

Response Response::Json(std::string body, int status) { return WithType(std::move(body), status, "application/json"); }

Response Response::Text(std::string body, int status) {
  return WithType(std::move(body), status, "text/plain; charset=utf-8");
}

Response Response::Redirect(std::string location, int status) {
  Response r;
  r.status = status;
  r.Set("Location", std::move(location));
  return r;
}

std::string AttachmentDisposition(std::string_view filename_utf8) {
  const std::string valid = ReplaceInvalidUtf8(filename_utf8);
  return fmt::format("attachment; filename=\"{}\"; filename*=UTF-8''{}", AsciiFallback(valid), UrlEncode(valid));
}

Response Response::Download(std::string body, std::string content_type, std::string filename_utf8) {
  Response r;
  r.body = std::move(body);
  r.Set("Content-Type", std::move(content_type));
  r.Set("Content-Disposition", AttachmentDisposition(filename_utf8));
  r.Set("X-Content-Type-Options", "nosniff");
  return r;
}

}  // namespace mamori::http
