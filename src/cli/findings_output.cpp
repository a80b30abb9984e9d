#include "cli/findings_output.h"

#include <algorithm>
#include <ostream>

#include "check/report.h"

namespace mamori::cli {

void AddFindingsOutputOptions(CLI::App& cmd, FindingsOutput& o) {
  cmd.add_option("--format", o.format, "text（既定）または json")->check(CLI::IsMember({"text", "json"}));
  cmd.add_option("--fail-on", o.fail_on, "この重大度以上の違反があれば終了コード 1（high 既定, medium, low, none）")
      ->check(CLI::IsMember({"high", "medium", "low", "none"}));
  cmd.add_option("--status", o.statuses, "表示する判定（fail, unknown, pass; 既定 text は fail,unknown、json はすべて）")
      ->delimiter(',')
      ->check(CLI::IsMember({"fail", "pass", "unknown"}));
  cmd.add_flag("--all", o.all, "適合したものも表示する");
  cmd.add_option("--today", o.today, "基準日（既定: 今日）");
}

Result<check::CheckOptions> CheckOptionsFor(const Context& ctx, const FindingsOutput& o) {
  check::CheckOptions options;
  options.english = ctx.config.English();
  if (!o.today.empty()) {
    auto d = ParseDate(o.today);
    if (!d) return Fail(d.error());
    options.today = *d;
  }
  return options;
}

std::optional<policy::Severity> FailThreshold(const FindingsOutput& o) {
  if (o.fail_on == "none") return std::nullopt;
  return o.fail_on == "low"      ? policy::Severity::kLow
         : o.fail_on == "medium" ? policy::Severity::kMedium
                                 : policy::Severity::kHigh;
}

int PrintFindings(Context& ctx, const policy::Profile& profile, const std::vector<check::Finding>& findings,
                  const FindingsOutput& o, const check::CheckOptions& options) {
  if (o.format == "json") {
    auto selected = findings;
    if (!o.statuses.empty())
      std::erase_if(selected, [&](const check::Finding& f) {
        return std::find(o.statuses.begin(), o.statuses.end(), check::StatusKey(f.status)) == o.statuses.end();
      });
    *ctx.out << check::FindingsToJson(profile, selected).dump(2) << '\n';
  } else {
    check::TextReportOptions text;
    text.english = options.english;
    text.today = options.today;
    if (o.all) text.statuses.insert(check::Status::kPass);
    if (!o.statuses.empty()) {
      text.statuses.clear();
      for (const auto& s : o.statuses)
        for (auto st : {check::Status::kFail, check::Status::kPass, check::Status::kUnknown})
          if (check::StatusKey(st) == s) text.statuses.insert(st);
    }
    check::PrintFindingsText(*ctx.out, profile, findings, text);
  }
  const auto threshold = FailThreshold(o);
  if (!threshold) return kExitOk;
  return check::FailsAt(findings, *threshold) ? kExitFindings : kExitOk;
}

}  // namespace mamori::cli
