// The monitor against nogata's and kumamoto's own profiles and a small
// network: what a SIEM and the store would receive for given traffic.
#include "net/monitor/monitor.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <thread>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "net/monitor/sinks.h"
#include "net/monitor/sources.h"
#include "policy/loader.h"

namespace mamori::net::monitor {
namespace {

std::filesystem::path SourceDir() {
  const char* dir = std::getenv("MAMORI_SOURCE_DIR");
  return dir ? dir : MAMORI_SOURCE_DIR_FALLBACK;
}

policy::Profile Load(std::string_view id) {
  auto p = policy::LoadProfileById(id, {SourceDir() / "profiles"});
  if (!p) ADD_FAILURE() << p.error().ToString();
  return p ? std::move(*p) : policy::Profile{};
}

reg::Register Network() {
  reg::Register r;
  r.segments = {
      {"SEG-MN", "マイナンバー系端末", reg::Tier::kMyNumber, {"10.10.0.0/16"}, {"mynumber"}, {}, {}, {}},
      {"SEG-LG", "LGWAN系端末", reg::Tier::kLgwan, {"10.20.0.0/16", "fd00:20::/48"}, {"lgwan"}, {}, {}, {}},
      {"SEG-IN", "インターネット系端末", reg::Tier::kInternet, {"10.30.0.0/16"}, {"internet"}, {}, {}, {}},
  };
  r.gateways = {
      {"GW-MAIL", "メール無害化", reg::GatewayKind::kSanitization, {"internet_to_lgwan"}, {"mail_text"}, {"10.40.0.10"}, {}, {}, {}},
      {"GW-SC", "セキュリティクラウド", reg::GatewayKind::kSecurityCloud, {}, {}, {"198.51.100.0/28"}, {}, {}, {}},
      {"GW-DL", "専用回線", reg::GatewayKind::kDedicatedLine, {}, {}, {"10.50.0.1"}, {}, {}, {}},
  };
  r.connections = {
      {"CN-JUKI", "住基ネット", "juki_net", {"172.30.1.0/24"}, "GW-DL", {}, {}},
  };
  return r;
}

struct Capture final : AlertSink {
  std::vector<std::pair<Alert, AlertPhase>> seen;
  void Emit(Alert& a, AlertPhase p) override { seen.emplace_back(a, p); }
};

FlowEvent Flow(std::string_view src, std::string_view dst, std::uint16_t port, std::int64_t t_ms = 1'700'000'000'000,
               FlowAction action = FlowAction::kAllowed) {
  FlowEvent f;
  f.src = *Address::Parse(src);
  f.dst = *Address::Parse(dst);
  f.src_port = 50000;
  f.dst_port = port;
  f.protocol = kProtoTcp;
  f.time_ms = t_ms;
  f.action = action;
  return f;
}

class MonitorTest : public ::testing::Test {
 protected:
  void Use(std::string_view profile_id, MonitorOptions options = {}) {
    profile_ = Load(profile_id);
    model_ = Model::Build(reg_, profile_);
    monitor_ = std::make_unique<Monitor>(model_, profile_, options, std::vector<AlertSink*>{&capture_}, &diag_);
  }
  reg::Register reg_ = Network();
  policy::Profile profile_;
  Model model_;
  Capture capture_;
  std::ostringstream diag_;
  std::unique_ptr<Monitor> monitor_;
};

TEST_F(MonitorTest, MyNumberTerminalReachingTheInternetIsAlertedOnceWithItsCountLater) {
  Use("nogata");
  for (int i = 0; i < 5; ++i) monitor_->OnFlow(Flow("10.10.3.4", "203.0.113.80", 443, 1'700'000'000'000 + i * 1000), "fw.log");
  ASSERT_EQ(capture_.seen.size(), 1u) << "one alert at once, not five";
  const auto& [first, phase] = capture_.seen[0];
  EXPECT_EQ(phase, AlertPhase::kFirst);
  EXPECT_EQ(first.rule, "net.my_number_isolation");
  EXPECT_EQ(first.severity, policy::Severity::kHigh);
  EXPECT_EQ(first.src_node, "SEG-MN");
  EXPECT_EQ(first.dst_tier, "internet");
  EXPECT_FALSE(first.clause_label.empty());
  EXPECT_NE(first.message.find("10.10.3.4"), std::string::npos);
  EXPECT_NE(first.message.find(first.clause_label), std::string::npos) << first.message;
  const auto ecs = nlohmann::json::parse(ToEcsJson(first, phase));
  EXPECT_EQ(ecs["event"]["kind"], "alert");
  EXPECT_EQ(ecs["event"]["action"], "net.my_number_isolation");
  EXPECT_EQ(ecs["source"]["ip"], "10.10.3.4");
  EXPECT_EQ(ecs["destination"]["port"], 443);
  EXPECT_EQ(ecs["rule"]["reference"], first.clause_label);
  EXPECT_EQ(ecs["network"]["transport"], "tcp");
  monitor_->Finish();
  ASSERT_EQ(capture_.seen.size(), 2u);
  EXPECT_EQ(capture_.seen[1].second, AlertPhase::kSummary);
  EXPECT_EQ(capture_.seen[1].first.count, 5);
  EXPECT_EQ(monitor_->Stats().suppressed, 4u);
}

TEST_F(MonitorTest, TrafficThePolicyAllowsRaisesNothing) {
  Use("nogata");
  monitor_->OnFlow(Flow("10.10.3.4", "10.10.9.9", 445), "x");        // within the tier
  monitor_->OnFlow(Flow("10.10.3.4", "172.30.1.20", 443), "x");      // 住基ネット: an allowed exception
  monitor_->OnFlow(Flow("10.20.1.1", "10.40.0.10", 993), "x");       // LGWAN to the mail sanitizer
  monitor_->OnFlow(Flow("10.30.1.1", "198.51.100.3", 8080), "x");    // internet tier to the security cloud
  monitor_->Finish();
  EXPECT_TRUE(capture_.seen.empty()) << capture_.seen.front().first.message;
  EXPECT_EQ(monitor_->Stats().flows, 4u);
}

TEST_F(MonitorTest, LgwanToInternetHostBypassesSanitizationUnderEitherProfile) {
  for (auto id : {"nogata", "kumamoto"}) {
    capture_.seen.clear();
    Use(id);
    monitor_->OnFlow(Flow("10.20.1.1", "10.30.5.5", 3389), "x");
    ASSERT_EQ(capture_.seen.size(), 1u) << id;
    EXPECT_EQ(capture_.seen[0].first.rule, "net.sanitization") << id;
  }
}

TEST_F(MonitorTest, InternetTierBypassingTheSecurityCloudDependsOnTheProfile) {
  Use("nogata");
  monitor_->OnFlow(Flow("10.30.1.1", "93.184.216.34", 443), "x");
  ASSERT_EQ(capture_.seen.size(), 1u);
  EXPECT_EQ(capture_.seen[0].first.rule, "net.security_cloud");
  capture_.seen.clear();
  Use("tsuyama");  // 6(3)③ there names no security cloud
  monitor_->OnFlow(Flow("10.30.1.1", "93.184.216.34", 443), "x");
  EXPECT_TRUE(capture_.seen.empty());
}

TEST_F(MonitorTest, BlockedAttemptsAreOneSeverityLowerOrIgnored) {
  Use("nogata");
  monitor_->OnFlow(Flow("10.10.3.4", "10.20.1.1", 22, 1'700'000'000'000, FlowAction::kDenied), "x");
  ASSERT_EQ(capture_.seen.size(), 1u);
  EXPECT_EQ(capture_.seen[0].first.severity, policy::Severity::kMedium);
  EXPECT_NE(capture_.seen[0].first.message.find("遮断"), std::string::npos);
  capture_.seen.clear();
  MonitorOptions quiet;
  quiet.alert_denied = false;
  Use("nogata", quiet);
  monitor_->OnFlow(Flow("10.10.3.4", "10.20.1.1", 22, 1'700'000'000'000, FlowAction::kDenied), "x");
  EXPECT_TRUE(capture_.seen.empty());
  EXPECT_EQ(monitor_->Stats().denied_ignored, 1u);
}

TEST_F(MonitorTest, ZonesPlaceAddressesTheRegisterDoesNotHold) {
  Use("nogata");
  auto f = Flow("192.168.77.7", "203.0.113.1", 443);  // a NATed or unregistered address
  f.src_zone = "mynumber";
  monitor_->OnFlow(f, "x");
  ASSERT_EQ(capture_.seen.size(), 1u);
  EXPECT_EQ(capture_.seen[0].first.src_node, "SEG-MN");
}

TEST_F(MonitorTest, IPv6AddressesAreMappedToo) {
  Use("nogata");
  monitor_->OnFlow(Flow("fd00:20::15", "2001:4860:4860::8888", 443), "x");
  // Straight from the LGWAN tier to the internet: unsanitized and past the security cloud.
  ASSERT_EQ(capture_.seen.size(), 2u);
  EXPECT_EQ(capture_.seen[0].first.src_node, "SEG-LG");
  EXPECT_EQ(capture_.seen[0].first.rule, "net.sanitization");
  EXPECT_EQ(capture_.seen[1].first.rule, "net.security_cloud");
}

TEST_F(MonitorTest, AWindowClosesAndTheSameFlowAlertsAgain) {
  MonitorOptions o;
  o.window_ms = 60'000;
  Use("nogata", o);
  monitor_->OnFlow(Flow("10.10.3.4", "203.0.113.80", 443, 1'700'000'000'000), "x");
  monitor_->OnFlow(Flow("10.10.3.4", "203.0.113.80", 443, 1'700'000'030'000), "x");
  monitor_->Tick(1'700'000'061'000);
  monitor_->OnFlow(Flow("10.10.3.4", "203.0.113.80", 443, 1'700'000'062'000), "x");
  int firsts = 0, summaries = 0;
  for (const auto& [a, p] : capture_.seen) (p == AlertPhase::kFirst ? firsts : summaries)++;
  EXPECT_EQ(firsts, 2);
  EXPECT_EQ(summaries, 1);
}

TEST_F(MonitorTest, AQuietPipeStillClosesWindowsAndCommitsTheStore) {
  MonitorOptions o;
  o.window_ms = 500;
  Use("nogata", o);
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  std::atomic<bool> stop{false};
  std::thread reader([&] { (void)ReadLines(fds[0], "pipe", parse::Format::kIptables, *monitor_, stop); });
  const auto now = NowMs();
  const std::string line = fmt::format(
      "kernel: DROP IN=eth1 OUT=eth0 SRC=10.10.3.4 DST=203.0.113.9 PROTO=TCP SPT=5000 DPT=443\n");
  ASSERT_EQ(::write(fds[1], line.data(), line.size()), static_cast<ssize_t>(line.size()));
  ASSERT_EQ(::write(fds[1], line.data(), line.size()), static_cast<ssize_t>(line.size()));
  // Nothing more arrives for a while; then the pipe closes. ReadLines never
  // calls Finish(), so a summary means the quiet pipe's idle tick closed the window.
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  ::close(fds[1]);
  reader.join();
  ::close(fds[0]);
  ASSERT_EQ(capture_.seen.size(), 2u);
  EXPECT_EQ(capture_.seen[1].second, AlertPhase::kSummary);
  EXPECT_EQ(capture_.seen[1].first.count, 2);
  EXPECT_EQ(monitor_->OpenAlerts(), 0u);
  EXPECT_LT(NowMs() - now, 5000);
}

TEST_F(MonitorTest, OpenAlertsStayBoundedHoweverManyDistinctFlows) {
  MonitorOptions o;
  o.max_open_alerts = 50;
  Use("nogata", o);
  for (std::uint32_t i = 0; i < 5000; ++i) {
    auto f = Flow("10.10.0.1", "203.0.113.1", 443);
    f.src = Address::V4(0x0A0A0000 | (i & 0xffff));
    monitor_->OnFlow(f, "x");
    ASSERT_LE(monitor_->OpenAlerts(), 50u);
  }
  EXPECT_EQ(monitor_->Stats().alerts, 5000u);
}

TEST_F(MonitorTest, LinesThatAreNotTrafficAreSkippedAndTheStreamGoesOn) {
  Use("nogata");
  const std::string log =
      "kernel: [1.0] DROP IN=eth1 OUT=eth0 SRC=10.10.3.4 DST=203.0.113.9 LEN=60 PROTO=TCP SPT=5000 DPT=443\n"
      "this is not a firewall log line at all\n"
      "kernel: [1.1] ACCEPT IN=eth1 OUT=eth0 SRC=10.20.3.4 DST=10.30.0.9 LEN=60 PROTO=TCP SPT=5000 DPT=3389\n";
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  ASSERT_EQ(::write(fds[1], log.data(), log.size()), static_cast<ssize_t>(log.size()));
  ::close(fds[1]);
  std::atomic<bool> stop{false};
  ASSERT_TRUE(ReadLines(fds[0], "fw.log", parse::Format::kIptables, *monitor_, stop));
  ::close(fds[0]);
  EXPECT_EQ(monitor_->Stats().lines, 3u);
  EXPECT_EQ(monitor_->Stats().flows, 2u);
  // A kernel log holds other lines than netfilter's: not traffic, so skipped (and the stream goes on).
  EXPECT_EQ(monitor_->Stats().skipped, 1u);
  EXPECT_EQ(monitor_->Stats().malformed, 0u);
  EXPECT_EQ(capture_.seen.size(), 2u);
}

TEST_F(MonitorTest, ALineLongerThanTheLimitIsReportedAndSkipped) {
  Use("nogata");
  std::string log = std::string(200, 'x') + "\n" +
                    "kernel: DROP IN=eth1 OUT=eth0 SRC=10.10.3.4 DST=203.0.113.9 PROTO=TCP SPT=5000 DPT=443\n";
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  ASSERT_EQ(::write(fds[1], log.data(), log.size()), static_cast<ssize_t>(log.size()));
  ::close(fds[1]);
  std::atomic<bool> stop{false};
  ASSERT_TRUE(ReadLines(fds[0], "big.log", parse::Format::kIptables, *monitor_, stop, 100));
  ::close(fds[0]);
  EXPECT_EQ(monitor_->Stats().malformed, 1u);
  EXPECT_NE(diag_.str().find("big.log:1:101"), std::string::npos) << diag_.str();
  EXPECT_EQ(capture_.seen.size(), 1u);
}

void SendUdp(int port, const std::string& text) {
  const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(static_cast<std::uint16_t>(port));
  to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::sendto(fd, text.data(), text.size(), 0, reinterpret_cast<sockaddr*>(&to), sizeof to);
  ::close(fd);
}

void SendTcp(int port, const std::string& bytes) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(static_cast<std::uint16_t>(port));
  to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to), 0);
  ASSERT_EQ(::write(fd, bytes.data(), bytes.size()), static_cast<ssize_t>(bytes.size()));
  ::close(fd);
}

TEST_F(MonitorTest, SyslogOverUdpAndTcpReachesTheMonitor) {
  Use("nogata");
  Listeners listeners;
  ASSERT_TRUE(listeners.AddSyslogUdp({"127.0.0.1", "0"}, parse::Format::kAuto));
  ASSERT_TRUE(listeners.AddSyslogTcp({"127.0.0.1", "0"}, parse::Format::kAuto));
  const auto ports = listeners.Ports();
  ASSERT_EQ(ports.size(), 2u);
  std::atomic<bool> stop{false};
  std::thread sender([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    SendUdp(ports[0], "<4>Nov 22 10:00:00 fw1 kernel: DROP IN=eth1 OUT=eth0 SRC=10.10.3.4 DST=203.0.113.9 PROTO=TCP SPT=5000 DPT=443");
    const std::string m = "<4>Nov 22 10:00:01 fw1 kernel: ACCEPT IN=eth1 OUT=eth0 SRC=10.20.3.4 DST=10.30.0.9 PROTO=TCP SPT=5000 DPT=3389";
    SendTcp(ports[1], std::to_string(m.size()) + " " + m + "garbage-without-a-frame\n");
  });
  ASSERT_TRUE(listeners.Run(*monitor_, stop, 800));
  sender.join();
  ASSERT_EQ(capture_.seen.size(), 2u) << diag_.str();
  std::set<std::string> rules;
  for (const auto& [a, p] : capture_.seen) rules.insert(a.rule);
  EXPECT_TRUE(rules.contains("net.my_number_isolation"));
  EXPECT_TRUE(rules.contains("net.sanitization"));
  EXPECT_EQ(capture_.seen[0].first.flow.device, "fw1");
}

TEST(AlertFormatTest, Rfc5424MessageHasTheStructuredDataAndTheJapaneseText) {
  Alert a;
  a.rule = "net.my_number_isolation";
  a.clause_label = "6(3)①";
  a.flow.src = *Address::Parse("10.10.3.4");
  a.flow.dst = *Address::Parse("203.0.113.9");
  a.flow.dst_port = 443;
  a.flow.protocol = 6;
  a.src_node = "SEG-MN";
  a.first_ms = a.last_ms = 1'700'000'000'000;
  a.message = "マイナンバー利用事務系が通信しました";
  const std::string m = ToSyslog5424(a, AlertPhase::kFirst, "mamori-host");
  EXPECT_TRUE(m.starts_with("<162>1 2023-11-14T22:13:20.000Z mamori-host mamori - net.my_number_isolation [mamori@32473 "))
      << m;
  EXPECT_NE(m.find("dst=\"203.0.113.9\" dport=\"443\""), std::string::npos);
  EXPECT_NE(m.find("clause=\"6(3)①\""), std::string::npos);
  EXPECT_TRUE(m.ends_with("\xEF\xBB\xBFマイナンバー利用事務系が通信しました"));
}

}  // namespace
}  // namespace mamori::net::monitor
