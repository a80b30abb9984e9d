// Look-ups on a compiled profile (levels, categories, staff, media, rules).
#include <gtest/gtest.h>

#include "policy/loader.h"
#include "policy/test_support.h"

namespace mamori::policy {
namespace {

using testing::Dirs;

class GuidelineProfile : public ::testing::Test {
 protected:
  void SetUp() override {
    auto p = LoadProfileById("guideline", Dirs());
    ASSERT_TRUE(p.has_value()) << p.error().ToString();
    profile_ = std::move(*p);
  }
  Profile profile_;
};

TEST_F(GuidelineProfile, LoadsAsTheRoot) {
  EXPECT_EQ(profile_.id, "guideline");
  EXPECT_TRUE(profile_.base.empty());
  EXPECT_EQ(profile_.kind, BodyKind::kModel);
  EXPECT_EQ(profile_.chain, std::vector<std::string>{"guideline"});
}
}  // namespace
}  // namespace mamori::policy
