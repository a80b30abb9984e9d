// mamori history [--entity asset] [--number A-1] [--actor NAME] [--batch ID] [--limit N] [--format text|json]
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/format.h"

namespace mamori::cli {
namespace {

struct HistoryOptions {
  store::HistoryQuery query;
  std::string format = "text";
};

std::string_view ActionLabel(std::string_view action, bool english) {
  if (action == "create") return english ? "create" : "追加";
  if (action == "update") return english ? "update" : "変更";
  if (action == "delete") return english ? "delete" : "削除";
  return action;
}

// "機密性: 3 → 3A, 管理者: （なし） → 佐藤" — only the fields that changed.
std::string Difference(const store::HistoryEntry& e, bool english) {
  const auto before = e.before.empty() ? nlohmann::json::object() : nlohmann::json::parse(e.before, nullptr, false);
  const auto after = e.after.empty() ? nlohmann::json::object() : nlohmann::json::parse(e.after, nullptr, false);
  if (before.is_discarded() || after.is_discarded()) return {};
  const auto kind = reg::KindFromKey(e.entity);
  auto label = [&](const std::string& key) -> std::string {
    if (kind)
      for (const auto& f : reg::Info(*kind).fields)
        if (f.key == key) return std::string(english ? f.label_en : f.label_ja);
    return key;
  };
  auto show = [&](const nlohmann::json& j, const std::string& key) -> std::string {
    if (!j.contains(key)) return english ? "(none)" : "（なし）";
    const auto& v = j[key];
    if (v.is_string()) return v.get<std::string>();
    if (v.is_boolean()) return v.get<bool>() ? (english ? "yes" : "はい") : (english ? "no" : "いいえ");
    return v.dump();
  };
  std::string out;
  if (e.action == "update") {
    std::vector<std::string> keys;
    for (auto it = before.begin(); it != before.end(); ++it) keys.push_back(it.key());
    for (auto it = after.begin(); it != after.end(); ++it)
      if (!before.contains(it.key())) keys.push_back(it.key());
    for (const auto& k : keys) {
      if (before.contains(k) && after.contains(k) && before[k] == after[k]) continue;
      out += fmt::format("{}{}: {} → {}", out.empty() ? "" : ", ", label(k), show(before, k), show(after, k));
    }
  } else {
    const auto& j = e.action == "delete" ? before : after;
    if (j.contains("name")) out = show(j, "name");
    if (j.contains("value")) out = show(j, "value");
  }
  return out;
}

int RunHistory(Context& ctx, const HistoryOptions& o) {
  auto session = ctx.open(ctx.config, NeedProfile::kNo);
  if (!session) return Report(ctx, session.error());
  auto entries = session->store->History(o.query);
  if (!entries) return Report(ctx, entries.error());
  const bool en = ctx.config.English();
  if (o.format == "json") {
    auto out = nlohmann::ordered_json::array();
    for (const auto& e : *entries) {
      nlohmann::ordered_json j{{"id", e.id}, {"at", e.at}, {"actor", e.actor}, {"action", e.action},
                               {"entity", e.entity}, {"number", e.number}};
      j["before"] = e.before.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json::parse(e.before);
      j["after"] = e.after.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json::parse(e.after);
      if (!e.batch.empty()) j["batch"] = e.batch;
      out.push_back(std::move(j));
    }
    *ctx.out << out.dump(2) << '\n';
    return kExitOk;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& e : *entries) {
    std::string when = e.at.substr(0, 19);
    if (when.size() > 10) when[10] = ' ';
    auto kind = reg::KindFromKey(e.entity);
    const std::string entity = kind ? std::string(en ? reg::Info(*kind).label_en : reg::Info(*kind).label_ja)
                                    : e.entity == "setting"   ? (en ? "setting" : "設定")
                                    : e.entity == "net_alert" ? (en ? "traffic alert" : "通信の警告")
                                                              : e.entity;
    rows.push_back({std::to_string(e.id), when, e.actor, std::string(ActionLabel(e.action, en)), entity, e.number,
                    Difference(e, en)});
  }
  if (en)
    PrintTable(*ctx.out, {"#", "when", "who", "action", "type", "number", "change"}, rows, 60);
  else
    PrintTable(*ctx.out, {"#", "日時", "実施者", "操作", "種類", "番号", "内容"}, rows, 60);
  return kExitOk;
}

}  // namespace

void AddHistoryCommand(CLI::App& parent, Context& ctx, Action& run) {
  auto o = std::make_shared<HistoryOptions>();
  auto* cmd = parent.add_subcommand("history", "変更履歴（誰が・いつ・何を・変更前・変更後）を表示する");
  cmd->add_option("--entity", o->query.entity, "種類で絞る（asset, system, terminal, person, segment, flow, setting, net_alert …）");
  cmd->add_option("--number", o->query.number, "番号で絞る");
  cmd->add_option("--actor", o->query.actor, "実施者で絞る");
  cmd->add_option("--batch", o->query.batch, "取込み一回分で絞る");
  cmd->add_option("--limit", o->query.limit, "表示する件数（既定 100、0: すべて）");
  cmd->add_option("--format", o->format, "text または json")->check(CLI::IsMember({"text", "json"}));
  cmd->callback([&ctx, &run, o] {
    run = [&ctx, o] {
      if (!o->query.entity.empty() && o->query.entity != "setting" && o->query.entity != "net_alert") {
        auto kind = reg::KindFromKey(o->query.entity);
        if (!kind) return Report(ctx, kind.error());
        o->query.entity = std::string(reg::Info(*kind).key);
      }
      return RunHistory(ctx, *o);
    };
  });
}

}  // namespace mamori::cli
