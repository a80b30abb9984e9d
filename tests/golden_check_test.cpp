// Golden tests of `mamori check`: tests/golden/check/<profile id>/expected.json
// holds what each seed body's policy finds (fail and unknown findings, and the
// counts) in the shared register fixture tests/golden/check/register/*.csv
// (or the case's own register/ folder). One generic runner, a folder per case.
//
// To accept a deliberate change: MAMORI_UPDATE_GOLDEN=1 ctest -R Golden, then
// review the diff of expected.json like any other change.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "check/engine.h"
#include "check/report.h"
#include "check/snapshot.h"
#include "exchange/read_files.h"
#include "policy/loader.h"
#include "service/register_service.h"
#include "store/sqlite/sqlite_store.h"

namespace mamori {
namespace {

namespace fs = std::filesystem;

fs::path SourceDir() {
  const char* env = std::getenv("MAMORI_SOURCE_DIR");
  return env ? fs::path(env) : fs::current_path();
}

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> Cases() {
  std::vector<std::string> out;
  const auto root = SourceDir() / "tests/golden/check";
  if (!fs::exists(root)) return out;
  for (const auto& e : fs::directory_iterator(root))
    if (e.is_directory() && e.path().filename() != "register") out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

class GoldenCheck : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenCheck, FindingsMatchExpected) {
  const auto dir = SourceDir() / "tests/golden/check" / GetParam();
  const std::string profile_id = GetParam().substr(0, GetParam().find('@'));  // nogata@variant → nogata
  auto profile = policy::LoadProfileById(profile_id, {SourceDir() / "profiles"});
  ASSERT_TRUE(profile) << profile.error().ToString();

  const auto db = fs::temp_directory_path() / ("mamori-golden-" + GetParam() + "-" + std::to_string(::getpid()) + ".db");
  fs::remove(db);
  auto store = store::OpenSqlite(db);
  ASSERT_TRUE(store) << store.error().ToString();
  service::LevelCodes levels{profile->AllLevelCodes(policy::Axis::kConfidentiality),
                             profile->AllLevelCodes(policy::Axis::kIntegrity),
                             profile->AllLevelCodes(policy::Axis::kAvailability)};
  service::RegisterService registry(**store, levels, "golden");

  const auto register_dir = fs::exists(dir / "register") ? dir / "register" : dir.parent_path() / "register";
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(register_dir)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  auto read = exchange::ReadAndMapFiles(files, std::nullopt, {});  // as `mamori import` reads them
  ASSERT_TRUE(read) << read.error().ToString();
  std::vector<service::IncomingSheet> sheets;
  for (auto& f : read->sheets)
    sheets.push_back(service::MakeIncomingSheet(f.mapped.kind, f.label, std::move(f.mapped.rows), f.mapped.source_rows));
  auto imported = registry.Import(std::move(sheets), false);
  ASSERT_TRUE(imported) << imported.error().ToString();

  auto snapshot = check::LoadSnapshot(**store);
  ASSERT_TRUE(snapshot);
  check::CheckOptions options;
  options.today = Date{2026, 11, 22};
  const auto findings = check::RunChecks(*profile, *snapshot, options);
  std::vector<check::Finding> listed;
  for (const auto& f : findings)
    if (f.status != check::Status::kPass) listed.push_back(f);
  const auto summary = check::Summarize(findings);
  nlohmann::ordered_json actual;
  actual["profile"] = profile->id;
  actual["summary"] = {{"fail", summary.fail}, {"unknown", summary.unknown}, {"pass", summary.pass}};
  actual["findings"] = check::FindingsToJson(*profile, listed);
  store->reset();
  for (auto suffix : {"", "-wal", "-shm"}) fs::remove(db.string() + suffix);

  const auto expected_file = dir / "expected.json";
  if (std::getenv("MAMORI_UPDATE_GOLDEN")) {
    std::ofstream(expected_file) << actual.dump(2) << '\n';
    GTEST_SKIP() << "updated " << expected_file;
  }
  ASSERT_TRUE(fs::exists(expected_file)) << expected_file << " is missing (MAMORI_UPDATE_GOLDEN=1 writes it)";
  const auto expected = nlohmann::ordered_json::parse(Slurp(expected_file));
  EXPECT_EQ(actual["summary"], expected["summary"]);
  // Compare finding by finding so that a failure names what differs.
  const auto& a = actual["findings"];
  const auto& e = expected["findings"];
  for (std::size_t i = 0; i < std::max(a.size(), e.size()); ++i) {
    const auto got = i < a.size() ? a[i].dump() : std::string("(none)");
    const auto want = i < e.size() ? e[i].dump() : std::string("(none)");
    EXPECT_EQ(got, want) << "finding #" << i;
    if (got != want) break;
  }
}

INSTANTIATE_TEST_SUITE_P(SeedBodies, GoldenCheck, ::testing::ValuesIn(Cases()),
                         [](const auto& param_info) {
                           std::string name = param_info.param;
                           std::replace_if(name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
                           return name;
                         });

}  // namespace
}  // namespace mamori
