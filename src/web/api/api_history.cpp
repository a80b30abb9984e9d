// GET /api/v1/history: lines of the change history. The whole history only for
// principals who see the whole register; others name one record in their scope
// (as on the history screen).
#include "web/api/api_handlers.h"
#include "web/api/api_json.h"
#include "web/api/api_messages.h"
#include "web/web_app.h"

namespace mamori::web::api {

namespace {

bool Digits(std::string_view s, std::size_t from, std::size_t count) {
  if (s.size() < from + count) return false;
  for (std::size_t i = from; i < from + count; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

// 2026-04-01 (from 00:00 JST) or 2026-04-01T09:00:00+09:00: what the history's ISO 8601 text compares with.
std::optional<std::string> Since(std::string_view s) {
  const bool date = s.size() >= 10 && Digits(s, 0, 4) && s[4] == '-' && Digits(s, 5, 2) && s[7] == '-' && Digits(s, 8, 2);
  if (!date) return std::nullopt;
  if (s.size() == 10) return std::string(s) + "T00:00:00+09:00";
  if (s[10] != 'T' || !Digits(s, 11, 2) || s.size() > 40) return std::nullopt;
  return std::string(s);
}

void AppendObjectOrNull(std::string& out, const std::string& json) {
  if (json.empty()) {
    out += "null";
    return;
  }
  // Written by RegisterService::RowToJson (or the account log); parsed to be sure it stays JSON.
  auto parsed = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  out += parsed.is_discarded() ? "null" : Dump(parsed);
}

void AppendEntry(std::string& out, const store::HistoryEntry& e) {
  out += "{\"id\":" + std::to_string(e.id);
  out += ",\"at\":";
  AppendString(out, e.at);
  out += ",\"actor\":";
  AppendString(out, e.actor);
  out += ",\"action\":";
  AppendString(out, e.action);
  out += ",\"entity\":";
  AppendString(out, e.entity);
  out += ",\"number\":";
  AppendString(out, e.number);
  out += ",\"before\":";
  AppendObjectOrNull(out, e.before);
  out += ",\"after\":";
  AppendObjectOrNull(out, e.after);
  out += ",\"batch\":";
  if (e.batch.empty())
    out += "null";
  else
    AppendString(out, e.batch);
  out += ",\"note\":";
  if (e.note.empty())
    out += "null";
  else
    AppendString(out, e.note);
  out.push_back('}');
}

}  // namespace

http::Response ListHistory(WebApp& app, ApiCtx& ctx) {
  if (auto ok = OnlyParams(ctx, {"entity", "number", "actor", "batch", "since", "limit", "offset"}); !ok)
    return ok.error();
  auto paging = PagingOf(ctx);
  if (!paging) return paging.error();
  store::HistoryQuery q;
  q.limit = paging->limit;
  q.offset = paging->offset;
  q.number = ctx.req.Query("number").value_or("");
  q.actor = ctx.req.Query("actor").value_or("");
  q.batch = ctx.req.Query("batch").value_or("");
  std::optional<reg::EntityKind> kind;
  if (auto entity = ctx.req.Query("entity"); entity && !entity->empty()) {
    if (auto k = reg::KindFromKey(*entity)) {  // "asset", "assets", "資産" …
      kind = *k;
      q.entity = std::string(reg::Info(*k).key);
    } else if (*entity == "setting" || *entity == "account" || *entity == "net_alert") {
      q.entity = *entity;
    } else {
      return BadParam(ctx, "entity", M(ctx.lang, "param.entity"));
    }
  }
  if (auto since = ctx.req.Query("since"); since && !since->empty()) {
    auto s = Since(*since);
    if (!s) return BadParam(ctx, "since", M(ctx.lang, "param.since"));
    q.since = *s;
  }

  // History holds records' contents: only one record in scope, unless the principal sees everything.
  if (!SeesEverything(*ctx.user)) {
    auto forbidden = [&] { return ErrorResponse(403, "forbidden", M(ctx.lang, "history.scope_only")); };
    if (!kind || q.number.empty()) return forbidden();
    const auto departments = app.Departments();
    auto lease = app.pool().Acquire();
    auto row = lease->Get(*kind, q.number);
    if (!row || !*row || !InScope(*ctx.user, *kind, **row, departments)) return forbidden();
  }

  std::string out = "{\"items\":[";
  std::int64_t total = 0;
  {
    auto lease = app.pool().Acquire();
    // The store reads limit 0 as "no limit"; here it means "only the total".
    auto lines = q.limit == 0 ? Result<std::vector<store::HistoryEntry>>{} : lease->History(q);
    if (!lines) return StatusError(500, ctx.lang);
    for (std::size_t i = 0; i < lines->size(); ++i) {
      if (i > 0) out.push_back(',');
      AppendEntry(out, (*lines)[i]);
    }
    total = lease->CountHistory(q).value_or(0);
  }
  out += "],\"total\":" + std::to_string(total);
  out += ",\"limit\":" + std::to_string(q.limit) + ",\"offset\":" + std::to_string(q.offset) + "}";
  return Json(std::move(out));
}

}  // namespace mamori::web::api
