// http_form_fuzz: arbitrary bytes as a form body sent to the web application
// (src/http/form.cpp). The whole input goes to the urlencoded parser; for
// multipart, a first line (up to 70 bytes) is the boundary and the rest the body.
// Besides not crashing, checks what the application relies on: names, values
// and filenames are valid UTF-8, and what parsed writes back and parses again
// to the same fields. Built only in the fuzz preset (clang++-14, -fsanitize=fuzzer).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "common/text.h"
#include "http/form.h"
#include "http/header_value.h"
#include "http/url.h"

namespace {

using mamori::http::FormLimits;
using mamori::http::FormPart;

FormLimits FuzzLimits() {
  FormLimits limits;
  limits.max_fields = 1000;
  limits.max_part_header_bytes = 4096;
  return limits;
}

void Require(bool condition) {
  if (!condition) std::abort();
}

void CheckUrlEncoded(std::string_view bytes, const FormLimits& limits) {
  const auto pairs = mamori::http::ParseUrlEncoded(bytes, limits);
  Require(pairs.size() <= limits.max_fields);
  std::string again;
  for (const auto& [name, value] : pairs) {
    Require(mamori::text::IsValidUtf8(name) && mamori::text::IsValidUtf8(value));
    if (!again.empty()) again += '&';
    again += mamori::http::UrlEncode(name) + "=" + mamori::http::UrlEncode(value);
  }
  Require(mamori::http::ParseUrlEncoded(again, limits) == pairs);
}

// Quoted-string as the parser reads it back: \" and \\ escaped.
std::string Quote(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

bool ContainsAny(const std::vector<FormPart>& parts, std::string_view needle) {
  for (const auto& p : parts) {
    if (p.data.find(needle) != std::string::npos) return true;
  }
  return false;
}

// Writes the parts as a browser would and parses them again.
void CheckMultipartRoundTrip(const std::vector<FormPart>& parts, const FormLimits& limits) {
  std::string boundary = "mamori-round-trip";
  while (ContainsAny(parts, boundary)) boundary += 'x';
  if (boundary.size() > 70) return;
  std::string body;
  for (const auto& p : parts) {
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=" + Quote(p.name);
    if (!p.filename.empty()) body += "; filename=" + Quote(p.filename);
    body += "\r\n";
    if (!p.content_type.empty()) body += "Content-Type: " + p.content_type + "\r\n";
    body += "\r\n" + p.data + "\r\n";
  }
  body += "--" + boundary + "--\r\n";
  auto again = mamori::http::ParseMultipart(body, boundary, limits);
  Require(again.has_value());
  Require(again->size() == parts.size());
  for (std::size_t i = 0; i < parts.size(); ++i) {
    Require((*again)[i].name == parts[i].name);
    Require((*again)[i].filename == parts[i].filename);
    Require((*again)[i].content_type == parts[i].content_type);
    Require((*again)[i].data == parts[i].data);
  }
}

bool Writable(const FormPart& p) {
  // A header value that starts or ends with white space is trimmed when read, and
  // folding joins lines: such content types cannot make the round trip unchanged.
  const std::string_view type = p.content_type;
  return type == mamori::http::TrimSpace(type) && type.find('\r') == std::string_view::npos &&
         type.find('\n') == std::string_view::npos && p.name.find('\r') == std::string::npos &&
         p.filename.find('\r') == std::string::npos;
}

void CheckMultipart(std::string_view body, std::string_view boundary, const FormLimits& limits) {
  const auto parts = mamori::http::ParseMultipart(body, boundary, limits);
  if (!parts) {
    Require(parts.error().where.byte_offset.has_value());
    Require(*parts.error().where.byte_offset <= body.size());
    return;
  }
  Require(parts->size() <= limits.max_fields);
  bool writable = true;
  for (const auto& p : *parts) {
    Require(mamori::text::IsValidUtf8(p.name) && mamori::text::IsValidUtf8(p.filename));
    Require(p.filename.find_first_of("/\\") == std::string::npos);
    writable = writable && Writable(p);
  }
  if (writable) CheckMultipartRoundTrip(*parts, limits);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const FormLimits limits = FuzzLimits();
  CheckUrlEncoded(bytes, limits);

  std::string_view boundary = "b";
  std::string_view body = bytes;
  if (const std::size_t newline = bytes.find('\n'); newline != std::string_view::npos && newline <= 70) {
    boundary = bytes.substr(0, newline);
    body = bytes.substr(newline + 1);
  }
  CheckMultipart(body, boundary, limits);
  (void)mamori::http::ParseMultipartBody("multipart/form-data; boundary=\"" + std::string(boundary) + "\"", body, limits);
  (void)mamori::http::ParseHeaderValue(bytes.substr(0, 1024));
  return 0;
}
