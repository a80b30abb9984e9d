// Helpers shared by the exchange tests (not part of the library).
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "exchange/sheet.h"
#include "register/schema.h"

namespace mamori::exchange::testing {

std::filesystem::path SourceDir();
std::filesystem::path DataDir();  // tests/data/exchange
std::string ReadFile(const std::filesystem::path& path);
void WriteFile(const std::filesystem::path& path, std::string_view bytes);

// A zip archive of the given (name, content) entries, built with libzip.
std::string MakeZip(const std::vector<std::pair<std::string, std::string>>& entries);

// A minimal XLSX around one worksheet's <sheetData> content (the parts around
// it are fixed): for hand-crafting cells. `shared` are <si> bodies.
std::string MakeXlsx(const std::string& sheet_data, const std::vector<std::string>& shared = {},
                     const std::string& styles_cell_xfs = {}, const std::string& styles_num_fmts = {},
                     const std::string& workbook_pr = {});

Sheet MakeSheet(std::vector<std::vector<std::string>> rows, SheetSource source = SheetSource::kCsv,
                std::string name = "sheet");

// "number=A-1 | name=… | tier=lgwan" (null fields left out), for messages and goldens.
std::string DescribeRow(reg::EntityKind kind, const reg::Row& row);

}  // namespace mamori::exchange::testing
