#include "policy/compile.h"

namespace mamori::policy {

const std::vector<std::string_view>& TopLevelKeys() {
  static const std::vector<std::string_view> kKeys{
      "format",   "id",          "base",    "name",       "kind",           "title",        "seed",
      "version",  "parent",      "preface", "revisions",  "notes",          "clauses",      "scope",
      "definitions", "threats",  "classification", "tiers", "my_number",    "sanitization", "internet",
      "network",  "measures", "audit",       "review",  "documents",  "incident",       "violation",    "checks"};
  return kKeys;
}

Compiled CompileProfile(const Node& root, Diagnostics& diag) {
  CompileContext ctx{diag, {}, {}};
  Compiled out;
  MapReader top(&root, "", TopLevelKeys(), diag);
  if (!top.Present()) {
    if (root.IsNull()) diag.Report(ErrorCode::kValidation, std::string(msg::kEmptyProfile), root.pos);
    return out;
  }
  Profile& p = out.profile;
  CompileIdentity(top, p, ctx);
  CompileClauses(top, p, ctx);
  CompileScope(top, p, ctx);
  CompileDefinitions(top, p, ctx);
  CompileClassification(top, p, ctx);
  CompileTiers(top, p, ctx);
  CompileMyNumber(top, p, ctx);
  CompileNetwork(top, p, ctx);
  CompileMeasures(top, p, ctx);
  CompileGovernance(top, p, ctx);
  CompileChecks(top, p, ctx);
  out.clause_refs = std::move(ctx.clause_refs);
  out.reclassify_refs = std::move(ctx.reclassify_refs);
  return out;
}

}  // namespace mamori::policy
