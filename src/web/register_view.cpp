#include "web/register_view.h"

#include "http/url.h"

namespace mamori::web {

namespace {
constexpr reg::EntityKind kTabOrder[] = {reg::EntityKind::kAsset,      reg::EntityKind::kSystem,
                                         reg::EntityKind::kTerminal,   reg::EntityKind::kPerson,
                                         reg::EntityKind::kDepartment, reg::EntityKind::kOrgan,
                                         reg::EntityKind::kInspection, reg::EntityKind::kSegment,
                                         reg::EntityKind::kGateway,    reg::EntityKind::kConnection,
                                         reg::EntityKind::kFlow};
}

std::optional<reg::EntityKind> KindFromUrl(std::string_view name) {
  for (const auto& info : reg::AllEntities())
    if (info.table == name) return info.kind;
  return std::nullopt;
}

std::string_view UrlOf(reg::EntityKind kind) { return reg::Info(kind).table; }

std::string RecordUrl(reg::EntityKind kind, std::string_view number) {
  return "/register/" + std::string(UrlOf(kind)) + "/" + http::UrlEncode(number);
}

std::string_view KindLabel(reg::EntityKind kind, Lang lang) {
  return English(lang) ? reg::Info(kind).label_en : reg::Info(kind).label_ja;
}

std::string_view FieldLabel(const reg::FieldInfo& f, Lang lang) { return English(lang) ? f.label_en : f.label_ja; }

std::vector<std::size_t> ListColumns(reg::EntityKind kind) {
  const auto& fields = reg::Info(kind).fields;
  std::vector<std::string_view> wanted;
  switch (kind) {
    case reg::EntityKind::kAsset:
      wanted = {"number", "name", "kind", "department", "manager", "tier", "confidentiality", "integrity",
                "availability", "personal_data", "form"};
      break;
    case reg::EntityKind::kSystem:
      wanted = {"number", "name", "category", "tier", "department", "administrator", "handles_my_number", "hosting"};
      break;
    case reg::EntityKind::kTerminal:
      wanted = {"number", "name", "tier", "department", "place", "mfa", "takeout_blocked"};
      break;
    case reg::EntityKind::kPerson:
      wanted = {"number", "name", "department", "role", "employment", "duties"};
      break;
    default:
      break;
  }
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const bool take = wanted.empty() ? i < 8 : std::find(wanted.begin(), wanted.end(), fields[i].key) != wanted.end();
    if (take) out.push_back(i);
  }
  return out;
}

std::vector<Choice> ChoicesOf(const reg::FieldInfo& f, const policy::Profile& profile, Lang lang) {
  std::vector<Choice> out;
  if (f.type == reg::FieldType::kEnum) {
    for (const auto& l : f.labels) out.push_back({std::string(l.key), std::string(English(lang) ? l.en : l.ja)});
  } else if (f.type == reg::FieldType::kBool) {
    out.push_back({"1", std::string(T(lang, "value.yes"))});
    out.push_back({"0", std::string(T(lang, "value.no"))});
  } else if (f.key == "confidentiality" || f.key == "integrity" || f.key == "availability") {
    const auto axis = f.key == "confidentiality" ? policy::Axis::kConfidentiality
                      : f.key == "integrity"     ? policy::Axis::kIntegrity
                                                 : policy::Axis::kAvailability;
    for (const auto& code : profile.AllLevelCodes(axis)) {
      std::string label = code;
      if (profile.IsLegacy(axis, code)) label += English(lang) ? " (previous scheme)" : "（旧区分）";
      out.push_back({code, label});
    }
  }
  return out;
}

Data KindTabs(reg::EntityKind current, Lang lang) {
  Data tabs = List();
  for (auto kind : kTabOrder) {
    Data t;
    t.set("url", "/register/" + std::string(UrlOf(kind)));
    t.set("label", std::string(KindLabel(kind, lang)));
    if (kind == current) t.set("current", true);
    tabs.push_back(t);
  }
  return tabs;
}

}  // namespace mamori::web
