#include "auth/account_fields.h"

#include <nlohmann/json.hpp>

#include "common/text.h"

namespace mamori::auth {

std::string AccountJson(const store::Account& a) {
  nlohmann::ordered_json j;
  j["login"] = a.login;
  j["display_name"] = a.display_name;
  if (!a.person_number.empty()) j["person_number"] = a.person_number;
  j["role"] = a.role;
  j["admin"] = a.admin;
  if (!a.organ.empty()) j["organ"] = a.organ;
  if (!a.department.empty()) j["department"] = a.department;
  j["source"] = a.source;
  j["totp_enrolled"] = a.totp_enrolled;
  j["disabled"] = a.disabled;
  return j.dump();
}

store::Account Redacted(store::Account account) {
  account.password_hash.clear();
  account.totp_secret.clear();
  return account;
}

std::string NormalizeLogin(std::string_view login) {
  if (!text::IsValidUtf8(login)) return std::string(login);
  return text::Nfkc(text::Trim(login));
}

bool IsValidNewLogin(std::string_view login) {
  if (login.empty() || login.size() > 64) return false;
  for (char c : login) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
                    c == '_' || c == '-' || c == '@';
    if (!ok) return false;
  }
  return true;
}

}  // namespace mamori::auth
