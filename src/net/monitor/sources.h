// What net watch reads: log files and standard input line by line, pcap
// captures of flow exports, and the network — syslog over UDP and TCP, NetFlow
// v5/v9 and IPFIX over UDP. Every source feeds one Monitor; malformed input is
// counted with its position and never stops the stream.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "net/monitor/monitor.h"
#include "net/watch/line_parser.h"
#include "net/watch/netflow.h"

namespace mamori::net::monitor {

// Reads `fd` to its end (or until `stop`), one parser for the stream.
Result<void> ReadLines(int fd, std::string_view name, parse::Format format, Monitor& monitor,
                       const std::atomic<bool>& stop, std::size_t max_line_bytes = 64 * 1024);

// A pcap capture of NetFlow/IPFIX export datagrams.
Result<void> ReadPcap(const std::string& path, Monitor& monitor, const std::atomic<bool>& stop);

// "127.0.0.1:5514", "[::1]:2055", "0.0.0.0:514".
struct Endpoint {
  std::string host, port;
};
Result<Endpoint> ParseEndpoint(std::string_view text);

class Listeners {
 public:
  Listeners();
  ~Listeners();
  Listeners(const Listeners&) = delete;
  Listeners& operator=(const Listeners&) = delete;

  Result<void> AddSyslogUdp(const Endpoint& at, parse::Format format);
  Result<void> AddSyslogTcp(const Endpoint& at, parse::Format format);
  Result<void> AddNetflowUdp(const Endpoint& at);
  [[nodiscard]] bool Empty() const;
  // The ports actually bound (port 0 asks the system for one), in the order added.
  [[nodiscard]] std::vector<int> Ports() const;

  // Serves until `stop` (checked at least every 200 ms) or `duration_ms` (0: no limit).
  Result<void> Run(Monitor& monitor, const std::atomic<bool>& stop, std::int64_t duration_ms = 0);

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace mamori::net::monitor
