// mamori net check [--proposed FILE…] [--format text|json] [--fail-on high|medium|low|none] [--all]
//
// The three-tier separation verified from the register's network model: the
// net.* findings of `mamori check`. With --proposed, a change to the model
// (the network sheets as `mamori export` writes them, CSV or XLSX) is applied
// in memory over the current register — same number replaces, a new number is
// added, nothing is written — and what it newly permits between tiers and which
// findings it brings or resolves are shown. Exit 1 when the change (or, without
// --proposed, the register) breaks the policy at --fail-on or above.
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "check/engine.h"
#include "check/report.h"
#include "check/snapshot.h"
#include "cli/findings_output.h"
#include "cli/net_commands.h"
#include "exchange/read_files.h"
#include "net/verify.h"
#include "register/schema.h"

namespace mamori::cli {
namespace {

struct NetCheckOptions : FindingsOutput {
  std::vector<std::string> proposed;
};

bool AtOrAbove(policy::Severity s, policy::Severity threshold) {
  return static_cast<int>(s) <= static_cast<int>(threshold);
}

// The body's profile with only the net.* rules on.
policy::Profile NetOnly(const policy::Profile& profile) {
  policy::Profile p = profile;
  for (auto& r : p.rules)
    if (!r.id.starts_with("net.")) r.enabled = false;
  return p;
}

// ---- the proposed model -------------------------------------------------------------------------

struct Applied {
  std::map<reg::EntityKind, std::pair<std::size_t, std::size_t>> counts;  // replaced, added
};

template <typename T>
Result<void> ApplyRows(std::vector<reg::Row>&& rows, std::vector<T>& records, std::pair<std::size_t, std::size_t>& count) {
  for (auto& row : rows) {
    auto record = reg::FromRow<T>(std::move(row));
    if (!record) return Fail(record.error());
    auto it = std::find_if(records.begin(), records.end(), [&](const T& r) { return r.number == record->number; });
    if (it != records.end()) {
      *it = std::move(*record);
      ++count.first;
    } else {
      records.push_back(std::move(*record));
      ++count.second;
    }
  }
  return {};
}

Result<Applied> ApplyProposed(Context& ctx, const std::vector<std::string>& files, reg::Register& reg) {
  std::vector<std::filesystem::path> paths(files.begin(), files.end());
  auto read = exchange::ReadAndMapFiles(paths, std::nullopt, exchange::Limits{});
  if (!read) return Fail(read.error());
  for (const auto& notice : read->notices) *ctx.err << notice << '\n';
  const bool en = ctx.config.English();
  Applied applied;
  for (auto& sheet : read->sheets) {
    auto& count = applied.counts[sheet.mapped.kind];
    Result<void> ok;
    switch (sheet.mapped.kind) {
      case reg::EntityKind::kSegment: ok = ApplyRows(std::move(sheet.mapped.rows), reg.segments, count); break;
      case reg::EntityKind::kGateway: ok = ApplyRows(std::move(sheet.mapped.rows), reg.gateways, count); break;
      case reg::EntityKind::kConnection: ok = ApplyRows(std::move(sheet.mapped.rows), reg.connections, count); break;
      case reg::EntityKind::kFlow: ok = ApplyRows(std::move(sheet.mapped.rows), reg.flows, count); break;
      default: {
        applied.counts.erase(sheet.mapped.kind);
        const auto& info = reg::Info(sheet.mapped.kind);
        *ctx.err << (en ? fmt::format("{}: a sheet of {} is not part of the network model; ignored\n", sheet.label, info.label_en)
                        : fmt::format("{}: {}のシートはネットワークの記述ではないため、使いません\n", sheet.label, info.label_ja));
        continue;
      }
    }
    if (!ok) return Fail(ok.error());
  }
  if (applied.counts.empty())
    return Fail(ErrorCode::kInvalidArgument,
                en ? "the proposed files hold no network sheet (segments, gateways, connections, flow rules)"
                   : "変更案のファイルにネットワークのシート（セグメント・中継装置・外部接続・通信ルール）がありません");
  return applied;
}

// ---- comparing findings ---------------------------------------------------------------------------

using FindingKey = std::tuple<std::string, int, std::string, std::string, std::string>;
FindingKey KeyOf(const check::Finding& f) {
  return {f.rule, static_cast<int>(f.status), f.subject.type, f.subject.id, f.message};
}

std::vector<check::Finding> Missing(const std::vector<check::Finding>& from, const std::vector<check::Finding>& in) {
  std::set<FindingKey> keys;
  for (const auto& f : in) keys.insert(KeyOf(f));
  std::vector<check::Finding> out;
  for (const auto& f : from)
    if (f.status != check::Status::kPass && !keys.contains(KeyOf(f))) out.push_back(f);
  return out;
}

std::string SubjectText(const check::Subject& s, bool en) {
  std::string type = s.type;
  if (auto kind = reg::KindFromKey(s.type)) type = std::string(en ? reg::Info(*kind).label_en : reg::Info(*kind).label_ja);
  else if (s.type == "body") type = en ? "Body" : "団体";
  if (s.name.empty() || s.type == "body") return fmt::format("{} {}", type, s.type == "body" ? s.name : s.id);
  return en ? fmt::format("{} {} \"{}\"", type, s.id, s.name) : fmt::format("{} {}「{}」", type, s.id, s.name);
}

void PrintFindings(std::ostream& out, const policy::Profile& profile, const std::vector<check::Finding>& findings, bool en) {
  for (const auto& f : findings) {
    out << fmt::format("  [{}] {}  {}\n", policy::Label(f.severity, en), check::StatusLabel(f.status, en),
                       SubjectText(f.subject, en));
    out << "      " << f.message << '\n';
    const auto cited = check::ClauseOf(profile, f);
    const std::string clause =
        cited.title.empty() ? std::string(cited.label) : fmt::format("{} {}", cited.label, cited.title);
    out << fmt::format("      {}: {}（{}）\n", en ? "Clause" : "根拠", clause, f.rule);
  }
}

// ---- the two modes ----------------------------------------------------------------------------------

int RunCurrent(Context& ctx, const NetCheckOptions& o, const policy::Profile& profile, const reg::Register& reg,
               const check::CheckOptions& options) {
  const auto findings = check::RunChecks(NetOnly(profile), reg, options);
  const int status = PrintFindings(ctx, profile, findings, o, options);
  const auto summary = check::Summarize(findings);
  if (o.format != "json" && summary.fail == 0 && summary.unknown == 0)
    *ctx.out << (options.english ? "\nThe three tiers are separated as the policy requires.\n"
                                 : "\n三層の分離はポリシーのとおりです。\n");
  return status;
}

std::string TierOrKind(const net::Model& m, net::NodeId id, bool en) {
  const auto tier = net::EndpointTier(m.At(id));
  return tier ? std::string(reg::TierLabel(*tier, en)) : std::string{};
}

int RunProposed(Context& ctx, const NetCheckOptions& o, const policy::Profile& profile, const reg::Register& current,
                const check::CheckOptions& options) {
  const bool en = options.english;
  reg::Register proposed = current;
  auto applied = ApplyProposed(ctx, o.proposed, proposed);
  if (!applied) return Report(ctx, applied.error());

  const auto before = net::Verify(current, profile);
  const auto after = net::Verify(proposed, profile);
  const auto fresh = net::NewlyPermitted(before, after, profile);
  const auto net_profile = NetOnly(profile);
  const auto findings_before = check::RunChecks(net_profile, current, options);
  const auto findings_after = check::RunChecks(net_profile, proposed, options);
  const auto added = Missing(findings_after, findings_before);
  const auto resolved = Missing(findings_before, findings_after);

  const auto threshold = FailThreshold(o);
  bool breaks = false;
  if (threshold) {
    for (const auto& f : added)
      if (f.status == check::Status::kFail && AtOrAbove(f.severity, *threshold)) breaks = true;
    auto breach_counts = [&](const net::Breach& b) {
      const auto* rule = profile.Rule(net::BreachRule(b.kind));
      return rule && rule->enabled && AtOrAbove(rule->severity, *threshold);
    };
    for (const auto& n : fresh)
      if (std::any_of(n.breaches.begin(), n.breaches.end(), breach_counts)) breaks = true;
  }

  if (o.format == "json") {
    nlohmann::ordered_json j;
    j["profile"] = profile.id;
    j["proposed"]["files"] = o.proposed;
    for (const auto& [kind, c] : applied->counts)
      j["proposed"]["records"][std::string(reg::Info(kind).key)] = {{"replaced", c.first}, {"added", c.second}};
    j["newly_permitted"] = nlohmann::ordered_json::array();
    for (const auto& n : fresh) {
      const auto& permit = after.permits[n.permit];
      const auto& rule = proposed.flows[permit.flow];
      nlohmann::ordered_json x;
      x["rule"] = rule.number;
      auto node = [&](net::NodeId id) {
        const auto& nd = after.model.At(id);
        return nlohmann::ordered_json{{"number", nd.number}, {"name", nd.name}, {"tier", TierOrKind(after.model, id, en)}};
      };
      x["source"] = node(permit.src);
      x["destination"] = node(permit.dst);
      x["path"] = nlohmann::ordered_json::array();
      for (auto id : n.path) x["path"].push_back(after.model.At(id).number);
      x["path_text"] = net::PathText(after.model, n.path, en);
      x["example"] = net::ExampleText(after, permit, n.example);
      x["breaches"] = nlohmann::ordered_json::array();
      for (const auto& b : n.breaches)
        x["breaches"].push_back({{"rule", net::BreachRule(b.kind)}, {"message", en ? b.detail_en : b.detail_ja}});
      j["newly_permitted"].push_back(std::move(x));
    }
    j["new_findings"] = check::FindingsToJson(profile, added);
    j["resolved_findings"] = check::FindingsToJson(profile, resolved);
    j["breaks_policy"] = breaks;
    *ctx.out << j.dump(2) << '\n';
    return breaks ? kExitFindings : kExitOk;
  }

  auto& out = *ctx.out;
  out << (en ? fmt::format("Proposed change to the network of {} ({}), {}\n", profile.name_en, profile.id, options.today.Iso())
             : fmt::format("{}（{}）のネットワーク変更案の検証　{}\n", profile.name_ja, profile.id, ToWareki(options.today)));
  for (const auto& [kind, c] : applied->counts) {
    const auto& info = reg::Info(kind);
    out << (en ? fmt::format("  {}: {} replaced, {} added\n", info.label_en, c.first, c.second)
               : fmt::format("  {}: 置き換え {} 件、追加 {} 件\n", info.label_ja, c.first, c.second));
  }
  out << (en ? "  (applied in memory; nothing was written)\n\n" : "  （メモリ上で適用しただけで、何も書き込んでいません）\n\n");

  out << (en ? fmt::format("Newly permitted between tiers: {}\n", fresh.size())
             : fmt::format("新たに許可される系統間の通信 {} 件\n", fresh.size()));
  for (const auto& n : fresh) {
    const auto& permit = after.permits[n.permit];
    const std::string label = n.breaches.empty() ? (en ? "within policy" : "ポリシー内") : (en ? "BREACH" : "違反");
    out << fmt::format("  [{}] {}\n", label, net::ExampleText(after, permit, n.example));
    out << fmt::format("      {}: {}\n", en ? "Path" : "経路", net::PathText(after.model, n.path, en));
    out << fmt::format("      {}: {}\n", en ? "Rule" : "規則", net::RuleText(proposed.flows[permit.flow], en));
    for (const auto& b : n.breaches)
      out << fmt::format("      {}: {}\n", net::BreachRule(b.kind), en ? b.detail_en : b.detail_ja);
  }
  out << '\n'
      << (en ? fmt::format("New findings: {}\n", added.size()) : fmt::format("新たな指摘 {} 件\n", added.size()));
  PrintFindings(out, profile, added, en);
  out << '\n'
      << (en ? fmt::format("Resolved findings: {}\n", resolved.size()) : fmt::format("解消される指摘 {} 件\n", resolved.size()));
  PrintFindings(out, profile, resolved, en);
  out << '\n'
      << (breaks ? (en ? "The change newly breaks the policy.\n" : "この変更はポリシーに新たに違反します。\n")
                 : (en ? "The change does not newly break the policy.\n" : "この変更でポリシーへの新たな違反は生じません。\n"));
  return breaks ? kExitFindings : kExitOk;
}

int RunNetCheck(Context& ctx, const NetCheckOptions& o) {
  auto session = ctx.open(ctx.config, NeedProfile::kYes);
  if (!session) return Report(ctx, session.error());
  auto snapshot = check::LoadSnapshot(*session->store);
  if (!snapshot) return Report(ctx, snapshot.error());
  auto options = CheckOptionsFor(ctx, o);
  if (!options) return Report(ctx, options.error());
  if (o.proposed.empty()) return RunCurrent(ctx, o, *session->profile, *snapshot, *options);
  return RunProposed(ctx, o, *session->profile, *snapshot, *options);
}

}  // namespace

void AddNetCheckCommand(CLI::App& net, Context& ctx, Action& run) {
  auto o = std::make_shared<NetCheckOptions>();
  auto* cmd = net.add_subcommand(
      "check", "ネットワークの記述から三層の分離を検証する（違反する通信の具体例と根拠の条項を示す）");
  cmd->add_option("--proposed", o->proposed,
                  "変更案（セグメント・中継装置・外部接続・通信ルールのシート; CSV または XLSX）: 現在の台帳に重ねて差分を示す")
      ->check(CLI::ExistingFile);
  AddFindingsOutputOptions(*cmd, *o);
  cmd->callback([&ctx, &run, o] { run = [&ctx, o] { return RunNetCheck(ctx, *o); }; });
}

}  // namespace mamori::cli
