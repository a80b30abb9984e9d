// mamori net check | import | watch | alerts: the three-tier separation,
// verified from the declared network and watched in live traffic.
#include "cli/commands.h"
#include "cli/net_commands.h"

namespace mamori::cli {

void AddNetCommand(CLI::App& parent, Context& ctx, Action& run) {
  CLI::App* net = parent.add_subcommand("net", "ネットワーク（三層の分離）: 検証・取り込み・通信の監視");
  net->require_subcommand(1);
  AddNetCheckCommand(*net, ctx, run);
  AddNetImportCommand(*net, ctx, run);
  AddNetWatchCommand(*net, ctx, run);
  AddNetAlertsCommand(*net, ctx, run);
}

}  // namespace mamori::cli
