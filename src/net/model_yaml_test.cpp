#include "net/model_yaml.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

namespace mamori::net {
namespace {

std::string ReadExample() {
  const char* dir = std::getenv("MAMORI_SOURCE_DIR");
  std::ifstream in(std::filesystem::path(dir ? dir : ".") / "examples" / "network.yaml");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

const reg::Value& Field(const YamlSheet& sheet, std::size_t row, std::string_view key) {
  const auto& fields = reg::Info(sheet.kind).fields;
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (fields[i].key == key) return sheet.rows[row][i];
  static const reg::Value kNone;
  return kNone;
}

TEST(NetworkYamlTest, TheShippedExampleReadsIntoTheFourSheets) {
  const auto text = ReadExample();
  ASSERT_FALSE(text.empty()) << "examples/network.yaml (set MAMORI_SOURCE_DIR)";
  auto sheets = ReadNetworkYaml(text, "network.yaml");
  ASSERT_TRUE(sheets) << sheets.error().ToString();
  ASSERT_EQ(sheets->size(), 4u);
  const auto& segments = (*sheets)[0];
  EXPECT_EQ(segments.kind, reg::EntityKind::kSegment);
  ASSERT_EQ(segments.rows.size(), 3u);
  EXPECT_EQ(std::get<std::string>(Field(segments, 0, "tier")), "my_number");  // the Japanese label became the key
  EXPECT_EQ(std::get<std::vector<std::string>>(Field(segments, 1, "addresses")),
            (std::vector<std::string>{"10.20.0.0/16", "fd00:20::/48"}));
  EXPECT_GT(segments.lines[1], segments.lines[0]);
  const auto& gateways = (*sheets)[1];
  EXPECT_EQ(std::get<std::string>(Field(gateways, 0, "kind")), "sanitization");
  EXPECT_EQ(std::get<std::string>(Field(gateways, 2, "kind")), "dedicated_line");
  const auto& flows = (*sheets)[3];
  EXPECT_EQ(flows.kind, reg::EntityKind::kFlow);
  EXPECT_EQ(std::get<std::int64_t>(Field(flows, 0, "sequence")), 10);
  EXPECT_EQ(std::get<std::string>(Field(flows, 0, "action")), "allow");  // 許可
  EXPECT_EQ(std::get<std::string>(Field(flows, 3, "action")), "deny");
  EXPECT_EQ(std::get<std::string>(Field(flows, 2, "ports")), "80,443");
}

TEST(NetworkYamlTest, JapaneseHeadersWorkAsKeys) {
  auto sheets = ReadNetworkYaml("segments:\n  - セグメント番号: S1\n    セグメント名: 庁内LAN\n    系統: LGWAN接続系\n"
                                "    アドレス範囲: 10.1.0.0/16\n",
                                "n.yaml");
  ASSERT_TRUE(sheets) << sheets.error().ToString();
  EXPECT_EQ(std::get<std::string>(Field((*sheets)[0], 0, "tier")), "lgwan");
  EXPECT_EQ(std::get<std::vector<std::string>>(Field((*sheets)[0], 0, "addresses")),
            (std::vector<std::string>{"10.1.0.0/16"}));
}

TEST(NetworkYamlTest, EveryMistakeIsReportedWithItsLineAndColumn) {
  const std::string text =
      "segments:\n"
      "  - number: S1\n"
      "    name: a\n"
      "    tier: 宇宙系\n"        // line 4: not a tier
      "    colour: red\n"         // line 5: not a field
      "routers:\n"                // line 6: not a section
      "  - number: R1\n"
      "flows:\n"
      "  - number: F1\n"
      "    sequence: 三番目\n";   // line 10: not a number
  auto sheets = ReadNetworkYaml(text, "bad.yaml");
  ASSERT_FALSE(sheets);
  const auto& e = sheets.error();
  EXPECT_NE(e.message.find("何も取り込んでいません"), std::string::npos);
  ASSERT_EQ(e.details.size(), 4u) << e.ToString();
  const std::string all = e.ToString();
  EXPECT_NE(all.find("bad.yaml:4:11"), std::string::npos) << all;
  EXPECT_NE(all.find("宇宙系"), std::string::npos);
  EXPECT_NE(all.find("bad.yaml:5:5"), std::string::npos) << all;
  EXPECT_NE(all.find("colour"), std::string::npos);
  EXPECT_NE(all.find("bad.yaml:6:1"), std::string::npos) << all;
  EXPECT_NE(all.find("bad.yaml:10:15"), std::string::npos) << all;
}

TEST(NetworkYamlTest, BrokenYamlIsAParseErrorWithItsPosition) {
  auto sheets = ReadNetworkYaml("segments:\n  - number: [S1\n", "broken.yaml");
  ASSERT_FALSE(sheets);
  EXPECT_EQ(sheets.error().code, ErrorCode::kParse);
  EXPECT_EQ(sheets.error().where.file, "broken.yaml");
  EXPECT_TRUE(sheets.error().where.line.has_value());
}

}  // namespace
}  // namespace mamori::net
