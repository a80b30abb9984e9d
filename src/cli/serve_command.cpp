// mamori serve --listen 127.0.0.1:8080 : the web application (wired by app/).
#include "cli/commands.h"

namespace mamori::cli {

void AddServeCommand(CLI::App& parent, Context& ctx, Action& run) {
  auto o = std::make_shared<ServeOptions>();
  auto* cmd = parent.add_subcommand("serve", "Web 画面と REST API を提供する（mamori serve --listen 127.0.0.1:8080）");
  cmd->add_option("--listen", o->listen, "待ち受けるアドレス:ポート（既定 127.0.0.1:8080）");
  cmd->add_option("--tls-cert", o->tls_certificate, "TLS 証明書（PEM）。--tls-key と共に指定すると HTTPS");
  cmd->add_option("--tls-key", o->tls_key, "TLS 秘密鍵（PEM）");
  cmd->add_option("--threads", o->threads, "処理スレッド数（既定: CPU コア数）");
  cmd->add_option("--ldap-uri", o->ldap_uri, "LDAP／Active Directory のサーバ（ldap://…）");
  cmd->add_option("--ldap-bind", o->ldap_bind, "バインド DN の型: uid={login},ou=people,dc=… または {login}@example.lg.jp");
  cmd->add_option("--ldap-base", o->ldap_base, "利用者を探す基点 DN");
  cmd->add_option("--ldap-filter", o->ldap_filter, "利用者を探す条件（既定: (|(uid={login})(sAMAccountName={login}))）");
  cmd->add_option("--ldap-group", o->ldap_groups, "グループと役割の対応 GROUP_DN=ciso（…=admin で管理者）、複数可");
  cmd->add_flag("--ldap-start-tls", o->ldap_start_tls, "LDAP で StartTLS を使う");
  cmd->callback([&ctx, &run, o] { run = [&ctx, o] { return ctx.serve(ctx, *o); }; });
}

}  // namespace mamori::cli
