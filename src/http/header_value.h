// Header values with parameters, as in Content-Type and Content-Disposition:
//   multipart/form-data; boundary="----abc"
//   form-data; name="file"; filename="台帳.csv"; filename*=UTF-8''%E5%8F%B0%E5%B8%B3.csv
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mamori::http {

struct HeaderValue {
  std::string value;  // lower-cased, trimmed ("multipart/form-data")
  std::vector<std::pair<std::string, std::string>> params;  // names lower-cased, quotes removed
  // The first parameter with that (lower-case) name.
  [[nodiscard]] std::optional<std::string> Param(std::string_view lower_name) const;
};

// Never fails: what cannot be understood is skipped. In a quoted string, \" and
// \\ are unescaped and any other backslash is kept (browsers send Windows paths).
HeaderValue ParseHeaderValue(std::string_view text);

// An RFC 5987 ext-value (UTF-8''%E5%8F%B0…): the decoded bytes, or nothing when
// the charset is not UTF-8.
std::optional<std::string> DecodeExtValue(std::string_view text);

// ASCII lower case.
std::string ToLower(std::string_view text);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
std::string_view TrimSpace(std::string_view text);  // spaces and tabs

}  // namespace mamori::http
