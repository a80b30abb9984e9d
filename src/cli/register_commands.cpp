// mamori asset|system|terminal|person|department|organ|inspection add|list|show|update|remove
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/format.h"
#include "common/text.h"

namespace mamori::cli {
namespace {

using reg::EntityKind;

// "資産番号=A-1" or "number=A-1" → ("資産番号", "A-1").
Result<std::pair<std::string, std::string>> SplitAssignment(const std::string& s) {
  const auto eq = s.find('=');
  if (eq == std::string::npos || eq == 0)
    return Fail(ErrorCode::kInvalidArgument, fmt::format("「{}」は 項目=値 の形ではありません", s));
  return std::make_pair(s.substr(0, eq), s.substr(eq + 1));
}

Result<reg::Row> RowFromAssignments(EntityKind kind, const std::vector<std::string>& sets) {
  const auto& info = reg::Info(kind);
  reg::Row row(info.fields.size());
  std::vector<Error> problems;
  for (const auto& s : sets) {
    auto kv = SplitAssignment(s);
    if (!kv) {
      problems.push_back(kv.error());
      continue;
    }
    const std::string key = text::FoldKey(kv->first);
    bool found = false;
    for (std::size_t i = 0; i < info.fields.size() && !found; ++i) {
      const auto& f = info.fields[i];
      if (key != text::FoldKey(f.key) && key != text::FoldKey(f.label_ja) && key != text::FoldKey(f.label_en)) continue;
      found = true;
      auto v = reg::ParseValue(f, kv->second);
      if (v)
        row[i] = std::move(*v);
      else
        problems.push_back(v.error());
    }
    if (!found)
      problems.emplace_back(ErrorCode::kInvalidArgument, fmt::format("項目「{}」は{}にありません", kv->first, info.label_ja));
  }
  if (!problems.empty()) {
    Error e(ErrorCode::kInvalidArgument, "入力に誤りがあります。何も変更していません。");
    e.details = std::move(problems);
    return Fail(std::move(e));
  }
  return row;
}

nlohmann::ordered_json RowJson(EntityKind kind, const reg::Row& row) {
  return nlohmann::ordered_json::parse(service::RowToJson(kind, row));
}

void PrintRecord(const Context& ctx, EntityKind kind, const reg::Row& row) {
  const auto& info = reg::Info(kind);
  std::size_t label_width = 0;
  for (const auto& f : info.fields)
    label_width = std::max(label_width, DisplayWidth(ctx.config.English() ? f.label_en : f.label_ja));
  for (std::size_t i = 0; i < info.fields.size(); ++i) {
    const auto& f = info.fields[i];
    const std::string_view label = ctx.config.English() ? f.label_en : f.label_ja;
    std::string value = reg::FormatValue(f, row[i], ctx.config.English());
    if (value.empty()) value = ctx.config.English() ? "(not recorded)" : "（未記録）";
    else if (!f.unit.empty() && !ctx.config.English()) value += std::string(f.unit);
    *ctx.out << label << std::string(label_width - DisplayWidth(label) + 2, ' ') << value << '\n';
  }
}

struct ListOptions {
  std::string format = "text";
  std::size_t limit = 0;
  std::size_t offset = 0;
  std::vector<std::string> columns;
};

int List(Context& ctx, EntityKind kind, const ListOptions& o) {
  auto session = ctx.open(ctx.config, NeedProfile::kNo);
  if (!session) return Report(ctx, session.error());
  auto rows = session->registry->List(kind, {o.limit, o.offset});
  if (!rows) return Report(ctx, rows.error());
  const auto& info = reg::Info(kind);
  if (o.format == "json") {
    auto out = nlohmann::ordered_json::array();
    for (const auto& r : *rows) out.push_back(RowJson(kind, r));
    *ctx.out << out.dump(2) << '\n';
    return kExitOk;
  }
  // Text: the number, the name and the most telling fields; --columns to choose.
  std::vector<std::size_t> shown;
  if (o.columns.empty()) {
    for (std::size_t i = 0; i < info.fields.size() && shown.size() < 8; ++i)
      if (info.fields[i].key != "notes") shown.push_back(i);
  } else {
    for (const auto& c : o.columns) {
      const std::string key = text::FoldKey(c);
      for (std::size_t i = 0; i < info.fields.size(); ++i)
        if (key == text::FoldKey(info.fields[i].key) || key == text::FoldKey(info.fields[i].label_ja)) shown.push_back(i);
    }
  }
  std::vector<std::string> header;
  for (auto i : shown) header.emplace_back(ctx.config.English() ? info.fields[i].label_en : info.fields[i].label_ja);
  std::vector<std::vector<std::string>> table;
  for (const auto& r : *rows) {
    std::vector<std::string> line;
    for (auto i : shown) line.push_back(reg::FormatValue(info.fields[i], r[i], ctx.config.English()));
    table.push_back(std::move(line));
  }
  PrintTable(*ctx.out, header, table, 24);
  *ctx.out << (ctx.config.English() ? fmt::format("{} {}(s)\n", rows->size(), info.label_en)
                                    : fmt::format("{} 件\n", rows->size()));
  return kExitOk;
}

void AddKind(CLI::App& parent, Context& ctx, Action& run, EntityKind kind) {
  const auto& info = reg::Info(kind);
  auto* cmd = parent.add_subcommand(std::string(info.key), fmt::format("{}（{}）の登録・一覧・表示・変更・削除",
                                                                       info.label_ja, info.label_en));
  cmd->require_subcommand(1);
  std::string fields_help = "項目=値（項目は日本語の見出しまたは英語名: ";
  for (const auto& f : info.fields) fields_help += fmt::format("{}/{} ", f.label_ja, f.key);
  fields_help += "）";

  auto sets = std::make_shared<std::vector<std::string>>();
  auto* add = cmd->add_subcommand("add", fmt::format("{}を追加する", info.label_ja));
  add->add_option("fields", *sets, fields_help)->required();
  add->callback([&ctx, &run, kind, sets] {
    run = [&ctx, kind, sets] {
      auto row = RowFromAssignments(kind, *sets);
      if (!row) return Report(ctx, row.error());
      auto session = ctx.open(ctx.config, NeedProfile::kNo);
      if (!session) return Report(ctx, session.error());
      if (auto ok = session->registry->Add(kind, *row); !ok) return Report(ctx, ok.error());
      const auto& kind_info = reg::Info(kind);
      *ctx.out << fmt::format("{}「{}」を追加しました\n", kind_info.label_ja, std::get<std::string>((*row)[0]));
      return kExitOk;
    };
  });

  auto list_opts = std::make_shared<ListOptions>();
  auto* list = cmd->add_subcommand("list", fmt::format("{}の一覧", info.label_ja));
  list->add_option("--format", list_opts->format, "text または json")->check(CLI::IsMember({"text", "json"}));
  list->add_option("--limit", list_opts->limit, "表示する件数（0: すべて）");
  list->add_option("--offset", list_opts->offset, "先頭から飛ばす件数");
  list->add_option("--columns", list_opts->columns, "表示する項目")->delimiter(',');
  list->callback([&ctx, &run, kind, list_opts] { run = [&ctx, kind, list_opts] { return List(ctx, kind, *list_opts); }; });

  auto number = std::make_shared<std::string>();
  auto show_format = std::make_shared<std::string>("text");
  auto* show = cmd->add_subcommand("show", fmt::format("{}を一件表示する", info.label_ja));
  show->add_option("number", *number, std::string(info.number_label_ja))->required();
  show->add_option("--format", *show_format, "text または json")->check(CLI::IsMember({"text", "json"}));
  show->callback([&ctx, &run, kind, number, show_format] {
    run = [&ctx, kind, number, show_format] {
      auto session = ctx.open(ctx.config, NeedProfile::kNo);
      if (!session) return Report(ctx, session.error());
      auto row = session->registry->Get(kind, *number);
      if (!row) return Report(ctx, row.error());
      if (!*row)
        return Report(ctx, Error(ErrorCode::kNotFound, fmt::format("{}「{}」はありません", reg::Info(kind).label_ja, *number)));
      if (*show_format == "json")
        *ctx.out << RowJson(kind, **row).dump(2) << '\n';
      else
        PrintRecord(ctx, kind, **row);
      return kExitOk;
    };
  });

  auto update_number = std::make_shared<std::string>();
  auto update_sets = std::make_shared<std::vector<std::string>>();
  auto* update = cmd->add_subcommand("update", fmt::format("{}の項目を変更する", info.label_ja));
  update->add_option("number", *update_number, std::string(info.number_label_ja))->required();
  update->add_option("fields", *update_sets, "項目=値（空の値で消去）")->required();
  update->callback([&ctx, &run, kind, update_number, update_sets] {
    run = [&ctx, kind, update_number, update_sets] {
      std::vector<std::pair<std::string, std::string>> changes;
      for (const auto& s : *update_sets) {
        auto kv = SplitAssignment(s);
        if (!kv) return Report(ctx, kv.error());
        changes.push_back(*kv);
      }
      auto session = ctx.open(ctx.config, NeedProfile::kNo);
      if (!session) return Report(ctx, session.error());
      auto row = session->registry->Update(kind, *update_number, changes);
      if (!row) return Report(ctx, row.error());
      *ctx.out << fmt::format("{}「{}」を変更しました\n", reg::Info(kind).label_ja, *update_number);
      return kExitOk;
    };
  });

  auto remove_number = std::make_shared<std::string>();
  auto* remove = cmd->add_subcommand("remove", fmt::format("{}を削除する（変更履歴に残ります）", info.label_ja));
  remove->add_option("number", *remove_number, std::string(info.number_label_ja))->required();
  remove->callback([&ctx, &run, kind, remove_number] {
    run = [&ctx, kind, remove_number] {
      auto session = ctx.open(ctx.config, NeedProfile::kNo);
      if (!session) return Report(ctx, session.error());
      if (auto ok = session->registry->Remove(kind, *remove_number); !ok) return Report(ctx, ok.error());
      *ctx.out << fmt::format("{}「{}」を削除しました\n", reg::Info(kind).label_ja, *remove_number);
      return kExitOk;
    };
  });
}

}  // namespace

void AddRegisterCommands(CLI::App& parent, Context& ctx, Action& run) {
  for (const auto& info : reg::AllEntities()) AddKind(parent, ctx, run, info.kind);
}

}  // namespace mamori::cli
