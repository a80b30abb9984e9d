// The embedded default store: one SQLite file, WAL, foreign keys on, STRICT
// tables, numbered migrations (src/store/migrations/NNNN_*.sql) embedded in
// the binary and applied in order on open.
#pragma once

#include <filesystem>
#include <memory>

#include "store/store.h"

namespace mamori::store {

struct SqliteOptions {
  bool create = true;      // create the file if it does not exist
  bool read_only = false;
};

Result<std::unique_ptr<Store>> OpenSqlite(const std::filesystem::path& file, const SqliteOptions& options = {});

}  // namespace mamori::store
