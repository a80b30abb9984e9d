// What a rule gets: the profile, the register, lookups built once per run,
// and an emitter that stamps each finding with the rule's clause and severity.
// Internal to the check module.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "check/engine.h"
#include "check/messages.h"

namespace mamori::net {
struct Verification;
}

namespace mamori::check {

class Lookups {
 public:
  Lookups(const policy::Profile& profile, const RegisterSnapshot& reg);

  // Cached per distinct code: the profile folds width and case on every call.
  const policy::Level* Level(policy::Axis axis, const std::string& code);
  bool IsLegacy(policy::Axis axis, const std::string& code);
  const policy::SystemCategory* Category(const std::string& name);
  bool MediaKind(const std::string& kind);

  bool DepartmentKnown(const std::string& code_or_name) const;
  bool HasDepartments() const { return !departments_.empty(); }
  const reg::Person* Person(const std::string& number) const;
  // The assets a profile governs: paper-only documents only where the scope says so.
  bool InScope(const reg::Asset& asset) const;
  // The network model verified (net/verify.h), once per run, by the first net.* rule that asks.
  const net::Verification& Network();

 private:
  const policy::Profile& profile_;
  const RegisterSnapshot& reg_;
  std::shared_ptr<const net::Verification> network_;
  std::unordered_map<std::string, const policy::Level*> levels_[3];
  std::unordered_map<std::string, bool> legacy_[3];
  std::unordered_map<std::string, const policy::SystemCategory*> categories_;
  std::unordered_map<std::string, bool> media_;
  std::unordered_set<std::string> departments_;
  std::unordered_map<std::string, const reg::Person*> people_;
};

class Emitter {
 public:
  Emitter(const policy::RuleSetting& rule, bool english, std::vector<Finding>& out);
  void Emit(Status status, Subject subject, std::string message, std::string department = {});
  bool english() const { return english_; }

 private:
  const policy::RuleSetting& rule_;
  bool english_;
  std::vector<Finding>& out_;
};

struct RuleInput {
  const policy::Profile& profile;
  const RegisterSnapshot& reg;
  const CheckOptions& options;
  Lookups& lookups;
};

using RuleFn = void (*)(const RuleInput&, Emitter&);
struct RuleEntry {
  std::string_view id;
  RuleFn run;
};

// The rules, one function each, grouped in rules/*.cpp.
void AssetClassified(const RuleInput&, Emitter&);
void AssetLegacyLevel(const RuleInput&, Emitter&);
void AssetManager(const RuleInput&, Emitter&);
void AssetHandlingBackup(const RuleInput&, Emitter&);
void AssetHandlingRecoveryTarget(const RuleInput&, Emitter&);
void AssetHandlingLockedStorage(const RuleInput&, Emitter&);
void AssetMyNumberTier(const RuleInput&, Emitter&);
void AssetDepartmentKnown(const RuleInput&, Emitter&);
void SystemCategoryKnown(const RuleInput&, Emitter&);
void SystemTierAllowed(const RuleInput&, Emitter&);
void SystemMyNumberTier(const RuleInput&, Emitter&);
void SystemMyNumberUsers(const RuleInput&, Emitter&);
void TerminalMyNumberMfa(const RuleInput&, Emitter&);
void TerminalMyNumberTakeout(const RuleInput&, Emitter&);
void MyNumberPeriodicCheck(const RuleInput&, Emitter&);
void PersonStaffCategory(const RuleInput&, Emitter&);
void OrganizationRoles(const RuleInput&, Emitter&);
void AuditPerformed(const RuleInput&, Emitter&);
void NetMyNumberIsolation(const RuleInput&, Emitter&);
void NetSanitization(const RuleInput&, Emitter&);
void NetSecurityCloud(const RuleInput&, Emitter&);
void NetSegments(const RuleInput&, Emitter&);
void NetReferences(const RuleInput&, Emitter&);

// Shared wording helpers.
std::string JoinList(const std::vector<std::string>& items, bool english);
std::string TierText(std::optional<reg::Tier> tier, bool english);

}  // namespace mamori::check
