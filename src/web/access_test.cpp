#include "web/access.h"

#include <gtest/gtest.h>

namespace mamori::web {
namespace {

std::vector<reg::Department> Departments() {
  return {{"D1", "総務課", "O1"}, {"D2", "税務課", "O1"}, {"D3", "学校教育課", "O2"}};
}

reg::Row AssetIn(std::string number, std::string department, std::string manager) {
  reg::Asset a;
  a.number = std::move(number);
  a.name = "資産";
  a.department = std::move(department);
  a.manager = std::move(manager);
  return reg::ToRow(a);
}

Principal As(reg::Role role, std::string organ = "O1", std::string department = "D1", std::string person = "P-9") {
  Principal p;
  p.login = "user";
  p.role = role;
  p.organ = std::move(organ);
  p.department = std::move(department);
  p.person_number = std::move(person);
  return p;
}

TEST(AccessTest, CisoChiefAndAuditorSeeEverythingOnlyTheAuditorWritesNothing) {
  for (auto role : {reg::Role::kCiso, reg::Role::kChiefOfficer, reg::Role::kAuditor}) {
    const auto p = As(role);
    EXPECT_TRUE(SeesEverything(p));
    EXPECT_TRUE(ScopeFor(p, reg::EntityKind::kAsset, Departments()).empty());
    EXPECT_TRUE(InScope(p, reg::EntityKind::kAsset, AssetIn("A", "学校教育課", "X"), Departments()));
  }
  EXPECT_TRUE(CanWrite(As(reg::Role::kCiso)));
  EXPECT_FALSE(CanWrite(As(reg::Role::kAuditor)));
}

TEST(AccessTest, OfficerSeesTheOrgansDepartmentsByCodeOrName) {
  const auto p = As(reg::Role::kOfficer);
  EXPECT_TRUE(InScope(p, reg::EntityKind::kAsset, AssetIn("A", "税務課", "X"), Departments()));
  EXPECT_TRUE(InScope(p, reg::EntityKind::kAsset, AssetIn("A", "D2", "X"), Departments()));
  EXPECT_FALSE(InScope(p, reg::EntityKind::kAsset, AssetIn("A", "学校教育課", "X"), Departments()));
  const auto scope = ScopeFor(p, reg::EntityKind::kAsset, Departments());
  ASSERT_FALSE(scope.empty());
  EXPECT_EQ(scope[0].field, "department");
  EXPECT_EQ(scope[0].any_of.size(), 4u);  // D1 総務課 D2 税務課
}

TEST(AccessTest, ManagerSeesOwnDepartmentAndWhatTheyManage) {
  const auto p = As(reg::Role::kManager, "O1", "総務課", "P-9");
  EXPECT_TRUE(InScope(p, reg::EntityKind::kAsset, AssetIn("A", "D1", "X"), Departments()));
  EXPECT_FALSE(InScope(p, reg::EntityKind::kAsset, AssetIn("A", "税務課", "X"), Departments()));
  EXPECT_TRUE(InScope(p, reg::EntityKind::kAsset, AssetIn("A", "税務課", "P-9"), Departments()));
}

TEST(AccessTest, StaffSeeOnlyWhatTheyManageAndAStaffWithoutPersonSeesNothing) {
  const auto p = As(reg::Role::kStaff, "O1", "D1", "P-9");
  EXPECT_FALSE(InScope(p, reg::EntityKind::kAsset, AssetIn("A", "総務課", "X"), Departments()));
  EXPECT_TRUE(InScope(p, reg::EntityKind::kAsset, AssetIn("A", "総務課", "P-9"), Departments()));
  auto nobody = As(reg::Role::kStaff, "O1", "D1", "");
  const auto scope = ScopeFor(nobody, reg::EntityKind::kAsset, Departments());
  ASSERT_EQ(scope.size(), 1u);
  EXPECT_TRUE(scope[0].any_of.empty());  // a condition nothing meets
}

TEST(AccessTest, AScopeTheFiltersAlreadyKeepIsDropped) {
  const auto p = As(reg::Role::kManager, "O1", "総務課", "P-9");
  store::PageQuery q;
  q.scope = ScopeFor(p, reg::EntityKind::kAsset, Departments());
  q.where = {{"department", {"税務課"}}};  // another department: the scope must stay
  DropSatisfiedScope(q);
  EXPECT_FALSE(q.scope.empty());
  q.where = {{"department", {"総務課"}}};
  DropSatisfiedScope(q);
  EXPECT_TRUE(q.scope.empty());
}

TEST(AccessTest, DocumentsFollowTheProfilesReaders) {
  policy::Document standards;
  standards.id = "standards";
  standards.visibility = policy::Visibility::kNonPublic;
  standards.readers = {reg::Role::kCiso, reg::Role::kManager};
  const auto ciso = As(reg::Role::kCiso), staff = As(reg::Role::kStaff);
  EXPECT_TRUE(CanReadDocument(standards, &ciso));
  EXPECT_FALSE(CanReadDocument(standards, &staff));
  EXPECT_FALSE(CanReadDocument(standards, nullptr));  // a resident
  policy::Document basic;
  basic.visibility = policy::Visibility::kPublic;
  EXPECT_TRUE(CanReadDocument(basic, nullptr));
}

}  // namespace
}  // namespace mamori::web
