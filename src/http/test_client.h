// Test support: a real Server on 127.0.0.1 (port 0) in a background thread, and
// a small Beast client whose every operation has a deadline, so that a broken
// server fails a test instead of hanging it.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>

#include "http/server.h"

namespace mamori::http::testing {

using namespace std::chrono_literals;

class RunningServer {
 public:
  explicit RunningServer(Router router, ServerOptions options = DefaultOptions());
  ~RunningServer();
  RunningServer(const RunningServer&) = delete;
  RunningServer& operator=(const RunningServer&) = delete;

  [[nodiscard]] unsigned short Port() const { return server_.Port(); }
  Server& server() { return server_; }

  static ServerOptions DefaultOptions();  // 127.0.0.1, port 0, 2 threads

 private:
  Server server_;
  std::thread thread_;
};

struct ClientResponse {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;
  [[nodiscard]] std::string Header(std::string_view lower_name) const;  // "" when absent
  [[nodiscard]] std::vector<std::string> Headers(std::string_view lower_name) const;
};

class Client {
 public:
  Client(boost::asio::io_context& io, unsigned short port);
  // Raw bytes, as they are.
  void Send(std::string_view bytes, std::chrono::milliseconds deadline = 10s);
  // One response; `head` when it answers a HEAD request (no body follows).
  ClientResponse Read(bool head = false, std::chrono::milliseconds deadline = 10s);
  // Send a request (HTTP/1.1, Host, Content-Length added) and read its response.
  ClientResponse Request(std::string_view method, std::string_view target,
                         const std::vector<std::pair<std::string, std::string>>& headers = {},
                         std::string_view body = {});
  // True when the server closes the connection (end of stream or reset) within
  // `deadline`; anything it sends meanwhile is discarded.
  bool ClosedByPeer(std::chrono::milliseconds deadline);
  // Whether the last Send failed because the server had closed the connection.
  [[nodiscard]] bool send_failed() const { return send_failed_; }

 private:
  boost::asio::io_context& io_;
  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  bool send_failed_ = false;
};

// A complete request as bytes.
std::string RawRequest(std::string_view method, std::string_view target,
                       const std::vector<std::pair<std::string, std::string>>& headers = {},
                       std::string_view body = {});

// One request on a new connection.
ClientResponse Fetch(unsigned short port, std::string_view method, std::string_view target,
                     const std::vector<std::pair<std::string, std::string>>& headers = {},
                     std::string_view body = {});

}  // namespace mamori::http::testing
