// mamori profile list | show ID [--format text|json] | validate FILE…
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/format.h"
#include "policy/loader.h"
#include "policy/render.h"

namespace mamori::cli {

void AddProfileCommand(CLI::App& parent, Context& ctx, Action& run) {
  auto* cmd = parent.add_subcommand("profile", "団体のプロファイル（ポリシーをデータにしたもの）の一覧・表示・検証");
  cmd->require_subcommand(1);

  auto* list = cmd->add_subcommand("list", "使えるプロファイルの一覧");
  list->callback([&ctx, &run] {
    run = [&ctx] {
      std::vector<std::vector<std::string>> rows;
      bool broken = false;
      for (const auto& s : policy::ListProfiles(ctx.config.profile_dirs)) {
        rows.push_back({s.id, ctx.config.English() ? s.name_en : s.name_ja, s.base, s.error.empty() ? s.file : s.error});
        broken = broken || !s.error.empty();
      }
      if (ctx.config.English())
        PrintTable(*ctx.out, {"id", "body", "base", "file"}, rows, 70);
      else
        PrintTable(*ctx.out, {"ID", "団体", "派生元", "ファイル"}, rows, 70);
      return broken ? kExitInput : kExitOk;
    };
  });

  auto id = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("text");
  auto* show = cmd->add_subcommand("show", "プロファイルを読みやすく表示する");
  show->add_option("id", *id, "プロファイル ID（省略時: 台帳に設定したもの）");
  show->add_option("--format", *format, "text または json")->check(CLI::IsMember({"text", "json"}));
  show->callback([&ctx, &run, id, format] {
    run = [&ctx, id, format] {
      Result<policy::Profile> profile = Fail(ErrorCode::kNotFound, "");
      if (id->empty()) {
        auto session = ctx.open(ctx.config, NeedProfile::kYes);
        if (!session) return Report(ctx, session.error());
        profile = std::move(*session->profile);
      } else {
        profile = policy::LoadProfileById(*id, ctx.config.profile_dirs);
      }
      if (!profile) return Report(ctx, profile.error());
      if (*format == "json")
        *ctx.out << policy::ProfileToJson(*profile).dump(2) << '\n';
      else
        *ctx.out << policy::RenderProfileText(*profile, ctx.config.English());
      return kExitOk;
    };
  });

  auto files = std::make_shared<std::vector<std::string>>();
  auto* validate = cmd->add_subcommand("validate", "プロファイルのファイルを検証する（誤りは ファイル:行:列 で示す）");
  validate->add_option("files", *files, "YAML ファイル")->required();
  validate->callback([&ctx, &run, files] {
    run = [&ctx, files] {
      int status = kExitOk;
      for (const auto& f : *files) {
        if (auto ok = policy::ValidateFile(f, ctx.config.profile_dirs); !ok) {
          status = Report(ctx, ok.error());
        } else {
          *ctx.out << (ctx.config.English() ? fmt::format("{}: valid\n", f) : fmt::format("{}: 問題ありません\n", f));
        }
      }
      return status;
    };
  });
}

}  // namespace mamori::cli
