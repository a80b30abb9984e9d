// One connection's life:
//
//   [TLS handshake] → read request ─→ dispatch → write ─→ wait idle ─┐
//                        ↑   (header, 100-continue, body)            │
//                        └──────────────── keep-alive ───────────────┘
//
// Deadlines (beast::tcp_stream timers, which close the socket when they fire):
// a request must arrive completely within read_timeout of its first byte (or of
// the connection's start); between keep-alive requests the connection may idle
// for idle_timeout; each response must be written within write_timeout.
// Requests are read one at a time, so pipelined requests are answered in order.
#include "http/connection.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <type_traits>

#include <boost/asio/ssl/stream.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <spdlog/spdlog.h>

#include "http/beast_message.h"
#include "http/header_value.h"
#include "http/messages.h"

namespace mamori::http::detail {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using error_code = beast::error_code;

constexpr std::size_t kIdleReadBytes = 4096;
constexpr std::size_t kDrainBytes = 4 * 1024 * 1024;  // discarded at most after an error response
constexpr std::chrono::milliseconds kMaxLinger{3000};

using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

template <class Stream>
class Connection final : public ConnectionBase, public std::enable_shared_from_this<Connection<Stream>> {
 public:
  static constexpr bool kTls = std::is_same_v<Stream, TlsStream>;

  template <class... StreamArgs>
  Connection(ServerState& state, std::string remote, StreamArgs&&... args)
      : state_(state),
        remote_(std::move(remote)),
        stream_(std::forward<StreamArgs>(args)...),
        buffer_(state.limits.header_bytes + 64 * 1024) {
    ++state_.connections;
  }

  ~Connection() override {
    state_.Unregister(id_);
    --state_.connections;
  }

  void Begin() {
    id_ = state_.Register(this->weak_from_this());
    Lowest().expires_after(state_.limits.read_timeout);
    if constexpr (kTls) {
      stream_.async_handshake(asio::ssl::stream_base::server,
                              [self = this->shared_from_this()](error_code ec) { self->OnHandshake(ec); });
    } else {
      ReadRequest();
    }
  }

  void Close() override {
    error_code ignored;
    Lowest().socket().close(ignored);
  }

 private:
  beast::tcp_stream& Lowest() { return beast::get_lowest_layer(stream_); }

  void OnHandshake(error_code ec) {
    if (ec) return Quit(ec, "TLS ハンドシェイク");
    ReadRequest();
  }

  // Keep-alive: wait for the next request's first byte without a request deadline.
  void WaitForRequest() {
    if (buffer_.size() > 0) return ReadRequest();  // pipelined: already here
    Lowest().expires_after(state_.limits.idle_timeout);
    stream_.async_read_some(buffer_.prepare(kIdleReadBytes),
                            [self = this->shared_from_this()](error_code ec, std::size_t n) {
                              if (ec) return self->Quit(ec, "待機");
                              self->buffer_.commit(n);
                              self->ReadRequest();
                            });
  }

  void ReadRequest() {
    if (state_.stopping) return Close();
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(std::min<std::size_t>(state_.limits.header_bytes, UINT32_MAX)));
    parser_->body_limit(state_.limits.body_bytes);
    Lowest().expires_after(state_.limits.read_timeout);
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             [self = this->shared_from_this()](error_code ec, std::size_t) { self->OnHeader(ec); });
  }

  void OnHeader(error_code ec) {
    if (ec) return OnReadError(ec);
    const auto& message = parser_->get();
    const auto expect = message[bhttp::field::expect];
    if (EqualsIgnoreCase(expect, "100-continue") && message.version() >= 11 && !parser_->is_done()) {
      continue_.emplace(bhttp::status::continue_, message.version());
      bhttp::async_write(stream_, *continue_, [self = this->shared_from_this()](error_code wec, std::size_t) {
        if (wec) return self->Quit(wec, "100 Continue の送信");
        self->ReadBody();
      });
      return;
    }
    ReadBody();
  }

  void ReadBody() {
    if (parser_->is_done()) return Handle();
    bhttp::async_read(stream_, buffer_, *parser_, [self = this->shared_from_this()](error_code ec, std::size_t) {
      if (ec) return self->OnReadError(ec);
      self->Handle();
    });
  }

  void OnReadError(error_code ec) {
    if (ec == bhttp::error::header_limit || ec == bhttp::error::buffer_overflow) return SendError(431);
    if (ec == bhttp::error::body_limit) return SendError(413);
    if (&ec.category() == &bhttp::make_error_code(bhttp::error::bad_method).category() &&
        ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message) {
      return SendError(400);
    }
    Quit(ec, "受信");
  }

  void Handle() {
    BeastRequest message = parser_->release();
    const bool head = message.method() == bhttp::verb::head;
    const unsigned version = message.version();
    bool keep_alive = message.keep_alive() && !state_.stopping;
    try {
      Request request = ToRequest(message, remote_, kTls);
      Response response = state_.router.Dispatch(request);
      if (EqualsIgnoreCase(response.Header("Connection"), "close")) keep_alive = false;
      response_.emplace(ToBeast(std::move(response), version, keep_alive, head));
    } catch (const std::exception& e) {
      spdlog::error("http: 応答を作れませんでした: {}", e.what());
      keep_alive = false;
      response_.emplace(ToBeast(StatusResponse(500), version, false, head));
    }
    Write(!keep_alive || response_->need_eof());
  }

  // An error response to a request that could not be read; the connection is closed after it.
  void SendError(int status) {
    const unsigned version = parser_ && parser_->is_header_done() ? parser_->get().version() : 11;
    response_.emplace(ToBeast(StatusResponse(status), version, false, false));
    Write(true);
  }

  void Write(bool close_after) {
    Lowest().expires_after(state_.limits.write_timeout);
    bhttp::async_write(stream_, *response_,
                       [self = this->shared_from_this(), close_after](error_code ec, std::size_t) {
                         self->response_.reset();
                         if (ec) return self->Quit(ec, "送信");
                         if (close_after) return self->Shutdown();
                         self->WaitForRequest();
                       });
  }

  // Graceful close: the peer gets the whole response and then end of stream.
  void Shutdown() {
    Lowest().expires_after(std::min(state_.limits.write_timeout, kMaxLinger));
    if constexpr (kTls) {
      stream_.async_shutdown([self = this->shared_from_this()](error_code) { self->Close(); });
    } else {
      error_code ignored;
      Lowest().socket().shutdown(tcp::socket::shutdown_send, ignored);
      Linger();
    }
  }

  // Reads and discards what the peer still sends (e.g. the rest of a body that
  // was too large) until it closes, so that closing does not reset the
  // connection before the response has been read.
  void Linger() {
    if (drained_ >= kDrainBytes) return Close();
    Lowest().async_read_some(asio::buffer(drain_), [self = this->shared_from_this()](error_code ec, std::size_t n) {
      self->drained_ += n;
      if (ec) return self->Close();
      self->Linger();
    });
  }

  void Quit(error_code ec, const char* during) {
    if (ec != asio::error::eof && ec != bhttp::error::end_of_stream && ec != asio::error::operation_aborted &&
        ec != beast::error::timeout) {
      spdlog::debug("http: {} との接続を閉じます ({}: {})", remote_, during, ec.message());
    }
    Close();
  }

  ServerState& state_;
  std::uint64_t id_ = 0;
  std::string remote_;
  Stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::optional<bhttp::response<bhttp::empty_body>> continue_;
  std::optional<BeastResponse> response_;
  std::array<char, 16 * 1024> drain_{};
  std::size_t drained_ = 0;
};

}  // namespace

void StartConnection(ServerState& state, tcp::socket socket, asio::ssl::context* tls) {
  error_code ec;
  socket.set_option(tcp::no_delay(true), ec);
  const auto endpoint = socket.remote_endpoint(ec);
  std::string remote;
  if (!ec) {
    auto address = endpoint.address();
    // A dual-stack listener ("::") sees IPv4 clients as ::ffff:a.b.c.d; show them as a.b.c.d.
    if (address.is_v6() && address.to_v6().is_v4_mapped()) {
      address = asio::ip::make_address_v4(asio::ip::v4_mapped, address.to_v6());
    }
    remote = address.to_string();
  }
  if (tls != nullptr) {
    std::make_shared<Connection<TlsStream>>(state, std::move(remote), std::move(socket), *tls)->Begin();
  } else {
    std::make_shared<Connection<PlainStream>>(state, std::move(remote), std::move(socket))->Begin();
  }
}

}  // namespace mamori::http::detail
