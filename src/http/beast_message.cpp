#include "http/beast_message.h"

#include <charconv>
#include <chrono>

#include <spdlog/spdlog.h>

#include "http/cookie.h"
#include "http/header_value.h"
#include "http/http_date.h"
#include "http/messages.h"

namespace mamori::http::detail {
namespace http = boost::beast::http;
namespace {

Method ToMethod(http::verb verb) {
  switch (verb) {
    case http::verb::get: return Method::kGet;
    case http::verb::head: return Method::kHead;
    case http::verb::post: return Method::kPost;
    case http::verb::put: return Method::kPut;
    case http::verb::patch: return Method::kPatch;
    case http::verb::delete_: return Method::kDelete;
    case http::verb::options: return Method::kOptions;
    default: return Method::kOther;
  }
}

bool IsSafeValue(std::string_view value) {
  for (const char c : value) {
    if (c == '\r' || c == '\n' || c == '\0') return false;
  }
  return true;
}

// Headers the server writes itself.
bool IsFraming(std::string_view name) {
  return EqualsIgnoreCase(name, "content-length") || EqualsIgnoreCase(name, "transfer-encoding") ||
         EqualsIgnoreCase(name, "connection");
}

}  // namespace

Request ToRequest(BeastRequest& message, std::string remote_address, bool secure) {
  Request request;
  request.method = ToMethod(message.method());
  request.SetTarget(std::string(message.target()));
  request.headers.reserve(static_cast<std::size_t>(std::distance(message.begin(), message.end())));
  for (const auto& field : message) {
    request.headers.emplace_back(ToLower(field.name_string()), std::string(field.value()));
  }
  request.body = std::move(message.body());
  request.remote_address = std::move(remote_address);
  request.secure = secure;
  return request;
}

BeastResponse ToBeast(Response response, unsigned version, bool keep_alive, bool head_request) {
  int status = response.status;
  if (status < 200 || status > 599) {
    spdlog::error("http: ハンドラーが使えないステータス {} を返しました", status);
    response = StatusResponse(500);
    status = 500;
  }
  BeastResponse out;
  out.result(static_cast<unsigned>(status));
  out.version(version);
  std::string_view head_length;
  for (const auto& [name, value] : response.headers) {
    if (!IsToken(name) || !IsSafeValue(value)) {
      spdlog::error("http: 不正なヘッダー {} を送信しませんでした", IsToken(name) ? name : std::string("(名前が不正)"));
      continue;
    }
    if (EqualsIgnoreCase(name, "content-length")) head_length = value;
    if (IsFraming(name)) continue;
    out.insert(name, value);
  }
  if (out.find(http::field::date) == out.end()) out.set(http::field::date, HttpDate(std::chrono::system_clock::now()));
  if (out.find("X-Content-Type-Options") == out.end()) out.set("X-Content-Type-Options", "nosniff");
  out.keep_alive(keep_alive);

  const bool no_body = status == 204 || status == 304;
  if (no_body) return out;
  if (head_request) {
    std::uint64_t length = response.body.size();
    if (response.body.empty() && !head_length.empty()) {
      std::uint64_t parsed = 0;
      const auto [end, ec] = std::from_chars(head_length.data(), head_length.data() + head_length.size(), parsed);
      if (ec == std::errc() && end == head_length.data() + head_length.size()) length = parsed;
    }
    out.content_length(length);  // the body stays empty: only the header is sent
    return out;
  }
  out.body() = std::move(response.body);
  out.prepare_payload();
  return out;
}

}  // namespace mamori::http::detail
