#include "common/wareki.h"

#include <gtest/gtest.h>

namespace mamori {
namespace {

Date Parse(std::string_view s) {
  auto d = ParseDate(s);
  EXPECT_TRUE(d) << s << ": " << (d ? "" : d.error().message);
  return d ? *d : Date{};
}

TEST(Wareki, ParsesTheFormsPoliciesUse) {
  EXPECT_EQ(Parse("令和8年4月1日"), (Date{2026, 4, 1}));
  EXPECT_EQ(Parse("令和 8年 4月 1日"), (Date{2026, 4, 1}));
  EXPECT_EQ(Parse("平成16年3月31日"), (Date{2004, 3, 31}));
  EXPECT_EQ(Parse("令和元年5月1日"), (Date{2019, 5, 1}));
  EXPECT_EQ(Parse("R8.4.1"), (Date{2026, 4, 1}));
  EXPECT_EQ(Parse("H28.1.18"), (Date{2016, 1, 18}));
  EXPECT_EQ(Parse("２０２６年４月１日"), (Date{2026, 4, 1}));
  EXPECT_EQ(Parse("2026-04-01"), (Date{2026, 4, 1}));
  EXPECT_EQ(Parse("2026/4/1"), (Date{2026, 4, 1}));
}

TEST(Wareki, RejectsDatesOutsideTheirEra) {
  EXPECT_FALSE(ParseDate("平成31年5月1日"));  // 平成 ended on 2019-04-30
  EXPECT_TRUE(ParseDate("平成31年4月30日"));
  EXPECT_FALSE(ParseDate("令和元年4月30日"));
  EXPECT_FALSE(ParseDate("2026-02-30"));
  EXPECT_FALSE(ParseDate("来年"));
}

TEST(Wareki, FormatsInTheEraOfTheDate) {
  EXPECT_EQ(ToWareki({2026, 4, 1}), "令和8年4月1日");
  EXPECT_EQ(ToWareki({2019, 5, 1}), "令和元年5月1日");
  EXPECT_EQ(ToWareki({2019, 4, 30}), "平成31年4月30日");
  EXPECT_EQ(ToWareki({2004, 3, 31}), "平成16年3月31日");
}

TEST(Wareki, FiscalYearStartsInApril) {
  EXPECT_EQ(FiscalYear({2027, 3, 31}), 2026);
  EXPECT_EQ(FiscalYear({2026, 4, 1}), 2026);
  EXPECT_EQ(FiscalYearLabel(2026), "令和8年度");
  EXPECT_EQ(FiscalYearLabel(2019), "令和元年度");
  EXPECT_EQ(FiscalYearLabel(2018), "平成30年度");
}

TEST(Wareki, EpochDaysRoundTrip) {
  const Date d{2026, 11, 22};
  EXPECT_EQ(Date::FromDaysSinceEpoch(d.DaysSinceEpoch()), d);
  EXPECT_EQ((Date{1970, 1, 1}).DaysSinceEpoch(), 0);
}

}  // namespace
}  // namespace mamori
