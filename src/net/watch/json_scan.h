// A validating, non-allocating scanner for one JSON object per line (Zeek
// conn.log JSON, Suricata EVE). It checks the whole text against the JSON
// grammar (strings and their escapes, numbers, literals, nesting up to a fixed
// depth, nothing after the object) without recursion, and hands back where
// the values of a few wanted keys are: keys of the top-level object, and keys
// of the objects that chosen top-level keys hold (one level down, e.g.
// "alert": {"action": …}). Nothing is decoded unless asked (JsonUnescape).
// Bytes of 0x80 and above inside strings are passed through unchecked.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace mamori::net::parse::detail {

enum class JsonType : std::uint8_t { kNone, kString, kNumber, kTrue, kFalse, kNull, kObject, kArray };

struct JsonSlot {
  JsonType type = JsonType::kNone;  // kNone: the key was not there
  bool escaped = false;             // a string with backslash escapes (see JsonUnescape)
  std::string_view text;            // string contents without the quotes; a number's digits; a container's bytes
  std::size_t offset = 0;           // byte offset of the value in the scanned text
};

struct JsonKey {
  std::string_view name;
  int slot;        // index into the slots array
  int nested = -1;  // when >= 0 and the value is an object: whose keys are looked up in nested[n]
};

struct JsonSchema {
  std::span<const JsonKey> top;
  std::span<const std::span<const JsonKey>> nested;
};

struct JsonError {
  std::size_t offset = 0;  // byte offset in the scanned text
  const char* reason = "";  // Japanese
};

inline constexpr int kJsonMaxDepth = 64;

// Scans `text` (one object, surrounding whitespace allowed). Returns false
// with `error` set when it is not valid JSON or not an object. On success the
// slots of the keys found are filled (the last occurrence wins); the caller
// must have reset them.
bool ScanJsonObject(std::string_view text, const JsonSchema& schema, std::span<JsonSlot> slots, JsonError& error);

// Decodes the escapes of a string slot's text (\uXXXX and surrogate pairs to
// UTF-8) into `out`. False when an escape is invalid (a lone surrogate).
bool JsonUnescape(std::string_view raw, std::string& out);

}  // namespace mamori::net::parse::detail
