// mamori net import FILE… [--dry-run]: the network model from YAML
// (docs/network.md) or from the CSV/XLSX sheets the register exports. All or
// nothing; every change in the change history.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "cli/net_commands.h"
#include "exchange/read_files.h"
#include "net/model_yaml.h"

namespace mamori::cli {
namespace {

struct NetImportOptions {
  std::vector<std::string> files;
  bool dry_run = false;
};

bool IsNetworkKind(reg::EntityKind k) {
  return k == reg::EntityKind::kSegment || k == reg::EntityKind::kGateway || k == reg::EntityKind::kConnection ||
         k == reg::EntityKind::kFlow;
}

int RunNetImport(Context& ctx, const NetImportOptions& o) {
  const bool en = ctx.config.English();
  std::vector<service::IncomingSheet> incoming;
  std::vector<std::filesystem::path> tables;
  for (const auto& name : o.files) {
    const std::filesystem::path path(name);
    const auto ext = path.extension().string();
    if (ext == ".yaml" || ext == ".yml") {
      std::ifstream in(path, std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      if (!in) {
        Location where;
        where.file = name;
        return Report(ctx, Error(ErrorCode::kIo, "読めません", where));
      }
      auto sheets = net::ReadNetworkYaml(text.str(), name);
      if (!sheets) return Report(ctx, sheets.error());
      for (auto& s : *sheets)
        incoming.push_back(service::MakeIncomingSheet(s.kind, fmt::format("{} {}", name, reg::Info(s.kind).key),
                                                      std::move(s.rows), s.lines));
    } else {
      tables.push_back(path);
    }
  }
  if (!tables.empty()) {
    auto files = exchange::ReadAndMapFiles(tables, std::nullopt, exchange::Limits{});
    if (!files) return Report(ctx, files.error());
    for (const auto& notice : files->notices) *ctx.err << notice << '\n';
    for (auto& f : files->sheets) {
      if (!IsNetworkKind(f.mapped.kind)) {
        Location where;
        where.file = f.label;
        return Report(ctx, Error(ErrorCode::kValidation,
                                 fmt::format("{} はネットワークの台帳ではありません（{}）。mamori import で取り込んでください",
                                             f.label, reg::Info(f.mapped.kind).label_ja),
                                 where));
      }
      incoming.push_back(
          service::MakeIncomingSheet(f.mapped.kind, f.label, std::move(f.mapped.rows), f.mapped.source_rows));
    }
  }
  return ApplyImport(ctx, std::move(incoming), o.dry_run, [en](const std::string& batch) {
    return en ? fmt::format("Recorded in the change history as {}. Verify it with: mamori net check\n", batch)
              : fmt::format("変更履歴に {} として記録しました。mamori net check で分離を検証できます。\n", batch);
  });
}

}  // namespace

void AddNetImportCommand(CLI::App& net, Context& ctx, Action& run) {
  auto o = std::make_shared<NetImportOptions>();
  auto* cmd = net.add_subcommand(
      "import", "ネットワークの台帳（セグメント・中継装置・外部接続・通信ルール）を YAML・CSV・XLSX から取り込む（全件成功か何もしないか）");
  cmd->add_option("files", o->files, "取り込むファイル（.yaml / .csv / .xlsx）")->required()->check(CLI::ExistingFile);
  cmd->add_flag("--dry-run", o->dry_run, "何が変わるかだけを示し、書き込まない");
  cmd->callback([&ctx, &run, o] { run = [&ctx, o] { return RunNetImport(ctx, *o); }; });
}

}  // namespace mamori::cli
