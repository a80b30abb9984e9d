// Rules on the information assets themselves: classified in the body's scheme,
// a manager, a known department, My Number data in the My Number tier.
#include "check/rule_context.h"
#include "common/text.h"

namespace mamori::check {
namespace {

using policy::Axis;

Subject Of(const reg::Asset& a) { return {"asset", a.number, a.name}; }

const std::string& CodeOf(const reg::Asset& a, Axis axis) {
  switch (axis) {
    case Axis::kConfidentiality: return a.confidentiality;
    case Axis::kIntegrity: return a.integrity;
    case Axis::kAvailability: return a.availability;
  }
  return a.confidentiality;
}

std::string AxisName(Axis axis, bool english) {
  switch (axis) {
    case Axis::kConfidentiality: return std::string(MessageTemplate("axis.confidentiality", english));
    case Axis::kIntegrity: return std::string(MessageTemplate("axis.integrity", english));
    case Axis::kAvailability: return std::string(MessageTemplate("axis.availability", english));
  }
  return {};
}

}  // namespace

void AssetClassified(const RuleInput& in, Emitter& out) {
  const bool en = out.english();
  const auto* scheme = in.profile.ActiveScheme();
  const std::string scheme_name = scheme ? scheme->name : std::string();
  for (const auto& a : in.reg.assets) {
    if (!in.lookups.InScope(a)) continue;
    std::vector<std::string> missing;
    bool reported = false;
    for (Axis axis : {Axis::kConfidentiality, Axis::kIntegrity, Axis::kAvailability}) {
      const std::string& code = CodeOf(a, axis);
      if (code.empty()) {
        missing.push_back(AxisName(axis, en));
      } else if (!in.lookups.Level(axis, code) && !in.lookups.IsLegacy(axis, code)) {
        out.Emit(Status::kFail, Of(a),
                 Message("asset.classified.invalid", en, fmt::arg("axis", AxisName(axis, en)), fmt::arg("code", code),
                         fmt::arg("scheme", scheme_name)),
                 a.department);
        reported = true;
      }
    }
    if (!missing.empty()) {
      out.Emit(Status::kFail, Of(a), Message("asset.classified.missing", en, fmt::arg("axes", JoinList(missing, en))),
               a.department);
    } else if (!reported) {
      out.Emit(Status::kPass, Of(a),
               Message("asset.classified.pass", en, fmt::arg("c", a.confidentiality), fmt::arg("i", a.integrity),
                       fmt::arg("a", a.availability)),
               a.department);
    }
  }
}

void AssetLegacyLevel(const RuleInput& in, Emitter& out) {
  const bool en = out.english();
  const auto* scheme = in.profile.ActiveScheme();
  const std::string scheme_name = scheme ? scheme->name : std::string();
  for (const auto& a : in.reg.assets) {
    if (!in.lookups.InScope(a) || a.confidentiality.empty()) continue;
    if (in.lookups.IsLegacy(Axis::kConfidentiality, a.confidentiality)) {
      std::vector<std::string> candidates;
      for (const auto& s : in.profile.classification.schemes) {
        if (s.scheme == in.profile.classification.active) continue;
        for (const auto& level : s.confidentiality)
          if (text::FoldKey(level.code) == text::FoldKey(a.confidentiality)) candidates = level.reclassify_to;
      }
      if (candidates.empty() && scheme)
        for (const auto& level : scheme->confidentiality) candidates.push_back(level.code);
      out.Emit(Status::kFail, Of(a),
               Message("asset.legacy_level.fail", en, fmt::arg("code", a.confidentiality), fmt::arg("scheme", scheme_name),
                       fmt::arg("candidates", JoinList(candidates, en))),
               a.department);
    } else if (in.lookups.Level(Axis::kConfidentiality, a.confidentiality)) {
      out.Emit(Status::kPass, Of(a),
               Message("asset.legacy_level.pass", en, fmt::arg("code", a.confidentiality), fmt::arg("scheme", scheme_name)),
               a.department);
    }
  }
}

void AssetManager(const RuleInput& in, Emitter& out) {
  const bool en = out.english();
  for (const auto& a : in.reg.assets) {
    if (!in.lookups.InScope(a)) continue;
    if (text::Trim(a.manager).empty())
      out.Emit(Status::kFail, Of(a), Message("asset.manager.fail", en), a.department);
    else
      out.Emit(Status::kPass, Of(a), Message("asset.manager.pass", en, fmt::arg("manager", a.manager)), a.department);
  }
}

void AssetDepartmentKnown(const RuleInput& in, Emitter& out) {
  const bool en = out.english();
  for (const auto& a : in.reg.assets) {
    if (!in.lookups.InScope(a)) continue;
    if (text::Trim(a.department).empty()) {
      out.Emit(Status::kFail, Of(a), Message("asset.department_known.empty", en));
    } else if (!in.lookups.HasDepartments()) {
      out.Emit(Status::kUnknown, Of(a), Message("asset.department_known.unknown", en), a.department);
    } else if (!in.lookups.DepartmentKnown(a.department)) {
      out.Emit(Status::kFail, Of(a), Message("asset.department_known.fail", en, fmt::arg("department", a.department)),
               a.department);
    } else {
      out.Emit(Status::kPass, Of(a), Message("asset.department_known.pass", en, fmt::arg("department", a.department)),
               a.department);
    }
  }
}

void AssetMyNumberTier(const RuleInput& in, Emitter& out) {
  const bool en = out.english();
  for (const auto& a : in.reg.assets) {
    if (!in.lookups.InScope(a) || a.specific_personal_data != true) continue;
    if (a.form == reg::Form::kPaper || a.form == reg::Form::kPrinted) continue;  // paper has no tier
    if (!a.tier)
      out.Emit(Status::kUnknown, Of(a), Message("asset.my_number_tier.unknown", en), a.department);
    else if (*a.tier != reg::Tier::kMyNumber)
      out.Emit(Status::kFail, Of(a), Message("asset.my_number_tier.fail", en, fmt::arg("tier", TierText(a.tier, en))),
               a.department);
    else
      out.Emit(Status::kPass, Of(a), Message("asset.my_number_tier.pass", en), a.department);
  }
}

}  // namespace mamori::check
