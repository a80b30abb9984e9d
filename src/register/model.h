// The register (情報資産管理台帳 and what surrounds it): plain data, no I/O.
//
// Every record is identified by the body's own number (資産番号, 職員番号 …),
// which is what findings, history and imports refer to. A field that the body
// has not recorded is std::nullopt (or empty), never a guessed default: checks
// report such data as "unknown", not as passing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/wareki.h"

namespace mamori::reg {

// 三層の対策: the three tiers, plus "none" for a stand-alone system or medium.
enum class Tier {
  kMyNumber,  // マイナンバー利用事務系（個人番号利用事務系）
  kLgwan,     // LGWAN接続系
  kInternet,  // インターネット接続系
  kNone,      // ネットワークに接続しない (stand-alone)
};

// The security organization of the guideline's 対策基準 §1.
enum class Role {
  kCiso,            // 最高情報セキュリティ責任者（CISO）
  kChiefOfficer,    // 統括情報セキュリティ責任者
  kOfficer,         // 情報セキュリティ責任者 (per 部局)
  kManager,         // 情報セキュリティ管理者 (per 課室)
  kSystemAdmin,     // 情報システム管理者
  kSystemStaff,     // 情報システム担当者
  kStaff,           // 職員等
  kAuditor,         // 情報セキュリティ監査人 (reads everything, writes nothing)
};

// 任用区分: who a person is to the body. Whether a category counts as 職員等
// is the profile's decision (直方市 adds contractors' staff, 小城市議会 councillors).
enum class Employment {
  kRegular,          // 職員
  kReappointed,      // 再任用職員
  kFiscalYear,       // 会計年度任用職員
  kTemporary,        // 臨時的任用職員・臨時職員
  kPartTime,         // 非常勤職員
  kContractor,       // 委託事業者等要員
  kCouncillor,       // 議員
  kAuditCommissioner,  // 監査委員
};

// 形態 of an asset.
enum class Form {
  kElectronic,  // 電子
  kPrinted,     // 印刷物 (printouts of information handled on systems)
  kPaper,       // 紙 (paper-only documents; in scope only where the profile says)
  kBoth,        // 電子・紙
};

struct Organ {  // 機関 (市長部局, 教育委員会 …)
  std::string code;
  std::string name;
};

struct Department {  // 所属 (部・課)
  std::string code;
  std::string name;
  std::string organ;  // Organ::code
};

struct Person {
  std::string number;      // 職員番号
  std::string name;        // 氏名
  std::string department;  // Department code or name
  std::optional<Role> role;
  std::optional<Employment> employment;
  std::vector<std::string> duties;  // 担当事務 (社会保障, 税務 …)
  std::string email;
  std::string notes;
};

struct Asset {
  std::string number;      // 資産番号
  std::string name;        // 資産名称
  std::string kind;        // 種別 (データ, 文書, 電磁的記録媒体 …)
  std::string department;  // 所管課
  std::string manager;     // 管理者 (a person's number or name)
  std::optional<Tier> tier;
  std::string confidentiality;  // 機密性: a level code of a scheme in the profile (3A … 1, or legacy 3 … 1)
  std::string integrity;        // 完全性: 2 / 1
  std::string availability;     // 可用性: 2 / 1
  std::optional<bool> personal_data;           // 個人情報
  std::optional<bool> specific_personal_data;  // 特定個人情報 (My Number)
  std::optional<Form> form;
  std::string storage_place;  // 保管場所
  std::optional<bool> locked_storage;
  std::optional<bool> backup;
  std::optional<std::int64_t> recovery_target_hours;  // 復旧目標時間
  std::string retention;  // 保存期間 (5年, 永年 …)
  std::string notes;
};

struct System {
  std::string number;  // システム番号
  std::string name;
  std::string category;  // 業務区分 (住民記録, 税務, 人事給与 …): matched to the profile's categories
  std::optional<Tier> tier;
  std::string department;
  std::string administrator;  // 情報システム管理者 (person number or name)
  std::optional<bool> handles_my_number;  // 個人番号を取り扱う
  std::vector<std::string> assets;  // 取扱資産 (asset numbers)
  std::vector<std::string> users;   // 利用者 (person numbers)
  std::string hosting;              // 設置形態 (庁内, ガバメントクラウド, 外部サービス …)
  std::string notes;
};

struct Terminal {
  std::string number;  // 端末番号 (asset tag)
  std::string name;    // ホスト名
  std::optional<Tier> tier;
  std::string department;
  std::string place;  // 設置場所
  std::optional<bool> mfa;              // 多要素認証
  std::optional<bool> takeout_blocked;  // 情報持ち出し不可設定 (removable media blocked)
  std::vector<std::string> users;       // person numbers
  std::string notes;
};

// 点検・監査の記録: evidence that an audit, a self-inspection or (津山) the
// periodic check of My Number handling took place.
struct Inspection {
  std::string number;  // 記録番号
  std::string kind;    // 監査, 自己点検, マイナンバー遵守状況点検 … (matched to the profile)
  std::optional<Date> date;
  std::string target;  // what was checked (system number, department …)
  std::string performed_by;
  std::string result;
  std::string notes;
};

// ---- the network model (三層の対策の実装): what net check verifies and net watch maps traffic to

// 中継装置の種別.
enum class GatewayKind {
  kSanitization,   // 無害化装置 (mail text-ization, file sanitization, screen transfer)
  kSecurityCloud,  // 自治体情報セキュリティクラウド
  kProxy,          // プロキシ
  kDedicatedLine,  // 専用回線の終端 (住基ネット, 中間サーバー, ガバメントクラウド接続)
  kFirewall,       // ファイアウォール・ルータ (forwards without sanitizing)
  kOther,
};

enum class RuleAction { kAllow, kDeny };

// A network segment (セグメント): address ranges of one tier.
struct Segment {
  std::string number;  // セグメント番号
  std::string name;
  std::optional<Tier> tier;
  std::vector<std::string> addresses;  // CIDR, IPv4 or IPv6 ("10.10.0.0/16", "2001:db8:10::/48")
  std::vector<std::string> zones;      // the zone or interface names devices log ("trust", "FGT01:port3")
  std::string department;              // 所管課
  std::string place;
  std::string notes;
};

// A gateway (中継装置): where traffic crosses tiers or leaves the body.
struct Gateway {
  std::string number;  // 装置番号
  std::string name;
  std::optional<GatewayKind> kind;
  std::vector<std::string> directions;  // sanitized directions: internet_to_lgwan, lgwan_to_internet
  std::vector<std::string> methods;     // mail_text, file_sanitization, screen_transfer
  std::vector<std::string> addresses;   // CIDR
  std::string segment;                  // Segment::number it sits in, if any
  std::string department;
  std::string notes;
};

// A named external connection (外部接続): LGWAN, 住基ネット, 中間サーバー, the internet …
struct Connection {
  std::string number;  // 接続番号
  std::string name;
  std::string kind;                    // matched to the profile's network.connections (lgwan, juki_net …)
  std::vector<std::string> addresses;  // CIDR; empty for the internet (every address no one else has)
  std::string via;                     // Gateway::number it is reached through (専用回線 …)
  std::string department;
  std::string notes;
};

// A permitted flow or a firewall rule (通信ルール). Rules of one device are
// taken in `sequence`, first match wins; a flow without a device is a declared permission.
struct FlowRule {
  std::string number;  // ルール番号
  std::string name;
  std::string device;                 // firewall name; empty for a declared flow
  std::optional<std::int64_t> sequence;  // 順序 within the device
  std::optional<RuleAction> action;   // empty: allow
  std::vector<std::string> sources;   // segment / gateway / connection numbers, CIDR, or any
  std::vector<std::string> destinations;
  std::string protocol;               // tcp, udp, icmp, any, or a number; empty: any
  std::string ports;                  // destination ports: "443", "80,443", "1024-65535"; empty: any
  std::vector<std::string> via;       // gateways passed, in order
  std::string department;
  std::string notes;
};

// A whole register in memory: what the checks read and the demo generates.
struct Register {
  std::vector<Organ> organs;
  std::vector<Department> departments;
  std::vector<Person> people;
  std::vector<Asset> assets;
  std::vector<System> systems;
  std::vector<Terminal> terminals;
  std::vector<Inspection> inspections;
  std::vector<Segment> segments;
  std::vector<Gateway> gateways;
  std::vector<Connection> connections;
  std::vector<FlowRule> flows;
};

}  // namespace mamori::reg
