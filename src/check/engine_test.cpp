// Unit tests of the rules against a small profile built in code; the seed
// bodies' own profiles are exercised by the golden tests in tests/golden/check.
#include "check/engine.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "check/messages.h"

namespace mamori::check {
namespace {

using policy::Axis;
using policy::Requirement;

policy::Level MakeLevel(std::string code, std::string name, std::vector<Requirement> req, int rank) {
  policy::Level l;
  l.code = std::move(code);
  l.name = std::move(name);
  l.requirements = std::move(req);
  l.rank = rank;
  return l;
}

policy::Profile TestProfile() {
  policy::Profile p;
  p.id = "test";
  p.name_ja = "試験市";
  p.name_en = "Test City";
  p.clauses = {{"measures.classification", "6(2)", "情報資産の分類と管理", "", "", {}},
               {"measures.resilience.my_number", "6(3)①", "強靱性の向上", "", "", {}},
               {"measures.resilience.lgwan", "6(3)②", "強靱性の向上", "", "", {}},
               {"audit", "7", "監査", "", "", {}}};
  for (const auto& rule : policy::KnownRules()) {
    policy::RuleSetting r;
    r.id = std::string(rule.id);
    r.clause = rule.id.starts_with("asset") ? "measures.classification"
               : rule.id.starts_with("audit") ? "audit"
                                              : "measures.resilience.my_number";
    r.severity = policy::Severity::kHigh;
    p.rules.push_back(r);
  }
  policy::SchemeLevels modern;
  modern.scheme = policy::Scheme::kMunicipal2024;
  modern.name = "自治体機密性";
  modern.confidentiality = {MakeLevel("3A", "自治体機密性3A", {Requirement::kLockedStorageForMedia}, 5),
                            MakeLevel("3B", "自治体機密性3B", {Requirement::kLockedStorageForMedia}, 4),
                            MakeLevel("2", "自治体機密性2", {Requirement::kLockedStorageForMedia}, 2),
                            MakeLevel("1", "自治体機密性1", {}, 1)};
  modern.integrity = {MakeLevel("2", "完全性2", {Requirement::kBackup}, 2), MakeLevel("1", "完全性1", {}, 1)};
  modern.availability = {MakeLevel("2", "可用性2", {Requirement::kBackup, Requirement::kRecoveryTarget}, 2),
                         MakeLevel("1", "可用性1", {}, 1)};
  policy::SchemeLevels legacy = modern;
  legacy.scheme = policy::Scheme::kLegacy;
  legacy.name = "機密性（旧区分）";
  legacy.confidentiality = {MakeLevel("3", "機密性3", {Requirement::kLockedStorageForMedia}, 3),
                            MakeLevel("2", "機密性2", {Requirement::kLockedStorageForMedia}, 2),
                            MakeLevel("1", "機密性1", {}, 1)};
  legacy.confidentiality[0].reclassify_to = {"3A", "3B", "3C"};
  p.classification.active = policy::Scheme::kMunicipal2024;
  p.classification.schemes = {modern, legacy};
  p.classification.media_kinds = {"電磁的記録媒体", "USBメモリ"};
  p.classification.media_forms = {reg::Form::kPaper, reg::Form::kPrinted};
  policy::SystemCategory payroll;
  payroll.id = "payroll";
  payroll.name = "人事給与";
  payroll.tiers = {reg::Tier::kLgwan};
  policy::SystemCategory resident;
  resident.id = "resident";
  resident.name = "住民記録";
  resident.tiers = {reg::Tier::kMyNumber};
  resident.my_number = true;
  p.tiers.categories = {payroll, resident};
  p.scope.staff_categories = {reg::Employment::kRegular, reg::Employment::kFiscalYear};
  p.audit.audit_kinds = {"情報セキュリティ監査"};
  p.audit.self_inspection_kinds = {"自己点検"};
  return p;
}

reg::Asset GoodAsset(std::string number) {
  reg::Asset a;
  a.number = std::move(number);
  a.name = "課税台帳";
  a.department = "税務課";
  a.manager = "P-1";
  a.tier = reg::Tier::kLgwan;
  a.confidentiality = "2";
  a.integrity = "2";
  a.availability = "2";
  a.form = reg::Form::kElectronic;
  a.backup = true;
  a.recovery_target_hours = 24;
  return a;
}

const Finding* Find(const std::vector<Finding>& fs, std::string_view rule, std::string_view subject) {
  for (const auto& f : fs)
    if (f.rule == rule && f.subject.id == subject) return &f;
  return nullptr;
}

std::vector<Finding> RunRules(const policy::Profile& p, const RegisterSnapshot& r) {
  CheckOptions o;
  o.today = {2026, 11, 22};
  return RunChecks(p, r, o);
}

TEST(Checks, EveryKnownRuleIsImplemented) {
  std::vector<std::string_view> known;
  for (const auto& r : policy::KnownRules()) known.push_back(r.id);
  auto implemented = ImplementedRules();
  std::sort(known.begin(), known.end());
  std::sort(implemented.begin(), implemented.end());
  EXPECT_EQ(known, implemented);
}

TEST(Checks, AWellKeptAssetPassesAndCitesTheClause) {
  RegisterSnapshot r;
  r.departments = {{"D1", "税務課", "O1"}};
  r.assets = {GoodAsset("A-1")};
  const auto profile = TestProfile();
  const auto fs = RunRules(profile, r);
  for (auto rule : {"asset.classified", "asset.manager", "asset.handling.backup", "asset.handling.recovery_target",
                    "asset.department_known"}) {
    const auto* f = Find(fs, rule, "A-1");
    ASSERT_NE(f, nullptr) << rule;
    EXPECT_EQ(f->status, Status::kPass) << rule << ": " << f->message;
    EXPECT_EQ(ClauseOf(profile, *f).label, "6(2)");
  }
}

TEST(Checks, LegacyLevelIsFlaggedForReclassificationNotMapped) {
  RegisterSnapshot r;
  auto a = GoodAsset("A-1");
  a.confidentiality = "3";
  r.assets = {a};
  const auto fs = RunRules(TestProfile(), r);
  const auto* f = Find(fs, "asset.legacy_level", "A-1");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->status, Status::kFail);
  EXPECT_NE(f->message.find("3A・3B・3C"), std::string::npos) << f->message;
  EXPECT_EQ(Find(fs, "asset.classified", "A-1")->status, Status::kPass);  // classified, in an old scheme
}

TEST(Checks, MissingDataIsUnknownNeverPass) {
  RegisterSnapshot r;
  auto a = GoodAsset("A-1");
  a.backup.reset();
  a.kind = "USBメモリ";
  a.locked_storage.reset();
  r.assets = {a};
  const auto fs = RunRules(TestProfile(), r);
  EXPECT_EQ(Find(fs, "asset.handling.backup", "A-1")->status, Status::kUnknown);
  EXPECT_EQ(Find(fs, "asset.handling.locked_storage", "A-1")->status, Status::kUnknown);
  EXPECT_EQ(Find(fs, "asset.department_known", "A-1")->status, Status::kUnknown);  // no departments registered

  auto b = GoodAsset("A-2");
  b.availability.clear();
  b.integrity = "1";
  r.assets = {b};
  const auto fs2 = RunRules(TestProfile(), r);
  EXPECT_EQ(Find(fs2, "asset.classified", "A-2")->status, Status::kFail);
  EXPECT_EQ(Find(fs2, "asset.handling.recovery_target", "A-2")->status, Status::kUnknown);
}

TEST(Checks, HandlingByClass) {
  RegisterSnapshot r;
  auto usb = GoodAsset("A-USB");
  usb.kind = "USBメモリ";
  usb.locked_storage = false;
  auto no_backup = GoodAsset("A-NB");
  no_backup.backup = false;
  no_backup.recovery_target_hours.reset();
  auto low = GoodAsset("A-LOW");
  low.integrity = "1";
  low.availability = "1";
  low.backup = false;
  r.assets = {usb, no_backup, low};
  const auto fs = RunRules(TestProfile(), r);
  EXPECT_EQ(Find(fs, "asset.handling.locked_storage", "A-USB")->status, Status::kFail);
  EXPECT_EQ(Find(fs, "asset.handling.backup", "A-NB")->status, Status::kFail);
  EXPECT_EQ(Find(fs, "asset.handling.recovery_target", "A-NB")->status, Status::kFail);
  EXPECT_EQ(Find(fs, "asset.handling.backup", "A-LOW"), nullptr);  // 完全性1・可用性1 need no backup
}

TEST(Checks, SystemPlacementFollowsTheProfilesModel) {
  RegisterSnapshot r;
  reg::System payroll{"S-1", "人事給与システム", "人事給与", reg::Tier::kInternet, "人事課", "", false, {}, {}, "", ""};
  r.systems = {payroll};
  auto p = TestProfile();
  EXPECT_EQ(Find(RunRules(p, r), "system.tier_allowed", "S-1")->status, Status::kFail);
  p.tiers.categories[0].tiers.push_back(reg::Tier::kInternet);  // a β'-style body allows it
  EXPECT_EQ(Find(RunRules(p, r), "system.tier_allowed", "S-1")->status, Status::kPass);
}

TEST(Checks, MyNumberSystemsAndTerminals) {
  RegisterSnapshot r;
  reg::System resident{"S-2", "住民記録システム", "住民記録", reg::Tier::kLgwan, "市民課", "", std::nullopt, {}, {}, "", ""};
  reg::Terminal t1{"T-1", "MN-PC01", reg::Tier::kMyNumber, "市民課", "市民課", false, true, {}, ""};
  reg::Terminal t2{"T-2", "MN-PC02", reg::Tier::kMyNumber, "市民課", "市民課", true, std::nullopt, {}, ""};
  r.systems = {resident};
  r.terminals = {t1, t2};
  const auto fs = RunRules(TestProfile(), r);
  EXPECT_EQ(Find(fs, "system.my_number_tier", "S-2")->status, Status::kFail);
  EXPECT_EQ(Find(fs, "system.tier_allowed", "S-2"), nullptr);  // judged once, by the My Number rule
  EXPECT_EQ(Find(fs, "terminal.my_number_mfa", "T-1")->status, Status::kFail);
  EXPECT_EQ(Find(fs, "terminal.my_number_takeout", "T-1")->status, Status::kPass);
  EXPECT_EQ(Find(fs, "terminal.my_number_takeout", "T-2")->status, Status::kUnknown);
}

TEST(Checks, RestrictedUsersModeJudgesUsersAndThePeriodicCheck) {
  auto p = TestProfile();
  p.my_number.mode = policy::MyNumberMode::kRestrictedUsers;
  p.my_number.require_mfa = false;
  p.my_number.require_takeout_block = false;
  p.my_number.permitted_duties = {"社会保障", "税"};
  p.my_number.check_kinds = {"マイナンバー遵守状況点検"};
  p.my_number.check_interval_days = 365;
  RegisterSnapshot r;
  r.people = {{"P-1", "佐藤", "総務課", reg::Role::kStaff, reg::Employment::kRegular, {"税務"}, "", ""},
              {"P-2", "鈴木", "総務課", reg::Role::kStaff, reg::Employment::kRegular, {"庶務"}, "", ""}};
  reg::System mn{"S-1", "税務システム", "住民記録", reg::Tier::kMyNumber, "", "", true, {}, {"P-1", "P-2", "P-9"}, "", ""};
  r.systems = {mn};
  r.terminals = {{"T-1", "", reg::Tier::kMyNumber, "", "", false, false, {}, ""}};
  r.inspections = {{"I-1", "マイナンバー遵守状況点検", Date{2025, 4, 1}, "", "", "", ""}};
  const auto fs = RunRules(p, r);
  EXPECT_EQ(Find(fs, "terminal.my_number_mfa", "T-1"), nullptr);  // not this body's mode
  std::vector<std::string> user_failures;
  for (const auto& f : fs)
    if (f.rule == "system.my_number_users" && f.status == Status::kFail) user_failures.push_back(f.message);
  ASSERT_EQ(user_failures.size(), 2u);  // P-2 (庶務) and P-9 (not registered); P-1 (税務) is permitted
  const auto* check = Find(fs, "my_number.periodic_check", "test");
  ASSERT_NE(check, nullptr);
  EXPECT_EQ(check->status, Status::kFail);  // 令和7年4月1日 is more than 365 days before 2026-11-22
}

TEST(Checks, AuditRegimeAndOrOr) {
  auto p = TestProfile();
  RegisterSnapshot r;
  r.inspections = {{"I-1", "自己点検", Date{2026, 6, 1}, "", "", "", ""}};
  auto fs = RunRules(p, r);
  int fails = 0;
  for (const auto& f : fs) fails += f.rule == "audit.performed" && f.status == Status::kFail;
  EXPECT_EQ(fails, 1);  // the audit is missing
  p.audit.regime = policy::AuditRegime::kAuditOrSelfInspection;
  fs = RunRules(p, r);
  int passes = 0;
  for (const auto& f : fs) {
    if (f.rule != "audit.performed") continue;
    EXPECT_EQ(f.status, Status::kPass);
    ++passes;
  }
  EXPECT_EQ(passes, 1);  // 直方市's "or": the self-inspection alone suffices
}

TEST(Checks, StaffCategoriesComeFromTheProfile) {
  auto p = TestProfile();
  RegisterSnapshot r;
  r.people = {{"P-1", "委託 太郎", "", reg::Role::kStaff, reg::Employment::kContractor, {}, "", ""}};
  EXPECT_EQ(Find(RunRules(p, r), "person.staff_category", "P-1")->status, Status::kFail);
  p.scope.staff_categories.push_back(reg::Employment::kContractor);  // 直方市 binds contractors' staff
  EXPECT_EQ(Find(RunRules(p, r), "person.staff_category", "P-1")->status, Status::kPass);
}

TEST(Checks, DisabledRulesYieldNothing) {
  auto p = TestProfile();
  for (auto& rule : p.rules) rule.enabled = false;
  RegisterSnapshot r;
  r.assets = {GoodAsset("A-1")};
  EXPECT_TRUE(RunRules(p, r).empty());
}

TEST(Checks, EnglishMessages) {
  RegisterSnapshot r;
  auto a = GoodAsset("A-1");
  a.manager.clear();
  r.assets = {a};
  CheckOptions o;
  o.english = true;
  const auto fs = RunChecks(TestProfile(), r, o);
  EXPECT_EQ(Find(fs, "asset.manager", "A-1")->message, "No manager is assigned");
}


// ---- the network (net.*): findings built on net/verify.h -------------------------------------

namespace network {

RegisterSnapshot TwoTiers() {
  RegisterSnapshot r;
  r.segments = {{"SEG-MN", "マイナンバー系サーバ", reg::Tier::kMyNumber, {"10.11.0.0/24"}, {}, "情報政策課", "", ""},
                {"SEG-LG", "LGWAN系サーバ", reg::Tier::kLgwan, {"10.21.0.0/24"}, {}, "情報政策課", "", ""}};
  reg::FlowRule ssh{"FR-090", "保守用 SSH", "FW-CORE", 900, reg::RuleAction::kAllow, {"SEG-MN"}, {"SEG-LG"},
                    "tcp", "22", {}, "情報政策課", ""};
  reg::FlowRule web{"FR-011", "業務サーバ", "FW-CORE", 110, reg::RuleAction::kAllow, {"SEG-LG"}, {"SEG-LG"},
                    "tcp", "443", {}, "情報政策課", ""};
  r.flows = {web, ssh};
  return r;
}

}  // namespace network

TEST(Checks, NoNetworkDescribedIsUnknownForEveryNetRuleNeverSilence) {
  RegisterSnapshot r;
  r.assets = {GoodAsset("A-1")};
  const auto fs = RunRules(TestProfile(), r);
  for (std::string_view rule : {"net.my_number_isolation", "net.security_cloud", "net.segments", "net.references"}) {
    const auto* f = Find(fs, rule, "test");
    ASSERT_NE(f, nullptr) << rule;
    EXPECT_EQ(f->status, Status::kUnknown) << rule;
    EXPECT_EQ(f->subject.type, "body");
    EXPECT_NE(f->message.find("記述されていない"), std::string::npos) << f->message;
  }
  // The test profile names no sanitization direction: that rule has nothing to judge.
  EXPECT_EQ(Find(fs, "net.sanitization", "test"), nullptr);
}

TEST(Checks, ABreachOfIsolationShowsTheFlowThePathAndTheRule) {
  const auto fs = RunRules(TestProfile(), network::TwoTiers());
  const auto* f = Find(fs, "net.my_number_isolation", "FR-090");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->status, Status::kFail);
  EXPECT_EQ(f->subject.type, "flow");
  EXPECT_EQ(f->clause, "measures.resilience.my_number");
  EXPECT_EQ(f->department, "情報政策課");
  EXPECT_EQ(f->message,
            "マイナンバー利用事務系がLGWAN接続系と通信できます。例: 10.11.0.1 → 10.21.0.1 TCP/22、"
            "経路: SEG-MN マイナンバー系サーバ（マイナンバー利用事務系） → SEG-LG LGWAN系サーバ（LGWAN接続系）、"
            "許可: FR-090（FW-CORE 順序 900）");
  // The rule that breaks nothing passes, so `check --all` shows what was verified.
  EXPECT_EQ(Find(fs, "net.my_number_isolation", "FR-011")->status, Status::kPass);
  EXPECT_EQ(Find(fs, "net.segments", "SEG-MN")->status, Status::kPass);
  EXPECT_EQ(Find(fs, "net.references", "FR-090")->status, Status::kPass);

  CheckOptions en;
  en.english = true;
  const auto fe = RunChecks(TestProfile(), network::TwoTiers(), en);
  EXPECT_EQ(Find(fe, "net.my_number_isolation", "FR-090")->message,
            "The My Number tier can communicate with LGWAN tier. Example: 10.11.0.1 → 10.21.0.1 TCP/22; "
            "path: SEG-MN マイナンバー系サーバ (My Number tier) → SEG-LG LGWAN系サーバ (LGWAN tier); "
            "permitted by FR-090 (FW-CORE, sequence 900)");
}

TEST(Checks, AShadowedRuleAndAnUnknownReferenceAreFindings) {
  auto r = network::TwoTiers();
  r.flows.push_back({"FR-000", "既定の拒否", "FW-CORE", 1, reg::RuleAction::kDeny, {"any"}, {"any"}, "any", "", {}, "", ""});
  r.flows.push_back({"FR-100", "宛先の誤記", "", std::nullopt, reg::RuleAction::kAllow, {"SEG-MN"}, {"SEG-LX"}, "tcp", "", {}, "", ""});
  const auto fs = RunRules(TestProfile(), r);
  EXPECT_EQ(Find(fs, "net.my_number_isolation", "FR-090"), nullptr);  // the deny comes first
  const auto* shadowed = Find(fs, "net.references", "FR-090");
  ASSERT_NE(shadowed, nullptr);
  EXPECT_EQ(shadowed->status, Status::kFail);
  EXPECT_EQ(shadowed->message, "この規則は先行する規則に完全に隠れています（FR-000）");
  const auto* unknown = Find(fs, "net.references", "FR-100");
  ASSERT_NE(unknown, nullptr);
  EXPECT_NE(unknown->message.find("宛先「SEG-LX」は台帳の"), std::string::npos) << unknown->message;
}

}  // namespace
}  // namespace mamori::check
