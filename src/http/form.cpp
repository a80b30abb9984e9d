#include "http/form.h"

#include <algorithm>
#include <functional>

#include <fmt/format.h>

#include "http/header_value.h"
#include "http/url.h"

namespace mamori::http {
namespace {

constexpr std::size_t kMaxBoundary = 70;  // RFC 2046 §5.1.1

tl::unexpected<Error> MultipartError(ErrorCode code, std::string message, std::size_t offset) {
  Location where;
  where.byte_offset = offset;
  return Fail(code, "multipart/form-data: " + std::move(message), where);
}

// Finds the next delimiter line "\r\n--boundary" followed by "--" or by optional
// white space and CRLF, starting the search at `from`. Returns the offset of the
// leading CRLF, or npos. A look-alike inside the data is skipped.
class DelimiterFinder {
 public:
  DelimiterFinder(std::string_view body, std::string_view crlf_delimiter)
      : body_(body), pattern_(crlf_delimiter), searcher_(pattern_.begin(), pattern_.end()) {}

  [[nodiscard]] std::size_t Find(std::size_t from) const {
    while (from <= body_.size()) {
      const auto it = std::search(body_.begin() + static_cast<std::ptrdiff_t>(from), body_.end(), searcher_);
      if (it == body_.end()) return std::string_view::npos;
      const auto at = static_cast<std::size_t>(it - body_.begin());
      if (IsDelimiterLine(at + pattern_.size())) return at;
      from = at + 1;
    }
    return std::string_view::npos;
  }

  // After "--boundary": "--" (close) or [ \t]* CRLF.
  [[nodiscard]] bool IsDelimiterLine(std::size_t after) const {
    if (body_.substr(after, 2) == "--") return true;
    while (after < body_.size() && (body_[after] == ' ' || body_[after] == '\t')) ++after;
    return body_.substr(after, 2) == "\r\n";
  }

 private:
  std::string_view body_;
  std::string_view pattern_;
  std::boyer_moore_horspool_searcher<std::string_view::const_iterator> searcher_;
};

std::string BaseName(std::string_view path) {
  const std::size_t cut = path.find_last_of("/\\");
  return std::string(cut == std::string_view::npos ? path : path.substr(cut + 1));
}

struct PartHeaders {
  std::string disposition;
  std::string content_type;
};

// Header lines of one part (folded lines joined). `offset` is where they start in the body.
Result<PartHeaders> ParsePartHeaders(std::string_view block, std::size_t offset) {
  PartHeaders headers;
  std::string* last = nullptr;
  std::size_t pos = 0;
  while (pos < block.size()) {
    std::size_t end = block.find("\r\n", pos);
    if (end == std::string_view::npos) end = block.size();
    const std::string_view line = block.substr(pos, end - pos);
    if (!line.empty() && (line.front() == ' ' || line.front() == '\t')) {
      if (last != nullptr) {
        last->push_back(' ');
        last->append(TrimSpace(line));
      }
    } else if (!line.empty()) {
      const std::size_t colon = line.find(':');
      if (colon == std::string_view::npos || colon == 0) {
        return MultipartError(ErrorCode::kParse, "パートのヘッダー行に「:」がありません", offset + pos);
      }
      const std::string name = ToLower(TrimSpace(line.substr(0, colon)));
      const std::string_view value = TrimSpace(line.substr(colon + 1));
      last = nullptr;
      if (name == "content-disposition") {
        headers.disposition = value;
        last = &headers.disposition;
      } else if (name == "content-type") {
        headers.content_type = value;
        last = &headers.content_type;
      }
    }
    pos = end + 2;
  }
  return headers;
}

Result<FormPart> MakePart(const PartHeaders& headers, std::string_view data, std::size_t header_offset) {
  if (headers.disposition.empty()) {
    return MultipartError(ErrorCode::kParse, "パートに Content-Disposition がありません", header_offset);
  }
  const HeaderValue disposition = ParseHeaderValue(headers.disposition);
  if (disposition.value != "form-data") {
    return MultipartError(ErrorCode::kParse, "パートの Content-Disposition が form-data ではありません",
                          header_offset);
  }
  auto name = disposition.Param("name");
  if (!name) return MultipartError(ErrorCode::kParse, "パートに name がありません", header_offset);
  FormPart part;
  part.name = ReplaceInvalidUtf8(*name);
  std::optional<std::string> filename;
  if (auto ext = disposition.Param("filename*")) filename = DecodeExtValue(*ext);
  if (!filename) filename = disposition.Param("filename");
  if (filename) {
    // Browsers send the name as UTF-8 with '"' as %22 (HTML standard, multipart/form-data encoding).
    std::string raw = *filename;
    for (std::size_t at = raw.find("%22"); at != std::string::npos; at = raw.find("%22", at + 1)) {
      raw.replace(at, 3, "\"");
    }
    part.filename = BaseName(ReplaceInvalidUtf8(raw));
  }
  part.content_type = headers.content_type;
  part.data = std::string(data);
  return part;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> ParseUrlEncoded(std::string_view body, const FormLimits& limits) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t pos = 0;
  while (pos <= body.size() && out.size() < limits.max_fields) {
    std::size_t end = body.find('&', pos);
    if (end == std::string_view::npos) end = body.size();
    const std::string_view pair = body.substr(pos, end - pos);
    if (!pair.empty()) {
      const std::size_t eq = pair.find('=');
      if (eq == std::string_view::npos) {
        out.emplace_back(DecodeUtf8Component(pair), std::string());
      } else {
        out.emplace_back(DecodeUtf8Component(pair.substr(0, eq)), DecodeUtf8Component(pair.substr(eq + 1)));
      }
    }
    pos = end + 1;
  }
  return out;
}

Result<std::vector<FormPart>> ParseMultipart(std::string_view body, std::string_view boundary,
                                             const FormLimits& limits) {
  if (boundary.empty() || boundary.size() > kMaxBoundary) {
    return MultipartError(ErrorCode::kInvalidArgument, fmt::format("境界 (boundary) の長さが 1〜{} 文字ではありません", kMaxBoundary), 0);
  }
  const std::string crlf_delimiter = "\r\n--" + std::string(boundary);
  const DelimiterFinder finder(body, crlf_delimiter);

  // The first delimiter may start the body (no preamble) or follow a preamble line.
  std::size_t delimiter = 0;  // offset of "--boundary"
  if (body.substr(0, crlf_delimiter.size() - 2) == std::string_view(crlf_delimiter).substr(2) &&
      finder.IsDelimiterLine(crlf_delimiter.size() - 2)) {
    delimiter = 0;
  } else {
    const std::size_t found = finder.Find(0);
    if (found == std::string_view::npos) {
      return MultipartError(ErrorCode::kParse, "最初の境界 (boundary) が見つかりません", 0);
    }
    delimiter = found + 2;
  }

  std::vector<FormPart> parts;
  for (;;) {
    std::size_t pos = delimiter + crlf_delimiter.size() - 2;
    if (body.substr(pos, 2) == "--") return parts;  // close delimiter; the epilogue is ignored
    while (body[pos] == ' ' || body[pos] == '\t') ++pos;  // IsDelimiterLine guarantees a CRLF follows
    pos += 2;

    if (parts.size() >= limits.max_fields) {
      return MultipartError(ErrorCode::kLimit, fmt::format("パートが多すぎます (上限 {})", limits.max_fields), pos);
    }
    const std::size_t header_start = pos;
    std::size_t data_start = 0;
    std::string_view header_block;
    if (body.substr(pos, 2) == "\r\n") {
      data_start = pos + 2;  // a part without headers
    } else {
      const std::size_t window = std::min(body.size() - pos, limits.max_part_header_bytes + 4);
      const std::size_t end = body.substr(pos, window).find("\r\n\r\n");
      if (end == std::string_view::npos) {
        if (window < body.size() - pos) {
          return MultipartError(ErrorCode::kLimit,
                                fmt::format("パートのヘッダーが長すぎます (上限 {} バイト)", limits.max_part_header_bytes),
                                header_start);
        }
        return MultipartError(ErrorCode::kParse, "パートのヘッダーが空行で終わっていません", header_start);
      }
      header_block = body.substr(pos, end);
      data_start = pos + end + 4;
    }
    // Searching from data_start - 2 lets an empty part end right after its blank line
    // (the CRLF ending the headers is then also the one before the next delimiter).
    const std::size_t next = finder.Find(data_start - 2);
    if (next == std::string_view::npos) {
      return MultipartError(ErrorCode::kParse, "終端の境界 (boundary) がありません", body.size());
    }
    const std::size_t data_end = std::max(next, data_start);
    auto headers = ParsePartHeaders(header_block, header_start);
    if (!headers) return Fail(headers.error());
    auto part = MakePart(*headers, body.substr(data_start, data_end - data_start), header_start);
    if (!part) return Fail(part.error());
    parts.push_back(std::move(*part));
    delimiter = next + 2;
  }
}

Result<std::vector<FormPart>> ParseMultipartBody(std::string_view content_type, std::string_view body,
                                                 const FormLimits& limits) {
  const HeaderValue type = ParseHeaderValue(content_type);
  if (type.value != "multipart/form-data") {
    return Fail(ErrorCode::kInvalidArgument, "Content-Type が multipart/form-data ではありません");
  }
  const auto boundary = type.Param("boundary");
  if (!boundary || boundary->empty()) {
    return Fail(ErrorCode::kInvalidArgument, "Content-Type に boundary がありません");
  }
  return ParseMultipart(body, *boundary, limits);
}

}  // namespace mamori::http
