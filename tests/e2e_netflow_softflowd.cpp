// End-to-end: a real NetFlow exporter (Debian's softflowd) reads a capture of
// ordinary TCP/UDP conversations in the demo body's network and exports the
// flows over loopback — NetFlow v5, v9 and IPFIX — to `mamori net watch
// --netflow`; the alerts that come out (ECS JSON lines and the store) must be
// exactly the cross-tier ones, with the right rules and addresses.
//
// Exit 77 (skipped) when softflowd is not installed (apt-get install softflowd).
// Environment: MAMORI_BIN (the mamori binary), SOFTFLOWD (optional path).
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <arpa/inet.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

extern char** environ;

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

int g_failures = 0;

#define EXPECT(cond, what)                                                          \
  do {                                                                              \
    if (!(cond)) {                                                                  \
      ++g_failures;                                                                 \
      std::cerr << __FILE__ << ":" << __LINE__ << ": 失敗: " << what << "\n";      \
    }                                                                               \
  } while (0)

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::optional<std::string> FindSoftflowd() {
  if (const char* env = std::getenv("SOFTFLOWD"); env && *env) return ::access(env, X_OK) == 0 ? std::optional(std::string(env)) : std::nullopt;
  std::vector<std::string> dirs = {"/usr/sbin", "/usr/local/sbin", "/sbin"};
  if (const char* path = std::getenv("PATH")) {
    std::stringstream s(path);
    for (std::string d; std::getline(s, d, ':');) dirs.push_back(d);
  }
  for (const auto& d : dirs) {
    const std::string p = d + "/softflowd";
    if (::access(p.c_str(), X_OK) == 0) return p;
  }
  return std::nullopt;
}

// A child process with standard output and error in files.
struct Child {
  pid_t pid = -1;
  fs::path out, err;
};

Child Spawn(const std::vector<std::string>& args, const fs::path& out, const fs::path& err) {
  std::vector<std::string> copy = args;
  std::vector<char*> argv;
  for (auto& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  Child c;
  c.out = out;
  c.err = err;
  if (posix_spawn(&c.pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) c.pid = -1;
  posix_spawn_file_actions_destroy(&actions);
  return c;
}

// The exit status (128+signal when killed); -1 when it did not end within `timeout`.
int Wait(pid_t pid, std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    int status = 0;
    const pid_t r = ::waitpid(pid, &status, WNOHANG);
    if (r == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    if (r < 0) return -1;
    if (Clock::now() >= deadline) return -1;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

struct Outcome {
  int status = -1;
  std::string out, err;
};

Outcome Run(const std::vector<std::string>& args, const fs::path& dir, std::chrono::seconds timeout = std::chrono::seconds(60)) {
  Child c = Spawn(args, dir / "run.out", dir / "run.err");
  Outcome o;
  if (c.pid < 0) return o;
  o.status = Wait(c.pid, timeout);
  if (o.status == -1) {
    ::kill(c.pid, SIGKILL);
    ::waitpid(c.pid, nullptr, 0);
  }
  o.out = Slurp(c.out);
  o.err = Slurp(c.err);
  return o;
}

// ---- a classic pcap of Ethernet / IPv4 / TCP or UDP packets ----------------------------------------

class Pcap {
 public:
  Pcap() {
    Put32(0xa1b2c3d4);  // microsecond timestamps, written little-endian
    Put16(2);
    Put16(4);
    Put32(0);  // thiszone
    Put32(0);  // sigfigs
    Put32(65535);
    Put32(1);  // LINKTYPE_ETHERNET
  }

  struct Endpoint {
    std::uint32_t ip;
    std::uint16_t port;
  };

  // SYN, SYN/ACK, ACK, request, response, FIN/ACK both ways, last ACK: 10 ms apart.
  void TcpConversation(std::int64_t start_us, Endpoint client, Endpoint server, std::size_t request, std::size_t response) {
    std::uint32_t cseq = 1000, sseq = 50000;
    std::int64_t t = start_us;
    auto step = [&] { return t += 10'000; };
    Tcp(t, client, server, cseq, 0, kSyn, 0);
    ++cseq;
    Tcp(step(), server, client, sseq, cseq, kSyn | kAck, 0);
    ++sseq;
    Tcp(step(), client, server, cseq, sseq, kAck, 0);
    Tcp(step(), client, server, cseq, sseq, kPsh | kAck, request);
    cseq += static_cast<std::uint32_t>(request);
    Tcp(step(), server, client, sseq, cseq, kPsh | kAck, response);
    sseq += static_cast<std::uint32_t>(response);
    Tcp(step(), client, server, cseq, sseq, kAck, 0);
    Tcp(step(), client, server, cseq, sseq, kFin | kAck, 0);
    ++cseq;
    Tcp(step(), server, client, sseq, cseq, kFin | kAck, 0);
    ++sseq;
    Tcp(step(), client, server, cseq, sseq, kAck, 0);
  }

  // A query and its answer.
  void UdpExchange(std::int64_t start_us, Endpoint client, Endpoint server, std::size_t request, std::size_t response) {
    Udp(start_us, client, server, request);
    Udp(start_us + 5'000, server, client, response);
  }

  void Save(const fs::path& p) const { std::ofstream(p, std::ios::binary).write(reinterpret_cast<const char*>(bytes_.data()), static_cast<std::streamsize>(bytes_.size())); }
  [[nodiscard]] std::size_t packets() const { return packets_; }

 private:
  static constexpr std::uint8_t kFin = 0x01, kSyn = 0x02, kPsh = 0x08, kAck = 0x10;

  void Put16(std::uint16_t v) {
    bytes_.push_back(static_cast<std::uint8_t>(v));
    bytes_.push_back(static_cast<std::uint8_t>(v >> 8));
  }
  void Put32(std::uint32_t v) {
    Put16(static_cast<std::uint16_t>(v));
    Put16(static_cast<std::uint16_t>(v >> 16));
  }
  static void Be16(std::vector<std::uint8_t>& b, std::uint16_t v) {
    b.push_back(static_cast<std::uint8_t>(v >> 8));
    b.push_back(static_cast<std::uint8_t>(v));
  }
  static void Be32(std::vector<std::uint8_t>& b, std::uint32_t v) {
    Be16(b, static_cast<std::uint16_t>(v >> 16));
    Be16(b, static_cast<std::uint16_t>(v));
  }
  static std::uint16_t Checksum(const std::uint8_t* p, std::size_t n, std::uint32_t sum = 0) {
    for (std::size_t i = 0; i + 1 < n; i += 2) sum += static_cast<std::uint32_t>(p[i] << 8 | p[i + 1]);
    if (n % 2) sum += static_cast<std::uint32_t>(p[n - 1] << 8);
    while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
    return static_cast<std::uint16_t>(~sum);
  }

  // Ethernet + IPv4 around `l4` (a TCP or UDP header and payload whose checksum field is at `csum_at`).
  void Frame(std::int64_t t_us, std::uint32_t src, std::uint32_t dst, std::uint8_t proto, std::vector<std::uint8_t> l4,
             std::size_t csum_at) {
    // The transport checksum over the pseudo-header.
    std::uint32_t pseudo = (src >> 16) + (src & 0xffff) + (dst >> 16) + (dst & 0xffff) + proto +
                           static_cast<std::uint32_t>(l4.size());
    const std::uint16_t l4sum = Checksum(l4.data(), l4.size(), pseudo);
    l4[csum_at] = static_cast<std::uint8_t>(l4sum >> 8);
    l4[csum_at + 1] = static_cast<std::uint8_t>(l4sum);

    // Locally administered MAC addresses: destination, source.
    std::vector<std::uint8_t> f = {0x02, 0x00, 0x00, 0x00, 0x00, 0x02, 0x02, 0x00, 0x00, 0x00, 0x00, 0x01};
    Be16(f, 0x0800);
    const std::size_t ip = f.size();
    f.push_back(0x45);
    f.push_back(0);
    Be16(f, static_cast<std::uint16_t>(20 + l4.size()));
    Be16(f, static_cast<std::uint16_t>(++ip_id_));
    Be16(f, 0x4000);  // don't fragment
    f.push_back(64);
    f.push_back(proto);
    Be16(f, 0);
    Be32(f, src);
    Be32(f, dst);
    const std::uint16_t ipsum = Checksum(f.data() + ip, 20);
    f[ip + 10] = static_cast<std::uint8_t>(ipsum >> 8);
    f[ip + 11] = static_cast<std::uint8_t>(ipsum);
    f.insert(f.end(), l4.begin(), l4.end());

    Put32(static_cast<std::uint32_t>(t_us / 1'000'000));
    Put32(static_cast<std::uint32_t>(t_us % 1'000'000));
    Put32(static_cast<std::uint32_t>(f.size()));
    Put32(static_cast<std::uint32_t>(f.size()));
    bytes_.insert(bytes_.end(), f.begin(), f.end());
    ++packets_;
  }

  void Tcp(std::int64_t t_us, Endpoint from, Endpoint to, std::uint32_t seq, std::uint32_t ack, std::uint8_t flags,
           std::size_t payload) {
    std::vector<std::uint8_t> h;
    Be16(h, from.port);
    Be16(h, to.port);
    Be32(h, seq);
    Be32(h, ack);
    h.push_back(5 << 4);  // 20-byte header
    h.push_back(flags);
    Be16(h, 65535);
    Be16(h, 0);  // checksum
    Be16(h, 0);  // urgent pointer
    for (std::size_t i = 0; i < payload; ++i) h.push_back(static_cast<std::uint8_t>('a' + i % 26));
    Frame(t_us, from.ip, to.ip, 6, std::move(h), 16);
  }

  void Udp(std::int64_t t_us, Endpoint from, Endpoint to, std::size_t payload) {
    std::vector<std::uint8_t> h;
    Be16(h, from.port);
    Be16(h, to.port);
    Be16(h, static_cast<std::uint16_t>(8 + payload));
    Be16(h, 0);
    for (std::size_t i = 0; i < payload; ++i) h.push_back(static_cast<std::uint8_t>(i));
    Frame(t_us, from.ip, to.ip, 17, std::move(h), 6);
  }

  std::vector<std::uint8_t> bytes_;
  std::size_t packets_ = 0;
  std::uint16_t ip_id_ = 0;
};

std::uint32_t Ip(const char* text) {
  in_addr a{};
  ::inet_pton(AF_INET, text, &a);
  return ntohl(a.s_addr);
}

// ---- the scenario -----------------------------------------------------------------------------------

// (rule, source ip, destination ip)
using AlertKey = std::tuple<std::string, std::string, std::string>;

struct Conversation {
  const char* what;
  const char* client;
  std::uint16_t client_port;
  const char* server;
  std::uint16_t server_port;
  bool udp;
  // NetFlow records are one-way: softflowd exports the answer as a record of its own, and
  // the answer of a cross-tier conversation crosses the tiers too (its source is the server).
  std::vector<std::string> rules;        // what the client → server direction breaks
  std::vector<std::string> reply_rules;  // what the server → client direction (the answer) breaks
};

// The demo body (profile nogata): My Number tier 10.10.0.0/16 (terminals) and
// 10.11.0.0/24 (servers), LGWAN 10.20.0.0/16, internet tier 10.30.0.0/16, the
// security cloud 198.51.100.0/28, 住基ネット 172.30.1.0/24 over the dedicated line,
// the vendor's public server 203.0.113.0/24 on a line of its own (CN-05, not through
// the cloud). 192.0.2.0/24 stands for any other public address: the register's
// internet connection CN-04 (through the security cloud) stands for those.
const std::vector<Conversation>& Scenario() {
  static const std::vector<Conversation> s = {
      {"マイナンバー系端末 → インターネット上のアドレス", "10.10.1.21", 50001, "192.0.2.80", 443, false,
       {"net.my_number_isolation"}, {"net.my_number_isolation"}},
      {"LGWAN 接続系端末 → インターネット接続系の端末", "10.20.1.31", 50002, "10.30.1.41", 8080, false,
       {"net.sanitization"}, {"net.sanitization"}},
      // 203.0.113.0/24 is the vendor's public server, reached over its own line (CN-05), not through the cloud.
      {"インターネット接続系 → セキュリティクラウドを経ない公開アドレス（DNS）", "10.30.1.41", 50003, "203.0.113.53", 53, true,
       {"net.security_cloud"}, {"net.security_cloud"}},
      // Allowed: nothing may be alerted, in either direction.
      {"マイナンバー系端末 → マイナンバー系サーバ（同じ系統）", "10.10.1.21", 50011, "10.11.0.10", 443, false, {}, {}},
      {"マイナンバー系サーバ → 住基ネット（専用回線）", "10.11.0.10", 50012, "172.30.1.5", 443, false, {}, {}},
      {"インターネット接続系 → セキュリティクラウド", "10.30.1.41", 50013, "198.51.100.3", 8080, false, {}, {}},
      {"LGWAN 接続系端末 → LGWAN 接続系サーバ（同じ系統）", "10.20.1.31", 50014, "10.21.0.5", 445, false, {}, {}},
  };
  return s;
}

std::set<AlertKey> ExpectedAlerts() {
  std::set<AlertKey> out;
  for (const auto& c : Scenario()) {
    for (const auto& r : c.rules) out.insert({r, c.client, c.server});
    for (const auto& r : c.reply_rules) out.insert({r, c.server, c.client});
  }
  return out;
}

// Every address that takes part in allowed traffic only.
bool InAllowedPair(const std::string& src, const std::string& dst) {
  for (const auto& c : Scenario())
    if (c.rules.empty() && ((src == c.client && dst == c.server) || (src == c.server && dst == c.client))) return true;
  return false;
}

struct Variant {
  std::string name;
  std::vector<std::string> softflowd_args;
};

// One export: a fresh demo register, the monitor listening, softflowd sending.
void RunVariant(const std::string& mamori, const std::string& softflowd, const fs::path& root, const fs::path& pcap,
                std::int64_t capture_start_ms, const Variant& v) {
  std::cerr << "---- " << v.name << "\n";
  const fs::path dir = root / v.name;
  fs::create_directories(dir);
  const std::string db = (dir / "register.db").string();
  const auto base = std::vector<std::string>{mamori, "--db", db, "--actor", "e2e 試験"};
  auto with = [&](std::vector<std::string> args) {
    args.insert(args.begin(), base.begin(), base.end());
    return args;
  };

  const auto demo = Run(with({"demo"}), dir);
  EXPECT(demo.status == 0, v.name << ": mamori demo が失敗しました: " << demo.err);
  if (demo.status != 0) return;

  const fs::path ecs = dir / "alerts.jsonl";
  Child watch = Spawn(with({"net", "watch", "--netflow", "127.0.0.1:0", "--out", ecs.string(), "--duration", "60"}),
                      dir / "watch.out", dir / "watch.err");
  EXPECT(watch.pid > 0, v.name << ": mamori net watch を起動できません");
  if (watch.pid <= 0) return;

  // The port the system gave: "待ち受け中（ポート N）".
  int port = 0;
  const std::string marker = "待ち受け中（ポート ";
  for (auto deadline = Clock::now() + std::chrono::seconds(20); Clock::now() < deadline && port == 0;) {
    const std::string err = Slurp(watch.err);
    if (auto at = err.find(marker); at != std::string::npos) port = std::atoi(err.c_str() + at + marker.size());
    if (port == 0) {
      if (::waitpid(watch.pid, nullptr, WNOHANG) == watch.pid) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  EXPECT(port > 0, v.name << ": 待ち受けのポートが表示されません: " << Slurp(watch.err));
  if (port == 0) {
    ::kill(watch.pid, SIGKILL);
    ::waitpid(watch.pid, nullptr, 0);
    return;
  }

  // softflowd reads the capture, expires every flow at its end and exports them.
  // (No -c: softflowd 1.1.0 given a control socket keeps running after the end of the capture.)
  std::vector<std::string> sf = {softflowd, "-r", pcap.string(), "-n", "127.0.0.1:" + std::to_string(port)};
  sf.insert(sf.end(), v.softflowd_args.begin(), v.softflowd_args.end());
  const auto exported = Run(sf, dir, std::chrono::seconds(30));
  EXPECT(exported.status == 0, v.name << ": softflowd が失敗しました（" << exported.status << "）: " << exported.err
                                      << exported.out);

  // Loopback datagrams are queued once softflowd has sent them; give the monitor a moment, then stop it.
  const std::size_t expected_alerts = ExpectedAlerts().size();
  for (auto deadline = Clock::now() + std::chrono::seconds(10); Clock::now() < deadline;) {
    const std::string text = Slurp(ecs);
    if (static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) >= expected_alerts) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(500));  // anything unexpected still in flight
  ::kill(watch.pid, SIGTERM);
  const int status = Wait(watch.pid, std::chrono::seconds(20));
  EXPECT(status == 0, v.name << ": mamori net watch の終了コードが " << status << " です: " << Slurp(watch.err));
  if (status == -1) {
    ::kill(watch.pid, SIGKILL);
    ::waitpid(watch.pid, nullptr, 0);
  }
  const std::string watch_err = Slurp(watch.err);
  std::cerr << "softflowd: " << exported.out.substr(0, 400) << "\nmamori: " << watch_err;

  // Every conversation has packets both ways: softflowd exports one record per direction.
  const std::size_t expected_flows = 2 * Scenario().size();
  EXPECT(watch_err.find("フロー " + std::to_string(expected_flows) + "、") != std::string::npos,
         v.name << ": フロー " << expected_flows << " 件を受け取っていません: " << watch_err);
  EXPECT(watch_err.find("不正 0。") != std::string::npos, v.name << ": 不正な入力があります: " << watch_err);

  // The ECS JSON lines: exactly the expected (rule, source, destination), each once.
  std::multiset<AlertKey> seen;
  const std::string text = Slurp(ecs);
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty()) continue;
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(line);
    } catch (const std::exception& e) {
      EXPECT(false, v.name << ": ECS の行が JSON ではありません: " << line);
      continue;
    }
    const std::string rule = j.at("rule").at("id");
    const std::string src = j.at("source").at("ip"), dst = j.at("destination").at("ip");
    seen.insert({rule, src, dst});
    EXPECT(j.at("event").at("kind") == "alert" && j.at("event").at("action") == rule, v.name << ": " << line);
    EXPECT(j.at("mamori").at("phase") == "first", v.name << ": 1 回だけの通信に件数の報告が出ています: " << line);
    EXPECT(j.at("observer").at("name") == "127.0.0.1", v.name << ": 送出元が記録されていません: " << line);
    EXPECT(!InAllowedPair(src, dst), v.name << ": 許可された通信に警告が出ています: " << line);
    // The flow's own time comes through the export (within the capture's minute), not the time it
    // arrived. softflowd's IPFIX gives it as an uptime relative to its own start, which is after
    // the capture: a "negative" 32-bit uptime the decoder must not read as 49.7 days later.
    const std::string ts = j.at("@timestamp");
    std::tm tm{};
    EXPECT(::strptime(ts.c_str(), "%Y-%m-%dT%H:%M:%S", &tm) != nullptr, v.name << ": 時刻が読めません: " << ts);
    const std::int64_t at_ms = static_cast<std::int64_t>(::timegm(&tm)) * 1000;
    EXPECT(at_ms >= capture_start_ms - 2000 && at_ms <= capture_start_ms + 60'000,
           v.name << ": 警告の時刻 " << ts << " が記録の時刻（" << capture_start_ms / 1000 << "）と合いません");
    // The port of the conversation's server side is kept.
    for (const auto& c : Scenario()) {
      if (src == c.client && dst == c.server) EXPECT(j.at("destination").at("port") == c.server_port, v.name << ": " << line);
      if (src == c.server && dst == c.client) EXPECT(j.at("source").at("port") == c.server_port, v.name << ": " << line);
    }
  }
  const auto expected = ExpectedAlerts();
  for (const auto& k : expected)
    EXPECT(seen.count(k) == 1, v.name << ": 警告 " << std::get<0>(k) << " " << std::get<1>(k) << " → " << std::get<2>(k)
                                      << " が " << seen.count(k) << " 回出ています（1 回のはず）");
  for (const auto& k : seen)
    EXPECT(expected.count(k) == 1,
           v.name << ": 予期しない警告 " << std::get<0>(k) << " " << std::get<1>(k) << " → " << std::get<2>(k));

  // The store has the same alerts.
  const auto listed = Run(with({"net", "alerts", "--format", "json", "--limit", "0"}), dir);
  EXPECT(listed.status == 0, v.name << ": mamori net alerts が失敗しました: " << listed.err);
  std::multiset<AlertKey> stored;
  try {
    for (const auto& a : nlohmann::json::parse(listed.out)) {
      stored.insert({a.at("rule").get<std::string>(), a.at("src_ip").get<std::string>(), a.at("dst_ip").get<std::string>()});
      EXPECT(a.at("status") == "new" && a.at("count") == 1, v.name << ": " << a.dump());
      EXPECT(a.at("input").get<std::string>().starts_with("netflow:"), v.name << ": " << a.dump());
    }
  } catch (const std::exception& e) {
    EXPECT(false, v.name << ": net alerts の出力が読めません: " << e.what() << "\n" << listed.out);
  }
  EXPECT(stored == seen, v.name << ": 台帳の警告（" << stored.size() << " 件）が ECS の出力（" << seen.size()
                                << " 件）と一致しません: " << listed.out);
}

}  // namespace

int main() {
  const auto softflowd = FindSoftflowd();
  if (!softflowd) {
    std::cout << "e2e_netflow_softflowd: SKIPPED - softflowd がありません（apt-get install softflowd）"
                 " / softflowd is not installed\n";
    return 77;
  }
  const char* mamori = std::getenv("MAMORI_BIN");
  if (!mamori || ::access(mamori, X_OK) != 0) {
    std::cerr << "MAMORI_BIN に mamori の実行ファイルを指定してください\n";
    return 1;
  }
  char tmpl[] = "/tmp/mamori-e2e-netflow-XXXXXX";
  if (!::mkdtemp(tmpl)) {
    std::perror("mkdtemp");
    return 1;
  }
  const fs::path root = tmpl;

  // The conversations, a second apart, starting a minute ago.
  const std::int64_t start_ms =
      (std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count() -
       60'000) / 1000 * 1000;
  Pcap pcap;
  std::int64_t t_us = start_ms * 1000;
  for (const auto& c : Scenario()) {
    const Pcap::Endpoint client{Ip(c.client), c.client_port}, server{Ip(c.server), c.server_port};
    if (c.udp) pcap.UdpExchange(t_us, client, server, 40, 120);
    else pcap.TcpConversation(t_us, client, server, 300, 1200);
    t_us += 1'000'000;
  }
  const fs::path capture = root / "conversations.pcap";
  pcap.Save(capture);
  std::cerr << "softflowd: " << *softflowd << "、記録 " << pcap.packets() << " パケット（" << capture << "）\n";

  // -T full: flows by the 5-tuple (the default, stated); -d: stay in the foreground.
  const std::vector<Variant> variants = {
      {"netflow-v5", {"-d", "-T", "full", "-v", "5"}},
      {"netflow-v9", {"-d", "-T", "full", "-v", "9"}},
      {"ipfix", {"-d", "-T", "full", "-v", "10"}},
      {"ipfix-absolute-ms", {"-d", "-T", "full", "-v", "10", "-A", "milli"}},
  };
  for (const auto& v : variants) RunVariant(mamori, *softflowd, root, capture, start_ms, v);

  if (g_failures == 0) {
    fs::remove_all(root);
    std::cout << "e2e_netflow_softflowd: 合格（" << variants.size() << " 通りの送出）\n";
    return 0;
  }
  std::cout << "e2e_netflow_softflowd: " << g_failures << " 件の失敗。記録は " << root << " に残しています\n";
  return 1;
}
