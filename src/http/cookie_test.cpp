#include "http/cookie.h"

#include <stdexcept>

#include <gtest/gtest.h>

namespace mamori::http {
namespace {

TEST(Cookie, FindsByNameInAHeader) {
  EXPECT_EQ(FindCookie("a=1; session=abc.def; b=\"quoted\"", "session"), "abc.def");
  EXPECT_EQ(FindCookie("a=1; b=\"quoted\"", "b"), "quoted");
  EXPECT_EQ(FindCookie("a=1;b=2", "b"), "2");
  EXPECT_EQ(FindCookie("aa=1", "a"), std::nullopt);
  EXPECT_EQ(FindCookie("", "a"), std::nullopt);
}

TEST(Cookie, SetCookieWithEveryAttribute) {
  CookieOptions options;
  options.path = "/register";
  options.max_age_seconds = 3600;
  options.http_only = true;
  options.secure = true;
  options.same_site = "Strict";
  EXPECT_EQ(FormatSetCookie("session", "tok3n", options),
            "session=tok3n; Path=/register; Max-Age=3600; HttpOnly; Secure; SameSite=Strict");
  CookieOptions bare;
  bare.http_only = false;
  bare.same_site = "";
  bare.path = "";
  EXPECT_EQ(FormatSetCookie("x", "1", bare), "x=1");
}

TEST(Cookie, AnyValueMakesTheRoundTrip) {
  const std::string value = "保存しました; 100% \"ok\", \\ done";
  const std::string set = FormatSetCookie("flash", value, {});
  const std::string pair = set.substr(0, set.find(';'));
  EXPECT_EQ(pair.find(' '), std::string::npos);
  EXPECT_EQ(FindCookie(pair, "flash"), value);
}

TEST(Cookie, BadNameIsAProgrammerError) {
  EXPECT_THROW((void)FormatSetCookie("bad name", "x", {}), std::invalid_argument);
  EXPECT_THROW((void)FormatSetCookie("", "x", {}), std::invalid_argument);
}

}  // namespace
}  // namespace mamori::http
