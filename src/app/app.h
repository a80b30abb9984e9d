// Wiring: configuration → store → profile → services. Nothing else lives here.
#pragma once

#include "cli/context.h"

namespace mamori::app {

// Opens the SQLite register named in the config, the body's profile recorded
// in it, and the register service acting as config.actor.
Result<cli::Session> OpenSession(const cli::Config& config, cli::NeedProfile need);

int Main(int argc, char** argv);

}  // namespace mamori::app
