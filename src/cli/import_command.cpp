// mamori import FILE… [--kind asset] [--dry-run] : the register from the CSV or
// XLSX files a body already keeps. All or nothing, every bad row reported.
#include <algorithm>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "exchange/read_files.h"

namespace mamori::cli {
namespace {

struct ImportOptions {
  std::vector<std::string> files;
  std::string kind;
  bool dry_run = false;
};

int RunImport(Context& ctx, const ImportOptions& o) {
  const bool en = ctx.config.English();
  std::optional<reg::EntityKind> hint;
  if (!o.kind.empty()) {
    auto k = reg::KindFromKey(o.kind);
    if (!k) return Report(ctx, k.error());
    hint = *k;
  }
  std::vector<std::filesystem::path> paths(o.files.begin(), o.files.end());
  auto files = exchange::ReadAndMapFiles(paths, hint, exchange::Limits{});
  if (!files) return Report(ctx, files.error());
  for (const auto& notice : files->notices) *ctx.err << notice << '\n';
  std::vector<service::IncomingSheet> incoming;
  for (auto& f : files->sheets)
    incoming.push_back(
        service::MakeIncomingSheet(f.mapped.kind, f.label, std::move(f.mapped.rows), f.mapped.source_rows));
  return ApplyImport(ctx, std::move(incoming), o.dry_run, [en](const std::string& batch) {
    return en ? fmt::format("Recorded in the change history as {}.\n", batch)
              : fmt::format("変更履歴に {} として記録しました（mamori history --batch {}）。\n", batch, batch);
  });
}

}  // namespace

int ApplyImport(Context& ctx, std::vector<service::IncomingSheet> incoming, bool dry_run,
                const std::function<std::string(const std::string& batch)>& recorded) {
  const bool en = ctx.config.English();
  // Organs before departments before the records that name them.
  std::stable_sort(incoming.begin(), incoming.end(),
                   [](const auto& a, const auto& b) { return static_cast<int>(a.kind) < static_cast<int>(b.kind); });
  auto session = ctx.open(ctx.config, NeedProfile::kNo);
  if (!session) return Report(ctx, session.error());
  auto plan = session->registry->Import(std::move(incoming), dry_run);
  if (!plan) return Report(ctx, plan.error());
  for (const auto& [kind, c] : plan->counts) {
    const auto& info = reg::Info(kind);
    *ctx.out << (en ? fmt::format("{}: {} created, {} updated, {} unchanged\n", info.label_en, c.created, c.updated,
                                  c.unchanged)
                    : fmt::format("{}: 追加 {} 件、変更 {} 件、変更なし {} 件\n", info.label_ja, c.created, c.updated,
                                  c.unchanged));
  }
  if (dry_run)
    *ctx.out << (en ? "Dry run: nothing was written.\n" : "試行のみ: 何も書き込んでいません。\n");
  else
    *ctx.out << recorded(plan->batch);
  return kExitOk;
}

void AddImportCommand(CLI::App& parent, Context& ctx, Action& run) {
  auto o = std::make_shared<ImportOptions>();
  auto* cmd = parent.add_subcommand("import", "CSV（UTF-8／Shift_JIS）または Excel（XLSX）の台帳を取り込む（全件成功か何もしないか）");
  cmd->add_option("files", o->files, "取り込むファイル")->required()->check(CLI::ExistingFile);
  cmd->add_option("--kind", o->kind, "台帳の種類（asset, system, terminal, person …; 既定: 見出しから判断）");
  cmd->add_flag("--dry-run", o->dry_run, "何が変わるかだけを示し、書き込まない");
  cmd->callback([&ctx, &run, o] { run = [&ctx, o] { return RunImport(ctx, *o); }; });
}

}  // namespace mamori::cli
