// mamori net watch [FILE…|-] [--pcap FILE] [--syslog-udp ADDR] [--syslog-tcp ADDR] [--netflow ADDR] …
// mamori net alerts [--since DATE] [--rule R] [--status S] [--format text|json]
// mamori net alert-status ID STATUS
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "check/snapshot.h"
#include "cli/net_commands.h"
#include "net/model.h"
#include "net/monitor/sinks.h"
#include "net/monitor/sources.h"

namespace mamori::cli {
namespace {

std::atomic<bool> g_stop{false};
extern "C" void OnWatchSignal(int) { g_stop.store(true); }

struct WatchOptions {
  std::vector<std::string> files;
  std::vector<std::string> pcaps;
  std::vector<std::string> syslog_udp, syslog_tcp, netflow;
  std::string format = "auto";
  std::string out = "-";
  std::vector<std::string> syslog_out;
  double window_s = 300;
  std::size_t max_open = 10'000;
  bool no_store = false;
  bool ignore_denied = false;
  double duration_s = 0;
};

int RunWatch(Context& ctx, const WatchOptions& o) {
  auto format = net::parse::FormatFromName(o.format);
  if (!format) {
    return Report(ctx, Error(ErrorCode::kInvalidArgument,
                             fmt::format("形式「{}」は読めません（auto, zeek, zeek-json, suricata, fortigate, panos, asa, iptables）",
                                         o.format)));
  }
  auto session = ctx.open(ctx.config, NeedProfile::kYes);
  if (!session) return Report(ctx, session.error());
  auto snapshot = check::LoadSnapshot(*session->store);
  if (!snapshot) return Report(ctx, snapshot.error());
  const auto& profile = *session->profile;
  std::vector<net::ModelProblem> problems;
  const auto model = net::Model::Build(*snapshot, profile, &problems);
  if (snapshot->segments.empty())
    *ctx.err << "注意: 台帳にセグメントがありません。どの通信も系統に割り当てられません"
                "（mamori net import でネットワークを登録してください）\n";
  if (!problems.empty())
    *ctx.err << fmt::format("注意: ネットワークの台帳に {} 件の問題があります（mamori net check で確認してください）\n",
                            problems.size());

  // Sinks: the store first (its alert id goes into the others), then ECS lines, then syslog.
  std::vector<net::monitor::AlertSink*> sinks;
  std::unique_ptr<store::AlertStore> alert_store;
  std::unique_ptr<net::monitor::StoreSink> store_sink;
  if (!o.no_store) {
    auto opened = ctx.open_alerts(ctx.config);
    if (!opened) return Report(ctx, opened.error());
    alert_store = std::move(*opened);
    store_sink = std::make_unique<net::monitor::StoreSink>(*alert_store);
    sinks.push_back(store_sink.get());
  }
  std::FILE* out = nullptr;
  bool close_out = false;
  if (o.out == "-") {
    out = stdout;
  } else if (o.out != "none") {
    out = std::fopen(o.out.c_str(), "a");
    if (!out) {
      Location where;
      where.file = o.out;
      return Report(ctx, Error(ErrorCode::kIo, fmt::format("警告の出力先を開けません: {}", std::strerror(errno)), where));
    }
    close_out = true;
  }
  std::unique_ptr<net::monitor::EcsSink> ecs;
  if (out) {
    ecs = std::make_unique<net::monitor::EcsSink>(out);
    sinks.push_back(ecs.get());
  }
  std::vector<std::unique_ptr<net::monitor::SyslogSink>> syslogs;
  for (const auto& url : o.syslog_out) {
    auto s = net::monitor::SyslogSink::Connect(url);
    if (!s) return Report(ctx, s.error());
    syslogs.push_back(std::move(*s));
    sinks.push_back(syslogs.back().get());
  }

  net::monitor::MonitorOptions mo;
  mo.window_ms = static_cast<std::int64_t>(o.window_s * 1000);
  mo.max_open_alerts = o.max_open;
  mo.alert_denied = !o.ignore_denied;
  mo.english = ctx.config.English();
  net::monitor::Monitor monitor(model, profile, mo, sinks, ctx.err);

  g_stop.store(false);
  std::signal(SIGINT, OnWatchSignal);
  std::signal(SIGTERM, OnWatchSignal);

  net::monitor::Listeners listeners;
  auto add = [&](const std::vector<std::string>& specs, auto method) -> Result<void> {
    for (const auto& spec : specs) {
      auto at = net::monitor::ParseEndpoint(spec);
      if (!at) return Fail(at.error());
      if (auto ok = method(*at); !ok) return ok;
    }
    return {};
  };
  for (auto ok : {add(o.syslog_udp, [&](const auto& at) { return listeners.AddSyslogUdp(at, *format); }),
                  add(o.syslog_tcp, [&](const auto& at) { return listeners.AddSyslogTcp(at, *format); }),
                  add(o.netflow, [&](const auto& at) { return listeners.AddNetflowUdp(at); })}) {
    if (!ok) return Report(ctx, ok.error());
  }
  if (!listeners.Empty()) {
    std::string ports;
    for (int p : listeners.Ports()) ports += fmt::format("{}{}", ports.empty() ? "" : ", ", p);
    *ctx.err << fmt::format("待ち受け中（ポート {}）。Ctrl+C で終了します。\n", ports);
  }

  int status = kExitOk;
  auto files = o.files;
  if (files.empty() && o.pcaps.empty() && listeners.Empty()) files.push_back("-");
  for (const auto& file : files) {
    if (g_stop.load()) break;
    const bool stdin_input = file == "-";
    const int fd = stdin_input ? 0 : ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      Location where;
      where.file = file;
      status = Report(ctx, Error(ErrorCode::kIo, fmt::format("読めません: {}", std::strerror(errno)), where));
      continue;
    }
    auto ok = net::monitor::ReadLines(fd, stdin_input ? "標準入力" : file, *format, monitor, g_stop);
    if (!stdin_input) ::close(fd);
    if (!ok) status = Report(ctx, ok.error());
  }
  for (const auto& pcap : o.pcaps) {
    if (g_stop.load()) break;
    if (auto ok = net::monitor::ReadPcap(pcap, monitor, g_stop); !ok) status = Report(ctx, ok.error());
  }
  if (!listeners.Empty()) {
    auto ok = listeners.Run(monitor, g_stop, static_cast<std::int64_t>(o.duration_s * 1000));
    if (!ok) status = Report(ctx, ok.error());
  }
  monitor.Finish();
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  if (close_out) std::fclose(out);
  *ctx.err << monitor.Summary() << '\n';
  if (store_sink && store_sink->errors() > 0)
    *ctx.err << fmt::format("警告の記録に {} 回失敗しました: {}\n", store_sink->errors(), store_sink->last_error());
  for (const auto& s : syslogs)
    if (s->errors() > 0) *ctx.err << fmt::format("syslog への送信に {} 回失敗しました\n", s->errors());
  return status;
}

struct AlertsOptions {
  std::string since, rule, status, format = "text";
  std::size_t limit = 50;
};

int RunAlerts(Context& ctx, const AlertsOptions& o) {
  auto session = ctx.open(ctx.config, NeedProfile::kNo);  // migrates the file when needed
  if (!session) return Report(ctx, session.error());
  auto alerts = ctx.open_alerts(ctx.config);
  if (!alerts) return Report(ctx, alerts.error());
  store::AlertQuery q;
  q.since = o.since;
  q.rule = o.rule;
  q.status = o.status;
  q.limit = o.limit;
  auto list = (*alerts)->ListAlerts(q);
  if (!list) return Report(ctx, list.error());
  if (o.format == "json") {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& a : *list)
      items.push_back({{"id", a.id}, {"first_seen", a.first_seen}, {"last_seen", a.last_seen}, {"rule", a.rule},
                       {"severity", a.severity}, {"clause", a.clause}, {"src_ip", a.src_ip}, {"src_port", a.src_port},
                       {"dst_ip", a.dst_ip}, {"dst_port", a.dst_port}, {"protocol", a.protocol},
                       {"src_segment", a.src_segment}, {"dst_segment", a.dst_segment}, {"src_tier", a.src_tier},
                       {"dst_tier", a.dst_tier}, {"action", a.action}, {"device", a.device}, {"input", a.input},
                       {"count", a.count}, {"message", a.message}, {"status", a.status}});
    *ctx.out << items.dump(2) << '\n';
    return kExitOk;
  }
  if (list->empty()) {
    *ctx.out << (ctx.config.English() ? "No alerts.\n" : "警告はありません。\n");
    return kExitOk;
  }
  for (const auto& a : *list)
    *ctx.out << fmt::format("#{} [{}] {} {}〜{} {}件 {}\n    {}\n", a.id, a.status, a.rule, a.first_seen, a.last_seen,
                            a.count, a.severity, a.message);
  return kExitOk;
}

}  // namespace

void AddNetWatchCommand(CLI::App& net, Context& ctx, Action& run) {
  auto o = std::make_shared<WatchOptions>();
  CLI::App* cmd = net.add_subcommand(
      "watch", "通信ログ・フロー情報を監視し、系統をまたぐ通信を警告する（ECS JSON 行・RFC 5424 syslog・台帳に記録）");
  cmd->add_option("files", o->files, "読むログファイル（- は標準入力。何も指定しなければ標準入力）");
  cmd->add_option("--format", o->format, "ログの形式: auto（既定）, zeek, zeek-json, suricata, fortigate, panos, asa, iptables");
  cmd->add_option("--pcap", o->pcaps, "NetFlow/IPFIX の送出を記録した pcap ファイル");
  cmd->add_option("--syslog-udp", o->syslog_udp, "syslog を UDP で待ち受ける アドレス:ポート（例 0.0.0.0:514）");
  cmd->add_option("--syslog-tcp", o->syslog_tcp, "syslog を TCP で待ち受ける アドレス:ポート");
  cmd->add_option("--netflow", o->netflow, "NetFlow v5/v9・IPFIX を UDP で待ち受ける アドレス:ポート（例 0.0.0.0:2055）");
  cmd->add_option("--out", o->out, "警告（ECS JSON 行）の出力先ファイル。- は標準出力（既定）、none は出さない");
  cmd->add_option("--syslog-out", o->syslog_out, "警告を RFC 5424 syslog で送る先: udp://ホスト:ポート または tcp://ホスト:ポート");
  cmd->add_option("--window", o->window_s, "同じ警告をまとめる時間（秒、既定 300）")->check(CLI::PositiveNumber);
  cmd->add_option("--max-open", o->max_open, "同時にまとめておく警告の上限（既定 10000、一件およそ 1.5 KB。超えると古いものから件数を確定）")
      ->check(CLI::Range(1, 10'000'000));
  cmd->add_flag("--no-store", o->no_store, "警告を台帳に記録しない");
  cmd->add_flag("--ignore-denied", o->ignore_denied, "機器が遮断した通信は警告しない（既定では重要度を一段下げて警告）");
  cmd->add_option("--duration", o->duration_s, "待ち受けを指定秒数で終える（試験用）")->check(CLI::NonNegativeNumber);
  cmd->callback([&ctx, &run, o] { run = [&ctx, o] { return RunWatch(ctx, *o); }; });
}

void AddNetAlertsCommand(CLI::App& net, Context& ctx, Action& run) {
  auto o = std::make_shared<AlertsOptions>();
  CLI::App* cmd = net.add_subcommand("alerts", "記録された警告の一覧（新しい順）");
  cmd->add_option("--since", o->since, "この日時以降に初めて観測したもの（例 2026-11-22 または 2026-11-22T09:00）");
  cmd->add_option("--rule", o->rule, "規則で絞り込む（net.my_number_isolation など）");
  cmd->add_option("--status", o->status, "状態で絞り込む: new, acknowledged, incident, dismissed");
  cmd->add_option("--limit", o->limit, "表示する件数（既定 50、0 は全件）");
  cmd->add_option("--format", o->format, "text（既定）または json")->check(CLI::IsMember({"text", "json"}));
  cmd->callback([&ctx, &run, o] { run = [&ctx, o] { return RunAlerts(ctx, *o); }; });

  auto id = std::make_shared<std::int64_t>(0);
  auto status = std::make_shared<std::string>();
  CLI::App* set = net.add_subcommand("alert-status", "警告の状態を変える（変更履歴に記録）");
  set->add_option("id", *id, "警告の番号")->required();
  set->add_option("status", *status, "acknowledged（確認済み）, incident（インシデントとして対応）, dismissed（対象外）, new")
      ->required()
      ->check(CLI::IsMember({"new", "acknowledged", "incident", "dismissed"}));
  set->callback([&ctx, &run, id, status] {
    run = [&ctx, id, status] {
      auto session = ctx.open(ctx.config, NeedProfile::kNo);
      if (!session) return Report(ctx, session.error());
      auto alerts = ctx.open_alerts(ctx.config);
      if (!alerts) return Report(ctx, alerts.error());
      if (auto ok = (*alerts)->SetAlertStatus(*id, *status, ctx.config.actor); !ok) return Report(ctx, ok.error());
      *ctx.out << fmt::format("警告 {} を {} にしました。\n", *id, *status);
      return kExitOk;
    };
  });
}

}  // namespace mamori::cli
