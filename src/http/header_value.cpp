#include "http/header_value.h"

#include "http/url.h"

namespace mamori::http {
namespace {

char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Reads a quoted string starting at text[pos] == '"'; leaves pos after the closing quote.
std::string ReadQuoted(std::string_view text, std::size_t& pos) {
  std::string out;
  ++pos;
  while (pos < text.size()) {
    const char c = text[pos];
    if (c == '"') {
      ++pos;
      return out;
    }
    if (c == '\\' && pos + 1 < text.size() && (text[pos + 1] == '"' || text[pos + 1] == '\\')) {
      out.push_back(text[pos + 1]);
      pos += 2;
      continue;
    }
    out.push_back(c);
    ++pos;
  }
  return out;  // unterminated: take the rest
}

}  // namespace

std::string ToLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = LowerAscii(c);
  return out;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (LowerAscii(a[i]) != LowerAscii(b[i])) return false;
  }
  return true;
}

std::string_view TrimSpace(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::optional<std::string> HeaderValue::Param(std::string_view lower_name) const {
  for (const auto& [name, param_value] : params) {
    if (name == lower_name) return param_value;
  }
  return std::nullopt;
}

HeaderValue ParseHeaderValue(std::string_view text) {
  HeaderValue result;
  std::size_t pos = text.find(';');
  result.value = ToLower(TrimSpace(text.substr(0, pos)));
  while (pos != std::string_view::npos && pos < text.size()) {
    ++pos;  // past ';'
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
    const std::size_t name_start = pos;
    while (pos < text.size() && text[pos] != '=' && text[pos] != ';') ++pos;
    std::string name = ToLower(TrimSpace(text.substr(name_start, pos - name_start)));
    std::string value;
    if (pos < text.size() && text[pos] == '=') {
      ++pos;
      while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
      if (pos < text.size() && text[pos] == '"') {
        value = ReadQuoted(text, pos);
        while (pos < text.size() && text[pos] != ';') ++pos;
      } else {
        const std::size_t value_start = pos;
        while (pos < text.size() && text[pos] != ';') ++pos;
        value = std::string(TrimSpace(text.substr(value_start, pos - value_start)));
      }
    }
    if (!name.empty()) result.params.emplace_back(std::move(name), std::move(value));
    if (pos >= text.size()) break;
  }
  return result;
}

std::optional<std::string> DecodeExtValue(std::string_view text) {
  const std::size_t first = text.find('\'');
  if (first == std::string_view::npos) return std::nullopt;
  const std::size_t second = text.find('\'', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  if (!EqualsIgnoreCase(text.substr(0, first), "utf-8")) return std::nullopt;
  return PathDecode(text.substr(second + 1));
}

}  // namespace mamori::http
