// mamori init --profile ID : choose the body's profile for this register.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "policy/loader.h"

namespace mamori::cli {

void AddInitCommand(CLI::App& parent, Context& ctx, Action& run) {
  auto profile = std::make_shared<std::string>();
  auto* cmd = parent.add_subcommand("init", "台帳を作り（または開き）、団体のプロファイルを設定する");
  cmd->add_option("--profile", *profile, "団体のプロファイル ID（mamori profile list で一覧）")->required();
  cmd->callback([&ctx, &run, profile] {
    run = [&ctx, profile] {
      auto loaded = policy::LoadProfileById(*profile, ctx.config.profile_dirs);
      if (!loaded) return Report(ctx, loaded.error());
      auto session = ctx.open(ctx.config, NeedProfile::kNo);
      if (!session) return Report(ctx, session.error());
      if (auto ok = session->registry->SetSetting("profile", loaded->id); !ok) return Report(ctx, ok.error());
      *ctx.out << (ctx.config.English()
                       ? fmt::format("{}: profile set to {} ({})\n", session->store->Describe(), loaded->id, loaded->name_en)
                       : fmt::format("{}: プロファイルを {}（{}）にしました\n", session->store->Describe(), loaded->id,
                                     loaded->name_ja));
      return kExitOk;
    };
  });
}

}  // namespace mamori::cli
