// Files as a user hands them to `mamori import`: each read, told apart (CSV or
// XLSX) and mapped to register rows, on as many threads as there are cores.
// The result is in the order of the files and their sheets, whatever the threads.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "common/error.h"
#include "exchange/mapping.h"
#include "exchange/sheet.h"

namespace mamori::exchange {

struct MappedFileSheet {
  std::string label;  // "file" or "file[sheet]" when the workbook has several sheets
  MappedSheet mapped;
};

struct ReadFilesResult {
  std::vector<MappedFileSheet> sheets;
  // Said to the user, nothing was wrong: sheets that are not a register (説明,
  // 集計 … in a workbook of several sheets) and columns that name no field.
  std::vector<std::string> notices;
};

// One file's bytes as uploaded (the web import): the same reading, mapping and
// reporting as a file on disk.
Result<ReadFilesResult> ReadAndMapBytes(std::string_view bytes, const std::string& file_name,
                                        std::optional<reg::EntityKind> kind_hint, const Limits& limits);

// Every problem of every file is reported (Error.details when more than one).
Result<ReadFilesResult> ReadAndMapFiles(const std::vector<std::filesystem::path>& files,
                                        std::optional<reg::EntityKind> kind_hint, const Limits& limits);

}  // namespace mamori::exchange
