#include "auth/password.h"

#include <algorithm>

#include <sodium.h>

#include "auth/crypto.h"
#include "auth/messages.h"
#include "common/text.h"

namespace mamori::auth {
namespace {

PasswordCost AtLeastInteractive(PasswordCost cost) {
  const auto floor = PasswordCost::Interactive();
  cost.passes = std::max(cost.passes, floor.passes);
  cost.memory_bytes = std::max(cost.memory_bytes, floor.memory_bytes);
  return cost;
}

// crypto_pwhash_str_* want a NUL-terminated hash.
bool LooksLikeHash(std::string_view hash) {
  return !hash.empty() && hash.size() < crypto_pwhash_STRBYTES && hash.find('\0') == std::string_view::npos;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace

PasswordCost PasswordCost::Interactive() {
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}
PasswordCost PasswordCost::Moderate() { return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE}; }

Result<std::string> HashPassword(std::string_view password, const PasswordCost& requested) {
  EnsureSodium();
  const auto cost = AtLeastInteractive(requested);
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), cost.passes, cost.memory_bytes) != 0)
    return AuthFail(ErrorCode::kInternal, "auth.internal");  // out of memory
  return std::string(out);
}

bool VerifyPassword(std::string_view hash, std::string_view password) {
  EnsureSodium();
  if (!LooksLikeHash(hash)) return false;
  const std::string terminated(hash);
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

bool NeedsRehash(std::string_view hash, const PasswordCost& requested) {
  EnsureSodium();
  if (!LooksLikeHash(hash)) return true;
  const auto cost = AtLeastInteractive(requested);
  const std::string terminated(hash);
  return crypto_pwhash_str_needs_rehash(terminated.c_str(), cost.passes, cost.memory_bytes) != 0;
}

Result<void> CheckPasswordPolicy(std::string_view password, std::string_view login, const PasswordPolicy& policy) {
  if (password.size() > policy.max_bytes)
    return AuthFail(ErrorCode::kValidation, "auth.password.too_long", fmt::arg("max", policy.max_bytes));
  if (text::CodePointCount(password) < policy.min_characters)
    return AuthFail(ErrorCode::kValidation, "auth.password.too_short", fmt::arg("min", policy.min_characters));
  if (!login.empty() && AsciiLower(text::Nfkc(password)) == AsciiLower(text::Nfkc(login)))
    return AuthFail(ErrorCode::kValidation, "auth.password.same_as_login");
  return {};
}

}  // namespace mamori::auth
