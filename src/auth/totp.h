// Time-based one-time passwords (RFC 6238: HMAC-SHA1, 6 digits, 30-second
// steps) through liboath, the otpauth:// URI that authenticator apps read,
// and that URI drawn as an SVG QR code (libqrencode).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/error.h"

namespace mamori::auth {

inline constexpr unsigned kTotpDigits = 6;
inline constexpr unsigned kTotpPeriod = 30;  // seconds per step
inline constexpr unsigned kTotpWindow = 1;   // steps accepted either side of now

// 20 random bytes (libsodium), base32 without padding (32 characters).
std::string NewTotpSecret();

// otpauth://totp/ISSUER:LOGIN?secret=…&issuer=…&digits=6&period=30, issuer and
// login percent-encoded as UTF-8 ("直方市 mamori" → %E7%9B%B4…%20mamori).
std::string TotpUri(std::string_view issuer, std::string_view login, std::string_view secret_base32);

// The time step of `unix_time` (floor(unix_time / 30)).
std::int64_t TotpStep(std::int64_t unix_time);

// The code for `unix_time` (what an authenticator app would show).
Result<std::string> TotpCode(std::string_view secret_base32, std::int64_t unix_time);

// The step whose code `code` is, searched within ±1 step of `unix_time`.
// Fails with auth.totp.bad_code when no step matches (or the code is not six
// digits), and with auth.totp.replayed when the matching step is not later
// than `last_step` (each code is accepted once). Codes are compared in
// constant time.
Result<std::int64_t> CheckTotpCode(std::string_view secret_base32, std::string_view code, std::int64_t unix_time,
                                   std::int64_t last_step);

// `text` as a QR code in SVG (error correction M, 4-module quiet zone, one
// <path> of dark modules, scalable through viewBox). Empty when the text is too
// long for a QR code (over ~2,300 bytes).
std::string QrSvg(std::string_view text);

}  // namespace mamori::auth
