// Every handler of /api/v1; api.cpp maps them to URLs in one table.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policy/profile.h"
#include "register/schema.h"
#include "service/register_service.h"
#include <nlohmann/json.hpp>

#include "web/api/api_common.h"

namespace mamori::web::api {

// api_me.cpp
http::Response Me(WebApp& app, ApiCtx& ctx);
http::Response Health(WebApp& app, ApiCtx& ctx);

// api_register.cpp: reading
http::Response ListRecords(WebApp& app, ApiCtx& ctx);
http::Response GetRecord(WebApp& app, ApiCtx& ctx);

// api_register_write.cpp
http::Response CreateRecord(WebApp& app, ApiCtx& ctx);
http::Response PatchRecord(WebApp& app, ApiCtx& ctx);
http::Response DeleteRecord(WebApp& app, ApiCtx& ctx);

// api_findings.cpp
http::Response ListFindings(WebApp& app, ApiCtx& ctx);

// api_history.cpp
http::Response ListHistory(WebApp& app, ApiCtx& ctx);

// openapi.cpp: the OpenAPI 3.0 document, from the register's field tables and
// the profile's level codes (built once, when the routes are registered).
std::string OpenApiDocument(const policy::Profile& profile, const service::LevelCodes& levels);

// api_network.cpp: the traffic monitor's alerts
http::Response ListAlerts(WebApp& app, ApiCtx& ctx);
http::Response SetAlertStatus(WebApp& app, ApiCtx& ctx);

// ---- shared by the handlers ----
// The request body as a JSON object (size, type and depth limited), or the error to answer with.
Checked<nlohmann::json> BodyObject(const ApiCtx& ctx);
// The kind named by the route's {kind} ("assets" …).
std::optional<reg::EntityKind> KindParam(const ApiCtx& ctx);
http::Response KindNotFound(const ApiCtx& ctx);
http::Response RecordNotFound(const ApiCtx& ctx);
// The index of the field `key` in the kind's table, or nothing.
std::optional<std::size_t> FieldIndex(reg::EntityKind kind, std::string_view key);
// "/api/v1/register/assets/A-1" (the number percent-encoded).
std::string ApiRecordUrl(reg::EntityKind kind, std::string_view number);
// Why reg::ParseValue refused `text` for `field`: its own (Japanese) message,
// or an English sentence of the same meaning.
std::string ParseProblem(Lang lang, const reg::FieldInfo& field, std::string_view text, const mamori::Error& error);

}  // namespace mamori::web::api
