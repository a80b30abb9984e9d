// NetFlow v5 / v9 / IPFIX decoding, on datagrams built here field by field.
#include "net/watch/netflow.h"

#include <cstdlib>
#include <tuple>

#include <gtest/gtest.h>

#include "net/watch/test_support.h"

namespace mamori::net::parse {
namespace {

using testing::Bytes;
using testing::FormatUtc;
using testing::Ipfix;
using testing::Set;
using testing::TemplateRecord;
using testing::V5;
using testing::V5Record;
using testing::V9Header;

Address A(std::string_view s) { return *Address::Parse(s); }
const Address kExporter = A("192.0.2.250");
constexpr std::uint32_t kSecs = 1795334400;  // 2026-11-22T08:00:00Z

DecodeResult DecodeOne(FlowDecoder& d, const Bytes& b, std::vector<FlowEvent>& out, const Address& exporter = kExporter) {
  return d.Decode(b.v, exporter, out);
}

TEST(NetFlowV5, DecodesRecordsWithTimesInterfacesAndIcmp) {
  V5Record tcp{A("10.20.1.15"), A("203.0.113.80"), 51544, 443, 6, 58, 44793, 90'000, 95'000, 3, 7};
  V5Record icmp{A("10.20.1.18"), A("192.0.2.1"), 0, 0x0800, 1, 1, 84, 99'500, 99'500, 3, 0};
  FlowDecoder d;
  std::vector<FlowEvent> out;
  auto r = DecodeOne(d, V5({tcp, icmp}, 100'000, kSecs, 250'000'000), out);
  EXPECT_EQ(r.version, 5);
  EXPECT_EQ(r.flows, 2u);
  EXPECT_EQ(r.announced, 2u);
  EXPECT_EQ(r.malformed, 0u);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].src.ToString(), "10.20.1.15");
  EXPECT_EQ(out[0].dst.ToString(), "203.0.113.80");
  EXPECT_EQ(out[0].src_port, 51544);
  EXPECT_EQ(out[0].dst_port, 443);
  EXPECT_EQ(out[0].protocol, 6);
  EXPECT_EQ(out[0].bytes, 44793u);
  EXPECT_EQ(out[0].packets, 58u);
  EXPECT_EQ(FormatUtc(out[0].time_ms), "2026-11-22T07:59:50.250Z");  // export time minus (uptime - first)
  EXPECT_EQ(out[0].src_zone, "if3");
  EXPECT_EQ(out[0].dst_zone, "if7");
  EXPECT_EQ(out[0].device, "192.0.2.250");
  EXPECT_EQ(out[0].action, FlowAction::kUnknown);
  EXPECT_EQ(out[1].src_port, 8);  // ICMP echo request: type 8, code 0
  EXPECT_EQ(out[1].dst_port, 0);
  EXPECT_EQ(out[1].dst_zone, "");  // ifIndex 0: none
}

TEST(NetFlowV5, CountBeyondTheDatagramIsMalformed) {
  V5Record rec{A("10.0.0.1"), A("10.0.0.2")};
  FlowDecoder d;
  std::vector<FlowEvent> out;
  auto r = DecodeOne(d, V5({rec, rec}, 1000, kSecs, 0, 30), out);
  EXPECT_EQ(r.flows, 0u);
  EXPECT_EQ(r.malformed, 1u);
  EXPECT_EQ(r.offset, 2u);
  EXPECT_NE(r.reason.find("短すぎます"), std::string::npos) << r.reason;
  EXPECT_TRUE(out.empty());
}

TEST(NetFlowV5, BackToBackMessagesAndTrailingBytes) {
  V5Record rec{A("10.0.0.1"), A("10.0.0.2"), 1, 2};
  Bytes b = V5({rec}, 1000, kSecs);
  b.Raw(V5({rec, rec}, 1000, kSecs));
  FlowDecoder d;
  std::vector<FlowEvent> out;
  auto r = DecodeOne(d, b, out);
  EXPECT_EQ(r.messages, 2u);
  EXPECT_EQ(r.flows, 3u);
  EXPECT_EQ(r.announced, 3u);
  b.U8(0xff).U8(0xff).U8(0);
  out.clear();
  r = DecodeOne(d, b, out);
  EXPECT_EQ(r.flows, 3u);
  EXPECT_EQ(r.malformed, 1u);
  EXPECT_EQ(r.offset, 24u + 48 + 24 + 96);
}

// A v9 template of the usual IPv4 fields.
Bytes V9Template(std::uint16_t id) {
  return TemplateRecord(id, {{8, 4}, {12, 4}, {7, 2}, {11, 2}, {4, 1}, {1, 4}, {2, 4}, {22, 4}, {21, 4}, {10, 2}, {14, 2}, {61, 1}});
}
Bytes V9Data(const Address& src, const Address& dst, std::uint16_t sp, std::uint16_t dp, std::uint8_t proto,
             std::uint32_t bytes, std::uint32_t pkts, std::uint32_t first) {
  Bytes b;
  b.Addr(src).Addr(dst).U16(sp).U16(dp).U8(proto).U32(bytes).U32(pkts).U32(first).U32(first + 10).U16(5).U16(6).U8(0);
  return b;
}

TEST(NetFlowV9, TemplateAndDataInOneDatagram) {
  Bytes data = V9Data(A("10.20.1.15"), A("203.0.113.80"), 51544, 443, 6, 44793, 58, 40'000);
  data.Raw(V9Data(A("10.20.1.16"), A("198.51.100.53"), 53211, 53, 17, 164, 2, 59'000));
  data.U8(0).U8(0);  // padding to four bytes
  Bytes msg = V9Header(3, 60'000, kSecs, 42);
  msg.Raw(Set(0, V9Template(256))).Raw(Set(256, data));
  FlowDecoder d;
  std::vector<FlowEvent> out;
  auto r = DecodeOne(d, msg, out);
  EXPECT_EQ(r.version, 9);
  EXPECT_EQ(r.templates, 1u);
  EXPECT_EQ(r.flows, 2u);
  EXPECT_EQ(r.malformed, 0u) << r.reason;
  EXPECT_EQ(r.announced, 3u);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].src.ToString(), "10.20.1.15");
  EXPECT_EQ(out[0].dst_port, 443);
  EXPECT_EQ(out[0].bytes, 44793u);
  EXPECT_EQ(out[0].packets, 58u);
  EXPECT_EQ(FormatUtc(out[0].time_ms), "2026-11-22T07:59:40.000Z");
  EXPECT_EQ(out[0].src_zone, "if5");
  EXPECT_EQ(out[0].dst_zone, "if6");
  EXPECT_EQ(out[1].protocol, 17);
  EXPECT_EQ(FormatUtc(out[1].time_ms), "2026-11-22T07:59:59.000Z");
}

TEST(NetFlowV9, TemplateThenDataInSeparateDatagramsAndPerExporter) {
  FlowDecoder d;
  std::vector<FlowEvent> out;
  Bytes tpl = V9Header(1, 60'000, kSecs, 42);
  tpl.Raw(Set(0, V9Template(300)));
  Bytes data = V9Header(1, 61'000, kSecs + 1, 42);
  data.Raw(Set(300, V9Data(A("10.0.0.1"), A("10.0.0.2"), 1, 2, 6, 10, 1, 61'000)));
  // Data before its template: waiting, not malformed.
  auto r = DecodeOne(d, data, out);
  EXPECT_EQ(r.flows, 0u);
  EXPECT_EQ(r.waiting_for_template, 1u);
  EXPECT_EQ(r.malformed, 0u);
  r = DecodeOne(d, tpl, out);
  EXPECT_EQ(r.templates, 1u);
  EXPECT_EQ(d.TemplateCount(), 1u);
  r = DecodeOne(d, data, out);
  EXPECT_EQ(r.flows, 1u);
  // Another exporter, or another source id, does not share the template.
  r = DecodeOne(d, data, out, A("192.0.2.251"));
  EXPECT_EQ(r.waiting_for_template, 1u);
  Bytes other_source = V9Header(1, 61'000, kSecs + 1, 43);
  other_source.Raw(Set(300, V9Data(A("10.0.0.1"), A("10.0.0.2"), 1, 2, 6, 10, 1, 61'000)));
  r = DecodeOne(d, other_source, out);
  EXPECT_EQ(r.waiting_for_template, 1u);
  EXPECT_EQ(out.size(), 1u);
}

TEST(NetFlowV9, OptionsTemplatesAndTheirDataAreSkipped) {
  Bytes opt;  // options template 257: scope system (1) of 4 bytes; options: sampling interval (34) of 4 bytes
  opt.U16(257).U16(4).U16(4).U16(1).U16(4).U16(34).U16(4);
  opt.U16(0);  // padding
  Bytes optdata;
  optdata.U32(0).U32(100);
  Bytes msg = V9Header(2, 60'000, kSecs, 1);
  msg.Raw(Set(1, opt)).Raw(Set(257, optdata));
  FlowDecoder d;
  std::vector<FlowEvent> out;
  auto r = DecodeOne(d, msg, out);
  EXPECT_EQ(r.templates, 1u);
  EXPECT_EQ(r.skipped, 1u);
  EXPECT_EQ(r.flows, 0u);
  EXPECT_EQ(r.malformed, 0u) << r.reason;
}

TEST(NetFlowV9, TemplateWithZeroLengthFieldIsRejected) {
  Bytes msg = V9Header(1, 60'000, kSecs, 1);
  msg.Raw(Set(0, TemplateRecord(256, {{8, 4}, {12, 0}, {7, 2}})));
  FlowDecoder d;
  std::vector<FlowEvent> out;
  auto r = DecodeOne(d, msg, out);
  EXPECT_EQ(r.templates, 0u);
  EXPECT_EQ(r.malformed, 1u);
  EXPECT_EQ(r.offset, 20u + 4 + 4 + 4);  // the field's position
  EXPECT_NE(r.reason.find("長さ 0"), std::string::npos) << r.reason;
  EXPECT_EQ(d.TemplateCount(), 0u);
}

TEST(NetFlowV9, HugeFieldCountIsRejectedWithoutReadingOn) {
  Bytes t;
  t.U16(256).U16(60000);  // claims 60000 fields
  for (int i = 0; i < 10; ++i) t.U16(8).U16(4);
  Bytes msg = V9Header(1, 60'000, kSecs, 1);
  msg.Raw(Set(0, t));
  FlowDecoder d;
  std::vector<FlowEvent> out;
  auto r = DecodeOne(d, msg, out);
  EXPECT_EQ(r.malformed, 1u);
  EXPECT_EQ(r.offset, 24u);
  EXPECT_NE(r.reason.find("60000"), std::string::npos) << r.reason;
  EXPECT_EQ(d.TemplateCount(), 0u);
}

TEST(NetFlowV9, TruncatedDatagramIsMalformedAtTheSet) {
  Bytes msg = V9Header(3, 60'000, kSecs, 42);
  msg.Raw(Set(0, V9Template(256))).Raw(Set(256, V9Data(A("10.0.0.1"), A("10.0.0.2"), 1, 2, 6, 1, 1, 1)));
  const std::size_t data_set_at = 20 + 4 + V9Template(256).size();
  std::vector<std::uint8_t> cut(msg.v.begin(), msg.v.end() - 5);
  FlowDecoder d;
  std::vector<FlowEvent> out;
  auto r = d.Decode(cut, kExporter, out);
  EXPECT_EQ(r.templates, 1u);
  EXPECT_EQ(r.flows, 0u);
  EXPECT_EQ(r.malformed, 1u);
  EXPECT_EQ(r.offset, data_set_at);
  EXPECT_NE(r.reason.find("切れています"), std::string::npos) << r.reason;
  // Every shorter prefix is refused or partly decoded, never read beyond.
  for (std::size_t n = 0; n < msg.v.size(); ++n) {
    std::vector<std::uint8_t> prefix(msg.v.begin(), msg.v.begin() + static_cast<std::ptrdiff_t>(n));
    FlowDecoder fresh;
    out.clear();
    (void)fresh.Decode(prefix, kExporter, out);
  }
}

TEST(NetFlowV9, TemplateLimitsHold) {
  DecoderLimits limits;
  limits.max_templates = 2;
  limits.max_record_bytes = 16;
  FlowDecoder d(limits);
  std::vector<FlowEvent> out;
  Bytes msg = V9Header(4, 60'000, kSecs, 1);
  Bytes tpls = TemplateRecord(256, {{8, 4}, {12, 4}});
  tpls.Raw(TemplateRecord(257, {{8, 4}, {12, 4}, {1, 8}, {2, 8}}));  // 24 bytes: too long
  tpls.Raw(TemplateRecord(258, {{8, 4}, {12, 4}}));
  tpls.Raw(TemplateRecord(259, {{8, 4}, {12, 4}}));  // the third: over max_templates
  msg.Raw(Set(0, tpls));
  auto r = DecodeOne(d, msg, out);
  EXPECT_EQ(r.templates, 2u);
  EXPECT_EQ(r.malformed, 2u);
  EXPECT_EQ(d.TemplateCount(), 2u);
  // Refreshing a known template is always allowed.
  Bytes again = V9Header(1, 60'000, kSecs, 1);
  again.Raw(Set(0, TemplateRecord(256, {{8, 4}, {12, 4}, {7, 2}, {11, 2}})));
  r = DecodeOne(d, again, out);
  EXPECT_EQ(r.templates, 1u);
  EXPECT_EQ(r.malformed, 0u);
}

TEST(Ipfix, VariableLengthFieldsIpv6EnterpriseAndAbsoluteTimes) {
  // IPv6 addresses, ports, protocol, a variable-length string (applicationName 96),
  // an enterprise field, octetTotalCount (85), packetTotalCount (86), flowStartMilliseconds (152).
  Bytes tpl = TemplateRecord(400, {{27, 16}, {28, 16}, {7, 2}, {11, 2}, {4, 1}, {96, 0xffff}, {0x8000 | 1, 4},
                                   {85, 8}, {86, 8}, {152, 8}, {10, 4}},
                             {9});
  Bytes rec1;
  rec1.Addr(A("2001:db8:10::15")).Addr(A("2001:db8:ff::443")).U16(40001).U16(443).U8(6);
  rec1.U8(5).Raw(std::vector<std::uint8_t>{'h', 't', 't', 'p', 's'});
  rec1.U32(0xdeadbeef).U64(80).U64(1).U64(1795334400123ULL).U32(17);
  Bytes rec2;
  rec2.Addr(A("2001:db8:10::16")).Addr(A("2001:db8:ff::53")).U16(5353).U16(53).U8(17);
  rec2.U8(255).U16(300);
  for (int i = 0; i < 300; ++i) rec2.U8('x');
  rec2.U32(0).U64(1000).U64(4).U64(1795334401000ULL).U32(0);
  Bytes data = rec1;
  data.Raw(rec2);
  Bytes msg = Ipfix(kSecs, 99, {Set(2, tpl), Set(400, data)});
  FlowDecoder d;
  std::vector<FlowEvent> out;
  auto r = DecodeOne(d, msg, out);
  EXPECT_EQ(r.version, 10);
  EXPECT_EQ(r.templates, 1u);
  EXPECT_EQ(r.flows, 2u);
  EXPECT_EQ(r.malformed, 0u) << r.reason;
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].src.ToString(), "2001:db8:10::15");
  EXPECT_EQ(out[0].dst.ToString(), "2001:db8:ff::443");
  EXPECT_EQ(out[0].dst_port, 443);
  EXPECT_EQ(out[0].bytes, 80u);
  EXPECT_EQ(out[0].packets, 1u);
  EXPECT_EQ(FormatUtc(out[0].time_ms), "2026-11-22T08:00:00.123Z");
  EXPECT_EQ(out[0].src_zone, "if17");
  EXPECT_EQ(out[1].src_port, 5353);
  EXPECT_EQ(out[1].bytes, 1000u);
  EXPECT_EQ(FormatUtc(out[1].time_ms), "2026-11-22T08:00:01.000Z");
}

TEST(Ipfix, VariableLengthOverrunIsMalformed) {
  Bytes tpl = TemplateRecord(401, {{8, 4}, {12, 4}, {96, 0xffff}});
  Bytes rec;
  rec.Addr(A("10.0.0.1")).Addr(A("10.0.0.2")).U8(200).U8('a');  // claims 200 bytes, has 1
  Bytes msg = Ipfix(kSecs, 1, {Set(2, tpl), Set(401, rec)});
  FlowDecoder d;
  std::vector<FlowEvent> out;
  auto r = DecodeOne(d, msg, out);
  EXPECT_EQ(r.flows, 0u);
  EXPECT_EQ(r.malformed, 1u);
  EXPECT_EQ(r.offset, 16u + 4 + tpl.size() + 4);
}

TEST(Ipfix, SysUptimeTimesUseTheSystemInitTimeFromOptions) {
  // Options template 500: scope observationDomainId (149), option systemInitTimeMilliseconds (160).
  Bytes opt;
  opt.U16(500).U16(2).U16(1).U16(149).U16(4).U16(160).U16(8);
  Bytes optdata;
  optdata.U32(1).U64(1795334000000ULL);
  Bytes tpl = TemplateRecord(501, {{8, 4}, {12, 4}, {22, 4}});
  Bytes rec;
  rec.Addr(A("10.0.0.1")).Addr(A("10.0.0.2")).U32(400'000);
  Bytes msg = Ipfix(kSecs, 1, {Set(3, opt), Set(500, optdata), Set(2, tpl), Set(501, rec)});
  FlowDecoder d;
  std::vector<FlowEvent> out;
  auto r = DecodeOne(d, msg, out);
  EXPECT_EQ(r.templates, 2u);
  EXPECT_EQ(r.skipped, 1u);
  ASSERT_EQ(r.flows, 1u) << r.reason;
  EXPECT_EQ(out[0].time_ms, 1795334400000);
}

TEST(Ipfix, SysUptimeTimesAreTakenNearTheExportTimeAcrossTheWrap) {
  // softflowd -r starts its clock when it starts: flows of an older capture have
  // "negative" uptimes (0xFFFEF838 = -67,528 ms); and a 32-bit uptime wraps after 49.7 days.
  Bytes opt;
  opt.U16(510).U16(2).U16(1).U16(149).U16(4).U16(160).U16(8);
  const std::uint64_t export_ms = static_cast<std::uint64_t>(kSecs) * 1000;
  const std::uint64_t sixty_days = 60ULL * 86'400'000;
  Bytes tpl = TemplateRecord(511, {{8, 4}, {12, 4}, {22, 4}});
  FlowDecoder d;
  std::vector<FlowEvent> out;
  for (auto [init, uptime, expected] : {std::tuple{export_ms, 0xFFFEF838u, export_ms - 67'528},
                                        std::tuple{export_ms - sixty_days, static_cast<std::uint32_t>(sixty_days - 10'000),
                                                   export_ms - 10'000}}) {
    Bytes optdata;
    optdata.U32(1).U64(init);
    Bytes rec;
    rec.Addr(A("10.0.0.1")).Addr(A("10.0.0.2")).U32(uptime);
    out.clear();
    auto r = DecodeOne(d, Ipfix(kSecs, 1, {Set(3, opt), Set(510, optdata), Set(2, tpl), Set(511, rec)}), out);
    ASSERT_EQ(r.flows, 1u) << r.reason;
    EXPECT_EQ(out[0].time_ms, static_cast<std::int64_t>(expected));
  }
}

TEST(Ipfix, AnAbsurdSystemInitTimeGivesATimeWithoutOverflow) {
  // systemInitTimeMilliseconds near 2^63 (as a fuzzer found): init + uptime
  // must neither overflow nor stop the decoding; with an export time the
  // flow lands within ±24.8 days of it, without one it is capped.
  Bytes opt;
  opt.U16(520).U16(2).U16(1).U16(149).U16(4).U16(160).U16(8);
  Bytes tpl = TemplateRecord(521, {{8, 4}, {12, 4}, {22, 4}});
  for (std::uint32_t export_secs : {kSecs, 0u}) {
    Bytes optdata;
    optdata.U32(1).U64(0x7fffffffffffff00ULL);
    Bytes rec;
    rec.Addr(A("10.0.0.1")).Addr(A("10.0.0.2")).U32(0xfffffff0u);
    FlowDecoder d;
    std::vector<FlowEvent> out;
    auto r = DecodeOne(d, Ipfix(export_secs, 1, {Set(3, opt), Set(520, optdata), Set(2, tpl), Set(521, rec)}), out);
    ASSERT_EQ(r.flows, 1u) << r.reason;
    if (export_secs != 0) {
      const std::int64_t export_ms = static_cast<std::int64_t>(export_secs) * 1000;
      EXPECT_LE(std::llabs(out[0].time_ms - export_ms), 2'147'483'648LL);
    } else {
      EXPECT_EQ(out[0].time_ms, 0x7fffffffffffffffLL);
    }
  }
}

TEST(Ipfix, EndTimeWhenTheRecordHasNoStart) {
  // flowEndMicroseconds (155) in NTP format only: 2026-11-22T00:00:00.500Z.
  Bytes tpl = TemplateRecord(700, {{8, 4}, {12, 4}, {155, 8}});
  Bytes rec;
  rec.Addr(A("10.0.0.1")).Addr(A("10.0.0.2")).U32(1795305600 + 2208988800ULL).U32(0x80000000);
  FlowDecoder d;
  std::vector<FlowEvent> out;
  auto r = DecodeOne(d, Ipfix(kSecs, 1, {Set(2, tpl), Set(700, rec)}), out);
  ASSERT_EQ(r.flows, 1u) << r.reason;
  EXPECT_EQ(FormatUtc(out[0].time_ms), "2026-11-22T00:00:00.500Z");
  // Neither start nor end: the export time.
  Bytes bare = TemplateRecord(701, {{8, 4}, {12, 4}});
  Bytes rec2;
  rec2.Addr(A("10.0.0.1")).Addr(A("10.0.0.2"));
  out.clear();
  r = DecodeOne(d, Ipfix(kSecs, 1, {Set(2, bare), Set(701, rec2)}), out);
  ASSERT_EQ(r.flows, 1u);
  EXPECT_EQ(out[0].time_ms, static_cast<std::int64_t>(kSecs) * 1000);
}

TEST(Ipfix, TemplateWithdrawalAndMessageLength) {
  FlowDecoder d;
  std::vector<FlowEvent> out;
  Bytes tpl = TemplateRecord(600, {{8, 4}, {12, 4}});
  auto r = DecodeOne(d, Ipfix(kSecs, 1, {Set(2, tpl)}), out);
  EXPECT_EQ(d.TemplateCount(), 1u);
  Bytes withdraw;
  withdraw.U16(600).U16(0);
  r = DecodeOne(d, Ipfix(kSecs, 1, {Set(2, withdraw)}), out);
  EXPECT_EQ(d.TemplateCount(), 0u);
  Bytes data;
  data.Addr(A("10.0.0.1")).Addr(A("10.0.0.2"));
  r = DecodeOne(d, Ipfix(kSecs, 1, {Set(600, data)}), out);
  EXPECT_EQ(r.waiting_for_template, 1u);
  // Message length larger than the datagram: cut short.
  Bytes msg = Ipfix(kSecs, 1, {Set(2, tpl), Set(600, data)});
  std::vector<std::uint8_t> cut(msg.v.begin(), msg.v.end() - 3);
  r = d.Decode(cut, kExporter, out);
  EXPECT_EQ(r.malformed, 1u);
  EXPECT_EQ(r.offset, 2u);
  EXPECT_EQ(r.flows, 0u);
}

TEST(NetFlow, UnknownVersion) {
  FlowDecoder d;
  std::vector<FlowEvent> out;
  Bytes b;
  b.U16(7).U16(0).U32(0);
  auto r = DecodeOne(d, b, out);
  EXPECT_EQ(r.malformed, 1u);
  EXPECT_EQ(r.offset, 0u);
  EXPECT_NE(r.reason.find("バージョン 7"), std::string::npos);
}

}  // namespace
}  // namespace mamori::net::parse
