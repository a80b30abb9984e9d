// The YAML wrapper: positions in characters, quoting, nulls, aliases and limits.
#include <gtest/gtest.h>

#include "policy/yaml_node.h"

namespace mamori::policy {
namespace {

const YamlLimits kLimits{};

TEST(YamlNode, MappingWithPositionsInCharacters) {
  auto r = ParseYaml("名前: 直方市\nlist:\n  - 一\n  - \"二\"\n", "t.yaml", kLimits);
  ASSERT_TRUE(r.has_value()) << r.error().ToString();
  ASSERT_TRUE(r->IsMap());
  ASSERT_EQ(r->entries.size(), 2U);
  EXPECT_EQ(r->entries[0].key, "名前");
  EXPECT_EQ(r->entries[0].key_pos.line, 1U);
  EXPECT_EQ(r->entries[0].key_pos.column, 1U);
  const Node& value = r->entries[0].value;
  EXPECT_EQ(value.value, "直方市");
  EXPECT_EQ(value.pos.line, 1U);
  EXPECT_EQ(value.pos.column, 5U);  // 名 前 : space → the fifth character
  EXPECT_EQ(value.pos.file, "t.yaml");
  const Node* list = r->Find("list");
  ASSERT_NE(list, nullptr);
  ASSERT_TRUE(list->IsSequence());
  ASSERT_EQ(list->items.size(), 2U);
  EXPECT_FALSE(list->items[0].quoted);
  EXPECT_TRUE(list->items[1].quoted);
  EXPECT_EQ(list->items[1].pos.line, 4U);
  EXPECT_EQ(list->items[1].pos.column, 5U);
}

TEST(YamlNode, NullsAreNullOnlyWhenPlain) {
  auto r = ParseYaml("a: ~\nb: null\nc:\nd: \"null\"\n", "t.yaml", kLimits);
  ASSERT_TRUE(r.has_value()) << r.error().ToString();
  EXPECT_TRUE(r->Find("a")->IsNull());
  EXPECT_TRUE(r->Find("b")->IsNull());
  EXPECT_TRUE(r->Find("c")->IsNull());
  EXPECT_TRUE(r->Find("d")->IsScalar());
}

TEST(YamlNode, EmptyTextIsNull) {
  auto r = ParseYaml("", "t.yaml", kLimits);
  ASSERT_TRUE(r.has_value());
  EXPECT_TRUE(r->IsNull());
  auto comment = ParseYaml("# only a comment\n", "t.yaml", kLimits);
  ASSERT_TRUE(comment.has_value());
  EXPECT_TRUE(comment->IsNull());
}

TEST(YamlNode, AliasesAreExpanded) {
  auto r = ParseYaml("a: &x [1, 2]\nb: *x\n", "t.yaml", kLimits);
  ASSERT_TRUE(r.has_value()) << r.error().ToString();
  ASSERT_TRUE(r->Find("b")->IsSequence());
  EXPECT_EQ(r->Find("b")->items.size(), 2U);
}

TEST(YamlNode, ByteOrderMarkIsSkipped) {
  auto r = ParseYaml("\xEF\xBB\xBFid: x\n", "t.yaml", kLimits);
  ASSERT_TRUE(r.has_value()) << r.error().ToString();
  EXPECT_EQ(r->Find("id")->value, "x");
}

TEST(YamlNode, DuplicateKeyIsAnError) {
  auto r = ParseYaml("a: 1\nb: 2\na: 3\n", "t.yaml", kLimits);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().where.line, 3U);
  EXPECT_NE(r.error().message.find("1:1"), std::string::npos) << r.error().message;
}

TEST(YamlNode, NonTextKeyIsAnError) {
  auto r = ParseYaml("? [a, b]\n: c\n", "t.yaml", kLimits);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kParse);
}

TEST(YamlNode, LimitsOnDepthNodesAndBytes) {
  YamlLimits small{100, 3, 10};
  auto deep = ParseYaml("a: [[[[1]]]]\n", "t.yaml", small);
  ASSERT_FALSE(deep.has_value());
  EXPECT_EQ(deep.error().code, ErrorCode::kLimit);
  auto many = ParseYaml("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]", "t.yaml", small);
  ASSERT_FALSE(many.has_value());
  EXPECT_EQ(many.error().code, ErrorCode::kLimit);
  auto big = ParseYaml(std::string(101, 'a'), "t.yaml", small);
  ASSERT_FALSE(big.has_value());
  EXPECT_EQ(big.error().code, ErrorCode::kLimit);
}

TEST(YamlNode, SyntaxErrorHasAPosition) {
  auto r = ParseYaml("a: [1, 2\nb: c\n", "t.yaml", kLimits);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kParse);
  EXPECT_TRUE(r.error().where.line.has_value());
  EXPECT_EQ(r.error().where.file, "t.yaml");
}

TEST(YamlNode, CarriageReturnLineEndings) {
  auto r = ParseYaml("a: 1\r\nb: 2\r\n", "t.yaml", kLimits);
  ASSERT_TRUE(r.has_value()) << r.error().ToString();
  EXPECT_EQ(r->entries[1].key_pos.line, 2U);
  EXPECT_EQ(r->entries[1].key_pos.column, 1U);
}

}  // namespace
}  // namespace mamori::policy
