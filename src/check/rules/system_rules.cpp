// 三層の対策: each system in a tier its category may be in under the body's
// model, and systems that handle My Number in the My Number tier.
#include "check/rule_context.h"
#include "common/text.h"

namespace mamori::check {
namespace {

Subject Of(const reg::System& s) { return {"system", s.number, s.name}; }

bool IsMyNumberSystem(const reg::System& s, const policy::SystemCategory* category) {
  return s.handles_my_number == true || (category && category->my_number);
}

}  // namespace

void SystemCategoryKnown(const RuleInput& in, Emitter& out) {
  const bool en = out.english();
  for (const auto& s : in.reg.systems) {
    if (text::Trim(s.category).empty())
      out.Emit(Status::kFail, Of(s), Message("system.category_known.empty", en), s.department);
    else if (const auto* c = in.lookups.Category(s.category))
      out.Emit(Status::kPass, Of(s), Message("system.category_known.pass", en, fmt::arg("category", c->name)), s.department);
    else
      out.Emit(Status::kFail, Of(s), Message("system.category_known.fail", en, fmt::arg("category", s.category)),
               s.department);
  }
}

void SystemTierAllowed(const RuleInput& in, Emitter& out) {
  const bool en = out.english();
  const std::string model(policy::Label(in.profile.tiers.model, en));
  for (const auto& s : in.reg.systems) {
    const auto* category = in.lookups.Category(s.category);
    if (!category) continue;                         // system.category_known reports it
    if (IsMyNumberSystem(s, category)) continue;      // system.my_number_tier judges it
    if (!s.tier) {
      out.Emit(Status::kUnknown, Of(s), Message("system.tier_allowed.unknown", en), s.department);
      continue;
    }
    const bool allowed = category->Allows(*s.tier) || (*s.tier == reg::Tier::kNone && in.profile.tiers.standalone_allowed);
    std::vector<std::string> tiers;
    for (auto t : category->tiers) tiers.emplace_back(reg::TierLabel(t, en));
    auto args = [&](std::string_view id) {
      return Message(id, en, fmt::arg("category", category->name), fmt::arg("model", model),
                     fmt::arg("allowed", JoinList(tiers, en)), fmt::arg("tier", TierText(s.tier, en)));
    };
    out.Emit(allowed ? Status::kPass : Status::kFail, Of(s),
             args(allowed ? "system.tier_allowed.pass" : "system.tier_allowed.fail"), s.department);
  }
}

void SystemMyNumberTier(const RuleInput& in, Emitter& out) {
  const bool en = out.english();
  for (const auto& s : in.reg.systems) {
    if (!IsMyNumberSystem(s, in.lookups.Category(s.category))) continue;
    if (!s.tier)
      out.Emit(Status::kUnknown, Of(s), Message("system.my_number_tier.unknown", en), s.department);
    else if (*s.tier != reg::Tier::kMyNumber)
      out.Emit(Status::kFail, Of(s), Message("system.my_number_tier.fail", en, fmt::arg("tier", TierText(s.tier, en))),
               s.department);
    else
      out.Emit(Status::kPass, Of(s), Message("system.my_number_tier.pass", en), s.department);
  }
}

}  // namespace mamori::check
