#include "http/url.h"

#include <gtest/gtest.h>

namespace mamori::http {
namespace {

TEST(Url, EncodesEverythingButUnreserved) {
  EXPECT_EQ(UrlEncode("資産 台帳"), "%E8%B3%87%E7%94%A3%20%E5%8F%B0%E5%B8%B3");
  EXPECT_EQ(UrlEncode("a-b_c.d~e/f?g=h&i"), "a-b_c.d~e%2Ff%3Fg%3Dh%26i");
}

TEST(Url, DecodesQueryComponents) {
  EXPECT_EQ(UrlDecode("%E8%B3%87%E7%94%A3+%e5%8f%b0%e5%b8%b3"), "資産 台帳");
  EXPECT_EQ(UrlDecode("100%"), "100%");
  EXPECT_EQ(UrlDecode("%zz%4"), "%zz%4");
  EXPECT_EQ(UrlDecode(UrlEncode("a+b c&d=資")), "a+b c&d=資");
}

TEST(Url, PathDecodeKeepsPlus) { EXPECT_EQ(PathDecode("/a+b/%E5%80%A4"), "/a+b/値"); }

TEST(Url, InvalidUtf8BecomesReplacementCharacter) {
  EXPECT_EQ(DecodeUtf8Component("a%FFb"), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(ReplaceInvalidUtf8("日本\xE8"), "日本\xEF\xBF\xBD");
  EXPECT_EQ(ReplaceInvalidUtf8("正しい"), "正しい");
}

TEST(Url, HtmlEscape) {
  EXPECT_EQ(HtmlEscape("<a href=\"x\">'&'</a> 日本"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt; 日本");
}

}  // namespace
}  // namespace mamori::http
