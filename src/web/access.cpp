#include "web/access.h"

#include <algorithm>

namespace mamori::web {

namespace {
bool Has(const std::vector<std::string>& values, const std::string& v) {
  return std::find(values.begin(), values.end(), v) != values.end();
}

std::vector<std::string> OwnDepartment(const Principal& p, const std::vector<reg::Department>& departments) {
  std::vector<std::string> out;
  if (p.department.empty()) return out;
  out.push_back(p.department);
  for (const auto& d : departments)
    if (d.code == p.department || d.name == p.department) {
      out.push_back(d.code);
      out.push_back(d.name);
    }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// The field naming the person responsible for a record of each kind.
std::string_view OwnerField(reg::EntityKind kind) {
  switch (kind) {
    case reg::EntityKind::kAsset: return "manager";
    case reg::EntityKind::kSystem: return "administrator";
    case reg::EntityKind::kTerminal: return "users";
    case reg::EntityKind::kPerson: return "number";
    default: return {};
  }
}

std::string_view DepartmentField(reg::EntityKind kind) {
  switch (kind) {
    case reg::EntityKind::kAsset:
    case reg::EntityKind::kSystem:
    case reg::EntityKind::kTerminal:
    case reg::EntityKind::kPerson: return "department";
    case reg::EntityKind::kDepartment: return "code";
    default: return {};
  }
}

enum class Reach { kAll, kOrgan, kDepartment, kOwn, kNone };

Reach ReachOf(const Principal& p) {
  if (p.admin) return Reach::kAll;
  if (!p.role) return Reach::kNone;
  switch (*p.role) {
    case reg::Role::kCiso:
    case reg::Role::kChiefOfficer:
    case reg::Role::kAuditor: return Reach::kAll;
    case reg::Role::kOfficer: return Reach::kOrgan;
    case reg::Role::kManager:
    case reg::Role::kSystemAdmin:
    case reg::Role::kSystemStaff: return Reach::kDepartment;
    case reg::Role::kStaff: return Reach::kOwn;
  }
  return Reach::kNone;
}

std::string FieldText(reg::EntityKind kind, const reg::Row& row, std::string_view key) {
  const auto& fields = reg::Info(kind).fields;
  for (std::size_t i = 0; i < fields.size() && i < row.size(); ++i)
    if (fields[i].key == key)
      if (const auto* s = std::get_if<std::string>(&row[i])) return *s;
  return {};
}

bool ListHas(reg::EntityKind kind, const reg::Row& row, std::string_view key, const std::string& value) {
  const auto& fields = reg::Info(kind).fields;
  for (std::size_t i = 0; i < fields.size() && i < row.size(); ++i)
    if (fields[i].key == key) {
      if (const auto* l = std::get_if<std::vector<std::string>>(&row[i])) return Has(*l, value);
      if (const auto* s = std::get_if<std::string>(&row[i])) return *s == value;
    }
  return false;
}
}  // namespace

bool SeesEverything(const Principal& p) { return ReachOf(p) == Reach::kAll; }

bool SeesNetwork(const Principal& p) {
  if (p.admin) return true;
  if (!p.role) return false;
  switch (*p.role) {
    case reg::Role::kCiso:
    case reg::Role::kChiefOfficer:
    case reg::Role::kAuditor:
    case reg::Role::kOfficer:
    case reg::Role::kSystemAdmin:
    case reg::Role::kSystemStaff: return true;
    default: return false;
  }
}

bool HandlesAlerts(const Principal& p) {
  if (!p.role) return false;  // an administrator account without a role runs the system, not the response
  return *p.role == reg::Role::kCiso || *p.role == reg::Role::kChiefOfficer || *p.role == reg::Role::kSystemAdmin;
}

bool CanWrite(const Principal& p) {
  if (p.admin) return true;
  return p.role && *p.role != reg::Role::kAuditor;
}

std::vector<std::string> DepartmentsOfOrgan(const std::vector<reg::Department>& departments, std::string_view organ) {
  std::vector<std::string> out;
  for (const auto& d : departments)
    if (d.organ == organ) {
      out.push_back(d.code);
      out.push_back(d.name);
    }
  return out;
}

std::vector<store::Condition> ScopeFor(const Principal& p, reg::EntityKind kind,
                                       const std::vector<reg::Department>& departments) {
  const store::Condition nothing{std::string(reg::Info(kind).fields[0].key), {}};
  const auto reach = ReachOf(p);
  if (reach == Reach::kAll) return {};
  if (kind == reg::EntityKind::kOrgan) {
    if (reach == Reach::kNone) return {nothing};
    return {{"code", {p.organ}}};
  }
  const auto dept_field = DepartmentField(kind);
  const auto owner_field = OwnerField(kind);
  std::vector<store::Condition> scope;
  switch (reach) {
    case Reach::kOrgan:
      if (!dept_field.empty()) scope.push_back({std::string(dept_field), DepartmentsOfOrgan(departments, p.organ)});
      break;
    case Reach::kDepartment:
      if (!dept_field.empty()) scope.push_back({std::string(dept_field), OwnDepartment(p, departments)});
      break;
    default:
      break;
  }
  // Everyone sees what they are responsible for themselves.
  if (!owner_field.empty() && !p.person_number.empty())
    scope.push_back({std::string(owner_field), {p.person_number}});
  if (scope.empty()) scope.push_back(nothing);
  return scope;
}

void DropSatisfiedScope(store::PageQuery& query) {
  for (const auto& allowed : query.scope)
    for (const auto& w : query.where)
      if (w.field == allowed.field && !w.any_of.empty() &&
          std::all_of(w.any_of.begin(), w.any_of.end(), [&](const std::string& v) { return Has(allowed.any_of, v); })) {
        query.scope.clear();
        return;
      }
}

bool InScope(const Principal& p, reg::EntityKind kind, const reg::Row& row,
             const std::vector<reg::Department>& departments) {
  const auto reach = ReachOf(p);
  if (reach == Reach::kAll) return true;
  if (kind == reg::EntityKind::kOrgan) return reach != Reach::kNone && FieldText(kind, row, "code") == p.organ;
  const auto dept_field = DepartmentField(kind);
  const auto owner_field = OwnerField(kind);
  if (!dept_field.empty()) {
    const auto dept = FieldText(kind, row, dept_field);
    if (reach == Reach::kOrgan && Has(DepartmentsOfOrgan(departments, p.organ), dept)) return true;
    if (reach == Reach::kDepartment && Has(OwnDepartment(p, departments), dept)) return true;
  }
  return !owner_field.empty() && !p.person_number.empty() && ListHas(kind, row, owner_field, p.person_number);
}

// Strictly the profile's list of readers: an administrator account without a
// role in it does not read the standards either.
bool CanReadDocument(const policy::Document& document, const Principal* p) {
  return document.CanRead(p ? p->role : std::nullopt);
}

}  // namespace mamori::web
