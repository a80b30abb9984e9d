// Form bodies from browsers: application/x-www-form-urlencoded and
// multipart/form-data (RFC 7578). Hostile input: every parser has limits and a
// fuzz harness (fuzz/http_form_fuzz.cpp); malformed input is an Error with the
// byte offset where it was noticed, never a crash.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/error.h"

namespace mamori::http {

struct FormPart {
  std::string name;          // valid UTF-8
  std::string filename;      // valid UTF-8, directory part removed; "" for a plain field
  std::string content_type;  // as sent; "" when the part has none
  std::string data;          // the bytes, unchanged
};

struct FormLimits {
  std::size_t max_fields = 10'000;              // pairs or parts
  std::size_t max_part_header_bytes = 16 * 1024;  // the header block of one part
};

// "a=1&b=%E5%80%A4+x" → {a,1},{b,"値 x"}. '+' is a space; names and values are
// decoded and made valid UTF-8 (invalid bytes become U+FFFD). Empty pairs are
// skipped; pairs past limits.max_fields are dropped.
std::vector<std::pair<std::string, std::string>> ParseUrlEncoded(std::string_view body,
                                                                 const FormLimits& limits = {});

// The parts of a multipart body with the given boundary (without the leading "--").
Result<std::vector<FormPart>> ParseMultipart(std::string_view body, std::string_view boundary,
                                             const FormLimits& limits = {});

// The same, taking the boundary from a Content-Type header value; an error when
// it is not multipart/form-data or has no usable boundary.
Result<std::vector<FormPart>> ParseMultipartBody(std::string_view content_type, std::string_view body,
                                                 const FormLimits& limits = {});

}  // namespace mamori::http
