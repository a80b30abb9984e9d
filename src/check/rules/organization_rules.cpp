// 組織体制 and 職員等: the roles the policy names are filled, every department
// has its 情報セキュリティ管理者, and the people in the register are bound by it.
#include <map>

#include "check/rule_context.h"
#include "common/text.h"
#include "register/schema.h"

namespace mamori::check {

void PersonStaffCategory(const RuleInput& in, Emitter& out) {
  const bool en = out.english();
  const std::string body = en ? in.profile.name_en : in.profile.name_ja;
  for (const auto& p : in.reg.people) {
    const Subject subject{"person", p.number, p.name};
    if (!p.employment) {
      out.Emit(Status::kUnknown, subject, Message("person.staff_category.unknown", en), p.department);
      continue;
    }
    const std::string employment(reg::EmploymentLabel(*p.employment, en));
    const bool bound = in.profile.IsStaff(*p.employment);
    out.Emit(bound ? Status::kPass : Status::kFail, subject,
             Message(bound ? "person.staff_category.pass" : "person.staff_category.fail", en,
                     fmt::arg("employment", employment), fmt::arg("body", body)),
             p.department);
  }
}

void OrganizationRoles(const RuleInput& in, Emitter& out) {
  const bool en = out.english();
  const Subject body{"body", in.profile.id, en ? in.profile.name_en : in.profile.name_ja};
  if (in.reg.people.empty()) {
    out.Emit(Status::kUnknown, body, Message("organization.roles.unknown", en));
    return;
  }
  for (reg::Role role : {reg::Role::kCiso, reg::Role::kChiefOfficer}) {
    std::vector<std::string> names;
    for (const auto& p : in.reg.people)
      if (p.role == role) names.push_back(p.name);
    const std::string label(reg::RoleLabel(role, en));
    if (names.empty())
      out.Emit(Status::kFail, body, Message("organization.roles.missing", en, fmt::arg("role", label)));
    else
      out.Emit(Status::kPass, body,
               Message("organization.roles.pass", en, fmt::arg("role", label), fmt::arg("names", JoinList(names, en))));
  }
  // Every registered department needs its 情報セキュリティ管理者.
  std::map<std::string, std::vector<std::string>> managers;  // folded department → names
  for (const auto& p : in.reg.people)
    if (p.role == reg::Role::kManager) managers[text::FoldKey(p.department)].push_back(p.name);
  for (const auto& d : in.reg.departments) {
    const Subject subject{"department", d.code, d.name};
    auto it = managers.find(text::FoldKey(d.code));
    if (it == managers.end()) it = managers.find(text::FoldKey(d.name));
    if (it == managers.end())
      out.Emit(Status::kFail, subject, Message("organization.roles.no_manager", en, fmt::arg("department", d.name)), d.code);
    else
      out.Emit(Status::kPass, subject, Message("organization.roles.manager", en, fmt::arg("names", JoinList(it->second, en))),
               d.code);
  }
}

}  // namespace mamori::check
