#include "net/address.h"

#include <gtest/gtest.h>

#include "net/flow.h"

namespace mamori::net {
namespace {

std::string Canon(std::string_view text) {
  auto a = Address::Parse(text);
  return a ? a->ToString() : "<invalid>";
}

TEST(AddressTest, ParsesAndPrintsIpv4) {
  EXPECT_EQ(Canon("192.0.2.1"), "192.0.2.1");
  EXPECT_EQ(Canon("10.0.0.255"), "10.0.0.255");
  EXPECT_TRUE(Address::Parse("10.1.2.3")->IsV4());
  for (auto bad : {"256.1.1.1", "1.2.3", "1.2.3.4.5", "1..2.3", "a.b.c.d", "1.2.3.4 ", "", "1234.1.1.1"})
    EXPECT_EQ(Canon(bad), "<invalid>") << bad;
}

TEST(AddressTest, ParsesAndPrintsIpv6InRfc5952Form) {
  EXPECT_EQ(Canon("2001:0db8:0000:0000:0000:0000:0000:0001"), "2001:db8::1");
  EXPECT_EQ(Canon("2001:db8:0:1:0:0:0:1"), "2001:db8:0:1::1");
  EXPECT_EQ(Canon("::"), "::");
  EXPECT_EQ(Canon("::1"), "::1");
  EXPECT_EQ(Canon("fe80::1%eth0"), "fe80::1");
  EXPECT_EQ(Canon("[2001:db8::2]"), "2001:db8::2");
  EXPECT_EQ(Canon("2001:db8::"), "2001:db8::");
  EXPECT_EQ(Canon("64:ff9b::192.0.2.33"), "64:ff9b::c000:221");
  // IPv4-mapped is IPv4.
  EXPECT_EQ(Canon("::ffff:192.0.2.1"), "192.0.2.1");
  for (auto bad : {":::", "1:2:3:4:5:6:7:8:9", "2001:db8::1::2", "12345::", "g::1", "1:2:3:4:5:6:7:8::", ":1::"})
    EXPECT_EQ(Canon(bad), "<invalid>") << bad;
}

TEST(AddressTest, OrdersBothFamiliesAndSteps) {
  auto a = *Address::Parse("10.0.0.255");
  EXPECT_EQ(a.Next().ToString(), "10.0.1.0");
  EXPECT_EQ(a.Next().Prev(), a);
  EXPECT_LT(*Address::Parse("10.0.0.1"), *Address::Parse("10.0.0.2"));
}

TEST(AddressTest, KnowsPrivateSpace) {
  for (auto p : {"10.1.1.1", "172.16.0.1", "172.31.255.255", "192.168.0.1", "127.0.0.1", "100.64.0.1", "fd00::1", "fe80::1"})
    EXPECT_TRUE(Address::Parse(p)->IsPrivate()) << p;
  for (auto p : {"8.8.8.8", "172.32.0.1", "203.0.114.1", "2400:4050::1", "203.0.113.5", "2001:db8::1"})
    EXPECT_FALSE(Address::Parse(p)->IsPrivate()) << p;
}

TEST(CidrTest, ParsesContainsAndOverlaps) {
  auto c = Cidr::Parse("10.1.0.0/16");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->ToString(), "10.1.0.0/16");
  EXPECT_EQ(c->Last().ToString(), "10.1.255.255");
  EXPECT_EQ(c->ExampleHost().ToString(), "10.1.0.1");
  EXPECT_TRUE(c->Contains(*Address::Parse("10.1.200.3")));
  EXPECT_FALSE(c->Contains(*Address::Parse("10.2.0.0")));
  EXPECT_TRUE(c->Overlaps(*Cidr::Parse("10.0.0.0/8")));
  EXPECT_FALSE(c->Overlaps(*Cidr::Parse("10.2.0.0/16")));
  EXPECT_TRUE(Cidr::Parse("10.0.0.0/8")->Contains(*c));
  EXPECT_EQ(Cidr::Parse("10.1.2.3")->ToString(), "10.1.2.3/32");
  EXPECT_EQ(Cidr::Parse("10.1.2.3/16")->ToString(), "10.1.0.0/16");
  EXPECT_EQ(Cidr::Parse("0.0.0.0/0")->Last().ToString(), "255.255.255.255");
  auto v6 = Cidr::Parse("2001:db8::/32");
  ASSERT_TRUE(v6);
  EXPECT_EQ(v6->Last().ToString(), "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff");
  EXPECT_FALSE(v6->Overlaps(*c));
  EXPECT_EQ(Cidr::Parse("::/0")->Last().ToString(), "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
}

TEST(CidrTest, ErrorsSayWhatIsWrong) {
  auto strict = Cidr::Parse("10.1.2.3/16", true);
  ASSERT_FALSE(strict);
  EXPECT_NE(strict.error().message.find("10.1.0.0/16"), std::string::npos);
  EXPECT_FALSE(Cidr::Parse("10.1.0.0/33"));
  EXPECT_FALSE(Cidr::Parse("10.1.0.0/"));
  EXPECT_FALSE(Cidr::Parse("10.1.0.0/x"));
  EXPECT_FALSE(Cidr::Parse("2001:db8::/129"));
  EXPECT_FALSE(Cidr::Parse("庁内LAN"));
}

TEST(FlowTest, NamesProtocols) {
  EXPECT_EQ(ProtocolFromName("TCP"), kProtoTcp);
  EXPECT_EQ(ProtocolFromName("udp"), kProtoUdp);
  EXPECT_EQ(ProtocolFromName("17"), kProtoUdp);
  EXPECT_EQ(ProtocolFromName("256"), std::nullopt);
  EXPECT_EQ(ProtocolFromName("ipv6-icmp"), kProtoIcmpV6);
  EXPECT_EQ(ProtocolName(kProtoTcp), "TCP");
}

}  // namespace
}  // namespace mamori::net
