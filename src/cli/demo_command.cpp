// mamori demo [--profile nogata] [--seed N] [--assets N] … : a fictional body
// with a realistic register (and some genuine violations) to see the whole loop.
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "demo/demo.h"
#include "policy/loader.h"

namespace mamori::cli {
namespace {

struct DemoCommandOptions {
  std::string profile = "nogata";
  demo::DemoOptions demo;
  bool replace = false;
};

int RunDemo(Context& ctx, const DemoCommandOptions& o) {
  auto profile = policy::LoadProfileById(o.profile, ctx.config.profile_dirs);
  if (!profile) return Report(ctx, profile.error());
  if (std::filesystem::exists(ctx.config.db)) {
    if (!o.replace)
      return Report(ctx, Error(ErrorCode::kConflict,
                               fmt::format("{} は既にあります。作り直すには --replace を付けてください", ctx.config.db.string())));
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(ctx.config.db.string() + suffix);
  }
  auto session = ctx.open(ctx.config, NeedProfile::kNo);
  if (!session) return Report(ctx, session.error());
  if (auto ok = session->registry->SetSetting("profile", profile->id); !ok) return Report(ctx, ok.error());
  const auto data = demo::Generate(o.demo);
  auto plan = session->registry->Import(demo::ToSheets(data), /*dry_run=*/false);
  if (!plan) return Report(ctx, plan.error());
  const bool en = ctx.config.English();
  *ctx.out << (en ? fmt::format("Built the fictional body {} in {} under the profile {} ({}):\n", o.demo.body_name,
                                ctx.config.db.string(), profile->id, profile->name_en)
                  : fmt::format("架空の団体「{}」の台帳を {} に作りました（プロファイル: {}（{}））\n", o.demo.body_name,
                                ctx.config.db.string(), profile->name_ja, profile->id));
  for (const auto& [kind, counts] : plan->counts) {
    const auto& info = reg::Info(kind);
    *ctx.out << fmt::format("  {} {} {}\n", en ? info.label_en : info.label_ja, counts.created, en ? "" : "件");
  }
  *ctx.out << (en ? "Next: mamori check, mamori asset list, mamori export register.xlsx\n"
                  : "次に: mamori check（点検）、mamori asset list（台帳）、mamori export 台帳.xlsx（Excel に出力）\n");
  return kExitOk;
}

}  // namespace

void AddDemoCommand(CLI::App& parent, Context& ctx, Action& run) {
  auto o = std::make_shared<DemoCommandOptions>();
  auto* cmd = parent.add_subcommand("demo", "架空の団体の台帳（数百件、違反を含む）を作り、点検まで試せるようにする");
  cmd->add_option("--profile", o->profile, "適用するプロファイル（既定 nogata）");
  cmd->add_option("--seed", o->demo.seed, "乱数の種（同じ種なら同じ台帳）");
  cmd->add_option("--assets", o->demo.assets, "情報資産の件数");
  cmd->add_option("--systems", o->demo.systems, "情報システムの件数");
  cmd->add_option("--terminals", o->demo.terminals, "端末の件数");
  cmd->add_option("--people", o->demo.people, "人員の件数");
  cmd->add_flag("--replace", o->replace, "既存のデータベースを消して作り直す");
  cmd->callback([&ctx, &run, o] { run = [&ctx, o] { return RunDemo(ctx, *o); }; });
}

}  // namespace mamori::cli
