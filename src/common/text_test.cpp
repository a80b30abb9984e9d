#include "common/text.h"

#include <gtest/gtest.h>

namespace mamori::text {
namespace {

TEST(Text, DetectsEncodingAsExcelWritesIt) {
  EXPECT_EQ(DetectEncoding("\xEF\xBB\xBF資産番号"), Encoding::kUtf8Bom);
  EXPECT_EQ(DetectEncoding("資産番号,資産名称"), Encoding::kUtf8);
  // 資産 in CP932.
  EXPECT_EQ(DetectEncoding("\x8E\x91\x8E\x59"), Encoding::kCp932);
}

TEST(Text, Cp932KeepsNecAndIbmExtensions) {
  // ① is NEC row 13 (0x8740), 髙 is an IBM extension (0xFBFC), ～ is 0x8160.
  auto utf8 = ToUtf8("\x87\x40\xFB\xFC\x81\x60", Encoding::kCp932);
  ASSERT_TRUE(utf8) << utf8.error().ToString();
  EXPECT_EQ(*utf8, "①髙～");
  auto back = FromUtf8(*utf8, Encoding::kCp932);
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, "\x87\x40\xFB\xFC\x81\x60");
}

TEST(Text, InvalidBytesAreReportedWithTheirOffset) {
  auto r = ToUtf8("ab\x82", Encoding::kCp932);  // a lead byte with no trail byte
  ASSERT_FALSE(r);
  ASSERT_TRUE(r.error().where.byte_offset);
  EXPECT_EQ(*r.error().where.byte_offset, 2u);
  auto u = ToUtf8("abc\xFF", Encoding::kUtf8);
  ASSERT_FALSE(u);
  EXPECT_EQ(*u.error().where.byte_offset, 3u);
}

TEST(Text, CharacterOutsideCp932IsNamed) {
  auto r = FromUtf8("資産😀", Encoding::kCp932);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("😀"), std::string::npos);
}

TEST(Text, FoldKeyMatchesWhatPeopleType) {
  EXPECT_EQ(FoldKey("機密性（Ｃ）"), FoldKey("機密性(c)"));
  EXPECT_EQ(FoldKey("３Ａ"), FoldKey("3a"));
  EXPECT_EQ(FoldKey(" 資産　番号 "), FoldKey("資産番号"));
  EXPECT_EQ(FoldKey("ｼｽﾃﾑ"), FoldKey("システム"));
}

TEST(Text, TrimRemovesIdeographicSpace) { EXPECT_EQ(Trim("\xE3\x80\x80 総務課 \t"), "総務課"); }

}  // namespace
}  // namespace mamori::text
