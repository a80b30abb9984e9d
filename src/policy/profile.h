// A body's information-security policy, compiled from its profile (YAML data
// in profiles/, derived from the guideline base profile). Plain data: the
// check module reads it, nothing here does I/O. Loading lives in loader.h,
// `mamori profile show` output in render.h.
//
// Every difference between bodies is a field here, never a code path: a check
// asks the profile (Rule(), IsStaff(), FindCategory(), sanitization.Requires()
// …) and cites the clause the profile names for it (FindClause()).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "common/wareki.h"
#include "register/model.h"

namespace mamori::policy {

// ---- enumerations (YAML keys in comments) -------------------------------------

enum class BodyKind {
  kModel,           // model: the guideline base profile, not a body
  kPrefecture,      // prefecture: 都道府県
  kCity,            // city: 市
  kDesignatedCity,  // designated_city: 政令指定都市
  kSpecialWard,     // special_ward: 特別区
  kTown,            // town: 町
  kVillage,         // village: 村
  kCouncil,         // council: 議会
  kAssociation,     // association: 一部事務組合・広域連合
};

// Which confidentiality scheme a level code belongs to.
enum class Scheme {
  kLegacy,         // legacy: 機密性3/2/1
  kMunicipal2024,  // municipal2024: 自治体機密性3A/3B/3C/2/1 (guideline R6.10)
};

enum class Axis { kConfidentiality, kIntegrity, kAvailability };

// Machine-checkable handling duties of a classification level (取扱制限).
enum class Requirement {
  kLockedStorageForMedia,   // locked_storage_for_media: 電磁的記録媒体等を施錠可能な場所に保管
  kBackup,                  // backup: バックアップ
  kRecoveryTarget,          // recovery_target: 指定する時間以内の復旧（復旧目標時間）
  kEncryptionInTransit,     // encryption_in_transit: 送信・運搬・提供時の暗号化・パスワード設定
  kNoPrivateDevices,        // no_private_devices: 支給以外の端末での作業の原則禁止
  kNoUnneededCopies,        // no_unneeded_copies: 必要以上の複製・配付の禁止
  kRestrictedStorage,       // restricted_storage: 保管場所の制限
  kIrreversibleDisposal,    // irreversible_disposal: 復元不可能な処理を施しての廃棄
  kTrustedNetwork,          // trusted_network: 信頼のできるネットワーク回線の選択
  kElectronicSignature,     // electronic_signature: 電子署名の付与
  kOutsideProcessingRules,  // outside_processing_rules: 外部で情報処理を行う際の安全管理措置
};

// 三層の対策 placement models of the guideline.
enum class TierModel {
  kAlpha,       // alpha: α
  kAlphaPrime,  // alpha_prime: α'
  kBeta,        // beta: β
  kBetaPrime,   // beta_prime: β'
};

// How the My Number tier (マイナンバー利用事務系) is protected.
enum class MyNumberMode {
  kIsolation,        // isolation: 他の領域との通信をできないようにし、持ち出し不可設定、多要素認証
  kRestrictedUsers,  // restricted_users: 取扱者を限定し、定期的に遵守状況を点検（津山広域事務組合）
};

// 無害化通信 between the LGWAN and internet tiers.
enum class Direction {
  kInternetToLgwan,  // internet_to_lgwan
  kLgwanToInternet,  // lgwan_to_internet
};

// How mail is sanitized (メール本文のテキスト化), sanitization.mail in a profile.
enum class MailLinks { kDefang, kRemove };             // defang, remove
enum class MailAttachments { kRemove, kHold };         // remove, hold
enum class MailEncrypted { kHold, kRemove };           // hold, remove (S/MIME and PGP encrypted mail)
enum class MailLanguage { kJa, kEn };                  // ja, en (the notice at the top of the body)
enum class MailCharset { kUtf8, kIso2022Jp };          // utf-8, iso-2022-jp (when every character fits)

// 自治体情報セキュリティクラウド
enum class SecurityCloud { kRequired, kNotRequired };

enum class AuditRegime {
  kAuditAndSelfInspection,  // audit_and_self_inspection: 監査及び自己点検
  kAuditOrSelfInspection,   // audit_or_self_inspection: 監査又は自己点検（直方市）
};

enum class Visibility {
  kPublic,     // public: 公開
  kNonPublic,  // non_public: 非公開
  kNotStated,  // not_stated: 本文に定めなし
};

enum class Severity { kHigh, kMedium, kLow };

// YAML keys and labels of the enumerations ("municipal2024", "自治体機密性（2024）" …).
std::string_view Key(BodyKind v);
std::string_view Key(Scheme v);
std::string_view Key(Axis v);
std::string_view Key(Requirement v);
std::string_view Key(TierModel v);
std::string_view Key(MyNumberMode v);
std::string_view Key(Direction v);
std::string_view Key(SecurityCloud v);
std::string_view Key(MailLinks v);
std::string_view Key(MailAttachments v);
std::string_view Key(MailEncrypted v);
std::string_view Key(MailLanguage v);
std::string_view Key(MailCharset v);
std::string_view Key(AuditRegime v);
std::string_view Key(Visibility v);
std::string_view Key(Severity v);
std::string_view Label(BodyKind v, bool english = false);
std::string_view Label(Scheme v, bool english = false);
std::string_view Label(Axis v, bool english = false);
std::string_view Label(Requirement v, bool english = false);
std::string_view Label(TierModel v, bool english = false);
std::string_view Label(MyNumberMode v, bool english = false);
std::string_view Label(Direction v, bool english = false);
std::string_view Label(SecurityCloud v, bool english = false);
std::string_view Label(MailLinks v, bool english = false);
std::string_view Label(MailAttachments v, bool english = false);
std::string_view Label(MailEncrypted v, bool english = false);
std::string_view Label(MailLanguage v, bool english = false);
std::string_view Label(MailCharset v, bool english = false);
std::string_view Label(AuditRegime v, bool english = false);
std::string_view Label(Visibility v, bool english = false);
std::string_view Label(Severity v, bool english = false);

// ---- parts of a profile ----------------------------------------------------------

// A provision of the body's policy text. `id` is shared by all bodies
// (measures.resilience.my_number); label and excerpt are the body's own.
struct Clause {
  std::string id;
  std::string label;    // the body's numbering as written: 6(3)①, 第6条第3号① …
  std::string title;    // 情報システム全体の強靱性の向上
  std::string excerpt;  // quoted verbatim from the body's text
  std::string note;
  Location where;       // position of the excerpt in its profile file
};

// A preface or purpose note (直方市: ガバメントクラウド, guideline R7.3).
struct PrefaceNote {
  std::string topic;  // government_cloud, guideline_version, purpose …
  std::string text;
  std::string clause;  // clause id, may be empty
};

struct Parent {
  std::string profile;     // id of the parent profile (小城市議会 → ogi-city)
  std::string applies_to;  // which assets follow the parent's policy
  std::string clause;
  bool resolved = false;   // the parent profile was found in the search path
};

struct Revision {
  Date date;                       // 制定・改正・施行 date
  bool month_only = false;         // written without a day (令和7年3月)
  std::optional<Date> in_force;    // 施行 when it differs from `date`
  std::string kind;                // 制定, 全部改正, 一部改正, 施行, 策定 …
  std::string description;
};

struct Scope {
  std::vector<std::string> organs;  // 行政機関の範囲
  bool network_only = false;        // 美郷町: 適用する範囲は行政ネットワークに限る
  bool all_assets = false;          // 津山: 本組合の全ての情報資産
  // Asset scope: ① networks/systems/media, ② information (printed_documents: printouts of it),
  // ③ system documents are in every profile; the flags below widen it.
  bool printed_documents = true;     // ② これらを印刷した文書を含む
  bool system_documents = true;      // ③ システム関連文書
  bool paper_documents = false;      // 美郷町 紙媒体の情報, 熊本市 ④
  bool duty_documents = false;       // 熊本市 ④ 職務上作成し又は取得した文書等
  bool standalone_systems = false;   // 美郷町: ネットワーク接続をしない機器で情報処理を行う仕組みも同様
  // 職員等 as the text defines it, and persons the scope names beside them
  // (津山: 議会及び監査委員). IsStaff() answers for both.
  std::vector<reg::Employment> staff_categories;
  std::vector<reg::Employment> also_bound;
  std::string organs_clause;
  std::string assets_clause;
  std::string staff_clause;
};

struct Term {
  std::string label;       // ④
  std::string term;        // 特定個人情報
  std::string definition;  // verbatim where the text defines it
};

struct Definitions {
  std::vector<std::string> terms;          // the defined terms of 2 定義
  std::vector<Term> personal_data_terms;   // 熊本市 2(13) ①〜⑲
  std::optional<Term> incident;            // 情報セキュリティインシデント
  std::optional<Term> threat;              // 津山 2(4) 脅威
};

struct Threat {
  std::string id;  // deliberate, accidental, disaster, epidemic, infrastructure
  int number = 0;  // (1)…(5)
  std::string summary;
  std::vector<std::string> examples;  // infrastructure: 電力供給, 通信, 水道供給 …
  std::string clause;
};

struct Threats {
  bool open_ended = false;  // 小城市議会: 少なくとも次を想定し … 新たな脅威に備え
  std::vector<Threat> items;
  std::string clause;
  [[nodiscard]] const Threat* Find(std::string_view id) const;
};

struct Level {
  std::string code;                   // 3A, 3B, 3C, 2, 1 / 3, 2, 1
  std::vector<std::string> aliases;   // 自治体機密性3A, 機密性3A …
  std::string name;                   // 自治体機密性3A
  std::string definition;
  std::vector<std::string> handling;  // 取扱制限 (Japanese text)
  std::vector<Requirement> requirements;  // YAML `requires`: machine-checkable duties
  std::vector<std::string> reclassify_to;  // legacy → candidate codes of the 2024 scheme (a hint, never applied)
  int rank = 0;                       // higher is more sensitive (listed highest first)
  bool unverified = false;
  std::string note;
  Location where;
  [[nodiscard]] bool Requires(Requirement r) const;
};

struct SchemeLevels {
  Scheme scheme = Scheme::kMunicipal2024;
  std::string name;
  std::vector<Level> confidentiality;
  std::vector<Level> integrity;      // the shared integrity levels unless the scheme overrides them
  std::vector<Level> availability;
  std::string note;
  [[nodiscard]] const std::vector<Level>& Levels(Axis axis) const;
};

struct Classification {
  Scheme active = Scheme::kMunicipal2024;  // the scheme the body classifies with now
  std::string active_reason;               // why (from the body's text)
  std::vector<SchemeLevels> schemes;       // both schemes, always
  std::vector<std::string> media_kinds;    // Asset::kind values that are media (電磁的記録媒体, USBメモリ, 紙文書 …)
  std::vector<reg::Form> media_forms;      // forms that are media whatever the kind (paper, printed)
  std::string clause;
  [[nodiscard]] const SchemeLevels* Find(Scheme s) const;
};

struct SystemCategory {
  std::string id;                    // payroll
  std::string name;                  // 人事給与
  std::vector<std::string> aliases;  // 給与, 人事
  std::vector<reg::Tier> tiers;      // allowed tiers
  bool my_number = false;            // belongs to the My Number tier (個人番号利用事務 or 戸籍事務等)
  std::string clause;                // where the body's text places it (may be empty)
  std::string note;
  Location where;
  [[nodiscard]] bool Allows(reg::Tier t) const;
};

struct TierPlacement {
  TierModel model = TierModel::kAlpha;
  bool standalone_allowed = true;  // a stand-alone (tier none) system is acceptable for any category
  std::vector<SystemCategory> categories;
  std::string clause;
  std::string note;
};

struct MyNumberContent {
  std::string duty;                   // 社会保障, 地方税, 防災, 戸籍事務等, 税 …
  std::vector<std::string> subjects;  // whose data: 住民 / 職員等, 議員, 監査委員 (津山)
};

struct MyNumberException {
  std::string name;  // 住基ネット, 中間サーバー …
  std::string note;
  bool unverified = false;
};

struct MyNumber {
  MyNumberMode mode = MyNumberMode::kIsolation;
  bool isolate_network = true;         // 他の領域との通信をできないようにする
  bool require_mfa = true;             // 端末への多要素認証
  bool require_takeout_block = true;   // 端末からの情報持ち出し不可設定
  std::vector<std::string> permitted_duties;  // restricted_users: Person::duties allowed to use My Number systems
  std::vector<std::string> check_kinds;       // Inspection::kind of the periodic compliance check
  std::optional<int> check_interval_days;     // "定期的" as a number of days (editable)
  bool check_as_needed = false;               // 必要に応じて
  std::vector<MyNumberContent> content;       // what the tier holds
  std::vector<MyNumberException> exceptions;  // named exceptions to isolation
  std::string clause;
  std::string definition_clause;
  std::string note;
};

struct SanitizationMethod {
  std::string id;    // mail_text, screen_transfer, file_sanitization
  std::string name;  // インターネットメール本文のテキスト化 …
};

// 無害化通信 (sanitized communication between the LGWAN and internet tiers).
struct MailSanitization {
  MailLinks links = MailLinks::kDefang;
  MailAttachments attachments = MailAttachments::kRemove;  // hold: the whole message waits for release
  MailEncrypted encrypted = MailEncrypted::kHold;
  bool hold_password_archives = true;   // PPAP: password-protected archives wait for release
  MailLanguage notice_language = MailLanguage::kJa;
  MailCharset output_charset = MailCharset::kUtf8;
  std::int64_t max_message_bytes = 25LL * 1024 * 1024;
  int max_parts = 500;
  int max_depth = 16;
  int max_header_bytes = 64 * 1024;
  int retention_days = 90;                // how long the original stays in quarantine
  std::vector<reg::Role> release_roles;   // who may release or delete (default: CISO, 統括, 管理者)
};

struct Sanitization {
  std::vector<Direction> directions;
  std::vector<SanitizationMethod> methods;
  std::string clause;
  MailSanitization mail;
  [[nodiscard]] bool Requires(Direction d) const;
};

struct Internet {
  bool monitoring = true;                              // 不正通信の監視機能の強化
  SecurityCloud security_cloud = SecurityCloud::kRequired;
  std::string aggregator;                              // 都道府県及び市区町村 / 熊本県及び本市
  std::string clause;
};

// A kind of external connection (LGWAN, 住基ネット, 中間サーバー …) and the
// tiers the body's policy lets reach it: the My Number tier's named
// exceptions to isolation are the kinds listing my_number.
struct ConnectionKind {
  std::string id;  // lgwan, internet, juki_net, intermediate_server, eltax, mynaportal, gov_cloud …
  std::string name;
  std::vector<std::string> aliases;
  std::vector<reg::Tier> tiers;  // tiers allowed to communicate with it
  bool internet = false;         // this kind is the internet itself (aggregation and sanitization apply)
  std::string clause;
  std::string note;
  bool unverified = false;
  Location where;
};

struct NetworkPolicy {
  std::vector<ConnectionKind> connections;
  std::string clause;
  // By id, name or alias (width and case folded); nullptr when unknown.
  [[nodiscard]] const ConnectionKind* Find(std::string_view text) const;
};

struct MeasureGroup {
  std::string id;  // organization, classification, resilience, physical, human, technical, operation, outsourcing, evaluation
  int number = 0;  // 6(n)
  std::string title;
  std::string clause;
};

struct Measures {
  std::vector<MeasureGroup> groups;
  std::vector<std::string> physical_rooms;  // 情報システム室 / 重要機能室
  bool social_media = true;                 // ソーシャルメディアサービスごとの責任者
  std::string cloud_term;                   // 外部サービス（クラウドサービス） / 外部サービス
  [[nodiscard]] const MeasureGroup* Find(std::string_view id) const;
};

struct Audit {
  AuditRegime regime = AuditRegime::kAuditAndSelfInspection;
  bool periodic = true;
  bool as_needed = true;
  std::vector<std::string> audit_kinds;            // Inspection::kind that count as audit
  std::vector<std::string> self_inspection_kinds;  // … as self-inspection
  int interval_days = 365;
  std::string clause;
  [[nodiscard]] bool IsAuditKind(std::string_view kind) const;           // FoldKey match
  [[nodiscard]] bool IsSelfInspectionKind(std::string_view kind) const;
};

struct Review {
  bool requires_risk_analysis = false;  // 脅威の発生の可能性及び発生時の損失等を分析
  std::string clause;
};

struct Document {
  std::string id;  // basic_policy, standards, procedures
  std::string title;
  Visibility visibility = Visibility::kNotStated;
  std::vector<reg::Role> readers;  // who may see it when not public
  bool holds_procedures = false;   // 美郷町: the standards hold the procedures
  std::string clause;
  std::string note;
  // True when the document may be shown to `role` (std::nullopt: anonymous / the public).
  [[nodiscard]] bool CanRead(std::optional<reg::Role> role) const;
};

struct IncidentPlan {
  std::string name;  // 緊急時対応計画, 情報セキュリティインシデント対応マニュアル
  std::string covers;
  std::string clause;
};

struct Incident {
  std::vector<IncidentPlan> plans;  // none named → empty
  std::string clause;
};

struct Violation {
  bool disciplinary = false;  // 懲戒処分等の対象
  bool liability = false;     // 損害等について責任
  std::string clause;
};

struct RuleSetting {
  std::string id;      // asset.classified …
  std::string clause;  // the clause the finding cites
  std::vector<std::string> see_also;
  Severity severity = Severity::kMedium;
  bool enabled = true;
  std::string note;
  Location where;
};

struct SourceNote {
  std::string text;
  bool unverified = false;
};

// ---- the compiled profile --------------------------------------------------------

class Profile {
 public:
  int format = 1;
  std::string id;                    // nogata
  std::string base;                  // guideline (empty for the root)
  std::vector<std::string> chain;    // this id, its base, the base's base …
  std::vector<std::string> files;    // the files merged, root last
  std::string name_ja;               // 直方市
  std::string name_en;               // Nogata City
  BodyKind kind = BodyKind::kModel;
  std::string title;                 // 直方市情報セキュリティポリシー
  std::string seed_file;             // 000_ebb3bf4452a36f8b.txt
  std::string form;                  // what the text is (基本方針, 規則 …)
  std::string version;               // the text's version as written (令和8年4月1日施行)
  std::optional<Parent> parent;
  std::vector<PrefaceNote> preface;
  std::vector<Revision> revisions;   // oldest first
  std::vector<Clause> clauses;
  Scope scope;
  Definitions definitions;
  Threats threats;
  Classification classification;
  TierPlacement tiers;
  MyNumber my_number;
  Sanitization sanitization;
  Internet internet;
  NetworkPolicy network;
  Measures measures;
  Audit audit;
  Review review;
  std::vector<Document> documents;
  Incident incident;
  std::optional<Violation> violation;
  std::vector<RuleSetting> rules;
  std::vector<SourceNote> notes;

  [[nodiscard]] const Clause* FindClause(std::string_view clause_id) const;
  // nullptr for an id the profile does not configure (validation makes every
  // known rule configured, so this means a rule id the module does not know).
  [[nodiscard]] const RuleSetting* Rule(std::string_view rule_id) const;
  [[nodiscard]] bool RuleEnabled(std::string_view rule_id) const;

  // Levels of the ACTIVE scheme, matched by code or alias after FoldKey
  // ("３Ａ", "3a" and "自治体機密性3A" find 3A). nullptr when the code is not a level of it.
  [[nodiscard]] const Level* ConfidentialityLevel(std::string_view code) const;
  [[nodiscard]] const Level* IntegrityLevel(std::string_view code) const;
  [[nodiscard]] const Level* AvailabilityLevel(std::string_view code) const;
  [[nodiscard]] const Level* FindLevel(Axis axis, std::string_view code) const;
  // A code valid in another scheme but not in the active one (legacy 機密性3
  // under the 2024 scheme): to be shown for reclassification, never mapped.
  [[nodiscard]] bool IsLegacyConfidentiality(std::string_view code) const;
  [[nodiscard]] bool IsLegacyIntegrity(std::string_view code) const;
  [[nodiscard]] bool IsLegacyAvailability(std::string_view code) const;
  [[nodiscard]] bool IsLegacy(Axis axis, std::string_view code) const;
  // The level of any scheme (for showing what a legacy code meant).
  [[nodiscard]] const Level* FindLevelInScheme(Scheme scheme, Axis axis, std::string_view code) const;
  [[nodiscard]] const SchemeLevels* ActiveScheme() const;
  // Every code of every scheme and axis (for import validation), without duplicates.
  [[nodiscard]] std::vector<std::string> AllLevelCodes() const;
  [[nodiscard]] std::vector<std::string> AllLevelCodes(Axis axis) const;

  // By id, name or alias (FoldKey): "人事給与", "給与" and "payroll" find the same category.
  [[nodiscard]] const SystemCategory* FindCategory(std::string_view name_or_alias) const;

  // The policy binds a person of this category (職員等, or named beside them in the scope).
  [[nodiscard]] bool IsStaff(reg::Employment e) const;
  // Asset::kind names a medium to be kept in lockable places (FoldKey match).
  [[nodiscard]] bool MediaKind(std::string_view asset_kind) const;
  [[nodiscard]] bool MediaForm(reg::Form asset_form) const;

  [[nodiscard]] const Document* FindDocument(std::string_view doc_id) const;
};

// What `mamori profile list` shows.
struct ProfileSummary {
  std::string id;
  std::string name_ja;
  std::string name_en;
  std::string base;
  std::string file;
  std::string error;  // non-empty when the file does not load
};

// The rule ids the check module implements, in display order.
struct KnownRule {
  std::string_view id;
  std::string_view title_ja;
  std::string_view title_en;
};
const std::vector<KnownRule>& KnownRules();
const KnownRule* FindKnownRule(std::string_view id);

}  // namespace mamori::policy
