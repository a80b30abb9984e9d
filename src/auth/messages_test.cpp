#include "auth/messages.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include <gtest/gtest.h>

namespace mamori::auth {
namespace {

TEST(MessagesTest, EveryKeyUsedHasJapaneseAndEnglish) {
  const char* root = std::getenv("MAMORI_SOURCE_DIR");
  if (root == nullptr) GTEST_SKIP() << "MAMORI_SOURCE_DIR is not set";
  const std::regex key("\"(auth\\.[a-z_]+(\\.[a-z_]+)?)\"");
  int found = 0;
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(root) / "src" / "auth")) {
    const auto name = entry.path().filename().string();
    if (entry.path().extension() != ".cpp" || name.find("_test") != std::string::npos || name == "messages.cpp")
      continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string s = text.str();
    for (std::sregex_iterator it(s.begin(), s.end(), key), end; it != end; ++it) {
      ++found;
      EXPECT_TRUE(HasMessage((*it)[1].str())) << (*it)[1].str() << " in " << name;
    }
  }
  EXPECT_GT(found, 10);
}

TEST(MessagesTest, ErrorsCarryKeyAndEnglish) {
  const Error e = AuthError(ErrorCode::kLimit, "auth.locked", fmt::arg("minutes", 15));
  EXPECT_EQ(e.message, "試行回数が多すぎます。15分後に再度お試しください");
  EXPECT_EQ(ErrorKey(e), "auth.locked");
  EXPECT_EQ(EnglishMessage(e), "Too many attempts. Try again in 15 minutes");
  const Error plain(ErrorCode::kIo, "ディスクがいっぱいです");
  EXPECT_EQ(ErrorKey(plain), "");
  EXPECT_EQ(EnglishMessage(plain), "ディスクがいっぱいです");
}

}  // namespace
}  // namespace mamori::auth
