#include "exchange/csv_reader.h"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

namespace mamori::exchange {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool IsLineBreak(char c) { return c == '\n' || c == '\r'; }

// Line (1-based, counting CRLF, LF and a lone CR as one break each) and
// column (1-based, in characters) of `offset` in UTF-8 `text`.
std::pair<std::uint64_t, std::uint64_t> LineAndColumn(std::string_view text, std::size_t offset) {
  std::uint64_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
      ++line;
      line_start = i + 1;
    }
  }
  return {line, text::CodePointCount(text.substr(line_start, offset - line_start)) + 1};
}

// A UTF-8 file with one broken byte would otherwise be taken for CP932 and
// silently garbled; CP932 text practically never holds eight valid multi-byte
// UTF-8 sequences before its first invalid one.
bool LooksLikeBrokenUtf8(std::string_view valid_prefix) {
  int multibyte = 0;
  for (unsigned char c : valid_prefix) multibyte += (c & 0xC0) == 0xC0;
  return multibyte >= 8;
}

std::string HexBytes(std::string_view bytes, std::size_t offset) {
  std::string out;
  for (std::size_t i = offset; i < bytes.size() && i < offset + 2; ++i)
    out += fmt::format("{}0x{:02X}", out.empty() ? "" : " ", static_cast<unsigned char>(bytes[i]));
  return out;
}

// Where the invalid byte at `offset` of the raw file is, as line and column.
Error EncodingError(std::string_view bytes, std::string_view file_name, text::Encoding enc, std::size_t offset) {
  std::uint64_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.size() || bytes[i + 1] != '\n'))) {
      ++line;
      line_start = i + 1;
    }
  }
  std::string_view before = bytes.substr(line_start, offset - line_start);
  if (line == 1 && before.starts_with(kBom)) before.remove_prefix(kBom.size());
  std::uint64_t column = before.size() + 1;
  if (auto utf8 = text::ToUtf8(before, enc == text::Encoding::kCp932 ? enc : text::Encoding::kUtf8))
    column = text::CodePointCount(*utf8) + 1;
  Location where;
  where.file = std::string(file_name);
  where.line = line;
  where.column = column;
  where.byte_offset = offset;
  const char* name = enc == text::Encoding::kCp932 ? "CP932 (Shift_JIS)" : "UTF-8";
  return Error(ErrorCode::kParse,
               fmt::format("{} として読めないバイト列（{}）があります。文字コードを UTF-8 か Shift_JIS にして保存し直してください",
                           name, HexBytes(bytes, offset)),
               where);
}

// Detect the encoding and convert to UTF-8.
Result<std::string> Decode(std::string_view bytes, std::string_view file_name, text::Encoding& enc) {
  enc = text::DetectEncoding(bytes);
  if (enc == text::Encoding::kCp932) {
    const std::size_t bad = text::FindInvalidUtf8(bytes);
    if (LooksLikeBrokenUtf8(bytes.substr(0, bad))) return Fail(EncodingError(bytes, file_name, text::Encoding::kUtf8, bad));
  }
  auto utf8 = text::ToUtf8(bytes, enc);
  if (!utf8) {
    const std::size_t offset = utf8.error().where.byte_offset.value_or(0);
    return Fail(EncodingError(bytes, file_name, enc, std::min(offset, bytes.size())));
  }
  return utf8;
}

// Tab-separated if the first lines have more tabs than commas outside quotes.
char DetectSeparator(std::string_view s) {
  std::size_t commas = 0, tabs = 0, lines = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < s.size() && lines < 10; ++i) {
    const char c = s[i];
    if (c == '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c == ',') ++commas;
    else if (c == '\t') ++tabs;
    else if (c == '\n') ++lines;
  }
  return tabs > commas ? '\t' : ',';
}

class CsvParser {
 public:
  CsvParser(std::string_view text, Sheet& sheet, const Limits& limits)
      : s_(text), sheet_(sheet), limits_(limits), sep_(DetectSeparator(text)) {}

  Result<void> Run() {
    std::size_t width = 0;
    while (i_ < s_.size()) {
      if (IsLineBreak(s_[i_])) {  // an empty line is no record
        SkipLineBreak();
        continue;
      }
      const std::uint64_t record_line = line_;
      std::vector<std::string> row;
      row.reserve(width);
      if (auto ok = ReadRecord(row); !ok) return ok;
      width = row.size();
      if (sheet_.rows.size() >= limits_.max_rows)
        return Fail(ErrorCode::kLimit, fmt::format("行数が上限（{} 行）を超えています", limits_.max_rows), Here(record_start_));
      cells_ += row.size();
      if (cells_ > limits_.max_cells)
        return Fail(ErrorCode::kLimit, fmt::format("セル数が上限（{}）を超えています", limits_.max_cells), Here(record_start_));
      sheet_.rows.push_back(std::move(row));
      sheet_.source_lines.push_back(record_line);
    }
    return {};
  }

 private:
  // Reads fields up to and including the record's line break (or the end).
  Result<void> ReadRecord(std::vector<std::string>& row) {
    record_start_ = i_;
    while (true) {
      if (row.size() >= limits_.max_columns)
        return Fail(ErrorCode::kLimit, fmt::format("列数が上限（{} 列）を超えています", limits_.max_columns), Here(i_));
      const std::size_t field_start = i_;
      if (i_ < s_.size() && s_[i_] == '"') {
        auto field = ReadQuoted();
        if (!field) return Fail(field.error());
        row.push_back(std::move(*field));
      } else {
        while (i_ < s_.size() && s_[i_] != sep_ && !IsLineBreak(s_[i_])) ++i_;
        row.emplace_back(s_.substr(field_start, i_ - field_start));
      }
      if (row.back().size() > limits_.max_cell_bytes)
        return Fail(ErrorCode::kLimit, fmt::format("セルの大きさが上限（{} バイト）を超えています", limits_.max_cell_bytes),
                    Here(field_start));
      if (i_ >= s_.size()) return {};
      if (s_[i_] == sep_) {
        ++i_;
        continue;
      }
      if (IsLineBreak(s_[i_])) {
        SkipLineBreak();
        return {};
      }
      return Fail(ErrorCode::kParse,
                  "閉じた引用符の後に文字があります（値の中の \" は \"\" と二つ重ねて書きます）", Here(i_));
    }
  }

  // At an opening quote: the field's text, leaving i_ after the closing quote.
  Result<std::string> ReadQuoted() {
    const std::size_t open = i_;
    ++i_;
    std::string field;
    while (true) {
      const std::size_t quote = s_.find('"', i_);
      if (quote == std::string_view::npos) {
        return Fail(ErrorCode::kParse, "引用符（\"）で始まった値が閉じられていません", Here(open));
      }
      CountLines(i_, quote);
      field.append(s_.substr(i_, quote - i_));
      if (field.size() > limits_.max_cell_bytes)
        return Fail(ErrorCode::kLimit, fmt::format("セルの大きさが上限（{} バイト）を超えています", limits_.max_cell_bytes),
                    Here(open));
      if (quote + 1 < s_.size() && s_[quote + 1] == '"') {
        field.push_back('"');
        i_ = quote + 2;
        continue;
      }
      i_ = quote + 1;
      return field;
    }
  }

  void CountLines(std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to; ++k) {
      if (s_[k] == '\n' || (s_[k] == '\r' && (k + 1 >= s_.size() || s_[k + 1] != '\n'))) ++line_;
    }
  }

  void SkipLineBreak() {
    if (s_[i_] == '\r' && i_ + 1 < s_.size() && s_[i_ + 1] == '\n') ++i_;
    ++i_;
    ++line_;
  }

  // Location of UTF-8 offset `offset`, with the byte offset in the file as uploaded.
  Location Here(std::size_t offset) const {
    Location where;
    where.file = sheet_.file;
    auto [line, column] = LineAndColumn(s_, offset);
    where.line = line;
    where.column = column;
    switch (sheet_.encoding) {
      case text::Encoding::kUtf8: where.byte_offset = offset; break;
      case text::Encoding::kUtf8Bom: where.byte_offset = offset + kBom.size(); break;
      case text::Encoding::kCp932: {
        auto back = text::FromUtf8(s_.substr(0, offset), text::Encoding::kCp932);
        where.byte_offset = back ? back->size() : offset;
        break;
      }
    }
    return where;
  }

  std::string_view s_;
  Sheet& sheet_;
  const Limits& limits_;
  char sep_;
  std::size_t i_ = 0;
  std::size_t record_start_ = 0;
  std::uint64_t line_ = 1;
  std::uint64_t cells_ = 0;
};

}  // namespace

Result<Sheet> ReadCsv(std::string_view bytes, std::string_view file_name, const Limits& limits) {
  Sheet sheet;
  sheet.file = std::string(file_name);
  sheet.name = std::filesystem::path(std::string(file_name)).stem().string();
  sheet.source = SheetSource::kCsv;
  if (bytes.size() > limits.max_file_bytes) {
    Location where;
    where.file = sheet.file;
    return Fail(ErrorCode::kLimit,
                fmt::format("ファイルが大きすぎます（{} バイト、上限 {} バイト）", bytes.size(), limits.max_file_bytes), where);
  }
  auto text = Decode(bytes, file_name, sheet.encoding);
  if (!text) return Fail(text.error());
  CsvParser parser(*text, sheet, limits);
  if (auto ok = parser.Run(); !ok) return Fail(ok.error());
  return sheet;
}

}  // namespace mamori::exchange
