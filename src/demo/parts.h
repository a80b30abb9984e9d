// The parts of the generator, called in this order by Generate (demo.cpp).
// Each fills its records of ctx.out; people come first because every other
// part refers to them.
#pragma once

#include "demo/context.h"
#include "demo/rng.h"

namespace mamori::demo {

void MakePeople(Context& ctx, Rng& rng);       // people.cpp (also fills ctx.staff)
void MakeAssets(Context& ctx, Rng& rng);       // assets.cpp
void MakeSystems(Context& ctx, Rng& rng);      // systems.cpp
void MakeTerminals(Context& ctx, Rng& rng);    // terminals.cpp
void MakeInspections(Context& ctx, Rng& rng);  // inspections.cpp
void InjectViolations(Context& ctx, Rng& rng); // violations.cpp
void MakeNetwork(Context& ctx);                // network.cpp (fixed, with three mistakes of its own)

}  // namespace mamori::demo
