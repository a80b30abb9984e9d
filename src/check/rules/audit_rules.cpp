// 情報セキュリティ監査・自己点検: on record within the profile's interval, both
// (most bodies) or either one (直方市: 監査又は自己点検).
#include "check/rule_context.h"

namespace mamori::check {
namespace {

const reg::Inspection* Latest(const RuleInput& in, bool (policy::Audit::*matches)(std::string_view) const) {
  const reg::Inspection* last = nullptr;
  for (const auto& i : in.reg.inspections) {
    if (!i.date || *i.date > in.options.today || !(in.profile.audit.*matches)(i.kind)) continue;
    if (!last || *i.date > *last->date) last = &i;
  }
  return last;
}

bool Recent(const RuleInput& in, const reg::Inspection* i) {
  return i && in.options.today.DaysSinceEpoch() - i->date->DaysSinceEpoch() <= in.profile.audit.interval_days;
}

}  // namespace

void AuditPerformed(const RuleInput& in, Emitter& out) {
  const bool en = out.english();
  const Subject body{"body", in.profile.id, en ? in.profile.name_en : in.profile.name_ja};
  const int interval = in.profile.audit.interval_days;
  const auto* audit = Latest(in, &policy::Audit::IsAuditKind);
  const auto* self = Latest(in, &policy::Audit::IsSelfInspectionKind);
  auto pass = [&](const reg::Inspection* i, std::string_view kind_id) {
    out.Emit(Status::kPass, body,
             Message("audit.performed.pass", en, fmt::arg("kind", MessageTemplate(kind_id, en)),
                     fmt::arg("date", en ? i->date->Iso() : ToWareki(*i->date)), fmt::arg("number", i->number)));
  };
  auto missing = [&](std::string_view kind_id) {
    out.Emit(Status::kFail, body,
             Message("audit.performed.missing", en, fmt::arg("kind", MessageTemplate(kind_id, en)),
                     fmt::arg("interval", interval)));
  };
  if (in.profile.audit.regime == policy::AuditRegime::kAuditOrSelfInspection) {
    if (Recent(in, audit))
      pass(audit, "kind.audit");
    else if (Recent(in, self))
      pass(self, "kind.self_inspection");
    else
      out.Emit(Status::kFail, body, Message("audit.performed.either_missing", en, fmt::arg("interval", interval)));
    return;
  }
  if (Recent(in, audit)) pass(audit, "kind.audit"); else missing("kind.audit");
  if (Recent(in, self)) pass(self, "kind.self_inspection"); else missing("kind.self_inspection");
}

}  // namespace mamori::check
