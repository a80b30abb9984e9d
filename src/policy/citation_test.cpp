// Every clause a body profile cites must really be in that body's seed text:
// the excerpt verbatim (after removing white space, which the seeds break
// across lines and pages), the parts of the label ((3), ①, 第6条 …), and the
// defined terms quoted in `definitions`. Skipped when the seeds are absent.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "policy/loader.h"
#include "policy/test_support.h"

namespace mamori::policy {
namespace {

// Removes ASCII white space and U+3000.
std::string Squeeze(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') continue;
    if (s.substr(i, 3) == "\xE3\x80\x80") {
      i += 2;
      continue;
    }
    out.push_back(c);
  }
  return out;
}

std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The parts of a label that must appear in the text: "(3)" (from 6(3) or 第3号),
// circled numbers (①), "第6条", and words (イ, 序文, 改訂履歴, ただし[書]).
// A bare top-level number is not checked (any text has digits).
std::vector<std::vector<std::string>> LabelParts(std::string_view label) {
  std::vector<std::vector<std::string>> parts;  // each: acceptable spellings
  std::string word;
  auto flush = [&] {
    if (word.ends_with("書")) word.resize(word.size() - std::string_view("書").size());  // ただし書 → ただし
    if (!word.empty()) parts.push_back({word});
    word.clear();
  };
  auto number_at = [&](std::size_t& j) {
    std::string n;
    while (j < label.size() && IsDigit(label[j])) n.push_back(label[j++]);
    return n;
  };
  std::size_t i = 0;
  while (i < label.size()) {
    if (label[i] == '(') {
      std::size_t j = i + 1;
      const std::string n = number_at(j);
      if (!n.empty() && j < label.size() && label[j] == ')') {
        flush();
        parts.push_back({"(" + n + ")", "（" + n + "）"});
        i = j + 1;
        continue;
      }
    }
    if (label.substr(i, 3) == "第") {
      std::size_t j = i + 3;
      const std::string n = number_at(j);
      if (!n.empty() && label.substr(j, 3) == "条") {
        flush();
        parts.push_back({"第" + n + "条"});
        i = j + 3;
        continue;
      }
      if (!n.empty() && label.substr(j, 3) == "号") {
        flush();
        parts.push_back({"(" + n + ")", "（" + n + "）"});
        i = j + 3;
        continue;
      }
    }
    if (IsDigit(label[i])) {
      flush();
      while (i < label.size() && IsDigit(label[i])) ++i;
      continue;
    }
    const auto c = static_cast<unsigned char>(label[i]);
    const std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    const std::string ch(label.substr(i, len));
    i += len;
    // U+2460..U+2473 (①..⑳) stand alone.
    if (ch.size() == 3 && ch[0] == '\xE2' && ch[1] == '\x91' && static_cast<unsigned char>(ch[2]) >= 0xA0 &&
        static_cast<unsigned char>(ch[2]) <= 0xB3) {
      flush();
      parts.push_back({ch});
      continue;
    }
    word += ch;
  }
  flush();
  return parts;
}

class Citations : public ::testing::TestWithParam<const char*> {};

TEST_P(Citations, EveryClauseIsInTheSeed) {
  const std::filesystem::path seeds = testing::SeedDir();
  if (!std::filesystem::is_directory(seeds))
    GTEST_SKIP() << "seed texts not found at " << seeds << " (set MAMORI_SHARED_DIR)";
  auto loaded = LoadProfileById(GetParam(), testing::Dirs());
  ASSERT_TRUE(loaded.has_value()) << loaded.error().ToString();
  const Profile& p = *loaded;
  ASSERT_FALSE(p.seed_file.empty());
  const std::filesystem::path seed_path = seeds / p.seed_file;
  ASSERT_TRUE(std::filesystem::is_regular_file(seed_path)) << seed_path;
  const std::string seed = Squeeze(ReadFile(seed_path));
  const std::string own_file = (testing::ProfileDir() / (p.id + ".yaml")).generic_string();

  ASSERT_FALSE(p.clauses.empty());
  for (const Clause& c : p.clauses) {
    SCOPED_TRACE(p.id + " " + c.id + " " + c.label);
    // Written in the body's own file, not inherited from the guideline's wording.
    EXPECT_EQ(c.where.file, own_file);
    EXPECT_NE(seed.find(Squeeze(c.excerpt)), std::string::npos) << "excerpt not in seed: " << c.excerpt;
    for (const auto& spellings : LabelParts(c.label)) {
      bool found = false;
      for (const auto& s : spellings) found |= seed.find(s) != std::string::npos;
      EXPECT_TRUE(found) << "label part " << spellings.front() << " not in seed";
    }
  }
  for (const Term& t : p.definitions.personal_data_terms) {
    EXPECT_NE(seed.find(Squeeze(t.term)), std::string::npos) << t.term;
    EXPECT_NE(seed.find(Squeeze(t.definition)), std::string::npos) << t.term;
  }
  for (const auto& term : {p.definitions.incident, p.definitions.threat}) {
    if (term) {
      EXPECT_NE(seed.find(Squeeze(term->definition)), std::string::npos) << term->term;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Bodies, Citations, ::testing::Values("nogata", "misato", "ogi-council", "kumamoto", "tsuyama"),
                         [](const ::testing::TestParamInfo<const char*>& param_info) {
                           std::string name = param_info.param;
                           for (char& c : name)
                             if (c == '-') c = '_';
                           return name;
                         });

TEST(CitationLabels, PartsOfALabel) {
  EXPECT_EQ(LabelParts("6(3)①"), (std::vector<std::vector<std::string>>{{"(3)", "（3）"}, {"①"}}));
  EXPECT_EQ(LabelParts("第6条第3号①"), (std::vector<std::vector<std::string>>{{"第6条"}, {"(3)", "（3）"}, {"①"}}));
  EXPECT_EQ(LabelParts("第4条第2号イ"), (std::vector<std::vector<std::string>>{{"第4条"}, {"(2)", "（2）"}, {"イ"}}));
  EXPECT_EQ(LabelParts("7"), (std::vector<std::vector<std::string>>{}));
  EXPECT_EQ(LabelParts("序文"), (std::vector<std::vector<std::string>>{{"序文"}}));
}

}  // namespace
}  // namespace mamori::policy
