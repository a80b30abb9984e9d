#include "check/messages.h"

#include <array>

namespace mamori::check {
namespace {

struct Entry {
  std::string_view id;
  std::string_view ja;
  std::string_view en;
};

constexpr std::array kCatalogue{
    Entry{"asset.classified.pass", "機密性・完全性・可用性が分類されています（{c}／{i}／{a}）",
          "Classified for confidentiality, integrity and availability ({c}/{i}/{a})"},
    Entry{"asset.classified.missing", "{axes}が分類されていません", "Not classified for {axes}"},
    Entry{"asset.classified.invalid", "{axis}の区分「{code}」は{scheme}にありません",
          "{axis} level \"{code}\" is not a level of the {scheme}"},
    Entry{"asset.legacy_level.fail",
          "機密性が旧区分「{code}」のままです。{scheme}の {candidates} のいずれかに再分類してください（自動では読み替えません）",
          "Confidentiality is still the legacy level \"{code}\": reclassify it to one of {candidates} of the {scheme} "
          "(never mapped automatically)"},
    Entry{"asset.legacy_level.pass", "機密性「{code}」は{scheme}の区分です", "Confidentiality \"{code}\" is a level of the {scheme}"},
    Entry{"asset.manager.fail", "管理者が定められていません", "No manager is assigned"},
    Entry{"asset.manager.pass", "管理者: {manager}", "Manager: {manager}"},
    Entry{"asset.handling.unclassified", "分類が未設定のため取扱いを判定できません",
          "Handling cannot be judged: the asset is not classified"},
    Entry{"asset.handling.backup.fail", "{levels}の取扱いとしてバックアップが必要ですが、バックアップがありません",
          "{levels} requires a backup, and there is none"},
    Entry{"asset.handling.backup.unknown", "{levels}の取扱いとしてバックアップが必要ですが、有無が記録されていません",
          "{levels} requires a backup; whether there is one is not recorded"},
    Entry{"asset.handling.backup.pass", "{levels}の取扱い: バックアップあり", "{levels}: backed up"},
    Entry{"asset.handling.recovery_target.fail", "{levels}の取扱いとして復旧目標時間が必要ですが、定められていません",
          "{levels} requires a recovery target time, and none is set"},
    Entry{"asset.handling.recovery_target.pass", "{levels}の取扱い: 復旧目標時間 {hours}時間",
          "{levels}: recovery target {hours} h"},
    Entry{"asset.handling.locked_storage.fail",
          "{levels}の媒体（{kind}）は施錠できる場所に保管する必要がありますが、施錠保管されていません（保管場所: {place}）",
          "{levels} media ({kind}) must be kept in a lockable place, and are not locked (stored at: {place})"},
    Entry{"asset.handling.locked_storage.unknown", "{levels}の媒体（{kind}）ですが、施錠保管の有無が記録されていません",
          "{levels} media ({kind}): whether they are locked away is not recorded"},
    Entry{"asset.handling.locked_storage.pass", "{levels}の媒体（{kind}）: 施錠保管", "{levels} media ({kind}): locked away"},
    Entry{"asset.my_number_tier.fail", "特定個人情報を含む電子データが{tier}にあります。マイナンバー利用事務系に置く必要があります",
          "Electronic data holding specific personal information (My Number) is in the {tier}; it belongs in the My Number tier"},
    Entry{"asset.my_number_tier.unknown", "特定個人情報を含みますが、系統が記録されていません",
          "Holds specific personal information, but its tier is not recorded"},
    Entry{"asset.my_number_tier.pass", "特定個人情報: マイナンバー利用事務系", "Specific personal information: in the My Number tier"},
    Entry{"asset.department_known.fail", "所管課「{department}」は所属の登録にありません",
          "Department \"{department}\" is not in the register of departments"},
    Entry{"asset.department_known.empty", "所管課が記入されていません", "No department is recorded"},
    Entry{"asset.department_known.unknown", "所属が一件も登録されていないため確かめられません",
          "No departments are registered, so the department cannot be verified"},
    Entry{"asset.department_known.pass", "所管課: {department}", "Department: {department}"},
    Entry{"system.category_known.fail", "業務区分「{category}」はこのプロファイルの区分にありません（配置を判定できません）",
          "Business category \"{category}\" is not one of the profile's categories (placement cannot be judged)"},
    Entry{"system.category_known.empty", "業務区分が記入されていません", "No business category is recorded"},
    Entry{"system.category_known.pass", "業務区分: {category}", "Business category: {category}"},
    Entry{"system.tier_allowed.fail", "{category}のシステムは{model}では{allowed}に置くものですが、{tier}にあります",
          "Under {model}, {category} systems belong in {allowed}, and this one is in the {tier}"},
    Entry{"system.tier_allowed.pass", "{category}のシステムは{model}で{tier}に置けます",
          "Under {model}, {category} systems may be in the {tier}"},
    Entry{"system.tier_allowed.unknown", "系統が記録されていません", "The tier is not recorded"},
    Entry{"system.my_number_tier.fail", "個人番号を取り扱うシステムが{tier}にあります。マイナンバー利用事務系に置く必要があります",
          "A system that handles My Number is in the {tier}; it belongs in the My Number tier"},
    Entry{"system.my_number_tier.unknown", "個人番号を取り扱うシステムですが、系統が記録されていません",
          "The system handles My Number, but its tier is not recorded"},
    Entry{"system.my_number_tier.pass", "個人番号を取り扱うシステム: マイナンバー利用事務系",
          "Handles My Number: in the My Number tier"},
    Entry{"system.my_number_users.unregistered", "利用者「{user}」は人員の登録にありません",
          "User \"{user}\" is not in the register of people"},
    Entry{"system.my_number_users.duty", "利用者「{user}」（{name}）の担当事務（{duties}）は {permitted} の事務ではありません",
          "User \"{user}\" ({name}) has duties ({duties}) outside {permitted}"},
    Entry{"system.my_number_users.unknown", "マイナンバー利用事務系のシステムですが、利用者が登録されていません",
          "A My Number system with no users recorded"},
    Entry{"system.my_number_users.pass", "利用者 {count} 名はすべて {permitted} の事務担当者です",
          "All {count} users work on {permitted}"},
    Entry{"terminal.my_number_mfa.fail", "マイナンバー利用事務系の端末に多要素認証が導入されていません",
          "A My Number tier terminal without multi-factor authentication"},
    Entry{"terminal.my_number_mfa.unknown", "マイナンバー利用事務系の端末ですが、多要素認証の有無が記録されていません",
          "A My Number tier terminal; whether it has multi-factor authentication is not recorded"},
    Entry{"terminal.my_number_mfa.pass", "多要素認証: あり", "Multi-factor authentication: yes"},
    Entry{"terminal.my_number_takeout.fail", "マイナンバー利用事務系の端末に情報持ち出し不可設定がされていません",
          "A My Number tier terminal from which information can be taken out"},
    Entry{"terminal.my_number_takeout.unknown",
          "マイナンバー利用事務系の端末ですが、持ち出し不可設定の有無が記録されていません",
          "A My Number tier terminal; whether take-out is blocked is not recorded"},
    Entry{"terminal.my_number_takeout.pass", "情報持ち出し不可設定: あり", "Take-out blocked: yes"},
    Entry{"my_number.periodic_check.none", "{kinds}の記録がありません", "No {kinds} on record"},
    Entry{"my_number.periodic_check.old", "最後の{kinds}は{date}（{days}日前）で、{interval}日の周期を過ぎています",
          "The last {kinds} was on {date} ({days} days ago), past the {interval}-day cycle"},
    Entry{"my_number.periodic_check.pass", "最後の{kinds}: {date}（{days}日前）", "Last {kinds}: {date} ({days} days ago)"},
    Entry{"person.staff_category.fail",
          "{employment}は{body}のポリシーが定める職員等に含まれません。遵守させるには契約等で定める必要があります",
          "{employment} is not among the staff bound by the policy of {body}; bind them by contract"},
    Entry{"person.staff_category.unknown", "任用区分が記録されていません", "Employment category not recorded"},
    Entry{"person.staff_category.pass", "{employment}: 職員等として遵守義務を負います", "{employment}: bound as staff"},
    Entry{"organization.roles.missing", "{role}が指名されていません", "No {role} is designated"},
    Entry{"organization.roles.pass", "{role}: {names}", "{role}: {names}"},
    Entry{"organization.roles.no_manager", "所属「{department}」に情報セキュリティ管理者がいません",
          "Department \"{department}\" has no information security manager"},
    Entry{"organization.roles.manager", "情報セキュリティ管理者: {names}", "Information security manager: {names}"},
    Entry{"organization.roles.unknown", "人員が一件も登録されていないため確かめられません",
          "No people are registered, so the organization cannot be verified"},
    Entry{"audit.performed.missing", "直近{interval}日以内に{kind}の記録がありません",
          "No {kind} on record within the last {interval} days"},
    Entry{"audit.performed.either_missing", "直近{interval}日以内に情報セキュリティ監査又は自己点検の記録がありません",
          "No audit or self-inspection on record within the last {interval} days"},
    Entry{"audit.performed.pass", "{kind}: {date}（{number}）", "{kind}: {date} ({number})"},
    Entry{"net.not_described",
          "ネットワーク（セグメント・中継装置・外部接続・通信ルール）が台帳に記述されていないため、三層の分離を確かめられません",
          "The network (segments, gateways, connections, flow rules) is not described in the register, so the three-tier "
          "separation cannot be verified"},
    Entry{"net.no_flows", "通信ルールが一件も登録されていないため、三層の分離を確かめられません",
          "No flow rules are registered, so the three-tier separation cannot be verified"},
    Entry{"net.breach", "{detail}。例: {example}、経路: {path}、許可: {rules}",
          "{detail}. Example: {example}; path: {path}; permitted by {rules}"},
    Entry{"net.breach.more", "（ほかに {count} 組の送信元と宛先の間でも同じです）",
          " (and the same between {count} more source and destination pairs)"},
    Entry{"net.my_number_isolation.pass", "この規則が許す通信（{what}）はマイナンバー利用事務系の分離を破りません",
          "What this rule permits ({what}) keeps the My Number tier isolated"},
    Entry{"net.sanitization.pass", "この規則が許す通信（{what}）は LGWAN 接続系とインターネット接続系を無害化なしに結びません",
          "What this rule permits ({what}) does not join the LGWAN and internet tiers without sanitization"},
    Entry{"net.security_cloud.pass",
          "この規則が許す通信（{what}）は自治体情報セキュリティクラウドを経ずにインターネットと通信しません",
          "What this rule permits ({what}) reaches the internet only through the security cloud, if at all"},
    Entry{"net.within_one_node", "同じセグメントの中だけ", "within one segment only"},
    Entry{"net.segments.pass", "{tier}、アドレス範囲 {addresses}: 重なり・矛盾はありません",
          "{tier}, addresses {addresses}: no overlap or contradiction"},
    Entry{"net.references.pass", "参照先は台帳にあります", "Its references are in the register"},
    Entry{"net.references.flow_pass", "送信元 {sources} → 宛先 {destinations}: 参照先は台帳にあり、読めます",
          "Sources {sources} → destinations {destinations}: references resolve and read"},
    Entry{"axis.confidentiality", "機密性", "confidentiality"},
    Entry{"axis.integrity", "完全性", "integrity"},
    Entry{"axis.availability", "可用性", "availability"},
    Entry{"kind.audit", "情報セキュリティ監査", "information security audit"},
    Entry{"kind.self_inspection", "自己点検", "self-inspection"},
    Entry{"list.separator", "・", ", "},
    Entry{"value.not_recorded", "未記録", "not recorded"},
};

}  // namespace

std::string_view MessageTemplate(std::string_view id, bool english) {
  for (const auto& e : kCatalogue)
    if (e.id == id) return english ? e.en : e.ja;
  return id;
}

bool HasMessage(std::string_view id) {
  for (const auto& e : kCatalogue)
    if (e.id == id) return true;
  return false;
}

}  // namespace mamori::check
