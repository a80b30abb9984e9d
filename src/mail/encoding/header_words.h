// Header fields of Internet mail: decoding what Japanese mailers write and
// writing back what every reader understands.
//
//   - RFC 2047 encoded words (=?ISO-2022-JP?B?…?=, Q encoding), also where the
//     RFC forbids them but Japanese mailers put them: inside quoted strings
//     (display names, filename="=?…?="), split in the middle of a multibyte
//     character across adjacent words, without white space around them;
//     white space between adjacent encoded words is dropped.
//   - Undeclared 8-bit bytes in a header (raw Shift_JIS or UTF-8): guessed
//     and reported.
//   - RFC 2231 parameters (filename*=UTF-8''%E8%A6…, continuations name*0*,
//     name*1 …) in Content-Type and Content-Disposition.
// All text comes out as UTF-8 through charset.h (ICU). Limits: a header value
// over kMaxHeaderBytes is cut there and the cut is reported.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mamori::mail {

inline constexpr std::size_t kMaxHeaderBytes = 64 * 1024;

struct HeaderText {
  std::string utf8;                    // unfolded, decoded, valid UTF-8
  std::size_t replacements = 0;        // U+FFFD produced while decoding
  std::vector<std::string> charsets;   // charsets met in encoded words or guessed, in order, no duplicates
  bool guessed_8bit = false;           // raw 8-bit bytes were found and their charset guessed
  bool truncated = false;              // the value was longer than kMaxHeaderBytes
};

// An unstructured field (Subject, Comments, X-…) or any field read as text:
// unfolds, decodes encoded words (also inside quoted strings), guesses 8-bit.
HeaderText DecodeUnstructured(std::string_view raw_value);

struct Mailbox {
  std::string display_name;  // decoded UTF-8, without quotes; may be empty
  std::string address;       // addr-spec as written (local@domain), without <>; may be empty for a group
  std::string group;         // the group this mailbox belongs to ("undisclosed-recipients"), if any
};

struct AddressList {
  std::vector<Mailbox> mailboxes;
  std::vector<std::string> groups_without_members;  // "undisclosed-recipients:;"
  std::size_t replacements = 0;
  std::vector<std::string> anomalies;  // Japanese, e.g. "アドレスの山括弧が閉じていません"
};

// From, To, Cc, Reply-To, Sender: display names decoded (encoded words, also
// quoted), comments dropped, obsolete forms accepted; never fails.
AddressList ParseAddressList(std::string_view raw_value);

struct ContentField {
  std::string value;  // "text/plain", "attachment" … lower-cased, trimmed; empty when missing or unreadable
  std::vector<std::pair<std::string, std::string>> params;  // lower-cased name → decoded UTF-8 value, in order
  std::size_t replacements = 0;
  std::vector<std::string> anomalies;  // Japanese descriptions of what was malformed
  // First value of a parameter, or "" (e.g. Param("charset"), Param("filename")).
  [[nodiscard]] std::string Param(std::string_view name) const;
};

// Content-Type, Content-Disposition: RFC 2045 value and parameters with RFC 2231
// (charset'lang'%XX, continuations) and RFC 2047 words inside quoted values.
ContentField ParseContentField(std::string_view raw_value);

enum class OutputCharset { kUtf8, kIso2022Jp };

// A whole header line to write: "Subject: …\r\n" folded at 78 octets, with
// non-ASCII text as RFC 2047 B-encoded words in UTF-8 (or ISO-2022-JP when
// asked and every character fits, else UTF-8), never splitting a character
// across words. `name` is written as given.
std::string FormatUnstructured(std::string_view name, std::string_view utf8, OutputCharset cs);

// An address header line ("To: 山田 太郎 <yamada@example.jp>, …\r\n"): display
// names quoted or encoded as needed, folded between addresses.
std::string FormatAddressList(std::string_view name, const AddressList& list, OutputCharset cs);

}  // namespace mamori::mail
