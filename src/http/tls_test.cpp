// HTTPS: the same Server with TLS options, a self-signed certificate made by the
// openssl command for this test, and one request through asio's ssl::stream.
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <gtest/gtest.h>

#include "http/server.h"
#include "http/test_client.h"

namespace mamori::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using namespace std::chrono_literals;

class TlsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("mamori-http-tls-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    const std::string command = "openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=localhost -days 1 -keyout '" +
                                (dir_ / "k.pem").string() + "' -out '" + (dir_ / "c.pem").string() +
                                "' >/dev/null 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  ServerOptions TlsOptionsFor() const {
    ServerOptions options = testing::RunningServer::DefaultOptions();
    options.tls = TlsOptions{(dir_ / "c.pem").string(), (dir_ / "k.pem").string()};
    return options;
  }

  std::filesystem::path dir_;
};

Router SecureRouter() {
  Router router;
  router.Get("/hello", [](Request& r) {
    return Response::Text(std::string(r.secure ? "secure " : "plain ") + r.Query("name").value_or(""));
  });
  return router;
}

TEST_F(TlsTest, HttpsRequest) {
  testing::RunningServer server(SecureRouter(), TlsOptionsFor());

  asio::io_context io;
  asio::ssl::context context(asio::ssl::context::tls_client);
  context.set_verify_mode(asio::ssl::verify_none);
  beast::ssl_stream<beast::tcp_stream> stream(io, context);
  beast::get_lowest_layer(stream).expires_after(20s);
  beast::get_lowest_layer(stream).socket().connect(
      asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), server.Port()));

  bhttp::request<bhttp::empty_body> request{bhttp::verb::get, "/hello?name=%E7%9C%8C", 11};
  request.set(bhttp::field::host, "localhost");
  bhttp::response<bhttp::string_body> response;
  beast::flat_buffer buffer;
  beast::error_code result = asio::error::would_block;
  stream.async_handshake(asio::ssl::stream_base::client, [&](beast::error_code ec) {
    if (ec) {
      result = ec;
      return;
    }
    bhttp::async_write(stream, request, [&](beast::error_code wec, std::size_t) {
      if (wec) {
        result = wec;
        return;
      }
      bhttp::async_read(stream, buffer, response, [&](beast::error_code rec, std::size_t) { result = rec; });
    });
  });
  io.run();
  ASSERT_FALSE(result) << result.message();
  EXPECT_EQ(response.result_int(), 200u);
  EXPECT_EQ(response.body(), "secure 県");
}

TEST_F(TlsTest, PlainHttpToTheTlsPortIsRefusedAndTheServerCarriesOn) {
  testing::RunningServer server(SecureRouter(), TlsOptionsFor());
  asio::io_context io;
  testing::Client plain(io, server.Port());
  plain.Send(testing::RawRequest("GET", "/hello"));
  EXPECT_TRUE(plain.ClosedByPeer(10s));
}

TEST_F(TlsTest, MissingCertificateIsAStartError) {
  ServerOptions options = TlsOptionsFor();
  options.tls->certificate_file = (dir_ / "missing.pem").string();
  Server server(options, Router{});
  auto started = server.Start();
  ASSERT_FALSE(started);
  EXPECT_NE(started.error().message.find("missing.pem"), std::string::npos);
}

}  // namespace
}  // namespace mamori::http
