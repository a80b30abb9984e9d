#include "net/monitor/sources.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "net/watch/pcap.h"

namespace mamori::net::monitor {
namespace {

constexpr std::size_t kReadBlock = 1 << 20;

// Feeds whole lines to the parser and the monitor.
class LineFeeder {
 public:
  LineFeeder(std::string_view name, parse::Format format, Monitor& monitor, std::size_t max_line)
      : name_(name), parser_(format, Options(max_line)), monitor_(monitor), max_line_(max_line) {}

  void Line(std::string_view line) {
    ++line_no_;
    monitor_.OnLine();
    const auto r = parser_.Parse(line, event_);
    switch (r.outcome) {
      case parse::LineOutcome::kFlow: monitor_.OnFlow(event_, name_); break;
      case parse::LineOutcome::kSkip: monitor_.OnSkip(); break;
      case parse::LineOutcome::kMalformed: monitor_.OnMalformed(name_, line_no_, r.column, r.reason); break;
    }
  }
  void TooLong() {
    ++line_no_;
    monitor_.OnLine();
    monitor_.OnMalformed(name_, line_no_, max_line_ + 1, fmt::format("行が長すぎます（{} バイトまで）", max_line_));
  }
  // Appends bytes; feeds every complete line.
  void Bytes(std::string_view bytes) {
    while (!bytes.empty()) {
      const void* nl = std::memchr(bytes.data(), '\n', bytes.size());
      const std::size_t len = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - bytes.data()) : bytes.size();
      const std::string_view piece = bytes.substr(0, len);
      if (skipping_) {
        if (nl) skipping_ = false;
      } else if (pending_.empty() && nl) {
        if (piece.size() > max_line_) TooLong(); else Line(piece);
      } else {
        pending_.append(piece);
        if (pending_.size() > max_line_) {
          TooLong();
          pending_.clear();
          skipping_ = !nl;
        } else if (nl) {
          Line(pending_);
          pending_.clear();
        }
      }
      bytes.remove_prefix(nl ? len + 1 : len);
    }
  }
  void End() {
    if (!pending_.empty() && !skipping_) Line(pending_);
    pending_.clear();
  }

 private:
  static parse::LineParserOptions Options(std::size_t max_line) {
    parse::LineParserOptions o;
    o.max_line_bytes = max_line;
    return o;
  }
  std::string name_;
  parse::LineParser parser_;
  Monitor& monitor_;
  std::size_t max_line_;
  FlowEvent event_;
  std::string pending_;
  bool skipping_ = false;
  std::uint64_t line_no_ = 0;
};

void FeedDatagram(parse::FlowDecoder& decoder, std::span<const std::uint8_t> bytes, const Address& exporter,
                  std::string_view name, std::uint64_t number, Monitor& monitor, std::vector<FlowEvent>& flows) {
  flows.clear();
  const auto r = decoder.Decode(bytes, exporter, flows);
  monitor.OnDatagram(r.waiting_for_template);
  for (const auto& f : flows) monitor.OnFlow(f, name);
  if (r.malformed > 0)
    monitor.OnMalformed(fmt::format("{} データグラム {}", name, number), number, r.offset, r.reason, true);
}

std::optional<Address> FromSockaddr(const sockaddr_storage& ss) {
  if (ss.ss_family == AF_INET) {
    const auto* in = reinterpret_cast<const sockaddr_in*>(&ss);
    return Address::V4(ntohl(in->sin_addr.s_addr));
  }
  if (ss.ss_family == AF_INET6) {
    const auto* in6 = reinterpret_cast<const sockaddr_in6*>(&ss);
    std::array<std::uint8_t, 16> b{};
    std::memcpy(b.data(), in6->sin6_addr.s6_addr, 16);
    return Address::V6(b);
  }
  return std::nullopt;
}

}  // namespace

Result<void> ReadLines(int fd, std::string_view name, parse::Format format, Monitor& monitor,
                       const std::atomic<bool>& stop, std::size_t max_line_bytes) {
  LineFeeder feeder(name, format, monitor, max_line_bytes);
  std::vector<char> buffer(kReadBlock);
  // A pipe or a terminal (tail -F firewall.log | mamori net watch) may go quiet:
  // windows still close and the store still commits, once a second.
  struct stat st{};
  const bool waits = ::fstat(fd, &st) == 0 && !S_ISREG(st.st_mode);
  while (!stop.load(std::memory_order_relaxed)) {
    if (waits) {
      pollfd p{fd, POLLIN, 0};
      const int ready = ::poll(&p, 1, 1000);
      if (ready == 0) {
        monitor.TickIdle(NowMs());
        continue;
      }
      if (ready < 0 && errno == EINTR) continue;
    }
    const ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return Fail(ErrorCode::kIo, fmt::format("{} を読めません: {}", name, std::strerror(errno)));
    }
    if (n == 0) break;
    feeder.Bytes(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
  }
  feeder.End();
  return {};
}

Result<void> ReadPcap(const std::string& path, Monitor& monitor, const std::atomic<bool>& stop) {
  auto reader = parse::PcapReader::OpenFile(path);
  if (!reader) return Fail(reader.error());
  parse::FlowDecoder decoder;
  std::vector<FlowEvent> flows;
  parse::UdpPacket packet;
  std::uint64_t number = 0;
  while (!stop.load(std::memory_order_relaxed)) {
    auto more = reader->Next(packet);
    if (!more) {
      monitor.OnMalformed(path, 0, packet.offset, more.error().message, true);
      break;  // the capture is cut short: what came before counts
    }
    if (!*more) break;
    ++number;
    FeedDatagram(decoder, packet.payload, packet.src, path, number, monitor, flows);
  }
  return {};
}

Result<Endpoint> ParseEndpoint(std::string_view text) {
  const auto colon = text.rfind(':');
  if (colon == std::string_view::npos || colon + 1 >= text.size())
    return Fail(ErrorCode::kInvalidArgument, fmt::format("「{}」は アドレス:ポート で書いてください（例: 127.0.0.1:5514）", text));
  Endpoint e;
  e.host = std::string(text.substr(0, colon));
  if (e.host.size() >= 2 && e.host.front() == '[' && e.host.back() == ']') e.host = e.host.substr(1, e.host.size() - 2);
  e.port = std::string(text.substr(colon + 1));
  if (e.host.empty()) e.host = "0.0.0.0";
  for (char c : e.port)
    if (c < '0' || c > '9') return Fail(ErrorCode::kInvalidArgument, fmt::format("ポート「{}」が数字ではありません", e.port));
  return e;
}

struct Listeners::Impl {
  enum class Kind { kSyslogUdp, kSyslogTcpListen, kSyslogTcpConn, kNetflow };
  struct Socket {
    int fd = -1;
    Kind kind;
    parse::Format format = parse::Format::kAuto;
    std::string name;
    int port = 0;
    std::unique_ptr<LineFeeder> feeder;  // TCP connections and UDP syslog
    std::string buffer;                  // TCP: bytes not yet framed
    std::uint64_t received = 0;
  };
  std::vector<Socket> sockets;
  parse::FlowDecoder decoder;
  std::vector<FlowEvent> flows;
  static constexpr std::size_t kMaxConnections = 64;
  static constexpr std::size_t kMaxFrame = 64 * 1024;

  ~Impl() {
    for (auto& s : sockets)
      if (s.fd >= 0) ::close(s.fd);
  }

  Result<int> Bind(const Endpoint& at, int type) {
    addrinfo hints{};
    hints.ai_socktype = type;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICHOST | AI_NUMERICSERV;
    addrinfo* found = nullptr;
    if (int rc = getaddrinfo(at.host.c_str(), at.port.c_str(), &hints, &found); rc != 0 || !found)
      return Fail(ErrorCode::kInvalidArgument, fmt::format("待ち受けるアドレス {}:{} が読めません", at.host, at.port));
    const int fd = ::socket(found->ai_family, type | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    const int one = 1;
    bool ok = fd >= 0 && ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) == 0 &&
              ::bind(fd, found->ai_addr, found->ai_addrlen) == 0 && (type != SOCK_STREAM || ::listen(fd, 16) == 0);
    const int err = errno;
    freeaddrinfo(found);
    if (!ok) {
      if (fd >= 0) ::close(fd);
      return Fail(ErrorCode::kIo, fmt::format("{}:{} で待ち受けられません: {}", at.host, at.port, std::strerror(err)));
    }
    if (type == SOCK_DGRAM) {
      const int size = 8 << 20;  // bursts of flow exports
      (void)::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
    }
    return fd;
  }

  static int BoundPort(int fd) {
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (::getsockname(fd, reinterpret_cast<sockaddr*>(&ss), &len) != 0) return 0;
    if (ss.ss_family == AF_INET) return ntohs(reinterpret_cast<sockaddr_in*>(&ss)->sin_port);
    if (ss.ss_family == AF_INET6) return ntohs(reinterpret_cast<sockaddr_in6*>(&ss)->sin6_port);
    return 0;
  }

  // TCP syslog: octet-counted frames ("LEN SP MSG") or newline-terminated lines (RFC 6587).
  static void Frame(Socket& s, Monitor& monitor) {
    std::string_view rest(s.buffer);
    while (!rest.empty()) {
      if (rest[0] >= '1' && rest[0] <= '9') {
        std::size_t i = 0, len = 0;
        while (i < rest.size() && i < 7 && rest[i] >= '0' && rest[i] <= '9') len = len * 10 + static_cast<std::size_t>(rest[i++] - '0');
        if (i < rest.size() && rest[i] == ' ') {
          if (len > kMaxFrame) {
            s.feeder->TooLong();
            rest = {};
            break;
          }
          if (rest.size() < i + 1 + len) break;  // wait for the rest
          s.feeder->Line(rest.substr(i + 1, len));
          rest.remove_prefix(i + 1 + len);
          continue;
        }
        if (i == rest.size()) break;  // the count itself may be incomplete
      }
      const auto nl = rest.find('\n');
      if (nl == std::string_view::npos) {
        if (rest.size() > kMaxFrame) {
          s.feeder->TooLong();
          rest = {};
        }
        break;
      }
      s.feeder->Line(rest.substr(0, nl));
      rest.remove_prefix(nl + 1);
    }
    s.buffer.erase(0, s.buffer.size() - rest.size());
    (void)monitor;
  }
};

Listeners::Listeners() : impl_(std::make_unique<Impl>()) {}
Listeners::~Listeners() = default;

Result<void> Listeners::AddSyslogUdp(const Endpoint& at, parse::Format format) {
  auto fd = impl_->Bind(at, SOCK_DGRAM);
  if (!fd) return Fail(fd.error());
  Impl::Socket s;
  s.fd = *fd;
  s.kind = Impl::Kind::kSyslogUdp;
  s.format = format;
  s.port = Impl::BoundPort(*fd);
  s.name = fmt::format("syslog-udp:{}", s.port);
  impl_->sockets.push_back(std::move(s));
  return {};
}

Result<void> Listeners::AddSyslogTcp(const Endpoint& at, parse::Format format) {
  auto fd = impl_->Bind(at, SOCK_STREAM);
  if (!fd) return Fail(fd.error());
  Impl::Socket s;
  s.fd = *fd;
  s.kind = Impl::Kind::kSyslogTcpListen;
  s.format = format;
  s.port = Impl::BoundPort(*fd);
  s.name = fmt::format("syslog-tcp:{}", s.port);
  impl_->sockets.push_back(std::move(s));
  return {};
}

Result<void> Listeners::AddNetflowUdp(const Endpoint& at) {
  auto fd = impl_->Bind(at, SOCK_DGRAM);
  if (!fd) return Fail(fd.error());
  Impl::Socket s;
  s.fd = *fd;
  s.kind = Impl::Kind::kNetflow;
  s.port = Impl::BoundPort(*fd);
  s.name = fmt::format("netflow:{}", s.port);
  impl_->sockets.push_back(std::move(s));
  return {};
}

bool Listeners::Empty() const { return impl_->sockets.empty(); }

std::vector<int> Listeners::Ports() const {
  std::vector<int> out;
  for (const auto& s : impl_->sockets)
    if (s.kind != Impl::Kind::kSyslogTcpConn) out.push_back(s.port);
  return out;
}

Result<void> Listeners::Run(Monitor& monitor, const std::atomic<bool>& stop, std::int64_t duration_ms) {
  const std::int64_t start = NowMs();
  std::vector<std::uint8_t> datagram(65536);
  std::int64_t last_tick = start;
  while (!stop.load(std::memory_order_relaxed)) {
    const std::int64_t now = NowMs();
    if (duration_ms > 0 && now - start >= duration_ms) break;
    if (now - last_tick >= 1000) {
      monitor.TickIdle(now);
      last_tick = now;
    }
    std::vector<pollfd> fds;
    fds.reserve(impl_->sockets.size());
    for (const auto& s : impl_->sockets) fds.push_back({s.fd, POLLIN, 0});
    const int ready = ::poll(fds.data(), fds.size(), 200);
    if (ready < 0) {
      if (errno == EINTR) continue;
      return Fail(ErrorCode::kIo, fmt::format("待ち受けに失敗しました: {}", std::strerror(errno)));
    }
    if (ready == 0) continue;
    std::vector<Impl::Socket> accepted;
    for (std::size_t i = 0; i < fds.size(); ++i) {
      if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      auto& s = impl_->sockets[i];
      switch (s.kind) {
        case Impl::Kind::kSyslogUdp:
        case Impl::Kind::kNetflow: {
          for (int burst = 0; burst < 256; ++burst) {  // drain, fairly
            sockaddr_storage from{};
            socklen_t len = sizeof from;
            const ssize_t n = ::recvfrom(s.fd, datagram.data(), datagram.size(), 0, reinterpret_cast<sockaddr*>(&from), &len);
            if (n < 0) break;
            ++s.received;
            if (s.kind == Impl::Kind::kNetflow) {
              FeedDatagram(impl_->decoder, std::span(datagram.data(), static_cast<std::size_t>(n)),
                           FromSockaddr(from).value_or(Address()), s.name, s.received, monitor, impl_->flows);
            } else {
              if (!s.feeder) s.feeder = std::make_unique<LineFeeder>(s.name, s.format, monitor, Impl::kMaxFrame);
              std::string_view text(reinterpret_cast<const char*>(datagram.data()), static_cast<std::size_t>(n));
              while (!text.empty()) {  // one message, or several lines
                const auto nl = text.find('\n');
                const auto line = text.substr(0, nl);
                if (!line.empty()) s.feeder->Line(line);
                if (nl == std::string_view::npos) break;
                text.remove_prefix(nl + 1);
              }
            }
          }
          break;
        }
        case Impl::Kind::kSyslogTcpListen: {
          const int fd = ::accept4(s.fd, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
          if (fd < 0) break;
          std::size_t connections = 0;
          for (const auto& o : impl_->sockets) connections += o.kind == Impl::Kind::kSyslogTcpConn;
          if (connections >= Impl::kMaxConnections) {
            ::close(fd);
            break;
          }
          Impl::Socket c;
          c.fd = fd;
          c.kind = Impl::Kind::kSyslogTcpConn;
          c.format = s.format;
          c.port = s.port;
          c.name = s.name;
          c.feeder = std::make_unique<LineFeeder>(s.name, s.format, monitor, Impl::kMaxFrame);
          accepted.push_back(std::move(c));
          break;
        }
        case Impl::Kind::kSyslogTcpConn: {
          char buf[16384];
          const ssize_t n = ::read(s.fd, buf, sizeof buf);
          if (n > 0) {
            s.buffer.append(buf, static_cast<std::size_t>(n));
            Impl::Frame(s, monitor);
          } else if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
            if (!s.buffer.empty()) s.feeder->Line(s.buffer);  // the last line without its newline
            ::close(s.fd);
            s.fd = -1;
          }
          break;
        }
      }
    }
    std::erase_if(impl_->sockets, [](const Impl::Socket& s) { return s.fd < 0; });
    for (auto& c : accepted) impl_->sockets.push_back(std::move(c));
  }
  return {};
}

}  // namespace mamori::net::monitor
