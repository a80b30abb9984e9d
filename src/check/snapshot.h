// The register as the checks see it: every record, read once.
#pragma once

#include <vector>

#include "common/error.h"
#include "common/wareki.h"
#include "register/model.h"
#include "store/store.h"

namespace mamori::check {

using RegisterSnapshot = reg::Register;

Result<RegisterSnapshot> LoadSnapshot(store::Store& store);

}  // namespace mamori::check
