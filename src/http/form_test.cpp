#include "http/form.h"

#include <gtest/gtest.h>

namespace mamori::http {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

TEST(UrlEncodedForm, DecodesJapaneseAndPlus) {
  EXPECT_EQ(ParseUrlEncoded("name=%E5%B1%B1%E7%94%B0+%E5%A4%AA%E9%83%8E&dept=%E7%B7%8F%E5%8B%99%E8%AA%B2&flag"),
            (Pairs{{"name", "山田 太郎"}, {"dept", "総務課"}, {"flag", ""}}));
}

TEST(UrlEncodedForm, SkipsEmptyPairsAndKeepsOrderAndRepeats) {
  EXPECT_EQ(ParseUrlEncoded("&a=1&&a=2&b=%3D&"), (Pairs{{"a", "1"}, {"a", "2"}, {"b", "="}}));
}

TEST(UrlEncodedForm, StopsAtFieldLimit) {
  FormLimits limits;
  limits.max_fields = 2;
  EXPECT_EQ(ParseUrlEncoded("a=1&b=2&c=3", limits).size(), 2u);
}

TEST(UrlEncodedForm, InvalidUtf8IsReplaced) {
  EXPECT_EQ(ParseUrlEncoded("x=%82%A0"), (Pairs{{"x", "\xEF\xBF\xBD\xEF\xBF\xBD"}}));
}

std::string Body(std::string_view boundary, const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += "--" + std::string(boundary) + "\r\n" + p + "\r\n";
  out += "--" + std::string(boundary) + "--\r\n";
  return out;
}

TEST(Multipart, FieldsAndAFileWithAJapaneseName) {
  const std::string data = "資産番号,名称\r\nA-1,端末\r\n--not-the-boundary\r\n";
  const auto body = Body("XyZ", {
      "Content-Disposition: form-data; name=\"kind\"\r\n\r\n端末",
      "Content-Disposition: form-data; name=\"file\"; filename=\"資産台帳 2024.csv\"\r\n"
      "Content-Type: text/csv\r\n\r\n" + data,
  });
  auto parts = ParseMultipart(body, "XyZ");
  ASSERT_TRUE(parts) << parts.error().ToString();
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].name, "kind");
  EXPECT_EQ((*parts)[0].filename, "");
  EXPECT_EQ((*parts)[0].data, "端末");
  EXPECT_EQ((*parts)[1].name, "file");
  EXPECT_EQ((*parts)[1].filename, "資産台帳 2024.csv");
  EXPECT_EQ((*parts)[1].content_type, "text/csv");
  EXPECT_EQ((*parts)[1].data, data);
}

TEST(Multipart, FilenameStarWinsAndDirectoriesAndQuotesAreHandled) {
  const auto body = Body("b", {
      "Content-Disposition: form-data; name=\"a\"; filename=\"fallback.csv\"; "
      "filename*=UTF-8''%E5%8F%B0%E5%B8%B3.csv\r\n\r\nx",
      "Content-Disposition: form-data; name=\"b\"; filename=\"C:\\Users\\職員\\a%22b.xlsx\"\r\n\r\ny",
  });
  auto parts = ParseMultipart(body, "b");
  ASSERT_TRUE(parts) << parts.error().ToString();
  EXPECT_EQ((*parts)[0].filename, "台帳.csv");
  EXPECT_EQ((*parts)[1].filename, "a\"b.xlsx");
}

TEST(Multipart, PreambleEpilogueEmptyPartsAndPadding) {
  const std::string body =
      "preamble\r\n--q  \r\nContent-Disposition: form-data; name=\"empty\"\r\n\r\n"
      "\r\n--q\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--q--epilogue";
  auto parts = ParseMultipart(body, "q");
  ASSERT_TRUE(parts) << parts.error().ToString();
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].data, "");
  EXPECT_EQ((*parts)[1].data, "1");
}

TEST(Multipart, BoundaryFromContentType) {
  const auto body = Body("----WebKitFormBoundary7MA4YWxk", {"Content-Disposition: form-data; name=\"x\"\r\n\r\n1"});
  auto parts = ParseMultipartBody("multipart/form-data; boundary=\"----WebKitFormBoundary7MA4YWxk\"", body);
  ASSERT_TRUE(parts) << parts.error().ToString();
  EXPECT_EQ(parts->at(0).data, "1");
  EXPECT_FALSE(ParseMultipartBody("application/json", body));
  EXPECT_FALSE(ParseMultipartBody("multipart/form-data", body));
}

TEST(Multipart, MissingClosingBoundaryNamesTheOffset) {
  const std::string body = "--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\ntruncated";
  auto parts = ParseMultipart(body, "b");
  ASSERT_FALSE(parts);
  EXPECT_EQ(parts.error().code, ErrorCode::kParse);
  EXPECT_NE(parts.error().message.find("終端の境界"), std::string::npos);
  EXPECT_EQ(parts.error().where.byte_offset, body.size());
}

TEST(Multipart, ErrorsSayWhatAndWhere) {
  auto no_start = ParseMultipart("hello", "b");
  ASSERT_FALSE(no_start);
  EXPECT_NE(no_start.error().message.find("最初の境界"), std::string::npos);

  auto bad_header = ParseMultipart("--b\r\nno colon here\r\n\r\nx\r\n--b--", "b");
  ASSERT_FALSE(bad_header);
  EXPECT_EQ(bad_header.error().where.byte_offset, 5u);

  auto no_name = ParseMultipart("--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--", "b");
  ASSERT_FALSE(no_name);
  EXPECT_NE(no_name.error().message.find("name"), std::string::npos);
}

TEST(Multipart, Limits) {
  FormLimits limits;
  limits.max_fields = 1;
  const auto body = Body("b", {"Content-Disposition: form-data; name=\"x\"\r\n\r\n1",
                               "Content-Disposition: form-data; name=\"y\"\r\n\r\n2"});
  auto parts = ParseMultipart(body, "b", limits);
  ASSERT_FALSE(parts);
  EXPECT_EQ(parts.error().code, ErrorCode::kLimit);

  limits = FormLimits{};
  limits.max_part_header_bytes = 32;
  const auto long_header = Body("b", {"Content-Disposition: form-data; name=\"" + std::string(100, 'n') + "\"\r\n\r\n1"});
  auto too_long = ParseMultipart(long_header, "b", limits);
  ASSERT_FALSE(too_long);
  EXPECT_EQ(too_long.error().code, ErrorCode::kLimit);

  EXPECT_FALSE(ParseMultipart("x", std::string(71, 'b')));
}

}  // namespace
}  // namespace mamori::http
