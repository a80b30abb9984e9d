// 端末管理台帳: the PCs of each department. Departments with My Number work
// have My Number tier terminals (multi-factor authentication and the take-out
// block set, users limited to that work); most terminals are LGWAN; the
// internet tier has a few dedicated PCs (α model: everyone else browses
// through screen transfer).
#include <algorithm>
#include <array>
#include <string>

#include <fmt/format.h>

#include "demo/organization.h"
#include "demo/parts.h"

namespace mamori::demo {
namespace {

using reg::Tier;

struct TierStyle {
  Tier tier;
  std::string_view host_prefix;
};
constexpr std::array<TierStyle, 3> kStyles{{{Tier::kMyNumber, "MN"}, {Tier::kLgwan, "LG"}, {Tier::kInternet, "IN"}}};

std::size_t PickStyle(const DeptSpec& spec, Rng& rng) {
  if (spec.my_number_work && rng.Chance(0.5)) return 0;
  const bool web_work = spec.prefix == "情報" || spec.prefix == "広報";
  if (rng.Chance(web_work ? 0.25 : 0.03)) return 2;
  return 1;
}

std::string Place(const DeptSpec& spec, Tier tier) {
  switch (tier) {
    case Tier::kMyNumber: return fmt::format("{} {} 窓口", spec.office, spec.name);
    case Tier::kInternet: return fmt::format("{} {}（インターネット専用端末）", spec.office, spec.name);
    default: return fmt::format("{} {}執務室", spec.office, spec.name);
  }
}

}  // namespace

void MakeTerminals(Context& ctx, Rng& rng) {
  const auto& depts = Departments();
  const auto& people = ctx.out.people;
  std::vector<std::size_t> weights, none(depts.size(), 0);
  for (const auto& d : depts) weights.push_back(d.weight);
  const auto counts = Apportion(ctx.options.terminals, weights, none);
  ctx.out.terminals.reserve(ctx.options.terminals);
  std::vector<std::array<std::size_t, 3>> host_seq(depts.size(), {0, 0, 0});

  for (std::size_t d = 0; d < depts.size(); ++d) {
    const auto& spec = depts[d];
    // Users: one to three people of the department; on a My Number terminal
    // only staff doing My Number work.
    static const std::vector<std::size_t> kNobody;
    const auto& members = ctx.staff.by_dept.empty() ? kNobody : ctx.staff.by_dept[d];
    std::vector<std::size_t> my_number_staff;
    for (std::size_t p : members) {
      const auto& duties = people[p].duties;
      if (people[p].employment != reg::Employment::kContractor &&
          std::any_of(duties.begin(), duties.end(), [](const std::string& s) { return IsMyNumberDuty(s); }))
        my_number_staff.push_back(p);
    }
    for (std::size_t j = 0; j < counts[d]; ++j) {
      const std::size_t style = PickStyle(spec, rng);
      const Tier tier = kStyles[style].tier;
      reg::Terminal t;
      t.number = fmt::format("PC-{:05d}", ctx.out.terminals.size() + 1);
      t.name = fmt::format("{}-{}-{:03d}", kStyles[style].host_prefix, spec.romaji, ++host_seq[d][style]);
      t.tier = tier;
      t.department = std::string(spec.name);
      t.place = Place(spec, tier);
      if (tier == Tier::kMyNumber) {
        t.mfa = true;              // 生体認証（顔）＋パスワード
        t.takeout_blocked = true;  // 外部記録媒体への書き出し禁止
        t.notes = "顔認証＋パスワード、外部記録媒体への書き出し不可";
      } else {
        t.mfa = rng.Chance(tier == Tier::kLgwan ? 0.6 : 0.3);
        t.takeout_blocked = rng.Chance(tier == Tier::kLgwan ? 0.85 : 0.5);
      }
      const auto& candidates = tier == Tier::kMyNumber ? my_number_staff : members;
      for (std::size_t i : rng.Sample(candidates.size(), 1 + rng.Below(3))) t.users.push_back(people[candidates[i]].number);
      ctx.out.terminals.push_back(std::move(t));
    }
  }
}

}  // namespace mamori::demo
