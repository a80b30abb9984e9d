#include "net/watch/json_scan.h"

#include <array>
#include <string>

#include <gtest/gtest.h>

namespace mamori::net::parse::detail {
namespace {

constexpr std::array<JsonKey, 4> kTop = {{{"a", 0}, {"b", 1}, {"obj", 2, 0}, {"k\"q", 3}}};
constexpr std::array<JsonKey, 2> kInner = {{{"x", 4}, {"a", 5}}};
constexpr std::array<std::span<const JsonKey>, 1> kNested = {std::span<const JsonKey>(kInner)};

struct Scan {
  bool ok = false;
  std::array<JsonSlot, 6> s{};
  JsonError err;
};

Scan ScanText(std::string_view text) {
  Scan r;
  r.ok = ScanJsonObject(text, {kTop, kNested}, r.s, r.err);
  return r;
}

TEST(JsonScan, FindsTopLevelAndNestedKeys) {
  auto r = ScanText(R"( {"a": "v1", "b": -12.5e+3, "obj": {"x": true, "a": null, "deep": {"x": 1}}, "z": [1, {"a": 2}]} )");
  ASSERT_TRUE(r.ok) << r.err.reason;
  EXPECT_EQ(r.s[0].type, JsonType::kString);
  EXPECT_EQ(r.s[0].text, "v1");
  EXPECT_EQ(r.s[1].type, JsonType::kNumber);
  EXPECT_EQ(r.s[1].text, "-12.5e+3");
  EXPECT_EQ(r.s[2].type, JsonType::kObject);
  EXPECT_EQ(r.s[4].type, JsonType::kTrue);   // obj.x, not obj.deep.x
  EXPECT_EQ(r.s[5].type, JsonType::kNull);   // obj.a is not the top-level a
  EXPECT_EQ(r.s[0].offset, 7u);              // offset of the value's opening quote
}

TEST(JsonScan, KeysInArraysAndDeeperObjectsAreNotTaken) {
  auto r = ScanText(R"({"z": [{"a": 1}], "w": {"a": 2, "obj": {"x": 3}}})");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.s[0].type, JsonType::kNone);
  EXPECT_EQ(r.s[4].type, JsonType::kNone);
}

TEST(JsonScan, EscapedKeysAndValues) {
  auto r = ScanText(R"({"k\"q": "a\"b\\c\/d\u3042\ud83d\ude00", "\u0061": 5})");
  ASSERT_TRUE(r.ok) << r.err.reason;
  EXPECT_TRUE(r.s[3].escaped);
  std::string out;
  ASSERT_TRUE(JsonUnescape(r.s[3].text, out));
  EXPECT_EQ(out, "a\"b\\c/d\xe3\x81\x82\xf0\x9f\x98\x80");
  EXPECT_EQ(r.s[0].text, "5");  // "\u0061" is "a"
  EXPECT_FALSE(JsonUnescape(R"(\ud83d)", out));  // a lone surrogate
}

TEST(JsonScan, RejectsGarbageWithAnOffset) {
  struct Case {
    std::string_view text;
    std::size_t offset;
  };
  for (const Case& c : std::initializer_list<Case>{
           {R"([1])", 0},
           {R"({"a":1} x)", 8},
           {R"({"a":1,})", 7},
           {R"({"a" 1})", 5},
           {R"({"a":01})", 5},
           {R"({"a":1.})", 5},
           {R"({"a":-})", 5},
           {R"({"a":tru})", 5},
           {R"({"a":"x\q"})", 7},
           {R"({"a":"\u12g4"})", 6},
           {R"({"a":"open)", 5},
           {R"({"a":[1,2})", 9},
           {R"({"a":{"b":1])", 11},
           {"{\"a\":\"tab\there\"}", 9},
           {R"({"a":1)", 6},
           {"", 0},
           {R"({a:1})", 1},
       }) {
    auto r = ScanText(c.text);
    EXPECT_FALSE(r.ok) << c.text;
    EXPECT_EQ(r.err.offset, c.offset) << c.text << " : " << r.err.reason;
    EXPECT_STRNE(r.err.reason, "") << c.text;
  }
}

TEST(JsonScan, DepthLimitWithoutRecursion) {
  std::string ok = "{\"a\":";
  for (int i = 0; i < kJsonMaxDepth - 1; ++i) ok += '[';
  for (int i = 0; i < kJsonMaxDepth - 1; ++i) ok += ']';
  ok += '}';
  EXPECT_TRUE(ScanText(ok).ok);
  std::string deep = "{\"a\":";
  for (int i = 0; i < 100000; ++i) deep += '[';
  auto r = ScanText(deep);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.err.offset, 5u + kJsonMaxDepth - 1);
}

}  // namespace
}  // namespace mamori::net::parse::detail
