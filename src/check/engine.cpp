#include "check/engine.h"

#include <array>

#include "check/rule_context.h"
#include "common/text.h"
#include "register/schema.h"

namespace mamori::check {
namespace {

// The table of rules: the one place a rule is registered.
constexpr std::array<RuleEntry, 23> kRules{{
    {"asset.classified", AssetClassified},
    {"asset.legacy_level", AssetLegacyLevel},
    {"asset.manager", AssetManager},
    {"asset.handling.backup", AssetHandlingBackup},
    {"asset.handling.recovery_target", AssetHandlingRecoveryTarget},
    {"asset.handling.locked_storage", AssetHandlingLockedStorage},
    {"asset.my_number_tier", AssetMyNumberTier},
    {"asset.department_known", AssetDepartmentKnown},
    {"system.category_known", SystemCategoryKnown},
    {"system.tier_allowed", SystemTierAllowed},
    {"system.my_number_tier", SystemMyNumberTier},
    {"system.my_number_users", SystemMyNumberUsers},
    {"terminal.my_number_mfa", TerminalMyNumberMfa},
    {"terminal.my_number_takeout", TerminalMyNumberTakeout},
    {"my_number.periodic_check", MyNumberPeriodicCheck},
    {"net.my_number_isolation", NetMyNumberIsolation},
    {"net.sanitization", NetSanitization},
    {"net.security_cloud", NetSecurityCloud},
    {"net.segments", NetSegments},
    {"net.references", NetReferences},
    {"person.staff_category", PersonStaffCategory},
    {"organization.roles", OrganizationRoles},
    {"audit.performed", AuditPerformed},
}};

}  // namespace

Lookups::Lookups(const policy::Profile& profile, const RegisterSnapshot& reg) : profile_(profile), reg_(reg) {
  for (const auto& d : reg.departments) {
    departments_.insert(d.code);
    departments_.insert(d.name);
    departments_.insert(text::FoldKey(d.code));
    departments_.insert(text::FoldKey(d.name));
  }
  for (const auto& p : reg.people) people_.emplace(p.number, &p);
}

const policy::Level* Lookups::Level(policy::Axis axis, const std::string& code) {
  auto& cache = levels_[static_cast<int>(axis)];
  auto it = cache.find(code);
  if (it == cache.end()) it = cache.emplace(code, profile_.FindLevel(axis, code)).first;
  return it->second;
}

bool Lookups::IsLegacy(policy::Axis axis, const std::string& code) {
  auto& cache = legacy_[static_cast<int>(axis)];
  auto it = cache.find(code);
  if (it == cache.end()) it = cache.emplace(code, profile_.IsLegacy(axis, code)).first;
  return it->second;
}

const policy::SystemCategory* Lookups::Category(const std::string& name) {
  auto it = categories_.find(name);
  if (it == categories_.end()) it = categories_.emplace(name, profile_.FindCategory(name)).first;
  return it->second;
}

bool Lookups::MediaKind(const std::string& kind) {
  auto it = media_.find(kind);
  if (it == media_.end()) it = media_.emplace(kind, profile_.MediaKind(kind)).first;
  return it->second;
}

bool Lookups::DepartmentKnown(const std::string& name) const {
  return departments_.contains(name) || departments_.contains(text::FoldKey(name));
}

const reg::Person* Lookups::Person(const std::string& number) const {
  auto it = people_.find(number);
  return it == people_.end() ? nullptr : it->second;
}

bool Lookups::InScope(const reg::Asset& asset) const {
  if (asset.form != reg::Form::kPaper) return true;
  return profile_.scope.paper_documents || profile_.scope.duty_documents;
}

Emitter::Emitter(const policy::RuleSetting& rule, bool english, std::vector<Finding>& out)
    : rule_(rule), english_(english), out_(out) {}

void Emitter::Emit(Status status, Subject subject, std::string message, std::string department) {
  Finding f;
  f.rule = rule_.id;
  f.severity = rule_.severity;
  f.status = status;
  f.subject = std::move(subject);
  f.message = std::move(message);
  f.clause = rule_.clause;
  f.department = std::move(department);
  out_.push_back(std::move(f));
}

std::vector<Finding> RunChecks(const policy::Profile& profile, const RegisterSnapshot& reg, const CheckOptions& options) {
  std::vector<Finding> findings;
  findings.reserve(reg.assets.size() * 6 + reg.systems.size() * 4 + reg.terminals.size() * 2 + reg.people.size() + 16);
  Lookups lookups(profile, reg);
  const RuleInput input{profile, reg, options, lookups};
  for (const auto& entry : kRules) {
    const auto* setting = profile.Rule(entry.id);
    if (!setting || !setting->enabled) continue;
    Emitter emitter(*setting, options.english, findings);
    entry.run(input, emitter);
  }
  return findings;
}

std::vector<std::string_view> ImplementedRules() {
  std::vector<std::string_view> ids;
  for (const auto& e : kRules) ids.push_back(e.id);
  return ids;
}

std::string JoinList(const std::vector<std::string>& items, bool english) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : std::string(MessageTemplate("list.separator", english))) + s;
  return out;
}

std::string TierText(std::optional<reg::Tier> tier, bool english) {
  return tier ? std::string(reg::TierLabel(*tier, english)) : std::string(MessageTemplate("value.not_recorded", english));
}

}  // namespace mamori::check
