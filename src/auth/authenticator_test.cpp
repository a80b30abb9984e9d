#include "auth/authenticator.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "auth/crypto.h"
#include "auth/messages.h"
#include "auth/totp.h"
#include "store/sqlite/sqlite_store.h"

namespace mamori::auth {
namespace {

namespace fs = std::filesystem;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr std::string_view kPassword = "correct horse battery";
constexpr std::string_view kAddress = "192.0.2.10";

class AuthenticatorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / fs::path("mamori-auth-" + std::to_string(::getpid()) + "-" +
                                                ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto s = store::OpenSqlite(dir_ / "t.db");
    ASSERT_TRUE(s) << s.error().ToString();
    register_ = std::move(*s);
    auto a = store::OpenSqliteAccounts(dir_ / "t.db");
    ASSERT_TRUE(a) << a.error().ToString();
    accounts_ = std::move(*a);
    Reopen({});
  }
  void TearDown() override {
    auth_.reset();
    accounts_.reset();
    register_.reset();
    fs::remove_all(dir_);
  }
  void Reopen(AuthOptions options, PasswordCost cost = PasswordCost::Interactive()) {
    options.password_cost = cost;
    options.issuer = "直方市 mamori";
    options.clock = [this] { return now_; };
    auth_ = std::make_unique<Authenticator>(*accounts_, *register_, std::move(options));
  }
  store::Account Create(std::string login, reg::Role role, bool admin = false) {
    NewAccount n;
    n.login = std::move(login);
    n.display_name = "山田 花子";
    n.role = role;
    n.admin = admin;
    n.password = std::string(kPassword);
    auto a = auth_->CreateLocalAccount(n, "admin");
    EXPECT_TRUE(a) << a.error().ToString();
    return a ? *a : store::Account{};
  }
  SignInStep SignInOk(std::string_view login) {
    auto step = auth_->SignIn(login, kPassword, kAddress);
    EXPECT_TRUE(step) << step.error().ToString();
    return step ? *step : SignInStep{};
  }
  std::string Code(const std::string& secret) { return *TotpCode(secret, UnixSeconds(now_)); }
  // Signs in a CISO and registers an app; returns the secret.
  std::string EnrolledCiso(std::string login) {
    Create(login, reg::Role::kCiso);
    auto step = SignInOk(login);
    auto e = auth_->StartEnrolment(step.session);
    EXPECT_TRUE(e);
    EXPECT_TRUE(auth_->ConfirmEnrolment(step.session, Code(e->secret)));
    return e->secret;
  }
  std::vector<store::AuthEvent> Events() { return *auth_->ListAuthEvents(0); }
  static std::string ReadAll(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }

  fs::path dir_;
  TimePoint now_ = TimePoint(seconds(1795305600));  // 2026-11-22 09:00 JST
  std::unique_ptr<store::Store> register_;
  std::unique_ptr<store::AccountStore> accounts_;
  std::unique_ptr<Authenticator> auth_;
};

TEST_F(AuthenticatorTest, WrongPasswordAndUnknownLoginGiveTheSameMessage) {
  Create("yamada", reg::Role::kStaff);
  auto wrong = auth_->SignIn("yamada", "not the password", kAddress);
  auto unknown = auth_->SignIn("nobody", kPassword, kAddress);
  ASSERT_FALSE(wrong);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(wrong.error().message, "ログイン名またはパスワードが違います");
  EXPECT_EQ(wrong.error().message, unknown.error().message);
  EXPECT_EQ(wrong.error().code, unknown.error().code);
  EXPECT_EQ(ErrorKey(wrong.error()), "auth.bad_credentials");
  EXPECT_EQ(EnglishMessage(unknown.error()), "The login or password is incorrect");
  EXPECT_FALSE(auth_->SignIn("yamada", "", kAddress));
}

TEST_F(AuthenticatorTest, StaffSignsInWithAPasswordAlone) {
  Create("yamada", reg::Role::kStaff);
  auto step = SignInOk("ＹＡＭＡＤＡ ");  // full-width and upper case, as typed on a Japanese keyboard
  EXPECT_EQ(step.stage, SignInStage::kDone);
  EXPECT_EQ(step.key, "auth.signed_in");
  auto session = auth_->Resolve(step.token);
  ASSERT_TRUE(session);
  EXPECT_TRUE(session->Full());
  EXPECT_EQ(session->role, reg::Role::kStaff);
  EXPECT_EQ(session->account.display_name, "山田 花子");
  EXPECT_TRUE(session->account.password_hash.empty());
}

TEST_F(AuthenticatorTest, SixthAttemptIsLockedUntilTheWindowEnds) {
  Create("yamada", reg::Role::kStaff);
  for (int i = 0; i < 5; ++i) {
    auto r = auth_->SignIn("yamada", "wrong password " + std::to_string(i), kAddress);
    ASSERT_FALSE(r);
    EXPECT_EQ(ErrorKey(r.error()), "auth.bad_credentials") << i;
    now_ += seconds(20);
  }
  auto locked = auth_->SignIn("yamada", kPassword, kAddress);  // even the right password
  ASSERT_FALSE(locked);
  EXPECT_EQ(locked.error().message, "試行回数が多すぎます。15分後に再度お試しください");
  EXPECT_EQ(ErrorKey(locked.error()), "auth.locked");
  // An unknown login is locked the same way: a lock says nothing about who exists.
  for (int i = 0; i < 5; ++i) (void)auth_->SignIn("ghost", "x", "198.51.100.1");
  EXPECT_EQ(ErrorKey(auth_->SignIn("ghost", "x", "198.51.100.1").error()), "auth.locked");

  now_ += minutes(15);
  EXPECT_EQ(SignInOk("yamada").stage, SignInStage::kDone);
  bool lock_recorded = false;
  for (const auto& e : Events()) lock_recorded |= e.event == "locked" && e.login == "yamada";
  EXPECT_TRUE(lock_recorded);
}

TEST_F(AuthenticatorTest, CisoCannotGetAFullSessionWithoutTotp) {
  Create("ciso", reg::Role::kCiso);
  auto step = SignInOk("ciso");
  EXPECT_EQ(step.stage, SignInStage::kNeedsEnrolment);
  EXPECT_EQ(step.message, "この役割では二要素認証が必須です。認証アプリを登録してください");
  auto pending = auth_->Resolve(step.token);
  ASSERT_TRUE(pending);
  EXPECT_FALSE(pending->Full());
  EXPECT_TRUE(pending->needs_enrolment);
  EXPECT_FALSE(auth_->VerifyTotp(*pending, "123456"));  // nothing to verify against yet

  auto enrolment = auth_->StartEnrolment(*pending);
  ASSERT_TRUE(enrolment) << enrolment.error().ToString();
  EXPECT_EQ(enrolment->uri.rfind("otpauth://totp/%E7%9B%B4%E6%96%B9%E5%B8%82%20mamori:ciso?secret=", 0), 0U);
  EXPECT_EQ(enrolment->qr_svg.rfind("<svg", 0), 0U);
  auto wrong = auth_->ConfirmEnrolment(*pending, "000000");
  if (Code(enrolment->secret) != "000000") {
    EXPECT_FALSE(wrong);
  }
  EXPECT_FALSE(auth_->Resolve(step.token)->Full());
  ASSERT_TRUE(auth_->ConfirmEnrolment(*pending, Code(enrolment->secret)));
  EXPECT_TRUE(auth_->Resolve(step.token)->Full());

  // Next time: a code is asked for, and a code is good once.
  now_ += minutes(1);
  auto next = SignInOk("ciso");
  EXPECT_EQ(next.stage, SignInStage::kNeedsTotp);
  EXPECT_FALSE(auth_->Resolve(next.token)->Full());
  const std::string code = Code(enrolment->secret);
  ASSERT_TRUE(auth_->VerifyTotp(next.session, code));
  EXPECT_TRUE(auth_->Resolve(next.token)->Full());
  auto third = SignInOk("ciso");
  auto replay = auth_->VerifyTotp(third.session, code);
  ASSERT_FALSE(replay);
  EXPECT_EQ(ErrorKey(replay.error()), "auth.totp.replayed");
  EXPECT_FALSE(auth_->Resolve(third.token)->Full());
  now_ += seconds(30);
  EXPECT_TRUE(auth_->VerifyTotp(third.session, Code(enrolment->secret)));
}

TEST_F(AuthenticatorTest, AdminAccountsNeedTotpAndOthersMayEnrol) {
  Create("root", reg::Role::kStaff, /*admin=*/true);
  EXPECT_EQ(SignInOk("root").stage, SignInStage::kNeedsEnrolment);
  Create("chief", reg::Role::kChiefOfficer);
  EXPECT_EQ(SignInOk("chief").stage, SignInStage::kNeedsEnrolment);

  Create("tanaka", reg::Role::kManager);
  auto step = SignInOk("tanaka");
  ASSERT_EQ(step.stage, SignInStage::kDone);
  auto e = auth_->StartEnrolment(step.session);
  ASSERT_TRUE(e);
  ASSERT_TRUE(auth_->ConfirmEnrolment(step.session, Code(e->secret)));
  now_ += minutes(1);
  EXPECT_EQ(SignInOk("tanaka").stage, SignInStage::kNeedsTotp);  // once enrolled, always asked
}

TEST_F(AuthenticatorTest, APasswordAloneCannotReplaceARegisteredApp) {
  EnrolledCiso("ciso");
  now_ += minutes(1);
  auto pending = SignInOk("ciso");
  auto again = auth_->StartEnrolment(pending.session);
  ASSERT_FALSE(again);
  EXPECT_EQ(ErrorKey(again.error()), "auth.totp.already_enrolled");
}

TEST_F(AuthenticatorTest, WrongTotpCodesLockTheLoginToo) {
  const std::string secret = EnrolledCiso("ciso");
  now_ += minutes(1);
  auto pending = SignInOk("ciso");
  const std::string right = Code(secret);
  const std::string wrong = right == "111111" ? "222222" : "111111";
  for (int i = 0; i < 5; ++i) EXPECT_EQ(ErrorKey(auth_->VerifyTotp(pending.session, wrong).error()), "auth.totp.bad_code");
  EXPECT_EQ(ErrorKey(auth_->VerifyTotp(pending.session, right).error()), "auth.locked");
  bool recorded = false;
  for (const auto& e : Events()) recorded |= e.event == "totp_failed";
  EXPECT_TRUE(recorded);
}

TEST_F(AuthenticatorTest, TheCookieTokenIsNotWhatIsStored) {
  Create("yamada", reg::Role::kStaff);
  auto step = SignInOk("yamada");
  ASSERT_EQ(step.token.size(), 43U);  // 32 random bytes, base64url
  EXPECT_NE(step.session.token_hash, step.token);
  EXPECT_EQ(step.session.token_hash, Sha256Hex(step.token));
  EXPECT_FALSE(*accounts_->GetSession(step.token));
  EXPECT_TRUE(*accounts_->GetSession(Sha256Hex(step.token)));
  // Not in the database files at all.
  for (const char* file : {"t.db", "t.db-wal"}) {
    if (!fs::exists(dir_ / file)) continue;
    EXPECT_EQ(ReadAll(dir_ / file).find(step.token), std::string::npos) << file;
  }
  // A hash presented as a cookie is no session.
  EXPECT_FALSE(auth_->Resolve(step.session.token_hash));
}

TEST_F(AuthenticatorTest, CsrfTokenOfAnotherSessionIsRefused) {
  Create("yamada", reg::Role::kStaff);
  Create("suzuki", reg::Role::kStaff);
  auto a = *auth_->Resolve(SignInOk("yamada").token);
  auto b = *auth_->Resolve(SignInOk("suzuki").token);
  EXPECT_TRUE(Authenticator::CheckCsrf(a, a.csrf_token));
  EXPECT_FALSE(Authenticator::CheckCsrf(a, b.csrf_token));
  EXPECT_FALSE(Authenticator::CheckCsrf(a, ""));
  EXPECT_FALSE(Authenticator::CheckCsrf(a, a.csrf_token.substr(1)));
}

TEST_F(AuthenticatorTest, ExpiredSessionsResolveToNothing) {
  Create("yamada", reg::Role::kStaff);
  // Idle for 30 minutes.
  auto idle = SignInOk("yamada");
  now_ += minutes(29);
  EXPECT_TRUE(auth_->Resolve(idle.token));
  now_ += minutes(30);
  EXPECT_FALSE(auth_->Resolve(idle.token));
  // In use all day: ends after 12 hours anyway.
  auto busy = SignInOk("yamada");
  for (int i = 0; i < 12 * 3 - 1; ++i) {
    now_ += minutes(20);
    ASSERT_TRUE(auth_->Resolve(busy.token)) << i;
  }
  now_ += minutes(20);
  EXPECT_FALSE(auth_->Resolve(busy.token));
}

TEST_F(AuthenticatorTest, PendingSessionsExpireQuickly) {
  Create("ciso", reg::Role::kCiso);
  auto step = SignInOk("ciso");
  now_ += minutes(11);
  EXPECT_FALSE(auth_->Resolve(step.token));
  EXPECT_FALSE(auth_->StartEnrolment(step.session));
}

TEST_F(AuthenticatorTest, LastSeenIsWrittenAtMostOnceAMinute) {
  Create("yamada", reg::Role::kStaff);
  auto step = SignInOk("yamada");
  const auto start = UnixSeconds(now_);
  now_ += seconds(30);
  EXPECT_EQ(auth_->Resolve(step.token)->last_seen_at, start);
  now_ += seconds(31);
  EXPECT_EQ(auth_->Resolve(step.token)->last_seen_at, start + 61);
}

TEST_F(AuthenticatorTest, SignOutEndsTheSession) {
  Create("yamada", reg::Role::kStaff);
  auto step = SignInOk("yamada");
  ASSERT_TRUE(auth_->SignOut(step.token, kAddress));
  EXPECT_FALSE(auth_->Resolve(step.token));
  EXPECT_TRUE(auth_->SignOut(step.token, kAddress));  // twice is harmless
  const auto events = Events();
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.front().event, "sign_out");
  EXPECT_EQ(events.front().login, "yamada");
}

TEST_F(AuthenticatorTest, DisabledAccountsCannotSignInAndLoseTheirSessions) {
  auto a = Create("yamada", reg::Role::kStaff);
  auto step = SignInOk("yamada");
  ASSERT_TRUE(auth_->Disable(a.id, "admin"));
  EXPECT_FALSE(auth_->Resolve(step.token));
  auto refused = auth_->SignIn("yamada", kPassword, kAddress);
  ASSERT_FALSE(refused);
  EXPECT_EQ(ErrorKey(refused.error()), "auth.disabled");
  ASSERT_TRUE(auth_->Enable(a.id, "admin"));
  EXPECT_TRUE(auth_->SignIn("yamada", kPassword, kAddress));
}

TEST_F(AuthenticatorTest, ApiTokensAreShownOnceStoredHashedAndRevocable) {
  auto a = Create("batch", reg::Role::kSystemStaff);
  auto issued = auth_->IssueApiToken(a.id, "夜間集計", "admin");
  ASSERT_TRUE(issued) << issued.error().ToString();
  EXPECT_EQ(issued->token.rfind("mamori_", 0), 0U);
  auto listed = *auth_->ListApiTokens(a.id);
  ASSERT_EQ(listed.size(), 1U);
  EXPECT_TRUE(listed[0].token_hash.empty());
  EXPECT_EQ((*accounts_->GetApiToken(issued->id))->token_hash, Sha256Hex(issued->token));

  auto who = auth_->ResolveApiToken("Bearer " + issued->token);
  ASSERT_TRUE(who);
  EXPECT_EQ(who->account.login, "batch");
  EXPECT_EQ(who->role, reg::Role::kSystemStaff);
  EXPECT_EQ(who->token_name, "夜間集計");
  EXPECT_FALSE(auth_->ResolveApiToken("Bearer mamori_" + std::string(43, 'A')));
  EXPECT_FALSE(auth_->ResolveApiToken(Sha256Hex(issued->token)));

  ASSERT_TRUE(auth_->RevokeApiToken(issued->id, "admin"));
  EXPECT_FALSE(auth_->ResolveApiToken(issued->token));
  EXPECT_EQ(ErrorKey(auth_->IssueApiToken(a.id, "  ", "admin").error()), "auth.token.name_required");
}

TEST_F(AuthenticatorTest, HistoryOfAccountChangesHoldsNoSecrets) {
  const std::string secret = EnrolledCiso("ciso");
  auto account = *accounts_->FindAccount("ciso");
  ASSERT_TRUE(account);
  const std::string old_hash = account->password_hash;
  ASSERT_TRUE(auth_->SetPassword(account->id, "another long passphrase", "admin"));
  ASSERT_TRUE(auth_->UpdateAccount(account->id, {.display_name = "山田 太郎", .department = "D001"}, "admin"));
  ASSERT_TRUE(auth_->ResetTotp(account->id, "admin"));
  const std::string new_hash = (*accounts_->FindAccount("ciso"))->password_hash;

  store::HistoryQuery q;
  q.entity = "account";
  q.number = "ciso";
  q.limit = 0;
  auto lines = register_->History(q);
  ASSERT_TRUE(lines) << lines.error().ToString();
  ASSERT_GE(lines->size(), 5U);  // create, enrol, password, update, reset
  for (const auto& h : *lines) {
    for (const std::string* field : {&h.before, &h.after, &h.note}) {
      EXPECT_EQ(field->find("argon2"), std::string::npos) << *field;
      EXPECT_EQ(field->find("password_hash"), std::string::npos) << *field;
      EXPECT_EQ(field->find(secret), std::string::npos) << *field;
      EXPECT_EQ(field->find(old_hash), std::string::npos);
      EXPECT_EQ(field->find(new_hash), std::string::npos);
    }
  }
  EXPECT_EQ(lines->back().action, "create");
  EXPECT_EQ(lines->back().actor, "admin");
  EXPECT_NE(lines->front().after.find("\"totp_enrolled\":false"), std::string::npos);
  for (const auto& e : Events()) {
    EXPECT_EQ(e.detail.find(secret), std::string::npos);
    EXPECT_EQ(e.detail.find("argon2"), std::string::npos);
  }
}

TEST_F(AuthenticatorTest, ResetTotpMakesTheUserEnrolAgain) {
  EnrolledCiso("ciso");
  auto account = *accounts_->FindAccount("ciso");
  ASSERT_TRUE(auth_->ResetTotp(account->id, "admin"));
  now_ += minutes(1);
  EXPECT_EQ(SignInOk("ciso").stage, SignInStage::kNeedsEnrolment);
}

TEST_F(AuthenticatorTest, NewAccountsAreChecked) {
  NewAccount n;
  n.login = "ｓａｔｏ";  // full-width: folded to "sato"
  n.display_name = "佐藤 一郎";
  n.password = "short";
  EXPECT_EQ(ErrorKey(auth_->CreateLocalAccount(n, "admin").error()), "auth.password.too_short");
  n.password = "sato";
  EXPECT_EQ(ErrorKey(auth_->CreateLocalAccount(n, "admin").error()), "auth.password.too_short");
  n.password = "long enough passphrase";
  auto created = auth_->CreateLocalAccount(n, "admin");
  ASSERT_TRUE(created);
  EXPECT_EQ(created->login, "sato");
  EXPECT_TRUE(created->password_hash.empty());  // never handed out
  n.login = "SATO";
  auto dup = auth_->CreateLocalAccount(n, "admin");
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().message, "ログイン名「SATO」は既に使われています");
  n.login = "sato)(uid=*";
  EXPECT_EQ(ErrorKey(auth_->CreateLocalAccount(n, "admin").error()), "auth.account.invalid_login");
  n.login = "kato";
  n.display_name = " ";
  EXPECT_EQ(ErrorKey(auth_->CreateLocalAccount(n, "admin").error()), "auth.account.display_name_required");
  ASSERT_EQ(auth_->ListAccounts()->size(), 1U);
  EXPECT_TRUE(auth_->ListAccounts()->front().password_hash.empty());
}

TEST_F(AuthenticatorTest, ChangingOwnPasswordEndsOtherSessions) {
  Create("yamada", reg::Role::kStaff);
  auto here = SignInOk("yamada");
  auto elsewhere = SignInOk("yamada");
  auto wrong = auth_->ChangeOwnPassword(here.session, "not it", "a brand new passphrase");
  ASSERT_FALSE(wrong);
  EXPECT_EQ(ErrorKey(wrong.error()), "auth.password.wrong_current");
  ASSERT_TRUE(auth_->ChangeOwnPassword(here.session, kPassword, "a brand new passphrase"));
  EXPECT_TRUE(auth_->Resolve(here.token));
  EXPECT_FALSE(auth_->Resolve(elsewhere.token));
  EXPECT_FALSE(auth_->SignIn("yamada", kPassword, kAddress));
  EXPECT_TRUE(auth_->SignIn("yamada", "a brand new passphrase", kAddress));
}

TEST_F(AuthenticatorTest, RoleChangesEndSessions) {
  auto a = Create("yamada", reg::Role::kStaff);
  auto step = SignInOk("yamada");
  ASSERT_TRUE(auth_->UpdateAccount(a.id, {.role = reg::Role::kCiso}, "admin"));
  EXPECT_FALSE(auth_->Resolve(step.token));
  EXPECT_EQ(SignInOk("yamada").stage, SignInStage::kNeedsEnrolment);
}

TEST_F(AuthenticatorTest, StrongerCostRehashesOnSignIn) {
  Create("yamada", reg::Role::kStaff);
  const std::string before = (*accounts_->FindAccount("yamada"))->password_hash;
  SignInOk("yamada");
  EXPECT_EQ((*accounts_->FindAccount("yamada"))->password_hash, before);  // same cost: left alone
  Reopen({}, PasswordCost{3, 64U << 20U});
  SignInOk("yamada");
  const std::string after = (*accounts_->FindAccount("yamada"))->password_hash;
  EXPECT_NE(after.find("t=3"), std::string::npos) << after;
  EXPECT_TRUE(VerifyPassword(after, kPassword));
}

// Directory sign-in with a stand-in for the directory (the real slapd is in ldap_test.cpp).
class DirectoryTest : public AuthenticatorTest {
 protected:
  void SetUp() override {
    AuthenticatorTest::SetUp();
    AuthOptions o;
    o.directory = [this](std::string_view login, std::string_view password) -> Result<LdapIdentity> {
      ++calls_;
      if (login == "kimura" && password == "directory password") return identity_;
      return AuthFail(ErrorCode::kInvalidArgument, "auth.bad_credentials");
    };
    Reopen(std::move(o));
    identity_.dn = "uid=kimura,ou=people,dc=example,dc=jp";
    identity_.display_name = "木村 さくら";
    identity_.role = reg::Role::kManager;
  }
  LdapIdentity identity_;
  int calls_ = 0;
};

TEST_F(DirectoryTest, AccountIsCreatedOnTheFirstSignIn) {
  auto step = auth_->SignIn("kimura", "directory password", kAddress);
  ASSERT_TRUE(step) << step.error().ToString();
  EXPECT_EQ(step->stage, SignInStage::kDone);
  auto account = *accounts_->FindAccount("kimura");
  ASSERT_TRUE(account);
  EXPECT_EQ(account->source, "ldap");
  EXPECT_EQ(account->role, "manager");
  EXPECT_EQ(account->display_name, "木村 さくら");
  EXPECT_TRUE(account->password_hash.empty());  // the directory keeps the password

  // The directory's groups changed: the next sign-in follows them.
  identity_.role = reg::Role::kChiefOfficer;
  auto again = auth_->SignIn("kimura", "directory password", kAddress);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->stage, SignInStage::kNeedsEnrolment);
  EXPECT_EQ((*accounts_->FindAccount("kimura"))->role, "chief_officer");
  store::HistoryQuery q;
  q.entity = "account";
  q.number = "kimura";
  EXPECT_EQ(register_->History(q)->size(), 2U);
}

TEST_F(DirectoryTest, WrongPasswordLooksLikeAnyOther) {
  auto wrong = auth_->SignIn("kimura", "guess", kAddress);
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().message, "ログイン名またはパスワードが違います");
  EXPECT_FALSE(*accounts_->FindAccount("kimura"));
}

TEST_F(DirectoryTest, LocalAccountsNeverAskTheDirectory) {
  Create("yamada", reg::Role::kStaff);
  EXPECT_FALSE(auth_->SignIn("yamada", "directory password", kAddress));
  EXPECT_TRUE(auth_->SignIn("yamada", kPassword, kAddress));
  EXPECT_EQ(calls_, 0);
}

TEST_F(DirectoryTest, NoMappedGroupIsExplained) {
  Reopen([] {
    AuthOptions o;
    o.directory = [](std::string_view, std::string_view) -> Result<LdapIdentity> {
      return AuthFail(ErrorCode::kValidation, "auth.ldap.no_role");
    };
    return o;
  }());
  auto r = auth_->SignIn("kimura", "directory password", kAddress);
  ASSERT_FALSE(r);
  EXPECT_EQ(ErrorKey(r.error()), "auth.ldap.no_role");
}

}  // namespace
}  // namespace mamori::auth
