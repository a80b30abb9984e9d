// A request as the application sees it: decoded path, lower-cased header names,
// helpers for query, form, multipart and cookies. No Beast types here.
#pragma once

#include <any>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/error.h"
#include "http/form.h"

namespace mamori::http {

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };

const char* MethodName(Method method);  // "GET" …, "OTHER"

struct Request {
  Method method = Method::kGet;
  std::string target;          // raw request-target
  std::string path;            // percent-decoded path without the query ("/register/assets")
  std::string query;           // raw query string (no '?')
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;
  std::string remote_address;  // "127.0.0.1"
  bool secure = false;         // arrived over TLS
  std::unordered_map<std::string, std::string> params;  // route parameters (decoded)
  std::any context;            // for the application (e.g. the signed-in user), set by middleware

  // The first value of a header; "" when absent.
  [[nodiscard]] std::string_view Header(std::string_view lower_name) const;
  // A cookie from the Cookie header(s), decoded.
  [[nodiscard]] std::optional<std::string> Cookie(std::string_view name) const;
  // Query parameters, decoded ('+' is a space) and valid UTF-8.
  [[nodiscard]] std::optional<std::string> Query(std::string_view name) const;
  [[nodiscard]] std::vector<std::pair<std::string, std::string>> QueryParams() const;
  // The body's fields when Content-Type is application/x-www-form-urlencoded; empty otherwise.
  [[nodiscard]] std::vector<std::pair<std::string, std::string>> FormParams() const;
  [[nodiscard]] std::optional<std::string> Form(std::string_view name) const;
  // The parts of a multipart/form-data body; errors say what and at which byte offset.
  [[nodiscard]] Result<std::vector<FormPart>> MultipartParts() const;

  // Sets target, path and query from a raw request-target ("/a%20b?x=1", or the
  // absolute form "http://host/a?x=1").
  void SetTarget(std::string raw_target);
};

// The raw (not decoded) path of a request-target: "/a%2Fb" of "/a%2Fb?x=1".
std::string_view TargetPath(std::string_view target);

}  // namespace mamori::http
