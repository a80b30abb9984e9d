// Sign-in against a directory (OpenLDAP or Active Directory) with libldap:
// a simple bind as the user, then the user's entry and groups, mapped to a
// mamori role.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "register/model.h"

namespace mamori::auth {

struct LdapOptions {
  std::string uri;  // ldap://dc1.city.example.lg.jp/ or ldaps://…
  // The bind name, {login} replaced by the login (escaped):
  //   "uid={login},ou=people,dc=example,dc=jp" (a DN), or
  //   "{login}@city.example.lg.jp" (Active Directory's user principal name).
  std::string bind_dn_template;
  // Where the user's entry is searched with user_filter ({login} escaped), e.g.
  // "(sAMAccountName={login})". Both empty: the entry is read at the bound DN,
  // which needs a DN template.
  std::string base_dn;
  std::string user_filter;
  std::string group_attribute = "memberOf";  // group DNs on the user's entry
  std::map<std::string, std::string> group_roles;  // group DN → reg::Role key
  std::vector<std::string> admin_groups;           // membership of any makes an admin
  bool start_tls = false;
  std::string ca_file;  // PEM bundle for ldaps:// or StartTLS; empty: the system's
  std::chrono::seconds timeout{10};
};

struct LdapIdentity {
  std::string dn;
  std::string display_name;  // displayName, else cn, else the login
  std::string email;
  std::vector<std::string> groups;
  reg::Role role = reg::Role::kStaff;  // the most privileged mapped group
  bool admin = false;
};

// Problems in the options themselves (a missing {login}, an unknown role key …).
Result<void> ValidateLdapOptions(const LdapOptions& options);

// Binds as `login` with `password` and reads the user's groups. Failures carry
// auth/messages.h keys: auth.bad_credentials (also for an empty password —
// an anonymous bind never counts — and for logins that could not be a name),
// auth.ldap.unavailable, auth.ldap.no_entry, auth.ldap.no_role.
Result<LdapIdentity> LdapAuthenticate(const LdapOptions& options, std::string_view login, std::string_view password);

// Escaping of a value for a DN (RFC 4514) and for a search filter (RFC 4515).
std::string EscapeDnValue(std::string_view value);
std::string EscapeFilterValue(std::string_view value);

}  // namespace mamori::auth
