#include <expat.h>
#include <qrencode.h>

#include <cstdio>
#include <memory>
#include <set>
#include <string>
#include <utility>

#include <gtest/gtest.h>

#include "auth/totp.h"

namespace mamori::auth {
namespace {

const std::string kUri =
    "otpauth://totp/%E7%9B%B4%E6%96%B9%E5%B8%82%20mamori:yamada?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
    "&issuer=%E7%9B%B4%E6%96%B9%E5%B8%82%20mamori&digits=6&period=30";

struct Parsed {
  bool ok = false;
  std::string root;
  std::string path;  // the d attribute
};

Parsed ParseXml(const std::string& xml) {
  Parsed p;
  XML_Parser parser = XML_ParserCreate("UTF-8");
  XML_SetUserData(parser, &p);
  XML_SetStartElementHandler(parser, [](void* data, const XML_Char* name, const XML_Char** attrs) {
    auto* out = static_cast<Parsed*>(data);
    if (out->root.empty()) out->root = name;
    if (std::string(name) == "path")
      for (int i = 0; attrs[i] != nullptr; i += 2)
        if (std::string(attrs[i]) == "d") out->path = attrs[i + 1];
  });
  p.ok = XML_Parse(parser, xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_OK;
  XML_ParserFree(parser);
  return p;
}

// The dark modules the path draws: "M{x} {y}h{n}v1h-{n}z" per run.
std::set<std::pair<int, int>> Modules(const std::string& d) {
  std::set<std::pair<int, int>> out;
  std::size_t at = 0;
  while ((at = d.find('M', at)) != std::string::npos) {
    int x = 0, y = 0, n = 0;
    if (std::sscanf(d.c_str() + at, "M%d %dh%d", &x, &y, &n) != 3) break;
    for (int i = 0; i < n; ++i) out.emplace(x + i, y);
    ++at;
  }
  return out;
}

TEST(QrSvgTest, IsWellFormedSvg) {
  const std::string svg = QrSvg(kUri);
  ASSERT_FALSE(svg.empty());
  EXPECT_EQ(svg.rfind("<svg", 0), 0U);
  const auto parsed = ParseXml(svg);
  EXPECT_TRUE(parsed.ok);
  EXPECT_EQ(parsed.root, "svg");
  EXPECT_EQ(svg.find("style"), std::string::npos);  // no inline styles: a strict CSP can stay strict
}

TEST(QrSvgTest, IsDeterministicAndDependsOnTheText) {
  EXPECT_EQ(QrSvg(kUri), QrSvg(kUri));
  EXPECT_NE(QrSvg(kUri), QrSvg(kUri + "x"));
}

TEST(QrSvgTest, DrawsTheQrCodeOfTheText) {
  std::unique_ptr<QRcode, void (*)(QRcode*)> qr(QRcode_encodeString8bit(kUri.c_str(), 0, QR_ECLEVEL_M), QRcode_free);
  ASSERT_TRUE(qr);
  std::set<std::pair<int, int>> expected;
  for (int y = 0; y < qr->width; ++y)
    for (int x = 0; x < qr->width; ++x)
      if (qr->data[y * qr->width + x] & 1U) expected.emplace(x + 4, y + 4);  // 4-module quiet zone
  const auto parsed = ParseXml(QrSvg(kUri));
  EXPECT_EQ(Modules(parsed.path), expected);
  const std::string side = std::to_string(qr->width + 8);
  EXPECT_NE(QrSvg(kUri).find("viewBox=\"0 0 " + side + " " + side + "\""), std::string::npos);
}

TEST(QrSvgTest, TextTooLongForAQrCodeGivesNothing) { EXPECT_TRUE(QrSvg(std::string(5000, 'a')).empty()); }

}  // namespace
}  // namespace mamori::auth
