// The demo body generator: 架空市, a fictional city with seven organs
// (市長部局, 教育委員会事務局, 選挙管理委員会事務局, 監査委員事務局,
// 議会事務局, 消防本部, 水道局), 26 departments, and the register of a
// city of that size.
//
// INJECTED VIOLATIONS — what `mamori check` should find (violations.cpp and
// the catalog in systems.cpp; rates are of the records of that type, at least
// one each; numbers in brackets are for the default options, seed 2026):
//
//   Assets (never on paper-only documents, which some profiles leave out of scope)
//   - legacy 機密性3, not yet reclassified to 3A/3B/3C (R6.10 guideline, R8.4 policies)
//                                              asset.legacy_level         2%    [8]
//   - no 管理者 (transfer, not re-assigned)     asset.manager              1%    [4]
//   - no classification at all (C, I, A blank)  asset.classified           0.2%  [1]
//   - 可用性2 without backup (backup = いいえ)    asset.handling.backup      0.75% [3]
//   - 可用性2 without a recovery target          asset.handling.recovery_target 0.75% [3]
//   - 機密性2+ printout or USB memory not locked asset.handling.locked_storage 1%  [4]
//   - 特定個人情報 in the LGWAN tier (an extract on the file server)
//                                              asset.my_number_tier       0.25% [1]
//   - 所管課 not in the department list (企画課, abolished)
//                                              asset.department_known     0.25% [1]
//   Systems
//   - 人事給与システム in the internet tier: fails α-model bodies, passes 熊本市 (β')
//                                              system.tier_allowed        1 per 42 catalog entries [1]
//   - 確定申告書作成支援システム handles My Number in the LGWAN tier
//                                              system.my_number_tier      1 per 42 [1]
//   - a 委託事業者等要員 (保守SE) on a system's user list: data for a future
//     rule; today person.staff_category fails every contractor where the profile
//     does not count contractors as 職員等 (guideline, 美郷町, 津山 …; not 直方市)
//                                                                        2.5%  [1]
//   - a My Number system user whose duties are not My Number work (広報, 消防 …:
//     a transferred employee)                  system.my_number_users     2.5%  [1]
//     (enabled only where the profile restricts users, i.e. 津山: its permitted
//     duties 社会保障・税 also reject this city's 住民記録・戸籍・防災 users)
//   Terminals (My Number tier)
//   - without multi-factor authentication      terminal.my_number_mfa     1.25% [2]
//   - without the take-out block               terminal.my_number_takeout 1.25% [2]
//
// UNRECORDED on purpose (checks answer "unknown", never pass): backup or
// locked storage of a few assets (0.75%), MFA of a My Number terminal (0.6%),
// 任用区分 of a few people (0.8%), tier and My Number handling of
// 勤怠管理システム (being introduced).
//
// Everything else is consistent: My Number data and systems in the My Number
// tier, every 可用性2 asset with backup and a recovery target, media locked
// away, one CISO (副市長), one 統括情報セキュリティ責任者 (総務部長), a
// 情報セキュリティ責任者 per 部局 and a 情報セキュリティ管理者 per 課, a
// self-inspection, an external audit and a マイナンバー遵守状況点検 this 年度.
#include "demo/demo.h"

#include "demo/context.h"
#include "demo/organization.h"
#include "demo/parts.h"

namespace mamori::demo {

DemoRegister Generate(const DemoOptions& options) {
  DemoRegister out;
  Context ctx{options, options.as_of.value_or(Date::Today()), out, {}};
  auto stream = [&](Stream s) { return Rng(options.seed, static_cast<std::uint64_t>(s)); };
  out.organs = MakeOrgans(options.body_name);
  out.departments = MakeDepartments();
  auto people = stream(Stream::kPeople);
  MakePeople(ctx, people);
  auto assets = stream(Stream::kAssets);
  MakeAssets(ctx, assets);
  auto systems = stream(Stream::kSystems);
  MakeSystems(ctx, systems);
  auto terminals = stream(Stream::kTerminals);
  MakeTerminals(ctx, terminals);
  auto inspections = stream(Stream::kInspections);
  MakeInspections(ctx, inspections);
  auto violations = stream(Stream::kViolations);
  InjectViolations(ctx, violations);
  MakeNetwork(ctx);
  return out;
}

}  // namespace mamori::demo
