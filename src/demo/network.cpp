// The demo body's network: the three tiers as segments, the gateways between
// them (mail and file sanitization, the prefecture's security cloud, the
// dedicated line to 住基ネット and 中間サーバー), the external connections and
// the core firewall's rules — with three genuine mistakes for net check:
//   FR-090  a maintenance rule that lets the My Number servers reach an LGWAN server (SSH);
//   FR-091  a vendor's maintenance line from an LGWAN server straight to the vendor's
//           public address 203.0.113.0/24 (CN-05, an internet connection not reached
//           through the security cloud): bypasses sanitization and the security cloud;
//   SEG-IN-09  a wireless LAN put in the internet tier inside the LGWAN terminals' range.
// Addresses are private or documentation ranges (203.0.113.0/24 and 198.51.100.0/24
// stand for public ones: the vendor's server and the security cloud).
#include "demo/parts.h"

namespace mamori::demo {
namespace {

using reg::GatewayKind;
using reg::RuleAction;
using reg::Tier;

constexpr const char* kItDept = "0103";  // 情報政策課

reg::Segment Seg(const char* number, const char* name, Tier tier, std::vector<std::string> addresses,
                 std::vector<std::string> zones, const char* place) {
  return reg::Segment{number, name, tier, std::move(addresses), std::move(zones), kItDept, place, {}};
}

reg::FlowRule Rule(const char* number, const char* name, std::int64_t sequence, RuleAction action,
                   std::vector<std::string> from, std::vector<std::string> to, const char* protocol,
                   const char* ports, std::vector<std::string> via = {}, const char* notes = "") {
  return reg::FlowRule{number, name, "FW-CORE", sequence, action, std::move(from), std::move(to),
                       protocol, ports, std::move(via), kItDept, notes};
}

}  // namespace

void MakeNetwork(Context& ctx) {
  auto& out = ctx.out;
  out.segments = {
      Seg("SEG-MN-01", "マイナンバー利用事務系 業務端末", Tier::kMyNumber, {"10.10.0.0/16"}, {"mynumber"}, "本庁舎2階"),
      Seg("SEG-MN-02", "マイナンバー利用事務系 サーバ", Tier::kMyNumber, {"10.11.0.0/24"}, {"mynumber-srv"}, "本庁舎4階 情報システム室"),
      Seg("SEG-LG-01", "LGWAN接続系 業務端末", Tier::kLgwan, {"10.20.0.0/16", "fd00:20::/48"}, {"lgwan"}, "本庁舎各階"),
      Seg("SEG-LG-02", "LGWAN接続系 サーバ", Tier::kLgwan, {"10.21.0.0/24"}, {"lgwan-srv"}, "本庁舎4階 情報システム室"),
      Seg("SEG-IN-01", "インターネット接続系 端末", Tier::kInternet, {"10.30.0.0/16"}, {"internet"}, "本庁舎各階"),
      Seg("SEG-IN-02", "インターネット接続系 DMZ", Tier::kInternet, {"10.31.0.0/24"}, {"dmz"}, "本庁舎4階 情報システム室"),
      // Mistake: a wireless LAN in the internet tier, inside the LGWAN terminals' range.
      Seg("SEG-IN-09", "来庁者・職員用無線LAN", Tier::kInternet, {"10.20.200.0/24"}, {"wifi"}, "本庁舎1階"),
  };
  out.gateways = {
      {"GW-01", "メール無害化装置", GatewayKind::kSanitization, {"internet_to_lgwan"}, {"mail_text"}, {"10.40.0.10"},
       {}, kItDept, "インターネットメールを本文のテキスト化により LGWAN 接続系へ中継"},
      {"GW-02", "ファイル無害化・画面転送サーバ", GatewayKind::kSanitization, {"internet_to_lgwan", "lgwan_to_internet"},
       {"file_sanitization", "screen_transfer"}, {"10.40.0.20"}, {}, kItDept, {}},
      {"GW-03", "自治体情報セキュリティクラウド", GatewayKind::kSecurityCloud, {}, {}, {"198.51.100.0/28"}, {}, kItDept,
       "都道府県及び市区町村のインターネットとの通信を集約"},
      {"GW-04", "専用回線ルータ（住基ネット・中間サーバー）", GatewayKind::kDedicatedLine, {}, {}, {"10.50.0.1"}, {},
       kItDept, {}},
      {"GW-05", "基幹ファイアウォール", GatewayKind::kFirewall, {}, {}, {"10.40.0.1"}, {}, kItDept, {}},
  };
  out.connections = {
      {"CN-01", "LGWAN", "lgwan", {"172.20.0.0/14"}, {}, kItDept, {}},
      {"CN-02", "住民基本台帳ネットワークシステム", "juki_net", {"172.30.1.0/24"}, "GW-04", kItDept, {}},
      {"CN-03", "中間サーバー", "intermediate_server", {"172.30.2.0/24"}, "GW-04", kItDept, {}},
      {"CN-04", "インターネット", "internet", {}, "GW-03", kItDept, {}},
      {"CN-05", "保守業者の公開サーバ", "internet", {"203.0.113.0/24"}, {}, kItDept, "保守業者の回線で直接接続"},
  };
  out.flows = {
      Rule("FR-001", "住基ネット連携", 10, RuleAction::kAllow, {"SEG-MN-02"}, {"CN-02"}, "tcp", "443", {"GW-04"}),
      Rule("FR-002", "中間サーバー連携", 20, RuleAction::kAllow, {"SEG-MN-02"}, {"CN-03"}, "tcp", "443", {"GW-04"}),
      Rule("FR-003", "マイナンバー系端末→業務サーバ", 30, RuleAction::kAllow, {"SEG-MN-01"}, {"SEG-MN-02"}, "tcp",
           "443,8443"),
      Rule("FR-010", "LGWAN 業務端末→LGWAN", 100, RuleAction::kAllow, {"SEG-LG-01"}, {"CN-01"}, "any", ""),
      Rule("FR-011", "LGWAN 業務端末→業務サーバ", 110, RuleAction::kAllow, {"SEG-LG-01"}, {"SEG-LG-02"}, "tcp",
           "443,445"),
      Rule("FR-020", "インターネットメール受信（無害化）", 200, RuleAction::kAllow, {"SEG-IN-02"}, {"GW-01"}, "tcp", "25"),
      Rule("FR-021", "無害化済みメールの取得", 210, RuleAction::kAllow, {"SEG-LG-01"}, {"GW-01"}, "tcp", "993"),
      Rule("FR-022", "画面転送でインターネット閲覧", 220, RuleAction::kAllow, {"SEG-LG-01"}, {"SEG-IN-01"}, "tcp",
           "3389", {"GW-02"}),
      Rule("FR-030", "インターネット閲覧（セキュリティクラウド経由）", 300, RuleAction::kAllow, {"SEG-IN-01", "SEG-IN-09"},
           {"CN-04"}, "tcp", "80,443", {"GW-03"}),
      // Mistakes.
      Rule("FR-090", "保守用 SSH（マイナンバー系サーバ→LGWAN サーバ）", 900, RuleAction::kAllow, {"SEG-MN-02"},
           {"SEG-LG-02"}, "tcp", "22", {}, "保守業者の依頼で一時的に設定"),
      Rule("FR-091", "ベンダー保守回線（LGWAN サーバ→インターネット）", 910, RuleAction::kAllow, {"SEG-LG-02"},
           {"203.0.113.0/24"}, "tcp", "443"),
      Rule("FR-999", "既定の拒否", 9999, RuleAction::kDeny, {"any"}, {"any"}, "any", ""),
  };
}

}  // namespace mamori::demo
