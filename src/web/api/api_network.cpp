// GET /api/v1/net/alerts and POST /api/v1/net/alerts/{id}/status: the traffic
// monitor's alerts for the SIEM or a ticket system, with the same roles as the
// network screen (read: the security organization's leaders, the auditor and
// system staff; status: CISO, 統括 and system administrators).
#include <charconv>

#include "web/api/api_handlers.h"
#include "web/api/api_json.h"
#include "web/api/api_messages.h"
#include "web/web_app.h"

namespace mamori::web::api {
namespace {

void AppendAlert(std::string& out, const store::NetAlert& a) {
  nlohmann::ordered_json j;
  j["id"] = a.id;
  j["first_seen"] = a.first_seen;
  j["last_seen"] = a.last_seen;
  j["rule"] = a.rule;
  j["severity"] = a.severity;
  j["clause"] = a.clause;
  j["source"] = {{"ip", a.src_ip}, {"port", a.src_port}, {"node", a.src_segment}, {"tier", a.src_tier}};
  j["destination"] = {{"ip", a.dst_ip}, {"port", a.dst_port}, {"node", a.dst_segment}, {"tier", a.dst_tier}};
  j["protocol"] = a.protocol;
  j["action"] = a.action;
  j["device"] = a.device;
  j["input"] = a.input;
  j["count"] = a.count;
  j["message"] = a.message;
  j["status"] = a.status;
  out += Dump(j);
}

http::Response Forbidden(const ApiCtx& ctx) { return ErrorResponse(403, "forbidden", M(ctx.lang, "alerts.forbidden")); }

}  // namespace

http::Response ListAlerts(WebApp& app, ApiCtx& ctx) {
  if (!SeesNetwork(*ctx.user)) return Forbidden(ctx);
  auto* alerts = app.options().alerts;
  if (!alerts) return StatusError(404, ctx.lang);
  if (auto ok = OnlyParams(ctx, {"status", "rule", "since", "limit", "offset"}); !ok) return ok.error();
  auto paging = PagingOf(ctx);
  if (!paging) return paging.error();
  store::AlertQuery q;
  q.limit = paging->limit;
  q.offset = paging->offset;
  q.status = ctx.req.Query("status").value_or("");
  q.rule = ctx.req.Query("rule").value_or("");
  q.since = ctx.req.Query("since").value_or("");
  if (!q.status.empty() && q.status != "new" && q.status != "acknowledged" && q.status != "incident" &&
      q.status != "dismissed")
    return BadParam(ctx, "status", M(ctx.lang, "alerts.status"));
  std::string out = "{\"items\":[";
  if (q.limit > 0) {
    auto list = alerts->ListAlerts(q);
    if (!list) return StatusError(500, ctx.lang);
    for (std::size_t i = 0; i < list->size(); ++i) {
      if (i > 0) out.push_back(',');
      AppendAlert(out, (*list)[i]);
    }
  }
  out += "],\"total\":" + std::to_string(alerts->CountAlerts(q).value_or(0));
  out += ",\"limit\":" + std::to_string(q.limit) + ",\"offset\":" + std::to_string(q.offset) + "}";
  return Json(std::move(out));
}

http::Response SetAlertStatus(WebApp& app, ApiCtx& ctx) {
  if (!SeesNetwork(*ctx.user) || !HandlesAlerts(*ctx.user)) return Forbidden(ctx);
  auto* alerts = app.options().alerts;
  if (!alerts) return StatusError(404, ctx.lang);
  const std::string id_text = ctx.req.params["id"];
  std::int64_t id = 0;
  if (std::from_chars(id_text.data(), id_text.data() + id_text.size(), id).ec != std::errc()) return StatusError(404, ctx.lang);
  auto body = BodyObject(ctx);
  if (!body) return body.error();
  const auto status = body->find("status");
  if (status == body->end() || !status->is_string()) return BadParam(ctx, "status", M(ctx.lang, "alerts.status"));
  auto ok = alerts->SetAlertStatus(id, status->get<std::string>(), ctx.user->login);
  if (!ok) {
    if (ok.error().code == ErrorCode::kNotFound) return StatusError(404, ctx.lang);
    return BadParam(ctx, "status", M(ctx.lang, "alerts.status"));
  }
  auto alert = alerts->GetAlert(id);
  if (!alert || !*alert) return StatusError(500, ctx.lang);
  std::string out;
  AppendAlert(out, **alert);
  return Json(std::move(out));
}

}  // namespace mamori::web::api
