#include "policy/validate.h"

#include <map>

#include <fmt/format.h>

#include "common/text.h"

namespace mamori::policy {
namespace {

Pos PosOf(const Location& loc) {
  return Pos{loc.file, loc.line.value_or(0), loc.column.value_or(0)};
}

void CheckClauseRefs(const Compiled& c, Diagnostics& diag) {
  std::vector<std::string_view> ids;
  for (const auto& clause : c.profile.clauses) ids.push_back(clause.id);
  for (const auto& ref : c.clause_refs) {
    if (c.profile.FindClause(ref.id) != nullptr) continue;
    std::string message = fmt::format(msg::kUnknownClause, ref.where, ref.id);
    if (auto near = Nearest(ref.id, ids); !near.empty()) message += fmt::format(msg::kDidYouMean, near);
    diag.Report(ErrorCode::kValidation, std::move(message), ref.pos);
  }
}

void CheckRulesConfigured(const Compiled& c, const Pos& root, Diagnostics& diag) {
  for (const auto& known : KnownRules()) {
    if (c.profile.Rule(known.id) == nullptr)
      diag.Report(ErrorCode::kValidation, fmt::format(msg::kRuleMissing, known.id), root);
  }
}

// Codes and aliases of one axis of one scheme must not collide after FoldKey.
void CheckLevelsUnique(const std::vector<Level>& levels, const std::string& what, Diagnostics& diag) {
  std::map<std::string, const Level*> seen;
  for (const auto& level : levels) {
    std::vector<std::string> names{level.code};
    names.insert(names.end(), level.aliases.begin(), level.aliases.end());
    for (const auto& name : names) {
      const std::string key = text::FoldKey(name);
      auto [it, inserted] = seen.emplace(key, &level);
      if (!inserted && it->second != &level)
        diag.Report(ErrorCode::kValidation,
                    fmt::format(msg::kDuplicateLevel, what, name, it->second->code, it->second->where.line.value_or(0)),
                    PosOf(level.where));
    }
  }
}

void CheckLevels(const Compiled& c, Diagnostics& diag) {
  const Classification& cls = c.profile.classification;
  for (const auto& scheme : cls.schemes) {
    for (const Axis axis : {Axis::kConfidentiality, Axis::kIntegrity, Axis::kAvailability})
      CheckLevelsUnique(scheme.Levels(axis), fmt::format("{}.{}", Key(scheme.scheme), Key(axis)), diag);
  }
  const SchemeLevels* target = cls.Find(Scheme::kMunicipal2024);
  if (target == nullptr) return;
  std::vector<std::string> codes;
  for (const auto& l : target->confidentiality) codes.push_back(l.code);
  for (const auto& ref : c.reclassify_refs) {
    const bool defined = std::any_of(target->confidentiality.begin(), target->confidentiality.end(),
                                     [&](const Level& l) { return text::FoldKey(l.code) == text::FoldKey(ref.code); });
    if (defined) continue;
    std::string message = fmt::format(msg::kUndefinedLevel, ref.where, ref.code, Key(Scheme::kMunicipal2024));
    if (auto near = Nearest(ref.code, codes); !near.empty()) message += fmt::format(msg::kDidYouMean, near);
    diag.Report(ErrorCode::kValidation, std::move(message), ref.pos);
  }
}

void CheckCategories(const Compiled& c, Diagnostics& diag) {
  std::map<std::string, const SystemCategory*> seen;
  for (const auto& cat : c.profile.tiers.categories) {
    std::vector<std::string> names{cat.id, cat.name};
    names.insert(names.end(), cat.aliases.begin(), cat.aliases.end());
    for (const auto& name : names) {
      if (name.empty()) continue;
      auto [it, inserted] = seen.emplace(text::FoldKey(name), &cat);
      if (!inserted && it->second != &cat)
        diag.Report(ErrorCode::kValidation, fmt::format(msg::kDuplicateCategory, name, it->second->id, cat.id),
                    PosOf(cat.where));
    }
  }
}

}  // namespace

void ValidateCompiled(const Compiled& compiled, const Pos& root, Diagnostics& diag) {
  CheckClauseRefs(compiled, diag);
  CheckRulesConfigured(compiled, root, diag);
  CheckLevels(compiled, diag);
  CheckCategories(compiled, diag);
}

}  // namespace mamori::policy
