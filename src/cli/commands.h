// The subcommands, registered explicitly in one table (commands.cpp).
#pragma once

#include <functional>
#include <memory>

#include <CLI/CLI.hpp>

#include "cli/context.h"

namespace mamori::cli {

// A subcommand adds itself under `parent` and sets `run` to what executes it.
using Action = std::function<int()>;
struct CommandSpec {
  const char* name;
  void (*add)(CLI::App& parent, Context& ctx, Action& run);
};

void AddProfileCommand(CLI::App& parent, Context& ctx, Action& run);
void AddInitCommand(CLI::App& parent, Context& ctx, Action& run);
void AddRegisterCommands(CLI::App& parent, Context& ctx, Action& run);  // asset, system, terminal, person …
void AddImportCommand(CLI::App& parent, Context& ctx, Action& run);
// What `import` and `net import` share once the files are rows: all-or-nothing
// import (or dry run), the counts per kind, and `recorded(batch)` when written.
int ApplyImport(Context& ctx, std::vector<service::IncomingSheet> incoming, bool dry_run,
                const std::function<std::string(const std::string& batch)>& recorded);
void AddExportCommand(CLI::App& parent, Context& ctx, Action& run);
void AddCheckCommand(CLI::App& parent, Context& ctx, Action& run);
void AddNetCommand(CLI::App& parent, Context& ctx, Action& run);  // net check | import | watch | alerts
void AddHistoryCommand(CLI::App& parent, Context& ctx, Action& run);
void AddDemoCommand(CLI::App& parent, Context& ctx, Action& run);
void AddAccountCommand(CLI::App& parent, Context& ctx, Action& run);
void AddServeCommand(CLI::App& parent, Context& ctx, Action& run);

// Builds the whole command line and runs what was asked. `ctx.open` must be set.
int Run(int argc, char** argv, Context& ctx);

}  // namespace mamori::cli
