// The HTTP/1.1 server (Boost.Beast, optionally TLS through OpenSSL).
//
// Every connection is asynchronous and runs on its own strand over a small pool
// of io threads, so a connection that waits costs no thread and never delays
// another. Handlers run synchronously on those threads: keep them short.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "common/error.h"
#include "http/router.h"

namespace mamori::http {

struct Limits {
  std::size_t header_bytes = 16 * 1024;       // request line + headers → 431
  std::size_t body_bytes = 32 * 1024 * 1024;  // → 413
  std::chrono::milliseconds read_timeout{10'000};  // whole request (headers + body) from its first byte → closed
  std::chrono::milliseconds idle_timeout{60'000};  // keep-alive connection without a request → closed
  std::chrono::milliseconds write_timeout{30'000};
  std::size_t max_connections = 10'000;  // further connections are closed at once
};

struct TlsOptions {
  std::string certificate_file;  // PEM, the chain (server certificate first)
  std::string private_key_file;  // PEM
};

struct ServerOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;  // 0 = any free port (see Server::Port)
  unsigned threads = 0;        // 0 = hardware concurrency
  Limits limits;
  std::optional<TlsOptions> tls;  // set: every connection speaks TLS (1.2 or later)
};

class Server {
 public:
  Server(ServerOptions options, Router router);
  ~Server();  // stops; Run() must have returned (join its thread first)
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Loads the TLS files, binds and listens. Errors name address:port and why
  // ("127.0.0.1:8080 で待ち受けできません: ポートは既に使用中です").
  Result<void> Start();
  [[nodiscard]] unsigned short Port() const;  // the bound port (useful with port 0)
  // Runs the io threads (the calling thread is one of them) until Stop().
  // Returns after every listener and connection is closed.
  void Run();
  // Thread-safe, also from a handler. Closes listeners and connections.
  void Stop();
  // Open connections now (for monitoring and tests).
  [[nodiscard]] std::size_t ConnectionCount() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace mamori::http
