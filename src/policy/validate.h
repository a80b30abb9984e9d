// Cross-references of a compiled profile: every clause id cited exists, every
// known rule is configured, level codes are unique and those a legacy level
// points at are defined, category names do not collide (internal).
#pragma once

#include "policy/compile.h"

namespace mamori::policy {

// `root` is the position errors without a better place are reported at.
void ValidateCompiled(const Compiled& compiled, const Pos& root, Diagnostics& diag);

}  // namespace mamori::policy
