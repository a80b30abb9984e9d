// HTML mail bodies to readable plain text (無害化: メール本文のテキスト化).
//
// A small tolerant tokenizer of its own (HTML as mailers write it, broken or
// not), not a DOM: what is kept is text a person reads — paragraphs and line
// breaks, headings, lists (・ / 1.), tables as aligned columns (width in
// display cells: full-width characters count two), <pre> as is, block quotes
// with "> ", the alt text of images as [画像: alt], character references
// (&amp; &#x2460; &nbsp; and the named ones mail uses) decoded. Dropped:
// <script>, <style>, <head>, <template>, comments, and hidden text
// (display:none, visibility:hidden, font-size:0, hidden attribute, color equal
// to a white background is NOT guessed). Links follow the policy: defanged
// (hxxps://example[.]jp/path shown after the link text when it differs) or
// removed (the link text stays). Input is UTF-8 (the caller decodes the
// charset first); output is valid UTF-8 with "\n" line ends.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mamori::mail {

enum class LinkPolicy { kDefang, kRemove };

struct HtmlTextOptions {
  LinkPolicy links = LinkPolicy::kDefang;
  std::size_t max_input_bytes = 8 * 1024 * 1024;  // beyond: cut and reported
  std::size_t max_depth = 256;                    // nesting kept track of; deeper tags are flattened
  std::size_t max_table_columns = 64;             // wider tables become one cell per line
  std::size_t line_width = 0;                     // 0: no wrapping of paragraphs
};

struct HtmlText {
  std::string text;
  std::size_t links = 0;             // links neutralized (defanged or removed)
  std::size_t images = 0;            // images replaced by their alt text
  std::size_t scripts_removed = 0;   // <script>, event handler attributes, javascript: URLs
  std::size_t hidden_removed = 0;    // elements dropped as hidden
  std::size_t forms_removed = 0;     // <form>, <input>, <button>, <iframe>, <object>, <embed>
  bool truncated = false;            // input longer than max_input_bytes
  std::vector<std::string> anomalies;  // Japanese, e.g. "閉じていない <table> があります"
};

HtmlText HtmlToText(std::string_view html_utf8, const HtmlTextOptions& options = {});

// A URL as harmless text: scheme "http"/"https"/"ftp" → "hxxp"/"hxxps"/"fxp",
// every "." of the host → "[.]", "@" in userinfo → "[@]"; other schemes
// (mailto:, tel:, javascript:, data:) shown defanged the same way with ":" → "[:]".
// Used for URLs in plain-text bodies as well (see DefangTextUrls).
std::string DefangUrl(std::string_view url);

// Finds URLs in plain text (http://, https://, ftp://, www.…, and full-width
// colons/slashes as Japanese text sometimes has them) and defangs or removes
// them; returns the count through `count`.
std::string DefangTextUrls(std::string_view text_utf8, LinkPolicy policy, std::size_t& count);

}  // namespace mamori::mail
