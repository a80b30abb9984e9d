// Golden tests of `mamori net check`: tests/data/net/check/<profile id>/expected.txt
// holds the net.* findings (failed, unknown and passed, as `net check --all`
// prints them) that each seed body's policy gives for the shared network model
// tests/data/net/check/network/*.csv (or the case's own network/ folder), read
// as `mamori import` reads it. The five expected files differ where the
// bodies' policies do: 熊本市 sanitizes only internet → LGWAN, 津山広域事務組合
// neither isolates the My Number tier nor requires the security cloud.
//
// To accept a deliberate change: MAMORI_UPDATE_GOLDEN=1 ctest -R GoldenNetCheck,
// then review the diff of expected.txt like any other change.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "check/engine.h"
#include "check/report.h"
#include "exchange/read_files.h"
#include "policy/loader.h"
#include "register/schema.h"

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

fs::path Root() { return SourceDir() / "tests/data/net/check"; }

std::vector<std::string> Cases() {
  std::vector<std::string> out;
  if (!fs::exists(Root())) return out;
  for (const auto& e : fs::directory_iterator(Root()))
    if (e.is_directory() && e.path().filename() != "network") out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

template <typename T>
void Load(std::vector<reg::Row>& rows, std::vector<T>& out) {
  for (auto& row : rows) {
    auto r = reg::FromRow<T>(std::move(row));
    ASSERT_TRUE(r) << r.error().ToString();
    out.push_back(std::move(*r));
  }
}

class GoldenNetCheck : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenNetCheck, FindingsMatchExpected) {
  const auto dir = Root() / GetParam();
  const std::string profile_id = GetParam().substr(0, GetParam().find('@'));
  auto profile = policy::LoadProfileById(profile_id, {SourceDir() / "profiles"});
  ASSERT_TRUE(profile) << profile.error().ToString();
  for (auto& r : profile->rules)  // as `mamori net check` runs them
    if (!r.id.starts_with("net.")) r.enabled = false;

  const auto network_dir = fs::exists(dir / "network") ? dir / "network" : Root() / "network";
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(network_dir)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  auto read = exchange::ReadAndMapFiles(files, std::nullopt, {});
  ASSERT_TRUE(read) << read.error().ToString();
  reg::Register reg;
  for (auto& f : read->sheets) {
    switch (f.mapped.kind) {
      case reg::EntityKind::kSegment: Load(f.mapped.rows, reg.segments); break;
      case reg::EntityKind::kGateway: Load(f.mapped.rows, reg.gateways); break;
      case reg::EntityKind::kConnection: Load(f.mapped.rows, reg.connections); break;
      case reg::EntityKind::kFlow: Load(f.mapped.rows, reg.flows); break;
      default: FAIL() << f.label << " is not a network sheet";
    }
  }

  check::CheckOptions options;
  options.today = Date{2026, 11, 22};
  const auto findings = check::RunChecks(*profile, reg, options);
  check::TextReportOptions text;
  text.today = options.today;
  text.statuses = {check::Status::kFail, check::Status::kUnknown, check::Status::kPass};
  std::ostringstream actual;
  check::PrintFindingsText(actual, *profile, findings, text);

  const auto expected_file = dir / "expected.txt";
  if (std::getenv("MAMORI_UPDATE_GOLDEN")) {
    std::ofstream(expected_file, std::ios::binary) << actual.str();
    GTEST_SKIP() << "updated " << expected_file;
  }
  ASSERT_TRUE(fs::exists(expected_file)) << expected_file << " is missing (MAMORI_UPDATE_GOLDEN=1 writes it)";
  // Line by line, so that a failure names the line that differs.
  std::istringstream got(actual.str()), want(Slurp(expected_file));
  std::string g, w;
  for (int line = 1;; ++line) {
    const bool more_g = static_cast<bool>(std::getline(got, g));
    const bool more_w = static_cast<bool>(std::getline(want, w));
    if (!more_g && !more_w) break;
    ASSERT_EQ(more_g ? g : "(end)", more_w ? w : "(end)") << "line " << line << " of " << expected_file;
  }
}

INSTANTIATE_TEST_SUITE_P(SeedBodies, GoldenNetCheck, ::testing::ValuesIn(Cases()), [](const auto& param_info) {
  std::string name = param_info.param;
  std::replace_if(name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
  return name;
});

}  // namespace
}  // namespace mamori
