// The genuine violations of the demo body (listed in demo.cpp), injected into
// the clean register: each breaks one record in one realistic way, on records
// the checks look at under every profile (not paper-only documents, which
// some policies leave out of scope). No record gets two.
#include <algorithm>
#include <cmath>
#include <functional>
#include <string>

#include "demo/organization.h"
#include "demo/parts.h"

namespace mamori::demo {
namespace {

using reg::Asset;
using reg::Form;
using reg::Tier;

// How many records of `total` a violation touches: `rate` of them, at least one.
std::size_t Share(std::size_t total, double rate) {
  if (total == 0) return 0;
  return std::max<std::size_t>(1, static_cast<std::size_t>(std::llround(static_cast<double>(total) * rate)));
}

bool Confidential(const Asset& a) {
  return a.confidentiality == "3A" || a.confidentiality == "3B" || a.confidentiality == "3C" || a.confidentiality == "2";
}
bool Medium(const Asset& a) { return a.kind == "電磁的記録媒体"; }

// Picks `count` untouched records that satisfy `eligible`, marks them and
// applies `change` to each.
template <typename T>
void Inject(std::vector<T>& records, std::vector<bool>& touched, Rng& rng, std::size_t count,
            const std::function<bool(const T&)>& eligible, const std::function<void(T&)>& change) {
  std::vector<std::size_t> pool;
  for (std::size_t i = 0; i < records.size(); ++i)
    if (!touched[i] && eligible(records[i])) pool.push_back(i);
  for (std::size_t j : rng.Sample(pool.size(), count)) {
    touched[pool[j]] = true;
    change(records[pool[j]]);
  }
}

void InjectAssets(Context& ctx, Rng& rng) {
  auto& assets = ctx.out.assets;
  const std::size_t n = assets.size();
  std::vector<bool> touched(n, false);
  using Pred = std::function<bool(const Asset&)>;
  using Change = std::function<void(Asset&)>;
  // Paper-only documents are out of scope under some policies: leave them.
  auto in_scope = [](const Asset& a) { return a.form != Form::kPaper; };

  // R8.4 reclassification not done: legacy 機密性3 still on the register.
  Inject<Asset>(assets, touched, rng, Share(n, 0.02),
                Pred([&](const Asset& a) { return in_scope(a) && a.confidentiality.size() == 2 && a.confidentiality[0] == '3'; }),
                Change([](Asset& a) { a.confidentiality = "3"; }));
  // 管理者 left empty after a personnel transfer.
  Inject<Asset>(assets, touched, rng, Share(n, 0.01), Pred(in_scope),
                Change([](Asset& a) {
                  a.manager.clear();
                  a.notes = "人事異動後、管理者未設定";
                }));
  // Registered without any classification.
  Inject<Asset>(assets, touched, rng, Share(n, 0.002), Pred([&](const Asset& a) { return in_scope(a) && !Medium(a); }),
                Change([](Asset& a) {
                  a.confidentiality.clear();
                  a.integrity.clear();
                  a.availability.clear();
                  a.notes = "新規登録（分類未設定）";
                }));
  // 可用性2 without backup.
  Inject<Asset>(assets, touched, rng, Share(n, 0.0075),
                Pred([](const Asset& a) { return a.availability == "2" && a.backup == true && !Medium(a); }),
                Change([](Asset& a) { a.backup = false; }));
  // 可用性2 without a recovery target.
  Inject<Asset>(assets, touched, rng, Share(n, 0.0075),
                Pred([&](const Asset& a) { return in_scope(a) && a.availability == "2" && a.recovery_target_hours; }),
                Change([](Asset& a) { a.recovery_target_hours.reset(); }));
  // 機密性2 or above on printouts or removable media, not locked away.
  Inject<Asset>(assets, touched, rng, Share(n, 0.01),
                Pred([&](const Asset& a) {
                  return Confidential(a) && a.locked_storage == true && (Medium(a) || a.form == Form::kPrinted);
                }),
                Change([](Asset& a) {
                  a.locked_storage = false;
                  a.storage_place = Medium(a) ? "執務室 机上の引出し（施錠なし）" : "執務室 書棚（施錠なし）";
                }));
  // 特定個人情報 extracted onto the LGWAN file server.
  Inject<Asset>(assets, touched, rng, Share(n, 0.0025),
                Pred([](const Asset& a) {
                  return a.specific_personal_data == true && a.form == Form::kElectronic && a.kind == "データ";
                }),
                Change([](Asset& a) {
                  a.name += "（集計用抽出CSV）";
                  a.tier = Tier::kLgwan;
                  a.storage_place = "庁内ファイルサーバ（共有フォルダ）";
                  a.notes = "集計のため基幹系から抽出";
                }));
  // 所管課 abolished in a reorganization (企画課 of the 市長部局) and never updated.
  Inject<Asset>(assets, touched, rng, Share(n, 0.0025),
                Pred([&](const Asset& a) { return in_scope(a) && Departments()[DeptIndexByName(a.department)].organ == "01"; }),
                Change([](Asset& a) { a.department = "企画課"; }));
  // Unrecorded: backup (electronic) or locked storage (printouts) left blank,
  // so that the checks answer "unknown" rather than pass.
  Inject<Asset>(assets, touched, rng, Share(n, 0.0075),
                Pred([](const Asset& a) {
                  return (a.form == Form::kElectronic && a.integrity == "2" && a.backup == true && !Medium(a)) ||
                         (a.form == Form::kPrinted && a.locked_storage == true);
                }),
                Change([](Asset& a) {
                  if (a.form == Form::kPrinted) a.locked_storage.reset();
                  else a.backup.reset();
                }));
}

void InjectSystems(Context& ctx, Rng& rng) {
  auto& systems = ctx.out.systems;
  auto& people = ctx.out.people;
  if (systems.empty() || people.empty()) return;
  auto is_my_number = [](const reg::System& s) { return s.tier == Tier::kMyNumber; };

  // A contractor's staff member (保守業者のSE) left on a system's user list.
  if (!ctx.staff.contractors.empty()) {
    std::vector<std::size_t> listed;  // systems whose users are listed one by one
    for (std::size_t i = 0; i < systems.size(); ++i)
      if (!systems[i].users.empty()) listed.push_back(i);
    for (std::size_t j : rng.Sample(listed.size(), Share(systems.size(), 0.025)))
      systems[listed[j]].users.push_back(people[ctx.staff.contractors[rng.Below(ctx.staff.contractors.size())]].number);
  }
  // A transferred employee still on a My Number system's user list: their
  // duties now are 広報, 財政 … (not 社会保障 or 税務).
  std::vector<std::size_t> mn, outsiders;
  for (std::size_t i = 0; i < systems.size(); ++i)
    if (is_my_number(systems[i]) && !systems[i].users.empty()) mn.push_back(i);
  for (std::size_t p = 0; p < people.size(); ++p) {
    const auto& duties = people[p].duties;
    if (people[p].role == reg::Role::kStaff && people[p].employment == reg::Employment::kRegular && !duties.empty() &&
        std::none_of(duties.begin(), duties.end(), [](const std::string& d) { return IsMyNumberDuty(d); }))
      outsiders.push_back(p);
  }
  if (outsiders.empty()) return;
  for (std::size_t j : rng.Sample(mn.size(), Share(systems.size(), 0.025))) {
    auto& s = systems[mn[j]];
    auto& person = people[outsiders[rng.Below(outsiders.size())]];
    s.users.push_back(person.number);
    person.notes += "（前所属: " + s.department + "）";
  }
}

void InjectTerminals(Context& ctx, Rng& rng) {
  auto& terminals = ctx.out.terminals;
  const std::size_t n = terminals.size();
  std::vector<bool> touched(n, false);
  using Pred = std::function<bool(const reg::Terminal&)>;
  using Change = std::function<void(reg::Terminal&)>;
  const Pred my_number = [](const reg::Terminal& t) { return t.tier == Tier::kMyNumber; };
  // My Number terminals set up without MFA, or without the take-out block.
  Inject<reg::Terminal>(terminals, touched, rng, Share(n, 0.0125), my_number, Change([](reg::Terminal& t) {
                          t.mfa = false;
                          t.notes = "パスワードのみ（生体認証装置 故障中）";
                        }));
  Inject<reg::Terminal>(terminals, touched, rng, Share(n, 0.0125), my_number, Change([](reg::Terminal& t) {
                          t.takeout_blocked = false;
                          t.notes = "顔認証＋パスワード（USB制御 未設定）";
                        }));
  // Unrecorded: a My Number terminal whose MFA setting nobody has confirmed.
  Inject<reg::Terminal>(terminals, touched, rng, Share(n, 0.006), my_number, Change([](reg::Terminal& t) {
                          t.mfa.reset();
                          t.notes = "更新直後のため設定確認中";
                        }));
}

void InjectPeople(Context& ctx, Rng& rng) {
  auto& people = ctx.out.people;
  std::vector<bool> touched(people.size(), false);
  // Unrecorded: 任用区分 blank for a few newcomers.
  Inject<reg::Person>(people, touched, rng, Share(people.size(), 0.008),
                      std::function<bool(const reg::Person&)>([](const reg::Person& p) {
                        return p.role == reg::Role::kStaff && p.employment == reg::Employment::kRegular;
                      }),
                      std::function<void(reg::Person&)>([](reg::Person& p) { p.employment.reset(); }));
}

}  // namespace

void InjectViolations(Context& ctx, Rng& rng) {
  InjectAssets(ctx, rng);
  InjectSystems(ctx, rng);
  InjectTerminals(ctx, rng);
  InjectPeople(ctx, rng);
}

}  // namespace mamori::demo
