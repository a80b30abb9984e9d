// The dashboard: how the body stands against its own policy, at a glance.
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "http/url.h"
#include "web/chart.h"
#include "web/findings_view.h"
#include "web/handlers.h"

namespace mamori::web {

namespace {

std::string WeekAgo(const Date& today) {
  // Seven days back, as ISO 8601 at midnight JST.
  return Date::FromDaysSinceEpoch(today.DaysSinceEpoch() - 7).Iso() + "T00:00:00+09:00";
}

}  // namespace

http::Response DashboardPage(WebApp& app, Ctx& ctx) {
  const auto lang = ctx.lang;
  const auto run = app.Findings().Current();
  const auto& findings = run->In(lang);
  const auto departments = app.Departments();
  const FindingScope scope(*ctx.user, departments, OwnSubjects(app, *ctx.user));

  std::size_t fail = 0, unknown = 0, pass = 0, high = 0;
  std::map<std::string, Bar> by_group, by_tier, by_department;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const auto& f = findings[i];
    if (!scope.Visible(f)) continue;
    if (f.status == check::Status::kPass) {
      ++pass;
      continue;
    }
    const bool failed = f.status == check::Status::kFail;
    (failed ? fail : unknown)++;
    if (failed && f.severity == policy::Severity::kHigh) ++high;
    auto count = [&](Bar& b) { (failed ? b.fail : b.unknown)++; };
    count(by_group[MeasureGroupOf(f)]);
    if (!run->tier[i].empty()) count(by_tier[run->tier[i]]);
    if (!f.department.empty()) count(by_department[f.department]);
  }

  std::vector<Bar> groups;
  for (const auto& g : app.profile().measures.groups) {
    Bar b = by_group[g.id];
    b.label = fmt::format("{}. {}", g.number, g.title);
    b.url = "/findings?group=" + g.id;
    groups.push_back(b);
  }
  std::vector<Bar> tiers;
  for (auto t : {reg::Tier::kMyNumber, reg::Tier::kLgwan, reg::Tier::kInternet}) {
    Bar b = by_tier[std::string(reg::TierKey(t))];
    b.label = std::string(reg::TierLabel(t, English(lang)));
    b.url = "/findings?tier=" + std::string(reg::TierKey(t));
    tiers.push_back(b);
  }
  std::vector<Bar> depts;
  for (auto& [name, b] : by_department) {
    b.label = name;
    b.url = "/findings?department=" + http::UrlEncode(name);
    depts.push_back(b);
  }
  std::sort(depts.begin(), depts.end(), [](const Bar& a, const Bar& b) {
    return a.fail + a.unknown != b.fail + b.unknown ? a.fail + a.unknown > b.fail + b.unknown : a.label < b.label;
  });
  if (depts.size() > 12) depts.resize(12);

  const std::string fail_label(T(lang, "status.fail")), unknown_label(T(lang, "status.unknown"));
  Data d;
  d.set("fail", fmt::format("{}", fail));
  d.set("unknown", fmt::format("{}", unknown));
  d.set("pass", fmt::format("{}", pass));
  d.set("high", fmt::format("{}", high));
  d.set("chart_groups", BarChart(groups, T(lang, "dashboard.by_group"), fail_label, unknown_label));
  d.set("chart_tiers", BarChart(tiers, T(lang, "dashboard.by_tier"), fail_label, unknown_label));
  d.set("chart_departments", BarChart(depts, T(lang, "dashboard.by_department"), fail_label, unknown_label));
  d.set("computed_at", run->computed_at);
  d.set("profile_title", app.profile().title);

  // What changed since last week: register changes and the findings then.
  const auto since = WeekAgo(app.options().today());
  Data changes = List();
  {
    auto lease = app.pool().Acquire();
    if (auto counts = lease->CountHistoryByEntity(since))
      for (const auto& [entity, n] : *counts) {
        auto kind = reg::KindFromKey(entity);
        Data c;
        c.set("label", kind ? std::string(English(lang) ? reg::Info(*kind).label_en : reg::Info(*kind).label_ja)
                            : std::string(T(lang, "history.entity." + entity)));
        c.set("count", std::to_string(n));
        c.set("url", "/history?entity=" + entity + "&since=" + http::UrlEncode(since.substr(0, 10)));
        changes.push_back(c);
      }
    // The summary kept on the day a week ago (or the closest earlier one within a month).
    for (int back = 7; back <= 31; ++back) {
      const Date day = Date::FromDaysSinceEpoch(app.options().today().DaysSinceEpoch() - back);
      auto s = lease->GetSetting("findings_summary/" + day.Iso());
      if (s && *s) {
        auto j = nlohmann::json::parse(**s, nullptr, false);
        if (j.is_object()) {
          const auto then_fail = j.value("fail", 0L), then_unknown = j.value("unknown", 0L);
          d.set("week_fail_delta", fmt::format("{:+}", static_cast<long>(run->summary.fail) - then_fail));
          d.set("week_unknown_delta", fmt::format("{:+}", static_cast<long>(run->summary.unknown) - then_unknown));
          d.set("week_date", day.Iso());
        }
        break;
      }
    }
  }
  d.set("changes", changes);
  if (changes.is_list() && changes.list_value().empty()) d.set("no_changes", true);
  return app.Page(ctx, "dashboard", d, T(lang, "nav.dashboard"), Nav::kDashboard);
}

}  // namespace mamori::web
