#include "app/serve.h"

#include <csignal>
#include <iostream>
#include <thread>

#include <fmt/format.h>
#include <sodium.h>

#include "app/app.h"
#include "auth/ldap.h"
#include "http/server.h"
#include "policy/loader.h"
#include "store/alerts.h"
#include "store/sqlite/sqlite_store.h"
#include "web/store_pool.h"
#include "web/web_app.h"

namespace mamori::app {

namespace {

Result<std::pair<std::string, unsigned short>> ParseListen(std::string_view listen) {
  const auto colon = listen.rfind(':');
  if (colon == std::string_view::npos)
    return Fail(ErrorCode::kInvalidArgument, fmt::format("--listen は アドレス:ポート で指定してください（{}）", listen));
  std::string host(listen.substr(0, colon));
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  unsigned port = 0;
  for (char c : listen.substr(colon + 1)) {
    if (c < '0' || c > '9' || port > 65535)
      return Fail(ErrorCode::kInvalidArgument, fmt::format("ポート番号が正しくありません（{}）", listen));
    port = port * 10 + static_cast<unsigned>(c - '0');
  }
  if (port > 65535) return Fail(ErrorCode::kInvalidArgument, fmt::format("ポート番号が正しくありません（{}）", listen));
  return std::make_pair(host, static_cast<unsigned short>(port));
}

auth::AuthOptions AuthOptionsFor(const cli::ServeOptions* o, const std::string& body_name) {
  auth::AuthOptions a;
  a.issuer = body_name.empty() ? "mamori" : body_name + " mamori";
  if (const char* cheap = std::getenv("MAMORI_TEST_FAST_HASH"); cheap && *cheap == '1')
    a.password_cost = auth::PasswordCost::Interactive();  // tests only: the libsodium floor
  if (o && !o->ldap_uri.empty()) {
    auth::LdapOptions l;
    l.uri = o->ldap_uri;
    l.bind_dn_template = o->ldap_bind;
    l.base_dn = o->ldap_base;
    l.user_filter = o->ldap_filter;
    if (!l.base_dn.empty() && l.user_filter.empty()) l.user_filter = "(|(uid={login})(sAMAccountName={login}))";
    l.start_tls = o->ldap_start_tls;
    for (const auto& g : o->ldap_groups) {
      const auto eq = g.rfind('=');
      if (eq == std::string::npos) continue;
      const auto dn = g.substr(0, eq), role = g.substr(eq + 1);
      if (role == "admin")
        l.admin_groups.push_back(dn);
      else
        l.group_roles[dn] = role;
    }
    a.ldap = std::move(l);
  }
  return a;
}

Result<cli::AccountSession> OpenAccountsWith(const cli::Config& config, const cli::ServeOptions* o) {
  cli::AccountSession s;
  auto history = store::OpenSqlite(config.db);  // creates and migrates the file
  if (!history) return Fail(history.error());
  std::string body;
  if (auto id = (*history)->GetSetting("profile"); id && *id)
    if (auto p = policy::LoadProfileById(**id, config.profile_dirs)) body = p->name_ja;
  s.history = std::move(*history);
  auto accounts = store::OpenSqliteAccounts(config.db);
  if (!accounts) return Fail(accounts.error());
  s.accounts = std::move(*accounts);
  auto options = AuthOptionsFor(o, body);
  if (options.ldap)
    if (auto ok = auth::ValidateLdapOptions(*options.ldap); !ok) return Fail(ok.error());
  s.auth = std::make_unique<auth::Authenticator>(*s.accounts, *s.history, std::move(options));
  return s;
}

std::string RandomPassword() {
  // 16 characters from an alphabet without look-alikes (0/O, 1/l/I).
  static constexpr std::string_view kAlphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::string out;
  for (int i = 0; i < 16; ++i) out.push_back(kAlphabet[randombytes_uniform(static_cast<uint32_t>(kAlphabet.size()))]);
  return out;
}

http::Server* g_server = nullptr;  // for the signal handler only
extern "C" void OnSignal(int) {
  if (g_server) g_server->Stop();
}

}  // namespace

Result<cli::AccountSession> OpenAccounts(const cli::Config& config) { return OpenAccountsWith(config, nullptr); }

int Serve(cli::Context& ctx, const cli::ServeOptions& options) {
  const bool en = ctx.config.English();
  auto listen = ParseListen(options.listen);
  if (!listen) return cli::Report(ctx, listen.error());
  auto session = OpenSession(ctx.config, cli::NeedProfile::kYes);
  if (!session) return cli::Report(ctx, session.error());
  const policy::Profile profile = *session->profile;
  session->registry.reset();
  session->store.reset();

  auto accounts = OpenAccountsWith(ctx.config, &options);
  if (!accounts) return cli::Report(ctx, accounts.error());
  // The first start creates the first administrator, shown once on this terminal.
  std::string first_password;
  if (auto list = accounts->auth->ListAccounts(); list && list->empty()) {
    auth::NewAccount admin;
    admin.login = "admin";
    admin.display_name = en ? "Administrator" : "管理者";
    admin.role = reg::Role::kCiso;
    admin.admin = true;
    admin.password = RandomPassword();
    auto created = accounts->auth->CreateLocalAccount(admin, "mamori serve");
    if (!created) return cli::Report(ctx, created.error());
    first_password = admin.password;
  }

  const unsigned threads = options.threads ? options.threads : std::max(2u, std::thread::hardware_concurrency());
  const auto db = ctx.config.db;
  auto pool = web::StorePool::Create([db] { return store::OpenSqlite(db); }, threads + 2);
  if (!pool) return cli::Report(ctx, pool.error());

  auto alerts = store::OpenSqliteAlerts(db);
  if (!alerts) return cli::Report(ctx, alerts.error());

  web::WebOptions web_options;
  web_options.secure_cookies = !options.tls_certificate.empty();
  web_options.alerts = alerts->get();
  web::WebApp app(profile, **pool, *accounts->auth, web_options);

  http::ServerOptions server_options;
  server_options.address = listen->first;
  server_options.port = listen->second;
  server_options.threads = threads;
  if (!options.tls_certificate.empty() || !options.tls_key.empty())
    server_options.tls = http::TlsOptions{options.tls_certificate, options.tls_key};
  http::Server server(server_options, app.BuildRouter());
  if (auto ok = server.Start(); !ok) return cli::Report(ctx, ok.error());

  const std::string scheme = server_options.tls ? "https" : "http";
  std::string host = listen->first.find(':') != std::string::npos ? "[" + listen->first + "]" : listen->first;
  if (host == "0.0.0.0") host = "127.0.0.1";
  const std::string url = fmt::format("{}://{}:{}/", scheme, host, server.Port());
  auto& out = *ctx.out;
  out << (en ? fmt::format("mamori serve: {} ({}) at {}\n", profile.name_en.empty() ? profile.name_ja : profile.name_en,
                           profile.id, url)
             : fmt::format("mamori serve: {}（{}）を {} で提供しています\n", profile.name_ja, profile.id, url));
  out << (en ? fmt::format("  public basic policy (no sign-in): {}policy\n", url)
             : fmt::format("  公開の基本方針（ログイン不要）: {}policy\n", url));
  if (!first_password.empty()) {
    out << (en ? fmt::format("  first sign-in: login admin, password {}  (shown only now; an authenticator app is "
                             "registered at the first sign-in)\n",
                             first_password)
               : fmt::format("  最初のログイン: ログイン名 admin／パスワード {}（この表示は一度だけです。初回ログイン時に"
                             "認証アプリを登録します）\n",
                             first_password));
  } else {
    out << (en ? "  sign in with an account of `mamori account list`\n"
               : "  ログイン: mamori account list のアカウントで\n");
  }
  out << (en ? "  stop with Ctrl+C\n" : "  終了は Ctrl+C\n");
  out.flush();

  app.Findings().Current();  // the first check before the first page
  g_server = &server;
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  server.Run();
  g_server = nullptr;
  return cli::kExitOk;
}

}  // namespace mamori::app
