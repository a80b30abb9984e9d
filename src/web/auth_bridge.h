// From the auth module's sessions and tokens to the web layer's Principal.
#pragma once

#include <string_view>

#include "auth/authenticator.h"
#include "http/request.h"
#include "web/request_state.h"

namespace mamori::web {

Principal ToPrincipal(const store::Account& account, reg::Role role, std::string csrf, bool via_token);

// Reads the session cookie (browsers) or the bearer token (/api/…) into `state`.
void ResolveRequest(auth::Authenticator& auth, const http::Request& req, RequestState& state);

// The CSRF token presented with a state-changing form or htmx request.
bool CheckCsrf(const RequestState& state, std::string_view presented);

// The message of an auth error in the user's language.
std::string AuthMessage(const Error& e, Lang lang);

}  // namespace mamori::web
