// mamori import FILE… [--kind asset] [--dry-run] : the register from the CSV or
// XLSX files a body already keeps. All or nothing, every bad row reported.
#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "exchange/mapping.h"
#include "exchange/read_table.h"

namespace mamori::cli {
namespace {

struct ImportOptions {
  std::vector<std::string> files;
  std::string kind;
  bool dry_run = false;
};

Result<std::string> ReadFile(const std::string& path, std::uint64_t limit) {
  std::ifstream in(path, std::ios::binary);
  Location where;
  where.file = path;
  if (!in) return Fail(ErrorCode::kIo, "ファイルを開けません", where);
  in.seekg(0, std::ios::end);
  const auto size = static_cast<std::uint64_t>(in.tellg());
  if (size > limit) return Fail(ErrorCode::kLimit, fmt::format("ファイルが大きすぎます（{} バイトまで）", limit), where);
  in.seekg(0);
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  return bytes;
}

int RunImport(Context& ctx, const ImportOptions& o) {
  const bool en = ctx.config.English();
  std::optional<reg::EntityKind> hint;
  if (!o.kind.empty()) {
    auto k = reg::KindFromKey(o.kind);
    if (!k) return Report(ctx, k.error());
    hint = *k;
  }
  const exchange::Limits limits;
  std::vector<service::IncomingSheet> incoming;
  std::vector<Error> problems;
  for (const auto& file : o.files) {
    auto bytes = ReadFile(file, limits.max_file_bytes);
    if (!bytes) return Report(ctx, bytes.error());
    auto sheets = exchange::ReadTable(*bytes, file, limits);
    if (!sheets) return Report(ctx, sheets.error());
    for (const auto& sheet : *sheets) {
      auto mapped = exchange::MapSheet(sheet, hint);
      if (!mapped) {
        // In a workbook of several sheets, a sheet that is not a register
        // (説明, 集計 …) is passed over, and said so.
        if (sheets->size() > 1 && !hint && !exchange::KindFromSheetName(sheet.name) && mapped.error().details.empty()) {
          *ctx.err << (en ? fmt::format("{}: sheet \"{}\" is not a register; skipped\n", file, sheet.name)
                          : fmt::format("{}: シート「{}」は台帳として読めないため飛ばしました\n", file, sheet.name));
          continue;
        }
        problems.push_back(mapped.error());
        continue;
      }
      service::IncomingSheet in{mapped->kind, sheets->size() > 1 ? fmt::format("{}[{}]", file, sheet.name) : file, {}};
      in.rows.reserve(mapped->rows.size());
      for (std::size_t i = 0; i < mapped->rows.size(); ++i)
        in.rows.push_back({std::move(mapped->rows[i]), mapped->source_rows[i]});
      for (const auto& ignored : mapped->ignored_columns)
        *ctx.err << (en ? fmt::format("{}: column \"{}\" is not a field; ignored\n", in.sheet_name, ignored)
                        : fmt::format("{}: 列「{}」は台帳の項目ではないため読み飛ばしました\n", in.sheet_name, ignored));
      incoming.push_back(std::move(in));
    }
  }
  if (!problems.empty()) {
    if (problems.size() == 1) return Report(ctx, problems.front());
    Error all(ErrorCode::kValidation, "取込みファイルに誤りがあります。何も取り込んでいません。");
    all.details = std::move(problems);
    return Report(ctx, all);
  }
  // Organs before departments before the records that name them.
  std::stable_sort(incoming.begin(), incoming.end(),
                   [](const auto& a, const auto& b) { return static_cast<int>(a.kind) < static_cast<int>(b.kind); });

  auto session = ctx.open(ctx.config, NeedProfile::kNo);
  if (!session) return Report(ctx, session.error());
  auto plan = session->registry->Import(std::move(incoming), o.dry_run);
  if (!plan) return Report(ctx, plan.error());
  for (const auto& [kind, c] : plan->counts) {
    const auto& info = reg::Info(kind);
    *ctx.out << (en ? fmt::format("{}: {} created, {} updated, {} unchanged\n", info.label_en, c.created, c.updated,
                                  c.unchanged)
                    : fmt::format("{}: 追加 {} 件、変更 {} 件、変更なし {} 件\n", info.label_ja, c.created, c.updated,
                                  c.unchanged));
  }
  if (o.dry_run)
    *ctx.out << (en ? "Dry run: nothing was written.\n" : "試行のみ: 何も書き込んでいません。\n");
  else
    *ctx.out << (en ? fmt::format("Recorded in the change history as {}.\n", plan->batch)
                    : fmt::format("変更履歴に {} として記録しました（mamori history --batch {}）。\n", plan->batch, plan->batch));
  return kExitOk;
}

}  // namespace

void AddImportCommand(CLI::App& parent, Context& ctx, Action& run) {
  auto o = std::make_shared<ImportOptions>();
  auto* cmd = parent.add_subcommand("import", "CSV（UTF-8／Shift_JIS）または Excel（XLSX）の台帳を取り込む（全件成功か何もしないか）");
  cmd->add_option("files", o->files, "取り込むファイル")->required()->check(CLI::ExistingFile);
  cmd->add_option("--kind", o->kind, "台帳の種類（asset, system, terminal, person …; 既定: 見出しから判断）");
  cmd->add_flag("--dry-run", o->dry_run, "何が変わるかだけを示し、書き込まない");
  cmd->callback([&ctx, &run, o] { run = [&ctx, o] { return RunImport(ctx, *o); }; });
}

}  // namespace mamori::cli
