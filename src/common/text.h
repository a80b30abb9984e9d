// Text at the edges: mamori is UTF-8 inside; files from Excel in Japan arrive in
// CP932 (Windows-31J). Conversion goes through ICU, never glibc iconv, which
// garbles NEC row 13 (①) and IBM extensions (髙).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace mamori::text {

enum class Encoding { kUtf8, kUtf8Bom, kCp932 };

const char* EncodingName(Encoding e);  // "UTF-8", "UTF-8 (BOM)", "CP932"

// Offset of the first byte that is not part of valid UTF-8, or npos.
std::size_t FindInvalidUtf8(std::string_view bytes);
inline bool IsValidUtf8(std::string_view bytes) {
  return FindInvalidUtf8(bytes) == std::string_view::npos;
}

// UTF-8 with a BOM, valid UTF-8, otherwise CP932 (what Excel writes in Japan).
Encoding DetectEncoding(std::string_view bytes);

// Bytes in `from` to UTF-8 (a UTF-8 BOM is dropped). An invalid sequence is an
// error naming its byte offset; nothing is replaced silently.
Result<std::string> ToUtf8(std::string_view bytes, Encoding from);

// UTF-8 to `to`. A character that CP932 cannot hold is an error naming it.
Result<std::string> FromUtf8(std::string_view utf8, Encoding to);

// For matching names typed by people: NFKC (full-width → half-width digits and
// letters, half-width kana → full-width), case folded, white space removed.
// "機密性 (C)" and "機密性（Ｃ）" give the same key.
std::string FoldKey(std::string_view utf8);

// NFKC only: full-width digits and letters to ASCII, nothing removed.
std::string Nfkc(std::string_view utf8);

std::string_view Trim(std::string_view s);  // ASCII and ideographic (U+3000) space
std::vector<std::string> Split(std::string_view s, char sep);

// Number of code points (for columns in error messages).
std::size_t CodePointCount(std::string_view utf8);

}  // namespace mamori::text
