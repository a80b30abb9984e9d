// Identity, parent, preface, revisions, notes and the clause table.
#include <fmt/format.h>

#include "policy/compile.h"

namespace mamori::policy {

bool IsValidProfileId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (i > 0 && (c == '-' || c == '_'));
    if (!ok) return false;
  }
  return true;
}

bool IsValidDottedId(std::string_view id) {
  if (id.empty() || id.size() > 128 || id.front() == '.' || id.back() == '.') return false;
  for (const char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
    if (!ok) return false;
  }
  return true;
}

Result<ParsedDate> ParseProfileDate(std::string_view text) {
  auto d = ParseDate(text);
  if (d) return ParsedDate{*d, false};
  if (text.ends_with("月") && text.size() < 64) {
    if (auto m = ParseDate(fmt::format("{}1日", text))) return ParsedDate{*m, true};
  }
  return Fail(d.error());
}

namespace {

void CompileParent(MapReader& top, Profile& p, CompileContext& ctx) {
  const Node* node = top.Get("parent");
  if (node == nullptr) return;
  MapReader r(node, "parent", {"profile", "applies_to", "clause"}, ctx.diag);
  if (!r.Present()) return;
  Parent parent;
  parent.profile = r.Text("profile", true);
  parent.applies_to = r.Text("applies_to");
  parent.clause = r.ClauseId("clause", ctx.clause_refs);
  if (!parent.profile.empty() && !IsValidProfileId(parent.profile))
    ctx.diag.Report(ErrorCode::kValidation, fmt::format(msg::kBadProfileId, "parent.profile", parent.profile),
                    r.PosOf("profile"));
  p.parent = std::move(parent);
}

void CompilePreface(MapReader& top, Profile& p, CompileContext& ctx) {
  const Node* list = top.Get("preface");
  if (list == nullptr || !top.ExpectSequence(*list, "preface")) return;
  for (std::size_t i = 0; i < list->items.size(); ++i) {
    MapReader r(&list->items[i], fmt::format("preface[{}]", i), {"topic", "text", "clause"}, ctx.diag);
    PrefaceNote note;
    note.topic = r.Text("topic");
    note.text = r.Text("text", true);
    note.clause = r.ClauseId("clause", ctx.clause_refs);
    p.preface.push_back(std::move(note));
  }
}

void CompileRevisions(MapReader& top, Profile& p, CompileContext& ctx) {
  const Node* list = top.Get("revisions");
  if (list == nullptr || !top.ExpectSequence(*list, "revisions")) return;
  for (std::size_t i = 0; i < list->items.size(); ++i) {
    MapReader r(&list->items[i], fmt::format("revisions[{}]", i), {"date", "in_force", "kind", "description"},
                ctx.diag);
    if (!r.Present()) continue;
    Revision rev;
    const std::string date = r.Text("date", true);
    if (!date.empty()) {
      if (auto d = ParseProfileDate(date)) {
        rev.date = d->date;
        rev.month_only = d->month_only;
      } else {
        ctx.diag.Report(ErrorCode::kValidation,
                        fmt::format(msg::kBadDate, r.PathOf("date"), date, d.error().message), r.PosOf("date"));
      }
    }
    const std::string in_force = r.Text("in_force");
    if (!in_force.empty()) {
      if (auto d = ParseDate(in_force)) {
        rev.in_force = *d;
      } else {
        ctx.diag.Report(ErrorCode::kValidation,
                        fmt::format(msg::kBadDate, r.PathOf("in_force"), in_force, d.error().message),
                        r.PosOf("in_force"));
      }
    }
    rev.kind = r.Text("kind");
    rev.description = r.Text("description");
    p.revisions.push_back(std::move(rev));
  }
}

void CompileNotes(MapReader& top, Profile& p, CompileContext& ctx) {
  const Node* list = top.Get("notes");
  if (list == nullptr || !top.ExpectSequence(*list, "notes")) return;
  for (std::size_t i = 0; i < list->items.size(); ++i) {
    MapReader r(&list->items[i], fmt::format("notes[{}]", i), {"text", "unverified"}, ctx.diag);
    SourceNote note;
    note.text = r.Text("text", true);
    note.unverified = r.Bool("unverified", false);
    p.notes.push_back(std::move(note));
  }
}

}  // namespace

void CompileIdentity(MapReader& top, Profile& p, CompileContext& ctx) {
  p.format = top.Int("format", 1, 1).value_or(1);
  if (!top.Has("format")) top.Missing("format");
  p.id = top.Text("id", true);
  if (!p.id.empty() && !IsValidProfileId(p.id))
    ctx.diag.Report(ErrorCode::kValidation, fmt::format(msg::kBadProfileId, "id", p.id), top.PosOf("id"));
  p.base = top.Text("base");
  {
    MapReader name(top.Get("name"), "name", {"ja", "en"}, ctx.diag);
    if (!name.Present()) top.Missing("name");
    p.name_ja = name.Text("ja", name.Present());
    p.name_en = name.Text("en");
  }
  p.kind = top.Enum<BodyKind>("kind", true).value_or(BodyKind::kModel);
  p.title = top.Text("title", true);
  {
    MapReader seed(top.Get("seed"), "seed", {"file", "form"}, ctx.diag);
    p.seed_file = seed.Text("file");
    p.form = seed.Text("form");
  }
  p.version = top.Text("version");
  CompileParent(top, p, ctx);
  CompilePreface(top, p, ctx);
  CompileRevisions(top, p, ctx);
  CompileNotes(top, p, ctx);
}

void CompileClauses(MapReader& top, Profile& p, CompileContext& ctx) {
  const Node* map = top.Get("clauses");
  if (map == nullptr) {
    top.Missing("clauses");
    return;
  }
  if (!top.ExpectMap(*map, "clauses")) return;
  for (const auto& e : map->entries) {
    const std::string path = fmt::format("clauses.{}", e.key);
    if (!IsValidDottedId(e.key)) {
      ctx.diag.Report(ErrorCode::kValidation, fmt::format(msg::kBadDottedId, path, e.key), e.key_pos);
      continue;
    }
    if (e.value.IsNull()) continue;  // removed by a derived profile
    MapReader r(&e.value, path, {"label", "title", "excerpt", "note"}, ctx.diag);
    if (!r.Present()) continue;
    Clause c;
    c.id = e.key;
    c.label = r.Text("label", true);
    c.title = r.Text("title");
    c.excerpt = r.Text("excerpt", true);
    c.note = r.Text("note");
    c.where = r.PosOf("excerpt").ToLocation();
    p.clauses.push_back(std::move(c));
  }
}

}  // namespace mamori::policy
