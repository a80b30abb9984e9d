#include <unistd.h>

#include <filesystem>
#include <thread>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "store/accounts.h"
#include "store/sqlite/sqlite_store.h"

namespace mamori::store {
namespace {

namespace fs = std::filesystem;

class AccountStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / fs::path("mamori-accounts-" + std::to_string(::getpid()) + "-" +
                                                ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto s = OpenSqlite(dir_ / "t.db");
    ASSERT_TRUE(s) << s.error().ToString();
    register_ = std::move(*s);
    auto a = OpenSqliteAccounts(dir_ / "t.db");
    ASSERT_TRUE(a) << a.error().ToString();
    accounts_ = std::move(*a);
  }
  void TearDown() override {
    accounts_.reset();
    register_.reset();
    fs::remove_all(dir_);
  }
  static Account Sample(std::string login) {
    Account a;
    a.login = std::move(login);
    a.display_name = "山田 花子";
    a.role = "staff";
    a.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$placeholder";
    a.created_at = "2026-11-22T09:00:00+09:00";
    return a;
  }
  fs::path dir_;
  std::unique_ptr<Store> register_;
  std::unique_ptr<AccountStore> accounts_;
};

TEST_F(AccountStoreTest, RefusesADatabaseThatWasNotMigrated) {
  auto opened = OpenSqliteAccounts(dir_ / "empty.db");
  EXPECT_FALSE(opened);
}

TEST_F(AccountStoreTest, LoginsAreUniqueWithoutRegardToCase) {
  auto id = accounts_->CreateAccount(Sample("Yamada"));
  ASSERT_TRUE(id) << id.error().ToString();
  auto again = accounts_->CreateAccount(Sample("yamada"));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kAlreadyExists);
  auto found = accounts_->FindAccount("YAMADA");
  ASSERT_TRUE(found && *found);
  EXPECT_EQ((*found)->id, *id);
  EXPECT_EQ((*found)->display_name, "山田 花子");
}

TEST_F(AccountStoreTest, UpdateKeepsLoginAndCreationTime) {
  auto id = accounts_->CreateAccount(Sample("suzuki"));
  ASSERT_TRUE(id);
  auto a = *accounts_->GetAccount(*id);
  ASSERT_TRUE(a);
  a->role = "ciso";
  a->admin = true;
  a->login = "changed";
  ASSERT_TRUE(accounts_->UpdateAccount(*a));
  auto b = *accounts_->GetAccount(*id);
  EXPECT_EQ(b->login, "suzuki");
  EXPECT_EQ(b->role, "ciso");
  EXPECT_TRUE(b->admin);
  Account missing = *b;
  missing.id = 999;
  EXPECT_EQ(accounts_->UpdateAccount(missing).error().code, ErrorCode::kNotFound);
}

TEST_F(AccountStoreTest, TotpStepOnlyMovesForward) {
  auto id = *accounts_->CreateAccount(Sample("tanaka"));
  EXPECT_TRUE(*accounts_->AdvanceTotpStep(id, 100));
  EXPECT_FALSE(*accounts_->AdvanceTotpStep(id, 100));
  EXPECT_FALSE(*accounts_->AdvanceTotpStep(id, 99));
  EXPECT_TRUE(*accounts_->AdvanceTotpStep(id, 101));
}

TEST_F(AccountStoreTest, SessionsExpireAndFollowTheirAccount) {
  auto id = *accounts_->CreateAccount(Sample("sato"));
  const std::string h1(64, 'a'), h2(64, 'b');
  ASSERT_TRUE(accounts_->CreateSession({h1, id, 1000, 2000, 1000, false, "csrf1"}));
  ASSERT_TRUE(accounts_->CreateSession({h2, id, 1000, 5000, 1000, true, "csrf2"}));
  ASSERT_TRUE(accounts_->PassMfa(h1, 3000));
  auto s = *accounts_->GetSession(h1);
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->mfa_passed);
  EXPECT_EQ(s->expires_at, 3000);
  ASSERT_TRUE(accounts_->TouchSession(h2, 4000));
  // h1 idle since 1000, h2 seen at 4000: only h1 goes.
  EXPECT_EQ(*accounts_->DeleteExpiredSessions(2500, 2000), 1);
  EXPECT_FALSE(*accounts_->GetSession(h1));
  ASSERT_TRUE(accounts_->DeleteSessionsOf(id, h2));
  EXPECT_TRUE(*accounts_->GetSession(h2));
  ASSERT_TRUE(accounts_->DeleteSessionsOf(id));
  EXPECT_FALSE(*accounts_->GetSession(h2));
}

TEST_F(AccountStoreTest, ApiTokensAreFoundByHashAndRevoked) {
  auto id = *accounts_->CreateAccount(Sample("ito"));
  const std::string h(64, 'c');
  auto tid = accounts_->CreateApiToken({0, id, "集計スクリプト", h, "2026-11-22T09:00:00+09:00", "", false});
  ASSERT_TRUE(tid) << tid.error().ToString();
  auto t = *accounts_->FindApiToken(h);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->name, "集計スクリプト");
  ASSERT_TRUE(accounts_->RevokeApiToken(*tid));
  EXPECT_TRUE((*accounts_->GetApiToken(*tid))->revoked);
  EXPECT_EQ(accounts_->ListApiTokens(id)->size(), 1U);
}

TEST_F(AccountStoreTest, AuthEventsAreAppendOnly) {
  ASSERT_TRUE(accounts_->AppendAuthEvent({0, "2026-11-22T09:00:00+09:00", "sato", "192.0.2.1", "sign_in", "local"}));
  ASSERT_TRUE(accounts_->AppendAuthEvent({0, "2026-11-22T09:01:00+09:00", "sato", "192.0.2.1", "sign_out", ""}));
  auto events = *accounts_->ListAuthEvents(10);
  ASSERT_EQ(events.size(), 2U);
  EXPECT_EQ(events[0].event, "sign_out");  // newest first
  EXPECT_FALSE(accounts_->AppendAuthEvent({0, "x", "sato", "", "made_up", ""}));
  // Nobody can rewrite the trail, not even with SQL of their own.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir_ / "t.db").c_str(), &db), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db, "UPDATE auth_events SET detail = 'x'", nullptr, nullptr, nullptr), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db, "DELETE FROM auth_events", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  EXPECT_EQ(accounts_->ListAuthEvents(10)->size(), 2U);
}

TEST_F(AccountStoreTest, UsableFromSeveralThreads) {
  auto id = *accounts_->CreateAccount(Sample("watanabe"));
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        (void)accounts_->AppendAuthEvent({0, "2026-11-22T09:00:00+09:00", "watanabe", std::to_string(t), "sign_in", ""});
        (void)accounts_->GetAccount(id);
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(accounts_->ListAuthEvents(0)->size(), 200U);
}

}  // namespace
}  // namespace mamori::store
