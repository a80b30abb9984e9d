// mamori account add|list|password|disable|enable|reset-totp : the accounts
// that sign in to `mamori serve` (local accounts; directory accounts appear on
// their first sign-in). Passwords are read from standard input, never from the
// command line (it would show in the process list and the shell history).
#include <iostream>

#include <fmt/format.h>

#include "auth/messages.h"
#include "common/text.h"
#include "cli/commands.h"
#include "cli/format.h"
#include "register/schema.h"

namespace mamori::cli {
namespace {

struct AccountOptions {
  std::string login, name, role = "staff", organ, department, person;
  bool admin = false;
};

std::string ReadPassword(Context& ctx) {
  *ctx.err << (ctx.config.English() ? "Password (one line on standard input): "
                                    : "パスワード（標準入力から 1 行）: ");
  std::string line;
  std::getline(std::cin, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  *ctx.err << '\n';
  return line;
}

int Fail(Context& ctx, const Error& e) {
  if (ctx.config.English()) {
    Error en = e;
    if (auto m = auth::EnglishMessage(e); !m.empty()) en.message = std::string(m);
    return Report(ctx, en);
  }
  return Report(ctx, e);
}

Result<store::Account> Find(AccountSession& s, const std::string& login) {
  auto all = s.auth->ListAccounts();
  if (!all) return tl::unexpected(all.error());
  for (auto& a : *all)
    if (text::FoldKey(a.login) == text::FoldKey(login)) return a;
  return tl::unexpected(Error(ErrorCode::kNotFound, fmt::format("アカウント「{}」はありません", login)));
}

int RunAdd(Context& ctx, const AccountOptions& o) {
  auto s = ctx.open_accounts(ctx.config);
  if (!s) return Report(ctx, s.error());
  auto role = reg::RoleFromKey(o.role);
  if (!role) return Report(ctx, role.error());
  auth::NewAccount a;
  a.login = o.login;
  a.display_name = o.name;
  a.role = *role;
  a.admin = o.admin;
  a.organ = o.organ;
  a.department = o.department;
  a.person_number = o.person;
  a.password = ReadPassword(ctx);
  auto created = s->auth->CreateLocalAccount(a, ctx.config.actor);
  if (!created) return Fail(ctx, created.error());
  *ctx.out << (ctx.config.English()
                   ? fmt::format("Account {} created ({}).\n", created->login, reg::RoleLabel(*role, true))
                   : fmt::format("アカウント {} を作成しました（{}）。\n", created->login, reg::RoleLabel(*role)));
  return kExitOk;
}

int RunList(Context& ctx) {
  auto s = ctx.open_accounts(ctx.config);
  if (!s) return Report(ctx, s.error());
  auto all = s->auth->ListAccounts();
  if (!all) return Report(ctx, all.error());
  const bool en = ctx.config.English();
  std::vector<std::vector<std::string>> rows;
  for (const auto& a : *all) {
    auto role = reg::RoleFromKey(a.role);
    rows.push_back({a.login, a.display_name, role ? std::string(reg::RoleLabel(*role, en)) : a.role,
                    a.admin ? (en ? "yes" : "はい") : "", a.department, a.totp_enrolled ? "✓" : "", a.source,
                    a.disabled ? (en ? "disabled" : "停止中") : ""});
  }
  PrintTable(*ctx.out,
             en ? std::vector<std::string>{"Login", "Name", "Role", "Admin", "Department", "TOTP", "Source", ""}
                : std::vector<std::string>{"ログイン名", "氏名", "役割", "管理者", "所属", "TOTP", "認証元", ""},
             rows);
  return kExitOk;
}

int RunAction(Context& ctx, const std::string& login, const std::string& action) {
  auto s = ctx.open_accounts(ctx.config);
  if (!s) return Report(ctx, s.error());
  auto account = Find(*s, login);
  if (!account) return Report(ctx, account.error());
  Result<void> ok;
  if (action == "password") ok = s->auth->SetPassword(account->id, ReadPassword(ctx), ctx.config.actor);
  if (action == "disable") ok = s->auth->Disable(account->id, ctx.config.actor);
  if (action == "enable") ok = s->auth->Enable(account->id, ctx.config.actor);
  if (action == "reset-totp") ok = s->auth->ResetTotp(account->id, ctx.config.actor);
  if (!ok) return Fail(ctx, ok.error());
  *ctx.out << (ctx.config.English() ? fmt::format("{}: done.\n", login) : fmt::format("{}: 完了しました。\n", login));
  return kExitOk;
}

}  // namespace

void AddAccountCommand(CLI::App& parent, Context& ctx, Action& run) {
  auto* cmd = parent.add_subcommand("account", "mamori serve にログインするアカウントの管理");
  cmd->require_subcommand(1);
  auto o = std::make_shared<AccountOptions>();
  auto* add = cmd->add_subcommand("add", "ローカルアカウントを追加する（パスワードは標準入力から）");
  add->add_option("login", o->login, "ログイン名")->required();
  add->add_option("--name", o->name, "氏名");
  add->add_option("--role", o->role, "役割: ciso, chief_officer, officer, manager, system_admin, system_staff, staff, auditor");
  add->add_flag("--admin", o->admin, "アカウント管理者にする（二要素認証が必須）");
  add->add_option("--organ", o->organ, "機関コード（情報セキュリティ責任者の範囲）");
  add->add_option("--department", o->department, "所属（情報セキュリティ管理者の範囲）");
  add->add_option("--person", o->person, "職員番号（台帳の人員との対応）");
  add->callback([&ctx, &run, o] { run = [&ctx, o] { return RunAdd(ctx, *o); }; });
  cmd->add_subcommand("list", "アカウントの一覧")->callback([&ctx, &run] { run = [&ctx] { return RunList(ctx); }; });
  for (const auto& [name, help] : std::vector<std::pair<std::string, std::string>>{
           {"password", "パスワードを設定し直す（標準入力から）"},
           {"disable", "アカウントを停止する"},
           {"enable", "停止したアカウントを再開する"},
           {"reset-totp", "認証アプリの登録を取り消す（次回ログイン時に再登録）"}}) {
    auto login = std::make_shared<std::string>();
    auto* sub = cmd->add_subcommand(name, help);
    sub->add_option("login", *login, "ログイン名")->required();
    sub->callback([&ctx, &run, login, action = name] {
      run = [&ctx, login, action] { return RunAction(ctx, *login, action); };
    });
  }
}

}  // namespace mamori::cli
