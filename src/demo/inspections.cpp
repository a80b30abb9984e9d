// 点検・監査の記録: this 年度's 自己点検, 情報セキュリティ監査 (external) and
// マイナンバー遵守状況点検, and last 年度's self-inspection and audit, all on
// or before the day the register describes.
#include <string>

#include <fmt/format.h>

#include "demo/organization.h"
#include "demo/parts.h"

namespace mamori::demo {
namespace {

// A day between the start of the 年度 and `as_of`, `part` of the way.
Date DuringYear(const Date& as_of, double part) {
  const Date start{FiscalYear(as_of), 4, 1};
  const long from = start.DaysSinceEpoch();
  const long span = as_of.DaysSinceEpoch() - from;
  return Date::FromDaysSinceEpoch(from + static_cast<long>(static_cast<double>(span) * part));
}

}  // namespace

void MakeInspections(Context& ctx, Rng& rng) {
  const int fy = FiscalYear(ctx.as_of);
  const std::size_t n_depts = Departments().size();
  auto add = [&](std::string kind, Date date, std::string target, std::string by, std::string result, std::string notes) {
    reg::Inspection i;
    i.number = fmt::format("INS-{}-{:02d}", FiscalYear(date), ctx.out.inspections.size() + 1);
    i.kind = std::move(kind);
    i.date = date;
    i.target = std::move(target);
    i.performed_by = std::move(by);
    i.result = std::move(result);
    i.notes = std::move(notes);
    ctx.out.inspections.push_back(std::move(i));
  };
  const std::string year = FiscalYearLabel(fy);
  const std::string last_year = FiscalYearLabel(fy - 1);
  const std::size_t findings = 2 + rng.Below(4);

  add("自己点検", Date{fy - 1, 10, 15}, "全所属", "各所属の情報セキュリティ管理者", "軽微な不備あり（是正済み）",
      fmt::format("{} 情報セキュリティ自己点検", last_year));
  add("情報セキュリティ監査", Date{fy, 2, 20}, "情報政策課、税務課、福祉課", "株式会社架空監査（外部監査人）",
      "指摘事項2件（是正済み）", fmt::format("{} 外部監査", last_year));
  add("自己点検", DuringYear(ctx.as_of, 0.3), "全所属", "各所属の情報セキュリティ管理者",
      fmt::format("不備あり（{}所属中{}所属で是正中）", n_depts, findings), fmt::format("{} 情報セキュリティ自己点検", year));
  add("マイナンバー遵守状況点検", DuringYear(ctx.as_of, 0.5), "マイナンバー利用事務系の情報システム及び端末",
      "情報政策課（統括情報セキュリティ責任者の指示による）", "おおむね適合（利用者登録の棚卸しを要す）",
      fmt::format("{} 特定個人情報の取扱いに関する点検", year));
  add("情報セキュリティ監査", DuringYear(ctx.as_of, 0.7), "市民課、保険年金課、人事課、情報政策課",
      "株式会社架空監査（外部監査人）", fmt::format("指摘事項{}件", findings + 1),
      fmt::format("{} 外部監査（ガイドラインの監査項目による）", year));
}

}  // namespace mamori::demo
