// Passwords: Argon2id through libsodium's crypto_pwhash_str, and the policy
// a new password must meet (with Japanese messages).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "common/error.h"

namespace mamori::auth {

// Argon2id cost. The default sits between libsodium's INTERACTIVE (2 passes,
// 64 MiB) and MODERATE (3 passes, 256 MiB); a cheaper cost may be chosen for
// tests and the demo, but never below INTERACTIVE (lower values are raised).
struct PasswordCost {
  unsigned long long passes = 3;
  std::size_t memory_bytes = 128U << 20U;

  static PasswordCost Interactive();  // the floor: quick enough for tests
  static PasswordCost Moderate();
};

// "$argon2id$v=19$m=…,t=…,p=1$salt$hash".
Result<std::string> HashPassword(std::string_view password, const PasswordCost& cost = {});
// False for a wrong password and for a hash that is not an Argon2 string.
bool VerifyPassword(std::string_view hash, std::string_view password);
// True when `hash` was made with other parameters than `cost` (re-hash on the next sign-in).
bool NeedsRehash(std::string_view hash, const PasswordCost& cost = {});

struct PasswordPolicy {
  std::size_t min_characters = 12;  // code points, so 12 kana count as 12
  std::size_t max_bytes = 1024;
};

// Ok, or kValidation with auth.password.too_short / too_long / same_as_login.
Result<void> CheckPasswordPolicy(std::string_view password, std::string_view login, const PasswordPolicy& policy = {});

}  // namespace mamori::auth
