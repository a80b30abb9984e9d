// Behaviour of LineParser a user relies on beyond the golden files: names,
// limits, what the auto mode decides, state across lines, no allocation per
// line, and no crash or overread on hostile bytes.
#include "net/watch/line_parser.h"

#include <atomic>
#include <cstdlib>
#include <new>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "net/watch/test_support.h"

// Counts heap allocations while a test asks for it (the whole test binary
// goes through these; counting is off unless enabled).
namespace {
std::atomic<bool> g_counting{false};
std::atomic<std::size_t> g_allocations{0};
}  // namespace

// Not inlined: GCC would otherwise see free() of a pointer from operator new.
__attribute__((noinline)) void* operator new(std::size_t n) {
  if (g_counting.load(std::memory_order_relaxed)) g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
  throw std::bad_alloc();
}
__attribute__((noinline)) void operator delete(void* p) noexcept { std::free(p); }
__attribute__((noinline)) void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace mamori::net::parse {
namespace {

using testing::FormatUtc;

LineParserOptions Opts() {
  LineParserOptions o;
  o.time.reference_ms = 1795305600000;  // 2026-11-22T00:00:00Z
  return o;
}

TEST(LineParser, FormatNames) {
  for (auto f : {Format::kAuto, Format::kZeekTsv, Format::kZeekJson, Format::kSuricata, Format::kFortiGate,
                 Format::kPanos, Format::kAsa, Format::kIptables})
    EXPECT_EQ(FormatFromName(FormatName(f)), f);
  EXPECT_EQ(FormatFromName("zeek"), Format::kZeekTsv);
  EXPECT_EQ(FormatFromName("PANOS"), Format::kPanos);
  EXPECT_FALSE(FormatFromName("netflow").has_value());
}

TEST(LineParser, LineTooLongIsMalformedAtTheLimit) {
  LineParserOptions o = Opts();
  o.max_line_bytes = 100;
  LineParser p(Format::kAuto, o);
  FlowEvent f;
  auto r = p.Parse(std::string(101, 'a'), f);
  EXPECT_EQ(r.outcome, LineOutcome::kMalformed);
  EXPECT_EQ(r.column, 101u);
  EXPECT_NE(r.reason.find("長すぎます"), std::string::npos);
  EXPECT_EQ(p.Parse(std::string(100, 'a'), f).outcome, LineOutcome::kSkip);
}

TEST(LineParser, LineEndingsAndEmptyLines) {
  LineParser p(Format::kFortiGate, Opts());
  FlowEvent f;
  auto r = p.Parse("type=traffic srcip=192.0.2.1 dstip=198.51.100.1 proto=6 dstport=443\r\n", f);
  ASSERT_EQ(r.outcome, LineOutcome::kFlow) << r.reason;
  EXPECT_EQ(f.dst_port, 443);
  EXPECT_EQ(p.Parse("\r\n", f).outcome, LineOutcome::kSkip);
  EXPECT_EQ(p.Parse("", f).outcome, LineOutcome::kSkip);
}

TEST(LineParser, AutoDetectsEachFormat) {
  struct Case {
    std::string_view line;
    Format format;
  };
  LineParser p(Format::kAuto, Opts());
  FlowEvent f;
  for (const Case& c : std::initializer_list<Case>{
           {R"({"ts":1.5,"id.orig_h":"10.0.0.1","id.orig_p":1,"id.resp_h":"10.0.0.2","id.resp_p":2,"proto":"tcp","conn_state":"S0"})",
            Format::kZeekJson},
           {R"({"event_type":"flow","src_ip":"10.0.0.1","dest_ip":"10.0.0.2","proto":"TCP"})", Format::kSuricata},
           {R"(date=2026-11-22 time=09:00:00 logid="0000000013" type="traffic" srcip=10.0.0.1 dstip=10.0.0.2 proto=6)",
            Format::kFortiGate},
           {"<134>Nov 22 10:00:00 fw %ASA-4-106023: Deny tcp src outside:192.0.2.1/1 dst inside:10.0.0.2/22 by access-group \"a\"",
            Format::kAsa},
           {"Nov 22 10:00:00 gw kernel: DROP IN=eth0 OUT= SRC=192.0.2.1 DST=10.0.0.2 PROTO=TCP SPT=1 DPT=2", Format::kIptables},
           {"1795334400.5\tC1\t10.0.0.1\t1\t10.0.0.2\t2\ttcp", Format::kZeekTsv},
       }) {
    auto r = p.Parse(c.line, f);
    EXPECT_EQ(p.detected(), c.format) << c.line;
    EXPECT_EQ(r.outcome, LineOutcome::kFlow) << c.line << " : " << r.reason;
  }
  EXPECT_EQ(p.Parse("Nov 22 10:00:00 host sshd[1]: Accepted publickey", f).outcome, LineOutcome::kSkip);
  EXPECT_EQ(p.detected(), Format::kAuto);
}

TEST(LineParser, AutoSticksToZeekAfterFields) {
  LineParser p(Format::kAuto, Opts());
  FlowEvent f;
  EXPECT_EQ(p.Parse("#fields\tts\tid.orig_h\tid.resp_h", f).outcome, LineOutcome::kSkip);
  // A FortiGate line now is a Zeek line with the wrong number of columns.
  auto r = p.Parse(R"(date=2026-11-22 logid="0000000013" type="traffic" srcip=10.0.0.1 dstip=10.0.0.2)", f);
  EXPECT_EQ(p.detected(), Format::kZeekTsv);
  EXPECT_EQ(r.outcome, LineOutcome::kMalformed);
  r = p.Parse("1795334400.5\t10.0.0.1\t10.0.0.2", f);
  EXPECT_EQ(r.outcome, LineOutcome::kFlow) << r.reason;
}

TEST(LineParser, ZeekNumbersOfEveryLength) {
  // Ports, counters and ts are read eight digits at a time where the line allows it:
  // every length, the limits, and a non-digit at each place behave as the general readers.
  LineParser p(Format::kZeekTsv, Opts());
  FlowEvent f;
  ASSERT_EQ(p.Parse("#fields\tts\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\torig_pkts\tresp_pkts", f).outcome,
            LineOutcome::kSkip);
  auto line = [](std::string_view ts, std::string_view sport, std::string_view pkts) {
    return fmt::format("{}\t10.0.0.1\t{}\t10.0.0.2\t443\t{}\t1", ts, sport, pkts);
  };
  std::string digits;
  for (int n = 1; n <= 21; ++n) {
    digits += static_cast<char>('0' + n % 10);
    const auto r = p.Parse(line("1795305600.5", "80", digits), f);
    if (n <= 19) {  // 21 digits never; 20 here exceed UINT64_MAX / 4
      ASSERT_EQ(r.outcome, LineOutcome::kFlow) << n << " " << r.reason;
      EXPECT_EQ(f.packets, std::stoull(digits) + 1) << n;
    } else {
      EXPECT_EQ(r.outcome, LineOutcome::kMalformed) << n;
    }
    for (std::size_t at = 0; at < digits.size() && n <= 9; ++at) {
      std::string bad = digits;
      bad[at] = at % 2 ? '/' : ':';  // the bytes just below '0' and above '9'
      EXPECT_EQ(p.Parse(line("1795305600.5", "80", bad), f).outcome, LineOutcome::kMalformed) << bad;
    }
  }
  for (auto [port, ok] : {std::pair<std::string_view, bool>{"0", true}, {"65535", true}, {"065535", false},
                          {"65536", false}, {"99999", false}, {"6553a", false}, {"00080", true}}) {
    const auto r = p.Parse(line("1795305600.5", port, "1"), f);
    EXPECT_EQ(r.outcome, ok ? LineOutcome::kFlow : LineOutcome::kMalformed) << port;
    if (ok) {
      EXPECT_EQ(f.src_port, std::stoul(std::string(port)));
    }
  }
  for (auto [ts, ms] : {std::pair<std::string_view, std::int64_t>{"1795305600.123456", 1795305600123},
                        {"0795305600.999999", 795305600999}, {"1795305600.000001", 1795305600000},
                        {"1795305600", 1795305600000}, {"1795305600.1", 1795305600100},
                        {"12345678901.123456", 12345678901123}, {"1795305600.123456789", 1795305600123},
                        {"1795305600.12345a", -1}, {"17953056a0.123456", -1}, {"1a95305600.123456", -1},
                        {"1795305600,123456", -1}, {"1795305600.1234567890", -1}}) {
    const auto r = p.Parse(line(ts, "80", "1"), f);
    if (ms < 0) {
      EXPECT_EQ(r.outcome, LineOutcome::kMalformed) << ts;
    } else {
      ASSERT_EQ(r.outcome, LineOutcome::kFlow) << ts << " " << r.reason;
      EXPECT_EQ(f.time_ms, ms) << ts;
    }
  }
}

TEST(LineParser, AsaTeardownKeepsTheDirectionOfItsBuild) {
  LineParser p(Format::kAsa, Opts());
  FlowEvent f;
  // Inbound from a high port to a low one: without the Built message the
  // port rule alone would still pick 198.51.100.20; use equal ports to be sure.
  ASSERT_EQ(p.Parse("%ASA-6-302013: Built inbound TCP connection 7 for outside:198.51.100.20/5000 (198.51.100.20/5000) "
                    "to dmz:10.30.0.80/5000 (203.0.113.10/5000)",
                    f)
                .outcome,
            LineOutcome::kFlow);
  EXPECT_EQ(f.src.ToString(), "198.51.100.20");
  ASSERT_EQ(p.Parse("%ASA-6-302014: Teardown TCP connection 7 for outside:198.51.100.20/5000 to dmz:10.30.0.80/5000 "
                    "duration 0:00:01 bytes 10 TCP FINs",
                    f)
                .outcome,
            LineOutcome::kFlow);
  EXPECT_EQ(f.src.ToString(), "198.51.100.20");
  EXPECT_EQ(f.src_zone, "outside");
  EXPECT_EQ(f.dst_zone, "dmz");
  // The same teardown again: the Built is forgotten, equal ports give the "to" side.
  ASSERT_EQ(p.Parse("%ASA-6-302014: Teardown TCP connection 7 for outside:198.51.100.20/5000 to dmz:10.30.0.80/5000 "
                    "duration 0:00:01 bytes 10 TCP FINs",
                    f)
                .outcome,
            LineOutcome::kFlow);
  EXPECT_EQ(f.src.ToString(), "10.30.0.80");
}

TEST(LineParser, SyslogHostAndTimeFillWhatTheRecordLacks) {
  LineParser p(Format::kIptables, Opts());
  FlowEvent f;
  ASSERT_EQ(p.Parse("Nov 22 10:00:00 gw01 kernel: DROP IN=eth0 OUT= SRC=192.0.2.1 DST=10.0.0.2 PROTO=UDP SPT=1 DPT=2", f)
                .outcome,
            LineOutcome::kFlow);
  EXPECT_EQ(f.device, "gw01");
  EXPECT_EQ(FormatUtc(f.time_ms), "2026-11-22T01:00:00.000Z");
  LineParser fg(Format::kFortiGate, Opts());
  ASSERT_EQ(fg.Parse("Nov 22 10:00:00 relay devname=\"FGT-A\" eventtime=1795334400 type=traffic srcip=192.0.2.1 "
                     "dstip=10.0.0.2",
                     f)
                .outcome,
            LineOutcome::kFlow);
  EXPECT_EQ(f.device, "FGT-A");                              // the record's own name wins
  EXPECT_EQ(FormatUtc(f.time_ms), "2026-11-22T08:00:00.000Z");  // and its own time
}

TEST(LineParser, EveryFieldIsOverwritten) {
  LineParser p(Format::kAuto, Opts());
  FlowEvent f;
  ASSERT_EQ(p.Parse(R"(devname="FGT" eventtime=1795334400 logid="1" type=traffic srcip=192.0.2.1 srcport=5 srcintf="a" dstip=10.0.0.2 dstport=6 dstintf="b" proto=6 action=deny sentbyte=1 rcvdbyte=2 sentpkt=3 rcvdpkt=4)",
                    f)
                .outcome,
            LineOutcome::kFlow);
  ASSERT_EQ(p.Parse(R"({"event_type":"dns","src_ip":"10.9.9.9","dest_ip":"10.8.8.8"})", f).outcome, LineOutcome::kFlow);
  EXPECT_EQ(f.time_ms, 0);
  EXPECT_EQ(f.src_port, 0);
  EXPECT_EQ(f.protocol, 0);
  EXPECT_EQ(f.action, FlowAction::kUnknown);
  EXPECT_EQ(f.bytes, 0u);
  EXPECT_EQ(f.src_zone, "");
  EXPECT_EQ(f.dst_zone, "");
  EXPECT_EQ(f.device, "");
}

TEST(LineParser, NoAllocationPerLineOnceWarm) {
  struct Case {
    Format format;
    std::vector<std::string> lines;
  };
  std::vector<Case> cases = {
      {Format::kZeekTsv,
       {"#separator \\x09", "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\torig_pkts\tresp_pkts",
        "1795334400.123456\tCa\t10.20.1.15\t51544\t203.0.113.80\t443\ttcp\t3\t4"}},
      {Format::kZeekJson,
       {R"({"ts":1795334400.1,"id.orig_h":"10.20.1.15","id.orig_p":1,"id.resp_h":"2001:db8::1","id.resp_p":2,"proto":"tcp","conn_state":"SF","orig_pkts":3})"}},
      {Format::kSuricata,
       {R"({"timestamp":"2026-11-22T00:10:01.000000+0000","event_type":"flow","src_ip":"10.20.1.16","src_port":4,"dest_ip":"10.30.0.5","dest_port":1433,"proto":"TCP","flow":{"pkts_toserver":1,"bytes_toserver":60,"state":"closed"}})"}},
      {Format::kFortiGate,
       {R"(<189>date=2026-11-22 time=09:30:01 devname="FGT60F-HQ" eventtime=1795337401 logid="0000000013" type="traffic" srcip=10.20.1.16 srcport=40000 srcintf="internal1" dstip=10.30.0.5 dstport=1433 dstintf="dmz" proto=6 action="deny")"}},
      {Format::kPanos,
       {"Nov 22 09:40:01 PA-220-HQ 1,2026/11/22 09:40:01,012801000001,TRAFFIC,deny,2304,2026/11/22 09:40:01,10.20.1.16,"
        "10.30.0.5,0.0.0.0,0.0.0.0,deny-sql,,,mssql-db,vsys1,trust,dmz,ethernet1/2,ethernet1/3,Log-Forwarding,2026/11/22 "
        "09:40:01,33002,1,40000,1433,0,0,0x0,tcp,deny,60,60,0,1,2026/11/22 09:40:01,0,any,0,100002,0x0,10.0.0.0-10.255.255."
        "255,Japan,0,1,0,policy-deny,0,0,0,0,,PA-220-HQ,from-policy,,,0,,0,,N/A,0,0,0,0"}},
      {Format::kAsa,
       {"<166>Nov 22 2026 09:50:00 asa-hq : %ASA-6-302013: Built outbound TCP connection 1001 for outside:203.0.113.80/443 "
        "(203.0.113.80/443) to inside:10.20.1.15/51544 (198.51.100.2/21544)",
        "<166>Nov 22 2026 09:50:13 asa-hq : %ASA-6-302014: Teardown TCP connection 1001 for outside:203.0.113.80/443 to "
        "inside:10.20.1.15/51544 duration 0:00:13 bytes 44793 TCP FINs"}},
      {Format::kIptables,
       {"Nov 22 10:00:00 gw01 kernel: iptables DROP_INPUT: IN=eth0 OUT= SRC=198.51.100.9 DST=203.0.113.10 LEN=60 PROTO=TCP "
        "SPT=55555 DPT=22"}},
  };
  for (auto& c : cases) {
    LineParser p(c.format, Opts());
    FlowEvent f;
    for (const auto& l : c.lines) p.Parse(l, f);  // warm up: headers read, strings grown
    const std::string& data = c.lines.back();
    g_allocations = 0;
    g_counting = true;
    LineOutcome outcome = LineOutcome::kSkip;
    for (int i = 0; i < 1000; ++i) outcome = p.Parse(data, f).outcome;
    g_counting = false;
    EXPECT_EQ(outcome, LineOutcome::kFlow) << FormatName(c.format);
    EXPECT_EQ(g_allocations.load(), 0u) << FormatName(c.format);
  }
}

TEST(LineParser, HostileBytesNeverCrash) {
  // Random mutations of valid lines of every format, in every mode, each
  // parsed from its own allocation so that AddressSanitizer sees overreads.
  const std::vector<std::string> seeds = {
      R"({"ts":1795334400.1,"id.orig_h":"10.20.1.15","id.orig_p":1,"id.resp_h":"2001:db8::1","id.resp_p":2,"proto":"tcp","conn_state":"SF"})",
      R"({"timestamp":"2026-11-22T00:10:01.000000+0000","event_type":"alert","src_ip":"10.20.1.16","dest_ip":"10.30.0.5","alert":{"action":"blocked"},"flow":{"state":"new"}})",
      R"(<189>1 2026-11-22T09:30:09+09:00 h - - - [a b="c\]"] date=2026-11-22 time=09:30:01 tz="+0900" type="traffic" srcip=10.20.1.16 dstip=10.30.0.5 proto=1 icmptype=0x08)",
      "Nov 22 09:40:01 PA 1,2026/11/22 09:40:01,0,TRAFFIC,deny,2304,2026/11/22 09:40:01,10.20.1.16,10.30.0.5,,,r,,,a,v,t,d,e,e,L,x,1,1,4,1433,0,0,0x0,tcp,deny,60,60,0,1,x,0,any,0,1,0x0,a,b,0,1,0,p,0,0,0,0,,PA,f,\"q\"\"x\",2026-11-22T00:40:05.123+00:00",
      "<166>Nov 22 2026 09:50:00 asa : %ASA-6-302013: Built outbound TCP connection 1 for outside:2001:db8::1/443 (x/1)(u) to NP Identity Ifc:10.20.1.15/5 (y/2)",
      "%ASA-6-106100: access-list a denied udp outside/198.51.100.15(40000)(LOCAL\\g) -> dmz/10.30.0.5(514) hit-cnt 5",
      "%ASA-4-106023: Deny icmp src outside:198.51.100.9 dst dmz:10.30.0.5 (type 8, code 0) by access-group \"x\"",
      "Nov 22 10:00:00 gw kernel: [WAN-1-D]IN=eth0 OUT= SRC=198.51.100.9 DST=203.0.113.10 LEN=60 PROTO=ICMP TYPE=3 CODE=3 [SRC=1.2.3.4 ]",
      "#fields\tts\tid.orig_h\tid.resp_h",
      "1795334400.5\t10.0.0.1\t10.0.0.2",
  };
  std::mt19937 rng(12345);
  const std::vector<Format> formats = {Format::kAuto, Format::kZeekTsv, Format::kZeekJson, Format::kSuricata,
                                       Format::kFortiGate, Format::kPanos, Format::kAsa, Format::kIptables};
  std::vector<LineParser> parsers;
  for (auto fmt : formats) parsers.emplace_back(fmt, Opts());
  FlowEvent f;
  std::size_t flows = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string s = seeds[rng() % seeds.size()];
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits && !s.empty(); ++e) {
      const std::size_t at = rng() % s.size();
      switch (rng() % 4) {
        case 0: s[at] = static_cast<char>(rng() % 256); break;
        case 1: s.erase(at, 1 + rng() % 8); break;
        case 2: s.insert(at, 1, "\"\\{}[]:,= \t/%("[rng() % 15]); break;
        default: s.resize(at); break;
      }
    }
    for (auto& p : parsers) {
      auto copy = std::make_unique<char[]>(s.size());
      std::copy(s.begin(), s.end(), copy.get());
      const auto r = p.Parse(std::string_view(copy.get(), s.size()), f);
      if (r.outcome == LineOutcome::kFlow) ++flows;
      if (r.outcome == LineOutcome::kMalformed) {
        EXPECT_GE(r.column, 1u);
        EXPECT_LE(r.column, s.size() + 1);
        EXPECT_FALSE(r.reason.empty());
      }
    }
  }
  EXPECT_GT(flows, 0u);
}

}  // namespace
}  // namespace mamori::net::parse
