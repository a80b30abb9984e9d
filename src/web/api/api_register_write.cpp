// POST, PATCH and DELETE on /api/v1/register/{kind}[/{number}]: values go
// through reg::ParseValue as text (so validation is exactly the CLI's), writes
// through RegisterService acting as the principal (so each lands in the change
// history with their login), and scope is checked before and after.
#include <algorithm>

#include "http/header_value.h"
#include "web/api/api_handlers.h"
#include "web/api/api_json.h"
#include "web/api/api_messages.h"
#include "web/register_view.h"
#include "web/web_app.h"

namespace mamori::web::api {

constexpr int kMaxBodyDepth = 8;  // {"users": ["…"]} is depth 2

Checked<nlohmann::json> BodyObject(const ApiCtx& ctx) {
  if (ctx.req.body.size() > kMaxBodyBytes)
    return tl::unexpected(ErrorResponse(413, "too_large", MF(ctx.lang, "body.too_large", std::to_string(kMaxBodyBytes))));
  const auto type = http::ParseHeaderValue(ctx.req.Header("content-type")).value;
  if (!type.empty() && type != "application/json" && !type.ends_with("+json"))
    return tl::unexpected(ErrorResponse(415, "unsupported_media_type", MF(ctx.lang, "body.media_type", type)));
  bool too_deep = false;
  const nlohmann::json::parser_callback_t limit = [&too_deep](int depth, nlohmann::json::parse_event_t,
                                                               nlohmann::json&) {
    if (depth > kMaxBodyDepth) too_deep = true;
    return !too_deep;
  };
  nlohmann::json body;
  try {
    body = nlohmann::json::parse(ctx.req.body, limit);
  } catch (const nlohmann::json::exception& e) {  // the library's way of saying "not JSON"
    return tl::unexpected(ErrorResponse(400, "bad_json", MF(ctx.lang, "body.bad_json", e.what())));
  }
  if (too_deep) return tl::unexpected(ErrorResponse(400, "bad_json", M(ctx.lang, "body.too_deep")));
  if (!body.is_object()) return tl::unexpected(ErrorResponse(400, "bad_json", M(ctx.lang, "body.not_object")));
  return body;
}

namespace {

std::string Join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : std::string(sep)) + i;
  return out;
}

const std::vector<std::string>* LevelCodesOf(const service::LevelCodes& levels, reg::EntityKind kind,
                                             std::string_view key) {
  if (kind != reg::EntityKind::kAsset) return nullptr;
  if (key == "confidentiality") return &levels.confidentiality;
  if (key == "integrity") return &levels.integrity;
  if (key == "availability") return &levels.availability;
  return nullptr;
}

// One problem the service found with a row (RegisterService::Validate), in the
// request's language: the service's own words in Japanese; in English a
// sentence chosen from what is wrong with that field of `row`.
Detail ServiceDetail(const ApiCtx& ctx, reg::EntityKind kind, const service::LevelCodes& levels, const reg::Row* row,
                     const mamori::Error& e) {
  const auto& fields = reg::Info(kind).fields;
  std::optional<std::size_t> index;
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (!e.where.field.empty() && (fields[i].label_ja == e.where.field || fields[i].key == e.where.field)) index = i;
  Detail d;
  d.message = e.message;
  if (!index) return d;
  const auto& f = fields[*index];
  d.field = std::string(f.key);
  d.label = std::string(FieldLabel(f, ctx.lang));
  if (!English(ctx.lang) || !row || *index >= row->size()) return d;
  const auto& value = (*row)[*index];
  if (f.required && reg::IsNull(value)) {
    d.message = M(ctx.lang, "field.required");
  } else if (*index == 0) {
    d.message = M(ctx.lang, "field.number");
  } else if (const auto* codes = LevelCodesOf(levels, kind, f.key)) {
    d.message = MF(ctx.lang, "field.level", reg::FormatValue(f, value), Join(*codes, ", "));
  }
  return d;
}

// The service's problems with a row, after those already found (one per field: a value that did not
// parse is not also reported as, say, a missing required field).
void AddServiceProblems(const ApiCtx& ctx, reg::EntityKind kind, const service::LevelCodes& levels,
                        const reg::Row& row, const std::vector<mamori::Error>& problems, std::vector<Detail>& details) {
  for (const auto& p : problems) {
    auto d = ServiceDetail(ctx, kind, levels, &row, p);
    const bool known = std::any_of(details.begin(), details.end(),
                                   [&](const Detail& x) { return !d.field.empty() && x.field == d.field; });
    if (!known) details.push_back(std::move(d));
  }
}

http::Response Unprocessable(const ApiCtx& ctx, std::vector<Detail> details) {
  return ErrorResponse(422, "validation", M(ctx.lang, "record.not_saved"), details);
}

// A failed write of the service as the API answers it.
http::Response ServiceError(const ApiCtx& ctx, reg::EntityKind kind, const service::LevelCodes& levels,
                            const reg::Row* row, const mamori::Error& e) {
  switch (e.code) {
    case ErrorCode::kValidation:
    case ErrorCode::kInvalidArgument:
    case ErrorCode::kParse: {
      std::vector<Detail> details;
      if (e.details.empty()) details.push_back(ServiceDetail(ctx, kind, levels, row, e));
      for (const auto& x : e.details) details.push_back(ServiceDetail(ctx, kind, levels, row, x));
      return Unprocessable(ctx, std::move(details));
    }
    case ErrorCode::kAlreadyExists: return ErrorResponse(409, "conflict", M(ctx.lang, "record.exists"));
    case ErrorCode::kConflict:
      return ErrorResponse(409, "conflict", English(ctx.lang) ? M(ctx.lang, "record.conflict") : std::string_view(e.message));
    case ErrorCode::kNotFound: return RecordNotFound(ctx);
    default: return StatusError(500, ctx.lang);
  }
}

Detail FieldDetail(const ApiCtx& ctx, const reg::FieldInfo* f, std::string_view key, std::string message) {
  Detail d;
  d.field = std::string(f ? f->key : key);
  if (f) d.label = std::string(FieldLabel(*f, ctx.lang));
  d.message = std::move(message);
  return d;
}

http::Response ReadOnly(const ApiCtx& ctx) { return ErrorResponse(403, "forbidden", M(ctx.lang, "write.read_only")); }
http::Response OutOfScope(const ApiCtx& ctx) { return ErrorResponse(403, "out_of_scope", M(ctx.lang, "write.out_of_scope")); }


// One field of a request body, as the text reg::ParseValue takes.
struct BodyValue {
  std::size_t index;  // into reg::Info(kind).fields
  std::string key;
  std::string text;
};

// Every field of the body as text; unknown fields and values of the wrong JSON
// type are added to `details` and left out.
std::vector<BodyValue> BodyValues(const ApiCtx& ctx, reg::EntityKind kind, const nlohmann::json& body,
                                  std::vector<Detail>& details) {
  const auto& info = reg::Info(kind);
  std::vector<BodyValue> out;
  for (const auto& [key, value] : body.items()) {
    const auto index = FieldIndex(kind, key);
    if (!index) {
      details.push_back(FieldDetail(ctx, nullptr, key, MF(ctx.lang, "field.unknown", key, KindLabel(kind, ctx.lang))));
      continue;
    }
    const auto& f = info.fields[*index];
    auto text = ValueText(f, value);
    if (!text.problem.empty()) {
      details.push_back(FieldDetail(ctx, &f, key, std::string(M(ctx.lang, text.problem))));
      continue;
    }
    out.push_back({*index, key, std::move(text.text)});
  }
  return out;
}

}  // namespace

std::string ParseProblem(Lang lang, const reg::FieldInfo& f, std::string_view text, const mamori::Error& error) {
  if (!English(lang)) return error.message;
  switch (f.type) {
    case reg::FieldType::kBool: return MF(lang, "field.bool", text);
    case reg::FieldType::kInteger: return MF(lang, f.unit.empty() ? "field.integer" : "field.hours", text);
    case reg::FieldType::kDate: return MF(lang, "field.date", text);
    case reg::FieldType::kEnum: {
      std::vector<std::string> keys;
      for (const auto& l : f.labels) keys.emplace_back(l.key);
      return MF(lang, "field.enum", text, Join(keys, ", "));
    }
    default: return error.message;
  }
}

http::Response CreateRecord(WebApp& app, ApiCtx& ctx) {
  const auto kind = KindParam(ctx);
  if (!kind) return KindNotFound(ctx);
  if (auto ok = OnlyParams(ctx, {}); !ok) return ok.error();
  if (!CanWrite(*ctx.user)) return ReadOnly(ctx);
  auto body = BodyObject(ctx);
  if (!body) return body.error();
  const auto& info = reg::Info(*kind);
  const auto levels = app.Levels();

  reg::Row row(info.fields.size());
  std::vector<Detail> details;
  for (auto& v : BodyValues(ctx, *kind, *body, details)) {
    const auto& f = info.fields[v.index];
    auto parsed = reg::ParseValue(f, v.text);
    if (!parsed) {
      details.push_back(FieldDetail(ctx, &f, v.key, ParseProblem(ctx.lang, f, v.text, parsed.error())));
      continue;
    }
    row[v.index] = std::move(*parsed);
  }
  const auto departments = app.Departments();  // before the lease
  const std::string number = std::get_if<std::string>(&row[0]) ? std::get<std::string>(row[0]) : std::string();
  Result<std::optional<reg::Row>> created = std::optional<reg::Row>{};
  {
    auto lease = app.pool().Acquire();
    auto service = app.Service(*lease, *ctx.user);
    AddServiceProblems(ctx, *kind, levels, row, service->Validate(*kind, row), details);
    if (!details.empty()) return Unprocessable(ctx, std::move(details));
    if (!InScope(*ctx.user, *kind, row, departments)) return OutOfScope(ctx);
    if (auto added = service->Add(*kind, row); !added) return ServiceError(ctx, *kind, levels, &row, added.error());
    created = lease->Get(*kind, number);
  }
  app.RegisterChanged();
  if (!created || !*created) return StatusError(500, ctx.lang);
  auto r = Json(RecordJson(*kind, **created), 201);
  r.Set("Location", ApiRecordUrl(*kind, number));
  return r;
}

http::Response PatchRecord(WebApp& app, ApiCtx& ctx) {
  const auto kind = KindParam(ctx);
  if (!kind) return KindNotFound(ctx);
  if (auto ok = OnlyParams(ctx, {}); !ok) return ok.error();
  if (!CanWrite(*ctx.user)) return ReadOnly(ctx);
  auto body = BodyObject(ctx);
  if (!body) return body.error();
  const auto& info = reg::Info(*kind);
  const auto levels = app.Levels();
  const std::string number = ctx.req.params["number"];

  // Field → text as typed, for RegisterService::Update.
  std::vector<std::pair<std::string, std::string>> changes;
  std::vector<std::size_t> indexes;
  std::vector<Detail> details;
  for (auto& v : BodyValues(ctx, *kind, *body, details)) {
    if (v.index == 0) {  // the number may be repeated, not changed
      if (v.text != number)
        details.push_back(FieldDetail(ctx, &info.fields[0], v.key, std::string(M(ctx.lang, "field.number_fixed"))));
      continue;
    }
    changes.emplace_back(v.key, std::move(v.text));
    indexes.push_back(v.index);
  }

  const auto departments = app.Departments();  // before the lease
  Result<reg::Row> updated = reg::Row{};
  {
    auto lease = app.pool().Acquire();
    auto current = lease->Get(*kind, number);
    if (!current) return StatusError(500, ctx.lang);
    if (!*current || !InScope(*ctx.user, *kind, **current, departments)) return RecordNotFound(ctx);
    // The record as it would be, to say which values are wrong and whether it stays in scope.
    reg::Row after = **current;
    for (std::size_t k = 0; k < changes.size(); ++k) {
      const auto& f = info.fields[indexes[k]];
      auto parsed = reg::ParseValue(f, changes[k].second);
      if (!parsed)
        details.push_back(FieldDetail(ctx, &f, f.key, ParseProblem(ctx.lang, f, changes[k].second, parsed.error())));
      else
        after[indexes[k]] = std::move(*parsed);
    }
    auto service = app.Service(*lease, *ctx.user);
    AddServiceProblems(ctx, *kind, levels, after, service->Validate(*kind, after), details);
    if (!details.empty()) return Unprocessable(ctx, std::move(details));
    if (!InScope(*ctx.user, *kind, after, departments)) return OutOfScope(ctx);
    updated = service->Update(*kind, number, changes);
    if (!updated) return ServiceError(ctx, *kind, levels, &after, updated.error());
  }
  app.RegisterChanged();
  return Json(RecordJson(*kind, *updated));
}

http::Response DeleteRecord(WebApp& app, ApiCtx& ctx) {
  const auto kind = KindParam(ctx);
  if (!kind) return KindNotFound(ctx);
  if (auto ok = OnlyParams(ctx, {}); !ok) return ok.error();
  if (!CanWrite(*ctx.user)) return ReadOnly(ctx);
  const std::string number = ctx.req.params["number"];
  const auto departments = app.Departments();  // before the lease
  {
    auto lease = app.pool().Acquire();
    auto current = lease->Get(*kind, number);
    if (!current) return StatusError(500, ctx.lang);
    if (!*current || !InScope(*ctx.user, *kind, **current, departments)) return RecordNotFound(ctx);
    if (auto ok = app.Service(*lease, *ctx.user)->Remove(*kind, number); !ok)
      return ServiceError(ctx, *kind, app.Levels(), nullptr, ok.error());
  }
  app.RegisterChanged();
  http::Response r;
  r.status = 204;
  return r;
}

}  // namespace mamori::web::api
