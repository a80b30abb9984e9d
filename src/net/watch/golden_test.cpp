// Golden cases of the line parsers: tests/data/net/parsers/<format>/<case>.log
// is read line by line with a LineParser of <format> (the folder name, as on
// the command line: zeek, zeek-json, suricata, fortigate, panos, asa,
// iptables, auto), and every line's outcome is compared with
// <case>.expected.jsonl. MAMORI_UPDATE_GOLDEN=1 rewrites the expected files;
// review them by eye before committing.
#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include <gtest/gtest.h>

#include "net/watch/line_parser.h"
#include "net/watch/test_support.h"

namespace mamori::net::parse {
namespace {

namespace fs = std::filesystem;
using testing::OutcomeJson;
using testing::ReadFile;

// The golden files' "now" (for the year of RFC 3164 times): 2026-11-22T00:00:00Z.
constexpr std::int64_t kReferenceMs = 1795305600000;

std::string RunCase(Format format, const fs::path& input) {
  LineParserOptions options;
  options.time.reference_ms = kReferenceMs;
  LineParser parser(format, options);
  const std::string text = ReadFile(input);
  std::string out;
  FlowEvent flow;
  const auto lines = testing::SplitLines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const LineResult r = parser.Parse(lines[i], flow);
    out += OutcomeJson(i + 1, r, flow);
    out += '\n';
  }
  return out;
}

TEST(Golden, LineParserCases) {
  const fs::path root = testing::SourceDir() / "tests" / "data" / "net" / "parsers";
  ASSERT_TRUE(fs::is_directory(root)) << root;
  const bool update = std::getenv("MAMORI_UPDATE_GOLDEN") != nullptr;
  std::vector<fs::path> cases;
  for (const auto& entry : fs::recursive_directory_iterator(root))
    if (entry.is_regular_file() && entry.path().extension() == ".log") cases.push_back(entry.path());
  std::sort(cases.begin(), cases.end());
  std::size_t formats_seen = 0;
  std::vector<std::string> seen;
  for (const auto& input : cases) {
    const std::string dir = input.parent_path().filename().string();
    SCOPED_TRACE(dir + "/" + input.filename().string());
    auto format = FormatFromName(dir);
    ASSERT_TRUE(format.has_value()) << "folder name is not a format: " << dir;
    if (std::find(seen.begin(), seen.end(), dir) == seen.end()) {
      seen.push_back(dir);
      ++formats_seen;
    }
    const std::string actual = RunCase(*format, input);
    fs::path expected_path = input;
    expected_path.replace_extension(".expected.jsonl");
    if (update) {
      testing::WriteFile(expected_path, actual);
      continue;
    }
    ASSERT_TRUE(fs::exists(expected_path)) << "no " << expected_path.filename() << "; run with MAMORI_UPDATE_GOLDEN=1\n"
                                           << actual;
    EXPECT_EQ(actual, ReadFile(expected_path)) << "(MAMORI_UPDATE_GOLDEN=1 rewrites the expected file)";
  }
  EXPECT_EQ(formats_seen, 8u) << "every format, and auto, has golden cases";
}

}  // namespace
}  // namespace mamori::net::parse
