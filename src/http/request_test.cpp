#include "http/request.h"

#include <gtest/gtest.h>

namespace mamori::http {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

TEST(Request, TargetIsSplitAndDecoded) {
  Request r;
  r.SetTarget("/register/%E8%B3%87%E7%94%A3?q=%E7%AB%AF%E6%9C%AB+1&page=2&q=x");
  EXPECT_EQ(r.path, "/register/資産");
  EXPECT_EQ(r.query, "q=%E7%AB%AF%E6%9C%AB+1&page=2&q=x");
  EXPECT_EQ(r.Query("q"), "端末 1");
  EXPECT_EQ(r.Query("page"), "2");
  EXPECT_EQ(r.Query("none"), std::nullopt);
  EXPECT_EQ(r.QueryParams(), (Pairs{{"q", "端末 1"}, {"page", "2"}, {"q", "x"}}));

  r.SetTarget("http://example.jp/a/b?x=1");
  EXPECT_EQ(r.path, "/a/b");
  EXPECT_EQ(r.query, "x=1");
  r.SetTarget("/only#fragment");
  EXPECT_EQ(r.path, "/only");
  EXPECT_EQ(r.query, "");
}

TEST(Request, HeadersAndCookies) {
  Request r;
  r.headers = {{"host", "x"}, {"cookie", "a=1"}, {"cookie", "session=s%C3%A9"}};
  EXPECT_EQ(r.Header("host"), "x");
  EXPECT_EQ(r.Header("absent"), "");
  EXPECT_EQ(r.Cookie("session"), "sé");
  EXPECT_EQ(r.Cookie("a"), "1");
  EXPECT_EQ(r.Cookie("b"), std::nullopt);
}

TEST(Request, FormOnlyForUrlEncodedBodies) {
  Request r;
  r.body = "name=%E5%B1%B1%E7%94%B0";
  EXPECT_TRUE(r.FormParams().empty());
  r.headers = {{"content-type", "application/x-www-form-urlencoded; charset=UTF-8"}};
  EXPECT_EQ(r.Form("name"), "山田");
  EXPECT_EQ(r.Form("other"), std::nullopt);
}

TEST(Request, MultipartNeedsTheRightContentType) {
  Request r;
  r.body = "--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--b--\r\n";
  EXPECT_FALSE(r.MultipartParts());
  r.headers = {{"content-type", "multipart/form-data; boundary=b"}};
  auto parts = r.MultipartParts();
  ASSERT_TRUE(parts) << parts.error().ToString();
  EXPECT_EQ(parts->at(0).data, "1");
}

}  // namespace
}  // namespace mamori::http
