#include "cli/commands.h"

#include <array>
#include <cstdlib>
#include <iostream>

#include <pwd.h>
#include <unistd.h>

#include "policy/loader.h"

namespace mamori::cli {
namespace {

// The subcommands, in the order `mamori --help` lists them.
constexpr std::array<CommandSpec, 11> kCommands{{
    {"init", AddInitCommand},
    {"profile", AddProfileCommand},
    {"register", AddRegisterCommands},
    {"import", AddImportCommand},
    {"export", AddExportCommand},
    {"check", AddCheckCommand},
    {"net", AddNetCommand},
    {"history", AddHistoryCommand},
    {"demo", AddDemoCommand},
    {"serve", AddServeCommand},
    {"account", AddAccountCommand},
}};

std::string LoginName() {
  if (const char* env = std::getenv("MAMORI_ACTOR"); env && *env) return env;
  if (const passwd* pw = getpwuid(getuid()); pw && pw->pw_name) return pw->pw_name;
  if (const char* user = std::getenv("USER"); user && *user) return user;
  return "unknown";
}

}  // namespace

int Run(int argc, char** argv, Context& ctx) {
  CLI::App app{"mamori（守り）: 地方公共団体の情報セキュリティポリシーを動かす\n"
               "mamori runs a local public body's information security policy."};
  app.require_subcommand(1);
  app.set_help_all_flag("--help-all", "すべてのサブコマンドの説明を表示する");

  if (const char* env = std::getenv("MAMORI_DB"); env && *env) ctx.config.db = env;
  std::string db = ctx.config.db.string();
  std::vector<std::string> profile_dirs;
  app.add_option("--db", db, "台帳のデータベース（SQLite ファイル。既定 mamori.db、環境変数 MAMORI_DB）");
  app.add_option("--actor", ctx.config.actor, "変更履歴に記録する実施者（既定: ログイン名、環境変数 MAMORI_ACTOR）");
  app.add_option("--lang", ctx.config.lang, "表示言語 ja（既定）または en")->check(CLI::IsMember({"ja", "en"}));
  app.add_option("--profile-dir", profile_dirs, "プロファイルを探すディレクトリ（複数可）");

  Action run;
  for (const auto& spec : kCommands) spec.add(app, ctx, run);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e, *ctx.out, *ctx.err) == 0 ? kExitOk : kExitInput;
  }
  ctx.config.db = db;
  if (ctx.config.actor.empty()) ctx.config.actor = LoginName();
  for (const auto& d : profile_dirs) ctx.config.profile_dirs.emplace_back(d);
  for (const auto& d : policy::DefaultProfileDirs()) ctx.config.profile_dirs.push_back(d);
  if (!run) return kExitInput;
  return run();
}

}  // namespace mamori::cli
