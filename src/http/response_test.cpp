#include "http/response.h"

#include <gtest/gtest.h>

namespace mamori::http {
namespace {

TEST(Response, SetReplacesAddAppends) {
  Response r;
  r.Set("X-A", "1");
  r.Set("x-a", "2");
  r.Add("Set-Cookie", "a=1");
  r.Add("Set-Cookie", "b=2");
  EXPECT_EQ(r.Header("X-A"), "2");
  EXPECT_EQ(r.headers.size(), 3u);
}

TEST(Response, Factories) {
  EXPECT_EQ(Response::Html("<p>").Header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(Response::Json("{}", 201).status, 201);
  EXPECT_EQ(Response::Json("{}").Header("content-type"), "application/json");
  EXPECT_EQ(Response::Text("x").Header("Content-Type"), "text/plain; charset=utf-8");
  const Response redirect = Response::Redirect("/assets/1");
  EXPECT_EQ(redirect.status, 303);
  EXPECT_EQ(redirect.Header("Location"), "/assets/1");
}

TEST(Response, DownloadNamesTheFileForOldAndNewClients) {
  const Response r = Response::Download("a,b\r\n", "text/csv; charset=utf-8", "資産台帳 2024年度.csv");
  EXPECT_EQ(r.Header("Content-Disposition"),
            "attachment; filename=\"_ 2024_.csv\"; "
            "filename*=UTF-8''%E8%B3%87%E7%94%A3%E5%8F%B0%E5%B8%B3%202024%E5%B9%B4%E5%BA%A6.csv");
  EXPECT_EQ(r.Header("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(AttachmentDisposition("台帳.xlsx"), "attachment; filename=\"download.xlsx\"; filename*=UTF-8''%E5%8F%B0%E5%B8%B3.xlsx");
  EXPECT_EQ(AttachmentDisposition("a\"b\\c.txt"), "attachment; filename=\"a_b_c.txt\"; filename*=UTF-8''a%22b%5Cc.txt");
}

TEST(Response, Cookies) {
  Response r;
  CookieOptions options;
  options.secure = true;
  r.SetCookie("session", "abc", options);
  r.ClearCookie("old");
  ASSERT_EQ(r.headers.size(), 2u);
  EXPECT_EQ(r.headers[0].second, "session=abc; Path=/; HttpOnly; Secure; SameSite=Lax");
  EXPECT_EQ(r.headers[1].second, "old=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax");
}

}  // namespace
}  // namespace mamori::http
