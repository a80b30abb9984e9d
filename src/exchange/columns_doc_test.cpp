// docs/register-columns.md holds the generated column tables between two
// markers; this test fails when they differ from the schema. Set
// MAMORI_UPDATE_DOCS=1 to rewrite that part of the document.
#include "exchange/columns_doc.h"

#include <cstdlib>

#include <gtest/gtest.h>

#include "exchange/test_support.h"

namespace mamori::exchange {
namespace {

constexpr std::string_view kBegin = "<!-- BEGIN GENERATED: ColumnsMarkdown() (src/exchange/columns_doc.cpp) -->\n";
constexpr std::string_view kEnd = "<!-- END GENERATED -->";

TEST(ColumnsDoc, TheDocumentMatchesTheSchema) {
  const auto path = testing::SourceDir() / "docs" / "register-columns.md";
  std::string doc = testing::ReadFile(path);
  const auto begin = doc.find(kBegin);
  const auto end = doc.find(kEnd);
  ASSERT_NE(begin, std::string::npos) << "no BEGIN marker in " << path;
  ASSERT_NE(end, std::string::npos) << "no END marker in " << path;
  const std::string expected = ColumnsMarkdown();
  const std::string actual = doc.substr(begin + kBegin.size(), end - begin - kBegin.size());
  if (actual != expected && std::getenv("MAMORI_UPDATE_DOCS") != nullptr) {
    doc.replace(begin + kBegin.size(), end - begin - kBegin.size(), expected);
    testing::WriteFile(path, doc);
    return;
  }
  EXPECT_EQ(actual, expected) << path << " is out of date with the schema: run exchange_test with MAMORI_UPDATE_DOCS=1";
}

TEST(ColumnsDoc, EveryHeaderAndAliasIsListed) {
  const std::string md = ColumnsMarkdown();
  for (const auto& info : reg::AllEntities()) {
    for (const auto& f : info.fields) {
      EXPECT_NE(md.find(std::string(f.label_ja)), std::string::npos);
      for (auto a : f.aliases) EXPECT_NE(md.find(std::string(a)), std::string::npos) << a;
      for (const auto& l : f.labels) EXPECT_NE(md.find(std::string(l.ja)), std::string::npos) << l.ja;
    }
  }
}

}  // namespace
}  // namespace mamori::exchange
