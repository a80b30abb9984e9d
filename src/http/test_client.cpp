#include "http/test_client.h"

#include <stdexcept>

#include <boost/asio/connect.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http.hpp>
#include <fmt/format.h>

#include "http/header_value.h"

namespace mamori::http::testing {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

ServerOptions RunningServer::DefaultOptions() {
  ServerOptions options;
  options.address = "127.0.0.1";
  options.port = 0;
  options.threads = 2;
  return options;
}

RunningServer::RunningServer(Router router, ServerOptions options) : server_(std::move(options), std::move(router)) {
  auto started = server_.Start();
  if (!started) throw std::runtime_error(started.error().ToString());
  thread_ = std::thread([this] { server_.Run(); });
}

RunningServer::~RunningServer() {
  server_.Stop();
  thread_.join();
}

std::string ClientResponse::Header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_name) return value;
  }
  return {};
}

std::vector<std::string> ClientResponse::Headers(std::string_view lower_name) const {
  std::vector<std::string> out;
  for (const auto& [name, value] : headers) {
    if (name == lower_name) out.push_back(value);
  }
  return out;
}

Client::Client(asio::io_context& io, unsigned short port) : io_(io), stream_(io) {
  stream_.socket().connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
}

void Client::Send(std::string_view bytes, std::chrono::milliseconds deadline) {
  beast::error_code result;
  stream_.expires_after(deadline);
  asio::async_write(stream_, asio::buffer(bytes.data(), bytes.size()),
                    [&result](beast::error_code ec, std::size_t) { result = ec; });
  io_.restart();
  io_.run();
  send_failed_ = static_cast<bool>(result);
}

ClientResponse Client::Read(bool head, std::chrono::milliseconds deadline) {
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(256 * 1024 * 1024);
  parser.skip(head);
  beast::error_code result;
  stream_.expires_after(deadline);
  bhttp::async_read(stream_, buffer_, parser, [&result](beast::error_code ec, std::size_t) { result = ec; });
  io_.restart();
  io_.run();
  if (result) throw std::runtime_error("reading the response: " + result.message());
  ClientResponse out;
  const auto& message = parser.get();
  out.status = static_cast<int>(message.result_int());
  for (const auto& field : message) out.headers.emplace_back(ToLower(field.name_string()), std::string(field.value()));
  out.body = message.body();
  return out;
}

ClientResponse Client::Request(std::string_view method, std::string_view target,
                               const std::vector<std::pair<std::string, std::string>>& headers,
                               std::string_view body) {
  Send(RawRequest(method, target, headers, body));
  return Read(method == "HEAD");
}

bool Client::ClosedByPeer(std::chrono::milliseconds deadline) {
  stream_.expires_after(deadline);
  bool closed = false;
  bool done = false;
  std::array<char, 4096> scratch{};
  std::function<void()> read_more = [&] {
    stream_.async_read_some(asio::buffer(scratch), [&](beast::error_code ec, std::size_t) {
      if (ec) {
        closed = ec != beast::error::timeout;
        done = true;
        return;
      }
      read_more();
    });
  };
  if (buffer_.size() > 0) buffer_.consume(buffer_.size());
  read_more();
  io_.restart();
  io_.run();
  return done && closed;
}

std::string RawRequest(std::string_view method, std::string_view target,
                       const std::vector<std::pair<std::string, std::string>>& headers, std::string_view body) {
  std::string out = fmt::format("{} {} HTTP/1.1\r\nHost: 127.0.0.1\r\n", method, target);
  for (const auto& [name, value] : headers) out += fmt::format("{}: {}\r\n", name, value);
  if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH") {
    out += fmt::format("Content-Length: {}\r\n", body.size());
  }
  out += "\r\n";
  out += body;
  return out;
}

ClientResponse Fetch(unsigned short port, std::string_view method, std::string_view target,
                     const std::vector<std::pair<std::string, std::string>>& headers, std::string_view body) {
  asio::io_context io;
  Client client(io, port);
  return client.Request(method, target, headers, body);
}

}  // namespace mamori::http::testing
