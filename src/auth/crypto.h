// The few primitives sign-in needs, all from libsodium: random tokens,
// SHA-256 of a token for storage, and a constant-time comparison.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace mamori::auth {

// Initialises libsodium once (thread-safe); aborts start-up if it cannot.
void EnsureSodium();

// `bytes` random bytes, base64url without padding (32 bytes → 43 characters).
std::string RandomToken(std::size_t bytes = 32);

// Lower-case hex SHA-256 of `text` (64 characters): what is stored for a token.
std::string Sha256Hex(std::string_view text);

// Equal length and equal bytes, in time that depends only on the length.
bool ConstantTimeEqual(std::string_view a, std::string_view b);

}  // namespace mamori::auth
