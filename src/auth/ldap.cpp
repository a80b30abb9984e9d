#include "auth/ldap.h"

#include <sys/time.h>

#include <memory>

#include <fmt/format.h>
#include <ldap.h>
#include <spdlog/spdlog.h>

#include "auth/messages.h"
#include "auth/roles.h"
#include "register/schema.h"

namespace mamori::auth {
namespace {

constexpr std::size_t kMaxLoginBytes = 256;

struct LdapCloser {
  void operator()(LDAP* ld) const { ldap_unbind_ext_s(ld, nullptr, nullptr); }
};
struct MessageFree {
  void operator()(LDAPMessage* m) const { ldap_msgfree(m); }
};
struct ValuesFree {
  void operator()(berval** v) const { ldap_value_free_len(v); }
};
struct MemFree {
  void operator()(char* p) const { ldap_memfree(p); }
};

std::string Replace(std::string_view pattern, std::string_view value) {
  std::string out;
  std::size_t from = 0;
  for (std::size_t at; (at = pattern.find("{login}", from)) != std::string_view::npos; from = at + 7) {
    out.append(pattern.substr(from, at - from));
    out.append(value);
  }
  out.append(pattern.substr(from));
  return out;
}

bool IsDnTemplate(std::string_view t) { return t.find('=') != std::string_view::npos; }

// Lower-case ASCII, no spaces around separators: enough to compare the DNs of
// one directory ("CN=CISO, OU=Groups,DC=…" equals "cn=ciso,ou=groups,dc=…").
std::string NormalizeDn(std::string_view dn) {
  std::string out;
  for (std::size_t i = 0; i < dn.size(); ++i) {
    char c = dn[i];
    if (c == ' ') {
      const char prev = out.empty() ? ',' : out.back();
      std::size_t next = i;
      while (next < dn.size() && dn[next] == ' ') ++next;
      const char after = next < dn.size() ? dn[next] : ',';
      if (prev == ',' || prev == '=' || after == ',' || after == '=') continue;
    }
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    out.push_back(c);
  }
  return out;
}

Error Unavailable(int rc, std::string_view what) {
  spdlog::warn("LDAP: {} failed: {} ({})", what, ldap_err2string(rc), rc);
  return AuthError(ErrorCode::kIo, "auth.ldap.unavailable");
}

bool IsCredentialProblem(int rc) {
  return rc == LDAP_INVALID_CREDENTIALS || rc == LDAP_INVALID_DN_SYNTAX || rc == LDAP_NO_SUCH_OBJECT ||
         rc == LDAP_UNWILLING_TO_PERFORM || rc == LDAP_INAPPROPRIATE_AUTH;
}

std::vector<std::string> Values(LDAP* ld, LDAPMessage* entry, const std::string& attribute) {
  std::vector<std::string> out;
  std::unique_ptr<berval*, ValuesFree> values(ldap_get_values_len(ld, entry, attribute.c_str()));
  if (!values) return out;
  for (berval** v = values.get(); *v != nullptr; ++v) out.emplace_back((*v)->bv_val, (*v)->bv_len);
  return out;
}

std::string First(LDAP* ld, LDAPMessage* entry, const char* attribute) {
  auto values = Values(ld, entry, attribute);
  return values.empty() ? std::string() : values.front();
}

Result<std::unique_ptr<LDAP, LdapCloser>> Connect(const LdapOptions& o) {
  LDAP* raw = nullptr;
  int rc = ldap_initialize(&raw, o.uri.c_str());
  std::unique_ptr<LDAP, LdapCloser> ld(raw);
  if (rc != LDAP_SUCCESS || !ld) return Fail(Unavailable(rc, "initialize"));
  const int version = LDAP_VERSION3;
  ldap_set_option(ld.get(), LDAP_OPT_PROTOCOL_VERSION, &version);
  ldap_set_option(ld.get(), LDAP_OPT_REFERRALS, nullptr);  // LDAP_OPT_OFF: never follow a referral with a password
  timeval tv{static_cast<time_t>(o.timeout.count()), 0};
  ldap_set_option(ld.get(), LDAP_OPT_NETWORK_TIMEOUT, &tv);
  ldap_set_option(ld.get(), LDAP_OPT_TIMEOUT, &tv);
  const int demand = LDAP_OPT_X_TLS_DEMAND;
  ldap_set_option(ld.get(), LDAP_OPT_X_TLS_REQUIRE_CERT, &demand);
  if (!o.ca_file.empty()) ldap_set_option(ld.get(), LDAP_OPT_X_TLS_CACERTFILE, o.ca_file.c_str());
  const int server_context = 0;
  ldap_set_option(ld.get(), LDAP_OPT_X_TLS_NEWCTX, &server_context);
  if (o.start_tls) {
    rc = ldap_start_tls_s(ld.get(), nullptr, nullptr);
    if (rc != LDAP_SUCCESS) return Fail(Unavailable(rc, "StartTLS"));
  }
  return ld;
}

}  // namespace

std::string EscapeDnValue(std::string_view value) {
  std::string out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto c = static_cast<unsigned char>(value[i]);
    const bool special = c < 0x20 || c == 0x7f || c == ',' || c == '+' || c == '"' || c == '\\' || c == '<' ||
                         c == '>' || c == ';' || c == '=' || c == '*' || c == '(' || c == ')' ||
                         (i == 0 && (c == '#' || c == ' ')) || (i + 1 == value.size() && c == ' ');
    if (special)
      out += fmt::format("\\{:02x}", c);
    else
      out.push_back(static_cast<char>(c));
  }
  return out;
}

std::string EscapeFilterValue(std::string_view value) {
  std::string out;
  for (unsigned char c : value) {
    if (c == '*' || c == '(' || c == ')' || c == '\\' || c == 0)
      out += fmt::format("\\{:02x}", c);
    else
      out.push_back(static_cast<char>(c));
  }
  return out;
}

Result<void> ValidateLdapOptions(const LdapOptions& o) {
  auto bad = [](std::string message) { return Fail(ErrorCode::kInvalidArgument, "LDAP の設定: " + message); };
  if (o.uri.empty()) return bad("uri がありません");
  if (o.bind_dn_template.find("{login}") == std::string::npos) return bad("bind_dn_template に {login} がありません");
  if (o.user_filter.empty() != o.base_dn.empty()) return bad("base_dn と user_filter は両方指定してください");
  if (o.user_filter.empty() && !IsDnTemplate(o.bind_dn_template))
    return bad("bind_dn_template が DN でないときは base_dn と user_filter が必要です");
  if (o.group_roles.empty()) return bad("group_roles がありません");
  for (const auto& [group, role] : o.group_roles) {
    if (!reg::RoleFromKey(role)) return bad(fmt::format("グループ「{}」の役割「{}」はありません", group, role));
  }
  if (o.group_attribute.empty()) return bad("group_attribute がありません");
  return {};
}

Result<LdapIdentity> LdapAuthenticate(const LdapOptions& o, std::string_view login, std::string_view password) {
  if (auto ok = ValidateLdapOptions(o); !ok) return Fail(ok.error());
  // An empty password is an unauthenticated bind, which a server accepts: it must never count.
  if (password.empty() || login.empty() || login.size() > kMaxLoginBytes)
    return AuthFail(ErrorCode::kValidation, "auth.bad_credentials");
  for (unsigned char c : login)
    if (c < 0x20 || c == 0x7f) return AuthFail(ErrorCode::kValidation, "auth.bad_credentials");
  const bool dn_template = IsDnTemplate(o.bind_dn_template);
  if (!dn_template && login.find('@') != std::string_view::npos)
    return AuthFail(ErrorCode::kValidation, "auth.bad_credentials");

  auto ld = Connect(o);
  if (!ld) return Fail(ld.error());
  const std::string bind_name = Replace(o.bind_dn_template, dn_template ? EscapeDnValue(login) : std::string(login));
  std::string secret(password);
  berval credentials{static_cast<ber_len_t>(secret.size()), secret.data()};
  int rc = ldap_sasl_bind_s(ld->get(), bind_name.c_str(), nullptr /* LDAP_SASL_SIMPLE */, &credentials, nullptr,
                            nullptr, nullptr);
  std::fill(secret.begin(), secret.end(), '\0');
  if (IsCredentialProblem(rc)) return AuthFail(ErrorCode::kValidation, "auth.bad_credentials");
  if (rc != LDAP_SUCCESS) return Fail(Unavailable(rc, "bind"));

  // The user's entry, read with the user's own rights.
  const bool by_filter = !o.user_filter.empty();
  const std::string base = by_filter ? o.base_dn : bind_name;
  const std::string filter = by_filter ? Replace(o.user_filter, EscapeFilterValue(login)) : "(objectClass=*)";
  std::string attrs_store[] = {"displayName", "cn", "mail", o.group_attribute};
  char* attrs[] = {attrs_store[0].data(), attrs_store[1].data(), attrs_store[2].data(), attrs_store[3].data(), nullptr};
  timeval tv{static_cast<time_t>(o.timeout.count()), 0};
  LDAPMessage* raw = nullptr;
  rc = ldap_search_ext_s(ld->get(), base.c_str(), by_filter ? LDAP_SCOPE_SUBTREE : LDAP_SCOPE_BASE, filter.c_str(),
                         attrs, 0, nullptr, nullptr, &tv, 2, &raw);
  std::unique_ptr<LDAPMessage, MessageFree> result(raw);
  if (rc == LDAP_NO_SUCH_OBJECT || rc == LDAP_SIZELIMIT_EXCEEDED)
    return AuthFail(ErrorCode::kNotFound, "auth.ldap.no_entry");
  if (rc != LDAP_SUCCESS) return Fail(Unavailable(rc, "search"));
  if (ldap_count_entries(ld->get(), result.get()) != 1) return AuthFail(ErrorCode::kNotFound, "auth.ldap.no_entry");
  LDAPMessage* entry = ldap_first_entry(ld->get(), result.get());

  LdapIdentity id;
  std::unique_ptr<char, MemFree> dn(ldap_get_dn(ld->get(), entry));
  id.dn = dn ? dn.get() : bind_name;
  id.display_name = First(ld->get(), entry, "displayName");
  if (id.display_name.empty()) id.display_name = First(ld->get(), entry, "cn");
  if (id.display_name.empty()) id.display_name = std::string(login);
  id.email = First(ld->get(), entry, "mail");
  id.groups = Values(ld->get(), entry, o.group_attribute);

  std::map<std::string, reg::Role> roles;
  for (const auto& [group, key] : o.group_roles) roles.emplace(NormalizeDn(group), *reg::RoleFromKey(key));
  int best = 0;
  for (const auto& group : id.groups) {
    const std::string normalized = NormalizeDn(group);
    if (auto it = roles.find(normalized); it != roles.end() && RolePrivilege(it->second) > best) {
      best = RolePrivilege(it->second);
      id.role = it->second;
    }
    for (const auto& admin : o.admin_groups)
      if (NormalizeDn(admin) == normalized) id.admin = true;
  }
  if (best == 0) return AuthFail(ErrorCode::kValidation, "auth.ldap.no_role");
  return id;
}

}  // namespace mamori::auth
