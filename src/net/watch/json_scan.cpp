#include "net/watch/json_scan.h"

#include <array>

namespace mamori::net::parse::detail {
namespace {

bool IsWs(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool IsDigitC(char c) { return c >= '0' && c <= '9'; }

int Hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// A string starting at s[pos] == '"'. On success `end` is just past the closing quote.
bool ScanString(std::string_view s, std::size_t pos, std::size_t& end, bool& escaped, JsonError& err) {
  escaped = false;
  std::size_t i = pos + 1;
  const std::size_t n = s.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '"') {
      end = i + 1;
      return true;
    }
    if (c == '\\') {
      escaped = true;
      if (i + 1 >= n) break;
      const char e = s[i + 1];
      if (e == 'u') {
        if (i + 6 > n) {
          err = {i, "JSON の \\u エスケープが途中で切れています"};
          return false;
        }
        for (std::size_t k = 2; k < 6; ++k)
          if (Hex(s[i + k]) < 0) {
            err = {i, "JSON の \\u エスケープに 16 進数でない文字があります"};
            return false;
          }
        i += 6;
        continue;
      }
      if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' && e != 'r' && e != 't') {
        err = {i, "JSON の文字列に使えないエスケープがあります"};
        return false;
      }
      i += 2;
      continue;
    }
    if (c < 0x20) {
      err = {i, "JSON の文字列に制御文字がそのまま入っています"};
      return false;
    }
    ++i;
  }
  err = {pos, "JSON の文字列が閉じていません"};
  return false;
}

bool ScanNumber(std::string_view s, std::size_t pos, std::size_t& end, JsonError& err) {
  std::size_t i = pos;
  const std::size_t n = s.size();
  if (i < n && s[i] == '-') ++i;
  if (i >= n || !IsDigitC(s[i])) {
    err = {pos, "JSON の数値が正しくありません"};
    return false;
  }
  if (s[i] == '0') {
    ++i;
    if (i < n && IsDigitC(s[i])) {
      err = {pos, "JSON の数値の先頭に余分な 0 があります"};
      return false;
    }
  } else {
    while (i < n && IsDigitC(s[i])) ++i;
  }
  if (i < n && s[i] == '.') {
    ++i;
    if (i >= n || !IsDigitC(s[i])) {
      err = {pos, "JSON の数値の小数点の後に数字がありません"};
      return false;
    }
    while (i < n && IsDigitC(s[i])) ++i;
  }
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
    if (i >= n || !IsDigitC(s[i])) {
      err = {pos, "JSON の数値の指数が正しくありません"};
      return false;
    }
    while (i < n && IsDigitC(s[i])) ++i;
  }
  end = i;
  return true;
}

int Lookup(std::span<const JsonKey> table, std::string_view raw_key, bool escaped, int& nested) {
  nested = -1;
  std::string decoded;  // keys with escapes are rare; they are decoded to compare
  std::string_view key = raw_key;
  if (escaped) {
    if (raw_key.size() > 256 || !JsonUnescape(raw_key, decoded)) return -1;
    key = decoded;
  }
  for (const auto& k : table)
    if (k.name.size() == key.size() && k.name == key) {
      nested = k.nested;
      return k.slot;
    }
  return -1;
}

enum class State : std::uint8_t { kKeyOrEnd, kKey, kValueOrEnd, kValue, kAfterValue };

}  // namespace

bool ScanJsonObject(std::string_view s, const JsonSchema& schema, std::span<JsonSlot> slots, JsonError& err) {
  std::array<char, kJsonMaxDepth + 1> kind{};      // '{' or '[' per depth (1-based)
  std::array<int, kJsonMaxDepth + 1> table{};      // for objects: nested table index, -1 none, -2 top
  std::array<int, kJsonMaxDepth + 1> own_slot{};   // slot the container itself fills, -1 none
  std::array<std::size_t, kJsonMaxDepth + 1> start{};
  int depth = 0;
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n && IsWs(s[i])) ++i;
  if (i >= n || s[i] != '{') {
    err = {i, "JSON オブジェクト（{ で始まる行）ではありません"};
    return false;
  }
  depth = 1;
  kind[1] = '{';
  table[1] = -2;
  own_slot[1] = -1;
  start[1] = i;
  ++i;
  State state = State::kKeyOrEnd;
  int pending_slot = -1;
  int pending_nested = -1;

  auto assign = [&](int slot, JsonType type, std::string_view text, bool escaped, std::size_t offset) {
    if (slot >= 0 && static_cast<std::size_t>(slot) < slots.size()) slots[static_cast<std::size_t>(slot)] = {type, escaped, text, offset};
  };
  auto close = [&](std::size_t at) {
    const int slot = own_slot[static_cast<std::size_t>(depth)];
    if (slot >= 0 && static_cast<std::size_t>(slot) < slots.size()) {
      auto& sl = slots[static_cast<std::size_t>(slot)];
      sl.text = s.substr(start[static_cast<std::size_t>(depth)], at + 1 - start[static_cast<std::size_t>(depth)]);
    }
    --depth;
    state = State::kAfterValue;
  };

  while (true) {
    while (i < n && IsWs(s[i])) ++i;
    if (depth == 0) {
      if (i != n) {
        err = {i, "JSON オブジェクトの後に余分な文字があります"};
        return false;
      }
      return true;
    }
    if (i >= n) {
      err = {n, "JSON が途中で終わっています（閉じ括弧がありません）"};
      return false;
    }
    const char c = s[i];
    const auto d = static_cast<std::size_t>(depth);
    switch (state) {
      case State::kKeyOrEnd:
      case State::kKey: {
        if (c == '}' && state == State::kKeyOrEnd) {
          close(i);
          ++i;
          continue;
        }
        if (c != '"') {
          err = {i, "JSON のキー（\"…\"）が必要な所に別の文字があります"};
          return false;
        }
        std::size_t end = 0;
        bool escaped = false;
        if (!ScanString(s, i, end, escaped, err)) return false;
        const std::string_view key = s.substr(i + 1, end - i - 2);
        pending_slot = -1;
        pending_nested = -1;
        if (table[d] == -2) {
          pending_slot = Lookup(schema.top, key, escaped, pending_nested);
        } else if (table[d] >= 0 && static_cast<std::size_t>(table[d]) < schema.nested.size()) {
          int ignored = -1;
          pending_slot = Lookup(schema.nested[static_cast<std::size_t>(table[d])], key, escaped, ignored);
        }
        i = end;
        while (i < n && IsWs(s[i])) ++i;
        if (i >= n || s[i] != ':') {
          err = {i, "JSON のキーの後に ':' がありません"};
          return false;
        }
        ++i;
        state = State::kValue;
        continue;
      }
      case State::kValueOrEnd:
      case State::kValue: {
        if (c == ']' && state == State::kValueOrEnd) {
          close(i);
          ++i;
          continue;
        }
        const int slot = kind[d] == '{' ? pending_slot : -1;
        const int nested = kind[d] == '{' ? pending_nested : -1;
        pending_slot = -1;
        pending_nested = -1;
        if (c == '"') {
          std::size_t end = 0;
          bool escaped = false;
          if (!ScanString(s, i, end, escaped, err)) return false;
          assign(slot, JsonType::kString, s.substr(i + 1, end - i - 2), escaped, i);
          i = end;
          state = State::kAfterValue;
        } else if (c == '{' || c == '[') {
          if (depth >= kJsonMaxDepth) {
            err = {i, "JSON の入れ子が深すぎます（上限 64 段）"};
            return false;
          }
          assign(slot, c == '{' ? JsonType::kObject : JsonType::kArray, {}, false, i);
          ++depth;
          const auto nd = static_cast<std::size_t>(depth);
          kind[nd] = c;
          table[nd] = (c == '{' && depth == 2 && nested >= 0) ? nested : -1;
          own_slot[nd] = slot;
          start[nd] = i;
          ++i;
          state = c == '{' ? State::kKeyOrEnd : State::kValueOrEnd;
        } else if (c == '-' || IsDigitC(c)) {
          std::size_t end = 0;
          if (!ScanNumber(s, i, end, err)) return false;
          assign(slot, JsonType::kNumber, s.substr(i, end - i), false, i);
          i = end;
          state = State::kAfterValue;
        } else if (s.substr(i, 4) == "true") {
          assign(slot, JsonType::kTrue, s.substr(i, 4), false, i);
          i += 4;
          state = State::kAfterValue;
        } else if (s.substr(i, 5) == "false") {
          assign(slot, JsonType::kFalse, s.substr(i, 5), false, i);
          i += 5;
          state = State::kAfterValue;
        } else if (s.substr(i, 4) == "null") {
          assign(slot, JsonType::kNull, s.substr(i, 4), false, i);
          i += 4;
          state = State::kAfterValue;
        } else {
          err = {i, "JSON の値として読めない文字です"};
          return false;
        }
        continue;
      }
      case State::kAfterValue: {
        if (c == ',') {
          state = kind[d] == '{' ? State::kKey : State::kValue;
          ++i;
          continue;
        }
        if ((c == '}' && kind[d] == '{') || (c == ']' && kind[d] == '[')) {
          close(i);
          ++i;
          continue;
        }
        err = {i, kind[d] == '{' ? "JSON の値の後に ',' か '}' が必要です" : "JSON の配列の値の後に ',' か ']' が必要です"};
        return false;
      }
    }
  }
}

bool JsonUnescape(std::string_view raw, std::string& out) {
  out.clear();
  auto put = [&out](std::uint32_t cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xc0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xe0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
      out += static_cast<char>(0x80 | (cp & 0x3f));
    } else {
      out += static_cast<char>(0xf0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
      out += static_cast<char>(0x80 | (cp & 0x3f));
    }
  };
  auto hex4 = [&raw](std::size_t at, std::uint32_t& v) {
    if (at + 4 > raw.size()) return false;
    v = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      const int h = Hex(raw[at + k]);
      if (h < 0) return false;
      v = v * 16 + static_cast<std::uint32_t>(h);
    }
    return true;
  };
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c != '\\') {
      out += c;
      continue;
    }
    if (++i >= raw.size()) return false;
    switch (raw[i]) {
      case '"': out += '"'; break;
      case '\\': out += '\\'; break;
      case '/': out += '/'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'u': {
        std::uint32_t cp = 0;
        if (!hex4(i + 1, cp)) return false;
        i += 4;
        if (cp >= 0xd800 && cp <= 0xdbff) {
          std::uint32_t lo = 0;
          if (i + 2 >= raw.size() || raw[i + 1] != '\\' || raw[i + 2] != 'u' || !hex4(i + 3, lo) || lo < 0xdc00 ||
              lo > 0xdfff)
            return false;
          i += 6;
          cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        } else if (cp >= 0xdc00 && cp <= 0xdfff) {
          return false;
        }
        put(cp);
        break;
      }
      default: return false;
    }
  }
  return true;
}

}  // namespace mamori::net::parse::detail
