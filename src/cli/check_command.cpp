// mamori check [--format text|json] [--lang ja|en] [--fail-on high|medium|low|none] [--all]
#include "check/engine.h"
#include "check/snapshot.h"
#include "cli/commands.h"
#include "cli/findings_output.h"

namespace mamori::cli {
namespace {

int RunCheck(Context& ctx, const FindingsOutput& o) {
  auto session = ctx.open(ctx.config, NeedProfile::kYes);
  if (!session) return Report(ctx, session.error());
  auto snapshot = check::LoadSnapshot(*session->store);
  if (!snapshot) return Report(ctx, snapshot.error());
  auto options = CheckOptionsFor(ctx, o);
  if (!options) return Report(ctx, options.error());
  const auto findings = check::RunChecks(*session->profile, *snapshot, *options);
  return PrintFindings(ctx, *session->profile, findings, o, *options);
}

}  // namespace

void AddCheckCommand(CLI::App& parent, Context& ctx, Action& run) {
  auto o = std::make_shared<FindingsOutput>();
  auto* cmd = parent.add_subcommand("check", "台帳を団体のポリシーに照らして点検し、指摘を根拠の条項とともに示す");
  AddFindingsOutputOptions(*cmd, *o);
  cmd->callback([&ctx, &run, o] { run = [&ctx, o] { return RunCheck(ctx, *o); }; });
}

}  // namespace mamori::cli
