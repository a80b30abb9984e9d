#include "auth/totp.h"

#include <set>

#include <gtest/gtest.h>

#include "auth/messages.h"

namespace mamori::auth {
namespace {

// RFC 6238 appendix B: the SHA-1 secret "12345678901234567890", in base32.
constexpr std::string_view kRfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

struct Vector {
  std::int64_t time;
  const char* code;  // the last six of the RFC's eight digits
};

TEST(TotpTest, Rfc6238VectorsVerifyAtTheirTime) {
  for (const auto& v : {Vector{59, "287082"}, Vector{1111111109, "081804"}, Vector{1111111111, "050471"},
                        Vector{1234567890, "005924"}, Vector{2000000000, "279037"}, Vector{20000000000, "353130"}}) {
    auto code = TotpCode(kRfcSecret, v.time);
    ASSERT_TRUE(code) << code.error().ToString();
    EXPECT_EQ(*code, v.code) << v.time;
    auto step = CheckTotpCode(kRfcSecret, v.code, v.time, 0);
    ASSERT_TRUE(step) << v.time << ": " << step.error().message;
    EXPECT_EQ(*step, TotpStep(v.time));
  }
}

TEST(TotpTest, ReplayedCodeIsRefused) {
  const std::int64_t t = 1111111109;
  auto first = CheckTotpCode(kRfcSecret, "081804", t, 0);
  ASSERT_TRUE(first);
  auto again = CheckTotpCode(kRfcSecret, "081804", t + 5, *first);
  ASSERT_FALSE(again);
  EXPECT_EQ(ErrorKey(again.error()), "auth.totp.replayed");
  EXPECT_EQ(again.error().message, "このコードは既に使われています。次のコードが表示されるまでお待ちください");
  // An older code, still inside the window, is refused too once a later one was used.
  auto older = CheckTotpCode(kRfcSecret, *TotpCode(kRfcSecret, t - 30), t, *first);
  ASSERT_FALSE(older);
  EXPECT_EQ(ErrorKey(older.error()), "auth.totp.replayed");
}

TEST(TotpTest, OneStepEitherSideIsAccepted) {
  const std::int64_t t = 1795305600;
  EXPECT_TRUE(CheckTotpCode(kRfcSecret, *TotpCode(kRfcSecret, t - 30), t, 0));
  EXPECT_TRUE(CheckTotpCode(kRfcSecret, *TotpCode(kRfcSecret, t + 30), t, 0));
  auto late = CheckTotpCode(kRfcSecret, *TotpCode(kRfcSecret, t - 90), t, 0);
  ASSERT_FALSE(late);
  EXPECT_EQ(ErrorKey(late.error()), "auth.totp.bad_code");
}

TEST(TotpTest, MalformedCodesAreWrongCodes) {
  for (std::string_view code : {"", "12345", "1234567", "12345a", "０８１８０４", " 81804"}) {
    auto r = CheckTotpCode(kRfcSecret, code, 1111111109, 0);
    ASSERT_FALSE(r) << code;
    EXPECT_EQ(ErrorKey(r.error()), "auth.totp.bad_code") << code;
  }
}

TEST(TotpTest, NewSecretsAreRandomBase32Of20Bytes) {
  std::set<std::string> seen;
  for (int i = 0; i < 20; ++i) {
    const std::string s = NewTotpSecret();
    EXPECT_EQ(s.size(), 32U);
    EXPECT_EQ(s.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"), std::string::npos) << s;
    EXPECT_TRUE(TotpCode(s, 0));
    seen.insert(s);
  }
  EXPECT_EQ(seen.size(), 20U);
}

TEST(TotpTest, UriCarriesAJapaneseIssuerPercentEncoded) {
  EXPECT_EQ(TotpUri("直方市 mamori", "yamada.t", kRfcSecret),
            "otpauth://totp/%E7%9B%B4%E6%96%B9%E5%B8%82%20mamori:yamada.t?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
            "&issuer=%E7%9B%B4%E6%96%B9%E5%B8%82%20mamori&digits=6&period=30");
  EXPECT_EQ(TotpUri("mamori", "a&b=c", "X"), "otpauth://totp/mamori:a%26b%3Dc?secret=X&issuer=mamori&digits=6&period=30");
}

}  // namespace
}  // namespace mamori::auth
