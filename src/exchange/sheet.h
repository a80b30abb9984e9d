// A table as read from a CSV or XLSX file, before it means anything: rows of
// UTF-8 cell text and where each row came from, for error messages.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/text.h"

namespace mamori::exchange {

enum class SheetSource { kCsv, kXlsx };

struct Sheet {
  std::string name;  // XLSX: the sheet's name; CSV: the file name without its extension
  std::vector<std::vector<std::string>> rows;  // rows[0] is the first row of the file (a title or the header)
  // One per row. CSV: the physical line where the record starts (1-based);
  // XLSX: the spreadsheet row number (as Excel shows it). XLSX rows without
  // any value are not stored, so numbers may skip.
  std::vector<std::uint64_t> source_lines;
  SheetSource source = SheetSource::kCsv;
  std::string file;                                  // the file name, for messages
  text::Encoding encoding = text::Encoding::kUtf8;  // CSV only: what was detected
};

// Every parser here stops with ErrorCode::kLimit when input goes beyond one of
// these. The defaults take any register a body keeps in Excel with room to
// spare; the fuzz harnesses use smaller ones.
struct Limits {
  std::uint64_t max_file_bytes = 256ull << 20;  // the file as uploaded
  std::uint64_t max_rows = 1'000'000;           // per sheet (Excel's maximum is 1,048,576)
  std::uint64_t max_columns = 1'024;            // per row (Excel's maximum is 16,384)
  std::uint64_t max_cell_bytes = 128u << 10;    // UTF-8 bytes (Excel holds 32,767 characters)
  std::uint64_t max_cells = 10'000'000;         // non-empty cells in the whole file
  // XLSX only: against zip bombs and hostile XML.
  std::uint64_t max_zip_entries = 10'000;
  std::uint64_t max_entry_bytes = 512ull << 20;  // uncompressed, one part
  std::uint64_t max_total_bytes = 1ull << 30;    // uncompressed, all parts read
  std::uint64_t max_sheets = 255;
  std::uint64_t max_shared_strings = 2'000'000;
  std::uint64_t max_xml_depth = 64;
};

}  // namespace mamori::exchange
