// The subcommands of `mamori net`, one file each.
#pragma once

#include "cli/commands.h"

namespace mamori::cli {

void AddNetCheckCommand(CLI::App& net, Context& ctx, Action& run);   // net_check_command.cpp
void AddNetImportCommand(CLI::App& net, Context& ctx, Action& run);  // net_import_command.cpp
void AddNetWatchCommand(CLI::App& net, Context& ctx, Action& run);   // net_watch_command.cpp
void AddNetAlertsCommand(CLI::App& net, Context& ctx, Action& run);  // net_watch_command.cpp

}  // namespace mamori::cli
