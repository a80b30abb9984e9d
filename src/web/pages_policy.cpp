// The body's policy as a readable document. /policy is public (the 基本方針,
// which the law requires to be published); /policy/{document} shows a
// non-public document only to the roles the profile allows.
#include <fmt/format.h>

#include "common/wareki.h"
#include "web/handlers.h"

namespace mamori::web {

namespace {

std::string WarekiDate(const Date& d, bool month_only, Lang lang) {
  if (English(lang)) return month_only ? fmt::format("{:04}-{:02}", d.year, d.month) : d.Iso();
  std::string w = ToWareki(d);
  if (month_only && w.ends_with("1日")) w.resize(w.size() - std::string_view("1日").size());
  return w;
}

Data Documents(WebApp& app, Ctx& ctx) {
  Data docs = List();
  for (const auto& doc : app.profile().documents) {
    Data x;
    x.set("id", doc.id);
    x.set("title", doc.title);
    x.set("visibility", std::string(policy::Label(doc.visibility, English(ctx.lang))));
    if (CanReadDocument(doc, ctx.user ? &*ctx.user : nullptr)) x.set("url", "/policy/" + doc.id);
    docs.push_back(x);
  }
  return docs;
}

}  // namespace

http::Response PolicyPage(WebApp& app, Ctx& ctx) {
  const auto& p = app.profile();
  const auto lang = ctx.lang;
  const auto* basic = p.FindDocument("basic_policy");
  if (basic && !CanReadDocument(*basic, ctx.user ? &*ctx.user : nullptr))
    return ctx.user ? app.ErrorPage(ctx, 403, T(lang, "policy.not_allowed"))
                    : http::Response::Redirect("/login?next=%2Fpolicy");
  Data d;
  d.set("body", p.name_ja);
  d.set("title", basic ? basic->title : p.title);
  d.set("policy_title", p.title);
  d.set("form", p.form);
  d.set("version", p.version);
  Data revisions = List();
  for (const auto& r : p.revisions) {
    Data x;
    x.set("date", WarekiDate(r.date, r.month_only, lang));
    x.set("date_iso", r.date.Iso());
    if (r.in_force) x.set("in_force", WarekiDate(*r.in_force, false, lang));
    x.set("kind", r.kind);
    x.set("description", r.description);
    revisions.push_back(x);
  }
  d.set("revisions", revisions);
  Data clauses = List();
  for (const auto& c : p.clauses) {
    Data x;
    x.set("id", c.id);
    x.set("label", c.label);
    x.set("title", c.title);
    x.set("excerpt", c.excerpt);
    if (!c.note.empty()) x.set("note", c.note);
    clauses.push_back(x);
  }
  d.set("clauses", clauses);
  Data terms = List();
  for (const auto& t : p.definitions.terms) {
    Data x;
    x.set("term", t);
    terms.push_back(x);
  }
  d.set("terms", terms);
  if (p.definitions.incident) {
    d.set("incident_term", p.definitions.incident->term);
    d.set("incident_definition", p.definitions.incident->definition);
  }
  Data threats = List();
  for (const auto& t : p.threats.items) {
    Data x;
    x.set("number", std::to_string(t.number));
    x.set("summary", t.summary);
    threats.push_back(x);
  }
  d.set("threats", threats);
  Data groups = List();
  for (const auto& g : p.measures.groups) {
    Data x;
    x.set("number", std::to_string(g.number));
    x.set("title", g.title);
    x.set("clause", g.clause);
    groups.push_back(x);
  }
  d.set("groups", groups);
  d.set("documents", Documents(app, ctx));
  return app.Page(ctx, "policy", d, basic ? basic->title : p.title, Nav::kPolicy);
}

http::Response DocumentPage(WebApp& app, Ctx& ctx) {
  const auto& p = app.profile();
  const auto lang = ctx.lang;
  const std::string id = ctx.req.params["document"];
  if (id == "basic_policy") return http::Response::Redirect("/policy", 301);
  const auto* doc = p.FindDocument(id);
  if (!doc) return app.ErrorPage(ctx, 404, T(lang, "error.not_found"));
  if (!CanReadDocument(*doc, ctx.user ? &*ctx.user : nullptr)) {
    if (!ctx.user) return http::Response::Redirect("/login?next=%2Fpolicy%2F" + id);
    return app.ErrorPage(ctx, 403, T(lang, "policy.not_allowed"));
  }
  Data d;
  d.set("title", doc->title);
  d.set("visibility", std::string(policy::Label(doc->visibility, English(lang))));
  if (!doc->note.empty()) d.set("note", doc->note);
  Data readers = List();
  for (auto r : doc->readers) {
    Data x;
    x.set("role", std::string(reg::RoleLabel(r, English(lang))));
    readers.push_back(x);
  }
  d.set("readers", readers);
  // What mamori enforces of it: classification and handling, tier placement, checks.
  Data schemes = List();
  for (const auto& s : p.classification.schemes) {
    Data x;
    x.set("name", s.name);
    if (s.scheme == p.classification.active) x.set("active", true);
    Data levels = List();
    for (auto axis : {policy::Axis::kConfidentiality, policy::Axis::kIntegrity, policy::Axis::kAvailability})
      for (const auto& l : s.Levels(axis)) {
        Data y;
        y.set("axis", std::string(policy::Label(axis, English(lang))));
        y.set("code", l.code);
        y.set("name", l.name);
        y.set("definition", l.definition);
        std::string handling;
        for (const auto& h : l.handling) handling += (handling.empty() ? "" : "／") + h;
        y.set("handling", handling);
        levels.push_back(y);
      }
    x.set("levels", levels);
    schemes.push_back(x);
  }
  d.set("schemes", schemes);
  Data categories = List();
  for (const auto& c : p.tiers.categories) {
    Data x;
    x.set("name", c.name);
    std::string tiers;
    for (auto t : c.tiers) tiers += (tiers.empty() ? "" : "、") + std::string(reg::TierLabel(t, English(lang)));
    x.set("tiers", tiers);
    if (c.my_number) x.set("my_number", true);
    categories.push_back(x);
  }
  d.set("categories", categories);
  d.set("tier_model", std::string(policy::Label(p.tiers.model, English(lang))));
  d.set("my_number_mode", std::string(policy::Label(p.my_number.mode, English(lang))));
  d.set("audit_regime", std::string(policy::Label(p.audit.regime, English(lang))));
  std::string directions;
  for (auto dir : p.sanitization.directions)
    directions += (directions.empty() ? "" : "、") + std::string(policy::Label(dir, English(lang)));
  d.set("sanitization", directions);
  Data rules = List();
  for (const auto& r : p.rules) {
    if (!r.enabled) continue;
    Data x;
    x.set("id", r.id);
    x.set("severity", std::string(policy::Label(r.severity, English(lang))));
    const auto* clause = p.FindClause(r.clause);
    x.set("clause_label", clause ? clause->label : r.clause);
    x.set("clause_url", "/policy#clause-" + r.clause);
    if (!r.note.empty()) x.set("note", r.note);
    rules.push_back(x);
  }
  d.set("rules", rules);
  return app.Page(ctx, "document", d, doc->title, Nav::kPolicy);
}

}  // namespace mamori::web
