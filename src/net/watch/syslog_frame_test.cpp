#include "net/watch/syslog_frame.h"

#include <gtest/gtest.h>

#include "net/watch/test_support.h"

namespace mamori::net::parse {
namespace {

using testing::FormatUtc;

SyslogTime Ref() {
  SyslogTime t;
  t.reference_ms = 1795305600000;  // 2026-11-22T00:00:00Z
  return t;
}

TEST(SyslogFrame, Rfc3164WithPriHostAndTag) {
  SyslogFrame f;
  ASSERT_TRUE(ParseSyslogFrame("<134>Nov 22 10:00:00 fw01 kernel: hello world", Ref(), f));
  EXPECT_EQ(f.priority, 134);
  ASSERT_TRUE(f.has_time);
  EXPECT_EQ(FormatUtc(f.time_ms), "2026-11-22T01:00:00.000Z");  // read as JST
  EXPECT_EQ(f.host, "fw01");
  EXPECT_EQ(f.tag, "kernel");
  EXPECT_EQ(f.body, "kernel: hello world");
  EXPECT_EQ(f.message, "hello world");
}

TEST(SyslogFrame, Rfc3164YearIsTheOneBeforeTheReference) {
  SyslogFrame f;
  ASSERT_TRUE(ParseSyslogFrame("Dec 31 23:59:59 host app[1]: x", Ref(), f));
  EXPECT_EQ(FormatUtc(f.time_ms), "2025-12-31T14:59:59.000Z");  // Dec 31 2026 would be in the future
  ASSERT_TRUE(ParseSyslogFrame("Dec  1 00:00:00 host x", Ref(), f));
  EXPECT_EQ(FormatUtc(f.time_ms), "2026-11-30T15:00:00.000Z");  // within 31 days ahead: this year
  EXPECT_EQ(f.host, "host");
  EXPECT_EQ(f.tag, "");
  EXPECT_EQ(f.message, "x");
}

TEST(SyslogFrame, OtherZoneWhenConfigured) {
  SyslogTime t = Ref();
  t.local_offset_minutes = 0;
  SyslogFrame f;
  ASSERT_TRUE(ParseSyslogFrame("Nov 22 10:00:00.250 h m", t, f));
  EXPECT_EQ(FormatUtc(f.time_ms), "2026-11-22T10:00:00.250Z");
}

TEST(SyslogFrame, AsaYearAndColonAfterTime) {
  SyslogFrame f;
  ASSERT_TRUE(ParseSyslogFrame("Oct 10 2018 12:34:56 localhost CiscoASA[999]: %ASA-6-302013: Built", Ref(), f));
  EXPECT_EQ(FormatUtc(f.time_ms), "2018-10-10T03:34:56.000Z");
  EXPECT_EQ(f.host, "localhost");
  EXPECT_EQ(f.tag, "CiscoASA");
  EXPECT_EQ(f.message, "%ASA-6-302013: Built");
  ASSERT_TRUE(ParseSyslogFrame("Apr 27 2014 11:31:23: %ASA-6-302013: Built", Ref(), f));
  EXPECT_EQ(f.host, "");
  EXPECT_EQ(f.message, "%ASA-6-302013: Built");
}

TEST(SyslogFrame, HostlessTagIsNotTakenAsHost) {
  SyslogFrame f;
  ASSERT_TRUE(ParseSyslogFrame("Jan  8 03:37:09 DENY: IN=eth0 OUT=", Ref(), f));
  EXPECT_EQ(f.host, "");
  EXPECT_EQ(f.tag, "DENY");
  EXPECT_EQ(f.body, "DENY: IN=eth0 OUT=");
  EXPECT_EQ(f.message, "IN=eth0 OUT=");
}

TEST(SyslogFrame, Rfc5424WithStructuredData) {
  SyslogFrame f;
  ASSERT_TRUE(ParseSyslogFrame(
      R"(<165>1 2026-11-22T10:00:00.5+09:00 fw02 app 42 ID7 [ex@32473 a="x\]y" b="2"][second k="v"] msg here)", Ref(), f));
  EXPECT_EQ(f.priority, 165);
  EXPECT_EQ(FormatUtc(f.time_ms), "2026-11-22T01:00:00.500Z");
  EXPECT_EQ(f.host, "fw02");
  EXPECT_EQ(f.tag, "app");
  EXPECT_EQ(f.message, "msg here");
  ASSERT_TRUE(ParseSyslogFrame("<14>1 - - - - - - \xef\xbb\xbfonly message", Ref(), f));
  EXPECT_FALSE(f.has_time);
  EXPECT_EQ(f.host, "");
  EXPECT_EQ(f.message, "only message");
}

TEST(SyslogFrame, Rfc3339WithoutPri) {
  SyslogFrame f;
  ASSERT_TRUE(ParseSyslogFrame("2026-04-03T00:31:09.976660+00:00 192.0.2.1 date=2026-04-02 time=17:31:09", Ref(), f));
  EXPECT_EQ(FormatUtc(f.time_ms), "2026-04-03T00:31:09.976Z");
  EXPECT_EQ(f.host, "192.0.2.1");
  EXPECT_EQ(f.message, "date=2026-04-02 time=17:31:09");
}

TEST(SyslogFrame, PriOnly) {
  SyslogFrame f;
  ASSERT_TRUE(ParseSyslogFrame("<189>date=2026-11-22 time=09:30:08 type=\"traffic\"", Ref(), f));
  EXPECT_EQ(f.priority, 189);
  EXPECT_FALSE(f.has_time);
  EXPECT_EQ(f.message, "date=2026-11-22 time=09:30:08 type=\"traffic\"");
}

TEST(SyslogFrame, NoHeader) {
  SyslogFrame f;
  for (std::string_view line : {"date=2026-11-22 time=09:30:08", "{\"a\":1}", "1,2026/11/22 09:40:00,0128", "",
                                "<>x", "<999>Nov 22 10:00:00 h m", "Nov 32 10:00:00 h m", "Foo 22 10:00:00 h m",
                                "1795334400.1\tC1\t10.0.0.1"}) {
    EXPECT_FALSE(ParseSyslogFrame(line, Ref(), f)) << line;
    EXPECT_EQ(f.message, line);
  }
}

TEST(SyslogFrame, NeverReadsPastTheEnd) {
  // Every prefix of a full header parses or is refused without reading beyond it.
  const std::string full = "<165>1 2026-11-22T10:00:00Z h a p m [x y=\"z\"] msg";
  SyslogFrame f;
  for (std::size_t n = 0; n <= full.size(); ++n) {
    const std::string cut = full.substr(0, n);  // a separate allocation: ASan sees an overread
    (void)ParseSyslogFrame(cut, Ref(), f);
  }
  const std::string bsd = "<134>Nov 22 2026 10:00:00.123: host tag[1]: m";
  for (std::size_t n = 0; n <= bsd.size(); ++n) {
    const std::string cut = bsd.substr(0, n);
    (void)ParseSyslogFrame(cut, Ref(), f);
  }
}

}  // namespace
}  // namespace mamori::net::parse
