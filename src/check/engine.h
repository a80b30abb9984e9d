// Runs the body's rules over the register.
#pragma once

#include <vector>

#include "check/finding.h"
#include "check/snapshot.h"
#include "common/wareki.h"
#include "policy/profile.h"

namespace mamori::check {

struct CheckOptions {
  bool english = false;
  Date today = Date::Today();  // "within the last year" is measured from here
};

// Every enabled rule of the profile, in the order of policy::KnownRules().
// A rule the profile disables yields nothing; a rule whose data is missing
// yields "unknown" findings, never "pass".
std::vector<Finding> RunChecks(const policy::Profile& profile, const RegisterSnapshot& reg, const CheckOptions& options);

// The rule ids this module implements (a test checks they match KnownRules()).
std::vector<std::string_view> ImplementedRules();

}  // namespace mamori::check
