#include "http/static_assets.h"

#include <regex>
#include <stdexcept>

#include <gtest/gtest.h>

namespace mamori::http {
namespace {

Response Get(const Router& router, std::string target, std::vector<std::pair<std::string, std::string>> headers = {}) {
  Request r;
  r.SetTarget(std::move(target));
  r.headers = std::move(headers);
  return router.Dispatch(r);
}

TEST(StaticAssets, HashedUrlsChangeWithTheContent) {
  StaticAssets assets;
  assets.Add("htmx.min.js", "console.log(1)");
  assets.Add("fonts/noto.woff2", "font");
  assets.Add("LICENSE", "text");
  EXPECT_TRUE(std::regex_match(assets.Url("htmx.min.js"), std::regex("/static/htmx\\.min\\.[0-9a-f]{8}\\.js")));
  EXPECT_TRUE(std::regex_match(assets.Url("fonts/noto.woff2"), std::regex("/static/fonts/noto\\.[0-9a-f]{8}\\.woff2")));
  EXPECT_TRUE(std::regex_match(assets.Url("LICENSE"), std::regex("/static/LICENSE\\.[0-9a-f]{8}")));
  const std::string before = assets.Url("htmx.min.js");
  assets.Add("htmx.min.js", "console.log(2)");
  EXPECT_NE(assets.Url("htmx.min.js"), before);
  EXPECT_EQ(ContentHash8("same"), ContentHash8("same"));
  EXPECT_THROW((void)assets.Url("missing.js"), std::out_of_range);
}

TEST(StaticAssets, ContentTypes) {
  EXPECT_EQ(ContentTypeFor("a.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("a.css"), "text/css; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("a.svg"), "image/svg+xml");
  EXPECT_EQ(ContentTypeFor("a.png"), "image/png");
  EXPECT_EQ(ContentTypeFor("a.WOFF2"), "font/woff2");
  EXPECT_EQ(ContentTypeFor("favicon.ico"), "image/x-icon");
  EXPECT_EQ(ContentTypeFor("a.json"), "application/json");
  EXPECT_EQ(ContentTypeFor("a.js.map"), "application/json");
  EXPECT_EQ(ContentTypeFor("a.bin"), "application/octet-stream");
}

TEST(StaticAssets, ServedWithEtagAndForeverCaching) {
  Router router;
  {
    StaticAssets assets;
    assets.Add("app.css", "body{}");
    assets.Mount(router);
    const Response ok = Get(router, assets.Url("app.css"));
    EXPECT_EQ(ok.status, 200);
    EXPECT_EQ(ok.body, "body{}");
    EXPECT_EQ(ok.Header("Content-Type"), "text/css; charset=utf-8");
    EXPECT_EQ(ok.Header("Cache-Control"), "public, max-age=31536000, immutable");
    ASSERT_FALSE(ok.Header("ETag").empty());

    const std::string etag(ok.Header("ETag"));
    const Response again = Get(router, assets.Url("app.css"), {{"if-none-match", "\"other\", W/" + etag}});
    EXPECT_EQ(again.status, 304);
    EXPECT_EQ(again.body, "");
    EXPECT_EQ(again.Header("ETag"), etag);
    EXPECT_EQ(Get(router, assets.Url("app.css"), {{"if-none-match", "\"other\""}}).status, 200);
  }
  // The router keeps the files after StaticAssets is gone; only hashed names are served.
  EXPECT_EQ(Get(router, "/static/app.css").status, 404);
  EXPECT_EQ(Get(router, "/static/nothing.00000000.css").status, 404);
}

}  // namespace
}  // namespace mamori::http
