// Percent-encoding and HTML escaping: the small text helpers every page needs.
#pragma once

#include <string>
#include <string_view>

namespace mamori::http {

// Every byte except the unreserved characters (A-Z a-z 0-9 - . _ ~) becomes %XX
// (upper-case hex), so the result is safe in a path segment, a query value and
// an RFC 5987 filename*. "資産 台帳" → "%E8%B3%87%E7%94%A3%20%E5%8F%B0%E5%B8%B3".
std::string UrlEncode(std::string_view text);
// Every byte for which `keep` is false as %XX (upper-case hex); UrlEncode and
// cookie values are this with their own sets of bytes kept.
std::string PercentEncode(std::string_view text, bool (*keep)(unsigned char));

// Decodes a query or form component: %XX → byte, '+' → space. A '%' not
// followed by two hex digits is kept as it is. The bytes are returned as
// decoded (not checked for UTF-8; see DecodeUtf8Component).
std::string UrlDecode(std::string_view text);

// Decodes a path: %XX → byte, '+' stays '+'.
std::string PathDecode(std::string_view text);

// UrlDecode, then every invalid UTF-8 sequence replaced by U+FFFD, so that what
// reaches the application is always valid UTF-8.
std::string DecodeUtf8Component(std::string_view text);

// Invalid UTF-8 sequences replaced by U+FFFD (one per offending byte).
std::string ReplaceInvalidUtf8(std::string_view bytes);

// & < > " ' → entities; everything else unchanged.
std::string HtmlEscape(std::string_view text);

}  // namespace mamori::http
