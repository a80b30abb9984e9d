// A finding: what one rule concluded about one subject of the register, and
// the clause of the body's own policy that requires it.
#pragma once

#include <string>
#include <vector>

#include "policy/profile.h"

namespace mamori::check {

enum class Status {
  kFail,     // the register shows the policy is not met
  kPass,     // the register shows it is met
  kUnknown,  // the data needed to decide is not recorded: never counted as a pass
};
std::string_view StatusKey(Status s);  // fail, pass, unknown
std::string_view StatusLabel(Status s, bool english);

// What a finding is about, named by the register's own numbers.
struct Subject {
  std::string type;  // asset, system, terminal, person, department, inspection, body
  std::string id;    // 資産番号 …; the profile id for "body"
  std::string name;  // for people reading it
};

struct Finding {
  std::string rule;  // asset.classified …
  policy::Severity severity = policy::Severity::kMedium;
  Status status = Status::kUnknown;
  Subject subject;
  std::string message;  // in the language asked for
  std::string clause;  // clause id: the profile gives its label (第6条第3号①) and title, see ClauseOf()
  std::string department;  // where the subject belongs, for filtering
};

struct Summary {
  std::size_t fail = 0, pass = 0, unknown = 0;
  std::size_t fail_by_severity[3] = {0, 0, 0};  // high, medium, low
};
Summary Summarize(const std::vector<Finding>& findings);

// The clause a finding cites, as the body numbers and titles it (the id itself
// when the profile does not define it).
struct ClauseText {
  std::string_view label;
  std::string_view title;
};
ClauseText ClauseOf(const policy::Profile& profile, const Finding& finding);

// True when a finding of `threshold` severity or higher failed.
bool FailsAt(const std::vector<Finding>& findings, policy::Severity threshold);

}  // namespace mamori::check
