// The network screen: the network model at a glance, what net check found
// about the three-tier separation, and the traffic monitor's alerts with their
// status (acknowledged, handled as an incident, dismissed — each change in the
// change history).
#include <algorithm>
#include <charconv>
#include <map>

#include <fmt/format.h>

#include "http/url.h"
#include "web/handlers.h"
#include "web/history_view.h"
#include "web/pager.h"
#include "web/register_view.h"

namespace mamori::web {
namespace {

constexpr std::string_view kStatuses[] = {"new", "acknowledged", "incident", "dismissed"};
constexpr std::string_view kNetRules[] = {"net.my_number_isolation", "net.sanitization", "net.security_cloud",
                                          "net.segments", "net.references"};

std::string TierText(std::string_view key, Lang lang) {
  if (key.empty()) return {};
  auto t = reg::TierFromKey(key);
  return t ? std::string(reg::TierLabel(*t, English(lang))) : std::string(key);
}

}  // namespace

http::Response NetworkPage(WebApp& app, Ctx& ctx) {
  constexpr std::size_t kPageSize = 50;
  const auto lang = ctx.lang;
  if (!SeesNetwork(*ctx.user)) return app.ErrorPage(ctx, 403, T(lang, "error.forbidden"));
  Data d;

  // 1. The model: segments by tier, and how many of each kind.
  {
    auto lease = app.pool().Acquire();
    Data kinds = List();
    for (auto kind : {reg::EntityKind::kSegment, reg::EntityKind::kGateway, reg::EntityKind::kConnection,
                      reg::EntityKind::kFlow}) {
      Data k;
      k.set("label", std::string(KindLabel(kind, lang)));
      k.set("url", "/register/" + std::string(UrlOf(kind)));
      k.set("count", std::to_string(lease->Count(kind).value_or(0)));
      kinds.push_back(k);
    }
    d.set("kinds", kinds);
    store::PageQuery q;
    q.limit = 500;
    Data segments = List();
    if (auto page = lease->Query(reg::EntityKind::kSegment, q)) {
      // The tiers in the policy's order (My Number, LGWAN, internet), then those without one.
      std::vector<reg::Segment> list;
      for (const auto& row : page->rows)
        if (auto seg = reg::FromRow<reg::Segment>(row)) list.push_back(std::move(*seg));
      std::stable_sort(list.begin(), list.end(), [](const reg::Segment& a, const reg::Segment& b) {
        auto order = [](const reg::Segment& s) { return s.tier ? static_cast<int>(*s.tier) : 99; };
        return order(a) < order(b);
      });
      for (const auto& s_ : list) {
        const auto* seg = &s_;
        Data s;
        s.set("number", seg->number);
        s.set("url", RecordUrl(reg::EntityKind::kSegment, seg->number));
        s.set("name", seg->name);
        s.set("tier", seg->tier ? std::string(reg::TierLabel(*seg->tier, English(lang))) : std::string(T(lang, "network.no_tier")));
        s.set("tier_key", seg->tier ? std::string(reg::TierKey(*seg->tier)) : std::string("none"));
        std::string addresses;
        for (const auto& a : seg->addresses) addresses += (addresses.empty() ? "" : ", ") + a;
        s.set("addresses", addresses);
        segments.push_back(s);
      }
      if (page->rows.empty()) d.set("no_model", true);
    }
    d.set("segments", segments);
  }

  // 2. What net check found (the same findings as /findings).
  {
    const auto run = app.Findings().Current();
    std::map<std::string, std::pair<std::size_t, std::size_t>> counts;  // rule → (fail, unknown)
    for (const auto& f : run->In(lang)) {
      if (!f.rule.starts_with("net.")) continue;
      auto& c = counts[f.rule];
      if (f.status == check::Status::kFail) ++c.first;
      if (f.status == check::Status::kUnknown) ++c.second;
    }
    Data rules = List();
    for (auto id : kNetRules) {
      const auto* setting = app.profile().Rule(id);
      if (!setting || !setting->enabled) continue;
      const auto* known = policy::FindKnownRule(id);
      Data r;
      r.set("rule", std::string(id));
      r.set("title", known ? std::string(English(lang) ? known->title_en : known->title_ja) : std::string(id));
      if (const auto* c = app.profile().FindClause(setting->clause)) {
        r.set("clause_label", c->label);
        r.set("clause_url", "/policy#clause-" + setting->clause);
      }
      const auto [fail, unknown] = counts[std::string(id)];
      r.set("fail", std::to_string(fail));
      r.set("unknown", std::to_string(unknown));
      if (fail > 0) r.set("failing", true);
      r.set("url", "/findings?rule=" + std::string(id));
      rules.push_back(r);
    }
    d.set("rules", rules);
  }

  // 3. The monitor's alerts.
  if (auto* alerts = app.options().alerts) {
    d.set("monitor", true);
    store::AlertQuery q;
    q.status = ctx.req.Query("status").value_or("");
    q.rule = ctx.req.Query("rule").value_or("");
    const std::size_t page_no = PageNumber(ctx.req);
    q.limit = kPageSize;
    q.offset = (page_no - 1) * kPageSize;
    auto list = alerts->ListAlerts(q);
    if (!list) return app.ErrorPage(ctx, 500, list.error().message);
    const auto total = alerts->CountAlerts(q).value_or(0);
    const bool can_handle = HandlesAlerts(*ctx.user);
    Data rows = List();
    for (const auto& a : *list) {
      Data r;
      r.set("id", std::to_string(a.id));
      r.set("first_seen", DisplayTime(a.first_seen, lang));
      r.set("last_seen", DisplayTime(a.last_seen, lang));
      r.set("last_seen_iso", a.last_seen);
      r.set("rule", a.rule);
      const auto* known = policy::FindKnownRule(a.rule);
      r.set("rule_title", known ? std::string(English(lang) ? known->title_en : known->title_ja) : a.rule);
      r.set("severity", a.severity);
      for (auto sev : {policy::Severity::kHigh, policy::Severity::kMedium, policy::Severity::kLow})
        if (policy::Key(sev) == a.severity) r.set("severity_label", std::string(policy::Label(sev, English(lang))));
      r.set("src", a.src_ip);
      r.set("dst", a.dst_ip);
      r.set("src_node", a.src_segment);
      r.set("dst_node", a.dst_segment);
      r.set("src_tier", TierText(a.src_tier, lang));
      r.set("dst_tier", TierText(a.dst_tier, lang));
      if (auto kind = reg::KindFromKey("segment"); kind && !a.src_segment.empty() && a.src_segment != "internet" && a.src_segment != "unassigned")
        r.set("src_url", RecordUrl(*kind, a.src_segment));
      std::string port = a.protocol == 6 ? "TCP" : a.protocol == 17 ? "UDP" : a.protocol == 1 ? "ICMP" : std::to_string(a.protocol);
      if (a.protocol == 6 || a.protocol == 17) port += "/" + std::to_string(a.dst_port);
      r.set("port", port);
      r.set("count", std::to_string(a.count));
      r.set("status", a.status);
      r.set("status_label", std::string(T(lang, "network.status." + a.status)));
      r.set("message", a.message);
      r.set("denied", a.action == "denied");
      if (can_handle) {
        Data options = List();
        for (auto s : kStatuses) {
          Data o;
          o.set("value", std::string(s));
          o.set("label", std::string(T(lang, "network.status." + std::string(s))));
          if (s == a.status) o.set("selected", true);
          options.push_back(o);
        }
        r.set("status_options", options);
        r.set("can_handle", true);
        r.set("csrf", ctx.user->csrf);
      }
      rows.push_back(r);
    }
    d.set("alerts", rows);
    if (list->empty()) d.set("no_alerts", true);
    d.set("alert_count", fmt::format(fmt::runtime(std::string(T(lang, "network.alert_count"))), total));
    Data status_filter = List();
    for (auto s : {std::string_view(""), kStatuses[0], kStatuses[1], kStatuses[2], kStatuses[3]}) {
      Data o;
      o.set("value", std::string(s));
      o.set("label", s.empty() ? std::string(T(lang, "register.all")) : std::string(T(lang, "network.status." + std::string(s))));
      if (s == q.status) o.set("selected", true);
      status_filter.push_back(o);
    }
    d.set("status_filter", status_filter);
    Data rule_filter = List();
    for (auto id : {std::string_view(""), kNetRules[0], kNetRules[1], kNetRules[2]}) {
      Data o;
      o.set("value", std::string(id));
      o.set("label", id.empty() ? std::string(T(lang, "register.all")) : std::string(id));
      if (id == q.rule) o.set("selected", true);
      rule_filter.push_back(o);
    }
    d.set("rule_filter", rule_filter);
    SetPager(d, lang, page_no, static_cast<std::size_t>(total), kPageSize,
             [&](std::size_t n) { return PageLink(ctx.req, "/network", n); });
  }
  return app.Page(ctx, "network", d, T(lang, "nav.network"), Nav::kNetwork);
}

http::Response AlertStatus(WebApp& app, Ctx& ctx) {
  const auto lang = ctx.lang;
  auto* alerts = app.options().alerts;
  if (!alerts || !SeesNetwork(*ctx.user)) return app.ErrorPage(ctx, 404, T(lang, "error.not_found"));
  if (!HandlesAlerts(*ctx.user)) return app.ErrorPage(ctx, 403, T(lang, "network.cannot_handle"));
  std::int64_t id = 0;
  const std::string text = ctx.req.params["id"];
  if (std::from_chars(text.data(), text.data() + text.size(), id).ec != std::errc())
    return app.ErrorPage(ctx, 404, T(lang, "error.not_found"));
  const auto status = ctx.req.Form("status").value_or("");
  if (auto ok = alerts->SetAlertStatus(id, status, ctx.user->login); !ok) {
    const int code = ok.error().code == ErrorCode::kNotFound ? 404 : 400;
    return app.ErrorPage(ctx, code, ok.error().message);
  }
  return http::Response::Redirect("/network?saved=1#alert-" + std::to_string(id));
}

}  // namespace mamori::web
