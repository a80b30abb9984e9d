// What the middleware learns about a request (kept in http::Request::context).
#pragma once

#include <optional>
#include <string>

#include "auth/authenticator.h"
#include "web/access.h"
#include "web/i18n.h"

namespace mamori::web {

struct RequestState {
  Lang lang = Lang::kJa;
  std::optional<Principal> user;      // fully signed in
  std::string session_token;          // cookie token, also of a pending (password-only) sign-in
  bool pending_second_factor = false;  // password accepted, TOTP missing
  bool api = false;                   // /api/...
  std::optional<auth::SessionInfo> session;  // the browser's session (full or pending)
};

inline constexpr std::string_view kSessionCookie = "mamori_session";
inline constexpr std::string_view kLangCookie = "mamori_lang";
inline constexpr std::string_view kLoginCsrfCookie = "mamori_login_csrf";

}  // namespace mamori::web
