// The OpenAPI 3.0 document of /api/v1, generated from the register's field
// tables (reg::Info(kind).fields) and the profile, so it cannot drift from
// what the handlers accept: each kind has a record schema with every field
// (type, Japanese and English label, enum keys), its own paths and filters.
#include <cctype>

#include "web/api/api_handlers.h"
#include "web/api/api_json.h"

namespace mamori::web::api {

namespace {

using J = nlohmann::ordered_json;

std::string Pascal(std::string_view snake) {
  std::string out;
  bool upper = true;
  for (char c : snake) {
    if (c == '_') {
      upper = true;
      continue;
    }
    out.push_back(upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c);
    upper = false;
  }
  return out;
}

J Ref(std::string_view kind, std::string_view name) { return J{{"$ref", "#/components/" + std::string(kind) + "/" + std::string(name)}}; }
J Schema(std::string_view name) { return Ref("schemas", name); }

J JsonContent(J schema) { return J{{"application/json", J{{"schema", std::move(schema)}}}}; }

J Response(std::string_view description, J schema) {
  return J{{"description", description}, {"content", JsonContent(std::move(schema))}};
}

std::string Label(const reg::FieldInfo& f) {
  std::string out = std::string(f.label_ja) + " (" + std::string(f.label_en) + ")";
  if (!f.unit.empty()) out += "; " + std::string(f.unit) + " (hours)";
  return out;
}

const std::vector<std::string>* Levels(const service::LevelCodes& levels, reg::EntityKind kind, std::string_view key) {
  if (kind != reg::EntityKind::kAsset) return nullptr;
  if (key == "confidentiality") return &levels.confidentiality;
  if (key == "integrity") return &levels.integrity;
  if (key == "availability") return &levels.availability;
  return nullptr;
}

J EnumLabels(const reg::FieldInfo& f) {
  J labels = J::array();
  for (const auto& l : f.labels) labels.push_back(J{{"key", l.key}, {"ja", l.ja}, {"en", l.en}});
  return labels;
}

// A field as a record shows it.
J FieldSchema(reg::EntityKind kind, const reg::FieldInfo& f, const service::LevelCodes& levels) {
  J s;
  switch (f.type) {
    case reg::FieldType::kText: s["type"] = "string"; break;
    case reg::FieldType::kInteger:
      s["type"] = "integer";
      s["minimum"] = 0;
      break;
    case reg::FieldType::kBool: s["type"] = "boolean"; break;
    case reg::FieldType::kEnum: {
      s["type"] = "string";
      J keys = J::array();
      for (const auto& l : f.labels) keys.push_back(l.key);
      s["enum"] = std::move(keys);
      break;
    }
    case reg::FieldType::kList:
      s["type"] = "array";
      s["items"] = J{{"type", "string"}};
      break;
    case reg::FieldType::kDate:
      s["type"] = "string";
      s["format"] = "date";
      break;
  }
  if (const auto* codes = Levels(levels, kind, f.key)) s["enum"] = *codes;  // the profile's level codes
  if (!f.required) s["nullable"] = true;
  s["description"] = Label(f);
  s["x-label-ja"] = f.label_ja;
  s["x-label-en"] = f.label_en;
  if (f.type == reg::FieldType::kEnum) s["x-enum-labels"] = EnumLabels(f);
  return s;
}

// A field as a request may give it: the type above, or text as typed into the
// CLI or a spreadsheet (はい, 3日, 令和8年4月1日, an enum's label …); null clears it.
J InputSchema(reg::EntityKind kind, const reg::FieldInfo& f, const service::LevelCodes& levels) {
  J typed = FieldSchema(kind, f, levels);
  const std::string description = typed["description"];
  typed.erase("description");
  typed.erase("x-label-ja");
  typed.erase("x-label-en");
  typed.erase("x-enum-labels");
  typed.erase("enum");  // labels and aliases are accepted too
  if (f.type == reg::FieldType::kText || f.type == reg::FieldType::kEnum || f.type == reg::FieldType::kDate) {
    typed["nullable"] = true;
    typed["description"] = description;
    return typed;
  }
  J alternatives = J::array();
  typed["nullable"] = true;
  alternatives.push_back(std::move(typed));
  alternatives.push_back(J{{"type", "string"}, {"nullable", true}});
  return J{{"anyOf", std::move(alternatives)}, {"description", description}};
}

J ErrorSchema() {
  J detail = {{"type", "object"},
              {"required", {"field", "message"}},
              {"properties",
               {{"field", {{"type", "string"}, {"nullable", true}, {"description", "field key (snake_case)"}}},
                {"label", {{"type", "string"}, {"description", "the field's label in the response language"}}},
                {"message", {{"type", "string"}}}}}};
  J error = {{"type", "object"},
             {"required", {"code", "message"}},
             {"properties",
              {{"code",
                {{"type", "string"},
                 {"description",
                  "unauthorized, forbidden, out_of_scope, csrf, not_found, method_not_allowed, bad_request, bad_json, "
                  "conflict, too_large, unsupported_media_type, validation, unavailable, internal"}}},
               {"message", {{"type", "string"}, {"description", "Japanese, or English with ?lang=en"}}},
               {"details", {{"type", "array"}, {"items", Schema("ErrorDetail")}}}}}};
  return J{{"ErrorDetail", detail},
           {"Error", {{"type", "object"}, {"required", {"error"}}, {"properties", {{"error", error}}}}}};
}

J StandardResponses() {
  auto error = [](std::string_view text) { return Response(text, Schema("Error")); };
  J unauthorized = error("No valid bearer token or session / 有効なトークンまたはセッションがありません");
  J header;
  header["schema"] = J{{"type", "string"}};
  header["description"] = "Bearer realm=\"mamori\"";
  unauthorized["headers"]["WWW-Authenticate"] = std::move(header);
  return J{{"BadRequest", error("A query parameter is unknown or not valid / パラメータの誤り")},
           {"Unauthorized", unauthorized},
           {"Forbidden", error("Not allowed: read-only role, outside your scope, or CSRF token missing / 権限がありません")},
           {"NotFound", error("No such record, or it is outside your scope / ないか、閲覧できません")},
           {"Conflict", error("A record with that number exists, or other records refer to it / 番号の重複・参照")},
           {"TooLarge", error("The body is larger than 1 MiB / 本文が大きすぎます")},
           {"UnsupportedMediaType", error("The body is not application/json")},
           {"Validation", error("Values not valid; details name each field / 値の誤り（項目ごとの詳細付き）")},
           {"ServerError", error("Internal error / 内部エラー")}};
}

J Responses(std::initializer_list<std::pair<const char*, J>> own, std::initializer_list<const char*> errors) {
  J out;
  for (const auto& [code, body] : own) out[code] = body;
  for (const char* code : errors) {
    const std::string c = code;
    const char* name = c == "400"   ? "BadRequest"
                       : c == "401" ? "Unauthorized"
                       : c == "403" ? "Forbidden"
                       : c == "404" ? "NotFound"
                       : c == "409" ? "Conflict"
                       : c == "413" ? "TooLarge"
                       : c == "415" ? "UnsupportedMediaType"
                       : c == "422" ? "Validation"
                                    : "ServerError";
    out[c] = Ref("responses", name);
  }
  return out;
}

J Param(std::string_view name, std::string_view in, J schema, std::string_view description, bool required = false) {
  J p = {{"name", name}, {"in", in}, {"schema", std::move(schema)}, {"description", description}};
  if (required) p["required"] = true;
  return p;
}

J CommonParameters() {
  return J{
      {"limit", Param("limit", "query", {{"type", "integer"}, {"minimum", 0}, {"maximum", kMaxLimit}, {"default", kDefaultLimit}},
                      "items per page (larger values are read as 1000) / 1 ページの件数")},
      {"offset", Param("offset", "query", {{"type", "integer"}, {"minimum", 0}, {"default", 0}}, "items to skip / 読み飛ばす件数")},
      {"lang", Param("lang", "query", {{"type", "string"}, {"enum", {"ja", "en"}}},
                     "language of messages (default Japanese) / メッセージの言語")},
      {"number", Param("number", "path", {{"type", "string"}}, "the record's number / 記録の番号", true)},
  };
}

void AddKind(J& paths, J& schemas, const reg::EntityInfo& info, const service::LevelCodes& levels) {
  const std::string name = Pascal(info.key);  // Asset
  const std::string plural = Pascal(info.table);  // Assets
  const std::string tag = "register";

  J properties, input_properties, required = J::array(), create_required = J::array(), keys = J::array(), filter;
  for (const auto& f : info.fields) {
    properties[std::string(f.key)] = FieldSchema(info.kind, f, levels);
    input_properties[std::string(f.key)] = InputSchema(info.kind, f, levels);
    required.push_back(f.key);
    if (f.required) create_required.push_back(f.key);
    keys.push_back(f.key);
    filter[std::string(f.key)] = {{"type", "string"}};
  }
  const std::string title = std::string(info.label_ja) + " (" + std::string(info.label_en) + ")";
  schemas[name] = {{"type", "object"},
                   {"description", title + "; every field is present, null when empty"},
                   {"required", required},
                   {"properties", properties}};
  schemas[name + "New"] = {{"type", "object"},
                           {"description", title + ": a new record (values are validated as the CLI does)"},
                           {"required", create_required},
                           {"additionalProperties", false},
                           {"properties", input_properties}};
  schemas[name + "Changes"] = {{"type", "object"},
                               {"description", title + ": the fields to change (the number cannot change)"},
                               {"additionalProperties", false},
                               {"properties", input_properties}};
  schemas[name + "Page"] = {{"type", "object"},
                            {"required", {"items", "total", "total_capped", "limit", "offset"}},
                            {"properties",
                             {{"items", {{"type", "array"}, {"items", Schema(name)}}},
                              {"total", {{"type", "integer"}, {"description", "matching records, counted up to " + std::to_string(kCountLimit)}}},
                              {"total_capped", {{"type", "boolean"}, {"description", "true: there are more than total"}}},
                              {"limit", {{"type", "integer"}}},
                              {"offset", {{"type", "integer"}}}}}};

  J list_params = J::array();
  list_params.push_back(Param("q", "query", {{"type", "string"}},
                              "substring of any text field (Japanese needs no word breaks) / 部分一致検索"));
  list_params.push_back(Param("sort", "query", {{"type", "string"}, {"enum", keys}}, "field to sort by (default: number)"));
  list_params.push_back(Param("order", "query", {{"type", "string"}, {"enum", {"asc", "desc"}}, {"default", "asc"}}, "sort order"));
  list_params.push_back(Ref("parameters", "limit"));
  list_params.push_back(Ref("parameters", "offset"));
  list_params.push_back(Ref("parameters", "lang"));
  J filter_param = Param("filter", "query", {{"type", "object"}, {"properties", filter}, {"additionalProperties", false}},
                         "filter[field]=value: records whose field equals the value (enum keys or labels, "
                         "true/false for flags; for a list field, records whose list holds it); repeat to match any "
                         "of several values / 項目の値で絞り込み");
  filter_param["style"] = "deepObject";
  filter_param["explode"] = true;
  list_params.push_back(std::move(filter_param));
  for (const auto& f : info.fields)
    list_params.push_back(Param(f.key, "query", {{"type", "string"}},
                                "same as filter[" + std::string(f.key) + "] — " + Label(f)));

  const std::string base = "/api/v1/register/" + std::string(info.table);
  paths[base] = {
      {"get",
       {{"tags", {tag}},
        {"operationId", "list" + plural},
        {"summary", std::string(info.label_ja) + "の一覧 / list " + std::string(info.label_en)},
        {"description", "Records within the caller's scope (as on the register screen), one page at a time."},
        {"parameters", list_params},
        {"responses", Responses({{"200", Response("one page", Schema(name + "Page"))}}, {"400", "401", "500"})}}},
      {"post",
       {{"tags", {tag}},
        {"operationId", "create" + name},
        {"summary", std::string(info.label_ja) + "の登録 / create"},
        {"description", "Recorded in the change history with the caller's login. Refused for auditors and for a "
                        "record outside the caller's scope (403)."},
        {"parameters", {Ref("parameters", "lang")}},
        {"requestBody", {{"required", true}, {"content", JsonContent(Schema(name + "New"))}}},
        {"responses",
         Responses({{"201", Response("created (Location: its URL)", Schema(name))}},
                   {"400", "401", "403", "409", "413", "415", "422", "500"})}}}};
  paths[base + "/{number}"] = {
      {"parameters", {Ref("parameters", "number"), Ref("parameters", "lang")}},
      {"get",
       {{"tags", {tag}},
        {"operationId", "get" + name},
        {"summary", std::string(info.label_ja) + "の 1 件 / one record"},
        {"responses", Responses({{"200", Response("the record", Schema(name))}}, {"401", "404", "500"})}}},
      {"patch",
       {{"tags", {tag}},
        {"operationId", "update" + name},
        {"summary", std::string(info.label_ja) + "の変更 / change fields"},
        {"description", "Only the fields given change; null empties a field. Recorded in the change history."},
        {"requestBody", {{"required", true}, {"content", JsonContent(Schema(name + "Changes"))}}},
        {"responses",
         Responses({{"200", Response("the record after the change", Schema(name))}},
                   {"400", "401", "403", "404", "413", "415", "422", "500"})}}},
      {"delete",
       {{"tags", {tag}},
        {"operationId", "delete" + name},
        {"summary", std::string(info.label_ja) + "の削除 / delete"},
        {"responses", Responses({{"204", J{{"description", "deleted (kept in the change history)"}}}},
                                {"401", "403", "404", "409", "500"})}}}};
}

J FindingSchemas(const policy::Profile& profile) {
  J groups = J::array();
  for (const auto& g : profile.measures.groups) groups.push_back(g.id);
  J finding = {
      {"type", "object"},
      {"properties",
       {{"rule", {{"type", "string"}, {"example", "asset.classified"}}},
        {"severity", {{"type", "string"}, {"enum", {"high", "medium", "low"}}}},
        {"status", {{"type", "string"}, {"enum", {"fail", "unknown", "pass"}}}},
        {"subject",
         {{"type", "object"},
          {"properties",
           {{"type", {{"type", "string"}, {"description", "asset, system, terminal, person, department, inspection, body"}}},
            {"id", {{"type", "string"}}},
            {"name", {{"type", "string"}}},
            {"url", {{"type", "string"}, {"nullable", true}, {"description", "the record's screen"}}},
            {"api_url", {{"type", "string"}, {"description", "the record in this API"}}}}}}},
        {"message", {{"type", "string"}, {"description", "in the request's language"}}},
        {"clause",
         {{"type", "object"},
          {"description", "the clause of the body's own policy that requires it"},
          {"properties",
           {{"id", {{"type", "string"}}},
            {"label", {{"type", "string"}, {"example", "第6条第3号①"}}},
            {"title", {{"type", "string"}}},
            {"url", {{"type", "string"}}}}}}},
        {"group", {{"type", "string"}, {"enum", groups}, {"description", "measure group"}}},
        {"department", {{"type", "string"}, {"nullable", true}}},
        {"tier", {{"type", "string"}, {"nullable", true}, {"enum", {"my_number", "lgwan", "internet", "none", nullptr}}}}}}};
  J page = {{"type", "object"},
            {"properties",
             {{"items", {{"type", "array"}, {"items", Schema("Finding")}}},
              {"total", {{"type", "integer"}}},
              {"limit", {{"type", "integer"}}},
              {"offset", {{"type", "integer"}}},
              {"summary",
               {{"type", "object"},
                {"description", "visible findings under every filter but status, by status"},
                {"properties", {{"fail", {{"type", "integer"}}}, {"unknown", {{"type", "integer"}}}, {"pass", {{"type", "integer"}}}}}}},
              {"computed_at", {{"type", "string"}, {"description", "when the register was last checked (ISO 8601, JST)"}}}}}};
  return J{{"Finding", finding}, {"FindingPage", page}};
}

J HistorySchemas() {
  J entry = {{"type", "object"},
             {"properties",
              {{"id", {{"type", "integer"}}},
               {"at", {{"type", "string"}, {"description", "ISO 8601 with offset (JST)"}}},
               {"actor", {{"type", "string"}, {"description", "the login that made the change"}}},
               {"action", {{"type", "string"}, {"enum", {"create", "update", "delete"}}}},
               {"entity", {{"type", "string"}, {"description", "asset, system … (or setting, account)"}}},
               {"number", {{"type", "string"}}},
               {"before", {{"type", "object"}, {"nullable", true}, {"description", "field key → value before"}}},
               {"after", {{"type", "object"}, {"nullable", true}, {"description", "field key → value after"}}},
               {"batch", {{"type", "string"}, {"nullable", true}, {"description", "the import that made it"}}},
               {"note", {{"type", "string"}, {"nullable", true}}}}}};
  J page = {{"type", "object"},
            {"properties",
             {{"items", {{"type", "array"}, {"items", Schema("HistoryEntry")}}},
              {"total", {{"type", "integer"}}},
              {"limit", {{"type", "integer"}}},
              {"offset", {{"type", "integer"}}}}}};
  return J{{"HistoryEntry", entry}, {"HistoryPage", page}};
}

J MeSchema() {
  J roles = J::array();
  for (auto r : {reg::Role::kCiso, reg::Role::kChiefOfficer, reg::Role::kOfficer, reg::Role::kManager,
                 reg::Role::kSystemAdmin, reg::Role::kSystemStaff, reg::Role::kStaff, reg::Role::kAuditor})
    roles.push_back(reg::RoleKey(r));
  return J{{"type", "object"},
           {"properties",
            {{"login", {{"type", "string"}}},
             {"name", {{"type", "string"}}},
             {"role", {{"type", "string"}, {"enum", roles}, {"nullable", true}}},
             {"role_label", {{"type", "string"}, {"nullable", true}}},
             {"admin", {{"type", "boolean"}}},
             {"organ", {{"type", "string"}, {"nullable", true}}},
             {"department", {{"type", "string"}, {"nullable", true}}},
             {"person_number", {{"type", "string"}, {"nullable", true}}},
             {"can_write", {{"type", "boolean"}}},
             {"sees_everything", {{"type", "boolean"}}},
             {"authenticated_by", {{"type", "string"}, {"enum", {"token", "session"}}}}}}};
}

}  // namespace

std::string OpenApiDocument(const policy::Profile& profile, const service::LevelCodes& levels) {
  J doc;
  doc["openapi"] = "3.0.3";
  doc["info"] = {
      {"title", "mamori REST API"},
      {"version", "1.0.0"},
      {"description",
       "情報資産台帳・点検結果・変更履歴の REST API（" + profile.name_ja + "）。API トークンは /account で発行し、"
       "Authorization: Bearer で送ります。権限と範囲は画面と同じです。\n\n"
       "The register, findings and change history of " + (profile.name_en.empty() ? profile.name_ja : profile.name_en) +
           " as JSON. Issue a token on /account and send it as Authorization: Bearer. The same roles and scope as "
           "the screens apply. Messages are Japanese, or English with ?lang=en."},
      {"x-profile", profile.id}};
  doc["servers"] = J::array({J{{"url", "/"}}});
  doc["security"] = J::array({J{{"bearerAuth", J::array()}}, J{{"sessionCookie", J::array()}}});
  doc["tags"] = J::array({J{{"name", "register"}, {"description", "情報資産台帳 / the register"}},
                          J{{"name", "findings"}, {"description", "点検結果 / findings"}},
                          J{{"name", "history"}, {"description", "変更履歴 / change history"}},
                          J{{"name", "meta"}, {"description", "the caller, this document"}}});

  J paths, schemas = ErrorSchema();
  paths["/api/v1/openapi.json"] = {
      {"get",
       {{"tags", {"meta"}},
        {"operationId", "openapi"},
        {"summary", "this document (no token needed)"},
        {"security", J::array()},
        {"responses", {{"200", Response("OpenAPI 3.0", {{"type", "object"}})}}}}}};
  paths["/api/v1/health"] = {
      {"get",
       {{"tags", {"meta"}},
        {"operationId", "health"},
        {"summary", "liveness (no token needed)"},
        {"security", J::array()},
        {"responses", {{"200", Response("running", {{"type", "object"}, {"properties", {{"status", {{"type", "string"}}}}}})}}}}}};
  paths["/api/v1/me"] = {
      {"get",
       {{"tags", {"meta"}},
        {"operationId", "me"},
        {"summary", "the caller: login, role, scope / 認証されたアカウント"},
        {"parameters", {Ref("parameters", "lang")}},
        {"responses", Responses({{"200", Response("the principal", Schema("Me"))}}, {"401"})}}}};
  schemas["Me"] = MeSchema();

  for (const auto& info : reg::AllEntities()) AddKind(paths, schemas, info, levels);

  J finding_params = J::array();
  finding_params.push_back(Param("status", "query", {{"type", "string"}, {"enum", {"open", "fail", "unknown", "pass", "all"}}, {"default", "open"}},
                                 "open = fail and unknown"));
  finding_params.push_back(Param("severity", "query", {{"type", "string"}, {"enum", {"high", "medium", "low"}}}, "severity"));
  finding_params.push_back(Param("rule", "query", {{"type", "string"}}, "rule id, e.g. asset.classified"));
  J groups = J::array();
  for (const auto& g : profile.measures.groups) groups.push_back(g.id);
  finding_params.push_back(Param("group", "query", {{"type", "string"}, {"enum", groups}}, "measure group of the clause"));
  finding_params.push_back(Param("tier", "query", {{"type", "string"}, {"enum", {"my_number", "lgwan", "internet", "none"}}},
                                 "tier of the subject"));
  finding_params.push_back(Param("department", "query", {{"type", "string"}}, "department as the register writes it"));
  finding_params.push_back(Ref("parameters", "limit"));
  finding_params.push_back(Ref("parameters", "offset"));
  finding_params.push_back(Ref("parameters", "lang"));
  paths["/api/v1/findings"] = {
      {"get",
       {{"tags", {"findings"}},
        {"operationId", "listFindings"},
        {"summary", "点検結果 / findings of the latest check, within the caller's scope"},
        {"parameters", finding_params},
        {"responses", Responses({{"200", Response("one page", Schema("FindingPage"))}}, {"400", "401", "500"})}}}};
  const J finding_schemas = FindingSchemas(profile);
  for (const auto& [name, schema] : finding_schemas.items()) schemas[name] = schema;

  J history_params = J::array();
  J entities = J::array();
  for (const auto& info : reg::AllEntities()) entities.push_back(info.key);
  entities.push_back("setting");
  entities.push_back("account");
  entities.push_back("net_alert");
  history_params.push_back(Param("entity", "query", {{"type", "string"}, {"enum", entities}},
                                 "record type (required with number unless the caller sees the whole register)"));
  history_params.push_back(Param("number", "query", {{"type", "string"}}, "record number"));
  history_params.push_back(Param("actor", "query", {{"type", "string"}}, "login that made the change"));
  history_params.push_back(Param("batch", "query", {{"type", "string"}}, "import batch id"));
  history_params.push_back(Param("since", "query", {{"type", "string"}}, "2026-04-01 (JST) or an ISO 8601 date-time"));
  history_params.push_back(Ref("parameters", "limit"));
  history_params.push_back(Ref("parameters", "offset"));
  history_params.push_back(Ref("parameters", "lang"));
  paths["/api/v1/history"] = {
      {"get",
       {{"tags", {"history"}},
        {"operationId", "listHistory"},
        {"summary", "変更履歴 / change history, newest first"},
        {"description",
         "The whole history only for roles that see the whole register (CISO, 統括情報セキュリティ責任者, auditors, "
         "administrators); others must name one record in their scope with entity and number (403 otherwise)."},
        {"parameters", history_params},
        {"responses", Responses({{"200", Response("one page", Schema("HistoryPage"))}}, {"400", "401", "403", "500"})}}}};
  const J history_schemas = HistorySchemas();
  for (const auto& [name, schema] : history_schemas.items()) schemas[name] = schema;

  J alert_params = J::array();
  alert_params.push_back(Param("status", "query", {{"type", "string"}, {"enum", {"new", "acknowledged", "incident", "dismissed"}}},
                               "alert status"));
  alert_params.push_back(Param("rule", "query", {{"type", "string"}}, "rule id (net.my_number_isolation …)"));
  alert_params.push_back(Param("since", "query", {{"type", "string"}}, "first seen at or after (ISO 8601)"));
  alert_params.push_back(Ref("parameters", "limit"));
  alert_params.push_back(Ref("parameters", "offset"));
  alert_params.push_back(Ref("parameters", "lang"));
  paths["/api/v1/net/alerts"] = {
      {"get",
       {{"tags", {"network"}},
        {"operationId", "listAlerts"},
        {"summary", "通信の警告 / traffic alerts recorded by mamori net watch, last seen first"},
        {"description", "For the CISO, 統括, 情報セキュリティ責任者, auditors and system staff (403 otherwise). Each item: "
                        "id, first_seen, last_seen, rule, severity, clause, source {ip, port, node, tier}, destination, "
                        "protocol, action, device, input, count, message, status."},
        {"parameters", alert_params},
        {"responses", Responses({{"200", Response("one page", {{"type", "object"}})}}, {"400", "401", "403", "500"})}}}};
  paths["/api/v1/net/alerts/{id}/status"] = {
      {"post",
       {{"tags", {"network"}},
        {"operationId", "setAlertStatus"},
        {"summary", "警告の状態 / set an alert's status (recorded in the change history)"},
        {"description", "Body: {\"status\": \"new\" | \"acknowledged\" | \"incident\" | \"dismissed\"}. "
                        "For the CISO, 統括 and system administrators."},
        {"parameters", J::array({Param("id", "path", {{"type", "integer"}}, "alert id", true)})},
        {"responses", Responses({{"200", Response("the alert", {{"type", "object"}})}}, {"400", "401", "403", "404", "500"})}}}};

  doc["paths"] = std::move(paths);
  doc["components"] = {
      {"securitySchemes",
       {{"bearerAuth",
         {{"type", "http"},
          {"scheme", "bearer"},
          {"description", "API token (mamori_…) issued on /account; it acts with its account's role and scope"}}},
        {"sessionCookie",
         {{"type", "apiKey"},
          {"in", "cookie"},
          {"name", "mamori_session"},
          {"description", "a signed-in browser session; writes need the X-CSRF-Token header"}}}}},
      {"parameters", CommonParameters()},
      {"responses", StandardResponses()},
      {"schemas", std::move(schemas)}};
  return Dump(doc);
}

}  // namespace mamori::web::api
