#include "web/auth_bridge.h"

#include "auth/messages.h"

namespace mamori::web {

Principal ToPrincipal(const store::Account& account, reg::Role role, std::string csrf, bool via_token) {
  Principal p;
  p.account_id = account.id;
  p.login = account.login;
  p.display_name = account.display_name;
  p.role = role;
  p.admin = account.admin;
  p.organ = account.organ;
  p.department = account.department;
  p.person_number = account.person_number;
  p.csrf = std::move(csrf);
  p.via_token = via_token;
  return p;
}

void ResolveRequest(auth::Authenticator& auth, const http::Request& req, RequestState& state) {
  if (state.api) {
    const auto header = req.Header("authorization");
    constexpr std::string_view kBearer = "Bearer ";
    if (header.size() > kBearer.size() && header.substr(0, kBearer.size()) == kBearer) {
      if (auto info = auth.ResolveApiToken(header.substr(kBearer.size())))
        state.user = ToPrincipal(info->account, info->role, {}, /*via_token=*/true);
      return;
    }
  }
  auto token = req.Cookie(kSessionCookie);
  if (!token || token->empty()) return;
  auto session = auth.Resolve(*token);
  if (!session) return;
  state.session_token = *token;
  if (session->Full())
    state.user = ToPrincipal(session->account, session->role, session->csrf_token, false);
  else
    state.pending_second_factor = true;
  state.session = std::move(*session);
}

bool CheckCsrf(const RequestState& state, std::string_view presented) {
  return state.session && !presented.empty() && auth::Authenticator::CheckCsrf(*state.session, presented);
}

std::string AuthMessage(const Error& e, Lang lang) {
  if (English(lang)) {
    auto en = auth::EnglishMessage(e);
    if (!en.empty()) return std::string(en);
  }
  return e.message;
}

}  // namespace mamori::web
