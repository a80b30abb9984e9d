// `mamori profile show` text and the JSON form.
#include <gtest/gtest.h>

#include "policy/loader.h"
#include "policy/render.h"
#include "policy/test_support.h"

namespace mamori::policy {
namespace {

Profile Load(std::string_view id) {
  auto p = LoadProfileById(id, testing::Dirs());
  EXPECT_TRUE(p.has_value()) << p.error().ToString();
  return p ? std::move(*p) : Profile{};
}

bool Contains(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

TEST(Render, JapaneseShowsWhatMakesTheBodyDiffer) {
  const std::string k = RenderProfileText(Load("kumamoto"));
  EXPECT_TRUE(Contains(k, "kumamoto — 熊本市")) << k;
  EXPECT_TRUE(Contains(k, "基本プロファイル: guideline")) << k;
  EXPECT_TRUE(Contains(k, "β'モデル")) << k;
  EXPECT_TRUE(Contains(k, "無害化通信: インターネット接続系→LGWAN接続系\n")) << k;
  EXPECT_TRUE(Contains(k, "人事給与")) << k;
  EXPECT_TRUE(Contains(k, "令和8年4月1日")) << k;
  EXPECT_TRUE(Contains(k, "令和元年9月1日")) << k;
  EXPECT_TRUE(Contains(k, "system.tier_allowed")) << k;
  EXPECT_TRUE(Contains(k, "2(10) インターネット接続系")) << k;  // the rule's cited clause, Kumamoto's numbering

  const std::string o = RenderProfileText(Load("ogi-council"));
  EXPECT_TRUE(Contains(o, "ogi-city")) << o;
  EXPECT_TRUE(Contains(o, "未解決")) << o;

  const std::string t = RenderProfileText(Load("tsuyama"));
  EXPECT_TRUE(Contains(t, "restricted_users")) << t;
  EXPECT_TRUE(Contains(t, "違反への対応: 懲戒処分等")) << t;
  EXPECT_TRUE(Contains(t, "重要機能室")) << t;

  const std::string n = RenderProfileText(Load("nogata"));
  EXPECT_TRUE(Contains(n, "情報セキュリティ監査又は自己点検")) << n;
  EXPECT_TRUE(Contains(n, "平成16年3月31日")) << n;
  EXPECT_TRUE(Contains(n, "委託事業者等要員")) << n;

  const std::string g = RenderProfileText(Load("guideline"));
  EXPECT_TRUE(Contains(g, "令和7年3月  改定")) << g;  // month-only dates keep no day
}

TEST(Render, English) {
  const std::string k = RenderProfileText(Load("kumamoto"), true);
  EXPECT_TRUE(Contains(k, "Sanitized directions: internet tier → LGWAN tier\n")) << k;
  EXPECT_TRUE(Contains(k, "2026-04-01 (令和8年4月1日)")) << k;
  EXPECT_TRUE(Contains(k, "beta' model")) << k;
}

TEST(Render, Json) {
  const nlohmann::json k = ProfileToJson(Load("kumamoto"));
  EXPECT_EQ(k["id"], "kumamoto");
  EXPECT_EQ(k["sanitization"]["directions"], nlohmann::json::array({"internet_to_lgwan"}));
  EXPECT_EQ(k["tiers"]["model"], "beta_prime");
  EXPECT_EQ(k["classification"]["scheme"], "municipal2024");
  EXPECT_EQ(k["revisions"][0]["date"]["wareki"], "平成19年1月17日");
  EXPECT_EQ(k["definitions"]["personal_data_terms"].size(), 19U);
  const nlohmann::json t = ProfileToJson(Load("tsuyama"));
  EXPECT_EQ(t["my_number"]["mode"], "restricted_users");
  EXPECT_EQ(t["my_number"]["check_interval_days"], 365);
  EXPECT_TRUE(t["violation"]["liability"].get<bool>());
  const nlohmann::json o = ProfileToJson(Load("ogi-council"));
  EXPECT_EQ(o["parent"]["profile"], "ogi-city");
  EXPECT_FALSE(o["parent"]["resolved"].get<bool>());
  EXPECT_TRUE(ProfileToJson(Load("nogata"))["violation"].is_null());
  EXPECT_FALSE(k.dump().empty());
}

}  // namespace
}  // namespace mamori::policy
