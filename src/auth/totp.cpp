#include "auth/totp.h"

#include <cstdlib>
#include <memory>
#include <mutex>

#include <fmt/format.h>
#include <liboath/oath.h>
#include <sodium.h>

#include "auth/crypto.h"
#include "auth/messages.h"

namespace mamori::auth {
namespace {

void EnsureOath() {
  static std::once_flag once;  // liboath's own one-time set-up (no state of ours)
  std::call_once(once, [] {
    if (oath_init() != OATH_OK) std::abort();
  });
}

struct FreeDeleter {
  void operator()(char* p) const { std::free(p); }
};
using OathBuffer = std::unique_ptr<char, FreeDeleter>;

// The raw secret; lower case and spaces are accepted as apps print them.
Result<std::string> DecodeSecret(std::string_view base32) {
  std::string clean;
  for (char c : base32) {
    if (c == ' ' || c == '-') continue;
    clean.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  }
  char* out = nullptr;
  std::size_t length = 0;
  if (clean.empty() || oath_base32_decode(clean.data(), clean.size(), &out, &length) != OATH_OK)
    return Fail(ErrorCode::kInternal, "TOTP の秘密鍵が base32 ではありません");
  OathBuffer owned(out);
  std::string raw(out, length);
  sodium_memzero(out, length);
  return raw;
}

bool IsAsciiDigits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

std::string PercentEncode(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                            c == '.' || c == '_' || c == '~';
    if (unreserved)
      out.push_back(static_cast<char>(c));
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

// liboath asks us to compare each candidate; we compare in constant time.
int CompareCode(void* handle, const char* candidate) {
  const auto* presented = static_cast<const std::string_view*>(handle);
  return ConstantTimeEqual(*presented, std::string_view(candidate)) ? 0 : 1;
}

}  // namespace

std::string NewTotpSecret() {
  EnsureSodium();
  EnsureOath();
  unsigned char raw[20];
  randombytes_buf(raw, sizeof raw);
  char* out = nullptr;
  std::size_t length = 0;
  const int rc = oath_base32_encode(reinterpret_cast<const char*>(raw), sizeof raw, &out, &length);
  sodium_memzero(raw, sizeof raw);
  if (rc != OATH_OK) std::abort();  // only fails when out of memory
  OathBuffer owned(out);
  std::string secret(out, length);
  while (!secret.empty() && secret.back() == '=') secret.pop_back();
  return secret;
}

std::string TotpUri(std::string_view issuer, std::string_view login, std::string_view secret_base32) {
  return fmt::format("otpauth://totp/{}:{}?secret={}&issuer={}&digits={}&period={}", PercentEncode(issuer),
                     PercentEncode(login), secret_base32, PercentEncode(issuer), kTotpDigits, kTotpPeriod);
}

std::int64_t TotpStep(std::int64_t unix_time) { return unix_time / kTotpPeriod; }

Result<std::string> TotpCode(std::string_view secret_base32, std::int64_t unix_time) {
  EnsureOath();
  auto secret = DecodeSecret(secret_base32);
  if (!secret) return Fail(secret.error());
  char code[kTotpDigits + 1] = {};
  const int rc = oath_totp_generate(secret->data(), secret->size(), static_cast<time_t>(unix_time), kTotpPeriod,
                                    OATH_TOTP_DEFAULT_START_TIME, kTotpDigits, code);
  sodium_memzero(secret->data(), secret->size());
  if (rc != OATH_OK) return Fail(ErrorCode::kInternal, fmt::format("TOTP を計算できません: {}", oath_strerror(rc)));
  return std::string(code, kTotpDigits);
}

Result<std::int64_t> CheckTotpCode(std::string_view secret_base32, std::string_view code, std::int64_t unix_time,
                                   std::int64_t last_step) {
  EnsureOath();
  if (code.size() != kTotpDigits || !IsAsciiDigits(code)) return AuthFail(ErrorCode::kValidation, "auth.totp.bad_code");
  auto secret = DecodeSecret(secret_base32);
  if (!secret) return Fail(secret.error());
  int position = 0;
  std::uint64_t counter = 0;
  const int rc = oath_totp_validate3_callback(secret->data(), secret->size(), static_cast<time_t>(unix_time),
                                              kTotpPeriod, OATH_TOTP_DEFAULT_START_TIME, kTotpDigits, kTotpWindow,
                                              &position, &counter, CompareCode, &code);
  sodium_memzero(secret->data(), secret->size());
  if (rc < 0) return AuthFail(ErrorCode::kValidation, "auth.totp.bad_code");
  const auto step = static_cast<std::int64_t>(counter);
  if (step <= last_step) return AuthFail(ErrorCode::kConflict, "auth.totp.replayed");
  return step;
}

}  // namespace mamori::auth
