// JSON written directly (the list endpoint serves up to 1,000 records per
// request under load): strings, records of the register, and request values
// back to the text reg::ParseValue takes.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "register/schema.h"

namespace mamori::web::api {

// A JSON string literal; invalid UTF-8 becomes U+FFFD, control characters are escaped.
void AppendString(std::string& out, std::string_view text);

// One value as the API shows it: enums as their keys, flags as booleans,
// hours as numbers, lists as arrays, dates as ISO 8601 strings, empty as null.
void AppendValue(std::string& out, const reg::FieldInfo& field, const reg::Value& value);

// {"number":…, every field of the kind …} (every field present, null when empty).
void AppendRecord(std::string& out, reg::EntityKind kind, const reg::Row& row);
std::string RecordJson(reg::EntityKind kind, const reg::Row& row);

// nlohmann's dump without exceptions (invalid UTF-8 replaced).
std::string Dump(const nlohmann::json& j);
nlohmann::ordered_json::string_t Dump(const nlohmann::ordered_json& j);

// A request's value as the text a person would type into the CLI
// (reg::ParseValue takes it from there): strings as they are, numbers in
// decimal, booleans as true/false, null as empty, an array of a list field's
// items one per line. The catalogue key of the problem otherwise
// (field.not_list, field.bad_item, field.object).
struct TextOrProblem {
  std::string text;
  std::string_view problem;  // empty: fine
};
TextOrProblem ValueText(const reg::FieldInfo& field, const nlohmann::json& value);

}  // namespace mamori::web::api
