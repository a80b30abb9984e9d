// 情報システム一覧: the systems of a city of this size, each placed in its
// tier as the guideline's α model places it (My Number work in the My Number
// tier, internal business in LGWAN, mail and web site in the internet tier),
// with the assets it handles, its 情報システム管理者 and its users.
//
// Two entries of the catalog are placed wrongly on purpose (see demo.cpp):
// 人事給与システム in the internet tier (a β' placement: fails under most
// bodies' policies, passes under 熊本市's) and 確定申告書作成支援システム,
// which handles My Number, in the LGWAN tier. 勤怠管理システム has no tier
// and no My Number answer recorded yet (checks report "unknown").
// Categories are written as bodies write them (住民税, 生活保護 …); the
// profiles' category aliases map them.
#include <array>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "demo/organization.h"
#include "demo/parts.h"

namespace mamori::demo {
namespace {

using reg::Tier;

constexpr std::optional<Tier> MN = Tier::kMyNumber;
constexpr std::optional<Tier> LG = Tier::kLgwan;
constexpr std::optional<Tier> IN = Tier::kInternet;
constexpr std::optional<Tier> NO = Tier::kNone;
constexpr std::optional<bool> YES = true;
constexpr std::optional<bool> NOPE = false;

constexpr std::string_view kGcas = "ガバメントクラウド（標準準拠システム）";
constexpr std::string_view kOnPrem = "庁内（サーバ室）";
constexpr std::string_view kSaas = "外部サービス（SaaS）";
constexpr std::string_view kAsp = "LGWAN-ASP";

struct SystemTemplate {
  std::string_view name;
  std::string_view category;  // 業務区分 as the body writes it
  std::string_view dept;      // 資産番号 prefix of the 所管課
  std::optional<Tier> tier;
  std::optional<bool> my_number;
  std::string_view hosting;
  std::string_view assets;     // handles the department's assets whose name contains this
  std::string_view user_depts; // other departments whose staff use it ("税務,福祉")
  bool everyone = false;       // every member of staff uses it (users kept in the directory)
  bool owner_uses = true;      // false: the 所管課 runs it for the user departments only
};

// The order matters for small registers: the first N entries are used.
// clang-format off
constexpr auto kCatalog = std::to_array<SystemTemplate>({
  {"住民記録システム", "住民記録", "市民", MN, YES, kGcas, "住民基本台帳", {}, false},
  {"個人住民税システム", "住民税", "税務", MN, YES, kGcas, "課税台帳", {}, false},
  {"人事給与システム", "人事給与", "人事", IN, NOPE, kSaas, "職員給与", {}, false},            // 違反: α では LGWAN接続系
  {"確定申告書作成支援システム", "税務", "税務", LG, YES, kOnPrem, "", {}, false},           // 違反: 個人番号を扱うのに LGWAN接続系
  {"グループウェア", "グループウェア", "情報", LG, NOPE, kOnPrem, "", {}, true},
  {"インターネットメール", "インターネットメール", "情報", IN, NOPE, "自治体情報セキュリティクラウド", "", {}, true},
  {"ホームページ管理システム", "ホームページ管理", "広報", IN, NOPE, "外部サービス（CMS）", "ホームページ原稿", {}, false},
  {"庁内ファイルサーバ", "ファイルサーバ", "情報", LG, NOPE, kOnPrem, "共有フォルダ", {}, true},
  {"戸籍情報システム", "戸籍", "市民", MN, NOPE, kOnPrem, "戸籍", {}, false},
  {"固定資産税システム", "固定資産税", "税務", MN, YES, kGcas, "固定資産", {}, false},
  {"国民健康保険システム", "国民健康保険", "保年", MN, YES, kGcas, "国民健康保険", {}, false},
  {"介護保険システム", "介護保険", "介護", MN, YES, kGcas, "介護保険受給者", {}, false},
  {"障害者福祉システム", "障害福祉", "福祉", MN, YES, kGcas, "障害者", {}, false},
  {"生活保護システム", "生活保護", "福祉", MN, YES, kGcas, "生活保護", {}, false},
  {"児童手当システム", "児童手当", "子育", MN, YES, kGcas, "児童手当", {}, false},
  {"財務会計システム", "財務会計", "財政", LG, NOPE, kOnPrem, "財務会計", "会計", false},
  {"文書管理システム", "文書管理", "総務", LG, NOPE, kOnPrem, "文書管理", {}, true},
  {"防災情報システム", "防災", "危機", LG, NOPE, kOnPrem, "避難行動", {}, false},
  {"被災者支援システム", "被災者支援", "危機", MN, YES, kOnPrem, "被災者", {}, false},
  {"団体内統合宛名システム", "住民情報", "情報", MN, YES, kGcas, "", "市民,税務,保年,福祉,介護,子育", false, false},
  {"国民年金システム", "国民年金", "保年", MN, YES, kOnPrem, "国民年金", {}, false},
  {"後期高齢者医療システム（窓口端末）", "後期高齢者医療", "保年", MN, YES, "広域連合 標準システム", "後期高齢者", {}, false},
  {"子ども・子育て支援システム", "子育て支援", "子育", MN, YES, kGcas, "", {}, false},
  {"健康管理システム", "社会保障", "健康", MN, YES, kGcas, "", {}, false},
  {"収納・滞納管理システム", "滞納整理", "税務", MN, YES, kGcas, "収納", {}, false},
  {"軽自動車税システム", "軽自動車税", "税務", MN, YES, kGcas, "", {}, false},
  {"庶務事務システム", "庶務事務", "人事", LG, NOPE, kOnPrem, "人事記録", {}, true},
  {"勤怠管理システム", "勤怠", "人事", std::nullopt, std::nullopt, kSaas, "", {}, false},  // 未記録: 導入準備中
  {"LGWANメール", "LGWANメール", "情報", LG, NOPE, kOnPrem, "", {}, true},
  {"電子決裁システム", "電子決裁", "総務", LG, NOPE, kOnPrem, "", {}, true},
  {"例規管理システム", "文書", "総務", LG, NOPE, kAsp, "例規", {}, false},
  {"IT資産管理システム", "庁内LAN", "情報", LG, NOPE, kOnPrem, "端末管理", {}, false},
  {"水道事業会計システム", "会計", "水道", LG, NOPE, kOnPrem, "水道料金", "工務", false},
  {"消防指令システム", "防災", "警防", NO, NOPE, "消防庁舎（専用回線）", "消防活動", "消防", false},
  {"防災メール配信サービス", "防災", "危機", IN, NOPE, kSaas, "", {}, false},
  {"議会ホームページ（会議録公開）", "ホームページ", "議会", IN, NOPE, "外部サービス（CMS）", "", {}, false},
  {"戸籍附票システム", "戸籍附票", "市民", MN, NOPE, kOnPrem, "", {}, false},
  {"住基ネット（CS端末）", "住基", "市民", MN, YES, kOnPrem, "マイナンバーカード", {}, false},
  {"公金収納システム", "会計", "会計", LG, NOPE, kOnPrem, "公金収納", {}, false},
  {"教育委員会ホームページ", "CMS", "教総", IN, NOPE, "外部サービス（CMS）", "", "学教,生涯", false},
  {"予算編成システム", "予算", "財政", LG, NOPE, kOnPrem, "予算", {}, false},
  {"水道局ホームページ", "ホームページ", "水道", IN, NOPE, "外部サービス（CMS）", "", {}, false},
});
// clang-format on

constexpr std::size_t kMaxAssets = 8;
constexpr std::size_t kMaxUsers = 25;

// The departments whose staff are its users.
std::vector<std::size_t> UserDepts(const SystemTemplate& t) {
  std::vector<std::size_t> out;
  if (t.owner_uses) out.push_back(DeptIndexByPrefix(t.dept));
  std::string_view rest = t.user_depts;
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    out.push_back(DeptIndexByPrefix(rest.substr(0, comma)));
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
  }
  return out;
}

}  // namespace

void MakeSystems(Context& ctx, Rng& rng) {
  const auto& depts = Departments();
  const auto& people = ctx.out.people;
  const std::size_t n = ctx.options.systems;
  ctx.out.systems.reserve(n);

  // Per template, once: the assets it handles and the people who may use it.
  std::vector<std::vector<std::size_t>> assets_of(kCatalog.size()), users_of(kCatalog.size());
  {
    std::vector<std::vector<std::size_t>> assets_by_dept(depts.size());
    for (std::size_t i = 0; i < ctx.out.assets.size(); ++i) {
      const auto& a = ctx.out.assets[i];
      if (a.form == reg::Form::kPaper || a.form == reg::Form::kPrinted || a.kind == "電磁的記録媒体") continue;
      assets_by_dept[DeptIndexByPrefix(a.number.substr(0, a.number.find('-')))].push_back(i);
    }
    for (std::size_t t = 0; t < std::min(n, kCatalog.size()); ++t) {
      const auto& tmpl = kCatalog[t];
      if (!tmpl.assets.empty())
        for (std::size_t i : assets_by_dept[DeptIndexByPrefix(tmpl.dept)])
          if (ctx.out.assets[i].name.find(tmpl.assets) != std::string::npos) assets_of[t].push_back(i);
      if (tmpl.everyone || ctx.staff.by_dept.empty()) continue;
      for (std::size_t d : UserDepts(tmpl))
        for (std::size_t p : ctx.staff.by_dept[d])
          if (people[p].employment != reg::Employment::kContractor) users_of[t].push_back(p);
    }
  }

  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t t = k % kCatalog.size();
    const std::size_t copy = k / kCatalog.size();
    const auto& tmpl = kCatalog[t];
    const std::size_t d = DeptIndexByPrefix(tmpl.dept);
    reg::System s;
    s.number = fmt::format("SYS-{:04d}", k + 1);
    s.name = copy == 0 ? std::string(tmpl.name) : fmt::format("{}（{}）", tmpl.name, copy + 1);
    s.category = std::string(tmpl.category);
    s.tier = tmpl.tier;
    s.department = std::string(depts[d].name);
    if (!ctx.staff.system_admin.empty()) {
      // The 所管課's 係長, else one of a user department's, else 情報政策課's.
      std::size_t admin = ctx.staff.system_admin[d];
      for (std::size_t u : UserDepts(tmpl))
        if (admin == kNoPerson) admin = ctx.staff.system_admin[u];
      if (admin == kNoPerson) admin = ctx.staff.system_admin[DeptIndexByPrefix("情報")];
      if (admin == kNoPerson) admin = ctx.staff.manager[d];
      if (admin != kNoPerson) s.administrator = people[admin].number;
    }
    s.handles_my_number = tmpl.my_number;
    const auto& handled = assets_of[t];
    for (std::size_t j = 0; j < std::min(kMaxAssets, handled.size()); ++j)
      s.assets.push_back(ctx.out.assets[handled[(copy * kMaxAssets + j) % handled.size()]].number);
    const auto& candidates = users_of[t];
    for (std::size_t j : rng.Sample(candidates.size(), kMaxUsers)) s.users.push_back(people[candidates[j]].number);
    s.hosting = std::string(tmpl.hosting);
    if (tmpl.everyone) s.notes = "全職員が利用（利用者は認証基盤で管理）";
    if (!tmpl.tier) s.notes = "導入準備中（配置する系統は検討中）";
    ctx.out.systems.push_back(std::move(s));
  }
}

}  // namespace mamori::demo
