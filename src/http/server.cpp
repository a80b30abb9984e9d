#include "http/server.h"

#include <algorithm>
#include <chrono>
#include <thread>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "http/connection.h"
#include "http/server_state.h"

namespace mamori::http {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using error_code = boost::system::error_code;

std::string Why(const error_code& ec) {
  if (ec == asio::error::address_in_use) return "ポートは既に使用中です";
  if (ec == asio::error::access_denied) return "権限がありません (1024 未満のポートには特別な権限が必要です)";
  if (ec == asio::error::address_family_not_supported) return "このアドレスの種類 (IPv4/IPv6) は使えません";
  if (ec == boost::system::errc::address_not_available) {
    return "このアドレスはこのコンピューターのものではありません";
  }
  return ec.message();
}

std::string HostPort(const std::string& address, unsigned short port) {
  return address.find(':') != std::string::npos ? fmt::format("[{}]:{}", address, port)
                                                 : fmt::format("{}:{}", address, port);
}

}  // namespace

struct Server::Impl {
  Impl(ServerOptions o, Router r) : options(std::move(o)), state(std::move(r), options.limits) {}

  // Order matters: connections (owned by handlers inside io) refer to state and tls.
  ServerOptions options;
  detail::ServerState state;
  std::optional<asio::ssl::context> tls;
  asio::io_context io;
  tcp::acceptor acceptor{asio::make_strand(io)};
  asio::steady_timer accept_retry{acceptor.get_executor()};
  asio::executor_work_guard<asio::io_context::executor_type> work{io.get_executor()};
  unsigned short port = 0;
  std::chrono::steady_clock::time_point last_limit_warning{};  // only touched on the acceptor's strand

  Result<void> LoadTls(const TlsOptions& files) {
    tls.emplace(asio::ssl::context::tls_server);
    tls->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                     asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                     asio::ssl::context::no_tlsv1_1 | asio::ssl::context::single_dh_use);
    SSL_CTX_set_options(tls->native_handle(), SSL_OP_NO_RENEGOTIATION);
    error_code ec;
    tls->use_certificate_chain_file(files.certificate_file, ec);
    if (ec) {
      return Fail(ErrorCode::kIo, fmt::format("TLS 証明書 {} を読み込めません: {}", files.certificate_file, ec.message()));
    }
    tls->use_private_key_file(files.private_key_file, asio::ssl::context::pem, ec);
    if (ec) {
      return Fail(ErrorCode::kIo, fmt::format("TLS 秘密鍵 {} を読み込めません: {}", files.private_key_file, ec.message()));
    }
    if (SSL_CTX_check_private_key(tls->native_handle()) != 1) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("TLS 秘密鍵 {} が証明書 {} と対になっていません", files.private_key_file,
                              files.certificate_file));
    }
    return {};
  }

  Result<tcp::endpoint> Resolve() {
    error_code ec;
    const auto address = asio::ip::make_address(options.address, ec);
    if (!ec) return tcp::endpoint(address, options.port);
    tcp::resolver resolver(io);
    const auto results = resolver.resolve(options.address, std::to_string(options.port), ec);
    if (ec || results.empty()) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("待ち受けアドレス「{}」が分かりません: {}", options.address,
                              ec ? ec.message() : std::string("該当なし")));
    }
    return results.begin()->endpoint();
  }

  Result<void> Listen() {
    auto endpoint = Resolve();
    if (!endpoint) return Fail(endpoint.error());
    const auto where = HostPort(options.address, options.port);
    error_code ec;
    acceptor.open(endpoint->protocol(), ec);
    if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor.bind(*endpoint, ec);
    if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
      error_code ignored;
      acceptor.close(ignored);
      return Fail(ErrorCode::kIo, fmt::format("{} で待ち受けできません: {}", where, Why(ec)));
    }
    port = acceptor.local_endpoint(ec).port();
    return {};
  }

  void Accept() {
    acceptor.async_accept(asio::make_strand(io), [this](error_code ec, tcp::socket socket) {
      if (ec == asio::error::operation_aborted || !acceptor.is_open()) return;
      if (ec) {
        // E.g. out of file descriptors: try again shortly rather than spin.
        spdlog::warn("http: 接続を受け付けられません: {}", ec.message());
        accept_retry.expires_after(std::chrono::milliseconds(100));
        accept_retry.async_wait([this](error_code wait_ec) {
          if (!wait_ec) Accept();
        });
        return;
      }
      if (state.connections.load() >= state.limits.max_connections) {
        // At most one line a second: under a flood the log must not become the bottleneck.
        const auto now = std::chrono::steady_clock::now();
        if (now - last_limit_warning >= std::chrono::seconds(1)) {
          last_limit_warning = now;
          spdlog::warn("http: 接続数が上限 ({}) に達したため新しい接続を閉じました", state.limits.max_connections);
        }
        error_code ignored;
        socket.close(ignored);
      } else {
        detail::StartConnection(state, std::move(socket), tls ? &*tls : nullptr);
      }
      Accept();
    });
  }

  void CloseEverything() {
    error_code ignored;
    acceptor.close(ignored);
    accept_retry.cancel();
    state.CloseAll();
  }
};

Server::Server(ServerOptions options, Router router)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(router))) {}

Server::~Server() {
  Stop();
  impl_->CloseEverything();
}

Result<void> Server::Start() {
  if (impl_->options.tls) {
    if (auto loaded = impl_->LoadTls(*impl_->options.tls); !loaded) return loaded;
  }
  if (auto listening = impl_->Listen(); !listening) return listening;
  impl_->Accept();
  spdlog::info("http: {}://{} で待ち受けています", impl_->options.tls ? "https" : "http",
               HostPort(impl_->options.address, impl_->port));
  return {};
}

unsigned short Server::Port() const { return impl_->port; }

void Server::Run() {
  unsigned count = impl_->options.threads;
  if (count == 0) count = std::max(1u, std::thread::hardware_concurrency());
  auto loop = [this] {
    for (;;) {
      try {
        impl_->io.run();
        return;
      } catch (const std::exception& e) {
        spdlog::error("http: io スレッドで例外: {}", e.what());
      }
    }
  };
  std::vector<std::thread> threads;
  threads.reserve(count - 1);
  for (unsigned i = 1; i < count; ++i) threads.emplace_back(loop);
  loop();
  for (auto& t : threads) t.join();
  impl_->CloseEverything();
}

void Server::Stop() {
  impl_->state.stopping = true;
  impl_->io.stop();  // run() returns on every io thread, work or not
}

std::size_t Server::ConnectionCount() const { return impl_->state.connections.load(); }

}  // namespace mamori::http
