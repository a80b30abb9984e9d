// Bad profiles: every mistake is an Error naming file:line:column, all the
// mistakes of a file are reported together, and hostile input (random bytes,
// deep nesting, alias bombs, huge files, base cycles) never crashes or throws.
#include <fstream>
#include <random>

#include <gtest/gtest.h>

#include "policy/loader.h"
#include "policy/test_support.h"

namespace mamori::policy {
namespace {

namespace fs = std::filesystem;

class LoaderErrors : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::path(::testing::TempDir()) / fmt_name(info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  static std::string fmt_name(std::string_view n) { return "mamori_policy_" + std::string(n); }

  fs::path Write(const std::string& name, std::string_view text) {
    const fs::path p = dir_ / name;
    std::ofstream out(p, std::ios::binary);
    out << text;
    return p;
  }
  ProfileSearchPath Dirs() const { return {dir_, testing::ProfileDir()}; }
  std::string Name(const std::string& file) const { return (dir_ / file).generic_string(); }

  // A body derived from the guideline, with `extra` appended.
  static std::string Body(std::string_view extra) {
    return std::string("format: 1\nid: test-town\nbase: guideline\nname: {ja: テスト町}\nkind: town\ntitle: テスト町情報セキュリティ基本方針\n") +
           std::string(extra);
  }

  Error LoadError(const std::string& file, std::string_view text) {
    const fs::path p = Write(file, text);
    auto r = LoadProfile(p, Dirs());
    EXPECT_FALSE(r.has_value()) << "loaded although it should not: " << file;
    return r ? Error{} : r.error();
  }

  fs::path dir_;
};

// "c: &c [*b, *b, …]" (ten aliases of the previous level).
std::string fmt_line(char c, char prev) {
  std::string line = std::string(1, c) + ": &" + c + " [";
  for (int i = 0; i < 10; ++i) line += std::string(i == 0 ? "" : ", ") + "*" + prev;
  return line + "]\n";
}

bool Contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST_F(LoaderErrors, ValidDerivedProfileLoads) {
  const fs::path p = Write("ok.yaml", Body(""));
  auto r = LoadProfile(p, Dirs());
  ASSERT_TRUE(r.has_value()) << r.error().ToString();
  EXPECT_EQ(r->id, "test-town");
  EXPECT_EQ(r->chain, (std::vector<std::string>{"test-town", "guideline"}));
  EXPECT_EQ(r->files.size(), 2U);
  // Identity is not inherited; everything else is.
  EXPECT_TRUE(r->revisions.empty());
  EXPECT_EQ(r->sanitization.directions.size(), 2U);
}

TEST_F(LoaderErrors, MailSanitizationDefaultsAndOverrides) {
  auto base = LoadProfile(Write("base.yaml", Body("")), Dirs());
  ASSERT_TRUE(base.has_value()) << base.error().ToString();
  const MailSanitization& d = base->sanitization.mail;
  EXPECT_EQ(d.links, MailLinks::kDefang);
  EXPECT_EQ(d.attachments, MailAttachments::kRemove);
  EXPECT_TRUE(d.hold_password_archives);
  EXPECT_EQ(d.retention_days, 90);
  EXPECT_EQ(d.release_roles, (std::vector<reg::Role>{reg::Role::kCiso, reg::Role::kChiefOfficer, reg::Role::kManager}));

  // A body overrides one key; the rest stays the guideline's.
  auto own = LoadProfile(Write("own.yaml", Body("sanitization:\n  mail:\n    links: remove\n    retention_days: 30\n")), Dirs());
  ASSERT_TRUE(own.has_value()) << own.error().ToString();
  EXPECT_EQ(own->sanitization.mail.links, MailLinks::kRemove);
  EXPECT_EQ(own->sanitization.mail.retention_days, 30);
  EXPECT_EQ(own->sanitization.mail.attachments, MailAttachments::kRemove);
  EXPECT_EQ(own->sanitization.directions.size(), 2U);

  const Error e = LoadError("bad-mail.yaml", Body("sanitization:\n  mail:\n    links: strip\n    retention_days: 0\n"));
  ASSERT_EQ(e.details.size(), 2U) << e.ToString();
  EXPECT_TRUE(Contains(e.details[0].message, "sanitization.mail.links")) << e.details[0].message;
  EXPECT_EQ(e.details[0].where.line, 9U);
  EXPECT_TRUE(Contains(e.details[1].message, "sanitization.mail.retention_days")) << e.details[1].message;
}

TEST_F(LoaderErrors, MalformedYamlNamesLineAndColumn) {
  const Error e = LoadError("bad.yaml", "format: 1\nid: x\nscope:\n  organs: [a, b\n  network_only: true\n");
  EXPECT_EQ(e.code, ErrorCode::kParse);
  EXPECT_EQ(e.where.file, Name("bad.yaml"));
  ASSERT_TRUE(e.where.line.has_value());
  ASSERT_TRUE(e.where.column.has_value());
  EXPECT_TRUE(Contains(e.ToString(), Name("bad.yaml") + ":")) << e.ToString();
  EXPECT_TRUE(Contains(e.message, "YAML")) << e.message;
}

TEST_F(LoaderErrors, TabIndentationIsASyntaxError) {
  const Error e = LoadError("tab.yaml", "format: 1\nscope:\n\torgans: []\n");
  EXPECT_EQ(e.code, ErrorCode::kParse);
  EXPECT_TRUE(e.where.line.has_value());
}

TEST_F(LoaderErrors, UnknownKeySuggestsTheNearest) {
  const Error e = LoadError("unknown.yaml", Body("scope:\n  organz: [市長部局]\n"));
  ASSERT_EQ(e.details.size(), 1U) << e.ToString();
  const Error& d = e.details[0];
  EXPECT_EQ(d.where.file, Name("unknown.yaml"));
  EXPECT_EQ(d.where.line, 8U);
  EXPECT_EQ(d.where.column, 3U);
  EXPECT_TRUE(Contains(d.message, "organz")) << d.message;
  EXPECT_TRUE(Contains(d.message, "「organs」のことですか")) << d.message;
  EXPECT_TRUE(Contains(e.ToString(), Name("unknown.yaml") + ":8:3: ")) << e.ToString();
}

TEST_F(LoaderErrors, UnknownTopLevelKey) {
  const Error e = LoadError("top.yaml", Body("sanitisation:\n  directions: [internet_to_lgwan]\n"));
  ASSERT_EQ(e.details.size(), 1U) << e.ToString();
  EXPECT_TRUE(Contains(e.details[0].message, "「sanitization」のことですか")) << e.details[0].message;
  EXPECT_EQ(e.details[0].where.line, 7U);
  EXPECT_EQ(e.details[0].where.column, 1U);
}

TEST_F(LoaderErrors, WrongType) {
  const Error e = LoadError("type.yaml", Body("scope:\n  organs: 市長部局\n"));
  ASSERT_EQ(e.details.size(), 1U) << e.ToString();
  EXPECT_TRUE(Contains(e.details[0].message, "「scope.organs」は一覧")) << e.details[0].message;
  EXPECT_EQ(e.details[0].where.line, 8U);
  EXPECT_EQ(e.details[0].where.column, 11U);
}

TEST_F(LoaderErrors, BadBooleanAndInteger) {
  const Error e = LoadError("scalars.yaml", Body("scope:\n  network_only: maybe\naudit:\n  interval_days: -3\n"));
  ASSERT_EQ(e.details.size(), 2U) << e.ToString();
  EXPECT_TRUE(Contains(e.details[0].message, "true か false")) << e.details[0].message;
  EXPECT_TRUE(Contains(e.details[1].message, "audit.interval_days")) << e.details[1].message;
}

TEST_F(LoaderErrors, UndefinedClauseReferencedByARule) {
  const Error e = LoadError("clause.yaml", Body("checks:\n  asset.classified: {clause: measures.clasification}\n"));
  ASSERT_EQ(e.details.size(), 1U) << e.ToString();
  const Error& d = e.details[0];
  EXPECT_TRUE(Contains(d.message, "measures.clasification")) << d.message;
  EXPECT_TRUE(Contains(d.message, "「measures.classification」のことですか")) << d.message;
  EXPECT_EQ(d.where.file, Name("clause.yaml"));
  EXPECT_EQ(d.where.line, 8U);
  EXPECT_EQ(d.where.column, 30U);
}

TEST_F(LoaderErrors, UnknownRuleId) {
  const Error e = LoadError("rule.yaml", Body("checks:\n  asset.clasified: {enabled: false}\n"));
  ASSERT_EQ(e.details.size(), 1U) << e.ToString();
  EXPECT_TRUE(Contains(e.details[0].message, "規則「asset.clasified」")) << e.details[0].message;
  EXPECT_TRUE(Contains(e.details[0].message, "「asset.classified」のことですか")) << e.details[0].message;
  EXPECT_EQ(e.details[0].where.line, 8U);
  EXPECT_EQ(e.details[0].where.column, 3U);
}

TEST_F(LoaderErrors, RuleCannotBeRemoved) {
  const Error e = LoadError("rule_null.yaml", Body("checks:\n  asset.classified: null\n"));
  ASSERT_GE(e.details.size(), 1U);
  EXPECT_TRUE(Contains(e.ToString(), "enabled: false")) << e.ToString();
}

TEST_F(LoaderErrors, BadDate) {
  const Error e = LoadError("date.yaml", Body("revisions:\n  - {date: 令和8年13月1日, kind: 改正}\n  - {date: 平成31年5月1日}\n"));
  ASSERT_EQ(e.details.size(), 2U) << e.ToString();
  EXPECT_TRUE(Contains(e.details[0].message, "revisions[0].date")) << e.details[0].message;
  EXPECT_TRUE(Contains(e.details[0].message, "日付ではありません")) << e.details[0].message;
  EXPECT_EQ(e.details[0].where.line, 8U);
  EXPECT_EQ(e.details[0].where.column, 12U);
  EXPECT_EQ(e.details[1].where.line, 9U);  // 平成 ended on 2019-04-30
}

TEST_F(LoaderErrors, UnknownTierRoleAndEmployment) {
  const Error e = LoadError("enums.yaml", Body("scope:\n  staff_categories: [regular, contracter]\n"
                                               "tiers:\n  categories:\n    payroll: {tiers: [lgwan, intranet]}\n"
                                               "documents:\n  standards: {readers: [ciso, mayor]}\n"));
  ASSERT_EQ(e.details.size(), 3U) << e.ToString();
  EXPECT_TRUE(Contains(e.details[0].message, "「contractor」のことですか")) << e.details[0].message;
  EXPECT_TRUE(Contains(e.details[1].message, "intranet")) << e.details[1].message;
  EXPECT_TRUE(Contains(e.details[2].message, "mayor")) << e.details[2].message;
}

TEST_F(LoaderErrors, AllErrorsOfAFileAreReported) {
  const Error e = LoadError("many.yaml", Body("scope:\n  organz: []\nsanitization:\n  directions: [both]\n"
                                              "checks:\n  asset.classified: {severity: critical}\n"
                                              "revisions:\n  - {date: yesterday}\n"));
  EXPECT_EQ(e.code, ErrorCode::kValidation);
  ASSERT_EQ(e.details.size(), 4U) << e.ToString();
  for (const auto& d : e.details) {
    EXPECT_EQ(d.where.file, Name("many.yaml"));
    EXPECT_TRUE(d.where.line.has_value() && d.where.column.has_value()) << d.ToString();
  }
  EXPECT_TRUE(Contains(e.message, "4 件")) << e.message;
}

TEST_F(LoaderErrors, LevelCodeNotDefined) {
  const Error e = LoadError("level.yaml", Body(R"(classification:
  schemes:
    legacy:
      confidentiality:
        - {code: "3", name: 機密性3, definition: 秘密文書に相当, reclassify_to: [3A, 3D]}
        - {code: "1", name: 機密性1, definition: その他}
)"));
  ASSERT_EQ(e.details.size(), 1U) << e.ToString();
  EXPECT_TRUE(Contains(e.details[0].message, "3D")) << e.details[0].message;
  EXPECT_TRUE(Contains(e.details[0].message, "municipal2024")) << e.details[0].message;
}

TEST_F(LoaderErrors, DuplicateLevelCode) {
  const Error e = LoadError("duplevel.yaml", Body(R"(classification:
  integrity:
    - {code: "2", name: 完全性2, definition: a}
    - {code: "２", name: 完全性2（全角）, definition: b}
)"));
  ASSERT_GE(e.details.size(), 1U) << e.ToString();
  EXPECT_TRUE(Contains(e.ToString(), "重複")) << e.ToString();
}

TEST_F(LoaderErrors, UnknownRequirementFlag) {
  const Error e = LoadError("req.yaml", Body(R"(classification:
  availability:
    - {code: "2", name: 可用性2, definition: a, requires: [backups]}
    - {code: "1", name: 可用性1, definition: b}
)"));
  ASSERT_EQ(e.details.size(), 1U) << e.ToString();
  EXPECT_TRUE(Contains(e.details[0].message, "「backup」のことですか")) << e.details[0].message;
}

TEST_F(LoaderErrors, DuplicateKeyAndDuplicateCategoryName) {
  const Error dup = LoadError("dupkey.yaml", Body("scope:\n  organs: []\n  organs: []\n"));
  EXPECT_EQ(dup.code, ErrorCode::kParse);
  EXPECT_EQ(dup.where.line, 9U);
  EXPECT_TRUE(Contains(dup.message, "8:3")) << dup.message;

  const Error cat = LoadError("dupcat.yaml", Body("tiers:\n  categories:\n    salary: {name: 給与, tiers: [lgwan]}\n"));
  EXPECT_TRUE(Contains(cat.ToString(), "給与")) << cat.ToString();
}

TEST_F(LoaderErrors, BaseNotFound) {
  const Error e = LoadError("nobase.yaml", "format: 1\nid: orphan\nbase: no-such-base\nname: {ja: x}\nkind: town\ntitle: x\n");
  EXPECT_EQ(e.code, ErrorCode::kNotFound);
  ASSERT_EQ(e.details.size(), 1U);
  EXPECT_TRUE(Contains(e.details[0].message, "no-such-base")) << e.details[0].message;
  EXPECT_EQ(e.details[0].where.line, 3U);
  EXPECT_EQ(e.details[0].where.column, 7U);
}

TEST_F(LoaderErrors, BaseIsNeverAPath) {
  const Error e = LoadError("path.yaml", "format: 1\nid: p\nbase: ../../etc/passwd\nname: {ja: x}\nkind: town\ntitle: x\n");
  EXPECT_TRUE(Contains(e.ToString(), "プロファイル id にできません")) << e.ToString();
}

TEST_F(LoaderErrors, CycleInBaseChain) {
  Write("alpha.yaml", "format: 1\nid: alpha\nbase: beta\nname: {ja: a}\nkind: town\ntitle: a\n");
  Write("beta.yaml", "format: 1\nid: beta\nbase: alpha\nname: {ja: b}\nkind: town\ntitle: b\n");
  auto r = LoadProfileById("alpha", Dirs());
  ASSERT_FALSE(r.has_value());
  EXPECT_TRUE(Contains(r.error().ToString(), "循環")) << r.error().ToString();
  EXPECT_TRUE(Contains(r.error().ToString(), "alpha → beta → alpha")) << r.error().ToString();
  EXPECT_TRUE(Contains(r.error().ToString(), Name("beta.yaml") + ":3:7")) << r.error().ToString();
}

TEST_F(LoaderErrors, SelfBase) {
  const Error e = LoadError("self.yaml", "format: 1\nid: self\nbase: self\nname: {ja: x}\nkind: town\ntitle: x\n");
  EXPECT_TRUE(Contains(e.ToString(), "循環")) << e.ToString();
}

TEST_F(LoaderErrors, ParentNotPresentIsNotAnError) {
  const fs::path p = Write("child.yaml", Body("parent: {profile: absent-city, applies_to: 市の資産}\n"));
  auto r = LoadProfile(p, Dirs());
  ASSERT_TRUE(r.has_value()) << r.error().ToString();
  ASSERT_TRUE(r->parent.has_value());
  EXPECT_FALSE(r->parent->resolved);
  const fs::path q = Write("child2.yaml", Body("parent: {profile: nogata}\n"));
  auto r2 = LoadProfile(q, Dirs());
  ASSERT_TRUE(r2.has_value()) << r2.error().ToString();
  EXPECT_TRUE(r2->parent->resolved);
}

TEST_F(LoaderErrors, RestrictedUsersNeedsDutiesAndChecks) {
  const Error e = LoadError("restricted.yaml", Body("my_number:\n  mode: restricted_users\n"));
  EXPECT_EQ(e.details.size(), 3U) << e.ToString();
}

TEST_F(LoaderErrors, EmptyFileAndNonMappingRoot) {
  EXPECT_FALSE(LoadProfile(Write("empty.yaml", ""), Dirs()).has_value());
  const Error e = LoadError("list.yaml", "- a\n- b\n");
  EXPECT_TRUE(Contains(e.ToString(), "対応表")) << e.ToString();
}

TEST_F(LoaderErrors, TwoDocuments) {
  const Error e = LoadError("two.yaml", Body("---\nid: second\n"));
  EXPECT_EQ(e.code, ErrorCode::kParse);
  EXPECT_TRUE(Contains(e.message, "2つ目")) << e.message;
}

TEST_F(LoaderErrors, MissingFile) {
  auto r = LoadProfile(dir_ / "none.yaml", Dirs());
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
  auto by_id = LoadProfileById("no-such-profile", Dirs());
  ASSERT_FALSE(by_id.has_value());
  EXPECT_EQ(by_id.error().code, ErrorCode::kNotFound);
  EXPECT_FALSE(LoadProfileById("../etc", Dirs()).has_value());
}

TEST_F(LoaderErrors, FileTooLarge) {
  std::string big = Body("notes:\n");
  while (big.size() <= kMaxProfileBytes) big += "  - {text: あいうえおかきくけこさしすせそたちつてと}\n";
  const Error e = LoadError("big.yaml", big);
  EXPECT_EQ(e.code, ErrorCode::kLimit);
  EXPECT_EQ(e.where.file, Name("big.yaml"));
}

TEST_F(LoaderErrors, DeepNesting) {
  std::string deep = "format: 1\nx: " + std::string(5000, '[') + std::string(5000, ']') + "\n";
  const Error e = LoadError("deep.yaml", deep);
  EXPECT_EQ(e.code, ErrorCode::kLimit) << e.ToString();
  std::string blocks = "format: 1\nx:\n";
  for (int i = 0; i < 200; ++i) blocks += std::string(static_cast<std::size_t>(i + 1), ' ') + "- \n";
  EXPECT_FALSE(LoadProfile(Write("deep2.yaml", blocks), Dirs()).has_value());
}

TEST_F(LoaderErrors, AliasBombIsLimited) {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'k'; ++c) {
    bomb += fmt_line(c, prev);
    prev = c;
  }
  const Error e = LoadError("bomb.yaml", bomb);
  EXPECT_EQ(e.code, ErrorCode::kLimit) << e.ToString();
}

TEST_F(LoaderErrors, InvalidUtf8AndControlCharacters) {
  const Error e = LoadError("latin1.yaml", "format: 1\nname: {ja: \xC4\xE5\xF1}\n");
  EXPECT_EQ(e.code, ErrorCode::kParse);
  EXPECT_EQ(e.where.line, 2U);
  EXPECT_TRUE(e.where.byte_offset.has_value());
  const Error nul = LoadError("nul.yaml", std::string("format: 1\nid: a\0b\n", 18));
  EXPECT_EQ(nul.code, ErrorCode::kParse);
  EXPECT_EQ(nul.where.line, 2U);
  EXPECT_EQ(nul.where.column, 6U);
}

TEST_F(LoaderErrors, RandomBytesNeverCrash) {
  std::mt19937 rng(20260401);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<std::size_t> len(0, 2000);
  for (int i = 0; i < 300; ++i) {
    std::string junk(len(rng), '\0');
    for (char& c : junk) c = static_cast<char>(byte(rng));
    auto r = LoadProfileFromString(junk, "random.yaml", Dirs());
    EXPECT_FALSE(r.has_value());
  }
  // Random YAML-ish text: structure characters and words.
  const std::vector<std::string> pieces{"\n", "  ", "- ", ": ", "[", "]", "{", "}", ",", "&a ", "*a", "'", "\"", "#",
                                        "? ", "|", ">", "id", "base", "guideline", "scope", "organs", "null", "~", "3A",
                                        "令和8年4月1日", "checks", "!!str ", "---\n", "%YAML 1.2\n"};
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  for (int i = 0; i < 500; ++i) {
    std::string text;
    const std::size_t n = len(rng) / 10;
    for (std::size_t k = 0; k < n; ++k) text += pieces[pick(rng)];
    auto r = LoadProfileFromString(text, "random.yaml", Dirs());
    (void)r;  // either way, no crash and no exception
  }
}

}  // namespace
}  // namespace mamori::policy
