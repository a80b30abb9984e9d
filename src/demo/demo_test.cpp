#include "demo/demo.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <unistd.h>

#include <gtest/gtest.h>

#include "register/schema.h"
#include "store/sqlite/sqlite_store.h"

namespace mamori::demo {
namespace {

namespace fs = std::filesystem;
using reg::Employment;
using reg::Form;
using reg::Role;
using reg::Tier;

DemoOptions Fixed(std::uint64_t seed = 2026) {
  DemoOptions o;
  o.seed = seed;
  o.as_of = Date{2026, 11, 22};
  return o;
}

std::vector<std::vector<reg::Row>> Rows(const DemoRegister& r) {
  std::vector<std::vector<reg::Row>> out;
  for (const auto& sheet : ToSheets(r)) {
    out.emplace_back();
    for (const auto& row : sheet.rows) out.back().push_back(row.row);
  }
  return out;
}

template <typename T, typename F>
std::set<std::string> Numbers(const std::vector<T>& records, F number) {
  std::set<std::string> out;
  for (const auto& r : records) out.insert(number(r));
  return out;
}

template <typename T, typename P>
std::size_t CountIf(const std::vector<T>& v, P p) {
  return static_cast<std::size_t>(std::count_if(v.begin(), v.end(), p));
}

void ExpectUnique(const DemoRegister& r) {
  EXPECT_EQ(Numbers(r.organs, [](const auto& x) { return x.code; }).size(), r.organs.size());
  EXPECT_EQ(Numbers(r.departments, [](const auto& x) { return x.code; }).size(), r.departments.size());
  EXPECT_EQ(Numbers(r.departments, [](const auto& x) { return x.name; }).size(), r.departments.size());
  EXPECT_EQ(Numbers(r.people, [](const auto& x) { return x.number; }).size(), r.people.size());
  EXPECT_EQ(Numbers(r.assets, [](const auto& x) { return x.number; }).size(), r.assets.size());
  EXPECT_EQ(Numbers(r.systems, [](const auto& x) { return x.number; }).size(), r.systems.size());
  EXPECT_EQ(Numbers(r.terminals, [](const auto& x) { return x.number; }).size(), r.terminals.size());
  EXPECT_EQ(Numbers(r.terminals, [](const auto& x) { return x.name; }).size(), r.terminals.size());
  EXPECT_EQ(Numbers(r.inspections, [](const auto& x) { return x.number; }).size(), r.inspections.size());
}

TEST(DemoTest, SameSeedGivesTheSameRegister) {
  EXPECT_EQ(Rows(Generate(Fixed())), Rows(Generate(Fixed())));
}

TEST(DemoTest, DifferentSeedsGiveDifferentRegisters) {
  const auto a = Generate(Fixed(1));
  const auto b = Generate(Fixed(2));
  EXPECT_NE(Rows(a), Rows(b));
  // Not just the violations: the people differ.
  EXPECT_NE(Numbers(a.people, [](const auto& p) { return p.name; }), Numbers(b.people, [](const auto& p) { return p.name; }));
}

TEST(DemoTest, CountsAreAsAskedAndNumbersUnique) {
  const auto r = Generate(Fixed());
  EXPECT_EQ(r.assets.size(), 400u);
  EXPECT_EQ(r.systems.size(), 40u);
  EXPECT_EQ(r.terminals.size(), 160u);
  EXPECT_EQ(r.people.size(), 240u);
  EXPECT_EQ(r.organs.size(), 7u);
  ExpectUnique(r);

  DemoOptions odd = Fixed();
  odd.assets = 123;
  odd.systems = 17;
  odd.terminals = 33;
  odd.people = 77;
  const auto s = Generate(odd);
  EXPECT_EQ(s.assets.size(), 123u);
  EXPECT_EQ(s.systems.size(), 17u);
  EXPECT_EQ(s.terminals.size(), 33u);
  EXPECT_EQ(s.people.size(), 77u);
  ExpectUnique(s);
}

TEST(DemoTest, TinyAndEmptyRegistersDoNotBreak) {
  for (std::size_t n : {0u, 1u, 3u}) {
    DemoOptions o = Fixed();
    o.assets = o.systems = o.terminals = o.people = n;
    const auto r = Generate(o);
    EXPECT_EQ(r.assets.size(), n);
    EXPECT_EQ(r.systems.size(), n);
    EXPECT_EQ(r.terminals.size(), n);
    EXPECT_EQ(r.people.size(), n);
  }
}

TEST(DemoTest, OrganizationFollowsTheGuideline) {
  const auto r = Generate(Fixed());
  EXPECT_EQ(CountIf(r.people, [](const auto& p) { return p.role == Role::kCiso; }), 1u);
  EXPECT_EQ(CountIf(r.people, [](const auto& p) { return p.role == Role::kChiefOfficer; }), 1u);
  // A 情報セキュリティ責任者 for every 部局 but 総務部 (the 統括 answers for it).
  EXPECT_GE(CountIf(r.people, [](const auto& p) { return p.role == Role::kOfficer; }), 10u);
  for (const auto& d : r.departments)
    EXPECT_EQ(CountIf(r.people, [&](const auto& p) { return p.role == Role::kManager && p.department == d.name; }), 1u)
        << d.name;
  EXPECT_GT(CountIf(r.people, [](const auto& p) { return p.role == Role::kSystemAdmin; }), 5u);
  EXPECT_GT(CountIf(r.people, [](const auto& p) { return p.role == Role::kSystemStaff; }), 2u);
  // Appointments: 職員 mostly, and each of the others present.
  const auto regular = CountIf(r.people, [](const auto& p) { return p.employment == Employment::kRegular; });
  EXPECT_GT(regular * 2, r.people.size());
  for (auto e : {Employment::kFiscalYear, Employment::kReappointed, Employment::kContractor, Employment::kTemporary})
    EXPECT_GT(CountIf(r.people, [&](const auto& p) { return p.employment == e; }), 0u) << reg::EmploymentKey(e);
  // Names are Japanese: family name, ideographic space, given name.
  for (const auto& p : r.people) EXPECT_NE(p.name.find("\u3000"), std::string::npos) << p.name;
}

TEST(DemoTest, ReferencesResolve) {
  const auto r = Generate(Fixed());
  const auto people = Numbers(r.people, [](const auto& p) { return p.number; });
  const auto assets = Numbers(r.assets, [](const auto& a) { return a.number; });
  const auto depts = Numbers(r.departments, [](const auto& d) { return d.name; });
  const auto organs = Numbers(r.organs, [](const auto& o) { return o.code; });
  for (const auto& d : r.departments) EXPECT_TRUE(organs.contains(d.organ));
  for (const auto& p : r.people) EXPECT_TRUE(depts.contains(p.department));
  for (const auto& a : r.assets)
    if (!a.manager.empty()) {
      EXPECT_TRUE(people.contains(a.manager)) << a.number;
    }
  for (const auto& s : r.systems) {
    EXPECT_TRUE(depts.contains(s.department));
    EXPECT_TRUE(people.contains(s.administrator)) << s.number;
    for (const auto& u : s.users) EXPECT_TRUE(people.contains(u));
    for (const auto& a : s.assets) EXPECT_TRUE(assets.contains(a));
  }
  for (const auto& t : r.terminals) {
    EXPECT_TRUE(depts.contains(t.department));
    for (const auto& u : t.users) EXPECT_TRUE(people.contains(u));
  }
}

TEST(DemoTest, InspectionsFallInTheCurrentFiscalYear) {
  const auto options = Fixed();
  const auto r = Generate(options);
  const int fy = FiscalYear(*options.as_of);
  for (std::string kind : {"自己点検", "情報セキュリティ監査", "マイナンバー遵守状況点検"}) {
    EXPECT_EQ(CountIf(r.inspections, [&](const auto& i) {
                return i.kind == kind && i.date && FiscalYear(*i.date) == fy && *i.date <= *options.as_of;
              }),
              1u)
        << kind;
  }
}

class DemoImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    file_ = fs::temp_directory_path() / ("mamori-demo-" + std::to_string(::getpid()) + ".db");
    fs::remove(file_);
  }
  void TearDown() override {
    for (auto suffix : {"", "-wal", "-shm"}) fs::remove(file_.string() + suffix);
  }
  fs::path file_;
};

TEST_F(DemoImportTest, ImportsThroughTheRegisterServiceWithoutErrors) {
  auto store = store::OpenSqlite(file_);
  ASSERT_TRUE(store) << store.error().ToString();
  service::RegisterService service(**store, service::LevelCodes::Default(), "demo");
  const auto r = Generate(Fixed());
  auto plan = service.Import(ToSheets(r), /*dry_run=*/false);
  ASSERT_TRUE(plan) << plan.error().ToString();
  EXPECT_TRUE(plan->applied);
  ASSERT_EQ(plan->counts.size(), 11u);  // the seven register kinds and the four of the network model
  EXPECT_EQ(plan->counts[3].first, reg::EntityKind::kAsset);
  EXPECT_EQ(plan->counts[3].second.created, r.assets.size());
  auto count = (*store)->Count(reg::EntityKind::kTerminal);
  ASSERT_TRUE(count);
  EXPECT_EQ(static_cast<std::size_t>(*count), r.terminals.size());
  // A record survives the round trip unchanged.
  auto row = service.Get(reg::EntityKind::kSystem, r.systems[0].number);
  ASSERT_TRUE(row && *row);
  EXPECT_EQ(**row, reg::ToRow(r.systems[0]));
}

bool MyNumberWork(const std::vector<std::string>& duties) {
  return std::any_of(duties.begin(), duties.end(), [](const std::string& d) {
    return d == "社会保障" || d == "税務" || d == "住民記録" || d == "戸籍" || d == "防災";
  });
}

TEST(DemoTest, InjectedViolationsArePresentAndFew) {
  const auto r = Generate(Fixed());
  std::set<std::string> dept_names;
  for (const auto& d : r.departments) dept_names.insert(d.name);
  std::map<std::string, const reg::Person*> people;
  for (const auto& p : r.people) people[p.number] = &p;
  const auto media = [](const reg::Asset& a) { return a.kind == "電磁的記録媒体"; };
  const auto secret = [](const reg::Asset& a) {
    return a.confidentiality == "3A" || a.confidentiality == "3B" || a.confidentiality == "3C" ||
           a.confidentiality == "3" || a.confidentiality == "2";
  };
  struct Count {
    std::string what;
    std::size_t found;
    std::size_t of;
  };
  const std::size_t A = r.assets.size(), S = r.systems.size(), T = r.terminals.size(), P = r.people.size();
  const std::vector<Count> counts{
      {"asset: legacy 機密性3", CountIf(r.assets, [](const auto& a) { return a.confidentiality == "3"; }), A},
      {"asset: no 管理者", CountIf(r.assets, [](const auto& a) { return a.manager.empty(); }), A},
      {"asset: unclassified", CountIf(r.assets, [](const auto& a) {
         return a.confidentiality.empty() && a.integrity.empty() && a.availability.empty();
       }), A},
      {"asset: 可用性2 without backup", CountIf(r.assets, [](const auto& a) {
         return a.availability == "2" && a.backup == false;
       }), A},
      {"asset: 可用性2 without recovery target", CountIf(r.assets, [](const auto& a) {
         return a.availability == "2" && !a.recovery_target_hours;
       }), A},
      {"asset: 機密性2+ printout/medium not locked", CountIf(r.assets, [&](const auto& a) {
         return secret(a) && (media(a) || a.form == Form::kPrinted || a.form == Form::kBoth) && a.locked_storage == false;
       }), A},
      {"asset: 特定個人情報 in LGWAN", CountIf(r.assets, [](const auto& a) {
         return a.specific_personal_data == true && a.tier == Tier::kLgwan;
       }), A},
      {"asset: unknown 所管課", CountIf(r.assets, [&](const auto& a) { return !dept_names.contains(a.department); }), A},
      {"asset: unrecorded backup/locked storage", CountIf(r.assets, [](const auto& a) {
         return (a.form == Form::kElectronic && a.integrity == "2" && !a.backup && a.kind != "電磁的記録媒体") ||
                (a.form == Form::kPrinted && !a.locked_storage);
       }), A},
      {"system: 人事給与 in internet tier", CountIf(r.systems, [](const auto& s) {
         return s.category == "人事給与" && s.tier == Tier::kInternet;
       }), S},
      {"system: My Number outside My Number tier", CountIf(r.systems, [](const auto& s) {
         return s.handles_my_number == true && s.tier != Tier::kMyNumber;
       }), S},
      {"system: contractor among users", CountIf(r.systems, [&](const auto& s) {
         return std::any_of(s.users.begin(), s.users.end(), [&](const auto& u) {
           return people.at(u)->employment == Employment::kContractor;
         });
       }), S},
      {"system: My Number user without My Number duties", CountIf(r.systems, [&](const auto& s) {
         return s.tier == Tier::kMyNumber && std::any_of(s.users.begin(), s.users.end(), [&](const auto& u) {
                  return !MyNumberWork(people.at(u)->duties);
                });
       }), S},
      {"system: tier unrecorded", CountIf(r.systems, [](const auto& s) { return !s.tier; }), S},
      {"terminal: My Number without MFA", CountIf(r.terminals, [](const auto& t) {
         return t.tier == Tier::kMyNumber && t.mfa == false;
       }), T},
      {"terminal: My Number without take-out block", CountIf(r.terminals, [](const auto& t) {
         return t.tier == Tier::kMyNumber && t.takeout_blocked == false;
       }), T},
      {"terminal: MFA unrecorded", CountIf(r.terminals, [](const auto& t) { return !t.mfa; }), T},
      {"person: 任用区分 unrecorded", CountIf(r.people, [](const auto& p) { return !p.employment; }), P},
  };
  std::size_t total = 0;
  for (const auto& c : counts) {
    std::cout << "  " << c.what << ": " << c.found << " / " << c.of << "\n";
    EXPECT_GT(c.found, 0u) << c.what;
    EXPECT_LT(c.found * 10, c.of) << c.what;
    total += c.found;
  }
  const std::size_t records = A + S + T + P;
  std::cout << "  total: " << total << " / " << records << " records\n";
  EXPECT_LT(total * 100, records * 8);
}

TEST(DemoTest, CleanWhereNothingWasInjected) {
  const auto r = Generate(Fixed());
  for (const auto& a : r.assets) {
    // 特定個人情報 on electronic records lives in the My Number tier, except the one extract.
    if (a.specific_personal_data == true && a.form == Form::kElectronic && a.tier != Tier::kMyNumber) {
      EXPECT_NE(a.name.find("抽出"), std::string::npos) << a.number;
    }
    if (a.personal_data == false) {
      EXPECT_NE(a.specific_personal_data, true) << a.number;
    }
  }
  for (const auto& t : r.terminals) {
    if (t.tier == Tier::kMyNumber) {
      EXPECT_FALSE(t.notes.empty()) << t.number;
    }
  }
}

TEST(DemoTest, ScalesToTheBenchmarkSize) {
  DemoOptions o = Fixed();
  o.assets = 100000;
  o.systems = 5000;
  o.people = 20000;
  o.terminals = 20000;
  const auto r = Generate(o);  // its speed is measured by bench/register_bench
  EXPECT_EQ(r.assets.size(), 100000u);
  EXPECT_EQ(r.systems.size(), 5000u);
  EXPECT_EQ(r.people.size(), 20000u);
  EXPECT_EQ(r.terminals.size(), 20000u);
  ExpectUnique(r);
}

}  // namespace
}  // namespace mamori::demo
