// GET /api/v1/register/{kind} and /api/v1/register/{kind}/{number}: the same
// query, scope and paging as the register screens, as JSON.
#include <map>

#include "http/url.h"
#include "web/api/api_handlers.h"
#include "web/api/api_json.h"
#include "web/api/api_messages.h"
#include "web/register_view.h"
#include "web/web_app.h"

namespace mamori::web::api {

std::optional<reg::EntityKind> KindParam(const ApiCtx& ctx) {
  auto it = ctx.req.params.find("kind");
  if (it == ctx.req.params.end()) return std::nullopt;
  return KindFromUrl(it->second);
}

http::Response KindNotFound(const ApiCtx& ctx) {
  auto it = ctx.req.params.find("kind");
  return ErrorResponse(404, "not_found", MF(ctx.lang, "record.kind_not_found", it == ctx.req.params.end() ? "" : it->second));
}

http::Response RecordNotFound(const ApiCtx& ctx) { return ErrorResponse(404, "not_found", M(ctx.lang, "record.not_found")); }

std::optional<std::size_t> FieldIndex(reg::EntityKind kind, std::string_view key) {
  const auto& fields = reg::Info(kind).fields;
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (fields[i].key == key) return i;
  return std::nullopt;
}

std::string ApiRecordUrl(reg::EntityKind kind, std::string_view number) {
  return "/api/v1/register/" + std::string(UrlOf(kind)) + "/" + http::UrlEncode(number);
}

namespace {

// "filter[tier]" → "tier"; a plain field key → itself; anything else → "".
std::string_view FilterKey(reg::EntityKind kind, std::string_view name) {
  if (name.starts_with("filter[") && name.ends_with("]")) name = name.substr(7, name.size() - 8);
  return FieldIndex(kind, name) ? name : std::string_view();
}

// A filter's value as the store compares it: enum keys, "0"/"1" for flags,
// hours as a number, dates in ISO 8601, list items and text as typed.
Result<std::vector<std::string>> FilterValues(const reg::FieldInfo& f, std::string_view text) {
  auto parsed = reg::ParseValue(f, text);
  if (!parsed) return Fail(parsed.error());
  std::vector<std::string> out;
  if (const auto* n = std::get_if<std::int64_t>(&*parsed)) out.push_back(std::to_string(*n));
  if (const auto* s = std::get_if<std::string>(&*parsed)) out.push_back(*s);
  if (const auto* l = std::get_if<std::vector<std::string>>(&*parsed)) out = *l;
  return out;
}

}  // namespace

http::Response ListRecords(WebApp& app, ApiCtx& ctx) {
  const auto kind = KindParam(ctx);
  if (!kind) return KindNotFound(ctx);
  const auto& info = reg::Info(*kind);
  if (auto ok = OnlyParams(ctx, {"q", "sort", "order", "limit", "offset"},
                           [&](std::string_view name) { return !FilterKey(*kind, name).empty(); });
      !ok)
    return ok.error();
  auto paging = PagingOf(ctx);
  if (!paging) return paging.error();

  store::PageQuery q;
  q.limit = paging->limit;
  q.offset = paging->offset;
  q.count_limit = kCountLimit;
  q.text = ctx.req.Query("q").value_or("");
  if (auto sort = ctx.req.Query("sort"); sort && !sort->empty()) {
    if (!FieldIndex(*kind, *sort)) return BadParam(ctx, "sort", MF(ctx.lang, "param.field", KindLabel(*kind, ctx.lang)));
    q.sort = *sort;
  }
  if (auto order = ctx.req.Query("order"); order && !order->empty()) {
    if (*order != "asc" && *order != "desc") return BadParam(ctx, "order", M(ctx.lang, "param.order"));
    q.descending = *order == "desc";
  }
  // Filters: every field of the kind, as filter[key]=v or key=v; a repeated one matches any of its values.
  std::map<std::string, std::vector<std::string>, std::less<>> filters;
  for (const auto& [name, value] : ctx.req.QueryParams()) {
    const auto key = FilterKey(*kind, name);
    if (key.empty() || value.empty()) continue;
    const auto& f = info.fields[*FieldIndex(*kind, key)];
    auto values = FilterValues(f, value);
    if (!values) return BadParam(ctx, name, ParseProblem(ctx.lang, f, value, values.error()));
    auto& any_of = filters[std::string(key)];
    any_of.insert(any_of.end(), values->begin(), values->end());
  }
  for (auto& [key, any_of] : filters) q.where.push_back({key, std::move(any_of)});

  // The departments first: never hold a lease while asking for another.
  const auto departments = app.Departments();
  q.scope = ScopeFor(*ctx.user, *kind, departments);
  DropSatisfiedScope(q);
  Result<store::Page> page = store::Page{};
  {
    auto lease = app.pool().Acquire();
    page = lease->Query(*kind, q);
  }
  if (!page) return StatusError(page.error().code == ErrorCode::kInvalidArgument ? 400 : 500, ctx.lang);

  std::string out;
  out.reserve(64 + page->rows.size() * 512);
  out += "{\"items\":[";
  for (std::size_t i = 0; i < page->rows.size(); ++i) {
    if (i > 0) out.push_back(',');
    AppendRecord(out, *kind, page->rows[i]);
  }
  out += "],\"total\":";
  out += std::to_string(page->total);
  out += ",\"total_capped\":";
  out += page->total_capped ? "true" : "false";
  out += ",\"limit\":";
  out += std::to_string(q.limit);
  out += ",\"offset\":";
  out += std::to_string(q.offset);
  out.push_back('}');
  return Json(std::move(out));
}

http::Response GetRecord(WebApp& app, ApiCtx& ctx) {
  const auto kind = KindParam(ctx);
  if (!kind) return KindNotFound(ctx);
  if (auto ok = OnlyParams(ctx, {}); !ok) return ok.error();
  const auto departments = app.Departments();
  Result<std::optional<reg::Row>> row = std::optional<reg::Row>{};
  {
    auto lease = app.pool().Acquire();
    row = lease->Get(*kind, ctx.req.params["number"]);
  }
  if (!row) return StatusError(500, ctx.lang);
  // Out of scope looks like absent: a client learns nothing of other departments' records.
  if (!*row || !InScope(*ctx.user, *kind, **row, departments)) return RecordNotFound(ctx);
  return Json(RecordJson(*kind, **row));
}

}  // namespace mamori::web::api
