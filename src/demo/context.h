// What the parts of the generator share: the options, the day the register
// describes, and indexes into the people built first.
#pragma once

#include <cstddef>
#include <vector>

#include "common/wareki.h"
#include "demo/demo.h"

namespace mamori::demo {

inline constexpr std::size_t kNoPerson = static_cast<std::size_t>(-1);

// Who is where, by index into DemoRegister::people.
struct Staff {
  std::vector<std::vector<std::size_t>> by_dept;   // per department: its people (the CISO aside)
  std::vector<std::size_t> manager;                // per department: 情報セキュリティ管理者
  std::vector<std::size_t> system_admin;           // per department: first 情報システム管理者
  std::vector<std::size_t> contractors;            // 委託事業者等要員
  std::size_t ciso = kNoPerson;
  std::size_t chief = kNoPerson;                   // 統括情報セキュリティ責任者
};

struct Context {
  const DemoOptions& options;
  Date as_of;
  DemoRegister& out;
  Staff staff;
};

// Independent random streams, one per part (see Rng's constructor).
enum class Stream : std::uint64_t { kPeople = 1, kAssets, kSystems, kTerminals, kInspections, kViolations };

}  // namespace mamori::demo
