// Scope (organs, assets, who counts as 職員等), definitions and threats.
#include <fmt/format.h>

#include "policy/compile.h"

namespace mamori::policy {

void CompileScope(MapReader& top, Profile& p, CompileContext& ctx) {
  MapReader r(top.Get("scope"), "scope",
              {"organs", "network_only", "all_assets", "printed_documents", "system_documents", "paper_documents",
               "duty_documents", "standalone_systems", "staff_categories", "also_bound", "organs_clause",
               "assets_clause", "staff_clause"},
              ctx.diag);
  if (!r.Present()) top.Missing("scope");
  Scope& s = p.scope;
  s.organs = r.Texts("organs");
  s.network_only = r.Bool("network_only", false);
  s.all_assets = r.Bool("all_assets", false);
  s.printed_documents = r.Bool("printed_documents", true);
  s.system_documents = r.Bool("system_documents", true);
  s.paper_documents = r.Bool("paper_documents", false);
  s.duty_documents = r.Bool("duty_documents", false);
  s.standalone_systems = r.Bool("standalone_systems", false);
  s.staff_categories = r.Enums<reg::Employment>("staff_categories");
  s.also_bound = r.Enums<reg::Employment>("also_bound");
  if (r.Present() && s.staff_categories.empty())
    ctx.diag.Report(ErrorCode::kValidation, fmt::format(msg::kEmptyList, "scope.staff_categories"),
                    r.PosOf("staff_categories"));
  s.organs_clause = r.ClauseId("organs_clause", ctx.clause_refs);
  s.assets_clause = r.ClauseId("assets_clause", ctx.clause_refs);
  s.staff_clause = r.ClauseId("staff_clause", ctx.clause_refs);
}

namespace {

std::optional<Term> ReadTerm(MapReader& parent, std::string_view key, CompileContext& ctx) {
  const Node* n = parent.Get(key);
  if (n == nullptr) return std::nullopt;
  MapReader r(n, parent.PathOf(key), {"label", "term", "definition"}, ctx.diag);
  if (!r.Present()) return std::nullopt;
  Term t;
  t.label = r.Text("label");
  t.term = r.Text("term", true);
  t.definition = r.Text("definition", true);
  return t;
}

void CompileThreats(MapReader& top, Profile& p, CompileContext& ctx) {
  MapReader r(top.Get("threats"), "threats", {"open_ended", "clause", "items"}, ctx.diag);
  p.threats.open_ended = r.Bool("open_ended", false);
  p.threats.clause = r.ClauseId("clause", ctx.clause_refs);
  const Node* items = r.Get("items");
  if (items == nullptr || !r.ExpectMap(*items, "threats.items")) return;
  for (const auto& e : items->entries) {
    if (e.value.IsNull()) continue;
    const std::string path = fmt::format("threats.items.{}", e.key);
    MapReader t(&e.value, path, {"number", "summary", "examples", "clause"}, ctx.diag);
    if (!t.Present()) continue;
    Threat threat;
    threat.id = e.key;
    threat.number = t.Int("number", 1, 99).value_or(0);
    threat.summary = t.Text("summary", true);
    threat.examples = t.Texts("examples");
    threat.clause = t.ClauseId("clause", ctx.clause_refs);
    p.threats.items.push_back(std::move(threat));
  }
}

}  // namespace

void CompileDefinitions(MapReader& top, Profile& p, CompileContext& ctx) {
  MapReader r(top.Get("definitions"), "definitions", {"terms", "personal_data_terms", "incident", "threat"}, ctx.diag);
  p.definitions.terms = r.Texts("terms");
  if (const Node* list = r.Get("personal_data_terms"); list != nullptr && r.ExpectSequence(*list, "definitions.personal_data_terms")) {
    for (std::size_t i = 0; i < list->items.size(); ++i) {
      MapReader t(&list->items[i], fmt::format("definitions.personal_data_terms[{}]", i),
                  {"label", "term", "definition"}, ctx.diag);
      if (!t.Present()) continue;
      Term term;
      term.label = t.Text("label");
      term.term = t.Text("term", true);
      term.definition = t.Text("definition", true);
      p.definitions.personal_data_terms.push_back(std::move(term));
    }
  }
  p.definitions.incident = ReadTerm(r, "incident", ctx);
  p.definitions.threat = ReadTerm(r, "threat", ctx);
  CompileThreats(top, p, ctx);
}

}  // namespace mamori::policy
