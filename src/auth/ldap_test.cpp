// LDAP sign-in against a real slapd, started here in a temporary directory
// (mdb backend, memberof overlay) and loaded with ldapadd. Skipped with a
// message when slapd is not installed.
#include "auth/ldap.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include <gtest/gtest.h>

#include "auth/authenticator.h"
#include "auth/messages.h"
#include "store/sqlite/sqlite_store.h"

namespace mamori::auth {
namespace {

namespace fs = std::filesystem;

constexpr const char* kSlapd = "/usr/sbin/slapd";
constexpr const char* kLdapAdd = "/usr/bin/ldapadd";
constexpr const char* kSuffix = "dc=example,dc=jp";

int FreePort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

bool Accepting(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  ::close(fd);
  return ok;
}

pid_t Spawn(const std::vector<std::string>& args, const fs::path& log) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    std::FILE* out = std::freopen(log.c_str(), "a", stdout);
    std::FILE* err = std::freopen(log.c_str(), "a", stderr);
    (void)out;
    (void)err;
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  return pid;
}

int RunToEnd(const std::vector<std::string>& args, const fs::path& log) {
  const pid_t pid = Spawn(args, log);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

constexpr const char* kEntries = R"(dn: dc=example,dc=jp
objectClass: dcObject
objectClass: organization
o: example
dc: example

dn: ou=people,dc=example,dc=jp
objectClass: organizationalUnit
ou: people

dn: ou=groups,dc=example,dc=jp
objectClass: organizationalUnit
ou: groups

dn: uid=alice,ou=people,dc=example,dc=jp
objectClass: inetOrgPerson
uid: alice
cn: 山田 花子
sn: 山田
displayName: 山田花子
mail: alice@example.jp
userPassword: alice passphrase 1

dn: uid=bob,ou=people,dc=example,dc=jp
objectClass: inetOrgPerson
uid: bob
cn: 鈴木 一郎
sn: 鈴木
userPassword: bob passphrase 22

dn: uid=carol,ou=people,dc=example,dc=jp
objectClass: inetOrgPerson
uid: carol
cn: Carol
sn: Carol
userPassword: carol passphrase 333

dn: cn=ciso,ou=groups,dc=example,dc=jp
objectClass: groupOfNames
cn: ciso
member: uid=alice,ou=people,dc=example,dc=jp

dn: cn=staff,ou=groups,dc=example,dc=jp
objectClass: groupOfNames
cn: staff
member: uid=alice,ou=people,dc=example,dc=jp
member: uid=bob,ou=people,dc=example,dc=jp

dn: cn=managers,ou=groups,dc=example,dc=jp
objectClass: groupOfNames
cn: managers
member: uid=bob,ou=people,dc=example,dc=jp

dn: cn=mamori-admins,ou=groups,dc=example,dc=jp
objectClass: groupOfNames
cn: mamori-admins
member: uid=bob,ou=people,dc=example,dc=jp
)";

class LdapTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!fs::exists(kSlapd) || !fs::exists(kLdapAdd)) return;
    dir_ = fs::temp_directory_path() / ("mamori-slapd-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "db");
    port_ = FreePort();
    std::ofstream conf(dir_ / "slapd.conf");
    conf << "include /etc/ldap/schema/core.schema\n"
            "include /etc/ldap/schema/cosine.schema\n"
            "include /etc/ldap/schema/inetorgperson.schema\n"
            "modulepath /usr/lib/ldap\n"
            "moduleload back_mdb\n"
            "moduleload memberof\n"
            // Like Active Directory: a name with an empty password is an anonymous bind, and succeeds.
            "allow bind_anon_dn\n"
         << "pidfile " << (dir_ / "slapd.pid").string() << "\n"
         << "argsfile " << (dir_ / "slapd.args").string() << "\n"
         << "database mdb\n"
         << "suffix \"" << kSuffix << "\"\n"
         << "rootdn \"cn=admin," << kSuffix << "\"\n"
         << "rootpw admin-secret\n"
         << "directory " << (dir_ / "db").string() << "\n"
         << "maxsize 10485760\n"
         << "overlay memberof\n"
         << "access to attrs=userPassword by anonymous auth by self write by * none\n"
         << "access to * by users read by * none\n";
    conf.close();
    std::ofstream(dir_ / "entries.ldif") << kEntries;
    pid_ = Spawn({kSlapd, "-h", Uri(), "-f", (dir_ / "slapd.conf").string(), "-d", "0"}, dir_ / "slapd.log");
    for (int i = 0; i < 100 && !Accepting(port_); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (!Accepting(port_)) {
      failure_ = "slapd did not start: " + ReadAll(dir_ / "slapd.log");
      return;
    }
    const int rc = RunToEnd({kLdapAdd, "-x", "-H", Uri(), "-D", std::string("cn=admin,") + kSuffix, "-w", "admin-secret",
                        "-f", (dir_ / "entries.ldif").string()},
                       dir_ / "ldapadd.log");
    if (rc != 0) failure_ = "ldapadd failed: " + ReadAll(dir_ / "ldapadd.log");
  }
  static void TearDownTestSuite() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      int status = 0;
      ::waitpid(pid_, &status, 0);
      pid_ = 0;
    }
    if (!dir_.empty()) fs::remove_all(dir_);
  }
  void SetUp() override {
    if (pid_ <= 0) GTEST_SKIP() << kSlapd << " is not installed (Debian packages slapd and ldap-utils)";
    ASSERT_TRUE(failure_.empty()) << failure_;
  }
  static std::string Uri() { return "ldap://127.0.0.1:" + std::to_string(port_) + "/"; }
  static LdapOptions Options() {
    LdapOptions o;
    o.uri = Uri();
    o.bind_dn_template = std::string("uid={login},ou=people,") + kSuffix;
    o.group_roles = {{"cn=ciso,ou=groups,dc=example,dc=jp", "ciso"},
                     {"CN=Staff, OU=Groups, DC=example, DC=jp", "staff"},  // written as people write DNs
                     {"cn=managers,ou=groups,dc=example,dc=jp", "manager"}};
    o.admin_groups = {"cn=mamori-admins,ou=groups,dc=example,dc=jp"};
    o.timeout = std::chrono::seconds(5);
    return o;
  }

  static inline fs::path dir_;
  static inline int port_ = 0;
  static inline pid_t pid_ = 0;
  static inline std::string failure_;
};

TEST_F(LdapTest, BindsAndReadsAJapaneseNameAndGroups) {
  auto id = LdapAuthenticate(Options(), "alice", "alice passphrase 1");
  ASSERT_TRUE(id) << id.error().ToString();
  EXPECT_EQ(id->dn, "uid=alice,ou=people,dc=example,dc=jp");
  EXPECT_EQ(id->display_name, "山田花子");
  EXPECT_EQ(id->email, "alice@example.jp");
  EXPECT_EQ(id->groups.size(), 2U);
  EXPECT_EQ(id->role, reg::Role::kCiso);  // ciso and staff: the more privileged wins
  EXPECT_FALSE(id->admin);
}

TEST_F(LdapTest, MostPrivilegedGroupWinsAndAdminComesFromItsGroup) {
  auto id = LdapAuthenticate(Options(), "bob", "bob passphrase 22");
  ASSERT_TRUE(id) << id.error().ToString();
  EXPECT_EQ(id->role, reg::Role::kManager);
  EXPECT_TRUE(id->admin);
  EXPECT_EQ(id->display_name, "鈴木 一郎");  // no displayName: cn
}

TEST_F(LdapTest, WrongPasswordIsRefused) {
  auto id = LdapAuthenticate(Options(), "alice", "alice passphrase 2");
  ASSERT_FALSE(id);
  EXPECT_EQ(ErrorKey(id.error()), "auth.bad_credentials");
  EXPECT_EQ(id.error().message, "ログイン名またはパスワードが違います");
  EXPECT_EQ(ErrorKey(LdapAuthenticate(Options(), "nobody", "whatever it is").error()), "auth.bad_credentials");
}

TEST_F(LdapTest, EmptyPasswordIsRefusedThoughTheServerWouldAllowIt) {
  // An empty password is an unauthenticated bind, which this slapd accepts …
  const int rc = RunToEnd({"/usr/bin/ldapwhoami", "-x", "-H", Uri(), "-D", std::string("uid=alice,ou=people,") + kSuffix,
                           "-w", ""},
                          dir_ / "whoami.log");
  EXPECT_EQ(rc, 0) << ReadAll(dir_ / "whoami.log");
  // … and it must never be a sign-in.
  auto id = LdapAuthenticate(Options(), "alice", "");
  ASSERT_FALSE(id);
  EXPECT_EQ(ErrorKey(id.error()), "auth.bad_credentials");
}

TEST_F(LdapTest, NoMappedGroupIsRefusedWithAReason) {
  auto id = LdapAuthenticate(Options(), "carol", "carol passphrase 333");
  ASSERT_FALSE(id);
  EXPECT_EQ(ErrorKey(id.error()), "auth.ldap.no_role");
}

TEST_F(LdapTest, InjectionAttemptsFailCleanly) {
  auto filtered = Options();
  filtered.base_dn = kSuffix;
  filtered.user_filter = "(uid={login})";
  for (const auto& options : {Options(), filtered}) {
    for (std::string_view login : {"*)(uid=*", "*", "alice)(|(uid=*", "alice,ou=people,dc=example,dc=jp", "alice\\2a",
                                   "#alice", "alice\nuid=bob"}) {
      auto id = LdapAuthenticate(options, login, "alice passphrase 1");
      ASSERT_FALSE(id) << login;
      EXPECT_EQ(ErrorKey(id.error()), "auth.bad_credentials") << login << ": " << id.error().ToString();
    }
  }
}

TEST_F(LdapTest, SearchByFilterFindsTheEntry) {
  auto o = Options();
  o.base_dn = kSuffix;
  o.user_filter = "(&(objectClass=inetOrgPerson)(uid={login}))";
  auto id = LdapAuthenticate(o, "alice", "alice passphrase 1");
  ASSERT_TRUE(id) << id.error().ToString();
  EXPECT_EQ(id->display_name, "山田花子");
  EXPECT_EQ(id->role, reg::Role::kCiso);
}

TEST_F(LdapTest, UnreachableServerIsReportedAsSuch) {
  auto o = Options();
  o.uri = "ldap://127.0.0.1:" + std::to_string(FreePort()) + "/";
  o.timeout = std::chrono::seconds(2);
  auto id = LdapAuthenticate(o, "alice", "alice passphrase 1");
  ASSERT_FALSE(id);
  EXPECT_EQ(ErrorKey(id.error()), "auth.ldap.unavailable");
}

TEST_F(LdapTest, OptionsAreChecked) {
  auto o = Options();
  EXPECT_TRUE(ValidateLdapOptions(o));
  o.bind_dn_template = "{login}@city.example.lg.jp";  // a principal name needs a search
  EXPECT_FALSE(ValidateLdapOptions(o));
  o.base_dn = kSuffix;
  o.user_filter = "(uid={login})";
  EXPECT_TRUE(ValidateLdapOptions(o));
  o.group_roles["cn=x"] = "mayor";
  EXPECT_FALSE(ValidateLdapOptions(o));
}

TEST_F(LdapTest, FirstSignInCreatesTheAccountWithItsRole) {
  const fs::path db = dir_ / "mamori.db";
  auto reg_store = store::OpenSqlite(db);
  ASSERT_TRUE(reg_store) << reg_store.error().ToString();
  auto accounts = store::OpenSqliteAccounts(db);
  ASSERT_TRUE(accounts) << accounts.error().ToString();
  AuthOptions options;
  options.ldap = Options();
  options.password_cost = PasswordCost::Interactive();
  Authenticator auth(**accounts, **reg_store, options);

  auto wrong = auth.SignIn("alice", "nope nope nope", "192.0.2.1");
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().message, "ログイン名またはパスワードが違います");
  auto step = auth.SignIn("alice", "alice passphrase 1", "192.0.2.1");
  ASSERT_TRUE(step) << step.error().ToString();
  EXPECT_EQ(step->stage, SignInStage::kNeedsEnrolment);  // CISO
  auto account = *(*accounts)->FindAccount("alice");
  ASSERT_TRUE(account);
  EXPECT_EQ(account->source, "ldap");
  EXPECT_EQ(account->role, "ciso");
  EXPECT_EQ(account->display_name, "山田花子");
  auto staff = auth.SignIn("bob", "bob passphrase 22", "192.0.2.1");
  ASSERT_TRUE(staff);
  EXPECT_EQ(staff->stage, SignInStage::kNeedsEnrolment);  // admin
  fs::remove(db);
}

}  // namespace
}  // namespace mamori::auth
