// Input parsers of `mamori net watch`: lines per second for each log format,
// and records per second for NetFlow v5, v9 and IPFIX datagrams, on generated
// input held in memory (the cost of reading files is not counted; splitting
// lines is), measured in CPU time of the one thread that parses. Targets: Zeek TSV > 3 million lines/s, NetFlow v5 and v9 > 10
// million records/s in a release build.
//
//   build/release/bench/net_parse_bench [lines] [--only NAME] [--pcap FILE FLOWS]
//
// With --pcap it also writes FLOWS NetFlow v5 records (30 per datagram) as a
// classic pcap file, as `tcpdump -w` would capture them, for end-to-end runs.
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "net/watch/line_parser.h"
#include "net/watch/netflow.h"
#include "net/watch/pcap.h"

using namespace mamori;
using namespace mamori::net;
using namespace mamori::net::parse;

namespace {

// CPU seconds of this thread (the machine is shared: wall time would count
// the time other processes had the core).
double ThreadSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

template <typename F>
double Seconds(F&& f) {
  const double start = ThreadSeconds();
  f();
  return ThreadSeconds() - start;
}

std::string Ip(std::size_t i, int net) {
  return fmt::format("10.{}.{}.{}", net, (i >> 8) & 0xff, i & 0xff);
}

// Lines of each format, varied so that no two are alike.
std::string ZeekTsv(std::size_t n) {
  std::string s =
      "#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n#path\tconn\n"
      "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tservice\tduration\torig_bytes\tresp_bytes\t"
      "conn_state\tlocal_orig\tlocal_resp\tmissed_bytes\thistory\torig_pkts\torig_ip_bytes\tresp_pkts\tresp_ip_bytes\t"
      "tunnel_parents\n"
      "#types\ttime\tstring\taddr\tport\taddr\tport\tenum\tstring\tinterval\tcount\tcount\tstring\tbool\tbool\tcount\t"
      "string\tcount\tcount\tcount\tcount\tset[string]\n";
  for (std::size_t i = 0; i < n; ++i)
    s += fmt::format("{}.{:06}\tC{:017x}\t{}\t{}\t{}\t{}\t{}\t{}\t{}.{:06}\t{}\t{}\tSF\tT\tF\t0\tShADadFf\t{}\t{}\t{}\t{}\t(empty)\n",
                     1795334400 + i / 1000, i % 1000000, i * 2654435761u, Ip(i, 20), 1024 + i % 60000, Ip(i * 7, 30),
                     i % 3 == 0 ? 443 : 53, i % 3 == 0 ? "tcp" : "udp", i % 3 == 0 ? "ssl" : "dns", i % 20, i % 999999,
                     i % 5000, i % 90000, i % 50, i % 7000, i % 60, i % 95000);
  return s;
}

std::string ZeekJson(std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i)
    s += fmt::format(
        R"({{"ts":{}.{:06},"uid":"C{:017x}","id.orig_h":"{}","id.orig_p":{},"id.resp_h":"{}","id.resp_p":{},"proto":"tcp","service":"ssl","duration":1.5,"orig_bytes":{},"resp_bytes":{},"conn_state":"SF","local_orig":true,"local_resp":false,"missed_bytes":0,"history":"ShADadFf","orig_pkts":{},"orig_ip_bytes":{},"resp_pkts":{},"resp_ip_bytes":{},"tunnel_parents":[]}})"
        "\n",
        1795334400 + i / 1000, i % 1000000, i * 2654435761u, Ip(i, 20), 1024 + i % 60000, Ip(i * 7, 30), 443, i % 5000,
        i % 90000, i % 50, i % 7000, i % 60, i % 95000);
  return s;
}

std::string Suricata(std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i)
    s += fmt::format(
        R"({{"timestamp":"2026-11-22T09:10:{:02}.{:06}+0900","flow_id":{},"in_iface":"eth1","event_type":"flow","src_ip":"{}","src_port":{},"dest_ip":"{}","dest_port":443,"proto":"TCP","app_proto":"tls","flow":{{"pkts_toserver":{},"pkts_toclient":{},"bytes_toserver":{},"bytes_toclient":{},"start":"2026-11-22T09:09:47.000000+0900","end":"2026-11-22T09:10:00.000000+0900","age":13,"state":"closed","reason":"timeout","alerted":false}},"tcp":{{"tcp_flags":"1b","syn":true,"fin":true,"psh":true,"ack":true,"state":"closed"}}}})"
        "\n",
        i % 60, i % 1000000, i * 2654435761u, Ip(i, 20), 1024 + i % 60000, Ip(i * 7, 30), i % 50, i % 60, i % 7000,
        i % 95000);
  return s;
}

std::string FortiGate(std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i)
    s += fmt::format(
        "<189>date=2026-11-22 time=09:30:{:02} devname=\"FGT60F-HQ\" devid=\"FGT60FTK20000001\" eventtime={} "
        "tz=\"+0900\" logid=\"0000000013\" type=\"traffic\" subtype=\"forward\" level=\"notice\" vd=\"root\" srcip={} "
        "srcport={} srcintf=\"internal1\" srcintfrole=\"lan\" dstip={} dstport=443 dstintf=\"wan1\" dstintfrole=\"wan\" "
        "sessionid={} proto=6 action=\"close\" policyid=12 policytype=\"policy\" service=\"HTTPS\" trandisp=\"snat\" "
        "transip=198.51.100.2 transport={} duration=13 sentbyte={} rcvdbyte={} sentpkt={} rcvdpkt={} appcat=\"unscanned\"\n",
        i % 60, 1795307400123456789ULL + i * 1000, Ip(i, 20), 1024 + i % 60000, Ip(i * 7, 30), i, 1024 + i % 60000,
        i % 7000, i % 95000, i % 50, i % 60);
  return s;
}

std::string Panos(std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i)
    s += fmt::format(
        "Nov 22 09:40:{:02} PA-220-HQ 1,2026/11/22 09:40:00,012801000001,TRAFFIC,end,2304,2026/11/22 09:40:{:02},{},{},"
        "198.51.100.2,203.0.113.80,allow-web,,,ssl,vsys1,trust,untrust,ethernet1/2,ethernet1/1,Log-Forwarding,2026/11/22 "
        "09:40:00,{},1,{},443,20001,443,0x400053,tcp,allow,{},2850,41943,{},2026/11/22 09:39:47,13,any,0,{},0x0,"
        "10.0.0.0-10.255.255.255,Japan,0,25,33,tcp-fin,0,0,0,0,,PA-220-HQ,from-policy,,,0,,0,,N/A,0,0,0,0\n",
        i % 60, i % 60, Ip(i, 20), Ip(i * 7, 30), i, 1024 + i % 60000, i % 99999, i % 60, i);
  return s;
}

std::string Asa(std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) {
    if (i % 2 == 0)
      s += fmt::format(
          "<166>Nov 22 2026 09:50:{:02} asa-hq : %ASA-6-302013: Built outbound TCP connection {} for "
          "outside:{}/443 ({}/443) to inside:{}/{} (198.51.100.2/{})\n",
          i % 60, i, Ip(i * 7, 30), Ip(i * 7, 30), Ip(i, 20), 1024 + i % 60000, 1024 + i % 60000);
    else
      s += fmt::format(
          "<166>Nov 22 2026 09:50:{:02} asa-hq : %ASA-6-302014: Teardown TCP connection {} for outside:{}/443 to "
          "inside:{}/{} duration 0:00:13 bytes {} TCP FINs\n",
          i % 60, i - 1, Ip((i - 1) * 7, 30), Ip(i - 1, 20), 1024 + (i - 1) % 60000, i % 99999);
  }
  return s;
}

std::string Iptables(std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i)
    s += fmt::format(
        "Nov 22 10:00:{:02} gw01 kernel: [1234567.890123] iptables DROP_INPUT: IN=eth0 OUT= "
        "MAC=02:00:00:00:00:01:02:00:00:00:00:02:08:00 SRC={} DST={} LEN=60 TOS=0x00 PREC=0x00 TTL=51 ID={} DF "
        "PROTO=TCP SPT={} DPT=22 WINDOW=64240 RES=0x00 SYN URGP=0\n",
        i % 60, Ip(i * 7, 30), Ip(i, 20), i % 65536, 1024 + i % 60000);
  return s;
}

struct LineRun {
  std::size_t lines = 0, flows = 0;
  double seconds = 0;
};

LineRun ParseAll(Format format, const std::string& text) {
  LineRun r;
  LineParser parser(format);
  FlowEvent flow;
  std::uint64_t sink = 0;
  r.seconds = Seconds([&] {
    const char* p = text.data();
    const char* end = p + text.size();
    while (p < end) {
      const auto* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
      const char* e = nl != nullptr ? nl : end;
      if (parser.Parse(std::string_view(p, static_cast<std::size_t>(e - p)), flow).outcome == LineOutcome::kFlow) {
        ++r.flows;
        sink += flow.bytes + flow.dst_port;
      }
      ++r.lines;
      p = e + 1;
    }
  });
  if (sink == 42) std::puts("");
  return r;
}

void Put16(std::vector<std::uint8_t>& v, std::uint32_t x) {
  v.push_back(static_cast<std::uint8_t>(x >> 8));
  v.push_back(static_cast<std::uint8_t>(x));
}
void Put32(std::vector<std::uint8_t>& v, std::uint32_t x) {
  Put16(v, x >> 16);
  Put16(v, x & 0xffff);
}

// A NetFlow v5 datagram of 30 records starting at record number `base`.
std::vector<std::uint8_t> V5(std::uint32_t base) {
  std::vector<std::uint8_t> v;
  Put16(v, 5);
  Put16(v, 30);
  Put32(v, 3'600'000);
  Put32(v, 1795334400 + base / 1000);
  Put32(v, 0);
  Put32(v, base);
  Put32(v, 0);
  for (std::uint32_t i = base; i < base + 30; ++i) {
    Put32(v, 0x0a140000 | (i & 0xffff));
    Put32(v, 0x0a1e0000 | ((i * 7) & 0xffff));
    Put32(v, 0);
    Put16(v, 1 + i % 8);
    Put16(v, 1 + i % 4);
    Put32(v, 1 + i % 50);
    Put32(v, 40 + i % 90000);
    Put32(v, 3'500'000 + i % 1000);
    Put32(v, 3'590'000);
    Put16(v, 1024 + i % 60000);
    Put16(v, i % 3 == 0 ? 443 : 53);
    v.push_back(0);
    v.push_back(0x1b);
    v.push_back(i % 3 == 0 ? 6 : 17);
    v.push_back(0);
    Put32(v, 0);
    Put32(v, 0x18180000);
  }
  return v;
}

// NetFlow v9 / IPFIX: the fields of a typical router template (IPv4, 45 bytes per record).
constexpr std::uint16_t kFields[][2] = {{8, 4}, {12, 4}, {15, 4}, {10, 2}, {14, 2}, {2, 4}, {1, 4}, {22, 4},
                                        {21, 4}, {7, 2}, {11, 2}, {6, 1}, {4, 1}, {5, 1}, {16, 2}, {17, 2},
                                        {9, 1}, {13, 1}};
void Records(std::vector<std::uint8_t>& v, std::uint32_t base, int n, bool ipfix) {
  for (std::uint32_t i = base; i < base + static_cast<std::uint32_t>(n); ++i) {
    Put32(v, 0x0a140000 | (i & 0xffff));
    Put32(v, 0x0a1e0000 | ((i * 7) & 0xffff));
    Put32(v, 0);
    Put16(v, 1 + i % 8);
    Put16(v, 1 + i % 4);
    Put32(v, 1 + i % 50);
    Put32(v, 40 + i % 90000);
    Put32(v, ipfix ? 0 : 3'500'000 + i % 1000);
    Put32(v, 3'590'000);
    Put16(v, 1024 + i % 60000);
    Put16(v, i % 3 == 0 ? 443 : 53);
    v.push_back(0x1b);
    v.push_back(i % 3 == 0 ? 6 : 17);
    v.push_back(0);
    Put16(v, 0);
    Put16(v, 0);
    v.push_back(24);
    v.push_back(24);
  }
}
std::vector<std::uint8_t> V9(std::uint32_t base, bool with_template, int n) {
  std::vector<std::uint8_t> v;
  Put16(v, 9);
  Put16(v, static_cast<std::uint32_t>(n + (with_template ? 1 : 0)));
  Put32(v, 3'600'000);
  Put32(v, 1795334400 + base / 1000);
  Put32(v, base);
  Put32(v, 1);
  if (with_template) {
    Put16(v, 0);
    Put16(v, 4 + 4 + 4 * static_cast<std::uint32_t>(std::size(kFields)));
    Put16(v, 256);
    Put16(v, static_cast<std::uint32_t>(std::size(kFields)));
    for (const auto& f : kFields) {
      Put16(v, f[0]);
      Put16(v, f[1]);
    }
  }
  const std::size_t set_at = v.size();
  Put16(v, 256);
  Put16(v, 0);
  Records(v, base, n, false);
  while ((v.size() - set_at) % 4 != 0) v.push_back(0);
  v[set_at + 2] = static_cast<std::uint8_t>((v.size() - set_at) >> 8);
  v[set_at + 3] = static_cast<std::uint8_t>(v.size() - set_at);
  return v;
}
std::vector<std::uint8_t> Ipfix(std::uint32_t base, bool with_template, int n) {
  std::vector<std::uint8_t> v;
  Put16(v, 10);
  Put16(v, 0);
  Put32(v, 1795334400 + base / 1000);
  Put32(v, base);
  Put32(v, 1);
  if (with_template) {
    Put16(v, 2);
    Put16(v, 4 + 4 + 4 * static_cast<std::uint32_t>(std::size(kFields)));
    Put16(v, 256);
    Put16(v, static_cast<std::uint32_t>(std::size(kFields)));
    for (const auto& f : kFields) {
      Put16(v, f[0] == 22 ? 150 : f[0]);  // flowStartSeconds instead of a sysUptime
      Put16(v, f[1]);
    }
  }
  const std::size_t set_at = v.size();
  Put16(v, 256);
  Put16(v, 0);
  Records(v, base, n, true);
  v[set_at + 2] = static_cast<std::uint8_t>((v.size() - set_at) >> 8);
  v[set_at + 3] = static_cast<std::uint8_t>(v.size() - set_at);
  v[2] = static_cast<std::uint8_t>(v.size() >> 8);
  v[3] = static_cast<std::uint8_t>(v.size());
  return v;
}

struct FlowRun {
  std::size_t records = 0, malformed = 0;
  double seconds = 0;
};

FlowRun DecodeAll(const std::vector<std::vector<std::uint8_t>>& datagrams, int rounds) {
  FlowRun r;
  FlowDecoder decoder;
  const Address exporter = *Address::Parse("192.0.2.10");
  std::vector<FlowEvent> out;
  out.reserve(64);
  std::uint64_t sink = 0;
  r.seconds = Seconds([&] {
    for (int k = 0; k < rounds; ++k)
      for (const auto& d : datagrams) {
        out.clear();
        const auto res = decoder.Decode(d, exporter, out);
        r.records += res.flows;
        r.malformed += res.malformed;
        sink += out.back().bytes;
      }
  });
  if (sink == 42) std::puts("");
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t n = 1'000'000;
  std::string pcap_path, only;
  std::size_t pcap_flows = 0;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--only") == 0 && i + 1 < argc) {
      only = argv[++i];
    } else if (std::strcmp(argv[i], "--pcap") == 0 && i + 2 < argc) {
      pcap_path = argv[i + 1];
      pcap_flows = std::strtoul(argv[i + 2], nullptr, 10);
      i += 2;
    } else {
      n = std::strtoul(argv[i], nullptr, 10);
    }
  }

  std::printf("net_parse_bench: %zu lines per format, in memory\n\n", n);
  std::printf("%-12s %12s %14s %10s\n", "format", "lines", "lines/s", "MB/s");
  struct Case {
    const char* name;
    Format format;
    std::string (*make)(std::size_t);
    double target;
  };
  bool all_met = true;
  for (const Case& c : {Case{"zeek", Format::kZeekTsv, ZeekTsv, 3e6}, Case{"zeek-json", Format::kZeekJson, ZeekJson, 0},
                        Case{"suricata", Format::kSuricata, Suricata, 0},
                        Case{"fortigate", Format::kFortiGate, FortiGate, 0}, Case{"panos", Format::kPanos, Panos, 0},
                        Case{"asa", Format::kAsa, Asa, 0}, Case{"iptables", Format::kIptables, Iptables, 0},
                        Case{"auto(zeek)", Format::kAuto, ZeekTsv, 0}}) {
    if (!only.empty() && only != c.name) continue;
    const std::string text = c.make(n);
    ParseAll(c.format, text.substr(0, text.size() / 10));  // warm up
    const LineRun r = ParseAll(c.format, text);
    const double rate = static_cast<double>(r.lines) / r.seconds;
    std::printf("%-12s %12zu %14.0f %10.1f", c.name, r.lines, rate, static_cast<double>(text.size()) / r.seconds / 1e6);
    if (r.flows + 16 < r.lines) std::printf("  (only %zu flows!)", r.flows);
    if (c.target > 0) {
      std::printf("  target > %.0f: %s", c.target, rate > c.target ? "met" : "NOT MET");
      all_met = all_met && rate > c.target;
    }
    std::printf("\n");
  }

  std::printf("\n%-12s %12s %14s\n", "flows", "records", "records/s");
  const std::size_t datagrams = std::max<std::size_t>(1, n / 30);
  struct FlowCase {
    const char* name;
    std::vector<std::vector<std::uint8_t>> data;
    double target;
  };
  std::vector<FlowCase> flow_cases(3);
  flow_cases[0].name = "netflow-v5";
  flow_cases[0].target = 10e6;
  flow_cases[1].name = "netflow-v9";
  flow_cases[1].target = 10e6;
  flow_cases[2].name = "ipfix";
  for (std::size_t i = 0; i < datagrams; ++i) {
    const auto base = static_cast<std::uint32_t>(i * 30);
    flow_cases[0].data.push_back(V5(base));
    // A template every 20 datagrams, as exporters resend them.
    flow_cases[1].data.push_back(V9(base, i % 20 == 0, 30));
    flow_cases[2].data.push_back(Ipfix(base, i % 20 == 0, 30));
  }
  for (const auto& c : flow_cases) {
    if (!only.empty() && only != c.name) continue;
    DecodeAll(c.data, 1);  // warm up
    const FlowRun r = DecodeAll(c.data, 3);
    const double rate = static_cast<double>(r.records) / r.seconds;
    std::printf("%-12s %12zu %14.0f", c.name, r.records, rate);
    if (r.malformed != 0) std::printf("  (%zu malformed!)", r.malformed);
    if (c.target > 0) {
      std::printf("  target > %.0f: %s", c.target, rate > c.target ? "met" : "NOT MET");
      all_met = all_met && rate > c.target;
    }
    std::printf("\n");
  }

  // pcap: write the v5 datagrams to memory and read them back into the decoder.
  {
    std::vector<std::uint8_t> file;
    auto writer = PcapWriter::ToBuffer(file);
    const Address src = *Address::Parse("192.0.2.10"), dst = *Address::Parse("198.51.100.1");
    for (std::size_t i = 0; i < flow_cases[0].data.size(); ++i)
      (void)writer.WriteUdp(1795334400'000'000'000 + static_cast<std::int64_t>(i) * 1000, src, 40000, dst, 2055,
                            flow_cases[0].data[i]);
    std::size_t records = 0;
    FlowDecoder decoder;
    std::vector<FlowEvent> out;
    const double s = Seconds([&] {
      auto reader = PcapReader::FromMemory(file);
      if (!reader) return;
      UdpPacket pkt;
      while (true) {
        auto next = reader->Next(pkt);
        if (!next || !*next) break;
        out.clear();
        records += decoder.Decode(pkt.payload, pkt.src, out).flows;
      }
    });
    std::printf("%-12s %12zu %14.0f  (pcap in memory, read and decoded)\n", "pcap+v5", records,
                static_cast<double>(records) / s);
  }

  if (!pcap_path.empty()) {
    auto writer = PcapWriter::Create(pcap_path);
    if (!writer) {
      std::fprintf(stderr, "%s\n", writer.error().ToString().c_str());
      return 1;
    }
    const Address src = *Address::Parse("192.0.2.10"), dst = *Address::Parse("198.51.100.1");
    std::size_t written = 0;
    for (std::size_t i = 0; written < pcap_flows; ++i, written += 30) {
      auto d = V5(static_cast<std::uint32_t>(written));
      if (auto ok = writer->WriteUdp(1795334400'000'000'000 + static_cast<std::int64_t>(i) * 1000, src, 40000, dst, 2055, d);
          !ok) {
        std::fprintf(stderr, "%s\n", ok.error().ToString().c_str());
        return 1;
      }
    }
    if (auto ok = writer->Close(); !ok) {
      std::fprintf(stderr, "%s\n", ok.error().ToString().c_str());
      return 1;
    }
    std::printf("\nwrote %zu NetFlow v5 records to %s\n", written, pcap_path.c_str());
  }
  std::printf("\n%s\n", all_met ? "all targets met" : "some targets NOT MET");
  return 0;
}
