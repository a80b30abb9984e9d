// ProfileToJson: the compiled profile for programs (web API, `--json`).
#include <nlohmann/json.hpp>

#include "policy/keys.h"
#include "policy/render.h"

namespace mamori::policy {
namespace {

using nlohmann::json;

template <typename E>
json Keys(const std::vector<E>& values) {
  json out = json::array();
  for (const auto& v : values) out.push_back(std::string(NameOf(v).key));
  return out;
}

json DateJson(const Date& d) { return {{"iso", d.Iso()}, {"wareki", ToWareki(d)}}; }

json LevelJson(const Level& l) {
  return {{"code", l.code},        {"aliases", l.aliases},       {"name", l.name},
          {"definition", l.definition}, {"handling", l.handling}, {"requires", Keys(l.requirements)},
          {"reclassify_to", l.reclassify_to}, {"rank", l.rank},   {"unverified", l.unverified},
          {"note", l.note}};
}

json LevelsJson(const std::vector<Level>& levels) {
  json out = json::array();
  for (const auto& l : levels) out.push_back(LevelJson(l));
  return out;
}

json ClassificationJson(const Classification& c) {
  json schemes = json::object();
  for (const auto& s : c.schemes) {
    schemes[std::string(Key(s.scheme))] = {{"name", s.name},
                                           {"note", s.note},
                                           {"confidentiality", LevelsJson(s.confidentiality)},
                                           {"integrity", LevelsJson(s.integrity)},
                                           {"availability", LevelsJson(s.availability)}};
  }
  return {{"scheme", Key(c.active)},       {"active_reason", c.active_reason}, {"clause", c.clause},
          {"media_kinds", c.media_kinds},  {"media_forms", Keys(c.media_forms)}, {"schemes", schemes}};
}

json TiersJson(const TierPlacement& t) {
  json cats = json::array();
  for (const auto& c : t.categories) {
    cats.push_back({{"id", c.id},           {"name", c.name},   {"aliases", c.aliases}, {"tiers", Keys(c.tiers)},
                    {"my_number", c.my_number}, {"clause", c.clause}, {"note", c.note}});
  }
  return {{"model", Key(t.model)}, {"standalone_allowed", t.standalone_allowed}, {"clause", t.clause},
          {"note", t.note},        {"categories", cats}};
}

json MyNumberJson(const MyNumber& m) {
  json content = json::array();
  for (const auto& c : m.content) content.push_back({{"duty", c.duty}, {"subjects", c.subjects}});
  json exceptions = json::array();
  for (const auto& e : m.exceptions) exceptions.push_back({{"name", e.name}, {"note", e.note}, {"unverified", e.unverified}});
  return {{"mode", Key(m.mode)},
          {"isolate_network", m.isolate_network},
          {"require_mfa", m.require_mfa},
          {"require_takeout_block", m.require_takeout_block},
          {"permitted_duties", m.permitted_duties},
          {"check_kinds", m.check_kinds},
          {"check_interval_days", m.check_interval_days ? json(*m.check_interval_days) : json(nullptr)},
          {"check_as_needed", m.check_as_needed},
          {"content", content},
          {"exceptions", exceptions},
          {"clause", m.clause},
          {"definition_clause", m.definition_clause},
          {"note", m.note}};
}

json GovernanceJson(const Profile& p, json& out) {
  out["audit"] = {{"regime", Key(p.audit.regime)},        {"periodic", p.audit.periodic},
                  {"as_needed", p.audit.as_needed},       {"audit_kinds", p.audit.audit_kinds},
                  {"self_inspection_kinds", p.audit.self_inspection_kinds},
                  {"interval_days", p.audit.interval_days}, {"clause", p.audit.clause}};
  out["review"] = {{"requires_risk_analysis", p.review.requires_risk_analysis}, {"clause", p.review.clause}};
  json docs = json::array();
  for (const auto& d : p.documents) {
    docs.push_back({{"id", d.id},           {"title", d.title}, {"visibility", Key(d.visibility)},
                    {"readers", Keys(d.readers)}, {"holds_procedures", d.holds_procedures},
                    {"clause", d.clause},   {"note", d.note}});
  }
  out["documents"] = docs;
  json plans = json::array();
  for (const auto& pl : p.incident.plans) plans.push_back({{"name", pl.name}, {"covers", pl.covers}, {"clause", pl.clause}});
  out["incident"] = {{"plans", plans}, {"clause", p.incident.clause}};
  out["violation"] = p.violation ? json{{"disciplinary", p.violation->disciplinary},
                                        {"liability", p.violation->liability},
                                        {"clause", p.violation->clause}}
                                 : json(nullptr);
  json groups = json::array();
  for (const auto& g : p.measures.groups)
    groups.push_back({{"id", g.id}, {"number", g.number}, {"title", g.title}, {"clause", g.clause}});
  out["measures"] = {{"groups", groups},
                     {"physical_rooms", p.measures.physical_rooms},
                     {"social_media", p.measures.social_media},
                     {"cloud_term", p.measures.cloud_term}};
  return out;
}

}  // namespace

json ProfileToJson(const Profile& p) {
  json out;
  out["format"] = p.format;
  out["id"] = p.id;
  out["base"] = p.base;
  out["chain"] = p.chain;
  out["files"] = p.files;
  out["name"] = {{"ja", p.name_ja}, {"en", p.name_en}};
  out["kind"] = Key(p.kind);
  out["title"] = p.title;
  out["seed"] = {{"file", p.seed_file}, {"form", p.form}};
  out["version"] = p.version;
  out["parent"] = p.parent ? json{{"profile", p.parent->profile},
                                  {"applies_to", p.parent->applies_to},
                                  {"clause", p.parent->clause},
                                  {"resolved", p.parent->resolved}}
                           : json(nullptr);
  json preface = json::array();
  for (const auto& n : p.preface) preface.push_back({{"topic", n.topic}, {"text", n.text}, {"clause", n.clause}});
  out["preface"] = preface;
  json revisions = json::array();
  for (const auto& r : p.revisions) {
    json j{{"date", DateJson(r.date)}, {"month_only", r.month_only}, {"kind", r.kind}, {"description", r.description}};
    j["in_force"] = r.in_force ? DateJson(*r.in_force) : json(nullptr);
    revisions.push_back(std::move(j));
  }
  out["revisions"] = revisions;
  json clauses = json::object();
  for (const auto& c : p.clauses)
    clauses[c.id] = {{"label", c.label}, {"title", c.title}, {"excerpt", c.excerpt}, {"note", c.note}};
  out["clauses"] = clauses;
  out["scope"] = {{"organs", p.scope.organs},
                  {"network_only", p.scope.network_only},
                  {"all_assets", p.scope.all_assets},
                  {"printed_documents", p.scope.printed_documents},
                  {"system_documents", p.scope.system_documents},
                  {"paper_documents", p.scope.paper_documents},
                  {"duty_documents", p.scope.duty_documents},
                  {"standalone_systems", p.scope.standalone_systems},
                  {"staff_categories", Keys(p.scope.staff_categories)},
                  {"also_bound", Keys(p.scope.also_bound)},
                  {"organs_clause", p.scope.organs_clause},
                  {"assets_clause", p.scope.assets_clause},
                  {"staff_clause", p.scope.staff_clause}};
  auto term = [](const Term& t) { return json{{"label", t.label}, {"term", t.term}, {"definition", t.definition}}; };
  json pd = json::array();
  for (const auto& t : p.definitions.personal_data_terms) pd.push_back(term(t));
  out["definitions"] = {{"terms", p.definitions.terms},
                        {"personal_data_terms", pd},
                        {"incident", p.definitions.incident ? term(*p.definitions.incident) : json(nullptr)},
                        {"threat", p.definitions.threat ? term(*p.definitions.threat) : json(nullptr)}};
  json threats = json::array();
  for (const auto& t : p.threats.items) {
    threats.push_back({{"id", t.id}, {"number", t.number}, {"summary", t.summary}, {"examples", t.examples},
                       {"clause", t.clause}});
  }
  out["threats"] = {{"open_ended", p.threats.open_ended}, {"items", threats}, {"clause", p.threats.clause}};
  out["classification"] = ClassificationJson(p.classification);
  out["tiers"] = TiersJson(p.tiers);
  out["my_number"] = MyNumberJson(p.my_number);
  json methods = json::array();
  for (const auto& m : p.sanitization.methods) methods.push_back({{"id", m.id}, {"name", m.name}});
  const MailSanitization& mail = p.sanitization.mail;
  json mail_json = {{"links", Key(mail.links)},
                    {"attachments", Key(mail.attachments)},
                    {"encrypted", Key(mail.encrypted)},
                    {"hold_password_archives", mail.hold_password_archives},
                    {"notice_language", Key(mail.notice_language)},
                    {"output_charset", Key(mail.output_charset)},
                    {"max_message_bytes", mail.max_message_bytes},
                    {"max_parts", mail.max_parts},
                    {"max_depth", mail.max_depth},
                    {"max_header_bytes", mail.max_header_bytes},
                    {"retention_days", mail.retention_days},
                    {"release_roles", Keys(mail.release_roles)}};
  out["sanitization"] = {{"directions", Keys(p.sanitization.directions)}, {"methods", methods},
                         {"clause", p.sanitization.clause}, {"mail", mail_json}};
  out["internet"] = {{"monitoring", p.internet.monitoring}, {"security_cloud", Key(p.internet.security_cloud)},
                     {"aggregator", p.internet.aggregator}, {"clause", p.internet.clause}};
  json connections = json::array();
  for (const auto& c : p.network.connections) {
    connections.push_back({{"id", c.id}, {"name", c.name}, {"aliases", c.aliases}, {"tiers", Keys(c.tiers)},
                           {"internet", c.internet}, {"clause", c.clause}, {"note", c.note},
                           {"unverified", c.unverified}});
  }
  out["network"] = {{"connections", connections}, {"clause", p.network.clause}};
  GovernanceJson(p, out);
  json rules = json::array();
  for (const auto& r : p.rules) {
    rules.push_back({{"id", r.id}, {"clause", r.clause}, {"see_also", r.see_also}, {"severity", Key(r.severity)},
                     {"enabled", r.enabled}, {"note", r.note}});
  }
  out["checks"] = rules;
  json notes = json::array();
  for (const auto& n : p.notes) notes.push_back({{"text", n.text}, {"unverified", n.unverified}});
  out["notes"] = notes;
  return out;
}

}  // namespace mamori::policy
