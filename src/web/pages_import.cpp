// Import: upload a CSV or XLSX, see what would change (or every bad row), then
// apply it, all or nothing, through the same service as `mamori import`.
// Export: the register (within the user's scope) as CSV or XLSX.
#include <fmt/format.h>

#include "exchange/export.h"
#include "exchange/read_files.h"
#include "web/handlers.h"
#include "web/register_view.h"

namespace mamori::web {

namespace {

struct Prepared {
  std::vector<service::IncomingSheet> sheets;
  std::vector<std::string> notices;
};

Result<Prepared> Prepare(WebApp& app, const Principal& user, const WebApp::PendingImport& upload, Lang lang) {
  std::optional<reg::EntityKind> hint;
  if (!upload.kind.empty()) hint = KindFromUrl(upload.kind);
  exchange::Limits limits;
  auto files = exchange::ReadAndMapBytes(upload.bytes, upload.file_name, hint, limits);
  if (!files) return Fail(files.error());
  Prepared out;
  out.notices = std::move(files->notices);
  const auto departments = app.Departments();
  std::vector<Error> outside;
  for (auto& f : files->sheets) {
    auto sheet = service::MakeIncomingSheet(f.mapped.kind, f.label, std::move(f.mapped.rows), f.mapped.source_rows);
    // Only records within the user's own scope may be written.
    if (!SeesEverything(user))
      for (const auto& r : sheet.rows)
        if (!InScope(user, sheet.kind, r.row, departments)) {
          Location where;
          where.file = sheet.sheet_name;
          where.row = r.source_row;
          outside.emplace_back(ErrorCode::kInvalidArgument,
                               fmt::format(fmt::runtime(std::string(T(lang, "import.out_of_scope"))),
                                           std::get<std::string>(r.row[0])),
                               where);
        }
    out.sheets.push_back(std::move(sheet));
  }
  if (!outside.empty()) {
    Error e(ErrorCode::kValidation, std::string(T(lang, "import.nothing_written")));
    e.details = std::move(outside);
    return Fail(std::move(e));
  }
  std::stable_sort(out.sheets.begin(), out.sheets.end(),
                   [](const auto& a, const auto& b) { return static_cast<int>(a.kind) < static_cast<int>(b.kind); });
  return out;
}

Data Problems(const Error& e) {
  Data list = List();
  auto add = [&](const Error& x) {
    Data d;
    d.set("where", x.where.ToString());
    d.set("message", x.message);
    list.push_back(d);
  };
  if (e.details.empty()) add(e);
  for (const auto& x : e.details) add(x);
  return list;
}

Data KindOptions(Lang lang, const std::string& current) {
  Data kinds = List();
  for (const auto& info : reg::AllEntities()) {
    Data k;
    k.set("value", std::string(info.table));
    k.set("label", std::string(English(lang) ? info.label_en : info.label_ja));
    if (info.table == current) k.set("selected", true);
    kinds.push_back(k);
  }
  return kinds;
}

Data Counts(const service::ImportPlan& plan, Lang lang) {
  Data counts = List();
  for (const auto& [kind, c] : plan.counts) {
    Data x;
    x.set("kind", std::string(KindLabel(kind, lang)));
    x.set("created", std::to_string(c.created));
    x.set("updated", std::to_string(c.updated));
    x.set("unchanged", std::to_string(c.unchanged));
    counts.push_back(x);
  }
  return counts;
}

}  // namespace

http::Response ImportForm(WebApp& app, Ctx& ctx) {
  Data d;
  d.set("csrf", ctx.user->csrf);
  d.set("kinds", KindOptions(ctx.lang, ""));
  if (!CanWrite(*ctx.user)) d.set("read_only", true);
  return app.Page(ctx, "import", d, T(ctx.lang, "nav.import"), Nav::kImport);
}

http::Response ImportPreview(WebApp& app, Ctx& ctx) {
  const auto lang = ctx.lang;
  if (!CanWrite(*ctx.user)) return app.ErrorPage(ctx, 403, T(lang, "error.read_only"));
  auto parts = ctx.req.MultipartParts();
  Data d;
  d.set("csrf", ctx.user->csrf);
  WebApp::PendingImport upload;
  upload.account_id = ctx.user->account_id;
  if (parts) {
    for (auto& p : *parts) {
      if (p.name == "file") {
        upload.file_name = p.filename.empty() ? "upload.csv" : p.filename;
        upload.bytes = std::move(p.data);
      } else if (p.name == "kind") {
        upload.kind = p.data;
      }
    }
  }
  d.set("kinds", KindOptions(lang, upload.kind));
  d.set("file_name", upload.file_name);
  auto fail = [&](const Error& e) {
    d.set("problems", Problems(e));
    d.set("has_problems", true);
    d.set("problem_summary", e.message);
    auto r = app.Page(ctx, "import", d, T(lang, "nav.import"), Nav::kImport);
    r.status = 422;
    return r;
  };
  if (!parts) return fail(parts.error());
  if (upload.bytes.empty()) return fail(Error(ErrorCode::kInvalidArgument, std::string(T(lang, "import.no_file"))));
  auto prepared = Prepare(app, *ctx.user, upload, lang);
  if (!prepared) return fail(prepared.error());
  Result<service::ImportPlan> plan = service::ImportPlan{};
  {
    auto lease = app.pool().Acquire();
    plan = app.Service(*lease, *ctx.user)->Import(std::move(prepared->sheets), /*dry_run=*/true);
  }
  if (!plan) return fail(plan.error());
  d.set("counts", Counts(*plan, lang));
  Data changes = List();
  for (const auto& c : plan->changes) {
    Data x;
    x.set("kind", std::string(KindLabel(c.kind, lang)));
    x.set("number", c.number);
    x.set("action", std::string(T(lang, c.create ? "history.action.create" : "history.action.update")));
    Data fields = List();
    for (const auto& f : c.fields) {
      Data y;
      std::string label = f.key;
      for (const auto& fi : reg::Info(c.kind).fields)
        if (fi.key == f.key) label = std::string(FieldLabel(fi, lang));
      y.set("field", label);
      y.set("before", f.before);
      y.set("after", f.after);
      fields.push_back(y);
    }
    x.set("fields", fields);
    changes.push_back(x);
  }
  d.set("changes", changes);
  Data notices = List();
  for (const auto& n : prepared->notices) {
    Data x;
    x.set("text", n);
    notices.push_back(x);
  }
  d.set("notices", notices);
  d.set("preview", true);
  d.set("token", app.KeepImport(std::move(upload)));
  return app.Page(ctx, "import", d, T(lang, "nav.import"), Nav::kImport);
}

http::Response ImportApply(WebApp& app, Ctx& ctx) {
  const auto lang = ctx.lang;
  if (!CanWrite(*ctx.user)) return app.ErrorPage(ctx, 403, T(lang, "error.read_only"));
  auto upload = app.TakeImport(ctx.req.Form("token").value_or(""), ctx.user->account_id, /*remove=*/true);
  if (!upload) return app.ErrorPage(ctx, 410, T(lang, "import.expired"));
  Data d;
  d.set("csrf", ctx.user->csrf);
  d.set("kinds", KindOptions(lang, ""));
  auto prepared = Prepare(app, *ctx.user, *upload, lang);
  Result<service::ImportPlan> plan = service::ImportPlan{};
  if (prepared) {
    auto lease = app.pool().Acquire();
    plan = app.Service(*lease, *ctx.user)->Import(std::move(prepared->sheets), /*dry_run=*/false);
  } else {
    plan = Fail(prepared.error());
  }
  if (!plan) {
    d.set("problems", Problems(plan.error()));
    d.set("has_problems", true);
    d.set("problem_summary", plan.error().message);
    auto r = app.Page(ctx, "import", d, T(lang, "nav.import"), Nav::kImport);
    r.status = 422;
    return r;
  }
  app.RegisterChanged();
  d.set("applied", true);
  d.set("counts", Counts(*plan, lang));
  d.set("batch", plan->batch);
  return app.Page(ctx, "import", d, T(lang, "nav.import"), Nav::kImport);
}

http::Response Export(WebApp& app, Ctx& ctx) {
  const auto format = ctx.req.Query("format").value_or("xlsx");
  const auto kind_name = ctx.req.Query("kind").value_or("all");
  std::vector<reg::EntityKind> kinds;
  if (kind_name == "all") {
    for (const auto& info : reg::AllEntities()) kinds.push_back(info.kind);
  } else if (auto k = KindFromUrl(kind_name)) {
    kinds.push_back(*k);
  } else {
    return app.ErrorPage(ctx, 404, T(ctx.lang, "error.not_found"));
  }
  if (format == "csv" && kinds.size() != 1) return app.ErrorPage(ctx, 400, T(ctx.lang, "export.csv_one_kind"));
  const auto departments = app.Departments();
  std::vector<std::pair<reg::EntityKind, std::vector<reg::Row>>> tables;
  {
    auto lease = app.pool().Acquire();
    for (auto kind : kinds) {
      store::PageQuery q;
      q.scope = ScopeFor(*ctx.user, kind, departments);
      q.limit = 10'000'000;
      q.count_limit = 0;
      auto page = lease->Query(kind, q);
      if (!page) return app.ErrorPage(ctx, 500, page.error().message);
      tables.emplace_back(kind, std::move(page->rows));
    }
  }
  const std::string date = app.options().today().Iso();
  if (format == "csv") {
    const auto encoding = ctx.req.Query("encoding") == std::optional<std::string>("sjis") ? text::Encoding::kCp932
                                                                                          : text::Encoding::kUtf8Bom;
    auto csv = exchange::WriteCsv(tables[0].first, tables[0].second, encoding);
    if (!csv) return app.ErrorPage(ctx, 500, csv.error().message);
    return http::Response::Download(std::move(*csv), encoding == text::Encoding::kCp932 ? "text/csv; charset=Shift_JIS" : "text/csv; charset=utf-8",
                                    fmt::format("{}_{}.csv", reg::Info(tables[0].first).label_ja, date));
  }
  auto xlsx = exchange::WriteXlsx(tables);
  if (!xlsx) return app.ErrorPage(ctx, 500, xlsx.error().message);
  return http::Response::Download(std::move(*xlsx),
                                  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                  fmt::format("{}_情報資産管理台帳_{}.xlsx", app.profile().name_ja, date));
}

}  // namespace mamori::web
