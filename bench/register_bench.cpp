// Register benchmark (issue: core): generate a body with 100,000 assets, 5,000
// systems and 20,000 people (and the demo's 160 terminals), write it as the CSV files a body would keep,
// import them (parse, validate, write with change history) into a fresh SQLite
// register, then run every check of a seed profile. Each step runs in its own
// child process so that its peak memory is its own.
//
// The peer, side by side: the sqlite3 shell's `.import --csv` of the same
// asset CSV into a bare table (no validation, no history, no types) — the
// floor any importer that writes SQLite sits on.
//
//   build/release/bench/register_bench [--assets N] [--systems N] [--people N] [--profile ID] [--keep]
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>

#include <fmt/format.h>

#include "check/engine.h"
#include "check/snapshot.h"
#include "demo/demo.h"
#include "exchange/export.h"
#include "exchange/mapping.h"
#include "exchange/read_files.h"
#include "policy/loader.h"
#include "service/register_service.h"
#include "store/sqlite/sqlite_store.h"

namespace fs = std::filesystem;
using namespace mamori;

namespace {

struct StepResult {
  double seconds = 0;
  double peak_mb = 0;
  bool ok = false;
  std::string note;
};

// Runs `step` in a child; the child reports its wall time, its own peak RSS
// (ru_maxrss of the child alone) and a note through a pipe.
StepResult InChild(const std::function<std::string()>& step) {
  int fds[2];
  if (pipe(fds) != 0) return {};
  const pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    const auto start = std::chrono::steady_clock::now();
    std::string note = step();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const std::string msg = fmt::format("{} {} {}", seconds, static_cast<double>(usage.ru_maxrss) / 1024.0, note);
    if (write(fds[1], msg.data(), msg.size()) < 0) _exit(3);
    _exit(note.rfind("ERROR", 0) == 0 ? 1 : 0);
  }
  close(fds[1]);
  std::string msg;
  char buf[4096];
  ssize_t n = 0;
  while ((n = read(fds[0], buf, sizeof buf)) > 0) msg.append(buf, static_cast<std::size_t>(n));
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  StepResult r;
  std::istringstream in(msg);
  in >> r.seconds >> r.peak_mb;
  std::getline(in, r.note);
  if (!r.note.empty() && r.note.front() == ' ') r.note.erase(0, 1);
  r.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  return r;
}


}  // namespace

int main(int argc, char** argv) {
  demo::DemoOptions options;
  options.assets = 100'000;
  options.systems = 5'000;
  options.people = 20'000;
  // The sizes; terminals stay at the demo's default unless asked (--terminals N).
  options.as_of = Date{2026, 11, 22};
  std::string profile_id = "nogata";
  bool keep = false;  // --keep: leave the database for a look (or the web benchmark)
  for (int i = 1; i < argc; ++i)
    if (std::string_view(argv[i]) == "--keep") keep = true;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--keep") {
      --i;  // a flag without a value
      continue;
    }
    const auto value = std::strtoull(argv[i + 1], nullptr, 10);
    if (flag == "--assets") options.assets = value;
    if (flag == "--systems") options.systems = value;
    if (flag == "--people") options.people = value;
    if (flag == "--terminals") options.terminals = value;
    if (flag == "--profile") profile_id = argv[i + 1];
  }
  const fs::path dir = fs::temp_directory_path() / fmt::format("mamori-bench-{}", getpid());
  fs::create_directories(dir);
  const fs::path db = dir / "register.db";

  std::printf("mamori register benchmark: %zu assets, %zu systems, %zu people, %zu terminals; profile %s\n",
              options.assets, options.systems, options.people, options.terminals, profile_id.c_str());
  std::printf("machine: %ld cores online\n\n", sysconf(_SC_NPROCESSORS_ONLN));

  // 1. Generate and write the CSV files a body would keep.
  const auto generate = InChild([&] {
    const auto data = demo::Generate(options);
    std::size_t files = 0;
    for (const auto& sheet : demo::ToSheets(data)) {
      std::vector<reg::Row> rows;
      rows.reserve(sheet.rows.size());
      for (const auto& r : sheet.rows) rows.push_back(r.row);
      auto csv = exchange::WriteCsv(sheet.kind, rows, text::Encoding::kUtf8Bom);
      if (!csv) return "ERROR " + csv.error().ToString();
      std::ofstream(dir / fmt::format("{}_{}.csv", static_cast<int>(sheet.kind), reg::Info(sheet.kind).table),
                    std::ios::binary)
          << *csv;
      ++files;
    }
    return fmt::format("{} CSV files", files);
  });

  // 2. Import: read, detect, map, validate, write with change history.
  const auto import = InChild([&] {
    auto profile = policy::LoadProfileById(profile_id, policy::DefaultProfileDirs());
    if (!profile) return "ERROR " + profile.error().ToString();
    auto store = store::OpenSqlite(db);
    if (!store) return "ERROR " + store.error().ToString();
    service::RegisterService registry(**store,
                                      {profile->AllLevelCodes(policy::Axis::kConfidentiality),
                                       profile->AllLevelCodes(policy::Axis::kIntegrity),
                                       profile->AllLevelCodes(policy::Axis::kAvailability)},
                                      "bench");
    if (auto ok = registry.SetSetting("profile", profile->id); !ok) return "ERROR " + ok.error().ToString();
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().extension() == ".csv") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    auto read = exchange::ReadAndMapFiles(files, std::nullopt, exchange::Limits{});
    if (!read) return "ERROR " + read.error().ToString();
    std::vector<service::IncomingSheet> sheets;
    std::size_t rows = 0;
    for (auto& f : read->sheets) {
      rows += f.mapped.rows.size();
      sheets.push_back(
          service::MakeIncomingSheet(f.mapped.kind, f.label, std::move(f.mapped.rows), f.mapped.source_rows));
    }
    const auto t1 = std::chrono::steady_clock::now();
    auto plan = registry.Import(std::move(sheets), false);
    if (!plan) return "ERROR " + plan.error().ToString().substr(0, 2000);
    const auto t2 = std::chrono::steady_clock::now();
    return fmt::format("{} rows, {} history lines (read and map {:.2f} s, validate and write {:.2f} s)", rows, rows,
                       std::chrono::duration<double>(t1 - t0).count(), std::chrono::duration<double>(t2 - t1).count());
  });

  // 3. Check: read the register and run every rule of the profile.
  const auto check = InChild([&] {
    auto profile = policy::LoadProfileById(profile_id, policy::DefaultProfileDirs());
    if (!profile) return "ERROR " + profile.error().ToString();
    auto store = store::OpenSqlite(db);
    if (!store) return "ERROR " + store.error().ToString();
    const auto t0 = std::chrono::steady_clock::now();
    auto snapshot = check::LoadSnapshot(**store);
    if (!snapshot) return "ERROR " + snapshot.error().ToString();
    const auto t1 = std::chrono::steady_clock::now();
    check::CheckOptions o;
    o.today = Date{2026, 11, 22};
    const auto findings = check::RunChecks(*profile, *snapshot, o);
    const auto t2 = std::chrono::steady_clock::now();
    const auto s = check::Summarize(findings);
    return fmt::format("{} findings: {} fail, {} unknown, {} pass (read register {:.2f} s, rules {:.2f} s)",
                       findings.size(), s.fail, s.unknown, s.pass, std::chrono::duration<double>(t1 - t0).count(),
                       std::chrono::duration<double>(t2 - t1).count());
  });

  // Peer: sqlite3 shell .import of the same asset CSV.
  StepResult peer;
  const fs::path asset_csv = dir / fmt::format("{}_assets.csv", static_cast<int>(reg::EntityKind::kAsset));
  if (std::system("command -v sqlite3 >/dev/null 2>&1") == 0) {
    peer = InChild([&] {
      const std::string cmd = fmt::format("sqlite3 '{}' '.import --csv {} assets_raw'", (dir / "peer.db").string(),
                                          asset_csv.string());
      const int rc = std::system(cmd.c_str());
      rusage children{};  // the sqlite3 process this child waited for
      getrusage(RUSAGE_CHILDREN, &children);
      return rc == 0 ? fmt::format("bare table, assets only; sqlite3 peak {:.1f} MB",
                                   static_cast<double>(children.ru_maxrss) / 1024.0)
                     : "ERROR sqlite3 exited " + std::to_string(rc);
    });
  } else {
    peer.note = "sqlite3 shell not installed";
  }

  std::printf("%-10s %10s %10s %9s   %s\n", "step", "seconds", "peak MB", "target", "result");
  auto line = [](const char* name, const StepResult& r, const char* target, double target_s) {
    const bool met = r.ok && (target_s <= 0 || r.seconds <= target_s) && r.peak_mb <= 500;
    std::printf("%-10s %10.3f %10.1f %9s   %s%s\n", name, r.seconds, r.peak_mb, target, r.note.c_str(),
                target_s > 0 ? (met ? "  [met]" : "  [NOT MET]") : "");
  };
  line("generate", generate, "-", 0);
  line("import", import, "<=3s", 3.0);
  line("check", check, "<=1s", 1.0);
  std::printf("\npeer, same asset CSV:\n");
  std::printf("%-10s %10.3f %10s %9s   %s\n", "sqlite3", peer.seconds, "-", "-", peer.note.c_str());
  std::printf("(targets: import <= 3 s, check <= 1 s, peak memory <= 500 MB per step)\n");
  if (keep)
    std::printf("database kept: %s\n", db.c_str());
  else
    fs::remove_all(dir);
  return generate.ok && import.ok && check.ok ? 0 : 1;
}
