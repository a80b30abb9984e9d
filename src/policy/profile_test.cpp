// Look-ups on a compiled profile: levels of the active scheme, legacy codes,
// categories, staff, media, rules and documents.
#include <cstdlib>
#include <fstream>

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
  EXPECT_EQ(profile_.revisions.size(), 5U);
  EXPECT_TRUE(profile_.revisions.front().month_only);
}

TEST_F(GuidelineProfile, ConfidentialityLevelsAreFoldKeyMatched) {
  for (const char* code : {"3A", "3a", "３Ａ", "３ａ", "自治体機密性3A", " 3A "}) {
    const Level* l = profile_.ConfidentialityLevel(code);
    ASSERT_NE(l, nullptr) << code;
    EXPECT_EQ(l->code, "3A") << code;
  }
  EXPECT_EQ(profile_.ConfidentialityLevel("3B")->rank, 4);
  EXPECT_GT(profile_.ConfidentialityLevel("3A")->rank, profile_.ConfidentialityLevel("2")->rank);
  EXPECT_EQ(profile_.ConfidentialityLevel("3"), nullptr);  // legacy: not a level of the active scheme
  EXPECT_EQ(profile_.ConfidentialityLevel(""), nullptr);
  EXPECT_EQ(profile_.ConfidentialityLevel("4"), nullptr);
}

TEST_F(GuidelineProfile, LegacyCodesAreRecognizedNotMapped) {
  EXPECT_TRUE(profile_.IsLegacyConfidentiality("3"));
  EXPECT_TRUE(profile_.IsLegacyConfidentiality("機密性3"));
  EXPECT_FALSE(profile_.IsLegacyConfidentiality("2"));  // valid in both schemes
  EXPECT_FALSE(profile_.IsLegacyConfidentiality("3A"));
  EXPECT_FALSE(profile_.IsLegacyConfidentiality("9"));
  EXPECT_FALSE(profile_.IsLegacyIntegrity("2"));
  EXPECT_FALSE(profile_.IsLegacyAvailability("1"));
  const Level* legacy3 = profile_.FindLevelInScheme(Scheme::kLegacy, Axis::kConfidentiality, "3");
  ASSERT_NE(legacy3, nullptr);
  EXPECT_EQ(legacy3->reclassify_to, (std::vector<std::string>{"3A", "3B", "3C"}));
}

TEST_F(GuidelineProfile, AllLevelCodes) {
  const auto all = profile_.AllLevelCodes();
  for (const char* code : {"3", "3A", "3B", "3C", "2", "1"})
    EXPECT_NE(std::find(all.begin(), all.end(), code), all.end()) << code;
  EXPECT_EQ(all.size(), 6U);
  EXPECT_EQ(profile_.AllLevelCodes(Axis::kIntegrity), (std::vector<std::string>{"2", "1"}));
}

TEST_F(GuidelineProfile, HandlingRequirements) {
  const Level* c2 = profile_.ConfidentialityLevel("2");
  ASSERT_NE(c2, nullptr);
  EXPECT_TRUE(c2->Requires(Requirement::kLockedStorageForMedia));
  EXPECT_TRUE(c2->Requires(Requirement::kEncryptionInTransit));
  EXPECT_FALSE(c2->Requires(Requirement::kNoPrivateDevices));
  EXPECT_TRUE(profile_.ConfidentialityLevel("3B")->Requires(Requirement::kNoPrivateDevices));
  EXPECT_FALSE(profile_.ConfidentialityLevel("1")->Requires(Requirement::kLockedStorageForMedia));
  const Level* i2 = profile_.IntegrityLevel("2");
  ASSERT_NE(i2, nullptr);
  EXPECT_TRUE(i2->Requires(Requirement::kBackup));
  EXPECT_TRUE(i2->Requires(Requirement::kLockedStorageForMedia));
  EXPECT_FALSE(i2->Requires(Requirement::kRecoveryTarget));
  const Level* a2 = profile_.AvailabilityLevel("可用性2");
  ASSERT_NE(a2, nullptr);
  EXPECT_TRUE(a2->Requires(Requirement::kBackup));
  EXPECT_TRUE(a2->Requires(Requirement::kRecoveryTarget));
  EXPECT_TRUE(a2->unverified);
  EXPECT_FALSE(profile_.AvailabilityLevel("1")->Requires(Requirement::kBackup));
}

TEST_F(GuidelineProfile, Categories) {
  const SystemCategory* payroll = profile_.FindCategory("給与");
  ASSERT_NE(payroll, nullptr);
  EXPECT_EQ(payroll->name, "人事給与");
  EXPECT_EQ(profile_.FindCategory("payroll"), payroll);
  EXPECT_EQ(profile_.FindCategory("人事給与"), payroll);
  EXPECT_TRUE(payroll->Allows(reg::Tier::kLgwan));
  EXPECT_FALSE(payroll->Allows(reg::Tier::kInternet));
  EXPECT_TRUE(profile_.FindCategory("住基")->my_number);
  EXPECT_TRUE(profile_.FindCategory("戸籍")->my_number);
  EXPECT_FALSE(profile_.FindCategory("防災")->my_number);
  EXPECT_EQ(profile_.FindCategory("宇宙開発"), nullptr);
  EXPECT_EQ(profile_.FindCategory(""), nullptr);
  EXPECT_TRUE(profile_.tiers.standalone_allowed);
}

TEST_F(GuidelineProfile, StaffMediaRulesDocuments) {
  EXPECT_TRUE(profile_.IsStaff(reg::Employment::kRegular));
  EXPECT_FALSE(profile_.IsStaff(reg::Employment::kContractor));
  EXPECT_TRUE(profile_.MediaKind("USBメモリ"));
  EXPECT_TRUE(profile_.MediaKind("ＵＳＢメモリ"));
  EXPECT_TRUE(profile_.MediaKind("usbメモリ"));
  EXPECT_FALSE(profile_.MediaKind("サーバ"));
  EXPECT_TRUE(profile_.MediaForm(reg::Form::kPaper));
  EXPECT_FALSE(profile_.MediaForm(reg::Form::kElectronic));
  const RuleSetting* r = profile_.Rule("asset.classified");
  ASSERT_NE(r, nullptr);
  EXPECT_TRUE(r->enabled);
  EXPECT_EQ(r->severity, Severity::kHigh);
  EXPECT_EQ(r->clause, "measures.classification");
  EXPECT_EQ(profile_.FindClause(r->clause)->label, "6(2)");
  EXPECT_EQ(profile_.Rule("no.such.rule"), nullptr);
  EXPECT_EQ(profile_.rules.size(), KnownRules().size());
  EXPECT_NE(FindKnownRule("audit.performed"), nullptr);
  const Document* standards = profile_.FindDocument("standards");
  ASSERT_NE(standards, nullptr);
  EXPECT_FALSE(standards->CanRead(std::nullopt));
  EXPECT_TRUE(standards->CanRead(reg::Role::kAuditor));
}

TEST(ProfileKeys, EnumKeysAndLabels) {
  EXPECT_EQ(Key(Scheme::kMunicipal2024), "municipal2024");
  EXPECT_EQ(Key(Direction::kInternetToLgwan), "internet_to_lgwan");
  EXPECT_EQ(Key(MyNumberMode::kRestrictedUsers), "restricted_users");
  EXPECT_EQ(Key(AuditRegime::kAuditOrSelfInspection), "audit_or_self_inspection");
  EXPECT_EQ(Key(Visibility::kNotStated), "not_stated");
  EXPECT_EQ(Key(Requirement::kLockedStorageForMedia), "locked_storage_for_media");
  EXPECT_EQ(Label(Severity::kHigh), "高");
  EXPECT_EQ(Label(Severity::kHigh, true), "High");
}

TEST(ProfileDirs, EnvironmentFirstThenCompiledIn) {
  ::setenv("MAMORI_PROFILE_DIR", "/a:/b", 1);
  const auto dirs = DefaultProfileDirs();
  ::unsetenv("MAMORI_PROFILE_DIR");
  ASSERT_EQ(dirs.size(), 3U);
  EXPECT_EQ(dirs[0], "/a");
  EXPECT_EQ(dirs[1], "/b");
  EXPECT_EQ(DefaultProfileDirs().size(), 1U);
}

TEST(ProfileDirs, ValidateFileFindsTheBaseBesideTheFile) {
  auto ok = ValidateFile(testing::ProfileDir() / "tsuyama.yaml");
  EXPECT_TRUE(ok.has_value()) << ok.error().ToString();
  EXPECT_FALSE(ValidateFile(testing::ProfileDir() / "no-such.yaml").has_value());
}

TEST(ProfileDirs, IdMustMatchTheFileFoundForIt) {
  const auto dir = std::filesystem::path(::testing::TempDir()) / "mamori_policy_idmismatch";
  std::filesystem::create_directories(dir);
  {
    std::ofstream out(dir / "wanted.yaml");
    out << "format: 1\nid: other\nbase: guideline\nname: {ja: x}\nkind: town\ntitle: x\n";
  }
  auto p = LoadProfileById("wanted", {dir, testing::ProfileDir()});
  ASSERT_FALSE(p.has_value());
  EXPECT_NE(p.error().message.find("other"), std::string::npos) << p.error().ToString();
  std::filesystem::remove_all(dir);
}

// A body still classifying with the legacy scheme: 3A is then the code to reclassify.
TEST(LegacyScheme, ActiveLegacyInvertsTheQuestion) {
  const auto dir = std::filesystem::path(::testing::TempDir()) / "mamori_policy_legacy";
  std::filesystem::create_directories(dir);
  {
    std::ofstream out(dir / "old-town.yaml");
    out << "format: 1\nid: old-town\nbase: guideline\nname: {ja: 旧町}\nkind: town\ntitle: 旧町\n"
           "classification:\n  scheme: legacy\n";
  }
  auto p = LoadProfileById("old-town", {dir, testing::ProfileDir()});
  ASSERT_TRUE(p.has_value()) << p.error().ToString();
  EXPECT_EQ(p->classification.active, Scheme::kLegacy);
  ASSERT_NE(p->ConfidentialityLevel("3"), nullptr);
  EXPECT_EQ(p->ConfidentialityLevel("3A"), nullptr);
  EXPECT_TRUE(p->IsLegacyConfidentiality("3A"));  // defined in another scheme, not the active one
  EXPECT_FALSE(p->IsLegacyConfidentiality("3"));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace mamori::policy
