#include "http/static_assets.h"

#include <array>
#include <stdexcept>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>
#include <sodium.h>

#include "http/header_value.h"
#include "http/messages.h"

namespace mamori::http {
namespace {

constexpr std::string_view kCacheForever = "public, max-age=31536000, immutable";

std::string HexHash(std::string_view data, std::size_t bytes) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  std::array<unsigned char, crypto_generichash_BYTES> hash{};
  crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(data.data()), data.size(),
                     nullptr, 0);
  std::string out;
  for (std::size_t i = 0; i < bytes && i < hash.size(); ++i) out += fmt::format("{:02x}", hash[i]);
  return out;
}

// "htmx.min.js" + "1a2b3c4d" → "htmx.min.1a2b3c4d.js" (before the last extension of the last segment).
std::string HashedName(std::string_view name, std::string_view hash8) {
  const std::size_t slash = name.rfind('/');
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash) ||
      dot == (slash == std::string_view::npos ? 0 : slash + 1)) {
    return fmt::format("{}.{}", name, hash8);
  }
  return fmt::format("{}.{}{}", name.substr(0, dot), hash8, name.substr(dot));
}

// If-None-Match: "*" or a list of (possibly weak) entity tags; weak comparison (RFC 9110 §13.1.2).
bool MatchesEtag(std::string_view if_none_match, std::string_view etag) {
  std::size_t pos = 0;
  while (pos < if_none_match.size()) {
    std::size_t end = if_none_match.find(',', pos);
    if (end == std::string_view::npos) end = if_none_match.size();
    std::string_view tag = TrimSpace(if_none_match.substr(pos, end - pos));
    if (tag == "*") return true;
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == etag) return true;
    pos = end + 1;
  }
  return false;
}

}  // namespace

std::string ContentHash8(std::string_view data) { return HexHash(data, 4); }

std::string_view ContentTypeFor(std::string_view filename) {
  static const std::unordered_map<std::string_view, std::string_view> kTypes = {
      {"js", "text/javascript; charset=utf-8"},
      {"mjs", "text/javascript; charset=utf-8"},
      {"css", "text/css; charset=utf-8"},
      {"svg", "image/svg+xml"},
      {"png", "image/png"},
      {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},
      {"gif", "image/gif"},
      {"webp", "image/webp"},
      {"woff2", "font/woff2"},
      {"woff", "font/woff"},
      {"ttf", "font/ttf"},
      {"otf", "font/otf"},
      {"ico", "image/x-icon"},
      {"json", "application/json"},
      {"map", "application/json"},
      {"txt", "text/plain; charset=utf-8"},
      {"html", "text/html; charset=utf-8"},
      {"wasm", "application/wasm"},
  };
  const std::size_t dot = filename.rfind('.');
  if (dot == std::string_view::npos) return "application/octet-stream";
  const auto it = kTypes.find(ToLower(filename.substr(dot + 1)));
  return it == kTypes.end() ? std::string_view("application/octet-stream") : it->second;
}

void StaticAssets::Add(std::string name, std::string_view data) {
  auto file = std::make_shared<File>();
  const std::string hash = HexHash(data, 16);
  file->url = "/static/" + HashedName(name, std::string_view(hash).substr(0, 8));
  file->etag = fmt::format("\"{}\"", hash);
  file->content_type = std::string(ContentTypeFor(name));
  file->data = std::string(data);
  by_name_[std::move(name)] = std::move(file);
}

std::string StaticAssets::Url(std::string_view name) const {
  const auto it = by_name_.find(name);
  if (it == by_name_.end()) throw std::out_of_range("unknown static asset: " + std::string(name));
  return it->second->url;
}

void StaticAssets::Mount(Router& router) const {
  auto by_url = std::make_shared<std::unordered_map<std::string, std::shared_ptr<const File>>>();
  for (const auto& [name, file] : by_name_) (*by_url)[file->url] = file;
  router.Get("/static/{path*}", [by_url](Request& request) {
    const auto it = by_url->find("/static/" + request.params["path"]);
    if (it == by_url->end()) return StatusResponse(404);
    const File& file = *it->second;
    Response r;
    r.Set("ETag", file.etag);
    r.Set("Cache-Control", std::string(kCacheForever));
    if (MatchesEtag(request.Header("if-none-match"), file.etag)) {
      r.status = 304;
      return r;
    }
    r.Set("Content-Type", file.content_type);
    r.body = file.data;
    return r;
  });
}

}  // namespace mamori::http
