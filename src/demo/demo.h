// mamori demo: a fictional Japanese municipal body (架空市) with a realistic
// register — organs, departments, people, assets, systems, terminals and
// inspections — and a controlled few genuine violations for the checks to
// find, so that a new user sees the whole loop at once.
//
// Deterministic: the same options give the same register on every platform
// (std::mt19937_64 with our own uniform helpers; no std::*_distribution).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/wareki.h"
#include "register/model.h"
#include "service/register_service.h"

namespace mamori::demo {

struct DemoOptions {
  std::uint64_t seed = 2026;
  std::size_t assets = 400;
  std::size_t systems = 40;
  std::size_t terminals = 160;
  std::size_t people = 240;
  std::string body_name = "架空市";
  // The day the register describes: inspections fall in its 年度. Unset: today
  // (Japan). Set it to make the inspection dates reproducible as well.
  std::optional<Date> as_of;
};

using DemoRegister = reg::Register;

// The register of the fictional body. See demo.cpp for the violations it
// contains on purpose.
DemoRegister Generate(const DemoOptions& options);

// One sheet per record type, in dependency order: organs, departments, people,
// assets, systems, terminals, inspections (for RegisterService::Import).
std::vector<service::IncomingSheet> ToSheets(const DemoRegister& data);

}  // namespace mamori::demo
