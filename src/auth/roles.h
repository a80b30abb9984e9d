// What sign-in needs to know about the register's roles (reg::Role).
#pragma once

#include "register/model.h"

namespace mamori::auth {

// Higher is more privileged: CISO 8 … 職員等 1. The 監査人 (reads everything,
// writes nothing) ranks just above 職員等. Used where several directory groups
// map to roles and the most privileged one wins.
int RolePrivilege(reg::Role role);

// A second factor is required of the CISO, the 統括情報セキュリティ責任者 and
// every account that manages accounts and settings; others may enrol.
bool TotpRequired(reg::Role role, bool admin);

}  // namespace mamori::auth
