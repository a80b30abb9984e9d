// The change history: who changed what, when, before and after.

#include <fmt/format.h>

#include "http/url.h"
#include "web/handlers.h"
#include "web/pager.h"
#include "web/history_view.h"

namespace mamori::web {

http::Response HistoryPage(WebApp& app, Ctx& ctx) {
  constexpr std::size_t kPageSize = 50;
  const auto lang = ctx.lang;
  store::HistoryQuery q;
  q.entity = ctx.req.Query("entity").value_or("");
  q.number = ctx.req.Query("number").value_or("");
  q.actor = ctx.req.Query("actor").value_or("");
  q.batch = ctx.req.Query("batch").value_or("");
  const auto since = ctx.req.Query("since").value_or("");
  if (!since.empty()) q.since = since.size() == 10 ? since + "T00:00:00+09:00" : since;
  const std::size_t page_no = PageNumber(ctx.req);
  q.limit = kPageSize;
  q.offset = (page_no - 1) * kPageSize;

  // History shows records' contents: only those who see the whole register
  // read all of it; others read the history of records in their scope (on each record's page).
  if (!SeesEverything(*ctx.user) && q.number.empty())
    return app.ErrorPage(ctx, 403, T(lang, "history.scope_only"));
  if (!SeesEverything(*ctx.user)) {
    auto kind = reg::KindFromKey(q.entity);
    if (!kind) return app.ErrorPage(ctx, 403, T(lang, "history.scope_only"));
    const auto departments = app.Departments();
    auto lease = app.pool().Acquire();
    auto row = lease->Get(*kind, q.number);
    if (!row || !*row || !InScope(*ctx.user, *kind, **row, departments))
      return app.ErrorPage(ctx, 403, T(lang, "history.scope_only"));
  }

  Data d;
  std::int64_t total = 0;
  {
    auto lease = app.pool().Acquire();
    auto lines = lease->History(q);
    if (!lines) return app.ErrorPage(ctx, 500, lines.error().message);
    d.set("rows", HistoryRows(app.profile(), *lines, lang));
    total = lease->CountHistory(q).value_or(0);
  }
  d.set("entity", q.entity);
  d.set("number", q.number);
  d.set("actor", q.actor);
  d.set("since", since);
  Data kinds = List();
  for (const auto& info : reg::AllEntities()) {
    Data k;
    k.set("value", std::string(info.key));
    k.set("label", std::string(English(lang) ? info.label_en : info.label_ja));
    if (info.key == q.entity) k.set("selected", true);
    kinds.push_back(k);
  }
  d.set("kinds", kinds);
  d.set("count", fmt::format(fmt::runtime(std::string(T(lang, "history.count"))), total));
  SetPager(d, lang, page_no, static_cast<std::size_t>(total), kPageSize,
           [&](std::size_t n) { return PageLink(ctx.req, "/history", n); });
  return app.Page(ctx, "history", d, T(lang, "nav.history"), Nav::kHistory);
}

}  // namespace mamori::web
