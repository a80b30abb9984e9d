#include "demo/organization.h"

#include <algorithm>
#include <cstdlib>

namespace mamori::demo {
namespace {

constexpr std::string_view kItaku = "株式会社架空情報システム（常駐SE）";
constexpr std::string_view kMadoguchi = "株式会社まちづくりサービス（窓口業務受託）";
constexpr std::string_view kNyuryoku = "架空データ入力株式会社（課税資料入力受託）";

std::vector<DeptSpec> Build() {
  // code, name, organ, head_title, manager_title, prefix, romaji, duties, weight, office,
  // system_admins, system_staff, contractor, my_number_work
  return {
      {"0101", "総務課", "01", "総務部長", "課長", "総務", "SOMU", {"文書管理", "総務"}, 8, "本庁舎3階", 1, 0, {}, false},
      {"0102", "人事課", "01", {}, "課長", "人事", "JINJI", {"人事給与"}, 7, "本庁舎3階", 1, 0, {}, false},
      {"0103", "情報政策課", "01", {}, "課長", "情報", "JOHO", {"情報システム"}, 8, "本庁舎4階", 2, 3, kItaku, false},
      {"0104", "危機管理課", "01", {}, "課長", "危機", "KIKI", {"防災"}, 5, "本庁舎3階", 1, 0, {}, true},
      {"0105", "秘書広報課", "01", {}, "課長", "広報", "KOHO", {"広報", "秘書"}, 5, "本庁舎2階", 0, 1, {}, false},
      {"0106", "財政課", "01", "財務部長", "課長", "財政", "ZAISEI", {"財政", "契約"}, 6, "本庁舎3階", 1, 0, {}, false},
      {"0107", "税務課", "01", {}, "課長", "税務", "ZEIMU", {"税務"}, 16, "本庁舎1階", 1, 1, kNyuryoku, true},
      {"0108", "市民課", "01", "市民部長", "課長", "市民", "SHIMIN", {"住民記録", "戸籍"}, 16, "本庁舎1階", 1, 1, kMadoguchi, true},
      {"0109", "保険年金課", "01", {}, "課長", "保年", "HOKEN", {"社会保障"}, 12, "本庁舎1階", 1, 0, kMadoguchi, true},
      {"0110", "環境課", "01", {}, "課長", "環境", "KANKYO", {"環境"}, 6, "本庁舎4階", 0, 0, {}, false},
      {"0111", "福祉課", "01", "健康福祉部長", "課長", "福祉", "FUKUSHI", {"社会保障"}, 14, "本庁舎2階", 1, 0, {}, true},
      {"0112", "介護保険課", "01", {}, "課長", "介護", "KAIGO", {"社会保障"}, 10, "本庁舎2階", 1, 0, {}, true},
      {"0113", "子育て支援課", "01", {}, "課長", "子育", "KOSODATE", {"社会保障"}, 10, "本庁舎2階", 1, 0, {}, true},
      {"0114", "健康づくり課", "01", {}, "課長", "健康", "KENKO", {"社会保障", "保健"}, 8, "保健センター", 1, 0, {}, true},
      {"0115", "会計課", "01", "会計管理者", "課長", "会計", "KAIKEI", {"会計"}, 5, "本庁舎1階", 0, 0, {}, false},
      {"0116", "土木課", "01", "建設部長", "課長", "土木", "DOBOKU", {"土木"}, 9, "本庁舎4階", 0, 0, {}, false},
      {"0201", "教育総務課", "02", "教育部長", "課長", "教総", "KYOSO", {"教育総務"}, 6, "本庁舎5階", 0, 0, {}, false},
      {"0202", "学校教育課", "02", {}, "課長", "学教", "GAKKYO", {"学校教育"}, 8, "本庁舎5階", 0, 0, {}, false},
      {"0203", "生涯学習課", "02", {}, "課長", "生涯", "SHOGAI", {"生涯学習"}, 6, "中央公民館", 0, 0, {}, false},
      {"0301", "選挙管理委員会事務局", "03", "事務局長", "次長", "選管", "SENKYO", {"選挙"}, 2, "本庁舎5階", 0, 0, {}, false},
      {"0401", "監査委員事務局", "04", "事務局長", "次長", "監査", "KANSA", {"監査"}, 2, "本庁舎5階", 0, 0, {}, false},
      {"0501", "議会事務局", "05", "事務局長", "次長", "議会", "GIKAI", {"議会"}, 3, "議会棟2階", 0, 0, {}, false},
      {"0601", "消防総務課", "06", "消防長", "課長", "消防", "SHOBO", {"消防"}, 6, "消防庁舎2階", 1, 0, {}, false},
      {"0602", "警防課", "06", {}, "課長", "警防", "KEIBO", {"消防", "救急"}, 10, "消防庁舎1階", 0, 0, {}, false},
      {"0701", "水道課", "07", "水道局長", "課長", "水道", "SUIDO", {"水道料金"}, 6, "水道庁舎", 1, 0, {}, false},
      {"0702", "水道工務課", "07", {}, "課長", "工務", "KOMU", {"水道施設"}, 5, "水道庁舎", 0, 0, {}, false},
  };
}

template <typename Key>
std::size_t IndexBy(std::string_view value, Key key) {
  const auto& all = Departments();
  const auto it = std::find_if(all.begin(), all.end(), [&](const DeptSpec& d) { return key(d) == value; });
  if (it == all.end()) std::abort();  // a typo in a catalog of this module
  return static_cast<std::size_t>(it - all.begin());
}

}  // namespace

const std::vector<DeptSpec>& Departments() {
  static const std::vector<DeptSpec> kAll = Build();
  return kAll;
}

std::size_t DeptIndexByPrefix(std::string_view prefix) {
  return IndexBy(prefix, [](const DeptSpec& d) { return d.prefix; });
}
std::size_t DeptIndexByName(std::string_view name) {
  return IndexBy(name, [](const DeptSpec& d) { return d.name; });
}

std::string HeadOfBody(std::string_view body_name) {
  for (std::string_view suffix : {"町", "村", "区"})
    if (body_name.size() >= suffix.size() && body_name.substr(body_name.size() - suffix.size()) == suffix)
      return std::string(suffix) + "長";
  return "市長";
}

std::vector<reg::Organ> MakeOrgans(std::string_view body_name) {
  return {
      {"01", HeadOfBody(body_name) + "部局"},
      {"02", "教育委員会事務局"},
      {"03", "選挙管理委員会事務局"},
      {"04", "監査委員事務局"},
      {"05", "議会事務局"},
      {"06", "消防本部"},
      {"07", "水道局（地方公営企業）"},
  };
}

std::vector<reg::Department> MakeDepartments() {
  std::vector<reg::Department> out;
  for (const auto& d : Departments()) out.push_back({std::string(d.code), std::string(d.name), std::string(d.organ)});
  return out;
}

bool IsMyNumberDuty(std::string_view duty) {
  return duty == "社会保障" || duty == "税務" || duty == "住民記録" || duty == "戸籍" || duty == "防災";
}

}  // namespace mamori::demo
