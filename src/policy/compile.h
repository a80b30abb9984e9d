// From the merged YAML tree to a Profile (internal to the policy module).
// Each compile_*.cpp reads one group of top-level sections; validate.cpp then
// checks what refers to what.
#pragma once

#include <string>
#include <vector>

#include "policy/profile.h"
#include "policy/reader.h"
#include "policy/yaml_node.h"

namespace mamori::policy {

struct LevelRef {
  std::string code;
  Pos pos;
  std::string where;
};

struct CompileContext {
  Diagnostics& diag;
  std::vector<Ref> clause_refs;
  std::vector<LevelRef> reclassify_refs;  // legacy level → codes of the 2024 scheme
};

struct Compiled {
  Profile profile;
  std::vector<Ref> clause_refs;
  std::vector<LevelRef> reclassify_refs;
};

Compiled CompileProfile(const Node& root, Diagnostics& diag);

// Top-level keys of a profile file.
const std::vector<std::string_view>& TopLevelKeys();

void CompileIdentity(MapReader& top, Profile& p, CompileContext& ctx);
void CompileClauses(MapReader& top, Profile& p, CompileContext& ctx);
void CompileScope(MapReader& top, Profile& p, CompileContext& ctx);
void CompileDefinitions(MapReader& top, Profile& p, CompileContext& ctx);
void CompileClassification(MapReader& top, Profile& p, CompileContext& ctx);
void CompileTiers(MapReader& top, Profile& p, CompileContext& ctx);
void CompileMyNumber(MapReader& top, Profile& p, CompileContext& ctx);
void CompileNetwork(MapReader& top, Profile& p, CompileContext& ctx);      // sanitization, internet
void CompileMeasures(MapReader& top, Profile& p, CompileContext& ctx);
void CompileGovernance(MapReader& top, Profile& p, CompileContext& ctx);   // audit, review, documents, incident, violation
void CompileChecks(MapReader& top, Profile& p, CompileContext& ctx);

}  // namespace mamori::policy

namespace mamori::policy {

// Profile ids name files (<id>.yaml): lower-case ASCII letters, digits, '-' and '_'.
bool IsValidProfileId(std::string_view id);
// Clause and rule ids: lower-case ASCII letters, digits, '_' and '.'.
bool IsValidDottedId(std::string_view id);

// 令和8年4月1日 (via mamori::ParseDate), or a month without a day (令和7年3月).
struct ParsedDate {
  Date date;
  bool month_only = false;
};
Result<ParsedDate> ParseProfileDate(std::string_view text);

}  // namespace mamori::policy
