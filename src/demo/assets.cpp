// 情報資産管理台帳: what each department holds, classified in the 2024 scheme
// (自治体機密性3A/3B/3C/2/1, 完全性・可用性 2/1), with the handling its
// classification asks for (施錠保管, バックアップ, 復旧目標時間) recorded.
// Clean data only: violations.cpp breaks a controlled few afterwards.
#include <array>
#include <string>

#include <fmt/format.h>

#include "demo/organization.h"
#include "demo/parts.h"

namespace mamori::demo {
namespace {

using reg::Form;
using reg::Tier;

constexpr Form E = Form::kElectronic;
constexpr Form P = Form::kPaper;    // received on paper (申請書, 届書)
constexpr Form R = Form::kPrinted;  // printouts of system data (帳票)
constexpr Form B = Form::kBoth;
constexpr Tier MN = Tier::kMyNumber;
constexpr Tier LG = Tier::kLgwan;
constexpr Tier IN = Tier::kInternet;
constexpr Tier NO = Tier::kNone;

constexpr std::string_view kCloud = "ガバメントクラウド";
constexpr std::string_view kServer = "サーバ室（本庁舎）";
constexpr std::string_view kFiles = "庁内ファイルサーバ";
constexpr std::string_view kCms = "外部サービス（CMS）";
constexpr std::string_view kNetFiles = "インターネット接続系ファイルサーバ";
constexpr std::string_view kArchive = "書庫";
constexpr std::string_view kCabinet = "執務室キャビネット";
constexpr std::string_view kSafe = "金庫";
constexpr std::string_view kFireSafe = "耐火金庫（サーバ室）";

struct AssetTemplate {
  std::string_view dept;  // 資産番号 prefix of the 所管課
  std::string_view name;
  std::string_view kind;  // データ, 文書, 電磁的記録媒体, システム関連文書
  Form form;
  Tier tier;  // paper has none
  std::string_view c, i, a;
  bool personal, specific;
  std::string_view storage;
  std::string_view retention;
  int rto;      // 復旧目標時間 (hours) when 可用性2
  bool yearly;  // one per 年度: 令和8年度 課税台帳 …
};

// clang-format off
constexpr auto kTemplates = std::to_array<AssetTemplate>({
  // 総務課
  {"総務", "文書管理システムデータ", "データ", E, LG, "2", "2", "2", false, false, kServer, "30年", 24, false},
  {"総務", "庁議 議事録", "文書", B, LG, "2", "2", "1", false, false, kFiles, "10年", 0, true},
  {"総務", "情報公開請求 処理記録", "文書", R, NO, "3C", "2", "1", true, false, kCabinet, "5年", 0, true},
  {"総務", "例規集原稿", "データ", E, LG, "1", "2", "1", false, false, kFiles, "永年", 0, false},
  {"総務", "公文書 収受簿", "文書", P, NO, "2", "2", "1", true, false, kArchive, "10年", 0, true},
  // 人事課
  {"人事", "職員給与データ", "データ", E, LG, "3B", "2", "2", true, false, kServer, "5年", 48, true},
  {"人事", "人事記録（職員台帳）", "データ", E, LG, "3B", "2", "2", true, false, kServer, "永年", 72, false},
  {"人事", "職員健康診断結果", "文書", R, NO, "3B", "2", "1", true, false, kCabinet, "5年", 0, true},
  {"人事", "扶養控除等申告書（個人番号記載）", "文書", P, NO, "3B", "2", "1", true, true, kArchive, "7年", 0, true},
  {"人事", "採用試験問題", "文書", B, LG, "3A", "2", "1", false, false, kSafe, "5年", 0, true},
  // 情報政策課
  {"情報", "ネットワーク構成図", "システム関連文書", B, LG, "3A", "2", "1", false, false, kCabinet, "5年", 0, false},
  {"情報", "住民記録システム 設計書", "システム関連文書", R, NO, "2", "2", "1", false, false, kArchive, "10年", 0, false},
  {"情報", "バックアップテープ（基幹系）", "電磁的記録媒体", E, MN, "3B", "2", "2", true, true, kFireSafe, "1年", 72, false},
  {"情報", "USBメモリ（暗号化）", "電磁的記録媒体", E, NO, "2", "1", "1", false, false, kCabinet, "1年", 0, false},
  {"情報", "庁内ファイルサーバ 共有フォルダ", "データ", E, LG, "2", "2", "2", false, false, kServer, "5年", 24, false},
  {"情報", "ファイアウォール ログ", "データ", E, LG, "2", "2", "1", false, false, kServer, "1年", 0, true},
  {"情報", "端末管理台帳", "データ", E, LG, "2", "2", "1", false, false, kFiles, "5年", 0, false},
  // 危機管理課
  {"危機", "避難行動要支援者名簿", "データ", E, LG, "3B", "2", "2", true, false, kServer, "5年", 24, false},
  {"危機", "被災者台帳", "データ", E, MN, "3B", "2", "2", true, true, kServer, "永年", 24, false},
  {"危機", "地域防災計画", "文書", B, LG, "1", "2", "1", false, false, kFiles, "10年", 0, true},
  {"危機", "防災行政無線 運用記録", "文書", R, NO, "2", "1", "1", false, false, kCabinet, "3年", 0, true},
  // 秘書広報課
  {"広報", "公開用ホームページ原稿", "データ", E, IN, "1", "2", "1", false, false, kCms, "1年", 0, true},
  {"広報", "広報紙原稿", "データ", E, IN, "1", "2", "1", false, false, kNetFiles, "3年", 0, true},
  {"広報", "報道発表資料（公表前）", "文書", B, LG, "2", "1", "1", false, false, kFiles, "1年", 0, true},
  {"広報", "市長日程表", "文書", E, LG, "2", "1", "1", false, false, kFiles, "1年", 0, true},
  {"広報", "SNSアカウント管理簿", "文書", R, NO, "3A", "2", "1", false, false, kSafe, "5年", 0, false},
  // 財政課
  {"財政", "予算書・決算書", "文書", B, LG, "1", "2", "1", false, false, kFiles, "永年", 0, true},
  {"財政", "契約書綴り", "文書", P, NO, "2", "2", "1", false, false, kArchive, "10年", 0, true},
  {"財政", "入札予定価格調書", "文書", R, NO, "3A", "2", "1", false, false, kSafe, "5年", 0, true},
  {"財政", "財務会計データ", "データ", E, LG, "2", "2", "2", false, false, kServer, "10年", 48, true},
  // 税務課
  {"税務", "課税台帳（個人住民税）", "データ", E, MN, "3B", "2", "2", true, true, kCloud, "7年", 24, true},
  {"税務", "固定資産課税台帳", "データ", E, MN, "3B", "2", "2", true, true, kCloud, "永年", 24, false},
  {"税務", "収納・滞納整理記録", "データ", E, MN, "3B", "2", "2", true, true, kCloud, "5年", 48, true},
  {"税務", "給与支払報告書（個人番号記載）", "文書", P, NO, "3B", "2", "1", true, true, kArchive, "7年", 0, true},
  {"税務", "確定申告書（写）", "文書", P, NO, "3B", "2", "1", true, true, kArchive, "7年", 0, true},
  {"税務", "納税通知書 出力帳票（控）", "帳票", R, NO, "3B", "2", "1", true, true, kCabinet, "5年", 0, true},
  {"税務", "USBメモリ（暗号化）", "電磁的記録媒体", E, NO, "2", "1", "1", false, false, kCabinet, "1年", 0, false},
  // 市民課
  {"市民", "住民基本台帳データ", "データ", E, MN, "3B", "2", "2", true, true, kCloud, "永年", 4, false},
  {"市民", "戸籍副本データ", "データ", E, MN, "3B", "2", "2", true, false, kServer, "永年", 8, false},
  {"市民", "マイナンバーカード交付記録", "データ", E, MN, "3B", "2", "2", true, true, kServer, "10年", 24, true},
  {"市民", "住民異動届", "文書", P, NO, "3B", "2", "1", true, false, kArchive, "5年", 0, true},
  {"市民", "印鑑登録原票", "文書", P, NO, "3B", "2", "1", true, false, kArchive, "永年", 0, false},
  {"市民", "住民票の写し等 交付請求書", "文書", P, NO, "3C", "1", "1", true, false, kArchive, "3年", 0, true},
  // 保険年金課
  {"保年", "国民健康保険被保険者台帳", "データ", E, MN, "3B", "2", "2", true, true, kCloud, "5年", 24, false},
  {"保年", "国民年金被保険者記録", "データ", E, MN, "3B", "2", "2", true, true, kServer, "永年", 48, false},
  {"保年", "後期高齢者医療 被保険者台帳", "データ", E, MN, "3B", "2", "2", true, true, kCloud, "5年", 48, false},
  {"保年", "高額療養費支給申請書", "文書", P, NO, "3B", "2", "1", true, true, kArchive, "5年", 0, true},
  {"保年", "国保税 賦課一覧表", "帳票", R, NO, "3B", "2", "1", true, true, kCabinet, "5年", 0, true},
  // 環境課
  {"環境", "ごみ収集カレンダー原稿", "データ", E, IN, "1", "1", "1", false, false, kNetFiles, "1年", 0, true},
  {"環境", "浄化槽設置者台帳", "データ", E, LG, "3C", "2", "1", true, false, kFiles, "10年", 0, false},
  // 福祉課
  {"福祉", "生活保護ケース記録", "文書", B, MN, "3B", "2", "2", true, true, kCabinet, "5年", 48, true},
  {"福祉", "障害者手帳交付台帳", "データ", E, MN, "3B", "2", "2", true, true, kCloud, "永年", 24, false},
  {"福祉", "民生委員名簿", "データ", E, LG, "3C", "2", "1", true, false, kFiles, "3年", 0, true},
  {"福祉", "USBメモリ（暗号化）", "電磁的記録媒体", E, NO, "2", "1", "1", false, false, kCabinet, "1年", 0, false},
  // 介護保険課
  {"介護", "介護認定資料（認定調査票）", "文書", R, NO, "3B", "2", "1", true, false, kArchive, "5年", 0, true},
  {"介護", "介護保険受給者台帳", "データ", E, MN, "3B", "2", "2", true, true, kCloud, "5年", 24, false},
  {"介護", "主治医意見書", "文書", P, NO, "3B", "2", "1", true, false, kArchive, "5年", 0, true},
  {"介護", "介護認定審査会 会議録", "文書", B, LG, "3C", "2", "1", true, false, kCabinet, "5年", 0, true},
  // 子育て支援課
  {"子育", "児童手当受給者台帳", "データ", E, MN, "3B", "2", "2", true, true, kCloud, "5年", 24, false},
  {"子育", "保育所入所申込書", "文書", P, NO, "3B", "2", "1", true, true, kArchive, "5年", 0, true},
  {"子育", "子育て支援イベント案内原稿", "データ", E, IN, "1", "1", "1", false, false, kNetFiles, "1年", 0, true},
  // 健康づくり課
  {"健康", "予防接種記録", "データ", E, MN, "3B", "2", "2", true, true, kServer, "5年", 24, false},
  {"健康", "健診結果データ", "データ", E, MN, "3B", "2", "2", true, true, kServer, "5年", 48, true},
  {"健康", "母子健康手帳交付台帳", "文書", R, NO, "3B", "2", "1", true, false, kCabinet, "10年", 0, true},
  // 会計課
  {"会計", "支出命令書", "文書", P, NO, "2", "2", "1", false, false, kArchive, "5年", 0, true},
  {"会計", "口座振替依頼書", "文書", P, NO, "3C", "2", "1", true, false, kArchive, "5年", 0, true},
  {"会計", "公金収納データ", "データ", E, LG, "3C", "2", "2", true, false, kServer, "5年", 24, true},
  // 土木課
  {"土木", "道路台帳", "データ", E, LG, "1", "2", "1", false, false, kFiles, "永年", 0, false},
  {"土木", "工事設計書", "文書", B, LG, "2", "2", "1", false, false, kFiles, "5年", 0, true},
  {"土木", "道路占用許可申請書", "文書", P, NO, "3C", "1", "1", true, false, kArchive, "5年", 0, true},
  // 教育総務課
  {"教総", "教育委員会 会議録", "文書", B, LG, "1", "2", "1", false, false, kFiles, "10年", 0, true},
  {"教総", "教職員名簿", "データ", E, LG, "3C", "2", "1", true, false, kFiles, "1年", 0, true},
  {"教総", "USBメモリ（暗号化）", "電磁的記録媒体", E, NO, "2", "1", "1", false, false, kCabinet, "1年", 0, false},
  // 学校教育課
  {"学教", "学齢簿", "データ", E, LG, "3B", "2", "2", true, false, kServer, "5年", 24, true},
  {"学教", "就学援助申請書", "文書", P, NO, "3B", "2", "1", true, false, kArchive, "5年", 0, true},
  {"学教", "就学援助 認定者一覧", "帳票", R, NO, "3B", "2", "1", true, false, kCabinet, "5年", 0, true},
  // 生涯学習課
  {"生涯", "図書館利用者データ", "データ", E, LG, "3C", "2", "1", true, false, kServer, "5年", 0, false},
  {"生涯", "公民館講座 受講者名簿", "文書", R, NO, "3C", "1", "1", true, false, kCabinet, "1年", 0, true},
  {"生涯", "文化財台帳", "データ", E, LG, "1", "2", "1", false, false, kFiles, "永年", 0, false},
  // 選挙管理委員会事務局
  {"選管", "選挙人名簿", "データ", E, LG, "3B", "2", "2", true, false, kServer, "5年", 24, false},
  {"選管", "期日前投票 宣誓書", "文書", P, NO, "3C", "2", "1", true, false, kArchive, "5年", 0, true},
  // 監査委員事務局
  {"監査", "監査調書", "文書", B, LG, "2", "2", "1", false, false, kFiles, "10年", 0, true},
  {"監査", "住民監査請求書", "文書", P, NO, "3C", "2", "1", true, false, kArchive, "10年", 0, true},
  // 議会事務局
  {"議会", "本会議 会議録", "文書", B, LG, "1", "2", "1", false, false, kFiles, "永年", 0, true},
  {"議会", "請願・陳情文書", "文書", P, NO, "3C", "1", "1", true, false, kArchive, "10年", 0, true},
  {"議会", "議員連絡先一覧", "データ", E, LG, "3C", "1", "1", true, false, kFiles, "1年", 0, true},
  // 消防総務課
  {"消防", "危険物施設台帳", "データ", E, LG, "2", "2", "1", false, false, kFiles, "永年", 0, false},
  {"消防", "消防職員 勤務記録", "データ", E, LG, "3C", "2", "1", true, false, kFiles, "5年", 0, true},
  // 警防課
  {"警防", "消防活動記録", "データ", E, NO, "3C", "2", "2", true, false, "消防庁舎 通信指令室", "5年", 4, true},
  {"警防", "救急活動記録票", "文書", B, NO, "3B", "2", "1", true, false, "消防庁舎 書庫", "5年", 0, true},
  {"警防", "119番通報 録音データ", "データ", E, NO, "3B", "2", "2", true, false, "消防庁舎 通信指令室", "1年", 4, true},
  // 水道課
  {"水道", "水道使用者台帳", "データ", E, LG, "3C", "2", "2", true, false, kServer, "10年", 24, false},
  {"水道", "水道料金調定データ", "データ", E, LG, "3C", "2", "2", true, false, kServer, "5年", 24, true},
  {"水道", "口座振替依頼書（水道料金）", "文書", P, NO, "3C", "2", "1", true, false, "水道庁舎 書庫", "5年", 0, true},
  // 水道工務課
  {"工務", "給水装置工事申込書", "文書", P, NO, "3C", "1", "1", true, false, "水道庁舎 書庫", "5年", 0, true},
  {"工務", "配水管網図", "文書", B, LG, "2", "2", "1", false, false, kFiles, "永年", 0, false},
});
// clang-format on

bool InCloud(std::string_view storage) { return storage == kCloud || storage == kCms; }

// The n-th copy of a template: 令和8年度 課税台帳, 令和7年度 課税台帳 … for
// yearly records, USBメモリ（暗号化） No.2 for media.
std::string VariantName(const AssetTemplate& t, std::size_t copy, int fiscal_year) {
  if (t.yearly && copy < 30) return fmt::format("{} {}", FiscalYearLabel(fiscal_year - static_cast<int>(copy)), t.name);
  if (copy == 0) return std::string(t.name);
  if (t.kind == "電磁的記録媒体") return fmt::format("{} No.{}", t.name, copy + 1);
  return fmt::format("{}（{}）", t.name, copy + 1);
}

}  // namespace

void MakeAssets(Context& ctx, Rng& rng) {
  const auto& depts = Departments();
  const std::size_t n = ctx.options.assets;
  auto& assets = ctx.out.assets;
  assets.reserve(n);
  std::vector<std::size_t> dept_of_template;
  std::vector<std::size_t> repeatable;  // yearly records and media come in many copies
  for (std::size_t i = 0; i < kTemplates.size(); ++i) {
    dept_of_template.push_back(DeptIndexByPrefix(kTemplates[i].dept));
    if (kTemplates[i].yearly || kTemplates[i].kind == "電磁的記録媒体") repeatable.push_back(i);
  }
  std::vector<std::size_t> serial(depts.size(), 0);
  const int fiscal_year = FiscalYear(ctx.as_of);

  for (std::size_t k = 0; k < n; ++k) {
    // Every template once, then the repeatable ones again and again.
    std::size_t index = k, copy = 0;
    if (k >= kTemplates.size()) {
      const std::size_t j = k - kTemplates.size();
      index = repeatable[j % repeatable.size()];
      copy = 1 + j / repeatable.size();
    }
    const auto& t = kTemplates[index];
    const std::size_t d = dept_of_template[index];
    reg::Asset a;
    a.number = fmt::format("{}-{:04d}", t.dept, ++serial[d]);
    a.name = VariantName(t, copy, fiscal_year);
    a.kind = std::string(t.kind);
    a.department = std::string(depts[d].name);
    // 管理者: mostly the 課長 (情報セキュリティ管理者), sometimes a 係長 or 主査.
    static const std::vector<std::size_t> kNobody;
    const auto& members = ctx.staff.by_dept.empty() ? kNobody : ctx.staff.by_dept[d];
    std::size_t manager = ctx.staff.manager.empty() ? kNoPerson : ctx.staff.manager[d];
    if ((manager == kNoPerson || rng.Chance(0.2)) && !members.empty()) {
      const std::size_t pick = members[rng.Below(members.size())];
      if (ctx.out.people[pick].employment == reg::Employment::kRegular) manager = pick;
    }
    if (manager == kNoPerson) manager = ctx.staff.chief != kNoPerson ? ctx.staff.chief : ctx.staff.ciso;
    if (manager != kNoPerson) a.manager = ctx.out.people[manager].number;
    a.tier = t.tier;
    a.confidentiality = std::string(t.c);
    a.integrity = std::string(t.i);
    a.availability = std::string(t.a);
    a.personal_data = t.personal;
    a.specific_personal_data = t.specific;
    a.form = t.form;
    a.storage_place = std::string(t.storage);
    // Locked storage is about rooms and cabinets: not recorded for data that
    // lives in a cloud service, recorded (and kept) for everything else.
    if (!(t.kind == "データ" && InCloud(t.storage))) a.locked_storage = true;
    if (t.form == E || t.form == B) a.backup = t.kind != "電磁的記録媒体" || t.name.starts_with("バックアップ");
    else a.backup = false;
    if (t.a == "2") a.recovery_target_hours = t.rto > 0 ? t.rto : 24;
    a.retention = std::string(t.retention);
    assets.push_back(std::move(a));
  }
}

}  // namespace mamori::demo
