#include "exchange/read_files.h"

#include <algorithm>
#include <atomic>
#include <fstream>
#include <thread>

#include <fmt/format.h>

#include "exchange/read_table.h"

namespace mamori::exchange {
namespace {

Result<std::string> ReadFile(const std::filesystem::path& path, std::uint64_t limit) {
  std::ifstream in(path, std::ios::binary);
  Location where;
  where.file = path.string();
  if (!in) return Fail(ErrorCode::kIo, "ファイルを開けません", where);
  in.seekg(0, std::ios::end);
  const auto size = static_cast<std::uint64_t>(in.tellg());
  if (size > limit) return Fail(ErrorCode::kLimit, fmt::format("ファイルが大きすぎます（{} バイトまで）", limit), where);
  in.seekg(0);
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  return bytes;
}

struct FileOutcome {
  std::vector<MappedFileSheet> sheets;
  std::vector<std::string> notices;
  std::vector<Error> problems;
};

FileOutcome MapBytes(std::string_view bytes, const std::string& name, std::optional<reg::EntityKind> hint,
                     const Limits& limits) {
  FileOutcome out;
  const std::filesystem::path file(name);
  auto sheets = ReadTable(bytes, name, limits);
  if (!sheets) {
    out.problems.push_back(sheets.error());
    return out;
  }
  for (const auto& sheet : *sheets) {
    auto mapped = MapSheet(sheet, hint);
    if (!mapped) {
      // In a workbook of several sheets, a sheet that is not a register is passed over.
      if (sheets->size() > 1 && !hint && !KindFromSheetName(sheet.name) && mapped.error().details.empty()) {
        out.notices.push_back(fmt::format("{}: シート「{}」は台帳として読めないため飛ばしました", file.string(), sheet.name));
        continue;
      }
      out.problems.push_back(mapped.error());
      continue;
    }
    MappedFileSheet m{sheets->size() > 1 ? fmt::format("{}[{}]", file.string(), sheet.name) : file.string(),
                      std::move(*mapped)};
    for (const auto& ignored : m.mapped.ignored_columns)
      out.notices.push_back(fmt::format("{}: 列「{}」は台帳の項目ではないため読み飛ばしました", m.label, ignored));
    out.sheets.push_back(std::move(m));
  }
  return out;
}

FileOutcome ReadOne(const std::filesystem::path& file, std::optional<reg::EntityKind> hint, const Limits& limits) {
  auto bytes = ReadFile(file, limits.max_file_bytes);
  if (!bytes) {
    FileOutcome out;
    out.problems.push_back(bytes.error());
    return out;
  }
  return MapBytes(*bytes, file.string(), hint, limits);
}

}  // namespace

Result<ReadFilesResult> ReadAndMapBytes(std::string_view bytes, const std::string& file_name,
                                        std::optional<reg::EntityKind> kind_hint, const Limits& limits) {
  Location where;
  where.file = file_name;
  if (bytes.size() > limits.max_file_bytes)
    return Fail(ErrorCode::kLimit, fmt::format("ファイルが大きすぎます（{} バイトまで）", limits.max_file_bytes), where);
  auto outcome = MapBytes(bytes, file_name, kind_hint, limits);
  if (outcome.problems.size() == 1) return Fail(std::move(outcome.problems.front()));
  if (!outcome.problems.empty()) {
    Error e(ErrorCode::kValidation, fmt::format("{} に {} 件の問題があります", file_name, outcome.problems.size()));
    e.details = std::move(outcome.problems);
    return Fail(std::move(e));
  }
  ReadFilesResult result;
  result.sheets = std::move(outcome.sheets);
  result.notices = std::move(outcome.notices);
  return result;
}

Result<ReadFilesResult> ReadAndMapFiles(const std::vector<std::filesystem::path>& files,
                                        std::optional<reg::EntityKind> kind_hint, const Limits& limits) {
  std::vector<FileOutcome> outcomes(files.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) outcomes[i] = ReadOne(files[i], kind_hint, limits);
  };
  const std::size_t threads =
      std::min<std::size_t>(files.size(), std::max(1u, std::thread::hardware_concurrency()));
  {
    std::vector<std::jthread> pool;
    for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
  }  // joined
  ReadFilesResult result;
  std::vector<Error> problems;
  for (auto& o : outcomes) {
    for (auto& s : o.sheets) result.sheets.push_back(std::move(s));
    for (auto& n : o.notices) result.notices.push_back(std::move(n));
    for (auto& p : o.problems) problems.push_back(std::move(p));
  }
  if (problems.size() == 1) return Fail(std::move(problems.front()));
  if (!problems.empty()) {
    Error all(ErrorCode::kValidation, "取込みファイルに誤りがあります。何も取り込んでいません。");
    all.details = std::move(problems);
    return Fail(std::move(all));
  }
  return result;
}

}  // namespace mamori::exchange
