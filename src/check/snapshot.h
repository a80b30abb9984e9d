// The register as the checks see it: every record, read once.
#pragma once

#include <vector>

#include "common/error.h"
#include "common/wareki.h"
#include "register/model.h"
#include "store/store.h"

namespace mamori::check {

struct RegisterSnapshot {
  std::vector<reg::Organ> organs;
  std::vector<reg::Department> departments;
  std::vector<reg::Person> people;
  std::vector<reg::Asset> assets;
  std::vector<reg::System> systems;
  std::vector<reg::Terminal> terminals;
  std::vector<reg::Inspection> inspections;
};

Result<RegisterSnapshot> LoadSnapshot(store::Store& store);

}  // namespace mamori::check
