// GET /api/v1/findings: the latest check of the register (served from the
// findings cache), scoped and filtered like the findings screen.
#include "check/finding.h"
#include "web/api/api_handlers.h"
#include "web/api/api_json.h"
#include "web/api/api_messages.h"
#include "web/findings_view.h"
#include "web/handlers.h"
#include "web/register_view.h"

namespace mamori::web::api {

namespace {

struct FindingFilter {
  std::string status = "open";  // open: fail + unknown; all: every status
  std::string severity, rule, group, tier, department;

  // Every filter but the status (the summary counts each status under the others).
  bool Others(const check::Finding& f, std::string_view finding_tier) const {
    if (!severity.empty() && policy::Key(f.severity) != severity) return false;
    if (!rule.empty() && f.rule != rule) return false;
    if (!group.empty() && MeasureGroupOf(f) != group) return false;
    if (!tier.empty() && finding_tier != tier) return false;
    if (!department.empty() && f.department != department) return false;
    return true;
  }
  bool Status(check::Status s) const {
    if (status == "all") return true;
    if (status == "open") return s != check::Status::kPass;
    return check::StatusKey(s) == status;
  }
};

void AppendFinding(std::string& out, const policy::Profile& profile, const check::Finding& f, std::string_view tier) {
  nlohmann::ordered_json j;
  j["rule"] = f.rule;
  j["severity"] = std::string(policy::Key(f.severity));
  j["status"] = std::string(check::StatusKey(f.status));
  nlohmann::ordered_json subject;
  subject["type"] = f.subject.type;
  subject["id"] = f.subject.id;
  subject["name"] = f.subject.name;
  if (auto kind = reg::KindFromKey(f.subject.type)) {
    subject["url"] = RecordUrl(*kind, f.subject.id);
    subject["api_url"] = ApiRecordUrl(*kind, f.subject.id);
  } else {
    subject["url"] = nullptr;
  }
  j["subject"] = std::move(subject);
  j["message"] = f.message;
  const auto clause = check::ClauseOf(profile, f);
  j["clause"] = {{"id", f.clause},
                 {"label", std::string(clause.label)},
                 {"title", std::string(clause.title)},
                 {"url", "/policy#clause-" + f.clause}};
  j["group"] = MeasureGroupOf(f);
  j["department"] = f.department.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(f.department);
  j["tier"] = tier.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(std::string(tier));
  out += Dump(j);
}

}  // namespace

http::Response ListFindings(WebApp& app, ApiCtx& ctx) {
  if (auto ok = OnlyParams(ctx, {"status", "severity", "rule", "group", "tier", "department", "limit", "offset"}); !ok)
    return ok.error();
  auto paging = PagingOf(ctx);
  if (!paging) return paging.error();
  FindingFilter filter;
  filter.status = ctx.req.Query("status").value_or("open");
  if (filter.status.empty()) filter.status = "open";
  if (filter.status != "open" && filter.status != "all" && filter.status != "fail" && filter.status != "pass" &&
      filter.status != "unknown")
    return BadParam(ctx, "status", M(ctx.lang, "param.status"));
  filter.severity = ctx.req.Query("severity").value_or("");
  if (!filter.severity.empty() && filter.severity != "high" && filter.severity != "medium" && filter.severity != "low")
    return BadParam(ctx, "severity", M(ctx.lang, "param.severity"));
  filter.rule = ctx.req.Query("rule").value_or("");
  filter.group = ctx.req.Query("group").value_or("");
  filter.tier = ctx.req.Query("tier").value_or("");
  filter.department = ctx.req.Query("department").value_or("");

  // Each of these takes (and returns) a lease of its own: one after the other, never nested.
  const auto run = app.Findings().Current();
  const auto departments = app.Departments();
  const FindingScope scope(*ctx.user, departments, OwnSubjects(app, *ctx.user));
  if (!run->error.empty())
    return ErrorResponse(503, "unavailable", MF(ctx.lang, "findings.unavailable", run->error));

  const auto& findings = run->In(ctx.lang);
  check::Summary summary;
  std::size_t matched = 0;
  std::string items;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const auto& f = findings[i];
    const std::string_view tier = i < run->tier.size() ? std::string_view(run->tier[i]) : std::string_view();
    if (!scope.Visible(f) || !filter.Others(f, tier)) continue;
    switch (f.status) {
      case check::Status::kFail: ++summary.fail; break;
      case check::Status::kPass: ++summary.pass; break;
      case check::Status::kUnknown: ++summary.unknown; break;
    }
    if (!filter.Status(f.status)) continue;
    ++matched;
    if (matched <= paging->offset || matched > paging->offset + paging->limit) continue;
    if (!items.empty()) items.push_back(',');
    AppendFinding(items, app.profile(), f, tier);
  }
  std::string out = "{\"items\":[" + items + "],\"total\":" + std::to_string(matched);
  out += ",\"limit\":" + std::to_string(paging->limit) + ",\"offset\":" + std::to_string(paging->offset);
  out += ",\"summary\":{\"fail\":" + std::to_string(summary.fail) + ",\"unknown\":" + std::to_string(summary.unknown) +
         ",\"pass\":" + std::to_string(summary.pass) + "}";
  out += ",\"computed_at\":";
  AppendString(out, run->computed_at);
  out.push_back('}');
  return Json(std::move(out));
}

}  // namespace mamori::web::api
