// One table per record type describes its fields: the store's columns, the
// CSV/XLSX headers (Japanese, with the aliases bodies use), the JSON keys of
// the change history and the CLI's --set names all come from it, so a field is
// added in one place.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/error.h"
#include "register/model.h"

namespace mamori::reg {

enum class EntityKind {
  kOrgan, kDepartment, kPerson, kAsset, kSystem, kTerminal, kInspection,
  kSegment, kGateway, kConnection, kFlow,  // the network model
};

// A field's value, type-erased: null, integer (bool as 0/1, hours), text
// (enums as their key, dates as ISO 8601), or a list of text.
using Value = std::variant<std::monostate, std::int64_t, std::string, std::vector<std::string>>;
using Row = std::vector<Value>;  // in the order of the schema's fields

enum class FieldType { kText, kInteger, kBool, kEnum, kList, kDate };

struct EnumLabel {
  std::string_view key;  // stored form: "lgwan"
  std::string_view ja;   // shown and exported: "LGWAN接続系"
  std::string_view en;
  std::vector<std::string_view> aliases;  // accepted on input
};

struct FieldInfo {
  std::string_view key;       // snake_case: column and JSON key
  std::string_view label_ja;  // canonical Japanese column header
  std::string_view label_en;
  std::vector<std::string_view> aliases;  // other headers accepted on import
  FieldType type = FieldType::kText;
  bool required = false;              // an empty cell is an error on import
  std::span<const EnumLabel> labels;  // for kEnum
  std::string_view unit;              // e.g. "時間" for recovery targets
};

struct EntityInfo {
  EntityKind kind;
  std::string_view key;       // "asset": CLI noun, JSON "type"
  std::string_view table;     // "assets"
  std::string_view label_ja;  // "情報資産"
  std::string_view label_en;
  std::string_view number_label_ja;  // "資産番号"
  std::vector<FieldInfo> fields;     // fields[0] is the record's number
};

const std::vector<EntityInfo>& AllEntities();  // in dependency order: organs first
const EntityInfo& Info(EntityKind kind);
Result<EntityKind> KindFromKey(std::string_view key);  // "asset", "assets", "資産" …

// Conversions between records and rows.
Row ToRow(const Organ& r);
Row ToRow(const Department& r);
Row ToRow(const Person& r);
Row ToRow(const Asset& r);
Row ToRow(const System& r);
Row ToRow(const Terminal& r);
Row ToRow(const Inspection& r);
Row ToRow(const Segment& r);
Row ToRow(const Gateway& r);
Row ToRow(const Connection& r);
Row ToRow(const FlowRule& r);

// Takes the row by value: its strings are moved into the record.
template <typename T> Result<T> FromRow(Row row);
template <> Result<Organ> FromRow<Organ>(Row row);
template <> Result<Department> FromRow<Department>(Row row);
template <> Result<Person> FromRow<Person>(Row row);
template <> Result<Asset> FromRow<Asset>(Row row);
template <> Result<System> FromRow<System>(Row row);
template <> Result<Terminal> FromRow<Terminal>(Row row);
template <> Result<Inspection> FromRow<Inspection>(Row row);
template <> Result<Segment> FromRow<Segment>(Row row);
template <> Result<Gateway> FromRow<Gateway>(Row row);
template <> Result<Connection> FromRow<Connection>(Row row);
template <> Result<FlowRule> FromRow<FlowRule>(Row row);

template <typename T> constexpr EntityKind KindOf();
template <> constexpr EntityKind KindOf<Organ>() { return EntityKind::kOrgan; }
template <> constexpr EntityKind KindOf<Department>() { return EntityKind::kDepartment; }
template <> constexpr EntityKind KindOf<Person>() { return EntityKind::kPerson; }
template <> constexpr EntityKind KindOf<Asset>() { return EntityKind::kAsset; }
template <> constexpr EntityKind KindOf<System>() { return EntityKind::kSystem; }
template <> constexpr EntityKind KindOf<Terminal>() { return EntityKind::kTerminal; }
template <> constexpr EntityKind KindOf<Inspection>() { return EntityKind::kInspection; }
template <> constexpr EntityKind KindOf<Segment>() { return EntityKind::kSegment; }
template <> constexpr EntityKind KindOf<Gateway>() { return EntityKind::kGateway; }
template <> constexpr EntityKind KindOf<Connection>() { return EntityKind::kConnection; }
template <> constexpr EntityKind KindOf<FlowRule>() { return EntityKind::kFlow; }

// Text as people type it (CSV cell, CLI --set) to a value of the field's type.
// Accepts はい/いいえ/有/無/○/×/済/未, 24時間/3日, 令和8年4月1日, the enum's
// Japanese and English labels and aliases, lists separated by 、 , ; or newlines.
// An empty cell is null.
Result<Value> ParseValue(const FieldInfo& field, std::string_view text);

// A value as shown in Japanese (or English) and exported: はい/いいえ, the
// enum's label, lists joined with "、", dates in ISO 8601.
std::string FormatValue(const FieldInfo& field, const Value& value, bool english = false);

// Labels of the enums, for messages.
std::string_view TierLabel(Tier t, bool english = false);
std::string_view RoleLabel(Role r, bool english = false);
std::string_view EmploymentLabel(Employment e, bool english = false);
std::string_view FormLabel(Form f, bool english = false);
std::string_view TierKey(Tier t);
std::string_view RoleKey(Role r);
std::string_view EmploymentKey(Employment e);
std::string_view FormKey(Form f);
std::string_view GatewayKindKey(GatewayKind k);
std::string_view GatewayKindLabel(GatewayKind k, bool english = false);
Result<Tier> TierFromKey(std::string_view key);      // key or any label/alias
Result<Role> RoleFromKey(std::string_view key);
Result<Employment> EmploymentFromKey(std::string_view key);

bool IsNull(const Value& v);

}  // namespace mamori::reg
