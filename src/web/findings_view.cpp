#include "web/findings_view.h"

namespace mamori::web {

std::string MeasureGroupOf(const check::Finding& f) {
  const std::string_view c = f.clause;
  if (c.starts_with("measures.")) {
    auto rest = c.substr(9);
    return std::string(rest.substr(0, rest.find('.')));
  }
  if (c.starts_with("audit") || c.starts_with("review")) return "evaluation";
  if (c.starts_with("definitions.") && c.ends_with("_tier")) return "resilience";
  if (c.starts_with("scope.assets")) return "classification";
  return "organization";
}

FindingScope::FindingScope(const Principal& p, const std::vector<reg::Department>& departments,
                           std::unordered_set<std::string> own_subjects)
    : all_(SeesEverything(p)), own_(std::move(own_subjects)) {
  if (all_) return;
  for (const auto& kind : {reg::EntityKind::kAsset}) {
    for (const auto& c : ScopeFor(p, kind, departments))
      if (c.field == "department") departments_.insert(c.any_of.begin(), c.any_of.end());
  }
}

bool FindingScope::Visible(const check::Finding& f) const {
  if (all_) return true;
  if (!f.department.empty() && departments_.contains(f.department)) return true;
  return own_.contains(f.subject.type + "/" + f.subject.id);
}

}  // namespace mamori::web
