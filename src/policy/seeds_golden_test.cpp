// The golden facts: each row of SEEDS.md's "Where they differ" table, per
// body, as the shipped profiles set it. A failing assertion here means a
// profile no longer says what the body's policy text says.
#include <algorithm>
#include <map>

#include <gtest/gtest.h>

#include "policy/loader.h"
#include "policy/test_support.h"

namespace mamori::policy {
namespace {

using reg::Employment;
using reg::Tier;

const Profile& Get(const std::string& id) {
  static std::map<std::string, Profile> cache;
  auto it = cache.find(id);
  if (it != cache.end()) return it->second;
  auto p = LoadProfileById(id, testing::Dirs());
  if (!p) {
    ADD_FAILURE() << p.error().ToString();
    static const Profile kEmpty;
    return kEmpty;
  }
  return cache.emplace(id, std::move(*p)).first->second;
}

bool Has(const std::vector<std::string>& v, std::string_view s) { return std::find(v.begin(), v.end(), s) != v.end(); }

using Strings = std::vector<std::string>;

TEST(SeedsGolden, AllSixProfilesLoadAndValidate) {
  for (const char* id : {"guideline", "nogata", "misato", "ogi-council", "kumamoto", "tsuyama"}) {
    auto p = LoadProfileById(id, testing::Dirs());
    ASSERT_TRUE(p.has_value()) << id << ": " << p.error().ToString();
    EXPECT_EQ(p->id, id);
    EXPECT_TRUE(ValidateFile(testing::ProfileDir() / (std::string(id) + ".yaml"), testing::Dirs()).has_value()) << id;
    if (std::string_view(id) != "guideline") {
      EXPECT_EQ(p->base, "guideline") << id;
      EXPECT_EQ(p->chain, (Strings{id, "guideline"}));
    }
  }
  const auto list = ListProfiles(testing::Dirs());
  EXPECT_EQ(list.size(), 6U);
  for (const auto& s : list) EXPECT_TRUE(s.error.empty()) << s.file << ": " << s.error;
}

TEST(SeedsGolden, KindOfBody) {
  EXPECT_EQ(Get("nogata").kind, BodyKind::kCity);
  EXPECT_EQ(Get("misato").kind, BodyKind::kTown);
  EXPECT_EQ(Get("ogi-council").kind, BodyKind::kCouncil);
  EXPECT_EQ(Get("kumamoto").kind, BodyKind::kDesignatedCity);
  EXPECT_EQ(Get("tsuyama").kind, BodyKind::kAssociation);
}

// | organs in scope |
TEST(SeedsGolden, OrgansInScope) {
  EXPECT_EQ(Get("nogata").scope.organs, (Strings{"市長部局", "教育委員会事務局", "行政委員会事務局", "議会事務局",
                                                 "監査委員事務局", "消防本部", "地方公営企業"}));
  EXPECT_EQ(Get("misato").scope.organs, (Strings{"町長部局", "行政委員会", "議会", "地方公営企業"}));
  EXPECT_TRUE(Get("misato").scope.network_only);
  EXPECT_FALSE(Get("nogata").scope.network_only);
  EXPECT_EQ(Get("ogi-council").scope.organs, (Strings{"小城市議会", "議会事務局"}));
  ASSERT_TRUE(Get("ogi-council").parent.has_value());
  EXPECT_EQ(Get("ogi-council").parent->profile, "ogi-city");
  EXPECT_EQ(Get("ogi-council").parent->applies_to, "市の情報セキュリティポリシーが適用される情報資産");
  EXPECT_FALSE(Get("ogi-council").parent->resolved);  // the city's profile is not shipped
  EXPECT_FALSE(Get("kumamoto").parent.has_value());
  EXPECT_EQ(Get("kumamoto").scope.organs, (Strings{"市長部局", "行政委員会", "地方公営企業"}));
  EXPECT_EQ(Get("tsuyama").scope.organs, (Strings{"本組合", "議会", "監査委員"}));
  EXPECT_TRUE(Get("tsuyama").scope.all_assets);
}

// | who must comply (職員等) |
TEST(SeedsGolden, WhoMustComply) {
  EXPECT_TRUE(Get("nogata").IsStaff(Employment::kContractor));
  EXPECT_TRUE(Get("nogata").IsStaff(Employment::kRegular));
  EXPECT_FALSE(Get("nogata").IsStaff(Employment::kCouncillor));

  EXPECT_TRUE(Get("misato").IsStaff(Employment::kPartTime));
  EXPECT_TRUE(Get("misato").IsStaff(Employment::kTemporary));
  EXPECT_TRUE(Get("misato").IsStaff(Employment::kFiscalYear));
  EXPECT_FALSE(Get("misato").IsStaff(Employment::kContractor));

  EXPECT_TRUE(Get("ogi-council").IsStaff(Employment::kCouncillor));
  EXPECT_TRUE(Get("ogi-council").IsStaff(Employment::kReappointed));
  EXPECT_TRUE(Get("ogi-council").IsStaff(Employment::kFiscalYear));
  EXPECT_FALSE(Get("ogi-council").IsStaff(Employment::kContractor));

  EXPECT_TRUE(Get("kumamoto").IsStaff(Employment::kFiscalYear));
  EXPECT_FALSE(Get("kumamoto").IsStaff(Employment::kContractor));
  EXPECT_FALSE(Get("kumamoto").IsStaff(Employment::kCouncillor));

  const Profile& t = Get("tsuyama");
  EXPECT_TRUE(t.IsStaff(Employment::kTemporary));
  EXPECT_TRUE(t.IsStaff(Employment::kFiscalYear));
  EXPECT_TRUE(t.IsStaff(Employment::kCouncillor));         // 議会 (named beside 職員等)
  EXPECT_TRUE(t.IsStaff(Employment::kAuditCommissioner));  // 監査委員
  EXPECT_EQ(t.scope.also_bound, (std::vector<Employment>{Employment::kCouncillor, Employment::kAuditCommissioner}));
  EXPECT_FALSE(t.IsStaff(Employment::kContractor));
}

// | asset scope beyond ①②③ |
TEST(SeedsGolden, AssetScope) {
  EXPECT_FALSE(Get("nogata").scope.paper_documents);
  EXPECT_TRUE(Get("misato").scope.paper_documents);
  EXPECT_TRUE(Get("misato").scope.standalone_systems);
  EXPECT_FALSE(Get("ogi-council").scope.paper_documents);
  EXPECT_TRUE(Get("kumamoto").scope.duty_documents);
  EXPECT_TRUE(Get("kumamoto").scope.paper_documents);
  EXPECT_FALSE(Get("kumamoto").scope.standalone_systems);
  EXPECT_FALSE(Get("tsuyama").scope.duty_documents);
  for (const char* id : {"nogata", "misato", "ogi-council", "kumamoto", "tsuyama"})
    EXPECT_TRUE(Get(id).scope.printed_documents) << id;
}

// | personal-data terms |
TEST(SeedsGolden, PersonalDataTerms) {
  const auto& terms = Get("kumamoto").definitions.personal_data_terms;
  ASSERT_EQ(terms.size(), 19U);
  EXPECT_TRUE(std::any_of(terms.begin(), terms.end(), [](const Term& t) { return t.term == "特定個人情報"; }));
  EXPECT_EQ(terms.front().term, "個人情報");
  EXPECT_EQ(terms.back().term, "条例事務関係情報提供者");
  for (const char* id : {"nogata", "misato", "ogi-council", "tsuyama"})
    EXPECT_TRUE(Get(id).definitions.personal_data_terms.empty()) << id;
}

// | My Number tier content |
TEST(SeedsGolden, MyNumberTierContent) {
  for (const char* id : {"nogata", "misato", "ogi-council", "kumamoto"}) {
    const auto& content = Get(id).my_number.content;
    ASSERT_EQ(content.size(), 4U) << id;
    EXPECT_EQ(content[3].duty, "戸籍事務等") << id;
    EXPECT_EQ(content[0].subjects, Strings{"住民"}) << id;
  }
  const auto& t = Get("tsuyama").my_number.content;
  ASSERT_EQ(t.size(), 2U);
  EXPECT_EQ(t[0].duty, "社会保障");
  EXPECT_EQ(t[0].subjects, Strings{"職員等"});
  EXPECT_EQ(t[1].duty, "税");
  EXPECT_EQ(t[1].subjects, (Strings{"職員等", "議員", "監査委員"}));
}

// | My Number tier protection |
TEST(SeedsGolden, MyNumberProtection) {
  for (const char* id : {"nogata", "misato", "ogi-council", "kumamoto"}) {
    const Profile& p = Get(id);
    EXPECT_EQ(p.my_number.mode, MyNumberMode::kIsolation) << id;
    EXPECT_TRUE(p.my_number.isolate_network && p.my_number.require_mfa && p.my_number.require_takeout_block) << id;
    EXPECT_TRUE(p.RuleEnabled("terminal.my_number_mfa")) << id;
    EXPECT_TRUE(p.RuleEnabled("terminal.my_number_takeout")) << id;
    EXPECT_FALSE(p.RuleEnabled("system.my_number_users")) << id;
    EXPECT_FALSE(p.RuleEnabled("my_number.periodic_check")) << id;
  }
  const Profile& t = Get("tsuyama");
  EXPECT_EQ(t.my_number.mode, MyNumberMode::kRestrictedUsers);
  EXPECT_FALSE(t.my_number.isolate_network);
  EXPECT_FALSE(t.my_number.require_mfa);
  EXPECT_FALSE(t.my_number.require_takeout_block);
  EXPECT_EQ(t.my_number.permitted_duties, (Strings{"社会保障", "税"}));
  EXPECT_TRUE(Has(t.my_number.check_kinds, "マイナンバー遵守状況点検"));
  EXPECT_EQ(t.my_number.check_interval_days, 365);
  EXPECT_TRUE(t.my_number.check_as_needed);
  EXPECT_TRUE(t.my_number.exceptions.empty());
  EXPECT_FALSE(t.RuleEnabled("terminal.my_number_mfa"));
  EXPECT_FALSE(t.RuleEnabled("terminal.my_number_takeout"));
  EXPECT_TRUE(t.RuleEnabled("system.my_number_users"));
  EXPECT_TRUE(t.RuleEnabled("my_number.periodic_check"));
  // The rules cite Tsuyama's own 6(3)①, which is the restricted-users clause.
  const Clause* c = t.FindClause(t.Rule("my_number.periodic_check")->clause);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->label, "6(3)①");
  EXPECT_NE(c->excerpt.find("取扱者を限定"), std::string::npos);
}

// | which systems sit in the internet tier |
TEST(SeedsGolden, InternetTierPlacement) {
  for (const char* id : {"nogata", "misato", "ogi-council", "tsuyama"}) {
    const Profile& p = Get(id);
    EXPECT_EQ(p.tiers.model, TierModel::kAlpha) << id;
    for (const char* name : {"人事給与", "財務会計", "文書管理"}) {
      const SystemCategory* c = p.FindCategory(name);
      ASSERT_NE(c, nullptr) << id << " " << name;
      EXPECT_FALSE(c->Allows(Tier::kInternet)) << id << " " << name;
      EXPECT_TRUE(c->Allows(Tier::kLgwan)) << id << " " << name;
    }
  }
  const Profile& k = Get("kumamoto");
  EXPECT_EQ(k.tiers.model, TierModel::kBetaPrime);
  for (const char* name : {"人事給与", "財務会計", "文書管理"}) {
    const SystemCategory* c = k.FindCategory(name);
    ASSERT_NE(c, nullptr) << name;
    EXPECT_TRUE(c->Allows(Tier::kInternet)) << name;
    EXPECT_EQ(c->clause, "definitions.internet_tier") << name;
  }
  EXPECT_EQ(k.Rule("system.tier_allowed")->clause, "definitions.internet_tier");
  EXPECT_EQ(k.FindClause("definitions.internet_tier")->label, "2(10)");
  for (const char* id : {"nogata", "misato", "ogi-council", "kumamoto", "tsuyama"}) {
    EXPECT_TRUE(Get(id).FindCategory("インターネットメール")->Allows(Tier::kInternet)) << id;
    EXPECT_TRUE(Get(id).FindCategory("ホームページ管理")->Allows(Tier::kInternet)) << id;
    EXPECT_FALSE(Get(id).FindCategory("住民記録")->Allows(Tier::kInternet)) << id;
  }
}

// | direction that must be sanitized |
TEST(SeedsGolden, SanitizedDirections) {
  const std::vector<Direction> both{Direction::kInternetToLgwan, Direction::kLgwanToInternet};
  for (const char* id : {"nogata", "misato", "ogi-council", "tsuyama"})
    EXPECT_EQ(Get(id).sanitization.directions, both) << id;
  EXPECT_EQ(Get("kumamoto").sanitization.directions, std::vector<Direction>{Direction::kInternetToLgwan});
  EXPECT_FALSE(Get("kumamoto").sanitization.Requires(Direction::kLgwanToInternet));
  EXPECT_TRUE(Get("nogata").sanitization.Requires(Direction::kLgwanToInternet));
}

// | internet aggregation |
TEST(SeedsGolden, InternetAggregation) {
  for (const char* id : {"nogata", "misato", "ogi-council"}) {
    EXPECT_EQ(Get(id).internet.security_cloud, SecurityCloud::kRequired) << id;
    EXPECT_EQ(Get(id).internet.aggregator, "都道府県及び市区町村") << id;
  }
  EXPECT_EQ(Get("kumamoto").internet.security_cloud, SecurityCloud::kRequired);
  EXPECT_EQ(Get("kumamoto").internet.aggregator, "熊本県及び本市");
  EXPECT_EQ(Get("tsuyama").internet.security_cloud, SecurityCloud::kNotRequired);
  EXPECT_TRUE(Get("tsuyama").internet.monitoring);
  EXPECT_TRUE(Get("tsuyama").internet.aggregator.empty());
}

// | threat (5) water supply |
TEST(SeedsGolden, ThreatWaterSupply) {
  auto water = [](const Profile& p) {
    const Threat* t = p.threats.Find("infrastructure");
    return t != nullptr && Has(t->examples, "水道供給の途絶");
  };
  EXPECT_FALSE(water(Get("nogata")));
  EXPECT_TRUE(water(Get("misato")));
  EXPECT_TRUE(water(Get("ogi-council")));
  EXPECT_TRUE(Get("ogi-council").threats.open_ended);
  EXPECT_FALSE(Get("kumamoto").threats.open_ended);
  EXPECT_TRUE(water(Get("kumamoto")));
  EXPECT_TRUE(water(Get("tsuyama")));
}

// | incident defined |
TEST(SeedsGolden, IncidentDefinition) {
  ASSERT_TRUE(Get("nogata").definitions.incident.has_value());
  EXPECT_NE(Get("nogata").definitions.incident->definition.find("障害・事故及びシステム上の欠陥"), std::string::npos);
  ASSERT_TRUE(Get("misato").definitions.incident.has_value());
  EXPECT_NE(Get("misato").definitions.incident->definition.find("発生するおそれがある"), std::string::npos);
  EXPECT_FALSE(Get("ogi-council").definitions.incident.has_value());
  EXPECT_FALSE(Get("kumamoto").definitions.incident.has_value());
  EXPECT_FALSE(Get("tsuyama").definitions.incident.has_value());
  ASSERT_TRUE(Get("tsuyama").definitions.threat.has_value());
  EXPECT_NE(Get("tsuyama").definitions.threat->definition.find("潜在的かつ直接の要因"), std::string::npos);
}

// | incident plan |
TEST(SeedsGolden, IncidentPlan) {
  EXPECT_TRUE(Get("nogata").incident.plans.empty());
  ASSERT_EQ(Get("misato").incident.plans.size(), 2U);
  EXPECT_NE(Get("misato").incident.plans[0].name.find("サイバー攻撃"), std::string::npos);
  EXPECT_NE(Get("misato").incident.plans[1].name.find("機器故障・通信障害"), std::string::npos);
  for (const char* id : {"ogi-council", "kumamoto", "tsuyama"}) {
    ASSERT_EQ(Get(id).incident.plans.size(), 1U) << id;
    EXPECT_EQ(Get(id).incident.plans[0].name, "緊急時対応計画") << id;
  }
}

// | physical rooms named |
TEST(SeedsGolden, PhysicalRooms) {
  EXPECT_EQ(Get("nogata").measures.physical_rooms, Strings{"情報システム室"});
  EXPECT_EQ(Get("misato").measures.physical_rooms, Strings{"情報システム室等"});
  EXPECT_EQ(Get("ogi-council").measures.physical_rooms, Strings{"情報システム室"});
  EXPECT_EQ(Get("kumamoto").measures.physical_rooms, Strings{"情報システム室"});
  EXPECT_EQ(Get("tsuyama").measures.physical_rooms, Strings{"重要機能室"});
}

// | social-media clause |
TEST(SeedsGolden, SocialMedia) {
  for (const char* id : {"nogata", "misato", "ogi-council", "kumamoto"}) {
    EXPECT_TRUE(Get(id).measures.social_media) << id;
    EXPECT_NE(Get(id).FindClause("measures.outsourcing.social_media"), nullptr) << id;
  }
  EXPECT_FALSE(Get("tsuyama").measures.social_media);
  EXPECT_EQ(Get("tsuyama").FindClause("measures.outsourcing.social_media"), nullptr);
}

// | cloud named as |
TEST(SeedsGolden, CloudTerm) {
  EXPECT_EQ(Get("nogata").measures.cloud_term, "外部サービス（クラウドサービス）");
  EXPECT_EQ(Get("misato").measures.cloud_term, "外部サービス（クラウドサービス）");
  EXPECT_EQ(Get("ogi-council").measures.cloud_term, "外部サービス(クラウドサービス)");
  EXPECT_EQ(Get("kumamoto").measures.cloud_term, "外部サービス");
  EXPECT_EQ(Get("tsuyama").measures.cloud_term, "外部サービス（クラウドサービス）");
}

// | audit regime |
TEST(SeedsGolden, AuditRegime) {
  const Profile& n = Get("nogata");
  EXPECT_EQ(n.audit.regime, AuditRegime::kAuditOrSelfInspection);
  EXPECT_TRUE(n.audit.periodic && n.audit.as_needed);
  const Clause* c = n.FindClause(n.Rule("audit.performed")->clause);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->label, "7");
  EXPECT_NE(c->excerpt.find("情報セキュリティ監査又は自己点検"), std::string::npos);
  for (const char* id : {"misato", "ogi-council", "kumamoto", "tsuyama"}) {
    EXPECT_EQ(Get(id).audit.regime, AuditRegime::kAuditAndSelfInspection) << id;
    EXPECT_TRUE(Get(id).audit.periodic && Get(id).audit.as_needed) << id;
    EXPECT_EQ(Get(id).audit.interval_days, 365) << id;
  }
  EXPECT_EQ(Get("misato").FindClause(Get("misato").Rule("audit.performed")->clause)->label, "第8条");
  EXPECT_TRUE(n.audit.IsAuditKind("情報セキュリティ監査"));
  EXPECT_TRUE(n.audit.IsSelfInspectionKind("自己点検"));
  EXPECT_FALSE(n.audit.IsAuditKind("自己点検"));
}

// | review needs risk analysis |
TEST(SeedsGolden, ReviewRiskAnalysis) {
  EXPECT_FALSE(Get("nogata").review.requires_risk_analysis);
  EXPECT_FALSE(Get("misato").review.requires_risk_analysis);
  EXPECT_TRUE(Get("ogi-council").review.requires_risk_analysis);
  EXPECT_TRUE(Get("kumamoto").review.requires_risk_analysis);
  EXPECT_TRUE(Get("tsuyama").review.requires_risk_analysis);
}

// | 対策基準 public? |
TEST(SeedsGolden, StandardsVisibility) {
  auto vis = [](const char* id) { return Get(id).FindDocument("standards")->visibility; };
  EXPECT_EQ(vis("nogata"), Visibility::kNonPublic);
  EXPECT_EQ(vis("misato"), Visibility::kNonPublic);
  EXPECT_TRUE(Get("misato").FindDocument("standards")->holds_procedures);
  EXPECT_EQ(vis("ogi-council"), Visibility::kNotStated);
  EXPECT_EQ(vis("kumamoto"), Visibility::kNonPublic);
  EXPECT_EQ(vis("tsuyama"), Visibility::kNotStated);
  for (const char* id : {"nogata", "misato", "ogi-council", "kumamoto", "tsuyama"}) {
    const Document* basic = Get(id).FindDocument("basic_policy");
    ASSERT_NE(basic, nullptr) << id;
    EXPECT_EQ(basic->visibility, Visibility::kPublic) << id;
    EXPECT_TRUE(basic->CanRead(std::nullopt)) << id;
  }
}

// | 実施手順 |
TEST(SeedsGolden, Procedures) {
  EXPECT_EQ(Get("misato").FindDocument("procedures"), nullptr);
  for (const char* id : {"nogata", "ogi-council", "kumamoto", "tsuyama"}) {
    const Document* d = Get(id).FindDocument("procedures");
    ASSERT_NE(d, nullptr) << id;
    EXPECT_EQ(d->visibility, Visibility::kNonPublic) << id;
    EXPECT_FALSE(d->CanRead(std::nullopt)) << id;
    EXPECT_TRUE(d->CanRead(reg::Role::kCiso)) << id;
  }
  EXPECT_EQ(Get("tsuyama").FindDocument("procedures")->title, "情報資産管理運用実施手順");
  // Staff read the procedures where clause 5 binds them to the procedures.
  EXPECT_FALSE(Get("nogata").FindDocument("procedures")->CanRead(reg::Role::kStaff));
  EXPECT_TRUE(Get("kumamoto").FindDocument("procedures")->CanRead(reg::Role::kStaff));
}

// | violations |
TEST(SeedsGolden, Violations) {
  for (const char* id : {"nogata", "misato", "ogi-council", "kumamoto"}) EXPECT_FALSE(Get(id).violation.has_value()) << id;
  const auto& v = Get("tsuyama").violation;
  ASSERT_TRUE(v.has_value());
  EXPECT_TRUE(v->disciplinary);
  EXPECT_TRUE(v->liability);
  EXPECT_EQ(Get("tsuyama").FindClause(v->clause)->label, "11");
}

// | revision record |
TEST(SeedsGolden, Revisions) {
  const auto& n = Get("nogata").revisions;
  ASSERT_EQ(n.size(), 6U);
  EXPECT_EQ(n.front().date, (Date{2004, 3, 31}));
  EXPECT_EQ(n.back().date, (Date{2026, 4, 1}));
  EXPECT_EQ(n.back().description, "情報資産の分類変更等に伴う一部改正");
  const auto& m = Get("misato").revisions;
  ASSERT_EQ(m.size(), 4U);
  EXPECT_EQ(m.front().date, (Date{2015, 12, 22}));
  ASSERT_TRUE(m.back().in_force.has_value());
  EXPECT_EQ(*m.back().in_force, (Date{2026, 4, 1}));
  const auto& o = Get("ogi-council").revisions;
  ASSERT_EQ(o.size(), 1U);
  EXPECT_EQ(o[0].date, (Date{2026, 3, 27}));
  EXPECT_EQ(o[0].in_force, (Date{2026, 4, 1}));
  const auto& k = Get("kumamoto").revisions;
  ASSERT_EQ(k.size(), 7U);
  EXPECT_EQ(k.front().date, (Date{2007, 1, 17}));
  EXPECT_EQ(k[3].date, (Date{2019, 9, 1}));  // 令和元年9月1日
  const auto& t = Get("tsuyama").revisions;
  ASSERT_EQ(t.size(), 1U);
  EXPECT_EQ(t[0].date, (Date{2026, 4, 1}));
}

// | preface |
TEST(SeedsGolden, Preface) {
  const auto& n = Get("nogata").preface;
  ASSERT_EQ(n.size(), 2U);
  EXPECT_EQ(n[0].topic, "government_cloud");
  EXPECT_NE(Get("nogata").FindClause(n[0].clause)->excerpt.find("ガバメントクラウド"), std::string::npos);
  EXPECT_NE(Get("nogata").FindClause(n[1].clause)->excerpt.find("令和7年3月版"), std::string::npos);
  const auto& t = Get("tsuyama").preface;
  ASSERT_EQ(t.size(), 1U);
  EXPECT_NE(Get("tsuyama").FindClause(t[0].clause)->excerpt.find("地域住民から信頼される情報マネジメント"),
            std::string::npos);
  for (const char* id : {"misato", "ogi-council", "kumamoto"}) EXPECT_TRUE(Get(id).preface.empty()) << id;
}

// Classification: every body's R8.4 revision moves it to the 2024 scheme; both schemes are defined.
TEST(SeedsGolden, ClassificationScheme) {
  for (const char* id : {"guideline", "nogata", "misato", "ogi-council", "kumamoto", "tsuyama"}) {
    const Profile& p = Get(id);
    EXPECT_EQ(p.classification.active, Scheme::kMunicipal2024) << id;
    EXPECT_NE(p.classification.Find(Scheme::kLegacy), nullptr) << id;
    EXPECT_FALSE(p.classification.active_reason.empty()) << id;
  }
  EXPECT_NE(Get("nogata").classification.active_reason.find("分類変更"), std::string::npos);
  EXPECT_EQ(Get("nogata").Rule("asset.legacy_level")->see_also, Strings{"history.classification_change"});
}

// Every rule of every body cites a clause of that body, with the body's numbering.
TEST(SeedsGolden, RulesCiteTheBodysClauses) {
  const std::map<std::string, std::string> classification_label{
      {"nogata", "6(2)"}, {"misato", "第6条第2号"}, {"ogi-council", "6(2)"}, {"kumamoto", "6(2)"}, {"tsuyama", "6(2)"}};
  for (const auto& [id, label] : classification_label) {
    const Profile& p = Get(id);
    for (const auto& known : KnownRules()) {
      const RuleSetting* r = p.Rule(known.id);
      ASSERT_NE(r, nullptr) << id << " " << known.id;
      EXPECT_NE(p.FindClause(r->clause), nullptr) << id << " " << known.id;
    }
    EXPECT_EQ(p.FindClause(p.Rule("asset.classified")->clause)->label, label) << id;
  }
  EXPECT_EQ(Get("misato").FindClause(Get("misato").Rule("terminal.my_number_mfa")->clause)->label, "第6条第3号①");
  EXPECT_EQ(Get("kumamoto").FindClause(Get("kumamoto").Rule("terminal.my_number_mfa")->clause)->label, "6(3)①");
}

}  // namespace
}  // namespace mamori::policy
