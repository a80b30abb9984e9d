#include "auth/password.h"

#include <gtest/gtest.h>

#include "auth/messages.h"

namespace mamori::auth {
namespace {

TEST(PasswordTest, VerifiesTheRightPasswordOnly) {
  auto hash = HashPassword("correct horse battery", PasswordCost::Interactive());
  ASSERT_TRUE(hash) << hash.error().ToString();
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0U);
  EXPECT_TRUE(VerifyPassword(*hash, "correct horse battery"));
  EXPECT_FALSE(VerifyPassword(*hash, "correct horse batterY"));
  EXPECT_FALSE(VerifyPassword(*hash, ""));
  EXPECT_FALSE(VerifyPassword("", "correct horse battery"));
  EXPECT_FALSE(VerifyPassword("not a hash", "correct horse battery"));
}

TEST(PasswordTest, SamePasswordHashesDifferently) {
  auto a = HashPassword("correct horse battery", PasswordCost::Interactive());
  auto b = HashPassword("correct horse battery", PasswordCost::Interactive());
  ASSERT_TRUE(a && b);
  EXPECT_NE(*a, *b);  // salted
}

TEST(PasswordTest, CostIsNeverBelowInteractive) {
  auto hash = HashPassword("correct horse battery", PasswordCost{1, 8U << 20U});
  ASSERT_TRUE(hash);
  EXPECT_NE(hash->find("m=65536,t=2"), std::string::npos) << *hash;
  EXPECT_FALSE(NeedsRehash(*hash, PasswordCost::Interactive()));
  EXPECT_TRUE(NeedsRehash(*hash, PasswordCost{}));  // the default is dearer
  EXPECT_TRUE(NeedsRehash("garbage"));
}

TEST(PasswordTest, PolicyExplainsInJapanese) {
  auto short_one = CheckPasswordPolicy("short-pass", "yamada");
  ASSERT_FALSE(short_one);
  EXPECT_EQ(short_one.error().message, "パスワードは12文字以上にしてください");
  EXPECT_EQ(ErrorKey(short_one.error()), "auth.password.too_short");
  EXPECT_EQ(EnglishMessage(short_one.error()), "The password must have at least 12 characters");

  auto same = CheckPasswordPolicy("Yamada.Taro.01", "yamada.taro.01");
  ASSERT_FALSE(same);
  EXPECT_EQ(ErrorKey(same.error()), "auth.password.same_as_login");
  // Full-width letters are the same login.
  EXPECT_FALSE(CheckPasswordPolicy("ｙａｍａｄａ．ｔａｒｏ．０１", "yamada.taro.01"));

  EXPECT_TRUE(CheckPasswordPolicy("あいうえおかきくけこさし", "yamada"));  // 12 characters, 36 bytes
  EXPECT_FALSE(CheckPasswordPolicy("あいうえおかきくけこさ", "yamada"));  // 11
  EXPECT_EQ(ErrorKey(CheckPasswordPolicy(std::string(2000, 'x'), "yamada").error()), "auth.password.too_long");
}

}  // namespace
}  // namespace mamori::auth
