#include "auth/roles.h"

namespace mamori::auth {

int RolePrivilege(reg::Role role) {
  switch (role) {
    case reg::Role::kCiso: return 8;
    case reg::Role::kChiefOfficer: return 7;
    case reg::Role::kOfficer: return 6;
    case reg::Role::kManager: return 5;
    case reg::Role::kSystemAdmin: return 4;
    case reg::Role::kSystemStaff: return 3;
    case reg::Role::kAuditor: return 2;
    case reg::Role::kStaff: return 1;
  }
  return 0;
}

bool TotpRequired(reg::Role role, bool admin) {
  return admin || role == reg::Role::kCiso || role == reg::Role::kChiefOfficer;
}

}  // namespace mamori::auth
