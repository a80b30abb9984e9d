// Register records as the screens show them: kinds by URL name, columns,
// values in the user's language, filters.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policy/profile.h"
#include "register/schema.h"
#include "web/i18n.h"
#include "web/views.h"

namespace mamori::web {

// "assets" → kAsset (the table name is the URL's name).
std::optional<reg::EntityKind> KindFromUrl(std::string_view name);
std::string_view UrlOf(reg::EntityKind kind);
std::string RecordUrl(reg::EntityKind kind, std::string_view number);
std::string_view KindLabel(reg::EntityKind kind, Lang lang);
std::string_view FieldLabel(const reg::FieldInfo& f, Lang lang);

// The fields shown as columns of a kind's list.
std::vector<std::size_t> ListColumns(reg::EntityKind kind);

// The choices of a field with a fixed set of values (enum, flag, level), as
// {value as typed, label}; empty for free text.
struct Choice {
  std::string value;
  std::string label;
};
std::vector<Choice> ChoicesOf(const reg::FieldInfo& f, const policy::Profile& profile, Lang lang);

// Tabs of the register screens (assets, systems, terminals, people, departments, organs, inspections).
Data KindTabs(reg::EntityKind current, Lang lang);

}  // namespace mamori::web
