#include "exchange/read_files.h"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace mamori::exchange {
namespace {

namespace fs = std::filesystem;

class ReadFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("mamori-read-files-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return dir_ / name;
  }
  fs::path dir_;
};

TEST_F(ReadFiles, KeepsTheOrderOfTheFilesWhateverTheThreads) {
  std::vector<fs::path> files;
  for (int i = 0; i < 6; ++i)
    files.push_back(Write("assets" + std::to_string(i) + ".csv",
                          "資産番号,資産名称\nA-" + std::to_string(i) + ",台帳" + std::to_string(i) + "\n"));
  files.push_back(Write("people.csv", "職員番号,氏名\nP-1,山田 太郎\n"));
  auto r = ReadAndMapFiles(files, std::nullopt, {});
  ASSERT_TRUE(r) << r.error().ToString();
  ASSERT_EQ(r->sheets.size(), 7u);
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(r->sheets[static_cast<std::size_t>(i)].label, files[static_cast<std::size_t>(i)].string());
    EXPECT_EQ(std::get<std::string>(r->sheets[static_cast<std::size_t>(i)].mapped.rows[0][0]), "A-" + std::to_string(i));
  }
  EXPECT_EQ(r->sheets[6].mapped.kind, reg::EntityKind::kPerson);
}

TEST_F(ReadFiles, ReportsTheProblemsOfEveryFile) {
  auto bad_level = Write("a.csv", "資産番号,資産名称,施錠保管\nA-1,台帳,たぶん\n");
  auto not_a_table = Write("b.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  auto good = Write("c.csv", "資産番号,資産名称\nA-2,台帳\n");
  auto r = ReadAndMapFiles({bad_level, not_a_table, good}, std::nullopt, {});
  ASSERT_FALSE(r);
  ASSERT_EQ(r.error().details.size(), 2u);
  EXPECT_NE(r.error().details[0].ToString().find("たぶん"), std::string::npos) << r.error().ToString();
  EXPECT_NE(r.error().details[1].ToString().find("b.png"), std::string::npos) << r.error().ToString();
}

TEST_F(ReadFiles, AMissingFileIsAnIoError) {
  auto r = ReadAndMapFiles({dir_ / "none.csv"}, std::nullopt, {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kIo);
}

}  // namespace
}  // namespace mamori::exchange
