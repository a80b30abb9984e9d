#include "net/monitor/sinks.h"

#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

#include <fmt/format.h>

namespace mamori::net::monitor {

void EcsSink::Emit(Alert& alert, AlertPhase phase) {
  const std::string line = ToEcsJson(alert, phase);
  std::fwrite(line.data(), 1, line.size(), out_);
  std::fputc('\n', out_);
  if (phase == AlertPhase::kFirst) std::fflush(out_);  // the SIEM learns of it at once
}

Result<std::unique_ptr<SyslogSink>> SyslogSink::Connect(std::string_view url) {
  std::unique_ptr<SyslogSink> sink(new SyslogSink());
  std::string_view rest;
  if (url.starts_with("udp://")) {
    rest = url.substr(6);
  } else if (url.starts_with("tcp://")) {
    sink->tcp_ = true;
    rest = url.substr(6);
  } else {
    return Fail(ErrorCode::kInvalidArgument, fmt::format("syslog の送り先「{}」は udp://ホスト:ポート か tcp://ホスト:ポート で書いてください", url));
  }
  const auto colon = rest.rfind(':');
  if (colon == std::string_view::npos || colon + 1 >= rest.size())
    return Fail(ErrorCode::kInvalidArgument, fmt::format("syslog の送り先「{}」にポートがありません", url));
  sink->host_ = std::string(rest.substr(0, colon));
  if (sink->host_.size() >= 2 && sink->host_.front() == '[') sink->host_ = sink->host_.substr(1, sink->host_.size() - 2);
  sink->port_ = std::string(rest.substr(colon + 1));
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) == 0) sink->hostname_ = name;
  if (!sink->Reconnect())
    return Fail(ErrorCode::kIo, fmt::format("syslog の送り先 {} に接続できません: {}", url, std::strerror(errno)));
  return sink;
}

SyslogSink::~SyslogSink() {
  if (fd_ >= 0) ::close(fd_);
}

bool SyslogSink::Reconnect() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  addrinfo hints{};
  hints.ai_socktype = tcp_ ? SOCK_STREAM : SOCK_DGRAM;
  addrinfo* found = nullptr;
  if (getaddrinfo(host_.c_str(), port_.c_str(), &hints, &found) != 0 || !found) return false;
  for (auto* ai = found; ai; ai = ai->ai_next) {
    const int fd = ::socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
    if (fd < 0) continue;
    if (::connect(fd, ai->ai_addr, ai->ai_addrlen) == 0) {
      fd_ = fd;
      break;
    }
    ::close(fd);
  }
  freeaddrinfo(found);
  return fd_ >= 0;
}

void SyslogSink::Emit(Alert& alert, AlertPhase phase) {
  std::string message = ToSyslog5424(alert, phase, hostname_);
  if (tcp_) message = fmt::format("{} {}", message.size(), message);
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (fd_ < 0 && !Reconnect()) break;
    const ssize_t n = ::send(fd_, message.data(), message.size(), MSG_NOSIGNAL);
    if (n == static_cast<ssize_t>(message.size())) return;
    if (!tcp_) break;  // a lost datagram is not retried
    Reconnect();
  }
  ++errors_;
}

store::NetAlert ToStored(const Alert& a) {
  store::NetAlert s;
  s.first_seen = IsoJst(a.first_ms);
  s.last_seen = IsoJst(a.last_ms);
  s.rule = a.rule;
  s.severity = std::string(policy::Key(a.severity));
  s.clause = a.clause;
  s.src_ip = a.flow.src.ToString();
  s.dst_ip = a.flow.dst.ToString();
  s.src_port = a.flow.src_port;
  s.dst_port = a.flow.dst_port;
  s.protocol = a.flow.protocol;
  s.src_segment = a.src_node;
  s.dst_segment = a.dst_node;
  s.src_tier = a.src_tier;
  s.dst_tier = a.dst_tier;
  s.action = a.flow.action == FlowAction::kDenied ? "denied" : a.flow.action == FlowAction::kAllowed ? "allowed" : "unknown";
  s.device = a.flow.device;
  s.input = a.input;
  s.count = a.count;
  s.message = a.message;
  return s;
}

StoreSink::~StoreSink() { Flush(); }

void StoreSink::Emit(Alert& alert, AlertPhase phase) {
  if (!open_) {
    if (auto ok = store_.Begin(); !ok) {
      ++errors_;
      last_error_ = ok.error().message;
      return;
    }
    open_ = true;
  }
  if (phase == AlertPhase::kFirst) {
    auto id = store_.AddAlert(ToStored(alert));
    if (id) {
      alert.store_id = *id;
      return;
    }
    ++errors_;
    last_error_ = id.error().message;
    return;
  }
  if (alert.store_id == 0) return;
  if (auto ok = store_.UpdateAlertCount(alert.store_id, alert.count, IsoJst(alert.last_ms)); !ok) {
    ++errors_;
    last_error_ = ok.error().message;
  }
}

void StoreSink::Flush() {
  if (!open_) return;
  open_ = false;
  if (auto ok = store_.Commit(); !ok) {
    ++errors_;
    last_error_ = ok.error().message;
  }
}

}  // namespace mamori::net::monitor
