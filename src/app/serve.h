// `mamori serve` and `mamori account`: the web application's wiring.
#pragma once

#include "cli/context.h"

namespace mamori::app {

Result<cli::AccountSession> OpenAccounts(const cli::Config& config);
int Serve(cli::Context& ctx, const cli::ServeOptions& options);

}  // namespace mamori::app
