#include "web/api/api_json.h"

#include <cmath>

#include "common/text.h"
#include "http/url.h"

namespace mamori::web::api {

namespace {

constexpr char kHex[] = "0123456789abcdef";

void AppendEscaped(std::string& out, std::string_view text) {
  std::size_t plain = 0;  // start of the run copied as it is
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text.substr(plain, i - plain));
    plain = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 0xF]);
    }
  }
  out.append(text.substr(plain));
}

}  // namespace

void AppendString(std::string& out, std::string_view text) {
  out.push_back('"');
  if (text::IsValidUtf8(text))
    AppendEscaped(out, text);
  else
    AppendEscaped(out, http::ReplaceInvalidUtf8(text));
  out.push_back('"');
}

void AppendValue(std::string& out, const reg::FieldInfo& field, const reg::Value& value) {
  if (const auto* n = std::get_if<std::int64_t>(&value)) {
    if (field.type == reg::FieldType::kBool)
      out += *n != 0 ? "true" : "false";
    else
      out += std::to_string(*n);
  } else if (const auto* s = std::get_if<std::string>(&value)) {
    AppendString(out, *s);
  } else if (const auto* l = std::get_if<std::vector<std::string>>(&value)) {
    out.push_back('[');
    for (std::size_t k = 0; k < l->size(); ++k) {
      if (k > 0) out.push_back(',');
      AppendString(out, (*l)[k]);
    }
    out.push_back(']');
  } else {
    out += "null";
  }
}

void AppendRecord(std::string& out, reg::EntityKind kind, const reg::Row& row) {
  const auto& fields = reg::Info(kind).fields;
  out.push_back('{');
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out.push_back(',');
    out.push_back('"');
    out += fields[i].key;  // snake_case ASCII: nothing to escape
    out += "\":";
    if (i < row.size())
      AppendValue(out, fields[i], row[i]);
    else
      out += "null";
  }
  out.push_back('}');
}

std::string RecordJson(reg::EntityKind kind, const reg::Row& row) {
  std::string out;
  out.reserve(512);
  AppendRecord(out, kind, row);
  return out;
}

std::string Dump(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

nlohmann::ordered_json::string_t Dump(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

namespace {

// A scalar as text; false when it is not one.
bool ScalarText(const nlohmann::json& v, std::string& out) {
  switch (v.type()) {
    case nlohmann::json::value_t::string: out = v.get_ref<const std::string&>(); return true;
    case nlohmann::json::value_t::boolean: out = v.get<bool>() ? "true" : "false"; return true;
    case nlohmann::json::value_t::number_integer: out = std::to_string(v.get<std::int64_t>()); return true;
    case nlohmann::json::value_t::number_unsigned: out = std::to_string(v.get<std::uint64_t>()); return true;
    case nlohmann::json::value_t::number_float: {
      const double d = v.get<double>();
      if (std::isfinite(d) && std::trunc(d) == d && std::fabs(d) < 9e15)
        out = std::to_string(static_cast<std::int64_t>(d));
      else
        out = v.dump();
      return true;
    }
    case nlohmann::json::value_t::null: out.clear(); return true;
    default: return false;
  }
}

}  // namespace

TextOrProblem ValueText(const reg::FieldInfo& field, const nlohmann::json& value) {
  TextOrProblem r;
  if (value.is_object()) {
    r.problem = "field.object";
  } else if (value.is_array()) {
    if (field.type != reg::FieldType::kList) {
      r.problem = "field.not_list";
      return r;
    }
    for (const auto& item : value) {
      std::string text;
      if (item.is_null()) continue;
      if (!ScalarText(item, text) || item.is_boolean()) {
        r.problem = "field.bad_item";
        return r;
      }
      if (!r.text.empty()) r.text.push_back('\n');
      r.text += text;
    }
  } else {
    ScalarText(value, r.text);
  }
  return r;
}

}  // namespace mamori::web::api
