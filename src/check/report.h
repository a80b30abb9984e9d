// Findings for people (text, Japanese first) and for programs (JSON).
#pragma once

#include <ostream>
#include <set>
#include <vector>

#include <nlohmann/json.hpp>

#include "check/finding.h"
#include "common/wareki.h"

namespace mamori::check {

// [{"rule", "clause", "clause_id", "clause_title", "severity", "status",
//   "subject": {"type", "id", "name"}, "message", "department"}, …]
nlohmann::ordered_json FindingsToJson(const policy::Profile& profile, const std::vector<Finding>& findings);

struct TextReportOptions {
  bool english = false;
  std::set<Status> statuses{Status::kFail, Status::kUnknown};  // which findings to list
  Date today = Date::Today();
};

// A heading with the body and the date (和暦), the counts, then the listed
// findings, most severe first, each with the clause it cites.
void PrintFindingsText(std::ostream& out, const policy::Profile& profile, const std::vector<Finding>& findings,
                       const TextReportOptions& options);

}  // namespace mamori::check
