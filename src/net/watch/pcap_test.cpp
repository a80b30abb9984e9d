// Classic pcap: what PcapWriter writes PcapReader reads back in every variant,
// hand-made frames of the other link types, and broken files.
#include "net/watch/pcap.h"

#include <filesystem>

#include <gtest/gtest.h>

#include "net/watch/netflow.h"
#include "net/watch/test_support.h"

namespace mamori::net::parse {
namespace {

using testing::Bytes;

Address A(std::string_view s) { return *Address::Parse(s); }

std::vector<std::uint8_t> Payload(std::size_t n, std::uint8_t seed) {
  std::vector<std::uint8_t> p(n);
  for (std::size_t i = 0; i < n; ++i) p[i] = static_cast<std::uint8_t>(seed + i);
  return p;
}

TEST(Pcap, WriterAndReaderAgreeInEveryVariant) {
  for (bool nano : {false, true}) {
    for (bool big : {false, true}) {
      SCOPED_TRACE(::testing::Message() << "nano=" << nano << " big=" << big);
      std::vector<std::uint8_t> file;
      auto w = PcapWriter::ToBuffer(file, {nano, big});
      const auto p1 = Payload(100, 1), p2 = Payload(1400, 7), p3 = Payload(0, 0);
      ASSERT_TRUE(w.WriteUdp(1795334400123456789, A("192.0.2.10"), 40000, A("198.51.100.1"), 2055, p1));
      ASSERT_TRUE(w.WriteUdp(1795334401000000000, A("2001:db8::10"), 40001, A("2001:db8::1"), 4739, p2));
      ASSERT_TRUE(w.WriteUdp(1795334402000000000, A("192.0.2.11"), 1, A("198.51.100.1"), 2, p3));
      EXPECT_FALSE(w.WriteUdp(0, A("192.0.2.10"), 1, A("2001:db8::1"), 2, p1));  // mixed families
      auto r = PcapReader::FromMemory(file);
      ASSERT_TRUE(r) << r.error().ToString();
      EXPECT_EQ(r->link_type(), 1u);
      EXPECT_EQ(r->nanoseconds(), nano);
      UdpPacket pkt;
      auto next = r->Next(pkt);
      ASSERT_TRUE(next && *next);
      EXPECT_EQ(pkt.src.ToString(), "192.0.2.10");
      EXPECT_EQ(pkt.dst.ToString(), "198.51.100.1");
      EXPECT_EQ(pkt.src_port, 40000);
      EXPECT_EQ(pkt.dst_port, 2055);
      EXPECT_EQ(pkt.time_ns, nano ? 1795334400123456789 : 1795334400123456000);
      EXPECT_EQ(std::vector<std::uint8_t>(pkt.payload.begin(), pkt.payload.end()), p1);
      EXPECT_EQ(pkt.offset, 24u);
      next = r->Next(pkt);
      ASSERT_TRUE(next && *next);
      EXPECT_EQ(pkt.src.ToString(), "2001:db8::10");
      EXPECT_EQ(pkt.dst_port, 4739);
      EXPECT_EQ(std::vector<std::uint8_t>(pkt.payload.begin(), pkt.payload.end()), p2);
      next = r->Next(pkt);
      ASSERT_TRUE(next && *next);
      EXPECT_TRUE(pkt.payload.empty());
      next = r->Next(pkt);
      ASSERT_TRUE(next);
      EXPECT_FALSE(*next);
      EXPECT_EQ(r->stats().udp, 3u);
    }
  }
}

TEST(Pcap, FileRoundTripFeedsTheDecoder) {
  const auto path = std::filesystem::temp_directory_path() / "mamori_pcap_test.pcap";
  {
    auto w = PcapWriter::Create(path.string());
    ASSERT_TRUE(w) << w.error().ToString();
    testing::V5Record rec{A("10.0.0.1"), A("10.0.0.2"), 1, 2};
    const auto dgram = testing::V5({rec, rec, rec}, 1000, 1795334400).v;
    for (int i = 0; i < 50; ++i) ASSERT_TRUE(w->WriteUdp(1795334400000000000 + i, A("192.0.2.10"), 40000, A("198.51.100.1"), 2055, dgram));
    ASSERT_TRUE(w->Close());
  }
  auto r = PcapReader::OpenFile(path.string());
  ASSERT_TRUE(r) << r.error().ToString();
  FlowDecoder d;
  std::vector<FlowEvent> out;
  UdpPacket pkt;
  while (true) {
    auto next = r->Next(pkt);
    ASSERT_TRUE(next) << next.error().ToString();
    if (!*next) break;
    d.Decode(pkt.payload, pkt.src, out);
  }
  EXPECT_EQ(out.size(), 150u);
  EXPECT_EQ(out[0].device, "192.0.2.10");
  std::filesystem::remove(path);
  EXPECT_FALSE(PcapReader::OpenFile(path.string()));
}

// A file of one link type with the given frames (little-endian, microseconds).
std::vector<std::uint8_t> File(std::uint32_t link, const std::vector<Bytes>& frames) {
  std::vector<std::uint8_t> f;
  auto le32 = [&f](std::uint32_t x) {
    for (int s = 0; s < 32; s += 8) f.push_back(static_cast<std::uint8_t>(x >> s));
  };
  le32(0xa1b2c3d4);
  f.push_back(2); f.push_back(0); f.push_back(4); f.push_back(0);
  le32(0); le32(0); le32(65535); le32(link);
  for (const auto& fr : frames) {
    le32(1795334400); le32(5); le32(static_cast<std::uint32_t>(fr.size())); le32(static_cast<std::uint32_t>(fr.size()));
    f.insert(f.end(), fr.v.begin(), fr.v.end());
  }
  return f;
}

Bytes Ipv4Udp(std::uint16_t frag = 0, std::uint8_t proto = 17, std::uint16_t udp_len = 12) {
  Bytes b;
  b.U8(0x45).U8(0).U16(20 + udp_len).U16(1).U16(frag).U8(64).U8(proto).U16(0).Addr(A("192.0.2.1")).Addr(A("192.0.2.2"));
  b.U16(2055).U16(9995).U16(udp_len).U16(0).U32(0xcafef00d);
  return b;
}

std::size_t CountUdp(const std::vector<std::uint8_t>& file, PcapStats* stats = nullptr) {
  auto r = PcapReader::FromMemory(file);
  EXPECT_TRUE(r) << (r ? "" : r.error().ToString());
  if (!r) return 0;
  UdpPacket pkt;
  std::size_t n = 0;
  while (true) {
    auto next = r->Next(pkt);
    EXPECT_TRUE(next) << (next ? "" : next.error().ToString());
    if (!next || !*next) break;
    EXPECT_EQ(pkt.dst_port, 9995);
    EXPECT_EQ(pkt.payload.size(), 4u);
    ++n;
  }
  if (stats != nullptr) *stats = r->stats();
  return n;
}

TEST(Pcap, LinkTypesVlanSllRawAndLoopback) {
  Bytes vlan;  // Ethernet, 802.1ad outer tag and 802.1Q inner tag
  vlan.U32(0x02000000).U16(1).U32(0x02000000).U16(2).U16(0x88a8).U16(100).U16(0x8100).U16(200).U16(0x0800).Raw(Ipv4Udp());
  EXPECT_EQ(CountUdp(File(1, {vlan})), 1u);
  Bytes sll;
  sll.U16(0).U16(1).U16(6).U32(0x02000000).U32(0x00010000).U16(0x0800).Raw(Ipv4Udp());
  EXPECT_EQ(CountUdp(File(113, {sll})), 1u);
  Bytes sll2;
  sll2.U16(0x0800).U16(0).U32(2).U16(1).U8(0).U8(6).U32(0x02000000).U32(0x00010000).Raw(Ipv4Udp());
  EXPECT_EQ(CountUdp(File(276, {sll2})), 1u);
  EXPECT_EQ(CountUdp(File(101, {Ipv4Udp()})), 1u);
  EXPECT_EQ(CountUdp(File(228, {Ipv4Udp()})), 1u);
  Bytes loop;
  loop.U8(2).U8(0).U8(0).U8(0).Raw(Ipv4Udp());
  EXPECT_EQ(CountUdp(File(0, {loop})), 1u);
  // IPv6 with a hop-by-hop options header before UDP.
  Bytes v6;
  v6.U32(0x60000000).U16(8 + 12).U8(0).U8(64).Addr(A("2001:db8::1")).Addr(A("2001:db8::2"));
  v6.U8(17).U8(0).U16(0).U32(0);  // hop-by-hop: next UDP, 8 bytes
  v6.U16(2055).U16(9995).U16(12).U16(0).U32(0xcafef00d);
  EXPECT_EQ(CountUdp(File(229, {v6})), 1u);
}

TEST(Pcap, NonUdpFragmentsAndShortCapturesAreSkippedAndCounted) {
  Bytes tcp = Ipv4Udp(0, 6);
  Bytes frag = Ipv4Udp(0x2000);     // more fragments
  Bytes long_udp = Ipv4Udp(0, 17, 400);  // claims 400 bytes, 12 captured
  Bytes arp;
  arp.U32(0xffffffff).U16(0xffff).U32(0x02000000).U16(1).U16(0x0806).U32(0);
  Bytes eth;
  eth.U32(0x02000000).U16(1).U32(0x02000000).U16(2).U16(0x0800);
  std::vector<Bytes> frames;
  for (const Bytes* ip : {&tcp, &frag, &long_udp}) {
    Bytes e = eth;
    e.Raw(*ip);
    frames.push_back(e);
  }
  frames.push_back(arp);
  PcapStats stats;
  EXPECT_EQ(CountUdp(File(1, frames), &stats), 0u);
  EXPECT_EQ(stats.records, 4u);
  EXPECT_EQ(stats.skipped, 3u);
  EXPECT_EQ(stats.truncated, 1u);
}

TEST(Pcap, BrokenFilesAreErrorsWithOffsets) {
  std::vector<std::uint8_t> ng = {0x0a, 0x0d, 0x0d, 0x0a, 0, 0, 0, 0};
  auto r = PcapReader::FromMemory(ng);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("pcapng"), std::string::npos);
  EXPECT_NE(r.error().message.find("editcap"), std::string::npos);
  std::vector<std::uint8_t> junk(40, 0x41);
  r = PcapReader::FromMemory(junk);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("pcap ファイルではありません"), std::string::npos);
  EXPECT_FALSE(PcapReader::FromMemory(std::vector<std::uint8_t>(10, 0)));
  EXPECT_FALSE(PcapReader::FromMemory(File(105, {})));  // 802.11: not supported

  auto file = File(101, {Ipv4Udp(), Ipv4Udp()});
  file.resize(file.size() - 3);  // the second record cut short
  auto reader = PcapReader::FromMemory(file);
  ASSERT_TRUE(reader);
  UdpPacket pkt;
  auto next = reader->Next(pkt);
  ASSERT_TRUE(next && *next);
  next = reader->Next(pkt);
  ASSERT_FALSE(next);
  EXPECT_EQ(next.error().where.byte_offset, 24u + 16 + 32 + 16);
  EXPECT_NE(next.error().message.find("途中で切れています"), std::string::npos);

  auto huge = File(101, {Ipv4Udp()});
  huge[24 + 8] = 0xff;
  huge[24 + 9] = 0xff;
  huge[24 + 10] = 0xff;
  reader = PcapReader::FromMemory(huge);
  ASSERT_TRUE(reader);
  next = reader->Next(pkt);
  ASSERT_FALSE(next);
  EXPECT_EQ(next.error().where.byte_offset, 24u + 8);
}

}  // namespace
}  // namespace mamori::net::parse
