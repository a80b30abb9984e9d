// Classic pcap files (as `tcpdump -w` writes them) holding NetFlow / IPFIX
// export traffic: the reader yields each UDP datagram with its addresses,
// ports and capture time, for FlowDecoder; the writer makes such files from
// datagrams (tests, benchmarks).
//
// Read: both byte orders, microsecond and nanosecond timestamps; link types
// Ethernet (with 802.1Q / 802.1ad tags), Linux cooked capture (SLL and SLL2),
// BSD loopback and raw IPv4/IPv6; IPv4 and IPv6 (extension headers skipped).
// Packets that are not UDP, IP fragments, and datagrams captured shorter than
// their length (a small snaplen) are skipped and counted. pcapng is not read
// (the error says how to convert). Every length is checked; a file cut short
// or a record with an impossible length is an error with its byte offset.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "common/error.h"
#include "net/address.h"

namespace mamori::net::parse {

struct UdpPacket {
  std::int64_t time_ns = 0;  // capture time, Unix nanoseconds
  Address src, dst;
  std::uint16_t src_port = 0, dst_port = 0;
  std::span<const std::uint8_t> payload;  // valid until the next call to Next
  std::uint64_t offset = 0;               // byte offset of the packet record in the file
};

struct PcapStats {
  std::uint64_t records = 0;    // packet records read
  std::uint64_t udp = 0;        // UDP datagrams returned
  std::uint64_t skipped = 0;    // not IPv4/IPv6 UDP, or an IP fragment
  std::uint64_t truncated = 0;  // UDP datagrams captured shorter than their length
};

class PcapReader {
 public:
  static Result<PcapReader> OpenFile(const std::string& path);
  // `bytes` must outlive the reader.
  static Result<PcapReader> FromMemory(std::span<const std::uint8_t> bytes);

  ~PcapReader();
  PcapReader(PcapReader&&) noexcept;
  PcapReader& operator=(PcapReader&&) noexcept;
  PcapReader(const PcapReader&) = delete;
  PcapReader& operator=(const PcapReader&) = delete;

  // The next UDP datagram: true, false at the end of the file, or an error
  // (the file is cut short or broken; reading cannot go on).
  Result<bool> Next(UdpPacket& packet);

  [[nodiscard]] std::uint32_t link_type() const;
  [[nodiscard]] bool nanoseconds() const;
  [[nodiscard]] const PcapStats& stats() const;

  struct Impl;

 private:
  explicit PcapReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

struct PcapWriterOptions {
  bool nanoseconds = false;  // nanosecond timestamps (magic a1b23c4d)
  bool big_endian = false;   // write the headers big-endian (as a SPARC would)
};

// Ethernet frames of UDP over IPv4 or IPv6 (IPv4 header checksum and the
// IPv6 UDP checksum filled in).
class PcapWriter {
 public:
  static Result<PcapWriter> Create(const std::string& path, PcapWriterOptions options = {});
  static PcapWriter ToBuffer(std::vector<std::uint8_t>& buffer, PcapWriterOptions options = {});

  ~PcapWriter();
  PcapWriter(PcapWriter&&) noexcept;
  PcapWriter& operator=(PcapWriter&&) noexcept;
  PcapWriter(const PcapWriter&) = delete;
  PcapWriter& operator=(const PcapWriter&) = delete;

  Result<void> WriteUdp(std::int64_t time_ns, const Address& src, std::uint16_t src_port, const Address& dst,
                        std::uint16_t dst_port, std::span<const std::uint8_t> payload);
  // Flushes and closes the file (also done by the destructor, without the error).
  Result<void> Close();

 private:
  PcapWriter(std::FILE* file, std::vector<std::uint8_t>* buffer, PcapWriterOptions options);
  Result<void> Put(std::span<const std::uint8_t> bytes);

  std::FILE* file_ = nullptr;
  std::vector<std::uint8_t>* buffer_ = nullptr;
  PcapWriterOptions options_;
  std::vector<std::uint8_t> frame_;
};

}  // namespace mamori::net::parse
