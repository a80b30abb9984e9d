// Authenticator: API tokens for scripts ("Authorization: Bearer mamori_…").
#include <spdlog/spdlog.h>

#include "auth/account_fields.h"
#include "auth/authenticator.h"
#include "auth/crypto.h"
#include "auth/messages.h"
#include "common/text.h"
#include "register/schema.h"

namespace mamori::auth {
namespace {

constexpr std::string_view kTokenPrefix = "mamori_";  // recognisable to secret scanners
constexpr std::size_t kMaxNameCharacters = 100;
constexpr std::size_t kMaxTokenBytes = 128;

}  // namespace

Result<IssuedApiToken> Authenticator::IssueApiToken(std::int64_t account_id, std::string_view name,
                                                    std::string_view actor) {
  const Now now = Current();
  const std::string trimmed(text::Trim(name));
  if (trimmed.empty() || text::CodePointCount(trimmed) > kMaxNameCharacters || !text::IsValidUtf8(trimmed))
    return AuthFail(ErrorCode::kValidation, "auth.token.name_required");
  auto account = LoadAccount(account_id);
  if (!account) return Fail(account.error());
  if (account->disabled) return AuthFail(ErrorCode::kConflict, "auth.disabled");
  IssuedApiToken issued;
  issued.token = std::string(kTokenPrefix) + RandomToken(32);
  store::ApiToken t;
  t.account_id = account_id;
  t.name = trimmed;
  t.token_hash = Sha256Hex(issued.token);
  t.created_at = now.iso;
  auto id = accounts_.CreateApiToken(t);
  if (!id) return Fail(Internal(id.error(), "issue API token"));
  issued.id = *id;
  Event(now, account->login, "", "token_issued", fmt::format("「{}」 by {}", trimmed, actor));
  return issued;
}

std::optional<ApiTokenInfo> Authenticator::ResolveApiToken(std::string_view bearer) {
  if (bearer.substr(0, 7) == "Bearer ") bearer.remove_prefix(7);
  bearer = text::Trim(bearer);
  if (bearer.size() > kMaxTokenBytes || bearer.substr(0, kTokenPrefix.size()) != kTokenPrefix) return std::nullopt;
  const Now now = Current();
  auto found = accounts_.FindApiToken(Sha256Hex(bearer));
  if (!found) {
    spdlog::error("auth: resolve API token: {}", found.error().message);
    return std::nullopt;
  }
  if (!*found || (*found)->revoked) return std::nullopt;
  auto account = accounts_.GetAccount((*found)->account_id);
  if (!account || !*account || (*account)->disabled) return std::nullopt;
  // last_used_at at most once a minute (ISO strings of one offset sort as times).
  if ((*found)->last_used_at.empty() || (*found)->last_used_at <= IsoJst(now.at - options_.touch_interval))
    (void)accounts_.TouchApiToken((*found)->id, now.iso);
  ApiTokenInfo info;
  info.account = Redacted(**account);
  auto role = reg::RoleFromKey(info.account.role);
  info.role = role ? *role : reg::Role::kStaff;
  info.token_id = (*found)->id;
  info.token_name = (*found)->name;
  return info;
}

Result<void> Authenticator::RevokeApiToken(std::int64_t token_id, std::string_view actor) {
  const Now now = Current();
  auto token = accounts_.GetApiToken(token_id);
  if (!token) return Fail(Internal(token.error(), "find API token"));
  if (!*token) return AuthFail(ErrorCode::kNotFound, "auth.token.not_found");
  if ((*token)->revoked) return {};
  if (auto ok = accounts_.RevokeApiToken(token_id); !ok) return Fail(Internal(ok.error(), "revoke API token"));
  auto account = accounts_.GetAccount((*token)->account_id);
  Event(now, account && *account ? (*account)->login : std::string(), "", "token_revoked",
        fmt::format("「{}」 by {}", (*token)->name, actor));
  return {};
}

Result<std::vector<store::ApiToken>> Authenticator::ListApiTokens(std::int64_t account_id) {
  auto list = accounts_.ListApiTokens(account_id);
  if (!list) return Fail(Internal(list.error(), "list API tokens"));
  for (auto& t : *list) t.token_hash.clear();
  return list;
}

}  // namespace mamori::auth
