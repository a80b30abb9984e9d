// Helpers on accounts shared by the Authenticator's files: what may be shown
// or recorded of an account (never its password hash or TOTP secret), and
// how logins are normalised.
#pragma once

#include <string>
#include <string_view>

#include "store/accounts.h"

namespace mamori::auth {

// The account as a change-history JSON object: every field but the secrets.
std::string AccountJson(const store::Account& account);

// The account with password_hash and totp_secret cleared.
store::Account Redacted(store::Account account);

// Trimmed and NFKC-folded ("ｙａｍａｄａ " → "yamada"); case is kept (the store compares without it).
std::string NormalizeLogin(std::string_view login);

// 1–64 of A–Z a–z 0–9 . _ - @ (after NormalizeLogin).
bool IsValidNewLogin(std::string_view login);

}  // namespace mamori::auth
