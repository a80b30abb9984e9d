// mamori check [--format text|json] [--lang ja|en] [--fail-on high|medium|low|none] [--all]
#include <chrono>
#include <iostream>

#include <fmt/format.h>

#include "check/engine.h"
#include "check/report.h"
#include "check/snapshot.h"
#include "cli/commands.h"

namespace mamori::cli {
namespace {

struct CheckCommandOptions {
  std::string format = "text";
  std::string fail_on = "high";
  std::string today;  // for reproducible reports: YYYY-MM-DD or 令和8年4月1日
  bool all = false;   // text: list passing findings too
  std::vector<std::string> statuses;
};

int RunCheck(Context& ctx, const CheckCommandOptions& o) {
  auto session = ctx.open(ctx.config, NeedProfile::kYes);
  if (!session) return Report(ctx, session.error());
  auto snapshot = check::LoadSnapshot(*session->store);
  if (!snapshot) return Report(ctx, snapshot.error());
  check::CheckOptions options;
  options.english = ctx.config.English();
  if (!o.today.empty()) {
    auto d = ParseDate(o.today);
    if (!d) return Report(ctx, d.error());
    options.today = *d;
  }
  const auto findings = check::RunChecks(*session->profile, *snapshot, options);
  if (o.format == "json") {
    auto selected = findings;
    if (!o.statuses.empty())
      std::erase_if(selected, [&](const check::Finding& f) {
        return std::find(o.statuses.begin(), o.statuses.end(), check::StatusKey(f.status)) == o.statuses.end();
      });
    *ctx.out << check::FindingsToJson(*session->profile, selected).dump(2) << '\n';
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
    check::PrintFindingsText(*ctx.out, *session->profile, findings, text);
  }
  if (o.fail_on == "none") return kExitOk;
  const auto threshold = o.fail_on == "low"      ? policy::Severity::kLow
                         : o.fail_on == "medium" ? policy::Severity::kMedium
                                                 : policy::Severity::kHigh;
  return check::FailsAt(findings, threshold) ? kExitFindings : kExitOk;
}

}  // namespace

void AddCheckCommand(CLI::App& parent, Context& ctx, Action& run) {
  auto o = std::make_shared<CheckCommandOptions>();
  auto* cmd = parent.add_subcommand("check", "台帳を団体のポリシーに照らして点検し、指摘を根拠の条項とともに示す");
  cmd->add_option("--format", o->format, "text（既定）または json")->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--fail-on", o->fail_on, "この重大度以上の違反があれば終了コード 1（high 既定, medium, low, none）")
      ->check(CLI::IsMember({"high", "medium", "low", "none"}));
  cmd->add_option("--status", o->statuses, "表示する判定（fail, unknown, pass; 既定 text は fail,unknown、json はすべて）")
      ->delimiter(',')
      ->check(CLI::IsMember({"fail", "pass", "unknown"}));
  cmd->add_flag("--all", o->all, "適合したものも表示する");
  cmd->add_option("--today", o->today, "基準日（既定: 今日）");
  cmd->callback([&ctx, &run, o] { run = [&ctx, o] { return RunCheck(ctx, *o); }; });
}

}  // namespace mamori::cli
