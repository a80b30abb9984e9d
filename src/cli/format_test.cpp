#include "cli/format.h"

#include <sstream>

#include <gtest/gtest.h>

namespace mamori::cli {
namespace {

TEST(Format, JapaneseCountsAsTwoColumns) {
  EXPECT_EQ(DisplayWidth("abc"), 3u);
  EXPECT_EQ(DisplayWidth("資産番号"), 8u);
  EXPECT_EQ(DisplayWidth("ｱｲｳ"), 3u);  // half-width kana
  EXPECT_EQ(DisplayWidth("Ａ１"), 4u);
}

TEST(Format, ClipNeverSplitsACharacter) {
  EXPECT_EQ(Clip("住民基本台帳データ", 9), "住民基本…");
  EXPECT_EQ(Clip("short", 9), "short");
}

TEST(Format, TablesLineUp) {
  std::ostringstream out;
  PrintTable(out, {"番号", "名称"}, {{"A-1", "課税台帳"}, {"A-10", "住民票"}});
  EXPECT_EQ(out.str(),
            "番号  名称\n"
            "----  --------\n"
            "A-1   課税台帳\n"
            "A-10  住民票\n");
}

}  // namespace
}  // namespace mamori::cli
