#include "web/i18n.h"

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "TemplateFiles.h"
#include "web/messages.h"

namespace mamori::web {
namespace {

TEST(I18nTest, EveryTemplateKeyIsInTheCatalogueInBothLanguages) {
  const std::regex key(R"(\[\[([a-z0-9_.]+)\]\])");
  std::size_t seen = 0;
  for (const auto& f : TemplateFiles()) {
    const std::string text(f.data);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), key); it != std::sregex_iterator(); ++it) {
      ++seen;
      EXPECT_TRUE(HasMessage((*it)[1].str())) << f.name << ": " << (*it)[1];
    }
  }
  EXPECT_GT(seen, 100u);
  for (const auto& m : Messages()) {
    EXPECT_FALSE(m.ja.empty()) << m.key;
    EXPECT_FALSE(m.en.empty()) << m.key;
  }
}

TEST(I18nTest, EveryKeyTheCodeAsksForIsInTheCatalogue) {
  const char* dir = std::getenv("MAMORI_SOURCE_DIR");
  ASSERT_NE(dir, nullptr);
  const std::regex call(R"re(T\((?:ctx\.)?lang, "([a-z0-9_.]+)"\))re");
  std::set<std::string> keys;
  for (const auto* file : {"pages_admin.cpp", "pages_auth.cpp", "pages_dashboard.cpp", "pages_findings.cpp",
                           "pages_history.cpp", "pages_import.cpp", "pages_policy.cpp", "pages_register.cpp",
                           "register_view.cpp", "routes.cpp", "web_app.cpp"}) {
    std::ifstream in(std::string(dir) + "/src/web/" + file);
    ASSERT_TRUE(in) << file;
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    for (auto it = std::sregex_iterator(text.begin(), text.end(), call); it != std::sregex_iterator(); ++it)
      keys.insert((*it)[1]);
  }
  EXPECT_GT(keys.size(), 20u);
  for (const auto& k : keys) EXPECT_TRUE(HasMessage(k)) << k;
  for (const auto* k : {"register.count", "register.count_capped", "history.action.create", "history.action.update",
                        "history.action.delete"})
    EXPECT_TRUE(HasMessage(k)) << k;
}

TEST(I18nTest, TranslateFillsPlaceholdersAndLeavesTheRest) {
  EXPECT_EQ(Translate("<a>[[nav.findings]]</a> {{x}}", Lang::kJa), "<a>指摘事項</a> {{x}}");
  EXPECT_EQ(Translate("<a>[[nav.findings]]</a>", Lang::kEn), "<a>Findings</a>");
  EXPECT_EQ(Translate("[[unterminated", Lang::kJa), "[[unterminated");
  EXPECT_EQ(T(Lang::kJa, "no.such.key"), "no.such.key");
}

}  // namespace
}  // namespace mamori::web
