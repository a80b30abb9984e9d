// The server as a client notices it: a real Server on 127.0.0.1, port 0.
#include "http/server.h"

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <regex>
#include <stdexcept>

#include <gtest/gtest.h>

#include "http/static_assets.h"
#include "http/test_client.h"

namespace mamori::http {
namespace {

using namespace std::chrono_literals;
using testing::Client;
using testing::Fetch;
using testing::RawRequest;
using testing::RunningServer;

Router DemoRouter() {
  Router router;
  router.Get("/assets/{number}", [](Request& r) {
    return Response::Text("asset " + r.params.at("number") + " from " + r.remote_address +
                          (r.secure ? " (tls)" : " (plain)"));
  });
  router.Post("/assets/{number}", [](Request& r) { return Response::Text("posted " + r.params.at("number")); });
  router.Get("/files/{path*}", [](Request& r) { return Response::Text("file " + r.params.at("path")); });
  router.Get("/n/{n}", [](Request& r) { return Response::Text(r.params.at("n")); });
  router.Get("/search", [](Request& r) { return Response::Text(r.Query("q").value_or("(none)")); });
  router.Post("/form", [](Request& r) {
    return Response::Text(r.Form("name").value_or("?") + "/" + r.Form("dept").value_or("?"));
  });
  router.Post("/upload", [](Request& r) {
    auto parts = r.MultipartParts();
    if (!parts) return Response::Text(parts.error().ToString(), 400);
    std::string out;
    for (const auto& p : *parts) out += p.name + "|" + p.filename + "|" + p.content_type + "|" + p.data + "\n";
    return Response::Text(out);
  });
  router.Get("/cookies", [](Request& r) {
    Response response = Response::Text("session=" + r.Cookie("session").value_or("(none)"));
    CookieOptions options;
    options.path = "/app";
    options.max_age_seconds = 1800;
    options.http_only = true;
    options.secure = true;
    options.same_site = "Strict";
    response.SetCookie("session", "new-token", options);
    response.ClearCookie("old");
    return response;
  });
  router.Get("/boom", [](Request&) -> Response { throw std::runtime_error("kaboom"); });
  router.Post("/size", [](Request& r) { return Response::Text(std::to_string(r.body.size())); });
  return router;
}

ServerOptions Options(const std::function<void(Limits&)>& adjust = {}) {
  ServerOptions options = RunningServer::DefaultOptions();
  if (adjust) adjust(options.limits);
  return options;
}

TEST(Server, RoutesWithParamsAndRest) {
  RunningServer server(DemoRouter());
  auto asset = Fetch(server.Port(), "GET", "/assets/A-0012");
  EXPECT_EQ(asset.status, 200);
  EXPECT_EQ(asset.body, "asset A-0012 from 127.0.0.1 (plain)");
  EXPECT_EQ(asset.Header("content-type"), "text/plain; charset=utf-8");
  EXPECT_EQ(asset.Header("content-length"), std::to_string(asset.body.size()));
  EXPECT_TRUE(std::regex_match(asset.Header("date"),
                               std::regex("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT")));
  EXPECT_EQ(Fetch(server.Port(), "POST", "/assets/7").body, "posted 7");
  EXPECT_EQ(Fetch(server.Port(), "GET", "/files/a/b/%E5%8F%B0%E5%B8%B3.csv").body, "file a/b/台帳.csv");
}

TEST(Server, NotFoundAndMethodNotAllowed) {
  RunningServer server(DemoRouter());
  auto missing = Fetch(server.Port(), "GET", "/nowhere");
  EXPECT_EQ(missing.status, 404);
  EXPECT_NE(missing.body.find("見つかりません"), std::string::npos);
  auto wrong = Fetch(server.Port(), "DELETE", "/assets/1");
  EXPECT_EQ(wrong.status, 405);
  EXPECT_EQ(wrong.Header("allow"), "GET, HEAD, POST");
}

TEST(Server, HeadHasGetsHeadersButNoBody) {
  RunningServer server(DemoRouter());
  boost::asio::io_context io;
  Client client(io, server.Port());
  auto head = client.Request("HEAD", "/n/12345");
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.Header("content-length"), "5");
  EXPECT_EQ(head.body, "");
  // Had a body been sent, it would be read as the next response and fail.
  EXPECT_EQ(client.Request("GET", "/n/after").body, "after");
}

TEST(Server, QueryAndFormValuesInJapanese) {
  RunningServer server(DemoRouter());
  EXPECT_EQ(Fetch(server.Port(), "GET", "/search?q=%E6%83%85%E5%A0%B1%E8%B3%87%E7%94%A3+%E5%8F%B0%E5%B8%B3").body,
            "情報資産 台帳");
  auto form = Fetch(server.Port(), "POST", "/form",
                    {{"Content-Type", "application/x-www-form-urlencoded"}},
                    "name=%E5%B1%B1%E7%94%B0%E3%80%80%E8%8A%B1%E5%AD%90&dept=%E6%83%85%E5%A0%B1%E6%94%BF%E7%AD%96%E8%AA%B2");
  EXPECT_EQ(form.body, "山田　花子/情報政策課");
}

TEST(Server, MultipartUploadWithAJapaneseFilename) {
  RunningServer server(DemoRouter());
  const std::string boundary = "----WebKitFormBoundaryAbC123";
  const std::string file = "資産番号,名称,管理課\r\nA-1,庁内LAN端末,総務課\r\n";
  const std::string body = "--" + boundary +
                           "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n端末\r\n--" + boundary +
                           "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"資産台帳（令和6年度）.csv\"\r\n"
                           "Content-Type: text/csv\r\n\r\n" + file + "\r\n--" + boundary + "--\r\n";
  auto response = Fetch(server.Port(), "POST", "/upload",
                        {{"Content-Type", "multipart/form-data; boundary=" + boundary}}, body);
  EXPECT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.body, "kind|||端末\nfile|資産台帳（令和6年度）.csv|text/csv|" + file + "\n");

  auto broken = Fetch(server.Port(), "POST", "/upload", {{"Content-Type", "multipart/form-data; boundary=x"}},
                      "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end");
  EXPECT_EQ(broken.status, 400);
  EXPECT_NE(broken.body.find("バイト位置"), std::string::npos) << broken.body;
}

TEST(Server, CookiesInAndSetCookieOut) {
  RunningServer server(DemoRouter());
  auto response = Fetch(server.Port(), "GET", "/cookies", {{"Cookie", "theme=dark; session=abc123"}});
  EXPECT_EQ(response.body, "session=abc123");
  EXPECT_EQ(response.Headers("set-cookie"),
            (std::vector<std::string>{
                "session=new-token; Path=/app; Max-Age=1800; HttpOnly; Secure; SameSite=Strict",
                "old=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax"}));
}

TEST(Server, TooLargeHeaderIs431AndClosed) {
  RunningServer server(DemoRouter(), Options([](Limits& l) { l.header_bytes = 1024; }));
  boost::asio::io_context io;
  Client client(io, server.Port());
  client.Send(RawRequest("GET", "/n/1", {{"X-Big", std::string(4000, 'x')}}));
  auto response = client.Read();
  EXPECT_EQ(response.status, 431);
  EXPECT_EQ(response.Header("connection"), "close");
  EXPECT_TRUE(client.ClosedByPeer(5s));
  // A header within the limit is fine.
  EXPECT_EQ(Fetch(server.Port(), "GET", "/n/1", {{"X-Small", std::string(200, 'x')}}).status, 200);
}

TEST(Server, TooLargeBodyIs413AndTheConnectionIsClosed) {
  RunningServer server(DemoRouter(), Options([](Limits& l) { l.body_bytes = 1024; }));
  {  // Content-Length over the limit: refused before the body is read.
    boost::asio::io_context io;
    Client client(io, server.Port());
    client.Send(RawRequest("POST", "/size", {}, std::string(200'000, 'b')));
    auto response = client.Read();
    EXPECT_EQ(response.status, 413);
    EXPECT_NE(response.body.find("大きすぎます"), std::string::npos);
    EXPECT_TRUE(client.ClosedByPeer(5s));
  }
  {  // Chunked: noticed while reading.
    boost::asio::io_context io;
    Client client(io, server.Port());
    std::string chunked = "POST /size HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (int i = 0; i < 8; ++i) chunked += "200\r\n" + std::string(512, 'c') + "\r\n";
    chunked += "0\r\n\r\n";
    client.Send(chunked);
    EXPECT_EQ(client.Read().status, 413);
    EXPECT_TRUE(client.ClosedByPeer(5s));
  }
  EXPECT_EQ(Fetch(server.Port(), "POST", "/size", {}, std::string(1024, 'b')).body, "1024");
}

// A raw socket, so that the test can see the server close while it is still sending.
int ConnectRaw(unsigned short port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    throw std::runtime_error("connect failed");
  }
  return fd;
}

// True when the peer has closed (end of stream or reset) within `wait`.
bool PeerClosed(int fd, std::chrono::milliseconds wait) {
  pollfd p{fd, POLLIN, 0};
  if (::poll(&p, 1, static_cast<int>(wait.count())) <= 0) return false;
  char scratch[256];
  const ssize_t n = ::recv(fd, scratch, sizeof scratch, MSG_DONTWAIT);
  return n <= 0;
}

TEST(Server, SlowlorisIsDisconnectedAfterTheReadTimeout) {
  RunningServer server(DemoRouter(), Options([](Limits& l) { l.read_timeout = 1500ms; }));
  const std::string request = RawRequest("GET", "/n/1", {{"X-Padding", std::string(40, 'p')}});
  const int fd = ConnectRaw(server.Port());
  const auto start = std::chrono::steady_clock::now();
  bool closed = false;
  std::size_t sent = 0;
  while (sent < request.size() && std::chrono::steady_clock::now() - start < 20s) {
    if (::send(fd, request.data() + sent, 1, MSG_NOSIGNAL) != 1) {
      closed = true;
      break;
    }
    ++sent;
    if (PeerClosed(fd, 500ms)) {  // one byte every half second
      closed = true;
      break;
    }
  }
  const auto elapsed = std::chrono::steady_clock::now() - start;
  ::close(fd);
  EXPECT_TRUE(closed);
  EXPECT_LT(sent, request.size());
  EXPECT_GE(elapsed, 1s);
  EXPECT_LT(elapsed, 10s);
  EXPECT_EQ(Fetch(server.Port(), "GET", "/n/ok").body, "ok");
}

TEST(Server, IdleKeepAliveConnectionsDoNotDelayOthers) {
  RunningServer server(DemoRouter());
  boost::asio::io_context io;
  std::vector<std::unique_ptr<Client>> idle;
  for (int i = 0; i < 200; ++i) {
    idle.push_back(std::make_unique<Client>(io, server.Port()));
    ASSERT_EQ(idle.back()->Request("GET", "/n/" + std::to_string(i)).status, 200);
  }
  std::vector<int> silent;  // connected, never sent a byte
  for (int i = 0; i < 20; ++i) silent.push_back(ConnectRaw(server.Port()));
  EXPECT_GE(server.server().ConnectionCount(), 200u);

  boost::asio::io_context other_io;
  Client fresh(other_io, server.Port());
  fresh.Send(RawRequest("GET", "/n/fresh"), 30s);
  EXPECT_EQ(fresh.Read(false, 30s).body, "fresh");
  // The idle ones are still usable.
  EXPECT_EQ(idle.front()->Request("GET", "/n/again").body, "again");
  for (const int fd : silent) ::close(fd);
}

TEST(Server, PipelinedRequestsAreAnsweredInOrder) {
  RunningServer server(DemoRouter());
  boost::asio::io_context io;
  Client client(io, server.Port());
  client.Send(RawRequest("GET", "/n/first") + RawRequest("HEAD", "/n/second") + RawRequest("GET", "/n/third") +
              RawRequest("POST", "/size", {}, "12345"));
  EXPECT_EQ(client.Read().body, "first");
  auto head = client.Read(true);
  EXPECT_EQ(head.Header("content-length"), "6");
  EXPECT_EQ(client.Read().body, "third");
  EXPECT_EQ(client.Read().body, "5");
}

TEST(Server, ThrowingHandlerGives500AndTheServerKeepsServing) {
  RunningServer server(DemoRouter());
  boost::asio::io_context io;
  Client client(io, server.Port());
  auto boom = client.Request("GET", "/boom");
  EXPECT_EQ(boom.status, 500);
  EXPECT_NE(boom.body.find("内部エラー"), std::string::npos);
  EXPECT_EQ(boom.body.find("kaboom"), std::string::npos);
  EXPECT_EQ(client.Request("GET", "/n/still").body, "still");
  EXPECT_EQ(Fetch(server.Port(), "GET", "/n/new").body, "new");
}

TEST(Server, StaticAssetsWithHashedUrlsAndEtags) {
  StaticAssets assets;
  assets.Add("htmx.min.js", "htmx.version=\"1.9\";");
  Router router = DemoRouter();
  assets.Mount(router);
  RunningServer server(std::move(router));
  const std::string url = assets.Url("htmx.min.js");
  auto ok = Fetch(server.Port(), "GET", url);
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.body, "htmx.version=\"1.9\";");
  EXPECT_EQ(ok.Header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(ok.Header("cache-control"), "public, max-age=31536000, immutable");
  const std::string etag = ok.Header("etag");
  ASSERT_FALSE(etag.empty());

  boost::asio::io_context io;
  Client client(io, server.Port());
  auto cached = client.Request("GET", url, {{"If-None-Match", etag}});
  EXPECT_EQ(cached.status, 304);
  EXPECT_EQ(cached.body, "");
  EXPECT_EQ(cached.Header("etag"), etag);
  EXPECT_EQ(client.Request("GET", "/static/htmx.min.js").status, 404);
}

TEST(Server, ConnectionCloseAndHttp10AreHonoured) {
  RunningServer server(DemoRouter());
  {
    boost::asio::io_context io;
    Client client(io, server.Port());
    auto response = client.Request("GET", "/n/1", {{"Connection", "close"}});
    EXPECT_EQ(response.Header("connection"), "close");
    EXPECT_TRUE(client.ClosedByPeer(5s));
  }
  {
    boost::asio::io_context io;
    Client client(io, server.Port());
    client.Send("GET /n/old HTTP/1.0\r\n\r\n");
    EXPECT_EQ(client.Read().body, "old");
    EXPECT_TRUE(client.ClosedByPeer(5s));
  }
}

TEST(Server, ExpectContinue) {
  RunningServer server(DemoRouter());
  boost::asio::io_context io;
  Client client(io, server.Port());
  client.Send("POST /size HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n");
  EXPECT_EQ(client.Read().status, 100);
  client.Send("abc");
  EXPECT_EQ(client.Read().body, "3");
}

TEST(Server, MalformedRequestIs400) {
  RunningServer server(DemoRouter());
  boost::asio::io_context io;
  Client client(io, server.Port());
  client.Send("GET /n/1 HTTP/1.1\r\nBad Header Line\r\n\r\n");
  EXPECT_EQ(client.Read().status, 400);
  EXPECT_TRUE(client.ClosedByPeer(5s));
}

TEST(Server, IdleKeepAliveConnectionIsClosedAfterIdleTimeout) {
  RunningServer server(DemoRouter(), Options([](Limits& l) { l.idle_timeout = 300ms; }));
  boost::asio::io_context io;
  Client client(io, server.Port());
  EXPECT_EQ(client.Request("GET", "/n/1").status, 200);
  EXPECT_TRUE(client.ClosedByPeer(10s));
}

TEST(Server, ConnectionsOverTheLimitAreClosed) {
  RunningServer server(DemoRouter(), Options([](Limits& l) { l.max_connections = 1; }));
  boost::asio::io_context io;
  Client first(io, server.Port());
  EXPECT_EQ(first.Request("GET", "/n/1").status, 200);
  Client second(io, server.Port());
  EXPECT_TRUE(second.ClosedByPeer(5s));
  EXPECT_EQ(first.Request("GET", "/n/2").body, "2");
}

TEST(Server, StartNamesTheAddressWhenThePortIsInUse) {
  RunningServer first(DemoRouter());
  ServerOptions options = RunningServer::DefaultOptions();
  options.port = first.Port();
  Server second(options, DemoRouter());
  auto started = second.Start();
  ASSERT_FALSE(started);
  EXPECT_NE(started.error().message.find("127.0.0.1:" + std::to_string(first.Port())), std::string::npos);
  EXPECT_NE(started.error().message.find("使用中です"), std::string::npos) << started.error().message;

  ServerOptions bad = RunningServer::DefaultOptions();
  bad.address = "not an address";
  EXPECT_FALSE(Server(bad, Router{}).Start());
}

TEST(Server, StopClosesOpenConnectionsAndRunReturns) {
  Router router = DemoRouter();
  Server server(RunningServer::DefaultOptions(), std::move(router));
  ASSERT_TRUE(server.Start());
  std::thread runner([&] { server.Run(); });
  boost::asio::io_context io;
  Client client(io, server.Port());
  EXPECT_EQ(client.Request("GET", "/n/1").status, 200);
  server.Stop();
  runner.join();
  EXPECT_TRUE(client.ClosedByPeer(5s));
}

TEST(Server, StopFromAHandler) {
  Server* self = nullptr;
  Router router;
  router.Post("/shutdown", [&self](Request&) {
    self->Stop();
    return Response::Text("bye");
  });
  Server server(RunningServer::DefaultOptions(), std::move(router));
  self = &server;
  ASSERT_TRUE(server.Start());
  std::thread runner([&] { server.Run(); });
  boost::asio::io_context io;
  Client client(io, server.Port());
  client.Send(RawRequest("POST", "/shutdown"));
  runner.join();  // returns: the test would hang otherwise
  SUCCEED();
}

}  // namespace
}  // namespace mamori::http
