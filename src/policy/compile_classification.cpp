// Classification: both confidentiality schemes, integrity and availability
// levels with their handling duties, and what counts as a medium.
#include <fmt/format.h>

#include "policy/compile.h"

namespace mamori::policy {
namespace {

std::vector<Level> ReadLevels(MapReader& parent, std::string_view key, bool reclassify, CompileContext& ctx) {
  std::vector<Level> out;
  const Node* list = parent.Get(key);
  if (list == nullptr || !parent.ExpectSequence(*list, parent.PathOf(key))) return out;
  for (std::size_t i = 0; i < list->items.size(); ++i) {
    const std::string path = fmt::format("{}[{}]", parent.PathOf(key), i);
    std::vector<std::string_view> keys{"code", "aliases", "name", "definition", "handling", "requires", "unverified", "note"};
    if (reclassify) keys.push_back("reclassify_to");
    MapReader r(&list->items[i], path, keys, ctx.diag);
    if (!r.Present()) continue;
    Level level;
    level.code = r.Text("code", true);
    level.aliases = r.Texts("aliases");
    level.name = r.Text("name", true);
    level.definition = r.Text("definition", true);
    level.handling = r.Texts("handling");
    level.requirements = r.Enums<Requirement>("requires");
    level.unverified = r.Bool("unverified", false);
    level.note = r.Text("note");
    level.where = r.PosOf("code").ToLocation();
    if (reclassify) {
      if (const Node* to = r.Get("reclassify_to"); to != nullptr && r.ExpectSequence(*to, r.PathOf("reclassify_to"))) {
        for (std::size_t j = 0; j < to->items.size(); ++j) {
          const std::string item_path = fmt::format("{}[{}]", r.PathOf("reclassify_to"), j);
          if (auto code = r.TextOf(to->items[j], item_path)) {
            ctx.reclassify_refs.push_back(LevelRef{*code, to->items[j].pos, item_path});
            level.reclassify_to.push_back(std::move(*code));
          }
        }
      }
    }
    out.push_back(std::move(level));
  }
  const int n = static_cast<int>(out.size());
  for (int i = 0; i < n; ++i) out[static_cast<std::size_t>(i)].rank = n - i;
  return out;
}

}  // namespace

void CompileClassification(MapReader& top, Profile& p, CompileContext& ctx) {
  MapReader r(top.Get("classification"), "classification",
              {"scheme", "active_reason", "clause", "media_kinds", "media_forms", "integrity", "availability", "schemes"},
              ctx.diag);
  if (!r.Present()) {
    top.Missing("classification");
    return;
  }
  Classification& c = p.classification;
  c.active = r.Enum<Scheme>("scheme", true).value_or(Scheme::kMunicipal2024);
  c.active_reason = r.Text("active_reason");
  c.clause = r.ClauseId("clause", ctx.clause_refs);
  c.media_kinds = r.Texts("media_kinds");
  c.media_forms = r.Enums<reg::Form>("media_forms");
  const std::vector<Level> integrity = ReadLevels(r, "integrity", false, ctx);
  const std::vector<Level> availability = ReadLevels(r, "availability", false, ctx);
  if (integrity.empty()) r.Missing("integrity");
  if (availability.empty()) r.Missing("availability");

  const Node* schemes = r.Get("schemes");
  if (schemes == nullptr) {
    r.Missing("schemes");
    return;
  }
  if (!r.ExpectMap(*schemes, "classification.schemes")) return;
  for (const auto& e : schemes->entries) {
    const std::string path = fmt::format("classification.schemes.{}", e.key);
    const auto scheme = EnumFromKey<Scheme>(e.key);
    if (!scheme) {
      const auto keys = EnumKeys<Scheme>();
      std::string message = fmt::format(msg::kUnknownKey, e.key, "classification.schemes", Nearest(e.key, keys));
      if (Nearest(e.key, keys).empty()) message = fmt::format(msg::kUnknownKeyList, e.key, "classification.schemes", JoinKeys(keys));
      ctx.diag.Report(ErrorCode::kValidation, std::move(message), e.key_pos);
      continue;
    }
    if (e.value.IsNull()) continue;
    MapReader s(&e.value, path, {"name", "note", "confidentiality", "integrity", "availability"}, ctx.diag);
    if (!s.Present()) continue;
    SchemeLevels levels;
    levels.scheme = *scheme;
    levels.name = s.Text("name", true);
    levels.note = s.Text("note");
    levels.confidentiality = ReadLevels(s, "confidentiality", *scheme == Scheme::kLegacy, ctx);
    if (levels.confidentiality.empty()) s.Missing("confidentiality");
    levels.integrity = s.Has("integrity") ? ReadLevels(s, "integrity", false, ctx) : integrity;
    levels.availability = s.Has("availability") ? ReadLevels(s, "availability", false, ctx) : availability;
    c.schemes.push_back(std::move(levels));
  }
  for (const Scheme needed : {Scheme::kLegacy, Scheme::kMunicipal2024}) {
    if (c.Find(needed) == nullptr)
      ctx.diag.Report(ErrorCode::kValidation, fmt::format(msg::kMissingScheme, Key(needed)), r.PosOf("schemes"));
  }
}

}  // namespace mamori::policy
