#include "net/watch/pcap.h"

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "net/watch/scan_util.h"

namespace mamori::net::parse {
namespace {

using detail::Be16;
using detail::Be32;
using detail::Be64;

constexpr std::uint32_t kMagicMicro = 0xa1b2c3d4;
constexpr std::uint32_t kMagicNano = 0xa1b23c4d;
constexpr std::uint32_t kPcapngMagic = 0x0a0d0d0a;
constexpr std::uint32_t kMaxRecord = 256 * 1024;  // larger than any snaplen tcpdump uses

constexpr std::uint32_t kLinkNull = 0;
constexpr std::uint32_t kLinkEthernet = 1;
constexpr std::uint32_t kLinkRawBsd1 = 12;
constexpr std::uint32_t kLinkRawBsd2 = 14;
constexpr std::uint32_t kLinkRaw = 101;
constexpr std::uint32_t kLinkSll = 113;
constexpr std::uint32_t kLinkIpv4 = 228;
constexpr std::uint32_t kLinkIpv6 = 229;
constexpr std::uint32_t kLinkSll2 = 276;

std::uint32_t Le32(const std::uint8_t* p) {
  return static_cast<std::uint32_t>(p[0]) | (static_cast<std::uint32_t>(p[1]) << 8) |
         (static_cast<std::uint32_t>(p[2]) << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
}

Location At(std::uint64_t offset) {
  Location l;
  l.byte_offset = offset;
  return l;
}

}  // namespace

struct PcapReader::Impl {
  // Source: a memory span, or a file read through `buffer`.
  std::span<const std::uint8_t> memory;
  std::FILE* file = nullptr;
  std::string path;
  std::vector<std::uint8_t> buffer;
  std::uint64_t offset = 0;

  bool swapped = false;
  bool nano = false;
  std::uint32_t link = 0;
  PcapStats stats;

  ~Impl() {
    if (file != nullptr) std::fclose(file);
  }

  std::uint32_t U32(const std::uint8_t* p) const {
    const std::uint32_t v = Le32(p);
    return swapped ? Be32(p) : v;
  }

  // Up to n bytes at the current offset; returns how many were available.
  std::size_t Read(std::size_t n, const std::uint8_t*& out) {
    if (file == nullptr) {
      const std::size_t avail = offset < memory.size() ? memory.size() - static_cast<std::size_t>(offset) : 0;
      const std::size_t got = std::min(n, avail);
      out = memory.data() + offset;
      offset += got;
      return got;
    }
    if (buffer.size() < n) buffer.resize(n);
    const std::size_t got = std::fread(buffer.data(), 1, n, file);
    out = buffer.data();
    offset += got;
    return got;
  }

  Result<void> Header() {
    const std::uint8_t* h = nullptr;
    const std::size_t got = Read(24, h);
    if (got >= 4 && Le32(h) == kPcapngMagic)
      return Fail(ErrorCode::kParse,
                  "pcapng 形式のファイルには対応していません。`tcpdump -w` の既定の pcap 形式で保存するか、"
                  "`editcap -F pcap 元.pcapng 新.pcap` で変換してください",
                  At(0));
    if (got < 24)
      return Fail(ErrorCode::kParse, fmt::format("pcap ファイルのヘッダー（24 バイト）がありません（{} バイト）", got), At(0));
    const std::uint32_t magic = Le32(h);
    if (magic == kMagicMicro || magic == kMagicNano) {
      swapped = false;
      nano = magic == kMagicNano;
    } else if (Be32(h) == kMagicMicro || Be32(h) == kMagicNano) {
      swapped = true;
      nano = Be32(h) == kMagicNano;
    } else {
      return Fail(ErrorCode::kParse,
                  fmt::format("pcap ファイルではありません（先頭 4 バイトが {:02x} {:02x} {:02x} {:02x}）", h[0], h[1], h[2], h[3]),
                  At(0));
    }
    link = U32(h + 20) & 0x0fffffff;  // the upper bits may carry FCS flags
    switch (link) {
      case kLinkNull: case kLinkEthernet: case kLinkRawBsd1: case kLinkRawBsd2: case kLinkRaw:
      case kLinkSll: case kLinkIpv4: case kLinkIpv6: case kLinkSll2:
        break;
      default:
        return Fail(ErrorCode::kParse,
                    fmt::format("リンク層の種類 {} には対応していません（Ethernet、Linux SLL、BSD ループバック、raw IP のみ）", link),
                    At(20));
    }
    return {};
  }

  // The IP packet inside a link-layer frame; false when it is not IPv4/IPv6.
  bool Network(const std::uint8_t* p, std::size_t n, const std::uint8_t*& ip, std::size_t& ip_len) const {
    std::size_t off = 0;
    std::uint16_t ethertype = 0;
    switch (link) {
      case kLinkEthernet: {
        if (n < 14) return false;
        ethertype = Be16(p + 12);
        off = 14;
        for (int tags = 0; tags < 4 && (ethertype == 0x8100 || ethertype == 0x88a8 || ethertype == 0x9100); ++tags) {
          if (n < off + 4) return false;
          ethertype = Be16(p + off + 2);
          off += 4;
        }
        break;
      }
      case kLinkSll:
        if (n < 16) return false;
        ethertype = Be16(p + 14);
        off = 16;
        break;
      case kLinkSll2:
        if (n < 20) return false;
        ethertype = Be16(p);
        off = 20;
        break;
      case kLinkNull: {
        if (n < 4) return false;
        const std::uint32_t family = std::min(Le32(p), Be32(p));
        if (family == 2) ethertype = 0x0800;
        else if (family == 24 || family == 28 || family == 30) ethertype = 0x86dd;
        off = 4;
        break;
      }
      default:  // raw IP
        if (n < 1) return false;
        ethertype = (p[0] >> 4) == 6 ? 0x86dd : 0x0800;
        break;
    }
    if (ethertype != 0x0800 && ethertype != 0x86dd) return false;
    ip = p + off;
    ip_len = n - off;
    return true;
  }
};

PcapReader::PcapReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PcapReader::~PcapReader() = default;
PcapReader::PcapReader(PcapReader&&) noexcept = default;
PcapReader& PcapReader::operator=(PcapReader&&) noexcept = default;

Result<PcapReader> PcapReader::OpenFile(const std::string& path) {
  auto impl = std::make_unique<Impl>();
  impl->file = std::fopen(path.c_str(), "rb");
  if (impl->file == nullptr) {
    Location l;
    l.file = path;
    return Fail(ErrorCode::kIo, fmt::format("pcap ファイルを開けません: {}", std::strerror(errno)), l);
  }
  impl->path = path;
  if (auto ok = impl->Header(); !ok) {
    Error e = ok.error();
    e.where.file = path;
    return Fail(std::move(e));
  }
  return PcapReader(std::move(impl));
}

Result<PcapReader> PcapReader::FromMemory(std::span<const std::uint8_t> bytes) {
  auto impl = std::make_unique<Impl>();
  impl->memory = bytes;
  if (auto ok = impl->Header(); !ok) return Fail(ok.error());
  return PcapReader(std::move(impl));
}

std::uint32_t PcapReader::link_type() const { return impl_->link; }
bool PcapReader::nanoseconds() const { return impl_->nano; }
const PcapStats& PcapReader::stats() const { return impl_->stats; }

Result<bool> PcapReader::Next(UdpPacket& packet) {
  Impl& im = *impl_;
  while (true) {
    const std::uint64_t record_at = im.offset;
    const std::uint8_t* rh = nullptr;
    const std::size_t got = im.Read(16, rh);
    if (got == 0) return false;
    if (got < 16) {
      Error e(ErrorCode::kParse, "パケット記録のヘッダーが途中で切れています（ファイルの終わり）", At(record_at));
      e.where.file = im.path;
      return tl::unexpected<Error>(std::move(e));
    }
    const std::uint32_t sec = im.U32(rh), frac = im.U32(rh + 4), incl = im.U32(rh + 8);
    if (incl > kMaxRecord) {
      Error e(ErrorCode::kParse, fmt::format("パケット記録の長さ {} バイトが大きすぎます（壊れたファイル）", incl),
              At(record_at + 8));
      e.where.file = im.path;
      return tl::unexpected<Error>(std::move(e));
    }
    const std::int64_t time_ns =
        static_cast<std::int64_t>(sec) * 1'000'000'000 + static_cast<std::int64_t>(frac) * (im.nano ? 1 : 1000);
    const std::uint8_t* data = nullptr;
    if (im.Read(incl, data) < incl) {
      Error e(ErrorCode::kParse, fmt::format("パケット記録が途中で切れています（{} バイトのはずがファイルの終わり）", incl),
              At(record_at + 16));
      e.where.file = im.path;
      return tl::unexpected<Error>(std::move(e));
    }
    ++im.stats.records;

    const std::uint8_t* ip = nullptr;
    std::size_t n = 0;
    if (!im.Network(data, incl, ip, n) || n < 1) {
      ++im.stats.skipped;
      continue;
    }
    const std::uint8_t* udp = nullptr;
    std::size_t avail = 0;
    const int version = ip[0] >> 4;
    if (version == 4) {
      if (n < 20) {
        ++im.stats.skipped;
        continue;
      }
      const std::size_t ihl = static_cast<std::size_t>(ip[0] & 0x0f) * 4;
      const std::size_t total = Be16(ip + 2);
      const std::uint16_t frag = Be16(ip + 6);
      if (ihl < 20 || total < ihl || ip[9] != 17 || (frag & 0x3fff) != 0 || n < ihl) {
        ++im.stats.skipped;
        continue;
      }
      packet.src = Address::V4(Be32(ip + 12));
      packet.dst = Address::V4(Be32(ip + 16));
      udp = ip + ihl;
      avail = std::min(n, total) - ihl;
    } else if (version == 6) {
      if (n < 40) {
        ++im.stats.skipped;
        continue;
      }
      std::uint8_t next = ip[6];
      std::size_t off = 40;
      const std::size_t end = std::min(n, static_cast<std::size_t>(Be16(ip + 4)) + 40);
      bool ok = true;
      for (int k = 0; k < 8 && next != 17; ++k) {
        if (next == 0 || next == 43 || next == 60) {
          if (end < off + 8) {
            ok = false;
            break;
          }
          next = ip[off];
          off += (static_cast<std::size_t>(ip[off + 1]) + 1) * 8;
        } else if (next == 51) {
          if (end < off + 8) {
            ok = false;
            break;
          }
          next = ip[off];
          off += (static_cast<std::size_t>(ip[off + 1]) + 2) * 4;
        } else {
          ok = false;  // fragment (44), ESP, or another transport
          break;
        }
      }
      if (!ok || next != 17 || off > end) {
        ++im.stats.skipped;
        continue;
      }
      packet.src = Address::V6(Be64(ip + 8), Be64(ip + 16));
      packet.dst = Address::V6(Be64(ip + 24), Be64(ip + 32));
      udp = ip + off;
      avail = end - off;
    } else {
      ++im.stats.skipped;
      continue;
    }
    if (avail < 8) {
      ++im.stats.skipped;
      continue;
    }
    const std::size_t udp_len = Be16(udp + 4);
    if (udp_len < 8) {
      ++im.stats.skipped;
      continue;
    }
    if (udp_len > avail) {
      ++im.stats.truncated;
      continue;
    }
    packet.src_port = Be16(udp);
    packet.dst_port = Be16(udp + 2);
    packet.payload = std::span<const std::uint8_t>(udp + 8, udp_len - 8);
    packet.time_ns = time_ns;
    packet.offset = record_at;
    ++im.stats.udp;
    return true;
  }
}

// ---------------------------------------------------------------- writer

namespace {

std::uint32_t Sum16(const std::uint8_t* p, std::size_t n, std::uint32_t sum) {
  for (std::size_t i = 0; i + 1 < n; i += 2) sum += Be16(p + i);
  if (n % 2 != 0) sum += static_cast<std::uint32_t>(p[n - 1]) << 8;
  return sum;
}
std::uint16_t Fold(std::uint32_t sum) {
  while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
  return static_cast<std::uint16_t>(~sum & 0xffff);
}

}  // namespace

PcapWriter::PcapWriter(std::FILE* file, std::vector<std::uint8_t>* buffer, PcapWriterOptions options)
    : file_(file), buffer_(buffer), options_(options) {
  std::vector<std::uint8_t> h;
  auto u32 = [&](std::uint32_t x) {
    if (options_.big_endian) {
      for (int s = 24; s >= 0; s -= 8) h.push_back(static_cast<std::uint8_t>(x >> s));
    } else {
      for (int s = 0; s <= 24; s += 8) h.push_back(static_cast<std::uint8_t>(x >> s));
    }
  };
  auto u16 = [&](std::uint16_t x) {
    if (options_.big_endian) {
      h.push_back(static_cast<std::uint8_t>(x >> 8));
      h.push_back(static_cast<std::uint8_t>(x));
    } else {
      h.push_back(static_cast<std::uint8_t>(x));
      h.push_back(static_cast<std::uint8_t>(x >> 8));
    }
  };
  u32(options_.nanoseconds ? kMagicNano : kMagicMicro);
  u16(2);
  u16(4);
  u32(0);      // thiszone
  u32(0);      // sigfigs
  u32(65535);  // snaplen
  u32(kLinkEthernet);
  (void)Put(h);
}

PcapWriter::~PcapWriter() {
  if (file_ != nullptr) std::fclose(file_);
}
PcapWriter::PcapWriter(PcapWriter&& o) noexcept
    : file_(o.file_), buffer_(o.buffer_), options_(o.options_), frame_(std::move(o.frame_)) {
  o.file_ = nullptr;
  o.buffer_ = nullptr;
}
PcapWriter& PcapWriter::operator=(PcapWriter&& o) noexcept {
  if (this != &o) {
    if (file_ != nullptr) std::fclose(file_);
    file_ = o.file_;
    buffer_ = o.buffer_;
    options_ = o.options_;
    frame_ = std::move(o.frame_);
    o.file_ = nullptr;
    o.buffer_ = nullptr;
  }
  return *this;
}

Result<PcapWriter> PcapWriter::Create(const std::string& path, PcapWriterOptions options) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) {
    Location l;
    l.file = path;
    return Fail(ErrorCode::kIo, fmt::format("pcap ファイルを作れません: {}", std::strerror(errno)), l);
  }
  return PcapWriter(f, nullptr, options);
}

PcapWriter PcapWriter::ToBuffer(std::vector<std::uint8_t>& buffer, PcapWriterOptions options) {
  return PcapWriter(nullptr, &buffer, options);
}

Result<void> PcapWriter::Put(std::span<const std::uint8_t> bytes) {
  if (buffer_ != nullptr) {
    buffer_->insert(buffer_->end(), bytes.begin(), bytes.end());
    return {};
  }
  if (file_ == nullptr) return Fail(ErrorCode::kInvalidArgument, "閉じた pcap ファイルには書けません");
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size())
    return Fail(ErrorCode::kIo, fmt::format("pcap ファイルに書けません: {}", std::strerror(errno)));
  return {};
}

Result<void> PcapWriter::WriteUdp(std::int64_t time_ns, const Address& src, std::uint16_t src_port, const Address& dst,
                                  std::uint16_t dst_port, std::span<const std::uint8_t> payload) {
  if (src.IsV4() != dst.IsV4())
    return Fail(ErrorCode::kInvalidArgument, "送信元と宛先のアドレスの種類（IPv4 と IPv6）が違います");
  const bool v4 = src.IsV4();
  const std::size_t ip_header = v4 ? 20 : 40;
  if (payload.size() > 65535 - 8 - (v4 ? ip_header : 0))
    return Fail(ErrorCode::kInvalidArgument, fmt::format("UDP のデータが大きすぎます（{} バイト）", payload.size()));
  const auto udp_len = static_cast<std::uint16_t>(payload.size() + 8);
  // Ethernet (locally administered MAC addresses), IP, UDP, payload.
  const std::size_t ip_at = 14, udp_at = ip_at + ip_header;
  std::vector<std::uint8_t>& f = frame_;
  f.assign(udp_at + 8 + payload.size(), 0);
  std::uint8_t* p = f.data();
  auto be16 = [](std::uint8_t* at, std::uint32_t x) {
    at[0] = static_cast<std::uint8_t>(x >> 8);
    at[1] = static_cast<std::uint8_t>(x);
  };
  auto addr = [](std::uint8_t* at, const Address& a) {
    if (a.IsV4()) {
      for (int k = 0; k < 4; ++k) at[k] = static_cast<std::uint8_t>(a.V4Value() >> (24 - 8 * k));
      return;
    }
    for (int k = 0; k < 8; ++k) at[k] = static_cast<std::uint8_t>(a.High() >> (56 - 8 * k));
    for (int k = 0; k < 8; ++k) at[8 + k] = static_cast<std::uint8_t>(a.Low() >> (56 - 8 * k));
  };
  p[0] = 0x02;
  p[5] = 0x02;  // destination 02:00:00:00:00:02
  p[6] = 0x02;
  p[11] = 0x01;  // source 02:00:00:00:00:01
  be16(p + 12, v4 ? 0x0800 : 0x86dd);
  std::uint8_t* ip = p + ip_at;
  if (v4) {
    ip[0] = 0x45;
    be16(ip + 2, 20u + udp_len);
    be16(ip + 6, 0x4000);  // DF
    ip[8] = 64;
    ip[9] = 17;
    addr(ip + 12, src);
    addr(ip + 16, dst);
    be16(ip + 10, Fold(Sum16(ip, 20, 0)));
  } else {
    ip[0] = 0x60;
    be16(ip + 4, udp_len);
    ip[6] = 17;
    ip[7] = 64;
    addr(ip + 8, src);
    addr(ip + 24, dst);
  }
  std::uint8_t* udp = p + udp_at;
  be16(udp, src_port);
  be16(udp + 2, dst_port);
  be16(udp + 4, udp_len);
  if (!payload.empty()) std::memcpy(udp + 8, payload.data(), payload.size());
  if (!v4) {  // the UDP checksum is mandatory over IPv6
    std::uint32_t sum = Sum16(ip + 8, 32, 0);
    sum += udp_len;
    sum += 17;
    sum = Sum16(udp, 8 + payload.size(), sum);
    std::uint16_t c = Fold(sum);
    if (c == 0) c = 0xffff;
    be16(udp + 6, c);
  }
  const auto len = static_cast<std::uint32_t>(f.size());
  const std::int64_t secs = time_ns / 1'000'000'000;
  const std::int64_t sub = time_ns % 1'000'000'000;
  const auto frac = static_cast<std::uint32_t>(options_.nanoseconds ? sub : sub / 1000);
  std::uint8_t rh[16];
  auto put32 = [&](std::size_t at, std::uint32_t x) {
    for (int k = 0; k < 4; ++k)
      rh[at + static_cast<std::size_t>(k)] =
          static_cast<std::uint8_t>(options_.big_endian ? x >> (24 - 8 * k) : x >> (8 * k));
  };
  put32(0, static_cast<std::uint32_t>(secs));
  put32(4, frac);
  put32(8, len);
  put32(12, len);
  if (auto ok = Put(rh); !ok) return ok;
  return Put(f);
}

Result<void> PcapWriter::Close() {
  if (file_ == nullptr) return {};
  std::FILE* f = file_;
  file_ = nullptr;
  if (std::fclose(f) != 0) return Fail(ErrorCode::kIo, fmt::format("pcap ファイルを閉じられません: {}", std::strerror(errno)));
  return {};
}

}  // namespace mamori::net::parse
