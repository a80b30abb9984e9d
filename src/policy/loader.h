// Loading profiles: read a YAML file, resolve its `base:` chain from a list of
// profile directories, deep-merge, compile to a Profile and validate it.
//
// Never throws and never crashes on hostile input: every failure is an Error
// whose message names file:line:column; a file with several mistakes returns
// one Error whose `details` hold all of them.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "policy/profile.h"

namespace mamori::policy {

// Directories searched for profiles (a `base:` or a parent id → <dir>/<id>.yaml,
// else any *.yaml in the directory whose `id:` is that id), first match wins.
using ProfileSearchPath = std::vector<std::filesystem::path>;

// $MAMORI_PROFILE_DIR (':'-separated) first, then the profiles/ directory
// compiled in (the source tree's, or the installed one).
ProfileSearchPath DefaultProfileDirs();

// Limits on hostile input.
inline constexpr std::size_t kMaxProfileBytes = 1024 * 1024;
inline constexpr int kMaxProfileDepth = 64;           // nesting of mappings and sequences
inline constexpr std::size_t kMaxProfileNodes = 100000;  // nodes after aliases are expanded
inline constexpr int kMaxBaseChain = 8;               // profile → base → base …
inline constexpr std::size_t kMaxReportedErrors = 100;

Result<Profile> LoadProfile(const std::filesystem::path& file, const ProfileSearchPath& dirs);
Result<Profile> LoadProfileById(std::string_view id, const ProfileSearchPath& dirs);
// `text` as if it were the file `name` (for the fuzzer, tests and uploads).
Result<Profile> LoadProfileFromString(std::string_view text, std::string_view name, const ProfileSearchPath& dirs);

// Every profile in the directories (the first of each id), broken ones with `error` set.
std::vector<ProfileSummary> ListProfiles(const ProfileSearchPath& dirs);

// Loads the file with its base chain resolved from the file's own directory
// (then DefaultProfileDirs()) and returns every problem found.
Result<void> ValidateFile(const std::filesystem::path& file);
Result<void> ValidateFile(const std::filesystem::path& file, const ProfileSearchPath& dirs);

}  // namespace mamori::policy
