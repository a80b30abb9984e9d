#include "app/app.h"

#include "app/serve.h"

#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "policy/loader.h"
#include "store/alerts.h"
#include "store/sqlite/sqlite_store.h"

namespace mamori::app {

Result<cli::Session> OpenSession(const cli::Config& config, cli::NeedProfile need) {
  cli::Session session;
  auto store = store::OpenSqlite(config.db);
  if (!store) return Fail(store.error());
  session.store = std::move(*store);

  auto profile_id = session.store->GetSetting("profile");
  if (!profile_id) return Fail(profile_id.error());
  if (*profile_id) {
    auto profile = policy::LoadProfileById(**profile_id, config.profile_dirs);
    if (!profile && need == cli::NeedProfile::kYes) return Fail(profile.error());
    if (profile) session.profile = std::move(*profile);
  } else if (need == cli::NeedProfile::kYes) {
    return Fail(ErrorCode::kNotFound,
                fmt::format("{} には団体のプロファイルが設定されていません。mamori --db {} init --profile <ID> で設定してください"
                            "（一覧: mamori profile list）",
                            config.db.string(), config.db.string()));
  }

  service::LevelCodes levels = service::LevelCodes::Default();
  if (session.profile) {
    levels.confidentiality = session.profile->AllLevelCodes(policy::Axis::kConfidentiality);
    levels.integrity = session.profile->AllLevelCodes(policy::Axis::kIntegrity);
    levels.availability = session.profile->AllLevelCodes(policy::Axis::kAvailability);
  }
  session.registry = std::make_unique<service::RegisterService>(*session.store, std::move(levels), config.actor);
  return session;
}

int Main(int argc, char** argv) {
  cli::Context ctx;
  ctx.open = OpenSession;
  ctx.open_accounts = OpenAccounts;
  ctx.open_alerts = [](const cli::Config& config) { return store::OpenSqliteAlerts(config.db); };
  ctx.serve = Serve;
  ctx.out = &std::cout;
  ctx.err = &std::cerr;
  return cli::Run(argc, argv, ctx);
}

}  // namespace mamori::app
