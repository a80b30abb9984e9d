// The three tiers: where each business category may sit, how the My Number
// tier is protected, sanitized directions and internet aggregation.
#include <fmt/format.h>

#include "policy/compile.h"

namespace mamori::policy {

void CompileTiers(MapReader& top, Profile& p, CompileContext& ctx) {
  MapReader r(top.Get("tiers"), "tiers", {"model", "standalone_allowed", "clause", "note", "categories"}, ctx.diag);
  if (!r.Present()) {
    top.Missing("tiers");
    return;
  }
  TierPlacement& t = p.tiers;
  t.model = r.Enum<TierModel>("model", true).value_or(TierModel::kAlpha);
  t.standalone_allowed = r.Bool("standalone_allowed", true);
  t.clause = r.ClauseId("clause", ctx.clause_refs);
  t.note = r.Text("note");
  const Node* categories = r.Get("categories");
  if (categories == nullptr) {
    r.Missing("categories");
    return;
  }
  if (!r.ExpectMap(*categories, "tiers.categories")) return;
  for (const auto& e : categories->entries) {
    const std::string path = fmt::format("tiers.categories.{}", e.key);
    if (!IsValidDottedId(e.key)) {
      ctx.diag.Report(ErrorCode::kValidation, fmt::format(msg::kBadDottedId, path, e.key), e.key_pos);
      continue;
    }
    if (e.value.IsNull()) continue;
    MapReader c(&e.value, path, {"name", "aliases", "tiers", "my_number", "clause", "note"}, ctx.diag);
    if (!c.Present()) continue;
    SystemCategory cat;
    cat.id = e.key;
    cat.name = c.Text("name", true);
    cat.aliases = c.Texts("aliases");
    cat.tiers = c.Enums<reg::Tier>("tiers");
    if (cat.tiers.empty())
      ctx.diag.Report(ErrorCode::kValidation, fmt::format(msg::kEmptyList, c.PathOf("tiers")), c.PosOf("tiers"));
    cat.my_number = c.Bool("my_number", false);
    cat.clause = c.ClauseId("clause", ctx.clause_refs);
    cat.note = c.Text("note");
    cat.where = e.key_pos.ToLocation();
    t.categories.push_back(std::move(cat));
  }
}

void CompileMyNumber(MapReader& top, Profile& p, CompileContext& ctx) {
  MapReader r(top.Get("my_number"), "my_number",
              {"mode", "isolate_network", "require_mfa", "require_takeout_block", "permitted_duties", "check_kinds",
               "check_interval_days", "check_as_needed", "clause", "definition_clause", "content", "exceptions", "note"},
              ctx.diag);
  if (!r.Present()) {
    top.Missing("my_number");
    return;
  }
  MyNumber& m = p.my_number;
  m.mode = r.Enum<MyNumberMode>("mode", true).value_or(MyNumberMode::kIsolation);
  m.isolate_network = r.Bool("isolate_network", m.mode == MyNumberMode::kIsolation);
  m.require_mfa = r.Bool("require_mfa", m.mode == MyNumberMode::kIsolation);
  m.require_takeout_block = r.Bool("require_takeout_block", m.mode == MyNumberMode::kIsolation);
  m.permitted_duties = r.Texts("permitted_duties");
  m.check_kinds = r.Texts("check_kinds");
  m.check_interval_days = r.Int("check_interval_days", 1, 3660);
  m.check_as_needed = r.Bool("check_as_needed", false);
  m.clause = r.ClauseId("clause", ctx.clause_refs, true);
  m.definition_clause = r.ClauseId("definition_clause", ctx.clause_refs);
  m.note = r.Text("note");
  if (const Node* list = r.Get("content"); list != nullptr && r.ExpectSequence(*list, "my_number.content")) {
    for (std::size_t i = 0; i < list->items.size(); ++i) {
      MapReader c(&list->items[i], fmt::format("my_number.content[{}]", i), {"duty", "subjects"}, ctx.diag);
      if (!c.Present()) continue;
      m.content.push_back(MyNumberContent{c.Text("duty", true), c.Texts("subjects")});
    }
  }
  if (const Node* list = r.Get("exceptions"); list != nullptr && r.ExpectSequence(*list, "my_number.exceptions")) {
    for (std::size_t i = 0; i < list->items.size(); ++i) {
      MapReader c(&list->items[i], fmt::format("my_number.exceptions[{}]", i), {"name", "note", "unverified"}, ctx.diag);
      if (!c.Present()) continue;
      MyNumberException ex;
      ex.name = c.Text("name", true);
      ex.note = c.Text("note");
      ex.unverified = c.Bool("unverified", false);
      m.exceptions.push_back(std::move(ex));
    }
  }
  if (m.mode == MyNumberMode::kRestrictedUsers) {
    // Restricted users are judged by who may use the tier and by the periodic check.
    if (m.permitted_duties.empty())
      ctx.diag.Report(ErrorCode::kValidation, fmt::format(msg::kRestrictedNeeds, "my_number.permitted_duties"),
                      r.PosOf("permitted_duties"));
    if (m.check_kinds.empty())
      ctx.diag.Report(ErrorCode::kValidation, fmt::format(msg::kRestrictedNeeds, "my_number.check_kinds"),
                      r.PosOf("check_kinds"));
    if (!m.check_interval_days)
      ctx.diag.Report(ErrorCode::kValidation, fmt::format(msg::kRestrictedNeeds, "my_number.check_interval_days"),
                      r.PosOf("check_interval_days"));
  }
}

namespace {

// sanitization.mail: how `mamori sanitize mail` and `mamori milter` text-ize
// mail. Every key is optional; the defaults are the guideline's.
void CompileMailSanitization(MapReader& parent, MailSanitization& m, CompileContext& ctx) {
  MapReader r(parent.Get("mail"), parent.PathOf("mail"),
              {"links", "attachments", "encrypted", "hold_password_archives", "notice_language", "output_charset",
               "max_message_bytes", "max_parts", "max_depth", "max_header_bytes", "retention_days", "release_roles"},
              ctx.diag);
  m.links = r.Enum<MailLinks>("links").value_or(m.links);
  m.attachments = r.Enum<MailAttachments>("attachments").value_or(m.attachments);
  m.encrypted = r.Enum<MailEncrypted>("encrypted").value_or(m.encrypted);
  m.hold_password_archives = r.Bool("hold_password_archives", m.hold_password_archives);
  m.notice_language = r.Enum<MailLanguage>("notice_language").value_or(m.notice_language);
  m.output_charset = r.Enum<MailCharset>("output_charset").value_or(m.output_charset);
  if (auto mb = r.Int("max_message_bytes", 1024, 1024 * 1024 * 1024)) m.max_message_bytes = *mb;
  m.max_parts = r.Int("max_parts", 1, 100000).value_or(m.max_parts);
  m.max_depth = r.Int("max_depth", 1, 100).value_or(m.max_depth);
  m.max_header_bytes = r.Int("max_header_bytes", 998, 1024 * 1024).value_or(m.max_header_bytes);
  m.retention_days = r.Int("retention_days", 1, 3650).value_or(m.retention_days);
  m.release_roles = r.Enums<reg::Role>("release_roles");
  if (m.release_roles.empty())
    m.release_roles = {reg::Role::kCiso, reg::Role::kChiefOfficer, reg::Role::kManager};
}

}  // namespace

void CompileNetwork(MapReader& top, Profile& p, CompileContext& ctx) {
  {
    MapReader r(top.Get("sanitization"), "sanitization", {"directions", "clause", "methods", "mail"}, ctx.diag);
    if (!r.Present()) top.Missing("sanitization");
    p.sanitization.directions = r.Enums<Direction>("directions");
    p.sanitization.clause = r.ClauseId("clause", ctx.clause_refs, r.Present());
    if (const Node* methods = r.Get("methods"); methods != nullptr && r.ExpectMap(*methods, "sanitization.methods")) {
      for (const auto& e : methods->entries) {
        if (e.value.IsNull()) continue;
        if (auto name = r.TextOf(e.value, fmt::format("sanitization.methods.{}", e.key)))
          p.sanitization.methods.push_back(SanitizationMethod{e.key, std::move(*name)});
      }
    }
    CompileMailSanitization(r, p.sanitization.mail, ctx);
  }
  {
    MapReader r(top.Get("internet"), "internet", {"monitoring", "security_cloud", "aggregator", "clause"}, ctx.diag);
    if (!r.Present()) top.Missing("internet");
    p.internet.monitoring = r.Bool("monitoring", true);
    p.internet.security_cloud = r.Enum<SecurityCloud>("security_cloud", r.Present()).value_or(SecurityCloud::kRequired);
    p.internet.aggregator = r.Text("aggregator");
    p.internet.clause = r.ClauseId("clause", ctx.clause_refs, r.Present());
  }
  {
    MapReader r(top.Get("network"), "network", {"clause", "connections"}, ctx.diag);
    if (!r.Present()) {
      top.Missing("network");
      return;
    }
    p.network.clause = r.ClauseId("clause", ctx.clause_refs, true);
    const Node* connections = r.Get("connections");
    if (connections == nullptr) {
      r.Missing("connections");
      return;
    }
    if (!r.ExpectMap(*connections, "network.connections")) return;
    for (const auto& e : connections->entries) {
      const std::string path = fmt::format("network.connections.{}", e.key);
      if (!IsValidDottedId(e.key)) {
        ctx.diag.Report(ErrorCode::kValidation, fmt::format(msg::kBadDottedId, path, e.key), e.key_pos);
        continue;
      }
      if (e.value.IsNull()) continue;  // a derived profile removes a kind
      MapReader c(&e.value, path, {"name", "aliases", "tiers", "internet", "clause", "note", "unverified"}, ctx.diag);
      if (!c.Present()) continue;
      ConnectionKind k;
      k.id = e.key;
      k.name = c.Text("name", true);
      k.aliases = c.Texts("aliases");
      k.tiers = c.Enums<reg::Tier>("tiers");
      if (k.tiers.empty())
        ctx.diag.Report(ErrorCode::kValidation, fmt::format(msg::kEmptyList, c.PathOf("tiers")), c.PosOf("tiers"));
      k.internet = c.Bool("internet", false);
      k.clause = c.ClauseId("clause", ctx.clause_refs);
      k.note = c.Text("note");
      k.unverified = c.Bool("unverified", false);
      k.where = e.key_pos.ToLocation();
      p.network.connections.push_back(std::move(k));
    }
  }
}

}  // namespace mamori::policy
