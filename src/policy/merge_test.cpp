// Derivation: mappings merge key by key, sequences replace, null removes,
// the file's own identity is never inherited.
#include <gtest/gtest.h>

#include "policy/merge.h"

namespace mamori::policy {
namespace {

Node Parse(std::string_view text, std::string_view name) {
  auto r = ParseYaml(text, name, YamlLimits{});
  EXPECT_TRUE(r.has_value()) << r.error().ToString();
  return r ? std::move(*r) : Node{};
}

TEST(Merge, MappingsMergeSequencesReplaceNullRemoves) {
  const Node base = Parse("a: {x: 1, y: 2, z: 3}\nlist: [1, 2, 3]\ngone: 1\n", "base.yaml");
  const Node derived = Parse("a: {y: 20, z: null, w: 4}\nlist: [9]\ngone: null\n", "derived.yaml");
  const Node m = MergeProfiles(base, derived);
  const Node* a = m.Find("a");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->Find("x")->value, "1");
  EXPECT_EQ(a->Find("x")->pos.file, "base.yaml");
  EXPECT_EQ(a->Find("y")->value, "20");
  EXPECT_EQ(a->Find("y")->pos.file, "derived.yaml");
  EXPECT_EQ(a->Find("z"), nullptr);
  EXPECT_EQ(a->Find("w")->value, "4");
  ASSERT_EQ(m.Find("list")->items.size(), 1U);
  EXPECT_EQ(m.Find("list")->items[0].value, "9");
  EXPECT_EQ(m.Find("gone"), nullptr);
}

TEST(Merge, IdentityIsNotInherited) {
  const Node base = Parse("id: guideline\nversion: R7.3\nrevisions: [1]\nnotes: [n]\nscope: {a: 1}\n", "b.yaml");
  const Node derived = Parse("id: body\n", "d.yaml");
  const Node m = MergeProfiles(base, derived);
  EXPECT_EQ(m.Find("id")->value, "body");
  EXPECT_EQ(m.Find("version"), nullptr);
  EXPECT_EQ(m.Find("revisions"), nullptr);
  EXPECT_EQ(m.Find("notes"), nullptr);
  ASSERT_NE(m.Find("scope"), nullptr);
  EXPECT_TRUE(IsOwnKey("parent"));
  EXPECT_FALSE(IsOwnKey("checks"));
}

TEST(Merge, TypeChangeReplaces) {
  const Node m = MergeProfiles(Parse("a: {x: 1}\n", "b"), Parse("a: text\n", "d"));
  EXPECT_TRUE(m.Find("a")->IsScalar());
}

}  // namespace
}  // namespace mamori::policy
