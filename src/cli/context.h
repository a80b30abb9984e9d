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

#include "auth/authenticator.h"
#include "common/error.h"
#include "store/accounts.h"
#include "store/alerts.h"
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

// Accounts of `mamori serve`, for `mamori account …`.
struct AccountSession {
  std::unique_ptr<store::AccountStore> accounts;
  std::unique_ptr<store::Store> history;  // the register's store, for change_history
  std::unique_ptr<auth::Authenticator> auth;
};

// `mamori serve`'s options (the web application is wired by app/).
struct ServeOptions {
  std::string listen = "127.0.0.1:8080";
  std::string tls_certificate;  // PEM; with tls_key: HTTPS
  std::string tls_key;
  unsigned threads = 0;         // 0: the number of cores
  std::string ldap_uri;         // ldap://… : directory sign-in
  std::string ldap_bind;        // bind DN template: uid={login},ou=people,dc=… or {login}@example.lg.jp
  std::string ldap_base;
  std::string ldap_filter;      // default with a base: (|(uid={login})(sAMAccountName={login}))
  std::vector<std::string> ldap_groups;  // "GROUP_DN=role" or "GROUP_DN=admin"
  bool ldap_start_tls = false;
};

struct Context {
  Config config;
  std::function<Result<Session>(const Config&, NeedProfile)> open;
  std::function<Result<AccountSession>(const Config&)> open_accounts;
  // The traffic monitor's alerts (a connection of their own; `open` must have migrated the file).
  std::function<Result<std::unique_ptr<store::AlertStore>>(const Config&)> open_alerts;
  std::function<int(Context&, const ServeOptions&)> serve;
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
