#include "exchange/read_table.h"

#include <algorithm>

#include <fmt/format.h>

#include "exchange/csv_reader.h"
#include "exchange/xlsx_reader.h"

namespace mamori::exchange {
namespace {

constexpr std::string_view kZipMagic = "PK\x03\x04";
constexpr std::string_view kEmptyZipMagic = "PK\x05\x06";

// What a non-spreadsheet seems to be, for the message ("" when unknown).
std::string_view Guess(std::string_view head) {
  if (head.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
    return "Excel 97-2003 形式（.xls）かパスワード付きのファイルです。パスワードを外し、XLSX か CSV で保存し直してください";
  if (head.starts_with("%PDF")) return "PDF です";
  if (head.starts_with("\x89PNG")) return "PNG 画像です";
  if (head.starts_with("\xFF\xD8\xFF")) return "JPEG 画像です";
  if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF"))
    return "UTF-16 のテキストです。CSV（UTF-8 または Shift_JIS）で保存し直してください";
  if (head.starts_with(kEmptyZipMagic)) return "空の zip です";
  return {};
}

}  // namespace

FileFormat DetectFormat(std::string_view bytes) {
  if (bytes.starts_with(kZipMagic)) return FileFormat::kXlsx;
  if (!Guess(bytes.substr(0, 16)).empty()) return FileFormat::kNotSpreadsheet;
  const std::string_view head = bytes.substr(0, 1024);
  std::size_t controls = 0;
  for (unsigned char c : head) {
    if (c == 0) return FileFormat::kNotSpreadsheet;
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1A) || c == 0x7F) ++controls;
  }
  return controls > 2 ? FileFormat::kNotSpreadsheet : FileFormat::kCsv;
}

Result<std::vector<Sheet>> ReadTable(std::string_view bytes, std::string_view file_name, const Limits& limits) {
  Location where;
  where.file = std::string(file_name);
  if (bytes.size() > limits.max_file_bytes)
    return Fail(ErrorCode::kLimit,
                fmt::format("ファイルが大きすぎます（{} バイト、上限 {} バイト）", bytes.size(), limits.max_file_bytes), where);
  if (bytes.empty()) return Fail(ErrorCode::kParse, "ファイルが空です", where);
  switch (DetectFormat(bytes)) {
    case FileFormat::kXlsx:
      return ReadXlsx(bytes, file_name, limits);
    case FileFormat::kCsv: {
      auto sheet = ReadCsv(bytes, file_name, limits);
      if (!sheet) return Fail(sheet.error());
      std::vector<Sheet> out;
      out.push_back(std::move(*sheet));
      return out;
    }
    case FileFormat::kNotSpreadsheet:
      break;
  }
  const std::string_view guess = Guess(bytes.substr(0, 16));
  return Fail(ErrorCode::kParse,
              guess.empty() ? std::string("表計算ファイル（CSV または XLSX）ではありません")
                            : fmt::format("表計算ファイル（CSV または XLSX）ではありません: {}", guess),
              where);
}

}  // namespace mamori::exchange
