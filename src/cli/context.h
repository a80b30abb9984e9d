// What every subcommand gets: the global options and a way to open the body's
// store, profile and services (wired by app/, so cli/ never names SQLite).
#pragma once

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/error.h"
#include "policy/profile.h"
#include "service/register_service.h"
#include "store/store.h"

namespace mamori::cli {

struct Config {
  std::filesystem::path db = "mamori.db";  // --db, or MAMORI_DB
  std::string actor;                        // --actor, or MAMORI_ACTOR, or the login name
  std::string lang = "ja";                  // --lang ja|en
  std::vector<std::filesystem::path> profile_dirs;  // --profile-dir, or MAMORI_PROFILE_DIR, or the shipped profiles
  bool English() const { return lang == "en"; }
};

struct Session {
  std::unique_ptr<store::Store> store;
  std::optional<policy::Profile> profile;  // the body's profile, when one is set
  std::unique_ptr<service::RegisterService> registry;
};

enum class NeedProfile { kNo, kYes };

struct Context {
  Config config;
  std::function<Result<Session>(const Config&, NeedProfile)> open;
  std::ostream* out = nullptr;
  std::ostream* err = nullptr;
};

// Exit codes shared by every subcommand.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;  // check: a finding at or above --fail-on failed
inline constexpr int kExitInput = 2;     // bad input or usage: nothing was changed
inline constexpr int kExitStore = 3;     // the store or the system failed

// Prints "エラー: …" with every detail and returns the exit code for it.
int Report(const Context& ctx, const Error& error);

}  // namespace mamori::cli
