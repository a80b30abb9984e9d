// The flows of bench/net_watch_bench.sh: N connections (default 10,000,000) in
// the demo body's network (`mamori demo`), the same ones every run of a seed,
// written as
//   --zeek FILE   a Zeek conn.log (TSV, with the #fields header Zeek writes),
//   --pcap FILE   NetFlow v9 export datagrams captured as a classic pcap file
//                 (for `mamori net watch --pcap`),
//   --send H:P    the same datagrams over UDP (to nfcapd), paced so that none is
//                 dropped: at most --rate datagrams/s, and never more than
//                 --max-queue bytes waiting in the receiver's socket (read from
//                 /proc/net/udp, which also counts the receiver's drops).
// One record per connection (the originator's direction, as Zeek's id.orig_h →
// id.resp_h): the flows are the same in both forms.
//
// The mix: within-tier and allowed traffic (My Number terminals to their
// servers, the servers to 住基ネット and 中間サーバー over the dedicated line,
// LGWAN terminals to their servers, to LGWAN and to the sanitization gateways,
// internet-tier terminals to the security cloud and to the internet, inbound
// mail and web to the DMZ, DNS and ICMP inside each tier), and a small share
// (--violations, default 0.1 %) of cross-tier flows drawn from 24 fixed host
// pairs (so the alert volume is what a body with a few misconfigured hosts would
// see). Connections are spread evenly over --span seconds (default 3600) from
// 2026-11-22T09:00 JST.
//
// What mamori should flag for the demo profile is known here and printed at
// the end ("cross_tier=…") with the per-rule counts, so that the benchmark can
// check mamori and nfdump against it.
//
//   net_flowgen [--flows N] [--seed S] [--zeek FILE] [--pcap FILE] [--send HOST:PORT]
//               [--rate DATAGRAMS_PER_S] [--max-queue BYTES] [--per-datagram 30]
//               [--template-every 20] [--violations FRACTION] [--span SECONDS]
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <cinttypes>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <fmt/compile.h>
#include <fmt/format.h>

#include "net/address.h"
#include "net/watch/pcap.h"

namespace {

using mamori::net::Address;

// splitmix64: small, fast, and the same sequence on every machine.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : s_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (s_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::uint32_t Below(std::uint32_t n) { return static_cast<std::uint32_t>((Next() >> 32) * n >> 32); }
  std::uint32_t Between(std::uint32_t lo, std::uint32_t hi) { return lo + Below(hi - lo + 1); }  // inclusive
  double Unit() { return static_cast<double>(Next() >> 11) / 9007199254740992.0; }

 private:
  std::uint64_t s_;
};

constexpr std::uint32_t V4(int a, int b, int c, int d) {
  return static_cast<std::uint32_t>(a) << 24 | static_cast<std::uint32_t>(b) << 16 | static_cast<std::uint32_t>(c) << 8 |
         static_cast<std::uint32_t>(d);
}

// Host pools of the demo body's segments (src/demo/network.cpp) and beyond.
std::uint32_t MnTerminal(Rng& r) { return V4(10, 10, static_cast<int>(r.Between(1, 4)), static_cast<int>(r.Between(1, 254))); }
std::uint32_t MnServer(Rng& r) { return V4(10, 11, 0, static_cast<int>(r.Between(10, 49))); }
// 10.20.200.0/24 is the wireless LAN of the internet tier: LGWAN terminals stay in 10.20.1–8.
std::uint32_t LgTerminal(Rng& r) { return V4(10, 20, static_cast<int>(r.Between(1, 8)), static_cast<int>(r.Between(1, 254))); }
std::uint32_t LgServer(Rng& r) { return V4(10, 21, 0, static_cast<int>(r.Between(10, 59))); }
std::uint32_t InTerminal(Rng& r) { return V4(10, 30, static_cast<int>(r.Between(1, 6)), static_cast<int>(r.Between(1, 254))); }
std::uint32_t Dmz(Rng& r) { return V4(10, 31, 0, static_cast<int>(r.Between(10, 19))); }
std::uint32_t Wifi(Rng& r) { return V4(10, 20, 200, static_cast<int>(r.Between(10, 250))); }
std::uint32_t SecurityCloud(Rng& r) { return V4(198, 51, 100, static_cast<int>(r.Between(1, 14))); }
std::uint32_t JukiNet(Rng& r) { return V4(172, 30, 1, static_cast<int>(r.Between(1, 20))); }
std::uint32_t Intermediate(Rng& r) { return V4(172, 30, 2, static_cast<int>(r.Between(1, 10))); }
std::uint32_t Lgwan(Rng& r) { return V4(172, static_cast<int>(r.Between(20, 23)), static_cast<int>(r.Below(256)), static_cast<int>(r.Between(1, 254))); }
constexpr std::uint32_t kMailGateway = V4(10, 40, 0, 10);  // GW-01 メール無害化
constexpr std::uint32_t kFileGateway = V4(10, 40, 0, 20);  // GW-02 ファイル無害化・画面転送
// Public space: a few big allocations, none private, none the security cloud's or the vendor's.
std::uint32_t Public(Rng& r) {
  static constexpr std::array<int, 14> kFirst = {13, 20, 23, 31, 34, 35, 40, 52, 54, 104, 142, 151, 157, 216};
  return V4(kFirst[r.Below(static_cast<std::uint32_t>(kFirst.size()))], static_cast<int>(r.Below(256)), static_cast<int>(r.Below(256)),
            static_cast<int>(r.Between(1, 254)));
}

enum : std::uint8_t { kIcmp = 1, kTcp = 6, kUdp = 17 };
enum Rule : std::uint8_t { kMyNumber = 1, kSanitization = 2, kSecurityCloud = 4 };

struct Flow {
  std::int64_t start_ms = 0;
  std::uint32_t duration_ms = 0;
  std::uint32_t src = 0, dst = 0;
  std::uint16_t sport = 0, dport = 0;  // ICMP: type and code
  std::uint8_t proto = kTcp;
  std::uint8_t rules = 0;  // what mamori judges it breaks (demo profile)
  std::uint32_t orig_pkts = 0, resp_pkts = 0;
  std::uint64_t orig_bytes = 0, resp_bytes = 0;  // payload
  const char* service = "-";
  const char* state = "SF";
  const char* history = "ShADadFf";
};

struct Pair {
  std::uint32_t src, dst;
  std::uint16_t dport;
  std::uint8_t proto;
  std::uint8_t rules;
  const char* service;
};

// 24 misconfigured host pairs: the cross-tier traffic, fixed for the seed.
std::vector<Pair> ViolationPairs(Rng& r) {
  std::vector<Pair> p;
  for (int i = 0; i < 4; ++i) p.push_back({MnTerminal(r), Public(r), 443, kTcp, kMyNumber, "ssl"});      // My Number → internet
  for (int i = 0; i < 2; ++i) p.push_back({MnServer(r), LgServer(r), 22, kTcp, kMyNumber, "ssh"});       // FR-090
  p.push_back({MnTerminal(r), Lgwan(r), 443, kTcp, kMyNumber, "ssl"});                                    // My Number → LGWAN
  p.push_back({Public(r), MnServer(r), 3389, kTcp, kMyNumber, "-"});                                      // inbound to My Number
  for (int i = 0; i < 2; ++i)                                                                              // FR-091 vendor line
    p.push_back({LgServer(r), V4(203, 0, 113, static_cast<int>(r.Between(10, 20))), 443, kTcp,
                 static_cast<std::uint8_t>(kSanitization | kSecurityCloud), "ssl"});
  for (int i = 0; i < 4; ++i) p.push_back({LgTerminal(r), InTerminal(r), 8080, kTcp, kSanitization, "http"});  // LGWAN → internet tier
  for (int i = 0; i < 3; ++i) p.push_back({LgTerminal(r), Public(r), 443, kTcp, kSanitization, "ssl"});        // LGWAN → internet
  for (int i = 0; i < 2; ++i) p.push_back({Wifi(r), LgServer(r), 445, kTcp, kSanitization, "smb"});             // wireless LAN → LGWAN
  for (int i = 0; i < 2; ++i) p.push_back({Dmz(r), LgTerminal(r), 139, kTcp, kSanitization, "-"});              // DMZ → LGWAN
  for (int i = 0; i < 3; ++i)                                                                                     // around the cloud
    p.push_back({InTerminal(r), V4(203, 0, 113, static_cast<int>(r.Between(21, 40))), 443, kTcp, kSecurityCloud, "ssl"});
  return p;
}

class Generator {
 public:
  Generator(std::uint64_t seed, std::uint64_t flows, double violations, std::int64_t start_ms, std::int64_t span_ms)
      : rng_(seed), pairs_rng_(seed ^ 0x5eedULL), flows_(flows), violations_(violations), start_ms_(start_ms), span_ms_(span_ms) {
    pairs_ = ViolationPairs(pairs_rng_);
    // Zipf-like weights: a few pairs make most of the noise.
    double total = 0;
    for (std::size_t i = 0; i < pairs_.size(); ++i) total += 1.0 / static_cast<double>(i + 1);
    double acc = 0;
    for (std::size_t i = 0; i < pairs_.size(); ++i) {
      acc += 1.0 / static_cast<double>(i + 1) / total;
      pair_cdf_.push_back(acc);
    }
  }

  [[nodiscard]] std::size_t PairCount() const { return pairs_.size(); }

  void Make(std::uint64_t i, Flow& f) {
    f = Flow{};
    f.start_ms = start_ms_ + static_cast<std::int64_t>(static_cast<double>(i) * static_cast<double>(span_ms_) /
                                                      static_cast<double>(flows_));
    f.sport = static_cast<std::uint16_t>(rng_.Between(32768, 60999));
    if (rng_.Unit() < violations_) {
      const double u = rng_.Unit();
      std::size_t k = 0;
      while (k + 1 < pair_cdf_.size() && u > pair_cdf_[k]) ++k;
      const Pair& p = pairs_[k];
      f.src = p.src;
      f.dst = p.dst;
      f.dport = p.dport;
      f.proto = p.proto;
      f.rules = p.rules;
      f.service = p.service;
      Tcp(f, 600, 4000);
      if (rng_.Below(4) == 0) {  // refused or unanswered attempts
        f.state = "REJ";
        f.history = "Sr";
        f.orig_bytes = f.resp_bytes = 0;
        f.orig_pkts = f.resp_pkts = 1;
        f.duration_ms = 0;
      }
      return;
    }
    const std::uint32_t c = rng_.Below(1000);  // per mille
    if (c < 120) {
      f.src = MnTerminal(rng_), f.dst = MnServer(rng_), f.dport = rng_.Below(3) ? 443 : 8443, f.service = "ssl";
      Tcp(f, 1500, 60000);
    } else if (c < 135) {
      f.src = MnServer(rng_), f.dst = JukiNet(rng_), f.dport = 443, f.service = "ssl";
      Tcp(f, 4000, 20000);
    } else if (c < 150) {
      f.src = MnServer(rng_), f.dst = Intermediate(rng_), f.dport = 443, f.service = "ssl";
      Tcp(f, 4000, 20000);
    } else if (c < 160) {
      f.src = MnTerminal(rng_), f.dst = V4(10, 10, 9, static_cast<int>(rng_.Between(1, 20))), f.dport = 9100;  // printers
      Tcp(f, 200000, 500);
    } else if (c < 360) {
      f.src = LgTerminal(rng_), f.dst = LgServer(rng_), f.dport = rng_.Below(2) ? 445 : 443;
      f.service = f.dport == 445 ? "smb" : "ssl";
      Tcp(f, 3000, 120000);
    } else if (c < 460) {
      f.src = LgTerminal(rng_), f.dst = Lgwan(rng_), f.dport = 443, f.service = "ssl";
      Tcp(f, 1200, 40000);
    } else if (c < 490) {
      f.src = LgTerminal(rng_), f.dst = kMailGateway, f.dport = 993, f.service = "ssl";
      Tcp(f, 800, 30000);
    } else if (c < 510) {
      f.src = LgTerminal(rng_), f.dst = kFileGateway, f.dport = 3389, f.service = "rdp";
      Tcp(f, 20000, 400000);
    } else if (c < 760) {
      f.src = rng_.Below(8) ? InTerminal(rng_) : Wifi(rng_), f.dst = SecurityCloud(rng_);
      f.dport = rng_.Below(4) ? 8080 : 443, f.service = f.dport == 443 ? "ssl" : "http";
      Tcp(f, 1500, 80000);
    } else if (c < 840) {  // the internet through the cloud (the register's internet connection CN-04)
      f.src = InTerminal(rng_), f.dst = Public(rng_), f.dport = 443, f.service = "ssl";
      Tcp(f, 1500, 80000);
    } else if (c < 870) {
      f.src = Wifi(rng_), f.dst = Public(rng_), f.dport = rng_.Below(3) ? 443 : 80, f.service = f.dport == 443 ? "ssl" : "http";
      Tcp(f, 1000, 50000);
    } else if (c < 880) {
      f.src = Dmz(rng_), f.dst = kMailGateway, f.dport = 25, f.service = "smtp";
      Tcp(f, 30000, 500);
    } else if (c < 900) {
      f.src = Public(rng_), f.dst = Dmz(rng_), f.dport = rng_.Below(2) ? 25 : 443, f.service = f.dport == 25 ? "smtp" : "ssl";
      Tcp(f, 8000, 3000);
      if (rng_.Below(10) == 0) f.state = "S0", f.history = "S", f.orig_bytes = f.resp_bytes = 0, f.orig_pkts = 1, f.resp_pkts = 0;
    } else if (c < 950) {
      f.src = LgTerminal(rng_), f.dst = V4(10, 21, 0, 53), f.dport = 53;
      Dns(f);
    } else if (c < 970) {
      f.src = InTerminal(rng_), f.dst = V4(10, 31, 0, 53), f.dport = 53;
      Dns(f);
    } else if (c < 980) {
      f.src = MnTerminal(rng_), f.dst = V4(10, 11, 0, 53), f.dport = 53;
      Dns(f);
    } else if (c < 990) {
      f.src = LgTerminal(rng_), f.dst = LgServer(rng_), f.proto = kIcmp, f.sport = 8, f.dport = 0, f.state = "OTH", f.history = "-";
      f.orig_pkts = f.resp_pkts = rng_.Between(1, 4);
      f.orig_bytes = f.resp_bytes = 56ULL * f.orig_pkts;
      f.duration_ms = rng_.Below(4000);
    } else {
      f.src = InTerminal(rng_), f.dst = InTerminal(rng_), f.dport = rng_.Below(2) ? 445 : 5353;
      Tcp(f, 2000, 20000);
    }
  }

 private:
  void Tcp(Flow& f, std::uint32_t up, std::uint32_t down) {
    f.proto = kTcp;
    f.orig_bytes = rng_.Below(up) + 40;
    f.resp_bytes = rng_.Below(down) + 40;
    f.orig_pkts = static_cast<std::uint32_t>(f.orig_bytes / 1400 + 3);
    f.resp_pkts = static_cast<std::uint32_t>(f.resp_bytes / 1400 + 2);
    const double d = -std::log(1.0 - rng_.Unit()) * 4000.0;  // exponential, mean 4 s
    f.duration_ms = static_cast<std::uint32_t>(std::min(d, 600000.0));
  }
  void Dns(Flow& f) {
    f.proto = kUdp, f.service = "dns", f.state = "SF", f.history = "Dd";
    f.orig_pkts = f.resp_pkts = 1;
    f.orig_bytes = rng_.Between(28, 60);
    f.resp_bytes = rng_.Between(60, 300);
    f.duration_ms = rng_.Below(50);
  }

  Rng rng_, pairs_rng_;
  std::uint64_t flows_;
  double violations_;
  std::int64_t start_ms_, span_ms_;
  std::vector<Pair> pairs_;
  std::vector<double> pair_cdf_;
};

std::string Ip(std::uint32_t a) { return fmt::format("{}.{}.{}.{}", a >> 24, (a >> 16) & 0xff, (a >> 8) & 0xff, a & 0xff); }

std::uint64_t IpBytes(const Flow& f, bool orig) {
  const std::uint64_t header = f.proto == kTcp ? 40 : f.proto == kUdp ? 28 : 28;  // IPv4 + TCP/UDP/ICMP headers
  return orig ? f.orig_bytes + header * f.orig_pkts : f.resp_bytes + header * f.resp_pkts;
}

// ---- Zeek conn.log -----------------------------------------------------------------------------------

class ZeekWriter {
 public:
  explicit ZeekWriter(std::FILE* out) : out_(out) {
    buf_ =
        "#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n#path\tconn\n"
        "#open\t2026-11-22-09-00-00\n"
        "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tservice\tduration\torig_bytes\tresp_bytes\t"
        "conn_state\tlocal_orig\tlocal_resp\tmissed_bytes\thistory\torig_pkts\torig_ip_bytes\tresp_pkts\tresp_ip_bytes\t"
        "tunnel_parents\n"
        "#types\ttime\tstring\taddr\tport\taddr\tport\tenum\tstring\tinterval\tcount\tcount\tstring\tbool\tbool\tcount\t"
        "string\tcount\tcount\tcount\tcount\tset[string]\n";
  }
  void Write(std::uint64_t i, const Flow& f) {
    // uid: "C" and 17 base-62 characters (7 scrambled, then the connection's number), unique.
    char uid[19];
    uid[0] = 'C';
    static constexpr char kDigits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    std::uint64_t x = (i + 1) * 0x9E3779B97F4A7C15ULL, n = i;
    for (int k = 1; k <= 7; ++k, x /= 62) uid[k] = kDigits[x % 62];
    for (int k = 17; k >= 8; --k, n /= 62) uid[k] = kDigits[n % 62];
    uid[18] = 0;
    const bool local_resp = (f.dst >> 24) == 10;
    const char* proto = f.proto == kTcp ? "tcp" : f.proto == kUdp ? "udp" : "icmp";
    fmt::format_to(std::back_inserter(buf_), FMT_COMPILE("{}.{:06}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}.{:06}\t{}\t{}\t{}\tT\t{}\t0\t{}\t{}\t{}\t{}\t{}\t-\n"),
                   f.start_ms / 1000, (f.start_ms % 1000) * 1000 + static_cast<std::int64_t>(i % 997), uid, Ip(f.src),
                   f.sport, Ip(f.dst), f.dport, proto, f.service, f.duration_ms / 1000, (f.duration_ms % 1000) * 1000,
                   f.orig_bytes, f.resp_bytes, f.state, local_resp ? 'T' : 'F', f.history, f.orig_pkts,
                   IpBytes(f, true), f.resp_pkts, IpBytes(f, false));
    if (buf_.size() >= (1 << 20)) Flush();
  }
  bool Flush() {
    const bool ok = std::fwrite(buf_.data(), 1, buf_.size(), out_) == buf_.size();
    buf_.clear();
    return ok;
  }

 private:
  std::FILE* out_;
  std::string buf_;
};

// ---- NetFlow v9 -----------------------------------------------------------------------------------------

// Template 256: the fields of a typical router export, 30 bytes per record.
constexpr std::array<std::pair<std::uint16_t, std::uint16_t>, 10> kTemplate = {{
    {8, 4},   // IPV4_SRC_ADDR
    {12, 4},  // IPV4_DST_ADDR
    {7, 2},   // L4_SRC_PORT
    {11, 2},  // L4_DST_PORT
    {4, 1},   // PROTOCOL
    {6, 1},   // TCP_FLAGS
    {1, 4},   // IN_BYTES
    {2, 4},   // IN_PKTS
    {22, 4},  // FIRST_SWITCHED
    {21, 4},  // LAST_SWITCHED
}};
constexpr std::size_t kRecordBytes = 30;
constexpr std::uint16_t kTemplateId = 256;

class V9Builder {
 public:
  V9Builder(std::size_t per_datagram, std::size_t template_every, std::int64_t boot_ms)
      : per_(per_datagram), template_every_(template_every), boot_ms_(boot_ms) {}

  // Adds a record; true when a datagram is complete (then Datagram() holds it).
  bool Add(const Flow& f) {
    if (count_ == 0) {
      records_.clear();
      max_end_ms_ = 0;
    }
    const std::int64_t end = f.start_ms + f.duration_ms;
    if (end > max_end_ms_) max_end_ms_ = end;
    Be32(records_, f.src);
    Be32(records_, f.dst);
    if (f.proto == kIcmp) {  // type and code in the destination port
      Be16(records_, 0);
      Be16(records_, static_cast<std::uint16_t>(f.sport << 8 | f.dport));
    } else {
      Be16(records_, f.sport);
      Be16(records_, f.dport);
    }
    records_.push_back(f.proto);
    records_.push_back(f.proto == kTcp ? TcpFlags(f) : 0);
    Be32(records_, static_cast<std::uint32_t>(IpBytes(f, true)));
    Be32(records_, f.orig_pkts);
    Be32(records_, Uptime(f.start_ms));
    Be32(records_, Uptime(end));
    return ++count_ == per_;
  }
  [[nodiscard]] bool Pending() const { return count_ > 0; }

  // Builds the datagram of the records added so far.
  const std::vector<std::uint8_t>& Datagram() {
    dgram_.clear();
    const bool with_template = sequence_ % template_every_ == 0;
    const std::int64_t export_ms = max_end_ms_ + 1000;  // exported a second after the last flow ended
    export_ms_ = export_ms;
    Be16(dgram_, 9);
    Be16(dgram_, static_cast<std::uint16_t>(count_ + (with_template ? 1 : 0)));
    Be32(dgram_, Uptime(export_ms));
    Be32(dgram_, static_cast<std::uint32_t>(export_ms / 1000));
    Be32(dgram_, sequence_++);
    Be32(dgram_, 1);  // source id
    if (with_template) {
      Be16(dgram_, 0);
      Be16(dgram_, static_cast<std::uint16_t>(4 + 4 + 4 * kTemplate.size()));
      Be16(dgram_, kTemplateId);
      Be16(dgram_, static_cast<std::uint16_t>(kTemplate.size()));
      for (auto [type, len] : kTemplate) {
        Be16(dgram_, type);
        Be16(dgram_, len);
      }
    }
    const std::size_t pad = (4 - records_.size() % 4) % 4;
    Be16(dgram_, kTemplateId);
    Be16(dgram_, static_cast<std::uint16_t>(4 + records_.size() + pad));
    dgram_.insert(dgram_.end(), records_.begin(), records_.end());
    dgram_.insert(dgram_.end(), pad, 0);
    count_ = 0;
    return dgram_;
  }
  [[nodiscard]] std::int64_t ExportMs() const { return export_ms_; }

 private:
  static void Be16(std::vector<std::uint8_t>& b, std::uint16_t v) {
    b.push_back(static_cast<std::uint8_t>(v >> 8));
    b.push_back(static_cast<std::uint8_t>(v));
  }
  static void Be32(std::vector<std::uint8_t>& b, std::uint32_t v) {
    Be16(b, static_cast<std::uint16_t>(v >> 16));
    Be16(b, static_cast<std::uint16_t>(v));
  }
  static std::uint8_t TcpFlags(const Flow& f) {
    if (std::string_view(f.state) == "REJ") return 0x02;  // SYN only
    if (std::string_view(f.state) == "S0") return 0x02;
    return 0x1b;  // FIN SYN PSH ACK
  }
  [[nodiscard]] std::uint32_t Uptime(std::int64_t ms) const { return static_cast<std::uint32_t>(ms - boot_ms_); }

  std::size_t per_, template_every_;
  std::int64_t boot_ms_;
  std::size_t count_ = 0;
  std::int64_t max_end_ms_ = 0, export_ms_ = 0;
  std::uint32_t sequence_ = 0;
  std::vector<std::uint8_t> records_, dgram_;
};

// ---- UDP, paced by the receiver's queue -----------------------------------------------------------------

struct UdpQueue {
  std::uint64_t rx_queue = 0, drops = 0;
  bool found = false;
};

// The receiving socket bound to `port` (any address), from /proc/net/udp.
UdpQueue ReadQueue(std::uint16_t port) {
  UdpQueue q;
  std::FILE* f = std::fopen("/proc/net/udp", "r");
  if (!f) return q;
  char line[512];
  (void)std::fgets(line, sizeof line, f);  // header
  while (std::fgets(line, sizeof line, f)) {
    unsigned local_port = 0, rem_port = 0, state = 0;
    unsigned long tx = 0, rx = 0, drops = 0;
    char local_addr[64], rem_addr[64];
    // "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops"
    if (std::sscanf(line, " %*d: %63[0-9A-Fa-f]:%x %63[0-9A-Fa-f]:%x %x %lx:%lx", local_addr, &local_port, rem_addr, &rem_port,
                    &state, &tx, &rx) != 7)
      continue;
    if (local_port != port || rem_port != 0) continue;
    const char* last = std::strrchr(line, ' ');
    if (last) drops = std::strtoul(last + 1, nullptr, 10);
    q.rx_queue += rx;
    q.drops += drops;
    q.found = true;
  }
  std::fclose(f);
  return q;
}

class Sender {
 public:
  static std::optional<Sender> Open(const std::string& spec, double rate, std::uint64_t max_queue) {
    const auto colon = spec.rfind(':');
    if (colon == std::string::npos) return std::nullopt;
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(static_cast<std::uint16_t>(std::atoi(spec.c_str() + colon + 1)));
    if (::inet_pton(AF_INET, spec.substr(0, colon).c_str(), &to.sin_addr) != 1) return std::nullopt;
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) return std::nullopt;
    Sender s;
    s.fd_ = fd;
    s.port_ = ntohs(to.sin_port);
    s.interval_ns_ = rate > 0 ? static_cast<std::int64_t>(1e9 / rate) : 0;
    s.max_queue_ = max_queue;
    s.start_ = std::chrono::steady_clock::now();
    s.next_ = s.start_;
    s.before_ = ReadQueue(s.port_);
    return s;
  }

  bool Send(const std::vector<std::uint8_t>& d) {
    if (interval_ns_ > 0) {
      next_ += std::chrono::nanoseconds(interval_ns_);
      const auto now = std::chrono::steady_clock::now();
      if (next_ > now + std::chrono::microseconds(200)) std::this_thread::sleep_until(next_);
    }
    if (max_queue_ > 0 && ++since_check_ >= 8) {
      since_check_ = 0;
      for (int wait = 0; wait < 50000; ++wait) {  // at most ~5 s for a stalled receiver
        const auto q = ReadQueue(port_);
        if (!q.found || q.rx_queue <= max_queue_) break;
        ++waits_;
        std::this_thread::sleep_for(std::chrono::microseconds(100));
      }
    }
    for (;;) {
      const ssize_t n = ::send(fd_, d.data(), d.size(), 0);
      if (n == static_cast<ssize_t>(d.size())) break;
      if (n < 0 && (errno == ENOBUFS || errno == EAGAIN || errno == EINTR)) {
        std::this_thread::sleep_for(std::chrono::microseconds(50));
        continue;
      }
      std::fprintf(stderr, "送信できません: %s\n", std::strerror(errno));
      return false;
    }
    ++sent_;
    return true;
  }

  void Report(std::uint64_t records) const {
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const auto after = ReadQueue(port_);
    std::fprintf(stderr, "sent datagrams=%" PRIu64 " records=%" PRIu64 " seconds=%.1f waits=%" PRIu64 " receiver_drops=%s\n",
                 sent_, records, secs, waits_,
                 after.found && before_.found ? std::to_string(after.drops - before_.drops).c_str() : "unknown");
  }
  ~Sender() {
    if (fd_ >= 0) ::close(fd_);
  }
  Sender(Sender&& o) noexcept { *this = std::move(o); }
  Sender& operator=(Sender&& o) noexcept {
    std::swap(fd_, o.fd_);
    port_ = o.port_, interval_ns_ = o.interval_ns_, max_queue_ = o.max_queue_, start_ = o.start_, next_ = o.next_;
    before_ = o.before_, sent_ = o.sent_, waits_ = o.waits_;
    return *this;
  }

 private:
  Sender() = default;
  int fd_ = -1;
  std::uint16_t port_ = 0;
  std::int64_t interval_ns_ = 0;
  std::uint64_t max_queue_ = 0;
  std::chrono::steady_clock::time_point start_, next_;
  UdpQueue before_;
  std::uint64_t sent_ = 0, waits_ = 0;
  int since_check_ = 0;
};

void Usage() {
  std::fprintf(stderr,
               "使い方: net_flowgen [--flows N] [--seed S] [--zeek FILE] [--pcap FILE] [--send HOST:PORT]\n"
               "                    [--rate DATAGRAMS_PER_S] [--max-queue BYTES] [--per-datagram 30] [--template-every 20]\n"
               "                    [--violations FRACTION] [--span SECONDS]\n");
}

}  // namespace

int main(int argc, char** argv) {
  std::uint64_t flows = 10'000'000, seed = 20261122, max_queue = 65536;
  std::string zeek_path, pcap_path, send_to;
  double rate = 50000, violations = 0.001, span_s = 3600;
  std::size_t per_datagram = 30, template_every = 20;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    auto value = [&]() -> const char* {
      if (i + 1 >= argc) {
        Usage();
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--flows") flows = std::strtoull(value(), nullptr, 10);
    else if (a == "--seed") seed = std::strtoull(value(), nullptr, 10);
    else if (a == "--zeek") zeek_path = value();
    else if (a == "--pcap") pcap_path = value();
    else if (a == "--send") send_to = value();
    else if (a == "--rate") rate = std::strtod(value(), nullptr);
    else if (a == "--max-queue") max_queue = std::strtoull(value(), nullptr, 10);
    else if (a == "--per-datagram") per_datagram = std::strtoul(value(), nullptr, 10);
    else if (a == "--template-every") template_every = std::strtoul(value(), nullptr, 10);
    else if (a == "--violations") violations = std::strtod(value(), nullptr);
    else if (a == "--span") span_s = std::strtod(value(), nullptr);
    else {
      Usage();
      return 2;
    }
  }
  if (per_datagram == 0 || per_datagram > 45 || template_every == 0 || flows == 0) {
    std::fprintf(stderr, "--per-datagram は 1〜45、--template-every と --flows は 1 以上にしてください\n");
    return 2;
  }

  constexpr std::int64_t kStartMs = 1795305600000;  // 2026-11-22T00:00:00Z = 09:00 JST
  Generator gen(seed, flows, violations, kStartMs, static_cast<std::int64_t>(span_s * 1000));
  V9Builder v9(per_datagram, template_every, kStartMs - 10LL * 86'400'000);  // the router booted ten days before

  std::FILE* zeek_file = nullptr;
  std::optional<ZeekWriter> zeek;
  if (!zeek_path.empty()) {
    zeek_file = std::fopen(zeek_path.c_str(), "wb");
    if (!zeek_file) {
      std::fprintf(stderr, "%s を書けません: %s\n", zeek_path.c_str(), std::strerror(errno));
      return 1;
    }
    zeek.emplace(zeek_file);
  }
  std::optional<mamori::net::parse::PcapWriter> pcap;
  if (!pcap_path.empty()) {
    auto w = mamori::net::parse::PcapWriter::Create(pcap_path);
    if (!w) {
      std::fprintf(stderr, "%s\n", w.error().message.c_str());
      return 1;
    }
    pcap.emplace(std::move(*w));
  }
  std::optional<Sender> sender;
  if (!send_to.empty()) {
    sender = Sender::Open(send_to, rate, max_queue);
    if (!sender) {
      std::fprintf(stderr, "送り先 %s を開けません（127.0.0.1:9995 の形で）\n", send_to.c_str());
      return 1;
    }
  }
  const Address exporter = Address::V4(V4(10, 40, 0, 1)), collector = Address::V4(V4(10, 40, 0, 100));

  std::uint64_t cross = 0, by_rule[3] = {0, 0, 0}, datagrams = 0;
  bool ok = true;
  auto emit = [&] {
    const auto& d = v9.Datagram();
    ++datagrams;
    if (pcap && !pcap->WriteUdp(v9.ExportMs() * 1'000'000, exporter, 50000, collector, 2055, d)) ok = false;
    if (sender && !sender->Send(d)) ok = false;
  };
  Flow f;
  for (std::uint64_t i = 0; i < flows && ok; ++i) {
    gen.Make(i, f);
    if (f.rules) {
      ++cross;
      for (int r = 0; r < 3; ++r)
        if (f.rules & (1 << r)) ++by_rule[r];
    }
    if (zeek) zeek->Write(i, f);
    if ((pcap || sender) && v9.Add(f)) emit();
  }
  if (ok && (pcap || sender) && v9.Pending()) emit();
  if (zeek && (!zeek->Flush() || std::fclose(zeek_file) != 0)) ok = false;
  if (pcap && !pcap->Close()) ok = false;
  if (sender) sender->Report(flows);
  if (!ok) {
    std::fprintf(stderr, "書き出しに失敗しました\n");
    return 1;
  }
  std::printf("flows=%" PRIu64 " datagrams=%" PRIu64 " cross_tier=%" PRIu64 " my_number_isolation=%" PRIu64
              " sanitization=%" PRIu64 " security_cloud=%" PRIu64 " pairs=%zu seed=%" PRIu64 "\n",
              flows, datagrams, cross, by_rule[0], by_rule[1], by_rule[2], gen.PairCount(), seed);
  return 0;
}
