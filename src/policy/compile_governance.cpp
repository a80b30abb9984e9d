// The nine measure groups, audit, review, documents, incidents, violations.
#include <fmt/format.h>

#include "policy/compile.h"

namespace mamori::policy {

void CompileMeasures(MapReader& top, Profile& p, CompileContext& ctx) {
  MapReader r(top.Get("measures"), "measures", {"physical_rooms", "social_media", "cloud_term", "groups"}, ctx.diag);
  if (!r.Present()) {
    top.Missing("measures");
    return;
  }
  Measures& m = p.measures;
  m.physical_rooms = r.Texts("physical_rooms");
  m.social_media = r.Bool("social_media", true);
  m.cloud_term = r.Text("cloud_term");
  const Node* groups = r.Get("groups");
  if (groups == nullptr || !r.ExpectMap(*groups, "measures.groups")) return;
  for (const auto& e : groups->entries) {
    if (e.value.IsNull()) continue;
    const std::string path = fmt::format("measures.groups.{}", e.key);
    MapReader g(&e.value, path, {"number", "title", "clause"}, ctx.diag);
    if (!g.Present()) continue;
    MeasureGroup group;
    group.id = e.key;
    group.number = g.Int("number", 1, 99).value_or(0);
    group.title = g.Text("title", true);
    group.clause = g.ClauseId("clause", ctx.clause_refs, true);
    m.groups.push_back(std::move(group));
  }
}

namespace {

void CompileAudit(MapReader& top, Profile& p, CompileContext& ctx) {
  MapReader r(top.Get("audit"), "audit",
              {"regime", "periodic", "as_needed", "audit_kinds", "self_inspection_kinds", "interval_days", "clause"},
              ctx.diag);
  if (!r.Present()) {
    top.Missing("audit");
    return;
  }
  Audit& a = p.audit;
  a.regime = r.Enum<AuditRegime>("regime", true).value_or(AuditRegime::kAuditAndSelfInspection);
  a.periodic = r.Bool("periodic", true);
  a.as_needed = r.Bool("as_needed", true);
  a.audit_kinds = r.Texts("audit_kinds");
  a.self_inspection_kinds = r.Texts("self_inspection_kinds");
  a.interval_days = r.Int("interval_days", 1, 3660).value_or(365);
  a.clause = r.ClauseId("clause", ctx.clause_refs, true);
  if (a.audit_kinds.empty())
    ctx.diag.Report(ErrorCode::kValidation, fmt::format(msg::kEmptyList, "audit.audit_kinds"), r.PosOf("audit_kinds"));
  if (a.self_inspection_kinds.empty())
    ctx.diag.Report(ErrorCode::kValidation, fmt::format(msg::kEmptyList, "audit.self_inspection_kinds"),
                    r.PosOf("self_inspection_kinds"));
}

void CompileDocuments(MapReader& top, Profile& p, CompileContext& ctx) {
  const Node* docs = top.Get("documents");
  if (docs == nullptr) {
    top.Missing("documents");
    return;
  }
  if (!top.ExpectMap(*docs, "documents")) return;
  for (const auto& e : docs->entries) {
    if (e.value.IsNull()) continue;  // 美郷町: no separate 実施手順
    const std::string path = fmt::format("documents.{}", e.key);
    MapReader d(&e.value, path, {"title", "visibility", "readers", "holds_procedures", "clause", "note"}, ctx.diag);
    if (!d.Present()) continue;
    Document doc;
    doc.id = e.key;
    doc.title = d.Text("title", true);
    doc.visibility = d.Enum<Visibility>("visibility", true).value_or(Visibility::kNotStated);
    doc.readers = d.Enums<reg::Role>("readers");
    doc.holds_procedures = d.Bool("holds_procedures", false);
    doc.clause = d.ClauseId("clause", ctx.clause_refs);
    doc.note = d.Text("note");
    p.documents.push_back(std::move(doc));
  }
}

void CompileIncident(MapReader& top, Profile& p, CompileContext& ctx) {
  MapReader r(top.Get("incident"), "incident", {"clause", "plans"}, ctx.diag);
  p.incident.clause = r.ClauseId("clause", ctx.clause_refs);
  const Node* list = r.Get("plans");
  if (list == nullptr || !r.ExpectSequence(*list, "incident.plans")) return;
  for (std::size_t i = 0; i < list->items.size(); ++i) {
    MapReader pl(&list->items[i], fmt::format("incident.plans[{}]", i), {"name", "covers", "clause"}, ctx.diag);
    if (!pl.Present()) continue;
    IncidentPlan plan;
    plan.name = pl.Text("name", true);
    plan.covers = pl.Text("covers");
    plan.clause = pl.ClauseId("clause", ctx.clause_refs);
    p.incident.plans.push_back(std::move(plan));
  }
}

}  // namespace

void CompileGovernance(MapReader& top, Profile& p, CompileContext& ctx) {
  CompileAudit(top, p, ctx);
  {
    MapReader r(top.Get("review"), "review", {"requires_risk_analysis", "clause"}, ctx.diag);
    p.review.requires_risk_analysis = r.Bool("requires_risk_analysis", false);
    p.review.clause = r.ClauseId("clause", ctx.clause_refs);
  }
  CompileDocuments(top, p, ctx);
  CompileIncident(top, p, ctx);
  if (const Node* v = top.Get("violation")) {
    MapReader r(v, "violation", {"disciplinary", "liability", "clause"}, ctx.diag);
    if (r.Present()) {
      Violation violation;
      violation.disciplinary = r.Bool("disciplinary", false);
      violation.liability = r.Bool("liability", false);
      violation.clause = r.ClauseId("clause", ctx.clause_refs, true);
      p.violation = violation;
    }
  }
}

void CompileChecks(MapReader& top, Profile& p, CompileContext& ctx) {
  const Node* checks = top.Get("checks");
  if (checks == nullptr) {
    top.Missing("checks");
    return;
  }
  if (!top.ExpectMap(*checks, "checks")) return;
  std::vector<std::string_view> known;
  for (const auto& k : KnownRules()) known.push_back(k.id);
  for (const auto& e : checks->entries) {
    const std::string path = fmt::format("checks.{}", e.key);
    if (FindKnownRule(e.key) == nullptr) {
      std::string message = fmt::format(msg::kUnknownRule, e.key);
      if (auto near = Nearest(e.key, known); !near.empty()) message += fmt::format(msg::kDidYouMean, near);
      ctx.diag.Report(ErrorCode::kValidation, std::move(message), e.key_pos);
      continue;
    }
    if (e.value.IsNull()) continue;  // reported per file by the loader (derivation removes it)
    MapReader r(&e.value, path, {"clause", "see_also", "severity", "enabled", "note"}, ctx.diag);
    if (!r.Present()) continue;
    RuleSetting rule;
    rule.id = e.key;
    rule.clause = r.ClauseId("clause", ctx.clause_refs, true);
    rule.see_also = r.ClauseIds("see_also", ctx.clause_refs);
    rule.severity = r.Enum<Severity>("severity", true).value_or(Severity::kMedium);
    rule.enabled = r.Bool("enabled", true);
    rule.note = r.Text("note");
    rule.where = e.key_pos.ToLocation();
    p.rules.push_back(std::move(rule));
  }
}

}  // namespace mamori::policy
