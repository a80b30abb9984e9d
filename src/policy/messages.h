// The policy module's user-facing messages, in one place (Japanese first).
// Format strings take their arguments in the order of the comment.
#pragma once

#include <string_view>

namespace mamori::policy::msg {

// ---- node kinds (used inside other messages) ----
inline constexpr std::string_view kKindNull = "空";
inline constexpr std::string_view kKindScalar = "文字列";
inline constexpr std::string_view kKindSequence = "一覧（- で始まる行）";
inline constexpr std::string_view kKindMap = "対応表（キー: 値）";
inline constexpr std::string_view kKindBool = "true か false";
inline constexpr std::string_view kKindInt = "整数";

// ---- YAML text ----
inline constexpr std::string_view kYamlTooLarge = "ファイルが大きすぎます（{} バイト、上限 {} バイト）";  // size, limit
inline constexpr std::string_view kYamlNotUtf8 = "UTF-8 ではない文字があります（プロファイルは UTF-8 で保存してください）";
inline constexpr std::string_view kYamlControlChar = "使えない制御文字 U+{:04X} があります";  // code
inline constexpr std::string_view kYamlSyntax = "YAML の書き方が正しくありません: {}";  // yaml-cpp's message
inline constexpr std::string_view kYamlTooDeep = "入れ子が深すぎます（上限 {} 段）";  // limit
inline constexpr std::string_view kYamlTooManyNodes = "要素が多すぎます（別名の展開後、上限 {} 個）";  // limit
inline constexpr std::string_view kYamlOneDocument = "1つのファイルに書けるプロファイルは1つだけです（--- で区切られた2つ目の文書があります）";
inline constexpr std::string_view kYamlUnknownAlias = "定義されていない別名（*アンカー）を参照しています";
inline constexpr std::string_view kYamlEmptyKey = "キーが空です";
inline constexpr std::string_view kYamlKeyNotText = "キーは文字列で書いてください";
inline constexpr std::string_view kYamlMissingValue = "キーに値がありません";
inline constexpr std::string_view kYamlDuplicateKey = "キー「{}」が重複しています（最初は {}:{}）";  // key, line, column

// ---- schema ----
inline constexpr std::string_view kUnknownKey = "不明なキー「{}」（{} の中）。「{}」のことですか";  // key, section, nearest
inline constexpr std::string_view kUnknownKeyList = "不明なキー「{}」（{} の中）。使えるキー: {}";  // key, section, keys
inline constexpr std::string_view kWrongType = "「{}」は{}で書いてください（{}が書かれています）";  // path, expected, found
inline constexpr std::string_view kMissingKey = "「{}」がありません";  // path
inline constexpr std::string_view kBadEnum = "「{}」に「{}」は使えません（{} のいずれか）";  // path, value, allowed
inline constexpr std::string_view kDidYouMean = "。「{}」のことですか";  // nearest
inline constexpr std::string_view kBadBool = "「{}」は true か false で書いてください（「{}」）";  // path, value
inline constexpr std::string_view kBadInt = "「{}」は {}〜{} の整数で書いてください（「{}」）";  // path, min, max, value
inline constexpr std::string_view kBadDate = "「{}」の「{}」は日付ではありません: {}";  // path, value, reason
inline constexpr std::string_view kEmptyList = "「{}」が空です（1つ以上書いてください）";  // path
inline constexpr std::string_view kEmptyProfile = "プロファイルが空です";
inline constexpr std::string_view kBadProfileId = "「{}」の「{}」はプロファイル id にできません（英小文字・数字・-・_）";  // path, id
inline constexpr std::string_view kBadDottedId = "「{}」: id「{}」は英小文字・数字・_・. で書いてください";  // path, id
inline constexpr std::string_view kMissingScheme = "classification.schemes に {} がありません（両方の方式を定義してください）";  // scheme
inline constexpr std::string_view kRestrictedNeeds = "mode: restricted_users には「{}」が必要です";  // path

// ---- cross-references ----
inline constexpr std::string_view kUnknownClause = "「{}」の条項「{}」は clauses に定義されていません";  // path, id
inline constexpr std::string_view kUnknownRule = "規則「{}」は点検モジュールにありません";  // id
inline constexpr std::string_view kRuleRemoved = "規則「{}」は null にできません（無効にするには enabled: false）";  // id
inline constexpr std::string_view kRuleMissing = "規則「{}」の設定が checks にありません";  // id
inline constexpr std::string_view kDuplicateLevel = "{}: 区分「{}」が重複しています（{}、{}行目）";  // scheme.axis, name, other code, line
inline constexpr std::string_view kUndefinedLevel = "「{}」の区分コード「{}」は {} に定義されていません";  // path, code, scheme
inline constexpr std::string_view kDuplicateCategory = "業務区分の名前「{}」が重複しています（{} と {}）";  // name, id, id

// ---- files and derivation ----
inline constexpr std::string_view kFileNotFound = "ファイルがありません";
inline constexpr std::string_view kFileUnreadable = "ファイルを読めません（{}）";  // reason
inline constexpr std::string_view kProfileNotFound = "プロファイル「{}」が見つかりません（探した場所: {}）";  // id, dirs
inline constexpr std::string_view kBaseNotFound = "基本プロファイル「{}」が見つかりません（探した場所: {}）";  // id, dirs
inline constexpr std::string_view kBaseCycle = "基本プロファイルが循環しています: {}";  // chain
inline constexpr std::string_view kBaseChainTooLong = "基本プロファイルの継承が深すぎます（上限 {} 段）";  // limit
inline constexpr std::string_view kIdMismatch = "プロファイル「{}」として見つけたファイルの id が「{}」です";  // wanted, found
inline constexpr std::string_view kBaseIdMismatch = "基本プロファイル「{}」のファイルの id が「{}」です";  // wanted, found
inline constexpr std::string_view kErrorsInFile = "プロファイルに {} 件の誤りがあります";  // count
inline constexpr std::string_view kMoreErrors = "ほかに {} 件の誤りがあります（表示を省略）";  // count

// ---- `mamori profile show` (Japanese, English) ----
struct Label {
  std::string_view ja;
  std::string_view en;
  [[nodiscard]] std::string_view Get(bool english) const { return english ? en : ja; }
};
inline constexpr Label kShowProfile{"プロファイル", "Profile"};
inline constexpr Label kShowKind{"団体の種類", "Kind of body"};
inline constexpr Label kShowTitle{"方針", "Policy"};
inline constexpr Label kShowVersion{"版", "Version"};
inline constexpr Label kShowSeed{"原文", "Source text"};
inline constexpr Label kShowBase{"基本プロファイル", "Base profile"};
inline constexpr Label kShowNoBase{"なし（これが基本プロファイル）", "none (this is the base)"};
inline constexpr Label kShowChain{"継承", "derivation"};
inline constexpr Label kShowParent{"上位の方針", "Parent policy"};
inline constexpr Label kShowResolved{"読み込み可", "resolved"};
inline constexpr Label kShowUnresolved{"未解決: プロファイルがありません", "unresolved: profile not present"};
inline constexpr Label kShowAppliesTo{"適用", "applies to"};
inline constexpr Label kShowPreface{"前文・目的", "Preface"};
inline constexpr Label kShowScope{"適用範囲", "Scope"};
inline constexpr Label kShowNetworkOnly{"行政ネットワークに限る", "administrative network only"};
inline constexpr Label kShowAssetScope{"情報資産の範囲", "Assets in scope"};
inline constexpr Label kShowPaper{"紙媒体の情報", "paper information"};
inline constexpr Label kShowDutyDocs{"職務上作成・取得した文書等", "documents made or obtained in duty"};
inline constexpr Label kShowStandalone{"ネットワーク非接続の仕組み", "systems without a network"};
inline constexpr Label kShowAllAssets{"全ての情報資産", "every asset"};
inline constexpr Label kShowStaff{"職員等", "Staff bound"};
inline constexpr Label kShowAlsoBound{"ほかに対象", "also bound"};
inline constexpr Label kShowScheme{"機密性の分類", "Confidentiality scheme"};
inline constexpr Label kShowTierModel{"三層の配置", "Tier model"};
inline constexpr Label kShowInternetTier{"インターネット接続系に置ける業務", "Categories allowed in the internet tier"};
inline constexpr Label kShowMyNumber{"マイナンバー利用事務系の保護", "My Number tier protection"};
inline constexpr Label kShowPermitted{"取扱者", "permitted duties"};
inline constexpr Label kShowCheck{"遵守状況の点検", "compliance check"};
inline constexpr Label kShowDays{"日ごと", "days"};
inline constexpr Label kShowContent{"対象の事務", "content"};
inline constexpr Label kShowSanitization{"無害化通信", "Sanitized directions"};
inline constexpr Label kShowMail{"メールの無害化", "Mail sanitization"};
inline constexpr Label kShowMailLinks{"リンク", "links"};
inline constexpr Label kShowMailAttachments{"添付ファイル", "attachments"};
inline constexpr Label kShowMailEncrypted{"暗号化メール", "encrypted mail"};
inline constexpr Label kShowMailPpap{"パスワード付き圧縮ファイル", "password-protected archives"};
inline constexpr Label kShowMailHold{"保留", "held"};
inline constexpr Label kShowMailPass{"削除して通知", "removed"};
inline constexpr Label kShowMailRetention{"原本の保存期間", "originals kept for"};
inline constexpr Label kShowMailDays{"日", "days"};
inline constexpr Label kShowMailRelease{"解除できる役割", "released by"};
inline constexpr Label kShowInternet{"インターネット接続系", "Internet tier"};
inline constexpr Label kShowAggregator{"集約", "aggregated by"};
inline constexpr Label kShowAudit{"監査・自己点検", "Audit regime"};
inline constexpr Label kShowPeriodic{"定期的", "periodic"};
inline constexpr Label kShowAsNeeded{"必要に応じて", "as needed"};
inline constexpr Label kShowInterval{"間隔", "interval"};
inline constexpr Label kShowReview{"見直し", "Review"};
inline constexpr Label kShowRiskAnalysis{"脅威の分析（リスク検討）を要する", "requires risk analysis"};
inline constexpr Label kShowNoRiskAnalysis{"リスク分析の定めなし", "no risk analysis required"};
inline constexpr Label kShowThreats{"脅威", "Threats"};
inline constexpr Label kShowOpenEnded{"少なくとも次を想定（新たな脅威に対応）", "at least these (new ones added)"};
inline constexpr Label kShowDocuments{"文書", "Documents"};
inline constexpr Label kShowReaders{"閲覧", "readers"};
inline constexpr Label kShowHoldsProcedures{"実施手順を含む", "holds the procedures"};
inline constexpr Label kShowIncident{"インシデント", "Incident"};
inline constexpr Label kShowNoPlan{"計画の名称なし", "no plan named"};
inline constexpr Label kShowViolation{"違反への対応", "Violations"};
inline constexpr Label kShowDisciplinary{"懲戒処分等", "disciplinary action"};
inline constexpr Label kShowLiability{"損害の責任", "liability for damage"};
inline constexpr Label kShowNone{"なし", "none"};
inline constexpr Label kShowRooms{"物理的対策の部屋", "Rooms named"};
inline constexpr Label kShowSocialMedia{"ソーシャルメディア", "Social media clause"};
inline constexpr Label kShowYes{"あり", "yes"};
inline constexpr Label kShowNo{"なし", "no"};
inline constexpr Label kShowCloud{"外部サービスの呼び方", "Cloud named as"};
inline constexpr Label kShowRevisions{"改訂履歴", "Revisions"};
inline constexpr Label kShowInForce{"施行", "in force"};
inline constexpr Label kShowRules{"点検ルール", "Rules"};
inline constexpr Label kShowEnabled{"有効", "on"};
inline constexpr Label kShowDisabled{"無効", "off"};
inline constexpr Label kShowUnverified{"（未確認）", " (unverified)"};
inline constexpr Label kShowNotes{"注記", "Notes"};
inline constexpr Label kShowListSep{"、", ", "};

}  // namespace mamori::policy::msg
