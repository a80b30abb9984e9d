// Helpers shared by the policy module's tests.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>

#include "policy/loader.h"

namespace mamori::policy::testing {

inline std::filesystem::path SourceDir() {
  if (const char* env = std::getenv("MAMORI_SOURCE_DIR"); env != nullptr && *env != '\0') return env;
  return MAMORI_TEST_SOURCE_DIR;
}

inline std::filesystem::path ProfileDir() { return SourceDir() / "profiles"; }

inline ProfileSearchPath Dirs() { return {ProfileDir()}; }

// The seed policies: $MAMORI_SHARED_DIR/seeds, else ../shared/seeds beside the repository.
inline std::filesystem::path SeedDir() {
  if (const char* env = std::getenv("MAMORI_SHARED_DIR"); env != nullptr && *env != '\0')
    return std::filesystem::path(env) / "seeds";
  return SourceDir().parent_path() / "shared" / "seeds";
}

}  // namespace mamori::policy::testing
