#include "register/schema.h"

#include <charconv>

#include <fmt/format.h>

#include "common/text.h"

namespace mamori::reg {
namespace {

// ---- enum labels ------------------------------------------------------------

const std::array<EnumLabel, 4> kTierLabels{{
    {"my_number", "マイナンバー利用事務系", "My Number tier",
     {"個人番号利用事務系", "マイナンバー系", "マイナンバー利用事務系（個人番号利用事務系）", "個人番号系", "mynumber"}},
    {"lgwan", "LGWAN接続系", "LGWAN tier", {"LGWAN系", "LGWAN", "LGWAN接続"}},
    {"internet", "インターネット接続系", "Internet tier", {"インターネット系", "インターネット", "ネット系"}},
    {"none", "ネットワーク非接続", "Stand-alone", {"スタンドアロン", "非接続", "なし", "standalone", "オフライン"}},
}};

const std::array<EnumLabel, 8> kRoleLabels{{
    {"ciso", "最高情報セキュリティ責任者", "CISO", {"CISO", "最高情報セキュリティ責任者（CISO）"}},
    {"chief_officer", "統括情報セキュリティ責任者", "Chief information security officer", {"統括責任者"}},
    {"officer", "情報セキュリティ責任者", "Information security officer", {"セキュリティ責任者"}},
    {"manager", "情報セキュリティ管理者", "Information security manager", {"セキュリティ管理者"}},
    {"system_admin", "情報システム管理者", "Information system administrator", {"システム管理者"}},
    {"system_staff", "情報システム担当者", "Information system staff", {"システム担当者"}},
    {"staff", "職員等", "Staff", {"一般職員", "職員"}},
    {"auditor", "情報セキュリティ監査人", "Auditor", {"監査人", "監査担当者", "監査"}},
}};

const std::array<EnumLabel, 8> kEmploymentLabels{{
    {"regular", "職員", "Regular staff", {"正職員", "常勤職員", "一般職"}},
    {"reappointed", "再任用職員", "Re-appointed staff", {"再任用"}},
    {"fiscal_year", "会計年度任用職員", "Fiscal-year appointee", {"会計年度任用", "会計年度職員"}},
    {"temporary", "臨時職員", "Temporary staff", {"臨時的任用職員", "臨時的任用", "臨時"}},
    {"part_time", "非常勤職員", "Part-time staff", {"非常勤", "非常勤特別職"}},
    {"contractor", "委託事業者等要員", "Contractor's staff", {"委託事業者要員", "委託事業者", "委託先", "派遣", "外部委託"}},
    {"councillor", "議員", "Councillor", {"議会議員"}},
    {"audit_commissioner", "監査委員", "Audit commissioner", {}},
}};

const std::array<EnumLabel, 4> kFormLabels{{
    {"electronic", "電子", "Electronic", {"電磁的記録", "電子データ", "データ", "電子媒体"}},
    {"printed", "印刷物", "Printout", {"出力帳票", "帳票", "印刷"}},
    {"paper", "紙", "Paper", {"紙媒体", "紙文書", "書面"}},
    {"both", "電子・紙", "Electronic and paper", {"電子及び紙", "電子/紙", "両方", "電子＋紙"}},
}};

const std::array<EnumLabel, 6> kGatewayKindLabels{{
    {"sanitization", "無害化装置", "Sanitization gateway",
     {"無害化", "無害化通信", "メール無害化", "ファイル無害化", "画面転送", "分離装置"}},
    {"security_cloud", "自治体情報セキュリティクラウド", "Security cloud",
     {"セキュリティクラウド", "情報セキュリティクラウド", "自治体セキュリティクラウド"}},
    {"proxy", "プロキシ", "Proxy", {"プロキシサーバ", "プロキシサーバー", "中継サーバ"}},
    {"dedicated_line", "専用回線", "Dedicated line", {"専用線", "閉域網", "閉域接続", "専用回線終端"}},
    {"firewall", "ファイアウォール", "Firewall", {"FW", "ルータ", "ルーター", "UTM", "L3スイッチ"}},
    {"other", "その他", "Other", {}},
}};

const std::array<EnumLabel, 2> kRuleActionLabels{{
    {"allow", "許可", "Allow", {"accept", "permit", "pass", "通過", "可"}},
    {"deny", "拒否", "Deny", {"drop", "reject", "block", "遮断", "破棄", "不可"}},
}};

template <typename E, std::size_t N>
std::string_view KeyOf(const std::array<EnumLabel, N>& labels, E e) {
  return labels[static_cast<std::size_t>(e)].key;
}

template <typename E, std::size_t N>
Result<E> EnumFrom(const std::array<EnumLabel, N>& labels, std::string_view text, std::string_view what) {
  // Stored values are keys and exported ones labels: match those exactly first.
  for (std::size_t i = 0; i < N; ++i)
    if (text == labels[i].key || text == labels[i].ja) return static_cast<E>(i);
  const std::string key = text::FoldKey(text);
  for (std::size_t i = 0; i < N; ++i) {
    const auto& l = labels[i];
    if (key == text::FoldKey(l.key) || key == text::FoldKey(l.ja) || key == text::FoldKey(l.en))
      return static_cast<E>(i);
    for (auto alias : l.aliases)
      if (key == text::FoldKey(alias)) return static_cast<E>(i);
  }
  std::string allowed;
  for (const auto& l : labels) allowed += fmt::format("{}{}", allowed.empty() ? "" : "、", l.ja);
  return Fail(ErrorCode::kInvalidArgument, fmt::format("{}「{}」は使えません（{} のいずれか）", what, text, allowed));
}

// ---- member <-> Value ---------------------------------------------------------

Value ToValue(const std::string& s) { return s.empty() ? Value{} : Value{s}; }
Value ToValue(const std::optional<bool>& b) { return b ? Value{std::int64_t{*b ? 1 : 0}} : Value{}; }
Value ToValue(const std::optional<std::int64_t>& n) { return n ? Value{*n} : Value{}; }
Value ToValue(const std::vector<std::string>& v) { return v.empty() ? Value{} : Value{v}; }
Value ToValue(const std::optional<Date>& d) { return d ? Value{d->Iso()} : Value{}; }
Value ToValue(const std::optional<Tier>& e) { return e ? Value{std::string(KeyOf(kTierLabels, *e))} : Value{}; }
Value ToValue(const std::optional<Role>& e) { return e ? Value{std::string(KeyOf(kRoleLabels, *e))} : Value{}; }
Value ToValue(const std::optional<Employment>& e) {
  return e ? Value{std::string(KeyOf(kEmploymentLabels, *e))} : Value{};
}
Value ToValue(const std::optional<Form>& e) { return e ? Value{std::string(KeyOf(kFormLabels, *e))} : Value{}; }
Value ToValue(const std::optional<GatewayKind>& e) {
  return e ? Value{std::string(KeyOf(kGatewayKindLabels, *e))} : Value{};
}
Value ToValue(const std::optional<RuleAction>& e) {
  return e ? Value{std::string(KeyOf(kRuleActionLabels, *e))} : Value{};
}

Error TypeError(std::string_view expected) {
  return Error(ErrorCode::kInternal, fmt::format("値の型が違います（{} が必要）", expected));
}

Result<void> FromValue(Value&& v, std::string& out) {
  if (std::holds_alternative<std::monostate>(v)) { out.clear(); return {}; }
  if (auto* s = std::get_if<std::string>(&v)) { out = std::move(*s); return {}; }
  if (const auto* n = std::get_if<std::int64_t>(&v)) { out = std::to_string(*n); return {}; }
  return Fail(TypeError("文字列"));
}
Result<void> FromValue(Value&& v, std::optional<bool>& out) {
  if (std::holds_alternative<std::monostate>(v)) { out.reset(); return {}; }
  if (const auto* n = std::get_if<std::int64_t>(&v)) { out = *n != 0; return {}; }
  return Fail(TypeError("真偽値"));
}
Result<void> FromValue(Value&& v, std::optional<std::int64_t>& out) {
  if (std::holds_alternative<std::monostate>(v)) { out.reset(); return {}; }
  if (const auto* n = std::get_if<std::int64_t>(&v)) { out = *n; return {}; }
  return Fail(TypeError("整数"));
}
Result<void> FromValue(Value&& v, std::vector<std::string>& out) {
  if (std::holds_alternative<std::monostate>(v)) { out.clear(); return {}; }
  if (auto* l = std::get_if<std::vector<std::string>>(&v)) { out = std::move(*l); return {}; }
  if (const auto* s = std::get_if<std::string>(&v)) { out = {*s}; return {}; }
  return Fail(TypeError("一覧"));
}
Result<void> FromValue(Value&& v, std::optional<Date>& out) {
  if (std::holds_alternative<std::monostate>(v)) { out.reset(); return {}; }
  if (const auto* s = std::get_if<std::string>(&v)) {
    auto d = ParseDate(*s);
    if (!d) return Fail(d.error());
    out = *d;
    return {};
  }
  return Fail(TypeError("日付"));
}
template <typename E, std::size_t N>
Result<void> EnumFromValue(const Value& v, std::optional<E>& out, const std::array<EnumLabel, N>& labels) {
  if (std::holds_alternative<std::monostate>(v)) { out.reset(); return {}; }
  const auto* s = std::get_if<std::string>(&v);
  if (!s) return Fail(TypeError("区分"));
  auto e = EnumFrom<E>(labels, *s, "区分");
  if (!e) return Fail(e.error());
  out = *e;
  return {};
}
Result<void> FromValue(Value&& v, std::optional<Tier>& out) { return EnumFromValue(v, out, kTierLabels); }
Result<void> FromValue(Value&& v, std::optional<Role>& out) { return EnumFromValue(v, out, kRoleLabels); }
Result<void> FromValue(Value&& v, std::optional<Employment>& out) {
  return EnumFromValue(v, out, kEmploymentLabels);
}
Result<void> FromValue(Value&& v, std::optional<Form>& out) { return EnumFromValue(v, out, kFormLabels); }
Result<void> FromValue(Value&& v, std::optional<GatewayKind>& out) {
  return EnumFromValue(v, out, kGatewayKindLabels);
}
Result<void> FromValue(Value&& v, std::optional<RuleAction>& out) {
  return EnumFromValue(v, out, kRuleActionLabels);
}

template <typename T>
struct Accessor {
  Value (*get)(const T&);
  Result<void> (*set)(T&, Value&&);
};

#define MAMORI_MEMBER(T, m) \
  Accessor<T> { [](const T& r) { return ToValue(r.m); }, [](T& r, Value&& v) { return FromValue(std::move(v), r.m); } }

template <typename T>
struct Binding;

template <>
struct Binding<Organ> {
  static inline const std::vector<Accessor<Organ>> kAccessors{MAMORI_MEMBER(Organ, code), MAMORI_MEMBER(Organ, name)};
};
template <>
struct Binding<Department> {
  static inline const std::vector<Accessor<Department>> kAccessors{
      MAMORI_MEMBER(Department, code), MAMORI_MEMBER(Department, name), MAMORI_MEMBER(Department, organ)};
};
template <>
struct Binding<Person> {
  static inline const std::vector<Accessor<Person>> kAccessors{
      MAMORI_MEMBER(Person, number), MAMORI_MEMBER(Person, name),       MAMORI_MEMBER(Person, department),
      MAMORI_MEMBER(Person, role),   MAMORI_MEMBER(Person, employment), MAMORI_MEMBER(Person, duties),
      MAMORI_MEMBER(Person, email),  MAMORI_MEMBER(Person, notes)};
};
template <>
struct Binding<Asset> {
  static inline const std::vector<Accessor<Asset>> kAccessors{
      MAMORI_MEMBER(Asset, number),          MAMORI_MEMBER(Asset, name),
      MAMORI_MEMBER(Asset, kind),            MAMORI_MEMBER(Asset, department),
      MAMORI_MEMBER(Asset, manager),         MAMORI_MEMBER(Asset, tier),
      MAMORI_MEMBER(Asset, confidentiality), MAMORI_MEMBER(Asset, integrity),
      MAMORI_MEMBER(Asset, availability),    MAMORI_MEMBER(Asset, personal_data),
      MAMORI_MEMBER(Asset, specific_personal_data), MAMORI_MEMBER(Asset, form),
      MAMORI_MEMBER(Asset, storage_place),   MAMORI_MEMBER(Asset, locked_storage),
      MAMORI_MEMBER(Asset, backup),          MAMORI_MEMBER(Asset, recovery_target_hours),
      MAMORI_MEMBER(Asset, retention),       MAMORI_MEMBER(Asset, notes)};
};
template <>
struct Binding<System> {
  static inline const std::vector<Accessor<System>> kAccessors{
      MAMORI_MEMBER(System, number),  MAMORI_MEMBER(System, name),
      MAMORI_MEMBER(System, category), MAMORI_MEMBER(System, tier),
      MAMORI_MEMBER(System, department), MAMORI_MEMBER(System, administrator),
      MAMORI_MEMBER(System, handles_my_number), MAMORI_MEMBER(System, assets),
      MAMORI_MEMBER(System, users),   MAMORI_MEMBER(System, hosting),
      MAMORI_MEMBER(System, notes)};
};
template <>
struct Binding<Terminal> {
  static inline const std::vector<Accessor<Terminal>> kAccessors{
      MAMORI_MEMBER(Terminal, number), MAMORI_MEMBER(Terminal, name),
      MAMORI_MEMBER(Terminal, tier),   MAMORI_MEMBER(Terminal, department),
      MAMORI_MEMBER(Terminal, place),  MAMORI_MEMBER(Terminal, mfa),
      MAMORI_MEMBER(Terminal, takeout_blocked), MAMORI_MEMBER(Terminal, users),
      MAMORI_MEMBER(Terminal, notes)};
};
template <>
struct Binding<Inspection> {
  static inline const std::vector<Accessor<Inspection>> kAccessors{
      MAMORI_MEMBER(Inspection, number), MAMORI_MEMBER(Inspection, kind),
      MAMORI_MEMBER(Inspection, date),   MAMORI_MEMBER(Inspection, target),
      MAMORI_MEMBER(Inspection, performed_by), MAMORI_MEMBER(Inspection, result),
      MAMORI_MEMBER(Inspection, notes)};
};
template <>
struct Binding<Segment> {
  static inline const std::vector<Accessor<Segment>> kAccessors{
      MAMORI_MEMBER(Segment, number),     MAMORI_MEMBER(Segment, name),  MAMORI_MEMBER(Segment, tier),
      MAMORI_MEMBER(Segment, addresses),  MAMORI_MEMBER(Segment, zones), MAMORI_MEMBER(Segment, department),
      MAMORI_MEMBER(Segment, place),      MAMORI_MEMBER(Segment, notes)};
};
template <>
struct Binding<Gateway> {
  static inline const std::vector<Accessor<Gateway>> kAccessors{
      MAMORI_MEMBER(Gateway, number),    MAMORI_MEMBER(Gateway, name),      MAMORI_MEMBER(Gateway, kind),
      MAMORI_MEMBER(Gateway, directions), MAMORI_MEMBER(Gateway, methods),  MAMORI_MEMBER(Gateway, addresses),
      MAMORI_MEMBER(Gateway, segment),   MAMORI_MEMBER(Gateway, department), MAMORI_MEMBER(Gateway, notes)};
};
template <>
struct Binding<Connection> {
  static inline const std::vector<Accessor<Connection>> kAccessors{
      MAMORI_MEMBER(Connection, number),    MAMORI_MEMBER(Connection, name), MAMORI_MEMBER(Connection, kind),
      MAMORI_MEMBER(Connection, addresses), MAMORI_MEMBER(Connection, via),  MAMORI_MEMBER(Connection, department),
      MAMORI_MEMBER(Connection, notes)};
};
template <>
struct Binding<FlowRule> {
  static inline const std::vector<Accessor<FlowRule>> kAccessors{
      MAMORI_MEMBER(FlowRule, number),       MAMORI_MEMBER(FlowRule, name),    MAMORI_MEMBER(FlowRule, device),
      MAMORI_MEMBER(FlowRule, sequence),        MAMORI_MEMBER(FlowRule, action),  MAMORI_MEMBER(FlowRule, sources),
      MAMORI_MEMBER(FlowRule, destinations), MAMORI_MEMBER(FlowRule, protocol), MAMORI_MEMBER(FlowRule, ports),
      MAMORI_MEMBER(FlowRule, via),          MAMORI_MEMBER(FlowRule, department), MAMORI_MEMBER(FlowRule, notes)};
};
#undef MAMORI_MEMBER

// ---- the field tables ---------------------------------------------------------
// The order of each table is the order of Binding<T>::kAccessors above.

FieldInfo Text(std::string_view key, std::string_view ja, std::string_view en,
               std::vector<std::string_view> aliases = {}, bool required = false) {
  return FieldInfo{key, ja, en, std::move(aliases), FieldType::kText, required, {}, {}};
}
FieldInfo Flag(std::string_view key, std::string_view ja, std::string_view en, std::vector<std::string_view> aliases) {
  return FieldInfo{key, ja, en, std::move(aliases), FieldType::kBool, false, {}, {}};
}
template <std::size_t N>
FieldInfo Enum(std::string_view key, std::string_view ja, std::string_view en, std::vector<std::string_view> aliases,
               const std::array<EnumLabel, N>& labels) {
  return FieldInfo{key, ja, en, std::move(aliases), FieldType::kEnum, false, labels, {}};
}
FieldInfo List(std::string_view key, std::string_view ja, std::string_view en, std::vector<std::string_view> aliases) {
  return FieldInfo{key, ja, en, std::move(aliases), FieldType::kList, false, {}, {}};
}

std::vector<EntityInfo> BuildEntities() {
  std::vector<EntityInfo> all;
  all.push_back({EntityKind::kOrgan, "organ", "organs", "機関", "Organ", "機関コード",
                 {Text("code", "機関コード", "Organ code", {"コード", "機関番号"}, true),
                  Text("name", "機関名", "Organ name", {"名称", "機関名称", "部局名"}, true)}});
  all.push_back({EntityKind::kDepartment, "department", "departments", "所属", "Department", "所属コード",
                 {Text("code", "所属コード", "Department code", {"課コード", "部署コード", "所属番号"}, true),
                  Text("name", "所属名", "Department name", {"課名", "部署名", "所属名称", "課室名"}, true),
                  Text("organ", "機関コード", "Organ code", {"機関", "部局", "部局コード"}, true)}});
  all.push_back({EntityKind::kPerson, "person", "people", "人員", "Person", "職員番号",
                 {Text("number", "職員番号", "Staff number", {"職員コード", "個人番号（職員）", "ID", "職員ID", "番号"}, true),
                  Text("name", "氏名", "Name", {"名前", "職員名", "氏名（漢字）"}, true),
                  Text("department", "所属", "Department", {"所属課", "所属名", "部署", "課"}),
                  Enum("role", "役割", "Role", {"セキュリティ上の役割", "役職", "区分（役割）", "権限"}, kRoleLabels),
                  Enum("employment", "任用区分", "Employment", {"雇用区分", "職員区分", "身分"}, kEmploymentLabels),
                  List("duties", "担当事務", "Duties", {"担当業務", "事務分掌", "業務"}),
                  Text("email", "メールアドレス", "Email", {"メール", "e-mail", "email"}),
                  Text("notes", "備考", "Notes", {"摘要", "メモ"})}});
  all.push_back(
      {EntityKind::kAsset, "asset", "assets", "情報資産", "Information asset", "資産番号",
       {Text("number", "資産番号", "Asset number", {"管理番号", "台帳番号", "No", "No.", "番号", "資産ID"}, true),
        Text("name", "資産名称", "Asset name", {"資産名", "情報資産名", "情報資産名称", "名称"}, true),
        Text("kind", "種別", "Kind", {"資産種別", "分類", "種類", "媒体種別"}),
        Text("department", "所管課", "Department", {"所管部署", "担当課", "所属", "管理課", "主管課"}),
        Text("manager", "管理者", "Manager", {"管理責任者", "資産管理者", "責任者"}),
        Enum("tier", "系統", "Tier", {"ネットワーク系統", "配置系統", "ネットワーク区分", "接続系統", "系"}, kTierLabels),
        Text("confidentiality", "機密性", "Confidentiality", {"機密性分類", "機密性区分", "自治体機密性", "機密性レベル", "C"}),
        Text("integrity", "完全性", "Integrity", {"完全性分類", "完全性区分", "完全性レベル", "I"}),
        Text("availability", "可用性", "Availability", {"可用性分類", "可用性区分", "可用性レベル", "A"}),
        Flag("personal_data", "個人情報", "Personal data", {"個人情報の有無", "個人情報有無", "個人情報含む"}),
        Flag("specific_personal_data", "特定個人情報", "Specific personal data (My Number)",
             {"特定個人情報の有無", "マイナンバー", "個人番号", "個人番号含む"}),
        Enum("form", "形態", "Form", {"媒体", "保存形態", "記録形態", "電子／紙"}, kFormLabels),
        Text("storage_place", "保管場所", "Storage place", {"保存場所", "格納場所", "設置場所"}),
        Flag("locked_storage", "施錠保管", "Locked storage", {"施錠", "施錠管理", "施錠の有無"}),
        Flag("backup", "バックアップ", "Backup", {"バックアップの有無", "BK", "バックアップ有無"}),
        FieldInfo{"recovery_target_hours", "復旧目標時間", "Recovery target", {"目標復旧時間", "RTO", "復旧時間"},
                  FieldType::kInteger, false, {}, "時間"},
        Text("retention", "保存期間", "Retention", {"保管期間", "保存年限"}),
        Text("notes", "備考", "Notes", {"摘要", "メモ"})}});
  all.push_back({EntityKind::kSystem, "system", "systems", "情報システム", "Information system", "システム番号",
                 {Text("number", "システム番号", "System number", {"システムID", "管理番号", "番号"}, true),
                  Text("name", "システム名称", "System name", {"システム名", "名称"}, true),
                  Text("category", "業務区分", "Business category", {"業務分類", "業務", "区分", "分類"}),
                  Enum("tier", "系統", "Tier", {"ネットワーク系統", "配置系統", "ネットワーク区分", "接続系統"}, kTierLabels),
                  Text("department", "所管課", "Department", {"所管部署", "担当課", "主管課"}),
                  Text("administrator", "情報システム管理者", "Administrator", {"システム管理者", "管理者"}),
                  Flag("handles_my_number", "個人番号利用", "Handles My Number",
                       {"個人番号利用事務", "特定個人情報", "マイナンバー利用", "個人番号の取扱い"}),
                  List("assets", "取扱資産", "Assets handled", {"取扱情報資産", "資産番号", "関連資産"}),
                  List("users", "利用者", "Users", {"利用者番号", "利用職員"}),
                  Text("hosting", "設置形態", "Hosting", {"稼働環境", "設置場所", "基盤"}),
                  Text("notes", "備考", "Notes", {"摘要", "メモ"})}});
  all.push_back({EntityKind::kTerminal, "terminal", "terminals", "端末", "Terminal", "端末番号",
                 {Text("number", "端末番号", "Terminal number", {"資産管理番号", "管理番号", "端末ID", "番号"}, true),
                  Text("name", "ホスト名", "Host name", {"端末名", "コンピュータ名", "機器名"}),
                  Enum("tier", "系統", "Tier", {"ネットワーク系統", "接続系統", "ネットワーク区分"}, kTierLabels),
                  Text("department", "所属", "Department", {"所管課", "設置課", "使用課"}),
                  Text("place", "設置場所", "Place", {"場所", "設置場所（室）"}),
                  Flag("mfa", "多要素認証", "Multi-factor authentication", {"二要素認証", "MFA", "2要素認証"}),
                  Flag("takeout_blocked", "持ち出し不可設定", "Take-out blocked",
                       {"情報持ち出し不可設定", "外部媒体制御", "USB制御", "持出制御", "記録媒体制御"}),
                  List("users", "利用者", "Users", {"使用者", "利用職員"}),
                  Text("notes", "備考", "Notes", {"摘要", "メモ"})}});
  all.push_back({EntityKind::kInspection, "inspection", "inspections", "点検記録", "Inspection record", "記録番号",
                 {Text("number", "記録番号", "Record number", {"番号", "管理番号"}, true),
                  Text("kind", "種別", "Kind", {"点検種別", "区分"}, true),
                  FieldInfo{"date", "実施日", "Date", {"点検日", "監査日", "実施年月日"}, FieldType::kDate, true, {}, {}},
                  Text("target", "対象", "Target", {"点検対象", "対象システム"}),
                  Text("performed_by", "実施者", "Performed by", {"点検者", "監査人"}),
                  Text("result", "結果", "Result", {"点検結果", "監査結果"}),
                  Text("notes", "備考", "Notes", {"摘要", "メモ"})}});
  // ---- the network model ----
  all.push_back({EntityKind::kSegment, "segment", "segments", "セグメント", "Network segment", "セグメント番号",
                 {Text("number", "セグメント番号", "Segment number", {"セグメントID", "ネットワーク番号", "VLAN番号"}, true),
                  Text("name", "セグメント名", "Segment name", {"ネットワーク名", "セグメント名称", "VLAN名"}, true),
                  Enum("tier", "系統", "Tier", {"ネットワーク系統", "接続系統", "ネットワーク区分"}, kTierLabels),
                  List("addresses", "アドレス範囲", "Address ranges",
                       {"ネットワークアドレス", "アドレス", "CIDR", "サブネット", "IPアドレス範囲"}),
                  List("zones", "ゾーン", "Zones", {"ゾーン名", "インターフェース", "インタフェース", "zone"}),
                  Text("department", "所管課", "Department", {"管理課", "担当課"}),
                  Text("place", "設置場所", "Place", {"場所"}),
                  Text("notes", "備考", "Notes", {"摘要", "メモ"})}});
  all.push_back({EntityKind::kGateway, "gateway", "gateways", "中継装置", "Gateway", "装置番号",
                 {Text("number", "装置番号", "Gateway number", {"機器番号", "中継装置番号", "ゲートウェイ番号"}, true),
                  Text("name", "装置名", "Gateway name", {"機器名", "中継装置名", "ゲートウェイ名"}, true),
                  Enum("kind", "装置種別", "Kind", {"機器種別", "中継装置の種別"}, kGatewayKindLabels),
                  List("directions", "無害化の方向", "Sanitized directions", {"無害化方向", "方向"}),
                  List("methods", "無害化の方式", "Sanitization methods", {"無害化方式", "方式"}),
                  List("addresses", "アドレス", "Addresses", {"IPアドレス", "アドレス範囲", "CIDR"}),
                  Text("segment", "設置セグメント", "Segment", {"セグメント", "所属セグメント"}),
                  Text("department", "所管課", "Department", {"管理課", "担当課"}),
                  Text("notes", "備考", "Notes", {"摘要", "メモ"})}});
  all.push_back({EntityKind::kConnection, "connection", "connections", "外部接続", "External connection", "接続番号",
                 {Text("number", "接続番号", "Connection number", {"外部接続番号", "回線番号"}, true),
                  Text("name", "接続名", "Connection name", {"外部接続名", "接続先", "回線名"}, true),
                  Text("kind", "接続先の種類", "Kind", {"接続種別", "接続先種別"}, true),
                  List("addresses", "接続先アドレス", "Addresses", {"アドレス範囲", "宛先アドレス", "CIDR"}),
                  Text("via", "経由装置", "Via", {"経由", "接続装置", "回線終端"}),
                  Text("department", "所管課", "Department", {"管理課", "担当課"}),
                  Text("notes", "備考", "Notes", {"摘要", "メモ"})}});
  all.push_back({EntityKind::kFlow, "flow", "flows", "通信ルール", "Flow rule", "ルール番号",
                 {Text("number", "ルール番号", "Rule number", {"ポリシー番号", "ポリシーID", "ルールID", "通信番号"}, true),
                  Text("name", "ルール名", "Rule name", {"ポリシー名", "通信名", "用途"}),
                  Text("device", "適用機器", "Device", {"機器", "ファイアウォール", "FW"}),
                  FieldInfo{"sequence", "順序", "Sequence", {"評価順", "優先順位", "シーケンス", "order"}, FieldType::kInteger, false, {}, {}},
                  Enum("action", "動作", "Action", {"アクション", "許可／拒否", "許否"}, kRuleActionLabels),
                  List("sources", "送信元", "Sources", {"送信元アドレス", "通信元", "接続元", "source"}),
                  List("destinations", "宛先", "Destinations", {"宛先アドレス", "通信先", "接続先", "destination"}),
                  Text("protocol", "プロトコル", "Protocol", {"プロトコル種別"}),
                  Text("ports", "宛先ポート", "Ports", {"ポート", "ポート番号", "サービス"}),
                  List("via", "経由装置", "Via", {"経由"}),
                  Text("department", "所管課", "Department", {"管理課", "担当課"}),
                  Text("notes", "備考", "Notes", {"摘要", "メモ"})}});
  return all;
}

template <typename T>
Row ToRowImpl(const T& r) {
  Row row;
  const auto& acc = Binding<T>::kAccessors;
  row.reserve(acc.size());
  for (const auto& a : acc) row.push_back(a.get(r));
  return row;
}

template <typename T>
Result<T> FromRowImpl(Row row) {
  const auto& acc = Binding<T>::kAccessors;
  const auto& info = Info(KindOf<T>());
  if (row.size() != acc.size())
    return Fail(ErrorCode::kInternal, fmt::format("{} の列数が違います（{} / {}）", info.label_ja, row.size(), acc.size()));
  T r{};
  for (std::size_t i = 0; i < acc.size(); ++i) {
    if (auto ok = acc[i].set(r, std::move(row[i])); !ok) {
      Error e = ok.error();
      e.where.field = std::string(info.fields[i].label_ja);
      return Fail(std::move(e));
    }
  }
  return r;
}

}  // namespace

const std::vector<EntityInfo>& AllEntities() {
  static const std::vector<EntityInfo> kAll = BuildEntities();
  return kAll;
}

const EntityInfo& Info(EntityKind kind) { return AllEntities()[static_cast<std::size_t>(kind)]; }

Result<EntityKind> KindFromKey(std::string_view key) {
  const std::string folded = text::FoldKey(key);
  for (const auto& e : AllEntities()) {
    if (folded == text::FoldKey(e.key) || folded == text::FoldKey(e.table) || folded == text::FoldKey(e.label_ja) ||
        folded == text::FoldKey(e.label_en))
      return e.kind;
  }
  if (folded == text::FoldKey("資産")) return EntityKind::kAsset;
  if (folded == text::FoldKey("システム")) return EntityKind::kSystem;
  if (folded == text::FoldKey("職員") || folded == "persons") return EntityKind::kPerson;
  return Fail(ErrorCode::kInvalidArgument,
              fmt::format("「{}」は台帳の種類ではありません（organ, department, person, asset, system, terminal, inspection, segment, gateway, connection, flow）", key));
}

Row ToRow(const Organ& r) { return ToRowImpl(r); }
Row ToRow(const Department& r) { return ToRowImpl(r); }
Row ToRow(const Person& r) { return ToRowImpl(r); }
Row ToRow(const Asset& r) { return ToRowImpl(r); }
Row ToRow(const System& r) { return ToRowImpl(r); }
Row ToRow(const Terminal& r) { return ToRowImpl(r); }
Row ToRow(const Inspection& r) { return ToRowImpl(r); }
template <> Result<Organ> FromRow<Organ>(Row row) { return FromRowImpl<Organ>(std::move(row)); }
template <> Result<Department> FromRow<Department>(Row row) { return FromRowImpl<Department>(std::move(row)); }
template <> Result<Person> FromRow<Person>(Row row) { return FromRowImpl<Person>(std::move(row)); }
template <> Result<Asset> FromRow<Asset>(Row row) { return FromRowImpl<Asset>(std::move(row)); }
template <> Result<System> FromRow<System>(Row row) { return FromRowImpl<System>(std::move(row)); }
template <> Result<Terminal> FromRow<Terminal>(Row row) { return FromRowImpl<Terminal>(std::move(row)); }
template <> Result<Inspection> FromRow<Inspection>(Row row) { return FromRowImpl<Inspection>(std::move(row)); }
Row ToRow(const Segment& r) { return ToRowImpl(r); }
Row ToRow(const Gateway& r) { return ToRowImpl(r); }
Row ToRow(const Connection& r) { return ToRowImpl(r); }
Row ToRow(const FlowRule& r) { return ToRowImpl(r); }
template <> Result<Segment> FromRow<Segment>(Row row) { return FromRowImpl<Segment>(std::move(row)); }
template <> Result<Gateway> FromRow<Gateway>(Row row) { return FromRowImpl<Gateway>(std::move(row)); }
template <> Result<Connection> FromRow<Connection>(Row row) { return FromRowImpl<Connection>(std::move(row)); }
template <> Result<FlowRule> FromRow<FlowRule>(Row row) { return FromRowImpl<FlowRule>(std::move(row)); }

bool IsNull(const Value& v) { return std::holds_alternative<std::monostate>(v); }

namespace {

Result<bool> ParseBool(std::string_view folded) {
  if (folded == "はい") return true;  // what mamori itself exports
  if (folded == "いいえ") return false;
  static const std::array<std::string_view, 16> kTrue{"はい", "有", "あり", "有り", "○", "〇", "◯", "済", "実施", "実施済",
                                                      "yes", "y", "true", "1", "✓", "可"};
  static const std::array<std::string_view, 15> kFalse{"いいえ", "無", "なし", "無し", "×", "✕", "未", "未実施", "no",
                                                       "n", "false", "0", "-", "－", "不可"};
  for (auto t : kTrue)
    if (folded == text::FoldKey(t)) return true;
  for (auto f : kFalse)
    if (folded == text::FoldKey(f)) return false;
  return Fail(ErrorCode::kInvalidArgument, "はい／いいえ（有／無、○／×）で書いてください");
}

Result<std::int64_t> ParseHours(std::string_view folded) {
  std::int64_t n = 0;
  const char* begin = folded.data();
  const char* end = folded.data() + folded.size();
  auto [ptr, ec] = std::from_chars(begin, end, n);
  if (ec != std::errc() || n < 0) return Fail(ErrorCode::kInvalidArgument, "時間数（例: 24、24時間、3日）で書いてください");
  const std::string_view unit(ptr, static_cast<std::size_t>(end - ptr));
  if (unit.empty() || unit == "時間" || unit == "h" || unit == "hour" || unit == "hours") return n;
  if (unit == "日" || unit == "d" || unit == "day" || unit == "days" || unit == "営業日") return n * 24;
  if (unit == "週間" || unit == "週" || unit == "w") return n * 24 * 7;
  if (unit == "分" || unit == "min") return (n + 59) / 60;
  return Fail(ErrorCode::kInvalidArgument, fmt::format("単位「{}」は使えません（時間・日・週間）", unit));
}

}  // namespace

Result<Value> ParseValue(const FieldInfo& field, std::string_view raw) {
  const std::string_view input = text::Trim(raw);
  if (input.empty()) return Value{};
  auto where = [&field]() {
    Location l;
    l.field = std::string(field.label_ja);
    return l;
  };
  auto wrap = [&](const Error& e) {
    return Fail(ErrorCode::kValidation, fmt::format("「{}」: {}", input, e.message), where());
  };
  switch (field.type) {
    case FieldType::kText:
      return Value{std::string(input)};
    case FieldType::kBool: {
      auto b = input == "はい" || input == "いいえ" ? ParseBool(input) : ParseBool(text::FoldKey(input));
      if (!b) return wrap(b.error());
      return Value{std::int64_t{*b ? 1 : 0}};
    }
    case FieldType::kInteger: {
      if (field.unit.empty()) {  // a plain number (順序)
        const std::string folded = text::FoldKey(input);
        std::int64_t n = 0;
        auto [ptr, ec] = std::from_chars(folded.data(), folded.data() + folded.size(), n);
        if (ec != std::errc() || ptr != folded.data() + folded.size())
          return Fail(ErrorCode::kValidation, fmt::format("「{}」: 整数で書いてください", input), where());
        return Value{n};
      }
      auto h = ParseHours(text::FoldKey(input));
      if (!h) return wrap(h.error());
      return Value{*h};
    }
    case FieldType::kDate: {
      auto d = ParseDate(input);
      if (!d) return Fail(ErrorCode::kValidation, d.error().message, where());
      return Value{d->Iso()};
    }
    case FieldType::kEnum: {
      for (const auto& l : field.labels)
        if (input == l.ja || input == l.key) return Value{std::string(l.key)};
      const std::string key = text::FoldKey(input);
      for (const auto& l : field.labels) {
        bool match = key == text::FoldKey(l.key) || key == text::FoldKey(l.ja) || key == text::FoldKey(l.en);
        for (auto a : l.aliases) match = match || key == text::FoldKey(a);
        if (match) return Value{std::string(l.key)};
      }
      std::string allowed;
      for (const auto& l : field.labels) allowed += fmt::format("{}{}", allowed.empty() ? "" : "、", l.ja);
      return Fail(ErrorCode::kValidation, fmt::format("「{}」は使えません（{} のいずれか）", input, allowed), where());
    }
    case FieldType::kList: {
      std::string normalized(input);
      for (std::string_view sep : {"、", "，", "；", "\n", ";"}) {
        for (auto pos = normalized.find(sep); pos != std::string::npos; pos = normalized.find(sep, pos + 1))
          normalized.replace(pos, sep.size(), ",");
      }
      std::vector<std::string> items;
      for (const auto& part : text::Split(normalized, ',')) {
        auto t = text::Trim(part);
        if (!t.empty()) items.emplace_back(t);
      }
      if (items.empty()) return Value{};
      return Value{std::move(items)};
    }
  }
  return Fail(ErrorCode::kInternal, "unknown field type");
}

std::string FormatValue(const FieldInfo& field, const Value& value, bool english) {
  if (IsNull(value)) return {};
  switch (field.type) {
    case FieldType::kBool:
      if (const auto* n = std::get_if<std::int64_t>(&value)) return *n ? (english ? "yes" : "はい") : (english ? "no" : "いいえ");
      break;
    case FieldType::kEnum:
      if (const auto* s = std::get_if<std::string>(&value)) {
        for (const auto& l : field.labels)
          if (l.key == *s) return std::string(english ? l.en : l.ja);
        return *s;
      }
      break;
    case FieldType::kList:
      if (const auto* l = std::get_if<std::vector<std::string>>(&value)) {
        std::string out;
        for (const auto& item : *l) out += (out.empty() ? "" : (english ? ", " : "、")) + item;
        return out;
      }
      break;
    default:
      break;
  }
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  if (const auto* n = std::get_if<std::int64_t>(&value)) return std::to_string(*n);
  return {};
}

std::string_view TierLabel(Tier t, bool en) { const auto& l = kTierLabels[static_cast<std::size_t>(t)]; return en ? l.en : l.ja; }
std::string_view RoleLabel(Role r, bool en) { const auto& l = kRoleLabels[static_cast<std::size_t>(r)]; return en ? l.en : l.ja; }
std::string_view EmploymentLabel(Employment e, bool en) {
  const auto& l = kEmploymentLabels[static_cast<std::size_t>(e)];
  return en ? l.en : l.ja;
}
std::string_view FormLabel(Form f, bool en) { const auto& l = kFormLabels[static_cast<std::size_t>(f)]; return en ? l.en : l.ja; }
std::string_view TierKey(Tier t) { return KeyOf(kTierLabels, t); }
std::string_view RoleKey(Role r) { return KeyOf(kRoleLabels, r); }
std::string_view EmploymentKey(Employment e) { return KeyOf(kEmploymentLabels, e); }
std::string_view FormKey(Form f) { return KeyOf(kFormLabels, f); }
std::string_view GatewayKindKey(GatewayKind k) { return KeyOf(kGatewayKindLabels, k); }
std::string_view GatewayKindLabel(GatewayKind k, bool en) {
  const auto& l = kGatewayKindLabels[static_cast<std::size_t>(k)];
  return en ? l.en : l.ja;
}
Result<Tier> TierFromKey(std::string_view key) { return EnumFrom<Tier>(kTierLabels, key, "系統"); }
Result<Role> RoleFromKey(std::string_view key) { return EnumFrom<Role>(kRoleLabels, key, "役割"); }
Result<Employment> EmploymentFromKey(std::string_view key) {
  return EnumFrom<Employment>(kEmploymentLabels, key, "任用区分");
}

}  // namespace mamori::reg
