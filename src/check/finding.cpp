#include "check/finding.h"

namespace mamori::check {

std::string_view StatusKey(Status s) {
  switch (s) {
    case Status::kFail: return "fail";
    case Status::kPass: return "pass";
    case Status::kUnknown: return "unknown";
  }
  return "unknown";
}

std::string_view StatusLabel(Status s, bool english) {
  switch (s) {
    case Status::kFail: return english ? "FAIL" : "違反";
    case Status::kPass: return english ? "pass" : "適合";
    case Status::kUnknown: return english ? "unknown" : "判定不能";
  }
  return "";
}

Summary Summarize(const std::vector<Finding>& findings) {
  Summary s;
  for (const auto& f : findings) {
    switch (f.status) {
      case Status::kFail:
        ++s.fail;
        ++s.fail_by_severity[static_cast<int>(f.severity)];
        break;
      case Status::kPass: ++s.pass; break;
      case Status::kUnknown: ++s.unknown; break;
    }
  }
  return s;
}

ClauseText ClauseOf(const policy::Profile& profile, const Finding& finding) {
  if (const auto* c = profile.FindClause(finding.clause)) return {c->label, c->title};
  return {finding.clause, {}};
}

bool FailsAt(const std::vector<Finding>& findings, policy::Severity threshold) {
  for (const auto& f : findings)
    if (f.status == Status::kFail && static_cast<int>(f.severity) <= static_cast<int>(threshold)) return true;
  return false;
}

}  // namespace mamori::check
