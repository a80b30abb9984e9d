// What `mamori check` and `mamori net check` share: the report options
// (--format, --fail-on, --status, --all, --today), printing findings as text
// or JSON, and the exit status by --fail-on.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "check/engine.h"
#include "cli/commands.h"

namespace mamori::cli {

struct FindingsOutput {
  std::string format = "text";
  std::string fail_on = "high";
  std::string today;  // for reproducible reports: YYYY-MM-DD or 令和8年4月1日
  bool all = false;   // text: list passing findings too
  std::vector<std::string> statuses;
};

void AddFindingsOutputOptions(CLI::App& cmd, FindingsOutput& o);

// The check options the output asks for (language, --today), or the error to report.
Result<check::CheckOptions> CheckOptionsFor(const Context& ctx, const FindingsOutput& o);

// --fail-on as a severity; nothing for "none".
std::optional<policy::Severity> FailThreshold(const FindingsOutput& o);

// Prints the findings as text or JSON (filtered by --status / --all) and
// returns the exit status --fail-on gives.
int PrintFindings(Context& ctx, const policy::Profile& profile, const std::vector<check::Finding>& findings,
                  const FindingsOutput& o, const check::CheckOptions& options);

}  // namespace mamori::cli
