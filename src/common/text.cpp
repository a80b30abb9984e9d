#include "common/text.h"

#include <algorithm>
#include <memory>

#include <fmt/format.h>
#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace mamori::text {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr const char* kCp932Converter = "windows-31j";

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

Result<ConverterPtr> OpenStrict(const char* name) {
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr conv(ucnv_open(name, &status));
  if (U_FAILURE(status)) {
    return Fail(ErrorCode::kInternal, fmt::format("文字コード変換器 {} を開けません: {}", name, u_errorName(status)));
  }
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  ucnv_setFromUCallBack(conv.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  return conv;
}

}  // namespace

const char* EncodingName(Encoding e) {
  switch (e) {
    case Encoding::kUtf8: return "UTF-8";
    case Encoding::kUtf8Bom: return "UTF-8 (BOM)";
    case Encoding::kCp932: return "CP932";
  }
  return "?";
}

std::size_t FindInvalidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(bytes.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c < 0) return static_cast<std::size_t>(start);
  }
  return std::string_view::npos;
}

Encoding DetectEncoding(std::string_view bytes) {
  if (bytes.starts_with(kBom)) return Encoding::kUtf8Bom;
  if (IsValidUtf8(bytes)) return Encoding::kUtf8;
  return Encoding::kCp932;
}

Result<std::string> ToUtf8(std::string_view bytes, Encoding from) {
  if (from != Encoding::kCp932) {
    if (bytes.starts_with(kBom)) bytes.remove_prefix(kBom.size());
    if (auto bad = FindInvalidUtf8(bytes); bad != std::string_view::npos) {
      Location where;
      where.byte_offset = bad + (from == Encoding::kUtf8Bom ? kBom.size() : 0);
      return Fail(ErrorCode::kParse, "UTF-8 として読めないバイト列があります", where);
    }
    return std::string(bytes);
  }
  auto conv = OpenStrict(kCp932Converter);
  if (!conv) return Fail(conv.error());
  std::u16string buffer(bytes.size() + 1, u'\0');
  UChar* target = buffer.data();
  const char* source = bytes.data();
  UErrorCode status = U_ZERO_ERROR;
  ucnv_toUnicode(conv->get(), &target, buffer.data() + buffer.size(), &source,
                 bytes.data() + bytes.size(), nullptr, /*flush=*/true, &status);
  if (U_FAILURE(status)) {
    // The converter stopped right after the offending bytes; report where they start.
    char invalid[8];
    int8_t invalid_length = sizeof invalid;
    UErrorCode ignored = U_ZERO_ERROR;
    ucnv_getInvalidChars(conv->get(), invalid, &invalid_length, &ignored);
    Location where;
    where.byte_offset = static_cast<std::uint64_t>(source - bytes.data()) - static_cast<std::uint64_t>(invalid_length);
    return Fail(ErrorCode::kParse, "CP932 (Shift_JIS) として読めないバイト列があります", where);
  }
  icu::UnicodeString u(buffer.data(), static_cast<int32_t>(target - buffer.data()));
  std::string out;
  u.toUTF8String(out);
  return out;
}

Result<std::string> FromUtf8(std::string_view utf8, Encoding to) {
  if (to == Encoding::kUtf8) return std::string(utf8);
  if (to == Encoding::kUtf8Bom) return std::string(kBom) + std::string(utf8);
  auto conv = OpenStrict(kCp932Converter);
  if (!conv) return Fail(conv.error());
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  std::string out(static_cast<std::size_t>(u.length()) * 2 + 16, '\0');
  char* target = out.data();
  const UChar* source = u.getBuffer();
  const UChar* source_end = source + u.length();
  UErrorCode status = U_ZERO_ERROR;
  ucnv_fromUnicode(conv->get(), &target, out.data() + out.size(), &source, source_end, nullptr, true, &status);
  if (U_FAILURE(status)) {
    UChar invalid[4];
    int8_t invalid_length = 4;
    UErrorCode ignored = U_ZERO_ERROR;
    ucnv_getInvalidUChars(conv->get(), invalid, &invalid_length, &ignored);
    std::string ch;
    icu::UnicodeString(invalid, invalid_length).toUTF8String(ch);
    return Fail(ErrorCode::kInvalidArgument, fmt::format("文字「{}」は CP932 で表せません", ch));
  }
  out.resize(static_cast<std::size_t>(target - out.data()));
  return out;
}

std::string Nfkc(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return std::string(utf8);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString n = nfkc->normalize(u, status);
  if (U_FAILURE(status)) return std::string(utf8);
  std::string out;
  n.toUTF8String(out);
  return out;
}

namespace {
bool IsFoldSkipped(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '_' || c == '-'; }
}  // namespace

std::string FoldKey(std::string_view utf8) {
  // ASCII needs no normalization: lower-case it and drop the separators.
  if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    std::string out;
    out.reserve(utf8.size());
    for (char c : utf8) {
      if (IsFoldSkipped(c)) continue;
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCCasefoldInstance(status);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString folded = U_SUCCESS(status) ? nfkc->normalize(u, status) : u;
  if (U_FAILURE(status)) folded = u;
  icu::UnicodeString compact;
  for (int32_t i = 0; i < folded.length();) {
    const UChar32 c = folded.char32At(i);
    i += U16_LENGTH(c);
    if (c == ' ' || c == '\t' || c == 0x3000 || c == '\r' || c == '\n' || c == '_' || c == '-' || c == 0x30FB) continue;
    compact.append(c);
  }
  std::string out;
  compact.toUTF8String(out);
  return out;
}

std::string_view Trim(std::string_view s) {
  constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";
  bool changed = true;
  while (changed) {
    changed = false;
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) {
      s.remove_prefix(1);
      changed = true;
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
      s.remove_suffix(1);
      changed = true;
    }
    if (s.starts_with(kIdeographicSpace)) { s.remove_prefix(3); changed = true; }
    if (s.ends_with(kIdeographicSpace)) { s.remove_suffix(3); changed = true; }
  }
  return s;
}

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const auto pos = s.find(sep, start);
    out.emplace_back(s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return out;
}

std::size_t CodePointCount(std::string_view utf8) {
  std::size_t n = 0;
  for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace mamori::text
