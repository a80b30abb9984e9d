// mamori export FILE [--kind asset] [--encoding utf8-bom|utf8|cp932] : the
// register as Excel (.xlsx, every kind a sheet) or CSV (one kind).
#include <filesystem>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "common/text.h"
#include "exchange/export.h"

namespace mamori::cli {
namespace {

struct ExportOptions {
  std::string file;
  std::string kind;
  std::string encoding = "utf8-bom";
};

// Written next to the target and renamed over it: a failed export leaves no half file.
Result<void> WriteAtomically(const std::filesystem::path& path, const std::string& bytes) {
  const auto tmp = std::filesystem::path(path.string() + ".part");
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
      Location where;
      where.file = path.string();
      return Fail(ErrorCode::kIo, "書き込めません", where);
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    Location where;
    where.file = path.string();
    return Fail(ErrorCode::kIo, fmt::format("書き込めません: {}", ec.message()), where);
  }
  return {};
}

int RunExport(Context& ctx, const ExportOptions& o) {
  const bool en = ctx.config.English();
  const std::filesystem::path path(o.file);
  const bool xlsx = path.extension() == ".xlsx" || path.extension() == ".XLSX";
  std::vector<reg::EntityKind> kinds;
  if (!o.kind.empty()) {
    auto k = reg::KindFromKey(o.kind);
    if (!k) return Report(ctx, k.error());
    kinds.push_back(*k);
  } else if (xlsx) {
    for (const auto& info : reg::AllEntities()) kinds.push_back(info.kind);
  } else {
    kinds.push_back(reg::EntityKind::kAsset);
  }
  auto session = ctx.open(ctx.config, NeedProfile::kNo);
  if (!session) return Report(ctx, session.error());
  std::vector<std::pair<reg::EntityKind, std::vector<reg::Row>>> tables;
  for (auto kind : kinds) {
    auto rows = session->registry->List(kind);
    if (!rows) return Report(ctx, rows.error());
    tables.emplace_back(kind, std::move(*rows));
  }
  std::string bytes;
  if (xlsx) {
    auto written = exchange::WriteXlsx(tables);
    if (!written) return Report(ctx, written.error());
    bytes = std::move(*written);
  } else {
    const auto encoding = o.encoding == "cp932" ? text::Encoding::kCp932
                          : o.encoding == "utf8" ? text::Encoding::kUtf8
                                                 : text::Encoding::kUtf8Bom;
    auto written = exchange::WriteCsv(tables.front().first, tables.front().second, encoding);
    if (!written) return Report(ctx, written.error());
    bytes = std::move(*written);
  }
  if (auto ok = WriteAtomically(path, bytes); !ok) return Report(ctx, ok.error());
  std::size_t count = 0;
  for (const auto& t : tables) count += t.second.size();
  *ctx.out << (en ? fmt::format("Wrote {} records to {}\n", count, o.file)
                  : fmt::format("{} 件を {} に書き出しました\n", count, o.file));
  return kExitOk;
}

}  // namespace

void AddExportCommand(CLI::App& parent, Context& ctx, Action& run) {
  auto o = std::make_shared<ExportOptions>();
  auto* cmd = parent.add_subcommand("export", "台帳を Excel（.xlsx: 種類ごとのシート）または CSV に書き出す");
  cmd->add_option("file", o->file, "書き出すファイル（.xlsx または .csv）")->required();
  cmd->add_option("--kind", o->kind, "台帳の種類（CSV の既定: asset）");
  cmd->add_option("--encoding", o->encoding, "CSV の文字コード: utf8-bom（既定、Excel で開ける）, utf8, cp932")
      ->check(CLI::IsMember({"utf8-bom", "utf8", "cp932"}));
  cmd->callback([&ctx, &run, o] { run = [&ctx, o] { return RunExport(ctx, *o); }; });
}

}  // namespace mamori::cli
