// The My Number tier as the body protects it: terminals with multi-factor
// authentication and a take-out block (isolation mode), or users limited to
// the permitted duties and a periodic compliance check (津山's mode).
#include <algorithm>

#include "check/rule_context.h"
#include "common/text.h"

namespace mamori::check {
namespace {

Subject Of(const reg::Terminal& t) { return {"terminal", t.number, t.name}; }

bool DutyPermitted(const std::vector<std::string>& duties, const std::vector<std::string>& permitted) {
  for (const auto& d : duties) {
    const std::string duty = text::FoldKey(d);
    for (const auto& p : permitted) {
      const std::string allowed = text::FoldKey(p);
      if (!allowed.empty() && duty.find(allowed) != std::string::npos) return true;
    }
  }
  return false;
}

bool KindMatches(const std::string& kind, const std::vector<std::string>& kinds) {
  const std::string k = text::FoldKey(kind);
  return std::any_of(kinds.begin(), kinds.end(), [&](const auto& want) { return k == text::FoldKey(want); });
}

void CheckTerminals(const RuleInput& in, Emitter& out, std::optional<bool> reg::Terminal::*flag, std::string_view id) {
  const bool en = out.english();
  for (const auto& t : in.reg.terminals) {
    if (t.tier != reg::Tier::kMyNumber) continue;
    const auto& value = t.*flag;
    const std::string prefix(id);
    if (!value)
      out.Emit(Status::kUnknown, Of(t), Message(prefix + ".unknown", en), t.department);
    else if (!*value)
      out.Emit(Status::kFail, Of(t), Message(prefix + ".fail", en), t.department);
    else
      out.Emit(Status::kPass, Of(t), Message(prefix + ".pass", en), t.department);
  }
}

}  // namespace

void TerminalMyNumberMfa(const RuleInput& in, Emitter& out) {
  if (!in.profile.my_number.require_mfa) return;
  CheckTerminals(in, out, &reg::Terminal::mfa, "terminal.my_number_mfa");
}

void TerminalMyNumberTakeout(const RuleInput& in, Emitter& out) {
  if (!in.profile.my_number.require_takeout_block) return;
  CheckTerminals(in, out, &reg::Terminal::takeout_blocked, "terminal.my_number_takeout");
}

void SystemMyNumberUsers(const RuleInput& in, Emitter& out) {
  const auto& permitted = in.profile.my_number.permitted_duties;
  if (permitted.empty()) return;
  const bool en = out.english();
  const std::string permitted_text = JoinList(permitted, en);
  for (const auto& s : in.reg.systems) {
    const auto* category = in.lookups.Category(s.category);
    const bool my_number = s.tier == reg::Tier::kMyNumber || s.handles_my_number == true || (category && category->my_number);
    if (!my_number) continue;
    const Subject subject{"system", s.number, s.name};
    if (s.users.empty()) {
      out.Emit(Status::kUnknown, subject, Message("system.my_number_users.unknown", en), s.department);
      continue;
    }
    bool all_ok = true;
    for (const auto& user : s.users) {
      const auto* person = in.lookups.Person(user);
      if (!person) {
        all_ok = false;
        out.Emit(Status::kFail, subject, Message("system.my_number_users.unregistered", en, fmt::arg("user", user)),
                 s.department);
      } else if (!DutyPermitted(person->duties, permitted)) {
        all_ok = false;
        const std::string duties =
            person->duties.empty() ? std::string(MessageTemplate("value.not_recorded", en)) : JoinList(person->duties, en);
        out.Emit(Status::kFail, subject,
                 Message("system.my_number_users.duty", en, fmt::arg("user", user), fmt::arg("name", person->name),
                         fmt::arg("duties", duties), fmt::arg("permitted", permitted_text)),
                 s.department);
      }
    }
    if (all_ok)
      out.Emit(Status::kPass, subject,
               Message("system.my_number_users.pass", en, fmt::arg("count", s.users.size()),
                       fmt::arg("permitted", permitted_text)),
               s.department);
  }
}

void MyNumberPeriodicCheck(const RuleInput& in, Emitter& out) {
  const auto& kinds = in.profile.my_number.check_kinds;
  if (kinds.empty()) return;
  const bool en = out.english();
  const int interval = in.profile.my_number.check_interval_days.value_or(365);
  const Subject body{"body", in.profile.id, en ? in.profile.name_en : in.profile.name_ja};
  const reg::Inspection* last = nullptr;
  for (const auto& i : in.reg.inspections)
    if (i.date && KindMatches(i.kind, kinds) && *i.date <= in.options.today && (!last || *i.date > *last->date)) last = &i;
  const std::string kinds_text = JoinList(kinds, en);
  if (!last) {
    out.Emit(Status::kFail, body, Message("my_number.periodic_check.none", en, fmt::arg("kinds", kinds_text)));
    return;
  }
  const long days = in.options.today.DaysSinceEpoch() - last->date->DaysSinceEpoch();
  const std::string date = en ? last->date->Iso() : ToWareki(*last->date);
  out.Emit(days > interval ? Status::kFail : Status::kPass, body,
           Message(days > interval ? "my_number.periodic_check.old" : "my_number.periodic_check.pass", en,
                   fmt::arg("kinds", kinds_text), fmt::arg("date", date), fmt::arg("days", days),
                   fmt::arg("interval", interval)));
}

}  // namespace mamori::check
