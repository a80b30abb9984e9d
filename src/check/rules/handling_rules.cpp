// 取扱制限: what an asset's classification requires of its handling, checked
// against what the register records (backup, recovery target, locked storage).
#include "check/rule_context.h"

namespace mamori::check {
namespace {

using policy::Axis;
using policy::Requirement;

struct Demand {
  bool required = false;     // a known level of the asset requires it
  bool undecided = false;    // a level is missing, so it may be required
  std::vector<std::string> levels;  // names of the levels that require it
};

// The level of `code` in the active scheme, or for a legacy code the level it
// still is in its own scheme (its duties apply until it is reclassified).
const policy::Level* Resolve(const RuleInput& in, Axis axis, const std::string& code) {
  if (code.empty()) return nullptr;
  if (const auto* level = in.lookups.Level(axis, code)) return level;
  for (const auto& s : in.profile.classification.schemes) {
    if (s.scheme == in.profile.classification.active) continue;
    if (const auto* level = in.profile.FindLevelInScheme(s.scheme, axis, code)) return level;
  }
  return nullptr;
}

Demand DemandOf(const RuleInput& in, const reg::Asset& a, Requirement r) {
  Demand d;
  const std::pair<Axis, const std::string*> axes[] = {
      {Axis::kConfidentiality, &a.confidentiality}, {Axis::kIntegrity, &a.integrity}, {Axis::kAvailability, &a.availability}};
  for (const auto& [axis, code] : axes) {
    const auto* level = Resolve(in, axis, *code);
    if (!level) {
      d.undecided = true;
      continue;
    }
    if (level->Requires(r)) {
      d.required = true;
      d.levels.push_back(level->name.empty() ? level->code : level->name);
    }
  }
  return d;
}

Subject Of(const reg::Asset& a) { return {"asset", a.number, a.name}; }

// Emits for one boolean attribute the requirement asks to be true.
template <typename Applies>
void CheckFlag(const RuleInput& in, Emitter& out, Requirement r, std::optional<bool> reg::Asset::*flag,
               std::string_view id, Applies applies) {
  const bool en = out.english();
  for (const auto& a : in.reg.assets) {
    if (!in.lookups.InScope(a) || !applies(a)) continue;
    const Demand d = DemandOf(in, a, r);
    const std::string levels = JoinList(d.levels, en);
    const std::string kind = a.kind.empty() ? std::string(MessageTemplate("value.not_recorded", en)) : a.kind;
    const std::string place =
        a.storage_place.empty() ? std::string(MessageTemplate("value.not_recorded", en)) : a.storage_place;
    auto msg = [&](std::string_view suffix) {
      return Message(std::string(id) + std::string(suffix), en, fmt::arg("levels", levels), fmt::arg("kind", kind),
                     fmt::arg("place", place));
    };
    if (!d.required) {
      if (d.undecided) out.Emit(Status::kUnknown, Of(a), Message("asset.handling.unclassified", en), a.department);
      continue;
    }
    const auto& value = a.*flag;
    if (!value)
      out.Emit(Status::kUnknown, Of(a), msg(".unknown"), a.department);
    else if (!*value)
      out.Emit(Status::kFail, Of(a), msg(".fail"), a.department);
    else
      out.Emit(Status::kPass, Of(a), msg(".pass"), a.department);
  }
}

}  // namespace

void AssetHandlingBackup(const RuleInput& in, Emitter& out) {
  CheckFlag(in, out, Requirement::kBackup, &reg::Asset::backup, "asset.handling.backup", [](const reg::Asset& a) {
    return a.form != reg::Form::kPaper && a.form != reg::Form::kPrinted;  // paper is not backed up electronically
  });
}

void AssetHandlingLockedStorage(const RuleInput& in, Emitter& out) {
  CheckFlag(in, out, Requirement::kLockedStorageForMedia, &reg::Asset::locked_storage, "asset.handling.locked_storage",
            [&in](const reg::Asset& a) {
              return in.lookups.MediaKind(a.kind) || (a.form && in.profile.MediaForm(*a.form));
            });
}

void AssetHandlingRecoveryTarget(const RuleInput& in, Emitter& out) {
  const bool en = out.english();
  for (const auto& a : in.reg.assets) {
    if (!in.lookups.InScope(a)) continue;
    const Demand d = DemandOf(in, a, Requirement::kRecoveryTarget);
    if (!d.required) {
      if (d.undecided) out.Emit(Status::kUnknown, Of(a), Message("asset.handling.unclassified", en), a.department);
      continue;
    }
    const std::string levels = JoinList(d.levels, en);
    if (!a.recovery_target_hours)
      out.Emit(Status::kFail, Of(a), Message("asset.handling.recovery_target.fail", en, fmt::arg("levels", levels)),
               a.department);
    else
      out.Emit(Status::kPass, Of(a),
               Message("asset.handling.recovery_target.pass", en, fmt::arg("levels", levels),
                       fmt::arg("hours", *a.recovery_target_hours)),
               a.department);
  }
}

}  // namespace mamori::check
