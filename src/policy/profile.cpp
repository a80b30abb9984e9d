// Look-ups on a compiled profile. Names people type (level codes, category
// names, media kinds, inspection kinds) are matched after text::FoldKey.
#include "policy/profile.h"

#include <algorithm>

#include "common/text.h"

namespace mamori::policy {
namespace {

bool FoldedIn(const std::vector<std::string>& names, std::string_view wanted) {
  const std::string key = text::FoldKey(wanted);
  if (key.empty()) return false;
  return std::any_of(names.begin(), names.end(), [&](const std::string& n) { return text::FoldKey(n) == key; });
}

const Level* FindIn(const std::vector<Level>& levels, std::string_view code) {
  const std::string key = text::FoldKey(code);
  if (key.empty()) return nullptr;
  for (const auto& level : levels) {
    if (text::FoldKey(level.code) == key) return &level;
  }
  for (const auto& level : levels) {
    for (const auto& alias : level.aliases)
      if (text::FoldKey(alias) == key) return &level;
  }
  return nullptr;
}

template <typename T>
bool Contains(const std::vector<T>& v, const T& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

}  // namespace

const Threat* Threats::Find(std::string_view threat_id) const {
  auto it = std::find_if(items.begin(), items.end(), [&](const Threat& t) { return t.id == threat_id; });
  return it == items.end() ? nullptr : &*it;
}

bool Level::Requires(Requirement r) const { return Contains(requirements, r); }

const std::vector<Level>& SchemeLevels::Levels(Axis axis) const {
  switch (axis) {
    case Axis::kConfidentiality: return confidentiality;
    case Axis::kIntegrity: return integrity;
    case Axis::kAvailability: return availability;
  }
  return confidentiality;
}

const SchemeLevels* Classification::Find(Scheme s) const {
  auto it = std::find_if(schemes.begin(), schemes.end(), [s](const SchemeLevels& l) { return l.scheme == s; });
  return it == schemes.end() ? nullptr : &*it;
}

bool SystemCategory::Allows(reg::Tier t) const { return Contains(tiers, t); }

bool Sanitization::Requires(Direction d) const { return Contains(directions, d); }

const MeasureGroup* Measures::Find(std::string_view group_id) const {
  auto it = std::find_if(groups.begin(), groups.end(), [&](const MeasureGroup& g) { return g.id == group_id; });
  return it == groups.end() ? nullptr : &*it;
}

const ConnectionKind* NetworkPolicy::Find(std::string_view text) const {
  for (const auto& c : connections)
    if (c.id == text) return &c;
  for (const auto& c : connections) {
    if (FoldedIn({c.id, c.name}, text) || FoldedIn(c.aliases, text)) return &c;
  }
  return nullptr;
}

bool Audit::IsAuditKind(std::string_view kind) const { return FoldedIn(audit_kinds, kind); }
bool Audit::IsSelfInspectionKind(std::string_view kind) const { return FoldedIn(self_inspection_kinds, kind); }

bool Document::CanRead(std::optional<reg::Role> role) const {
  if (visibility == Visibility::kPublic) return true;
  return role.has_value() && Contains(readers, *role);
}

// ---- Profile -------------------------------------------------------------------

const Clause* Profile::FindClause(std::string_view clause_id) const {
  auto it = std::find_if(clauses.begin(), clauses.end(), [&](const Clause& c) { return c.id == clause_id; });
  return it == clauses.end() ? nullptr : &*it;
}

const RuleSetting* Profile::Rule(std::string_view rule_id) const {
  auto it = std::find_if(rules.begin(), rules.end(), [&](const RuleSetting& r) { return r.id == rule_id; });
  return it == rules.end() ? nullptr : &*it;
}

bool Profile::RuleEnabled(std::string_view rule_id) const {
  const RuleSetting* r = Rule(rule_id);
  return r != nullptr && r->enabled;
}

const SchemeLevels* Profile::ActiveScheme() const { return classification.Find(classification.active); }

const Level* Profile::FindLevel(Axis axis, std::string_view code) const {
  const SchemeLevels* active = ActiveScheme();
  return active == nullptr ? nullptr : FindIn(active->Levels(axis), code);
}

const Level* Profile::ConfidentialityLevel(std::string_view code) const { return FindLevel(Axis::kConfidentiality, code); }
const Level* Profile::IntegrityLevel(std::string_view code) const { return FindLevel(Axis::kIntegrity, code); }
const Level* Profile::AvailabilityLevel(std::string_view code) const { return FindLevel(Axis::kAvailability, code); }

const Level* Profile::FindLevelInScheme(Scheme scheme, Axis axis, std::string_view code) const {
  const SchemeLevels* s = classification.Find(scheme);
  return s == nullptr ? nullptr : FindIn(s->Levels(axis), code);
}

bool Profile::IsLegacy(Axis axis, std::string_view code) const {
  if (FindLevel(axis, code) != nullptr) return false;
  return std::any_of(classification.schemes.begin(), classification.schemes.end(), [&](const SchemeLevels& s) {
    return s.scheme != classification.active && FindIn(s.Levels(axis), code) != nullptr;
  });
}

bool Profile::IsLegacyConfidentiality(std::string_view code) const { return IsLegacy(Axis::kConfidentiality, code); }
bool Profile::IsLegacyIntegrity(std::string_view code) const { return IsLegacy(Axis::kIntegrity, code); }
bool Profile::IsLegacyAvailability(std::string_view code) const { return IsLegacy(Axis::kAvailability, code); }

std::vector<std::string> Profile::AllLevelCodes(Axis axis) const {
  std::vector<std::string> out;
  for (const auto& s : classification.schemes) {
    for (const auto& level : s.Levels(axis))
      if (!Contains(out, level.code)) out.push_back(level.code);
  }
  return out;
}

std::vector<std::string> Profile::AllLevelCodes() const {
  std::vector<std::string> out;
  for (const Axis axis : {Axis::kConfidentiality, Axis::kIntegrity, Axis::kAvailability}) {
    for (auto& code : AllLevelCodes(axis))
      if (!Contains(out, code)) out.push_back(std::move(code));
  }
  return out;
}

const SystemCategory* Profile::FindCategory(std::string_view name_or_alias) const {
  const std::string key = text::FoldKey(name_or_alias);
  if (key.empty()) return nullptr;
  for (const auto& c : tiers.categories) {
    if (text::FoldKey(c.name) == key || text::FoldKey(c.id) == key) return &c;
  }
  for (const auto& c : tiers.categories) {
    if (FoldedIn(c.aliases, name_or_alias)) return &c;
  }
  return nullptr;
}

bool Profile::IsStaff(reg::Employment e) const {
  return Contains(scope.staff_categories, e) || Contains(scope.also_bound, e);
}

bool Profile::MediaKind(std::string_view asset_kind) const { return FoldedIn(classification.media_kinds, asset_kind); }

bool Profile::MediaForm(reg::Form asset_form) const { return Contains(classification.media_forms, asset_form); }

const Document* Profile::FindDocument(std::string_view doc_id) const {
  auto it = std::find_if(documents.begin(), documents.end(), [&](const Document& d) { return d.id == doc_id; });
  return it == documents.end() ? nullptr : &*it;
}

}  // namespace mamori::policy
