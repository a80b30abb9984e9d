#include "exchange/xlsx_text.h"

#include <gtest/gtest.h>

namespace mamori::exchange {
namespace {

TEST(XlsxText, CellReferences) {
  EXPECT_EQ(ColumnIndex("A1"), 0u);
  EXPECT_EQ(ColumnIndex("Z9"), 25u);
  EXPECT_EQ(ColumnIndex("AA12"), 26u);
  EXPECT_EQ(ColumnIndex("$B$3"), 1u);
  EXPECT_EQ(ColumnIndex("xfd1048576"), 16383u);
  EXPECT_EQ(ColumnIndex("XFE1"), std::nullopt);
  EXPECT_EQ(ColumnIndex("AAAA1"), std::nullopt);
  EXPECT_EQ(ColumnIndex("12"), std::nullopt);
  EXPECT_EQ(ColumnIndex(""), std::nullopt);
  for (std::uint32_t i : {0u, 25u, 26u, 51u, 52u, 701u, 702u, 16383u}) EXPECT_EQ(ColumnIndex(ColumnName(i) + "1"), i);
  EXPECT_EQ(ColumnName(27), "AB");
}

TEST(XlsxText, XstringEscapes) {
  EXPECT_EQ(DecodeXstring("a_x000D_\nb"), "a\r\nb");
  EXPECT_EQ(DecodeXstring("_x005F_x0041_"), "_x0041_");
  EXPECT_EQ(DecodeXstring("_x0041_"), "A");
  EXPECT_EQ(DecodeXstring("_xD842__xDFB7_"), "𠮷");
  EXPECT_EQ(DecodeXstring("_xD842_"), "_xD842_");  // a lone surrogate stays as written
  EXPECT_EQ(DecodeXstring("_x12_ _xZZZZ_ x_"), "_x12_ _xZZZZ_ x_");
}

TEST(XlsxText, CellTextRoundTripsThroughTheEscapes) {
  const std::vector<std::string> samples{"plain", "a\r\nb", "_x0041_", "<&>\"'", std::string("nul\x01\x1F") + "end",
                                        "tab\tkeeps", "\xEF\xBF\xBE", "①髙 _x_"};
  for (const std::string& s : samples) {
    const std::string escaped = EscapeCellText(s);
    EXPECT_EQ(escaped.find('\r'), std::string::npos);
    std::string unescaped;  // what an XML parser gives back for &amp; &lt; &gt;
    for (std::size_t i = 0; i < escaped.size();) {
      if (escaped.compare(i, 5, "&amp;") == 0) { unescaped += '&'; i += 5; }
      else if (escaped.compare(i, 4, "&lt;") == 0) { unescaped += '<'; i += 4; }
      else if (escaped.compare(i, 4, "&gt;") == 0) { unescaped += '>'; i += 4; }
      else unescaped += escaped[i++];
    }
    EXPECT_EQ(DecodeXstring(unescaped), s) << escaped;
  }
}

}  // namespace
}  // namespace mamori::exchange
