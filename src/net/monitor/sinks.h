// Where alerts go: ECS JSON lines (a file or standard output, for the SIEM's
// file shipper), RFC 5424 syslog over UDP or TCP (to the SIEM directly), and
// the store (for the incident workflow and the web application).
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "common/error.h"
#include "net/monitor/alert.h"
#include "store/alerts.h"

namespace mamori::net::monitor {

class EcsSink final : public AlertSink {
 public:
  explicit EcsSink(std::FILE* out) : out_(out) {}
  void Emit(Alert& alert, AlertPhase phase) override;
  void Flush() override { std::fflush(out_); }

 private:
  std::FILE* out_;
};

// "udp://host:port" or "tcp://host:port" (TCP frames by octet counting, RFC 6587).
class SyslogSink final : public AlertSink {
 public:
  static Result<std::unique_ptr<SyslogSink>> Connect(std::string_view url);
  ~SyslogSink() override;
  void Emit(Alert& alert, AlertPhase phase) override;
  [[nodiscard]] std::uint64_t errors() const { return errors_; }

 private:
  SyslogSink() = default;
  bool Reconnect();
  int fd_ = -1;
  bool tcp_ = false;
  std::string host_, port_, hostname_;
  std::uint64_t errors_ = 0;
};

// Writes in batches: one transaction per Flush (the monitor flushes at least
// every second and at the end).
class StoreSink final : public AlertSink {
 public:
  explicit StoreSink(store::AlertStore& store) : store_(store) {}
  ~StoreSink() override;
  void Emit(Alert& alert, AlertPhase phase) override;
  void Flush() override;
  [[nodiscard]] std::uint64_t errors() const { return errors_; }
  [[nodiscard]] const std::string& last_error() const { return last_error_; }

 private:
  store::AlertStore& store_;
  bool open_ = false;
  std::uint64_t errors_ = 0;
  std::string last_error_;
};

store::NetAlert ToStored(const Alert& alert);

}  // namespace mamori::net::monitor
