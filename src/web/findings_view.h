// Findings as the screens group and filter them.
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "check/finding.h"
#include "policy/profile.h"
#include "web/access.h"

namespace mamori::web {

// The measure group (policy 6(n): organization … evaluation) a finding belongs
// to, from the clause it cites ("measures.resilience.my_number" → resilience;
// audit and review → evaluation; scope and staff → organization).
std::string MeasureGroupOf(const check::Finding& finding);

// Which findings a principal may see: those about records in their scope.
class FindingScope {
 public:
  FindingScope(const Principal& p, const std::vector<reg::Department>& departments,
               std::unordered_set<std::string> own_subjects);
  bool Visible(const check::Finding& f) const;

 private:
  bool all_;
  std::unordered_set<std::string> departments_;
  std::unordered_set<std::string> own_;  // "asset/A-1" …
};

}  // namespace mamori::web
