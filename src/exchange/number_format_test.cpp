#include "exchange/number_format.h"

#include <gtest/gtest.h>

namespace mamori::exchange {
namespace {

using Kind = NumberFormat::Kind;

TEST(NumberFormat, BuiltInDatesIncludingTheJapaneseOnes) {
  for (int id : {14, 15, 16, 17, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58})
    EXPECT_EQ(ClassifyNumberFormat(id, "").kind, Kind::kDate) << id;
  for (int id : {18, 19, 20, 21, 22, 32, 33}) EXPECT_EQ(ClassifyNumberFormat(id, "").kind, Kind::kDateTime) << id;
  for (int id : {0, 1, 2, 3, 4, 9, 10, 45, 46, 47, 49})
    EXPECT_EQ(ClassifyNumberFormat(id, "").kind, Kind::kGeneral) << id;
}

TEST(NumberFormat, CustomFormats) {
  EXPECT_EQ(ClassifyNumberFormat(176, "yyyy/m/d;@").kind, Kind::kDate);
  EXPECT_EQ(ClassifyNumberFormat(176, "[$-ja-JP-x-gannen]ggge\"年\"m\"月\"d\"日\";@").kind, Kind::kDate);
  EXPECT_EQ(ClassifyNumberFormat(176, "[$-411]ge.m.d").kind, Kind::kDate);
  EXPECT_EQ(ClassifyNumberFormat(176, "yyyy-mm-dd hh:mm").kind, Kind::kDateTime);
  EXPECT_EQ(ClassifyNumberFormat(176, "h:mm;@").kind, Kind::kDateTime);
  EXPECT_EQ(ClassifyNumberFormat(176, "[h]:mm:ss").kind, Kind::kGeneral);
  EXPECT_EQ(ClassifyNumberFormat(176, "0.00E+00").kind, Kind::kGeneral);
  EXPECT_EQ(ClassifyNumberFormat(176, "#,##0\"日\"").kind, Kind::kGeneral);  // "日" is quoted text
  EXPECT_EQ(ClassifyNumberFormat(176, "[Red]0.0").kind, Kind::kGeneral);
  EXPECT_EQ(ClassifyNumberFormat(176, "General\"件\"").kind, Kind::kGeneral);
  EXPECT_EQ(ClassifyNumberFormat(176, "0000").kind, Kind::kPattern);
  EXPECT_EQ(ClassifyNumberFormat(176, "\"A-\"000").kind, Kind::kPattern);
}

TEST(NumberFormat, NumbersReadAsPeopleSeeThem) {
  const NumberFormat general;
  EXPECT_EQ(FormatNumberCell("24", general, false), "24");
  EXPECT_EQ(FormatNumberCell("24.0", general, false), "24");
  EXPECT_EQ(FormatNumberCell("-3", general, false), "-3");
  EXPECT_EQ(FormatNumberCell("1.5", general, false), "1.5");
  EXPECT_EQ(FormatNumberCell("0.30000000000000004", general, false), "0.3");
  EXPECT_EQ(FormatNumberCell("1E+20", general, false), "1e+20");
  EXPECT_EQ(FormatNumberCell("abc", general, false), "abc");
  EXPECT_EQ(FormatNumberCell("", general, false), "");
  EXPECT_EQ(FormatNumberCell("12", ClassifyNumberFormat(177, "0000"), false), "0012");
  EXPECT_EQ(FormatNumberCell("12345", ClassifyNumberFormat(177, "0000"), false), "12345");
  EXPECT_EQ(FormatNumberCell("1234567", ClassifyNumberFormat(177, "000-0000"), false), "123-4567");
  EXPECT_EQ(FormatNumberCell("7", ClassifyNumberFormat(177, "\"A-\"000"), false), "A-007");
  EXPECT_EQ(FormatNumberCell("7.5", ClassifyNumberFormat(177, "0000"), false), "7.5");
}

TEST(NumberFormat, DateSerials) {
  const NumberFormat date = ClassifyNumberFormat(14, "");
  EXPECT_EQ(FormatNumberCell("46113", date, false), "2026-04-01");
  EXPECT_EQ(FormatNumberCell("46113.0", date, false), "2026-04-01");
  EXPECT_EQ(FormatNumberCell("1", date, false), "1900-01-01");
  EXPECT_EQ(FormatNumberCell("59", date, false), "1900-02-28");
  EXPECT_EQ(FormatNumberCell("60", date, false), "60");  // Excel's 1900-02-29 does not exist
  EXPECT_EQ(FormatNumberCell("61", date, false), "1900-03-01");
  EXPECT_EQ(FormatNumberCell("0", date, false), "0");
  EXPECT_EQ(FormatNumberCell("-5", date, false), "-5");
  EXPECT_EQ(FormatNumberCell("99999999", date, false), "99999999");
  EXPECT_EQ(FormatNumberCell("44651", date, true), "2026-04-01");  // 1904 date system
  EXPECT_EQ(FormatNumberCell("46113.5", date, false), "2026-04-01");
  const NumberFormat date_time = ClassifyNumberFormat(22, "");
  EXPECT_EQ(FormatNumberCell("46113.5", date_time, false), "2026-04-01 12:00");
  EXPECT_EQ(FormatNumberCell("46113", date_time, false), "2026-04-01");
  const NumberFormat time = ClassifyNumberFormat(20, "");  // h:mm
  EXPECT_EQ(FormatNumberCell("46113.375", time, false), "2026-04-01 09:00");
  EXPECT_EQ(FormatNumberCell("0.375", time, false), "0.375");  // a bare time stays a number
  EXPECT_EQ(DateSerial(Date{2026, 4, 1}), 46113);
  EXPECT_EQ(DateSerial(Date{1900, 3, 1}), 61);
}

}  // namespace
}  // namespace mamori::exchange
