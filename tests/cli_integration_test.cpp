// End-to-end tests of the mamori command as a municipal IT officer uses it:
// a real binary, a real SQLite file, files in the formats bodies keep.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "common/text.h"

extern char** environ;

namespace mamori {
namespace {

namespace fs = std::filesystem;

struct Outcome {
  int status = -1;
  std::string out;
  std::string err;
};

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path SourceDir() {
  const char* env = std::getenv("MAMORI_SOURCE_DIR");
  return env ? fs::path(env) : fs::current_path();
}

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("mamori-cli-" + std::to_string(::getpid()) + "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "register.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  Outcome Run(std::vector<std::string> args) {
    args.insert(args.begin(), {MAMORI_BINARY, "--db", db_, "--actor", "監査 太郎"});
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const auto out_file = dir_ / "stdout";
    const auto err_file = dir_ / "stderr";
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = 0;
    Outcome o;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) == 0) {
      int status = 0;
      waitpid(pid, &status, 0);
      o.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    posix_spawn_file_actions_destroy(&actions);
    o.out = Slurp(out_file);
    o.err = Slurp(err_file);
    return o;
  }

  void Write(const std::string& name, const std::string& bytes) { std::ofstream(dir_ / name, std::ios::binary) << bytes; }

  // The shared golden fixture, imported under a profile.
  void ImportFixture(const std::string& profile) {
    ASSERT_EQ(Run({"init", "--profile", profile}).status, 0);
    std::vector<std::string> args{"import"};
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(SourceDir() / "tests/golden/check/register")) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) args.push_back(f.string());
    auto r = Run(args);
    ASSERT_EQ(r.status, 0) << r.err;
  }

  int Count(const std::string& kind) {
    auto r = Run({kind, "list", "--format", "json"});
    EXPECT_EQ(r.status, 0) << r.err;
    return static_cast<int>(nlohmann::json::parse(r.out).size());
  }

  fs::path dir_;
  std::string db_;
};

TEST_F(Cli, ListsTheFiveSeedBodiesAndTheGuideline) {
  auto r = Run({"profile", "list"});
  ASSERT_EQ(r.status, 0) << r.err;
  for (auto id : {"guideline", "nogata", "misato", "ogi-council", "kumamoto", "tsuyama"})
    EXPECT_NE(r.out.find(id), std::string::npos) << id;
  EXPECT_NE(r.out.find("直方市"), std::string::npos);
}

TEST_F(Cli, ShowsAProfileWithItsRevisionsInWareki) {
  auto r = Run({"profile", "show", "nogata"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("令和8年4月1日"), std::string::npos);
  EXPECT_NE(r.out.find("平成16年3月31日"), std::string::npos);
}

TEST_F(Cli, ValidateNamesFileLineAndColumn) {
  Write("broken.yaml", "id: broken\nbase: guideline\nscope:\n  organs: [市長部局\n");
  auto r = Run({"profile", "validate", (dir_ / "broken.yaml").string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("broken.yaml:"), std::string::npos) << r.err;
  Write("typo.yaml", "id: typo\nbase: guideline\nsanitisation:\n  directions: [internet_to_lgwan]\n");
  r = Run({"profile", "validate", (dir_ / "typo.yaml").string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("typo.yaml:3:1"), std::string::npos) << r.err;
}

TEST_F(Cli, CheckNeedsAProfile) {
  auto r = Run({"check"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("init --profile"), std::string::npos) << r.err;
}

TEST_F(Cli, CheckJsonCitesTheBodysOwnClauses) {
  ImportFixture("misato");
  auto r = Run({"check", "--format", "json", "--today", "2026-11-22", "--fail-on", "none"});
  ASSERT_EQ(r.status, 0) << r.err;
  const auto findings = nlohmann::json::parse(r.out);
  ASSERT_FALSE(findings.empty());
  bool cited_article = false;
  for (const auto& f : findings) {
    for (auto key : {"rule", "clause", "severity", "status", "subject", "message"}) ASSERT_TRUE(f.contains(key)) << key;
    ASSERT_TRUE(f["subject"].contains("type") && f["subject"].contains("id"));
    cited_article = cited_article || f["clause"].get<std::string>().starts_with("第6条");
  }
  EXPECT_TRUE(cited_article) << "美郷町's rules cite its articles (第6条…)";
}

TEST_F(Cli, FailOnSetsTheExitStatus) {
  ImportFixture("nogata");
  EXPECT_EQ(Run({"check", "--today", "2026-11-22"}).status, 1);  // high findings fail by default
  EXPECT_EQ(Run({"check", "--fail-on", "none"}).status, 0);
  auto en = Run({"--lang", "en", "check", "--fail-on", "none"});
  EXPECT_NE(en.out.find("failed"), std::string::npos) << en.out;
}

TEST_F(Cli, PayrollInTheInternetTierIsABreachForNogataButNotForKumamoto) {
  auto find = [&](const std::string& profile) {
    fs::remove(db_);
    ImportFixture(profile);
    auto r = Run({"check", "--format", "json", "--fail-on", "none"});
    for (const auto& f : nlohmann::json::parse(r.out))
      if (f["rule"] == "system.tier_allowed" && f["subject"]["id"] == "S03") return f["status"].get<std::string>();
    return std::string("missing");
  };
  EXPECT_EQ(find("nogata"), "fail");
  EXPECT_EQ(find("kumamoto"), "pass");
}

TEST_F(Cli, Cp932CsvWithABrokenRowChangesNothing) {
  ASSERT_EQ(Run({"init", "--profile", "nogata"}).status, 0);
  const std::string csv =
      "資産番号,資産名称,機密性,完全性,可用性,施錠保管\r\n"
      "A-1,住民票①,3A,2,2,はい\r\n"
      "A-2,髙橋さんの申請書,3B,2,2,たぶん\r\n"   // not a yes/no
      "A-3,課税資料,5,2,2,はい\r\n";             // not a level
  auto bytes = text::FromUtf8(csv, text::Encoding::kCp932);
  ASSERT_TRUE(bytes);
  Write("sjis.csv", *bytes);
  auto r = Run({"import", (dir_ / "sjis.csv").string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("施錠保管"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("たぶん"), std::string::npos) << r.err;
  EXPECT_EQ(Count("asset"), 0);
  auto history = Run({"history", "--entity", "asset", "--format", "json"});
  EXPECT_EQ(nlohmann::json::parse(history.out).size(), 0u);

  // Fixed, the same CP932 file imports, with ① and 髙 intact.
  std::string fixed = csv;
  fixed.replace(fixed.find("たぶん"), std::string("たぶん").size(), "いいえ");
  fixed.replace(fixed.find(",5,"), 3, ",2,");
  Write("sjis.csv", *text::FromUtf8(fixed, text::Encoding::kCp932));
  r = Run({"import", (dir_ / "sjis.csv").string()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(Run({"asset", "show", "A-1"}).out.find("住民票①"), std::string::npos);
  EXPECT_NE(Run({"asset", "show", "A-2"}).out.find("髙橋"), std::string::npos);
}

TEST_F(Cli, NotASpreadsheetIsAClearError) {
  Write("photo.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  auto r = Run({"import", (dir_ / "photo.png").string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("photo.png"), std::string::npos) << r.err;
  EXPECT_EQ(Count("asset"), 0);
}

TEST_F(Cli, DuplicateNumbersAreRefused) {
  Write("dup.csv", "資産番号,資産名称\nA-1,一\nA-1,二\n");
  auto r = Run({"import", (dir_ / "dup.csv").string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("A-1"), std::string::npos) << r.err;
  EXPECT_EQ(Count("asset"), 0);
}

TEST_F(Cli, ExportThenImportGivesBackTheSameRegister) {
  ImportFixture("kumamoto");
  ASSERT_EQ(Run({"export", (dir_ / "台帳.xlsx").string()}).status, 0);
  ASSERT_EQ(Run({"export", (dir_ / "assets.csv").string(), "--kind", "asset", "--encoding", "cp932"}).status, 0);
  std::map<std::string, std::string> before;
  for (auto kind : {"organ", "department", "person", "asset", "system", "terminal", "inspection"})
    before[kind] = Run({kind, "list", "--format", "json"}).out;

  const std::string first_db = db_;
  db_ = (dir_ / "copy.db").string();
  auto r = Run({"import", (dir_ / "台帳.xlsx").string()});
  ASSERT_EQ(r.status, 0) << r.err;
  for (const auto& [kind, json] : before) EXPECT_EQ(Run({kind, "list", "--format", "json"}).out, json) << kind;

  db_ = (dir_ / "copy2.db").string();
  r = Run({"import", (dir_ / "assets.csv").string()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(Run({"asset", "list", "--format", "json"}).out, before["asset"]);
  db_ = first_db;
}

TEST_F(Cli, EveryChangeIsInTheHistoryWithWhoBeforeAndAfter) {
  ASSERT_EQ(Run({"asset", "add", "資産番号=A-9", "資産名称=課税台帳", "機密性=3"}).status, 0);
  ASSERT_EQ(Run({"asset", "update", "A-9", "機密性=3B", "管理者=高橋"}).status, 0);
  ASSERT_EQ(Run({"asset", "remove", "A-9"}).status, 0);
  auto r = Run({"history", "--number", "A-9", "--format", "json"});
  const auto h = nlohmann::json::parse(r.out);
  ASSERT_EQ(h.size(), 3u);
  EXPECT_EQ(h[1]["action"], "update");
  EXPECT_EQ(h[1]["actor"], "監査 太郎");
  EXPECT_EQ(h[1]["before"]["confidentiality"], "3");
  EXPECT_EQ(h[1]["after"]["confidentiality"], "3B");
  auto text = Run({"history", "--number", "A-9"});
  EXPECT_NE(text.out.find("機密性: 3 → 3B"), std::string::npos) << text.out;
}

TEST_F(Cli, UnknownLevelOnAddIsRefused) {
  auto r = Run({"asset", "add", "資産番号=A-1", "資産名称=x", "機密性=極秘"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("極秘"), std::string::npos);
  EXPECT_EQ(Count("asset"), 0);
}

TEST_F(Cli, DemoBuildsABodyWhoseCheckFindsViolations) {
  auto r = Run({"demo", "--profile", "tsuyama"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_GE(Count("asset"), 300);
  auto check = Run({"check", "--format", "json", "--status", "fail"});
  EXPECT_EQ(check.status, 1);
  EXPECT_GT(nlohmann::json::parse(check.out).size(), 5u);
  EXPECT_EQ(Run({"demo"}).status, 2);  // refuses to overwrite without --replace
}

// ---- mamori net check: the three-tier separation from the declared network ----------------------

const nlohmann::json* FindingOf(const nlohmann::json& findings, std::string_view rule, std::string_view subject) {
  for (const auto& f : findings)
    if (f["rule"] == rule && f["subject"]["id"] == subject) return &f;
  return nullptr;
}

TEST_F(Cli, NetCheckShowsTheDemosThreeMistakesWithACounterexample) {
  ASSERT_EQ(Run({"demo"}).status, 0);
  auto json = Run({"net", "check", "--format", "json", "--status", "fail", "--fail-on", "none"});
  ASSERT_EQ(json.status, 0) << json.err;
  const auto findings = nlohmann::json::parse(json.out);
  for (const auto& f : findings) EXPECT_TRUE(f["rule"].get<std::string>().starts_with("net.")) << f.dump();
  const auto* isolation = FindingOf(findings, "net.my_number_isolation", "FR-090");
  ASSERT_NE(isolation, nullptr) << json.out;
  EXPECT_NE((*isolation)["message"].get<std::string>().find("10.11.0.1 → 10.21.0.1 TCP/22"), std::string::npos);
  EXPECT_EQ((*isolation)["clause"], "6(3)①");
  const auto* sanitization = FindingOf(findings, "net.sanitization", "FR-091");
  ASSERT_NE(sanitization, nullptr) << json.out;
  EXPECT_NE((*sanitization)["message"].get<std::string>().find("10.21.0.1 → 203.0.113.1 TCP/443"), std::string::npos);
  EXPECT_NE(FindingOf(findings, "net.security_cloud", "FR-091"), nullptr) << json.out;
  EXPECT_NE(FindingOf(findings, "net.segments", "SEG-IN-09"), nullptr) << json.out;
  EXPECT_EQ(findings.size(), 4u) << json.out;  // nothing else of the demo's network breaks the policy

  auto text = Run({"net", "check"});
  EXPECT_EQ(text.status, 1);  // high findings fail by default
  EXPECT_NE(text.out.find("通信ルール FR-090"), std::string::npos) << text.out;
  // The same findings are part of `mamori check`.
  auto all = Run({"check", "--format", "json", "--status", "fail", "--fail-on", "none"});
  ASSERT_EQ(all.status, 0);
  EXPECT_NE(FindingOf(nlohmann::json::parse(all.out), "net.my_number_isolation", "FR-090"), nullptr);
}

TEST_F(Cli, NetCheckOfARegisterWithoutANetworkSaysSoRatherThanPass) {
  ImportFixture("nogata");
  auto r = Run({"--lang", "en", "net", "check"});
  EXPECT_EQ(r.status, 0) << r.err;  // unknown is not a failure…
  EXPECT_NE(r.out.find("is not described in the register"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("separated as the policy requires"), std::string::npos) << r.out;  // …nor a pass
}

TEST_F(Cli, NetCheckProposedShowsWhatAChangeNewlyPermitsAndWritesNothing) {
  ASSERT_EQ(Run({"demo"}).status, 0);
  const int flows_before = Count("flow");
  Write("proposed.csv",
        "ルール番号,ルール名,適用機器,順序,動作,送信元,宛先,プロトコル,宛先ポート,経由装置\n"
        "FR-092,LGWAN 端末から DMZ へ,FW-CORE,920,許可,SEG-LG-01,SEG-IN-02,tcp,8080,\n");
  auto r = Run({"net", "check", "--proposed", (dir_ / "proposed.csv").string()});
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("新たに許可される系統間の通信 1 件"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("10.20.0.1 → 10.31.0.1 TCP/8080"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("net.sanitization"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("この変更はポリシーに新たに違反します"), std::string::npos) << r.out;
  EXPECT_EQ(Count("flow"), flows_before);  // nothing was written

  // Turning the maintenance rule into a deny resolves its finding and breaks nothing new.
  Write("fix.csv",
        "ルール番号,ルール名,適用機器,順序,動作,送信元,宛先,プロトコル,宛先ポート,経由装置\n"
        "FR-090,保守用 SSH（停止）,FW-CORE,900,拒否,SEG-MN-02,SEG-LG-02,tcp,22,\n");
  auto fix = Run({"net", "check", "--proposed", (dir_ / "fix.csv").string(), "--format", "json"});
  EXPECT_EQ(fix.status, 0) << fix.out << fix.err;
  const auto j = nlohmann::json::parse(fix.out);
  EXPECT_TRUE(j["newly_permitted"].empty());
  EXPECT_TRUE(j["new_findings"].empty()) << fix.out;
  ASSERT_EQ(j["resolved_findings"].size(), 1u) << fix.out;
  EXPECT_EQ(j["resolved_findings"][0]["subject"]["id"], "FR-090");
  EXPECT_FALSE(j["breaks_policy"].get<bool>());
}

TEST_F(Cli, NetImportReadsTheYamlModelAllOrNothingAndNetCheckVerifiesIt) {
  ASSERT_EQ(Run({"init", "--profile", "kumamoto"}).status, 0);
  Write("bad.yaml", "segments:\n  - number: S1\n    name: 庁内\n    tier: lgwan\n    addresses: [10.1.0.0/33]\n");
  auto bad = Run({"net", "import", (dir_ / "bad.yaml").string()});
  EXPECT_EQ(bad.status, 2) << bad.out << bad.err;
  EXPECT_NE(bad.err.find("10.1.0.0/33"), std::string::npos) << bad.err;
  EXPECT_EQ(Count("segment"), 0);

  auto ok = Run({"net", "import", (SourceDir() / "examples/network.yaml").string()});
  ASSERT_EQ(ok.status, 0) << ok.out << ok.err;
  EXPECT_NE(ok.out.find("セグメント: 追加 3 件"), std::string::npos) << ok.out;
  EXPECT_NE(ok.out.find("通信ルール: 追加 4 件"), std::string::npos) << ok.out;
  auto history = Run({"history", "--entity", "segment", "--format", "json"});
  EXPECT_EQ(nlohmann::json::parse(history.out).size(), 3u);
  // The example's network is separated as kumamoto's policy requires.
  auto check = Run({"net", "check"});
  EXPECT_EQ(check.status, 0) << check.out << check.err;
  // Importing it again changes nothing.
  auto again = Run({"net", "import", (SourceDir() / "examples/network.yaml").string()});
  EXPECT_NE(again.out.find("セグメント: 追加 0 件、変更 0 件、変更なし 3 件"), std::string::npos) << again.out;
}

TEST_F(Cli, NetWatchAlertsOnALogFileRecordsTheAlertsAndKeepsGoingPastBadLines) {
  ASSERT_EQ(Run({"demo"}).status, 0);
  Write("fw.log",
        "<4>Nov 22 10:00:00 fw1 kernel: DROP IN=eth1 OUT=eth0 SRC=10.10.3.4 DST=203.0.113.9 PROTO=TCP SPT=5000 DPT=443\n"
        "<4>Nov 22 10:00:01 fw1 kernel: ACCEPT IN=eth1 OUT=eth0 SRC=10.20.3.4 DST=10.20.9.9 PROTO=TCP SPT=5000 DPT=445\n"
        "<4>Nov 22 10:00:02 fw1 kernel: ACCEPT IN=eth1 OUT=eth0 SRC=10.20.3.4 DST=10.30.0.9 PROTO=TCP SPT=5000 DPT=3389\n"
        "<4>Nov 22 10:00:03 fw1 kernel: ACCEPT IN=eth1 OUT=eth0 SRC=10.20.3.4 DST=10.30.0.9 PROTO=TCP SPT=5001 DPT=3389\n");
  auto r = Run({"net", "watch", "--format", "iptables", (dir_ / "fw.log").string(), "--out", (dir_ / "alerts.json").string()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("フロー 4"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("警告 2 件"), std::string::npos) << r.err;
  std::istringstream lines(Slurp(dir_ / "alerts.json"));
  std::vector<nlohmann::json> ecs;
  for (std::string line; std::getline(lines, line);) ecs.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(ecs.size(), 3u);  // two alerts, then the LGWAN one's count (2) when the input ended
  EXPECT_EQ(ecs[0]["event"]["action"], "net.my_number_isolation");
  EXPECT_EQ(ecs[0]["rule"]["reference"], "6(3)①");
  EXPECT_EQ(ecs[1]["event"]["action"], "net.sanitization");
  EXPECT_EQ(ecs[2]["event"]["count"], 2);
  EXPECT_EQ(ecs[2]["mamori"]["phase"], "summary");

  auto alerts = Run({"net", "alerts", "--format", "json"});
  auto stored = nlohmann::json::parse(alerts.out);
  ASSERT_EQ(stored.size(), 2u);
  const std::int64_t id = stored[0]["id"];
  EXPECT_EQ(stored[0]["count"], 2);  // the newest: the LGWAN flow, seen twice
  EXPECT_EQ(Run({"net", "alert-status", std::to_string(id), "incident"}).status, 0);
  auto history = Run({"history", "--entity", "net_alert", "--format", "json"});
  const auto h = nlohmann::json::parse(history.out);
  ASSERT_EQ(h.size(), 1u) << history.out;
  EXPECT_EQ(h[0]["actor"], "監査 太郎");

  // A malformed line is reported with its position and the rest is read.
  Write("mixed.log",
        "date=2026-11-22 time=10:00:00 devname=\"FGT01\" type=\"traffic\" srcip=10.10.1.1 dstip=8.8.8.8 proto=6 dstport=53 srcport=1 action=\"deny\"\n"
        "date=2026-11-22 time=10:00:01 devname=\"FGT01\" type=\"traffic\" srcip=10.10.1.1 dstip=\"unclosed proto=6\n"
        "date=2026-11-22 time=10:00:02 devname=\"FGT01\" type=\"traffic\" srcip=10.10.1.2 dstip=8.8.4.4 proto=6 dstport=53 srcport=1 action=\"deny\"\n");
  auto mixed = Run({"net", "watch", "--format", "fortigate", "--no-store", "--out", "none", (dir_ / "mixed.log").string()});
  EXPECT_EQ(mixed.status, 0) << mixed.err;
  EXPECT_NE(mixed.err.find("mixed.log:2:"), std::string::npos) << mixed.err;
  EXPECT_NE(mixed.err.find("フロー 2"), std::string::npos) << mixed.err;
  EXPECT_NE(mixed.err.find("不正 1"), std::string::npos) << mixed.err;
}

}  // namespace
}  // namespace mamori
