// Who may see and change what, from the profile's organization:
//   CISO and 統括情報セキュリティ責任者: everything;
//   情報セキュリティ責任者: the records of their organ's departments;
//   情報セキュリティ管理者, 情報システム管理者/担当者: their department's;
//   職員等: what they manage (assets they manage, systems they administer,
//           terminals they use, their own person record);
//   監査人 (auditor): reads everything, writes nothing.
// Administrators (accounts and settings) read everything.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "policy/profile.h"
#include "register/model.h"
#include "register/schema.h"
#include "store/store.h"

namespace mamori::web {

struct Principal {
  std::int64_t account_id = 0;
  std::string login;
  std::string display_name;
  std::optional<reg::Role> role;
  bool admin = false;
  std::string organ;          // Organ::code
  std::string department;     // Department code or name, as the register writes it
  std::string person_number;  // the person record this account is
  std::string csrf;           // the session's CSRF token (empty for API tokens)
  bool via_token = false;     // authenticated by an API token
};

// Everything, unrestricted.
bool SeesEverything(const Principal& p);
bool CanWrite(const Principal& p);
// The network screen (model, separation findings, traffic alerts): the
// security organization's leaders, the auditor and the system staff.
bool SeesNetwork(const Principal& p);
// Changing an alert's status (acknowledge, escalate to an incident, dismiss).
bool HandlesAlerts(const Principal& p);

// The departments (codes and names) of an organ, as the register holds them.
std::vector<std::string> DepartmentsOfOrgan(const std::vector<reg::Department>& departments, std::string_view organ);

// The scope conditions to add to a query of `kind` (empty: no restriction).
// A principal who sees nothing of a kind gets a condition nothing meets.
std::vector<store::Condition> ScopeFor(const Principal& p, reg::EntityKind kind,
                                       const std::vector<reg::Department>& departments);

// Drops the scope of a query whose own conditions already keep it inside one
// of the scope's conditions (a manager filtering by their own department): the
// same rows, and the database can count them from the index alone.
void DropSatisfiedScope(store::PageQuery& query);

// Whether one record (a row of `kind`) is within the principal's scope.
bool InScope(const Principal& p, reg::EntityKind kind, const reg::Row& row,
             const std::vector<reg::Department>& departments);

// The documents of the profile the principal (or, with nullopt, the public) may read.
bool CanReadDocument(const policy::Document& document, const Principal* p);

}  // namespace mamori::web
