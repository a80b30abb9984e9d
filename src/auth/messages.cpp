#include "auth/messages.h"

#include <array>

namespace mamori::auth {
namespace {

struct Entry {
  std::string_view key;
  std::string_view ja;
  std::string_view en;
};

constexpr std::array kCatalogue{
    // Sign-in.
    Entry{"auth.bad_credentials", "ログイン名またはパスワードが違います", "The login or password is incorrect"},
    Entry{"auth.locked", "試行回数が多すぎます。{minutes}分後に再度お試しください",
          "Too many attempts. Try again in {minutes} minutes"},
    Entry{"auth.disabled", "このアカウントは使用停止されています。管理者にお問い合わせください",
          "This account is disabled. Please contact an administrator"},
    Entry{"auth.signed_in", "サインインしました", "Signed in"},
    Entry{"auth.totp_required", "認証アプリに表示されている6桁のコードを入力してください",
          "Enter the 6-digit code shown in your authenticator app"},
    Entry{"auth.enrolment_required", "この役割では二要素認証が必須です。認証アプリを登録してください",
          "Two-factor authentication is required for this role. Please register an authenticator app"},
    Entry{"auth.signed_out", "サインアウトしました", "Signed out"},
    // Sessions.
    Entry{"auth.session.invalid", "セッションが無効です。もう一度サインインしてください",
          "The session is no longer valid. Please sign in again"},
    // TOTP.
    Entry{"auth.totp.bad_code", "コードが違うか、有効期限が切れています", "The code is wrong or has expired"},
    Entry{"auth.totp.replayed", "このコードは既に使われています。次のコードが表示されるまでお待ちください",
          "This code has already been used. Wait for the next code"},
    Entry{"auth.totp.not_enrolled", "二要素認証が登録されていません", "Two-factor authentication is not registered"},
    Entry{"auth.totp.already_enrolled", "二要素認証は登録済みです。登録し直すには管理者に再設定を依頼してください",
          "Two-factor authentication is already registered. Ask an administrator to reset it to register again"},
    Entry{"auth.totp.no_enrolment", "登録手続きが始まっていません。最初からやり直してください",
          "No registration is in progress. Please start again"},
    Entry{"auth.totp.already_passed", "このセッションは既に二要素認証を済ませています",
          "This session has already passed two-factor authentication"},
    // Passwords.
    Entry{"auth.password.too_short", "パスワードは{min}文字以上にしてください", "The password must have at least {min} characters"},
    Entry{"auth.password.too_long", "パスワードが長すぎます（{max}バイトまで）", "The password is too long (at most {max} bytes)"},
    Entry{"auth.password.same_as_login", "ログイン名と同じパスワードは使えません", "The password must not be the login"},
    Entry{"auth.password.wrong_current", "現在のパスワードが違います", "The current password is incorrect"},
    Entry{"auth.password.not_local", "ディレクトリ（LDAP）のアカウントのパスワードは mamori では変更できません",
          "The password of a directory (LDAP) account cannot be changed in mamori"},
    // Directory.
    Entry{"auth.ldap.unavailable", "ディレクトリサーバーに接続できません。しばらくしてから再度お試しください",
          "The directory server cannot be reached. Please try again later"},
    Entry{"auth.ldap.no_role", "ディレクトリのグループに mamori の役割が割り当てられていません。管理者にお問い合わせください",
          "None of your directory groups is mapped to a mamori role. Please contact an administrator"},
    Entry{"auth.ldap.no_entry", "ディレクトリで利用者の項目が見つかりません", "Your entry was not found in the directory"},
    // Accounts.
    Entry{"auth.account.exists", "ログイン名「{login}」は既に使われています", "The login \"{login}\" is already taken"},
    Entry{"auth.account.not_found", "アカウントが見つかりません", "The account was not found"},
    Entry{"auth.account.invalid_login",
          "ログイン名は英数字と . _ - @ の1〜64文字にしてください", "A login must be 1 to 64 letters, digits or . _ - @"},
    Entry{"auth.account.invalid_role", "役割「{role}」はありません", "There is no role \"{role}\""},
    Entry{"auth.account.display_name_required", "表示名を入力してください", "Enter a display name"},
    // API tokens.
    Entry{"auth.token.name_required", "トークンの名前を入力してください", "Enter a name for the token"},
    Entry{"auth.token.not_found", "API トークンが見つかりません", "The API token was not found"},
    // Anything the database or the system refused.
    Entry{"auth.internal", "認証処理でエラーが発生しました。管理者にお問い合わせください",
          "An error occurred during authentication. Please contact an administrator"},
};

}  // namespace

std::string_view MessageTemplate(std::string_view key, bool english) {
  for (const auto& e : kCatalogue)
    if (e.key == key) return english ? e.en : e.ja;
  return key;
}

bool HasMessage(std::string_view key) {
  for (const auto& e : kCatalogue)
    if (e.key == key) return true;
  return false;
}

// details[0] holds the key, details[1] the English sentence.
Error MakeError(ErrorCode code, std::string_view key, std::string japanese, std::string english) {
  Error e(code, std::move(japanese));
  e.details.emplace_back(code, std::string(key));
  e.details.emplace_back(code, std::move(english));
  return e;
}

std::string_view ErrorKey(const Error& error) {
  if (error.details.size() != 2 || error.details[0].message.rfind("auth.", 0) != 0) return {};
  return error.details[0].message;
}

std::string_view EnglishMessage(const Error& error) {
  if (ErrorKey(error).empty()) return error.message;
  return error.details[1].message;
}

}  // namespace mamori::auth
