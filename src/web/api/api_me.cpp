// GET /api/v1/me: who the token (or session) is; GET /api/v1/health.
#include "web/api/api_handlers.h"
#include "web/api/api_json.h"

namespace mamori::web::api {

http::Response Me(WebApp& /*app*/, ApiCtx& ctx) {
  const auto& p = *ctx.user;
  auto text_or_null = [](const std::string& s) { return s.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s); };
  nlohmann::ordered_json j;
  j["login"] = p.login;
  j["name"] = p.display_name;
  j["role"] = p.role ? nlohmann::ordered_json(std::string(reg::RoleKey(*p.role))) : nlohmann::ordered_json();
  j["role_label"] =
      p.role ? nlohmann::ordered_json(std::string(reg::RoleLabel(*p.role, English(ctx.lang)))) : nlohmann::ordered_json();
  j["admin"] = p.admin;
  j["organ"] = text_or_null(p.organ);
  j["department"] = text_or_null(p.department);
  j["person_number"] = text_or_null(p.person_number);
  j["can_write"] = CanWrite(p);
  j["sees_everything"] = SeesEverything(p);
  j["authenticated_by"] = p.via_token ? "token" : "session";
  return Json(Dump(j));
}

http::Response Health(WebApp& /*app*/, ApiCtx& /*ctx*/) { return Json(R"({"status":"ok"})"); }

}  // namespace mamori::web::api
