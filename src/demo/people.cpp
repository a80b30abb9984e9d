// 職員名簿: the security organization of the guideline (対策基準 §1) filled
// with people — one CISO (副市長), one 統括情報セキュリティ責任者 (総務部長),
// a 情報セキュリティ責任者 per 部局, a 情報セキュリティ管理者 per 課, the
// 情報システム管理者・担当者 — and everyone else as 職員等, with the mix of
// appointments a city has (職員, 会計年度任用, 再任用, 臨時, 委託事業者等要員).
#include <array>
#include <string>
#include <unordered_map>

#include <fmt/format.h>

#include "demo/names.h"
#include "demo/organization.h"
#include "demo/parts.h"

namespace mamori::demo {
namespace {

using reg::Employment;
using reg::Role;

class PeopleBuilder {
 public:
  PeopleBuilder(Context& ctx, Rng& rng)
      : ctx_(ctx), rng_(rng), domain_(ctx.options.body_name == "架空市" ? "city.kakuu.lg.jp" : "example.lg.jp") {
    const std::size_t n = Departments().size();
    ctx_.staff.by_dept.assign(n, {});
    ctx_.staff.manager.assign(n, kNoPerson);
    ctx_.staff.system_admin.assign(n, kNoPerson);
  }

  std::size_t Add(std::size_t dept, Role role, Employment employment, std::string title) {
    const auto& spec = Departments()[dept];
    const PersonName name = RandomName(rng_);
    reg::Person p;
    if (employment == Employment::kContractor) {
      p.number = fmt::format("C{:05d}", ++contractor_seq_);
    } else {
      p.number = fmt::format("{:06d}", 100001 + staff_seq_++);
      p.email = fmt::format("{}{}@{}", name.romaji, Suffix(name.romaji), domain_);
    }
    p.name = name.kanji;
    p.department = std::string(spec.name);
    p.role = role;
    p.employment = employment;
    for (auto duty : spec.duties) p.duties.emplace_back(duty);
    p.notes = std::move(title);
    const std::size_t index = ctx_.out.people.size();
    ctx_.out.people.push_back(std::move(p));
    if (role != Role::kCiso) ctx_.staff.by_dept[dept].push_back(index);  // 副市長 is not one of the 課's staff
    if (employment == Employment::kContractor) ctx_.staff.contractors.push_back(index);
    return index;
  }

  // Someone without a security post: appointment drawn from a city's mix.
  void AddStaff(std::size_t dept) {
    const auto& spec = Departments()[dept];
    if (!spec.contractor.empty() && rng_.Chance(0.14)) {
      Add(dept, Role::kStaff, Employment::kContractor, std::string(spec.contractor));
      return;
    }
    const double u = rng_.Unit();
    if (u < 0.70) {
      Add(dept, Role::kStaff, Employment::kRegular, RegularTitle(spec));
    } else if (u < 0.89) {
      const bool counter = spec.my_number_work && !spec.contractor.empty();  // 窓口のある課
      Add(dept, Role::kStaff, Employment::kFiscalYear, counter ? "窓口事務補助員" : "事務補助員");
    } else if (u < 0.96) {
      Add(dept, Role::kStaff, Employment::kReappointed, "主査（再任用）");
    } else {
      Add(dept, Role::kStaff, Employment::kTemporary, spec.name == "税務課" ? "臨時職員（申告受付）" : "臨時職員");
    }
  }

 private:
  std::string RegularTitle(const DeptSpec& spec) {
    static constexpr std::array<std::string_view, 5> kOffice{"主査", "主任", "主事", "主事", "主事補"};
    static constexpr std::array<std::string_view, 4> kFire{"消防司令補", "消防士長", "消防副士長", "消防士"};
    static constexpr std::array<std::string_view, 3> kEngineer{"主査", "主任技師", "技師"};
    if (spec.organ == "06") return std::string(kFire[rng_.Below(kFire.size())]);
    if (spec.prefix == "土木" || spec.prefix == "工務") return std::string(kEngineer[rng_.Below(kEngineer.size())]);
    return std::string(kOffice[rng_.Below(kOffice.size())]);
  }

  // Two 佐藤　翔太 get sato-shota@ and sato-shota2@, as mail systems do.
  std::string Suffix(const std::string& romaji) {
    const int n = ++used_[romaji];
    return n == 1 ? std::string() : std::to_string(n);
  }

  Context& ctx_;
  Rng& rng_;
  std::string domain_;
  std::size_t staff_seq_ = 0;
  std::size_t contractor_seq_ = 0;
  std::unordered_map<std::string, int> used_;
};

}  // namespace

void MakePeople(Context& ctx, Rng& rng) {
  const auto& depts = Departments();
  const std::size_t total = ctx.options.people;
  if (total == 0) return;
  ctx.out.people.reserve(total);
  PeopleBuilder b(ctx, rng);

  // The CISO first: 副市長, seated with the mayor's office.
  ctx.staff.ciso = b.Add(DeptIndexByName("秘書広報課"), Role::kCiso, Employment::kRegular, "副" + HeadOfBody(ctx.options.body_name));
  ctx.out.people[ctx.staff.ciso].duties = {"市政全般"};

  std::vector<std::size_t> weights, minimum;
  for (const auto& d : depts) {
    weights.push_back(d.weight);
    minimum.push_back(d.LeadershipPosts());
  }
  const auto heads = Apportion(total - 1, weights, minimum);
  const std::size_t somu = DeptIndexByName("総務課");

  for (std::size_t d = 0; d < depts.size(); ++d) {
    const auto& spec = depts[d];
    std::size_t left = heads[d];
    auto post = [&](Role role, std::string_view title) -> std::size_t {
      if (left == 0) return kNoPerson;
      --left;
      return b.Add(d, role, Employment::kRegular, std::string(title));
    };
    if (!spec.head_title.empty()) {
      // 総務部長 is the 統括情報セキュリティ責任者 and answers for 総務部 too.
      const std::size_t head = post(d == somu ? Role::kChiefOfficer : Role::kOfficer, spec.head_title);
      if (d == somu) ctx.staff.chief = head;
    }
    ctx.staff.manager[d] = post(Role::kManager, spec.manager_title);
    for (std::size_t i = 0; i < spec.system_admins; ++i) {
      const std::size_t admin = post(Role::kSystemAdmin, "係長");
      if (i == 0) ctx.staff.system_admin[d] = admin;
    }
    for (std::size_t i = 0; i < spec.system_staff; ++i) post(Role::kSystemStaff, "主任");
    while (left > 0) {
      --left;
      b.AddStaff(d);
    }
  }
}

}  // namespace mamori::demo
