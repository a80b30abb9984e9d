// The rule ids the check module implements. A profile configures each of them
// (clause cited, severity, enabled); an id not listed here is a profile error.
#include <algorithm>

#include "policy/profile.h"

namespace mamori::policy {

const std::vector<KnownRule>& KnownRules() {
  static const std::vector<KnownRule> kRules{
      {"asset.classified", "情報資産が機密性・完全性・可用性で分類されている", "Asset is classified (C/I/A)"},
      {"asset.legacy_level", "従来の機密性区分のままの情報資産（再分類が必要）", "Asset still holds a legacy level"},
      {"asset.manager", "情報資産に管理者が定められている", "Asset has a manager"},
      {"asset.handling.backup", "分類に応じたバックアップ", "Backup required by the class"},
      {"asset.handling.recovery_target", "分類に応じた復旧目標時間", "Recovery target required by the class"},
      {"asset.handling.locked_storage", "媒体の施錠可能な場所への保管", "Media kept in lockable storage"},
      {"asset.my_number_tier", "特定個人情報はマイナンバー利用事務系に置く", "My Number data sits in the My Number tier"},
      {"asset.department_known", "所管課が台帳の所属にある", "Asset's department is known"},
      {"system.tier_allowed", "業務区分に許された系統に置かれている", "System sits in a tier allowed for its category"},
      {"system.category_known", "業務区分がプロファイルにある", "System category is known"},
      {"system.my_number_tier", "個人番号利用事務のシステムはマイナンバー利用事務系に置く", "My Number systems sit in the My Number tier"},
      {"system.my_number_users", "マイナンバー利用事務系の利用者を限定する", "My Number systems used only by permitted staff"},
      {"terminal.my_number_mfa", "マイナンバー利用事務系端末の多要素認証", "MFA on My Number tier terminals"},
      {"terminal.my_number_takeout", "マイナンバー利用事務系端末の情報持ち出し不可設定", "Take-out blocked on My Number terminals"},
      {"my_number.periodic_check", "マイナンバー利用事務の遵守状況の定期点検", "Periodic My Number compliance check"},
      {"net.my_number_isolation", "マイナンバー利用事務系は他の領域と通信しない（許された外部接続を除く）",
       "My Number tier reaches no other tier (allowed connections aside)"},
      {"net.sanitization", "LGWAN 接続系とインターネット接続系の間は無害化通信のみ", "LGWAN ↔ internet only through sanitization"},
      {"net.security_cloud", "インターネットとの通信は自治体情報セキュリティクラウドに集約する",
       "Internet traffic goes through the security cloud"},
      {"net.segments", "セグメントの系統とアドレス範囲に重複・矛盾・未割当がない", "Segments do not overlap or contradict"},
      {"net.references", "通信ルール・中継装置・外部接続の参照先が台帳にある", "Network model references resolve"},
      {"person.staff_category", "任用区分がポリシーの対象（職員等）である", "Person's category is bound by the policy"},
      {"organization.roles", "情報セキュリティの組織体制（役割）が置かれている", "Security roles are assigned"},
      {"audit.performed", "情報セキュリティ監査・自己点検の実施", "Audit / self-inspection performed"},
  };
  return kRules;
}

const KnownRule* FindKnownRule(std::string_view id) {
  const auto& rules = KnownRules();
  auto it = std::find_if(rules.begin(), rules.end(), [id](const KnownRule& r) { return r.id == id; });
  return it == rules.end() ? nullptr : &*it;
}

}  // namespace mamori::policy
