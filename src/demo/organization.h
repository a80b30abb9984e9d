// The fictional body's organization: organs (機関) and departments (所属),
// with what the rest of the generator needs to know about each department
// (its work, size, office, who administers its systems).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "register/model.h"

namespace mamori::demo {

struct DeptSpec {
  std::string_view code;
  std::string_view name;
  std::string_view organ;       // Organ::code
  std::string_view head_title;  // set on the department whose head leads the 部局 (総務部長, 消防長 …)
  std::string_view manager_title;  // the 情報セキュリティ管理者's post: 課長, or 次長 in a one-office organ
  std::string_view prefix;      // 資産番号 prefix: 税務-0001
  std::string_view romaji;      // host names: MN-ZEIMU-001
  std::vector<std::string_view> duties;  // 担当事務 of its staff
  std::size_t weight = 1;       // relative headcount
  std::string_view office;      // 本庁舎1階 …
  std::size_t system_admins = 0;  // 情報システム管理者 posts (係長)
  std::size_t system_staff = 0;   // 情報システム担当者 posts
  std::string_view contractor;    // company whose staff (委託事業者等要員) work here, or empty
  bool my_number_work = false;    // 個人番号利用事務 or 戸籍事務: has My Number terminals

  [[nodiscard]] std::size_t LeadershipPosts() const {
    return (head_title.empty() ? 0 : 1) + 1 + system_admins + system_staff;
  }
};

// The departments, in register order. Names are unique, so records refer to
// departments by name, as the bodies' own Excel registers do.
const std::vector<DeptSpec>& Departments();

// The index in Departments() of a department by its 資産番号 prefix or name.
std::size_t DeptIndexByPrefix(std::string_view prefix);
std::size_t DeptIndexByName(std::string_view name);

// 市長 for 架空市, 町長 for 架空町, 村長 for 架空村.
std::string HeadOfBody(std::string_view body_name);

std::vector<reg::Organ> MakeOrgans(std::string_view body_name);
std::vector<reg::Department> MakeDepartments();

// Duties that are 個人番号利用事務 or 戸籍事務 (the work of the My Number tier).
bool IsMyNumberDuty(std::string_view duty);

}  // namespace mamori::demo
