#include "web/chart.h"

#include <gtest/gtest.h>

namespace mamori::web {
namespace {

TEST(ChartTest, BarsAreProportionalAndLabelsEscaped) {
  const auto svg = BarChart({{"総務課 <script>", "/findings?department=x", 10, 5}, {"税務課", "", 5, 0}}, "所属別",
                            "不適合", "判定不能");
  EXPECT_TRUE(svg.starts_with("<svg class=\"chart\""));
  EXPECT_NE(svg.find("総務課 &lt;script&gt;"), std::string::npos);
  EXPECT_EQ(svg.find("<script>"), std::string::npos);
  EXPECT_EQ(svg.find("style="), std::string::npos);  // the CSP allows no inline style
  // The largest row (15) spans the whole bar width: 280 + 140 = 420.
  EXPECT_NE(svg.find("width=\"280\""), std::string::npos);
  EXPECT_NE(svg.find("width=\"140\""), std::string::npos);
  EXPECT_NE(svg.find("<a href=\"/findings?department=x\">"), std::string::npos);
}

}  // namespace
}  // namespace mamori::web
