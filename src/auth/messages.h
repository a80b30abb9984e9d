// The message catalogue of sign-in and accounts: every sentence a user sees,
// in Japanese and English, looked up by key ("auth.bad_credentials" …).
//
// A failure is an Error whose message is the Japanese sentence; its key and
// English sentence travel with it (ErrorKey, EnglishMessage), so the web layer
// can choose the language without parsing text. src/common stays untouched.
#pragma once

#include <string>
#include <string_view>

#include <fmt/format.h>

#include "common/error.h"

namespace mamori::auth {

// The template for `key`; the key itself when it is not in the catalogue
// (a test asserts that every key used is there).
std::string_view MessageTemplate(std::string_view key, bool english);
bool HasMessage(std::string_view key);

template <typename... Args>
std::string Message(std::string_view key, bool english, Args&&... args) {
  return fmt::format(fmt::runtime(MessageTemplate(key, english)), std::forward<Args>(args)...);
}

// An Error carrying `key`: message in Japanese, key and English kept beside it.
Error MakeError(ErrorCode code, std::string_view key, std::string japanese, std::string english);

template <typename... Args>
Error AuthError(ErrorCode code, std::string_view key, Args&&... args) {
  return MakeError(code, key, Message(key, false, args...), Message(key, true, args...));
}

template <typename... Args>
tl::unexpected<Error> AuthFail(ErrorCode code, std::string_view key, Args&&... args) {
  return tl::unexpected<Error>(AuthError(code, key, std::forward<Args>(args)...));
}

// The key of an Error made by AuthError; "" for any other Error.
std::string_view ErrorKey(const Error& error);
// The English sentence of an Error made by AuthError; its message otherwise.
std::string_view EnglishMessage(const Error& error);

}  // namespace mamori::auth
