// Findings: filter by severity, status, rule, measure group, tier and
// department; each links to its subject and to the clause it cites.
#include <set>

#include <fmt/format.h>

#include "http/url.h"
#include "web/findings_view.h"
#include "web/handlers.h"
#include "web/pager.h"
#include "web/register_view.h"

namespace mamori::web {

std::unordered_set<std::string> OwnSubjects(WebApp& app, const Principal& p) {
  std::unordered_set<std::string> out;
  if (SeesEverything(p) || p.person_number.empty()) return out;
  const std::pair<reg::EntityKind, const char*> owners[] = {{reg::EntityKind::kAsset, "manager"},
                                                           {reg::EntityKind::kSystem, "administrator"},
                                                           {reg::EntityKind::kTerminal, "users"},
                                                           {reg::EntityKind::kPerson, "number"}};
  auto lease = app.pool().Acquire();
  for (const auto& [kind, field] : owners) {
    store::PageQuery q;
    q.where = {{field, {p.person_number}}};
    q.limit = 100'000;
    if (auto page = lease->Query(kind, q))
      for (const auto& row : page->rows)
        out.insert(std::string(reg::Info(kind).key) + "/" + std::get<std::string>(row[0]));
  }
  return out;
}

http::Response FindingsPage(WebApp& app, Ctx& ctx) {
  constexpr std::size_t kPageSize = 100;
  const auto lang = ctx.lang;
  const auto run = app.Findings().Current();
  const auto& findings = run->In(lang);
  const auto departments = app.Departments();
  const FindingScope scope(*ctx.user, departments, OwnSubjects(app, *ctx.user));

  const auto severity = ctx.req.Query("severity").value_or("");
  const auto status = ctx.req.Query("status").value_or("open");  // open: fail + unknown
  const auto rule = ctx.req.Query("rule").value_or("");
  const auto group = ctx.req.Query("group").value_or("");
  const auto tier = ctx.req.Query("tier").value_or("");
  const auto department = ctx.req.Query("department").value_or("");
  const std::size_t page_no = PageNumber(ctx.req);

  Data rows = List();
  std::size_t matched = 0;
  std::set<std::string> rules_seen, departments_seen;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const auto& f = findings[i];
    if (!scope.Visible(f)) continue;
    rules_seen.insert(f.rule);
    if (!f.department.empty()) departments_seen.insert(f.department);
    if (status == "open" ? f.status == check::Status::kPass : (!status.empty() && check::StatusKey(f.status) != status))
      continue;
    if (!severity.empty() && policy::Key(f.severity) != severity) continue;
    if (!rule.empty() && f.rule != rule) continue;
    if (!group.empty() && MeasureGroupOf(f) != group) continue;
    if (!tier.empty() && run->tier[i] != tier) continue;
    if (!department.empty() && f.department != department) continue;
    ++matched;
    if (matched <= (page_no - 1) * kPageSize || matched > page_no * kPageSize) continue;
    Data r;
    r.set("severity", std::string(policy::Key(f.severity)));
    r.set("severity_label", std::string(policy::Label(f.severity, English(lang))));
    r.set("status", std::string(check::StatusKey(f.status)));
    r.set("status_label", std::string(check::StatusLabel(f.status, English(lang))));
    r.set("rule", f.rule);
    r.set("message", f.message);
    r.set("subject", f.subject.id);
    r.set("subject_name", f.subject.name);
    if (auto kind = reg::KindFromKey(f.subject.type)) r.set("subject_url", RecordUrl(*kind, f.subject.id));
    const auto clause = check::ClauseOf(app.profile(), f);
    r.set("clause_label", std::string(clause.label));
    r.set("clause_title", std::string(clause.title));
    r.set("clause_url", "/policy#clause-" + f.clause);
    r.set("department", f.department);
    rows.push_back(r);
  }

  Data d;
  d.set("rows", rows);
  d.set("count", fmt::format(fmt::runtime(std::string(T(lang, "findings.count"))), matched));
  d.set("computed_at", run->computed_at);
  auto options = [](const std::vector<std::pair<std::string, std::string>>& items, const std::string& current) {
    Data list = List();
    for (const auto& [value, label] : items) {
      Data o;
      o.set("value", value);
      o.set("label", label);
      if (value == current) o.set("selected", true);
      list.push_back(o);
    }
    return list;
  };
  std::vector<std::pair<std::string, std::string>> sev, st, ru, gr, ti, de;
  for (auto s : {policy::Severity::kHigh, policy::Severity::kMedium, policy::Severity::kLow})
    sev.emplace_back(std::string(policy::Key(s)), std::string(policy::Label(s, English(lang))));
  st.emplace_back("open", std::string(T(lang, "findings.open")));
  for (auto s : {check::Status::kFail, check::Status::kUnknown, check::Status::kPass})
    st.emplace_back(std::string(check::StatusKey(s)), std::string(check::StatusLabel(s, English(lang))));
  st.emplace_back("", std::string(T(lang, "register.all")));
  for (const auto& r : rules_seen) ru.emplace_back(r, r);
  for (const auto& g : app.profile().measures.groups)
    gr.emplace_back(g.id, fmt::format("{}. {}", g.number, g.title));
  for (auto t : {reg::Tier::kMyNumber, reg::Tier::kLgwan, reg::Tier::kInternet})
    ti.emplace_back(std::string(reg::TierKey(t)), std::string(reg::TierLabel(t, English(lang))));
  for (const auto& dep : departments_seen) de.emplace_back(dep, dep);
  d.set("severity_options", options(sev, severity));
  d.set("status_options", options(st, status));
  d.set("rule_options", options(ru, rule));
  d.set("group_options", options(gr, group));
  d.set("tier_options", options(ti, tier));
  d.set("department_options", options(de, department));

  SetPager(d, lang, page_no, matched, kPageSize, [&](std::size_t n) { return PageLink(ctx.req, "/findings", n); });
  return app.Page(ctx, "findings", d, T(lang, "nav.findings"), Nav::kFindings);
}

}  // namespace mamori::web
