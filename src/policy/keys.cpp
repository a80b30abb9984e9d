#include "policy/keys.h"

#include <array>

#include "register/schema.h"

namespace mamori::policy {
namespace {

constexpr std::array<EnumName, 9> kBodyKinds{{
    {"model", "モデル（ガイドライン）", "Model (guideline)"},
    {"prefecture", "都道府県", "Prefecture"},
    {"city", "市", "City"},
    {"designated_city", "政令指定都市", "Designated city"},
    {"special_ward", "特別区", "Special ward"},
    {"town", "町", "Town"},
    {"village", "村", "Village"},
    {"council", "議会", "Council"},
    {"association", "一部事務組合・広域連合", "Administrative association"},
}};

constexpr std::array<EnumName, 2> kSchemes{{
    {"legacy", "機密性3段階（従来）", "Legacy confidentiality (3/2/1)"},
    {"municipal2024", "自治体機密性（3A/3B/3C/2/1）", "Municipal confidentiality 2024 (3A/3B/3C/2/1)"},
}};

constexpr std::array<EnumName, 3> kAxes{{
    {"confidentiality", "機密性", "Confidentiality"},
    {"integrity", "完全性", "Integrity"},
    {"availability", "可用性", "Availability"},
}};

constexpr std::array<EnumName, 11> kRequirements{{
    {"locked_storage_for_media", "電磁的記録媒体の施錠可能な場所への保管", "Media in lockable storage"},
    {"backup", "バックアップ", "Backup"},
    {"recovery_target", "指定する時間以内の復旧", "Recovery within a set time"},
    {"encryption_in_transit", "送信・運搬・提供時の暗号化等", "Encryption when sent or carried"},
    {"no_private_devices", "支給以外の端末での作業の原則禁止", "No work on devices not issued"},
    {"no_unneeded_copies", "必要以上の複製及び配付禁止", "No copies beyond need"},
    {"restricted_storage", "保管場所の制限", "Restricted storage places"},
    {"irreversible_disposal", "復元不可能な処理を施しての廃棄", "Irreversible disposal"},
    {"trusted_network", "信頼のできるネットワーク回線の選択", "Trusted network lines"},
    {"electronic_signature", "電子署名付与", "Electronic signature"},
    {"outside_processing_rules", "外部で情報処理を行う際の安全管理措置", "Rules for processing outside"},
}};

constexpr std::array<EnumName, 4> kTierModels{{
    {"alpha", "αモデル", "alpha model"},
    {"alpha_prime", "α'モデル", "alpha' model"},
    {"beta", "βモデル", "beta model"},
    {"beta_prime", "β'モデル", "beta' model"},
}};

constexpr std::array<EnumName, 2> kMyNumberModes{{
    {"isolation", "通信の分離・持ち出し不可設定・多要素認証", "Network isolation, take-out block and MFA"},
    {"restricted_users", "取扱者の限定と遵守状況の定期点検", "Restricted users and periodic compliance checks"},
}};

constexpr std::array<EnumName, 2> kDirections{{
    {"internet_to_lgwan", "インターネット接続系→LGWAN接続系", "internet tier → LGWAN tier"},
    {"lgwan_to_internet", "LGWAN接続系→インターネット接続系", "LGWAN tier → internet tier"},
}};

constexpr std::array<EnumName, 2> kMailLinks{{
    {"defang", "無効化して表示（hxxps://example[.]jp）", "Shown defanged (hxxps://example[.]jp)"},
    {"remove", "削除（リンクの文字だけ残す）", "Removed (link text kept)"},
}};

constexpr std::array<EnumName, 2> kMailAttachments{{
    {"remove", "削除して一覧を通知", "Removed and listed"},
    {"hold", "メールごと保留し、解除を待つ", "Whole message held for release"},
}};

constexpr std::array<EnumName, 2> kMailEncrypted{{
    {"hold", "保留し、解除を待つ", "Held for release"},
    {"remove", "暗号化部分を削除", "Encrypted part removed"},
}};

constexpr std::array<EnumName, 2> kMailLanguages{{
    {"ja", "日本語", "Japanese"},
    {"en", "英語", "English"},
}};

constexpr std::array<EnumName, 2> kMailCharsets{{
    {"utf-8", "UTF-8", "UTF-8"},
    {"iso-2022-jp", "ISO-2022-JP（収まらない文字があれば UTF-8）", "ISO-2022-JP (UTF-8 when a character does not fit)"},
}};

constexpr std::array<EnumName, 2> kSecurityClouds{{
    {"required", "自治体情報セキュリティクラウドの導入等", "Municipal security cloud required"},
    {"not_required", "定めなし（監視のみ）", "Not required (monitoring only)"},
}};

constexpr std::array<EnumName, 2> kAuditRegimes{{
    {"audit_and_self_inspection", "情報セキュリティ監査及び自己点検", "Audit and self-inspection"},
    {"audit_or_self_inspection", "情報セキュリティ監査又は自己点検", "Audit or self-inspection"},
}};

constexpr std::array<EnumName, 3> kVisibilities{{
    {"public", "公開", "Public"},
    {"non_public", "非公開", "Non-public"},
    {"not_stated", "定めなし", "Not stated"},
}};

constexpr std::array<EnumName, 3> kSeverities{{
    {"high", "高", "High"},
    {"medium", "中", "Medium"},
    {"low", "低", "Low"},
}};

// The register's enums keep their own tables (register/schema.cpp); these
// copy their keys and labels once.
template <typename E, std::size_t N, typename KeyFn, typename LabelFn>
std::array<EnumName, N> FromRegister(KeyFn key, LabelFn label) {
  std::array<EnumName, N> out{};
  for (std::size_t i = 0; i < N; ++i) {
    const auto e = static_cast<E>(i);
    out[i] = EnumName{key(e), label(e, false), label(e, true)};
  }
  return out;
}

}  // namespace

template <> std::span<const EnumName> Names<BodyKind>() { return kBodyKinds; }
template <> std::span<const EnumName> Names<Scheme>() { return kSchemes; }
template <> std::span<const EnumName> Names<Axis>() { return kAxes; }
template <> std::span<const EnumName> Names<Requirement>() { return kRequirements; }
template <> std::span<const EnumName> Names<TierModel>() { return kTierModels; }
template <> std::span<const EnumName> Names<MyNumberMode>() { return kMyNumberModes; }
template <> std::span<const EnumName> Names<Direction>() { return kDirections; }
template <> std::span<const EnumName> Names<SecurityCloud>() { return kSecurityClouds; }
template <> std::span<const EnumName> Names<MailLinks>() { return kMailLinks; }
template <> std::span<const EnumName> Names<MailAttachments>() { return kMailAttachments; }
template <> std::span<const EnumName> Names<MailEncrypted>() { return kMailEncrypted; }
template <> std::span<const EnumName> Names<MailLanguage>() { return kMailLanguages; }
template <> std::span<const EnumName> Names<MailCharset>() { return kMailCharsets; }
template <> std::span<const EnumName> Names<AuditRegime>() { return kAuditRegimes; }
template <> std::span<const EnumName> Names<Visibility>() { return kVisibilities; }
template <> std::span<const EnumName> Names<Severity>() { return kSeverities; }

template <> std::span<const EnumName> Names<reg::Tier>() {
  static const auto kNames = FromRegister<reg::Tier, 4>(reg::TierKey, reg::TierLabel);
  return kNames;
}
template <> std::span<const EnumName> Names<reg::Role>() {
  static const auto kNames = FromRegister<reg::Role, 8>(reg::RoleKey, reg::RoleLabel);
  return kNames;
}
template <> std::span<const EnumName> Names<reg::Employment>() {
  static const auto kNames = FromRegister<reg::Employment, 8>(reg::EmploymentKey, reg::EmploymentLabel);
  return kNames;
}
template <> std::span<const EnumName> Names<reg::Form>() {
  static const auto kNames = FromRegister<reg::Form, 4>(reg::FormKey, reg::FormLabel);
  return kNames;
}

#define MAMORI_KEY_AND_LABEL(E)                                                            \
  std::string_view Key(E v) { return NameOf(v).key; }                                      \
  std::string_view Label(E v, bool english) { return english ? NameOf(v).en : NameOf(v).ja; }

MAMORI_KEY_AND_LABEL(BodyKind)
MAMORI_KEY_AND_LABEL(Scheme)
MAMORI_KEY_AND_LABEL(Axis)
MAMORI_KEY_AND_LABEL(Requirement)
MAMORI_KEY_AND_LABEL(TierModel)
MAMORI_KEY_AND_LABEL(MyNumberMode)
MAMORI_KEY_AND_LABEL(Direction)
MAMORI_KEY_AND_LABEL(SecurityCloud)
MAMORI_KEY_AND_LABEL(MailLinks)
MAMORI_KEY_AND_LABEL(MailAttachments)
MAMORI_KEY_AND_LABEL(MailEncrypted)
MAMORI_KEY_AND_LABEL(MailLanguage)
MAMORI_KEY_AND_LABEL(MailCharset)
MAMORI_KEY_AND_LABEL(AuditRegime)
MAMORI_KEY_AND_LABEL(Visibility)
MAMORI_KEY_AND_LABEL(Severity)
#undef MAMORI_KEY_AND_LABEL

}  // namespace mamori::policy
