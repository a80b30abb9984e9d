#include "http/router.h"

#include <stdexcept>

#include <gtest/gtest.h>

namespace mamori::http {
namespace {

Request Make(Method method, std::string target) {
  Request r;
  r.method = method;
  r.SetTarget(std::move(target));
  return r;
}

Handler Says(std::string text) {
  return [text = std::move(text)](Request& r) {
    std::string out = text;
    for (const auto& key : {"number", "path", "id"}) {
      if (auto it = r.params.find(key); it != r.params.end()) out += std::string(" ") + key + "=" + it->second;
    }
    return Response::Text(out);
  };
}

TEST(Router, ParamsRestAndSpecificity) {
  Router router;
  router.Get("/assets/{number}", Says("asset"));
  router.Get("/assets/new", Says("new"));
  router.Get("/static/{path*}", Says("static"));
  router.Get("/", Says("home"));

  auto r = Make(Method::kGet, "/assets/%E7%AB%AF%2F1");
  EXPECT_EQ(router.Dispatch(r).body, "asset number=端/1");
  r = Make(Method::kGet, "/assets/new");
  EXPECT_EQ(router.Dispatch(r).body, "new");
  r = Make(Method::kGet, "/static/js/app.12345678.js");
  EXPECT_EQ(router.Dispatch(r).body, "static path=js/app.12345678.js");
  r = Make(Method::kGet, "/");
  EXPECT_EQ(router.Dispatch(r).body, "home");
  r = Make(Method::kGet, "/assets/");
  EXPECT_EQ(router.Dispatch(r).status, 404);
  r = Make(Method::kGet, "/assets/1/extra");
  EXPECT_EQ(router.Dispatch(r).status, 404);
}

TEST(Router, NotFoundAndMethodNotAllowed) {
  Router router;
  router.Get("/assets/{number}", Says("get"));
  router.Post("/assets/{number}", Says("post"));
  router.Delete("/assets/{number}", Says("delete"));

  auto r = Make(Method::kPut, "/assets/1");
  const Response not_allowed = router.Dispatch(r);
  EXPECT_EQ(not_allowed.status, 405);
  EXPECT_EQ(not_allowed.Header("Allow"), "GET, HEAD, POST, DELETE");

  r = Make(Method::kGet, "/nothing");
  EXPECT_EQ(router.Dispatch(r).status, 404);

  router.SetNotFound([](Request&) { return Response::Html("<h1>ありません</h1>", 404); });
  r = Make(Method::kGet, "/nothing");
  EXPECT_EQ(router.Dispatch(r).body, "<h1>ありません</h1>");
}

TEST(Router, HeadIsServedByGetWithoutBody) {
  Router router;
  router.Get("/x", Says("hello"));
  auto r = Make(Method::kHead, "/x");
  const Response response = router.Dispatch(r);
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "");
  EXPECT_EQ(response.Header("Content-Length"), "5");
}

TEST(Router, MiddlewareRunsInOrderAroundEverything) {
  Router router;
  std::vector<std::string> trace;
  router.Use([&](Request& r, const Handler& next) {
    trace.push_back("outer");
    r.context = std::string("user-1");
    Response response = next(r);
    response.Set("X-Outer", "1");
    return response;
  });
  router.Use([&](Request& r, const Handler& next) {
    trace.push_back("inner");
    if (r.path == "/blocked") return Response::Text("no", 403);
    return next(r);
  });
  router.Get("/who", [&](Request& r) {
    trace.push_back("handler");
    return Response::Text(std::any_cast<std::string>(r.context));
  });

  auto r = Make(Method::kGet, "/who");
  const Response who = router.Dispatch(r);
  EXPECT_EQ(who.body, "user-1");
  EXPECT_EQ(who.Header("X-Outer"), "1");
  EXPECT_EQ(trace, (std::vector<std::string>{"outer", "inner", "handler"}));

  r = Make(Method::kGet, "/blocked");
  EXPECT_EQ(router.Dispatch(r).status, 403);
  r = Make(Method::kGet, "/missing");
  const Response missing = router.Dispatch(r);
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.Header("X-Outer"), "1");
}

TEST(Router, ThrowingHandlerGives500SeenByMiddleware) {
  Router router;
  int seen = 0;
  router.Use([&](Request& r, const Handler& next) {
    Response response = next(r);
    seen = response.status;
    return response;
  });
  router.Get("/boom", [](Request&) -> Response { throw std::runtime_error("secret detail"); });
  auto r = Make(Method::kGet, "/boom");
  const Response response = router.Dispatch(r);
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(seen, 500);
  EXPECT_EQ(response.body.find("secret"), std::string::npos);
  EXPECT_NE(response.body.find("内部エラー"), std::string::npos);
}

TEST(Router, BadPatternsAreProgrammerErrors) {
  Router router;
  EXPECT_THROW(router.Get("relative", Says("")), std::invalid_argument);
  EXPECT_THROW(router.Get("/a/{rest*}/b", Says("")), std::invalid_argument);
  EXPECT_THROW(router.Get("/a/x{y}", Says("")), std::invalid_argument);
  EXPECT_THROW(router.Get("/a/{}", Says("")), std::invalid_argument);
}

TEST(Router, RequestBuiltByHandUsesPath) {
  Router router;
  router.Get("/a/{id}", Says("a"));
  Request r;
  r.path = "/a/値";
  EXPECT_EQ(router.Dispatch(r).body, "a id=値");
}

}  // namespace
}  // namespace mamori::http
