// The register screens: a kind's list (server-side paging, sorting, filtering,
// Japanese substring search), one record with its history, the edit form.

#include <fmt/format.h>

#include "http/url.h"
#include "web/handlers.h"
#include "web/pager.h"
#include "web/history_view.h"
#include "web/register_view.h"

namespace mamori::web {

namespace {

constexpr std::size_t kPageSize = 50;

// The value as a form field holds it (what ParseValue takes back unchanged).
std::string FormValue(const reg::FieldInfo& f, const reg::Value& v) {
  if (reg::IsNull(v)) return {};
  if (f.type == reg::FieldType::kEnum) {
    if (const auto* s = std::get_if<std::string>(&v)) return *s;
  }
  if (f.type == reg::FieldType::kBool) {
    if (const auto* n = std::get_if<std::int64_t>(&v)) return *n ? "1" : "0";
  }
  return reg::FormatValue(f, v);
}

// Filters offered above a list: fields with a fixed set of values, and the department.
std::vector<std::size_t> FilterFields(reg::EntityKind kind) {
  std::vector<std::size_t> out;
  const auto& fields = reg::Info(kind).fields;
  for (std::size_t i = 1; i < fields.size(); ++i) {
    const auto& f = fields[i];
    if (f.key == "department" || f.key == "tier" || f.key == "confidentiality" || f.key == "role" ||
        f.key == "employment" || f.key == "personal_data" || f.key == "specific_personal_data" ||
        f.key == "handles_my_number" || f.key == "mfa" || f.key == "takeout_blocked" || f.key == "organ")
      out.push_back(i);
  }
  return out;
}

Data FieldsForm(WebApp& app, Lang lang, reg::EntityKind kind, const reg::Row* row,
                const std::map<std::string, std::string>& errors, const std::map<std::string, std::string>* typed) {
  const auto& info = reg::Info(kind);
  Data fields = List();
  for (std::size_t i = 0; i < info.fields.size(); ++i) {
    const auto& f = info.fields[i];
    Data d;
    d.set("key", std::string(f.key));
    d.set("label", std::string(FieldLabel(f, lang)));
    if (f.required) d.set("required", true);
    if (!f.unit.empty()) d.set("unit", std::string(f.unit));
    std::string value = row && i < row->size() ? FormValue(f, (*row)[i]) : std::string();
    if (typed)
      if (auto it = typed->find(std::string(f.key)); it != typed->end()) value = it->second;
    d.set("value", value);
    if (i == 0 && row) d.set("readonly", true);
    if (auto it = errors.find(std::string(f.label_ja)); it != errors.end()) d.set("error", it->second);
    if (auto it = errors.find(std::string(f.key)); it != errors.end()) d.set("error", it->second);
    const auto choices = ChoicesOf(f, app.profile(), lang);
    if (!choices.empty()) {
      Data options = List();
      bool found = value.empty();
      for (const auto& c : choices) {
        Data o;
        o.set("value", c.value);
        o.set("label", c.label);
        if (c.value == value) {
          o.set("selected", true);
          found = true;
        }
        options.push_back(o);
      }
      if (!found) {  // a value outside the choices (an old import) stays visible
        Data o;
        o.set("value", value);
        o.set("label", value);
        o.set("selected", true);
        options.push_back(o);
      }
      d.set("options", options);
      d.set("select", true);
    } else if (f.type == reg::FieldType::kList || f.key == "notes") {
      d.set("textarea", true);
    } else {
      d.set("input", f.type == reg::FieldType::kInteger ? "number" : f.type == reg::FieldType::kDate ? "date" : "text");
    }
    fields.push_back(d);
  }
  return fields;
}

std::map<std::string, std::string> ErrorsByField(const Error& e) {
  std::map<std::string, std::string> out;
  auto add = [&](const Error& x) {
    if (!x.where.field.empty()) out.emplace(x.where.field, x.message);
  };
  add(e);
  for (const auto& d : e.details) add(d);
  return out;
}

Data ErrorList(const Error& e) {
  Data list = List();
  if (e.details.empty()) {
    Data d;
    d.set("text", e.message);
    list.push_back(d);
  }
  for (const auto& x : e.details) {
    Data d;
    d.set("text", x.where.field.empty() ? x.message : x.where.field + ": " + x.message);
    list.push_back(d);
  }
  return list;
}

}  // namespace

http::Response RegisterList(WebApp& app, Ctx& ctx) {
  const auto kind = KindFromUrl(ctx.req.params["kind"]);
  if (!kind) return app.ErrorPage(ctx, 404, T(ctx.lang, "error.not_found"));
  const auto& info = reg::Info(*kind);
  const auto lang = ctx.lang;

  store::PageQuery q;
  q.limit = kPageSize;
  const std::size_t page_no = PageNumber(ctx.req);
  q.offset = (page_no - 1) * kPageSize;
  q.text = ctx.req.Query("q").value_or("");
  q.sort = ctx.req.Query("sort").value_or("");
  q.descending = ctx.req.Query("dir") == std::optional<std::string>("desc");
  bool known_sort = q.sort.empty();
  for (const auto& f : info.fields) known_sort = known_sort || f.key == q.sort;
  if (!known_sort) q.sort.clear();
  const auto filter_fields = FilterFields(*kind);
  for (auto i : filter_fields) {
    const auto& f = info.fields[i];
    if (auto v = ctx.req.Query(f.key); v && !v->empty()) q.where.push_back({std::string(f.key), {*v}});
  }
  const auto departments = app.Departments();
  q.scope = ScopeFor(*ctx.user, *kind, departments);
  DropSatisfiedScope(q);

  // The same conditions give the same total until the register changes.
  std::string count_key = std::string(UrlOf(*kind)) + '\x1f' + q.text;
  for (const auto* conditions : {&q.where, &q.scope}) {
    count_key += '\x1e';
    for (const auto& c : *conditions) {
      count_key += c.field + '=';
      for (const auto& v : c.any_of) count_key += v + '\x1f';
    }
  }
  const auto cached = app.CachedCount(count_key);
  q.count = !cached;
  Result<store::Page> page = store::Page{};
  {
    auto lease = app.pool().Acquire();
    page = lease->Query(*kind, q);
  }
  if (page && cached) {
    page->total = cached->total;
    page->total_capped = cached->capped;
  } else if (page) {
    app.RememberCount(count_key, {page->total, page->total_capped});
  }
  if (!page) return app.ErrorPage(ctx, 400, page.error().message);

  const auto columns = ListColumns(*kind);
  Data d;
  d.set("tabs", KindTabs(*kind, lang));
  d.set("kind", std::string(UrlOf(*kind)));
  d.set("kind_label", std::string(KindLabel(*kind, lang)));
  d.set("q", q.text);
  if (CanWrite(*ctx.user)) d.set("can_write", true);

  // Base of every link on the page: the current filters without page/sort.
  std::vector<std::pair<std::string, std::string>> keep;
  for (const auto& [k, v] : ctx.req.QueryParams())
    if (k != "page" && k != "sort" && k != "dir" && !v.empty()) keep.emplace_back(k, v);
  auto link = [&](std::vector<std::pair<std::string, std::string>> extra) {
    std::string url = "/register/" + std::string(UrlOf(*kind));
    char sep = '?';
    for (const auto& [k, v] : keep) {
      url += sep + http::UrlEncode(k) + "=" + http::UrlEncode(v);
      sep = '&';
    }
    for (const auto& [k, v] : extra) {
      url += sep + http::UrlEncode(k) + "=" + http::UrlEncode(v);
      sep = '&';
    }
    return url;
  };
  std::vector<std::pair<std::string, std::string>> sort_params;
  if (!q.sort.empty()) sort_params = {{"sort", q.sort}, {"dir", q.descending ? "desc" : "asc"}};

  Data headers = List();
  for (auto i : columns) {
    const auto& f = info.fields[i];
    Data h;
    h.set("label", std::string(FieldLabel(f, lang)));
    const bool current = (q.sort.empty() ? i == 0 : f.key == q.sort);
    const bool next_desc = current && !q.descending;
    h.set("url", link({{"sort", std::string(f.key)}, {"dir", next_desc ? "desc" : "asc"}}));
    if (current) h.set("sorted", q.descending ? "descending" : "ascending");
    headers.push_back(h);
  }
  d.set("headers", headers);

  // The rows are written here rather than through the template: a page of 50
  // rows as mustache data costs thousands of small allocations per request,
  // and this is the screen people (and the benchmark) hit most.
  std::string rows_html;
  rows_html.reserve(page->rows.size() * 600);
  for (const auto& row : page->rows) {
    const auto& number = std::get<std::string>(row[0]);
    rows_html += "<tr><td><a href=\"";
    rows_html += http::HtmlEscape(RecordUrl(*kind, number));
    rows_html += "\">";
    rows_html += http::HtmlEscape(number);
    rows_html += "</a></td>";
    for (auto i : columns) {
      if (i == 0) continue;  // the number is the link in the first column
      rows_html += "<td>";
      rows_html += http::HtmlEscape(reg::FormatValue(info.fields[i], row[i], English(lang)));
      rows_html += "</td>";
    }
    rows_html += "</tr>\n";
  }
  d.set("rows_html", std::move(rows_html));
  if (page->rows.empty()) d.set("empty", true);

  Data filters = List();
  for (auto i : filter_fields) {
    const auto& f = info.fields[i];
    Data fd;
    fd.set("key", std::string(f.key));
    fd.set("label", std::string(FieldLabel(f, lang)));
    const std::string current = ctx.req.Query(f.key).value_or("");
    std::vector<Choice> choices = ChoicesOf(f, app.profile(), lang);
    if (f.key == "department") {
      const bool all = SeesEverything(*ctx.user);
      std::vector<std::string> allowed;
      if (!all)
        for (const auto& c : ScopeFor(*ctx.user, *kind, departments))
          if (c.field == "department") allowed.insert(allowed.end(), c.any_of.begin(), c.any_of.end());
      for (const auto& dep : departments)
        if (all || std::find(allowed.begin(), allowed.end(), dep.name) != allowed.end())
          choices.push_back({dep.name, dep.name});
    }
    if (f.key == "organ" || choices.empty()) continue;
    Data options = List();
    for (const auto& c : choices) {
      Data o;
      o.set("value", c.value);
      o.set("label", c.label);
      if (c.value == current) o.set("selected", true);
      options.push_back(o);
    }
    fd.set("options", options);
    filters.push_back(fd);
  }
  d.set("filters", filters);

  const auto total = page->total;
  d.set("count", fmt::format(fmt::runtime(std::string(T(lang, page->total_capped ? "register.count_capped"
                                                                                  : "register.count"))),
                             total));
  SetPager(d, lang, page_no, static_cast<std::size_t>(total), kPageSize, [&](std::size_t n) {
    auto extra = sort_params;
    extra.emplace_back("page", std::to_string(n));
    return link(extra);
  });
  d.set("export_csv", "/export?kind=" + std::string(UrlOf(*kind)) + "&format=csv");
  d.set("export_xlsx", "/export?kind=" + std::string(UrlOf(*kind)) + "&format=xlsx");

  // htmx asks for the table alone when a filter changes.
  auto table = app.views().Fragment(lang, "register_table", d);
  if (ctx.req.Header("hx-request") == "true" && ctx.req.Header("hx-target") == "register-table")
    return http::Response::Html(std::move(table));
  d.set("table", std::move(table));
  return app.Page(ctx, "register_list", d, KindLabel(*kind, lang), Nav::kRegister);
}

namespace {

http::Response ShowRecord(WebApp& app, Ctx& ctx, reg::EntityKind kind, const reg::Row& row,
                          const std::map<std::string, std::string>& errors,
                          const std::map<std::string, std::string>* typed, const Error* error, std::string_view notice) {
  const auto lang = ctx.lang;
  const auto& info = reg::Info(kind);
  const auto number = std::get<std::string>(row[0]);
  Data d;
  d.set("tabs", KindTabs(kind, lang));
  d.set("kind", std::string(UrlOf(kind)));
  d.set("kind_label", std::string(KindLabel(kind, lang)));
  d.set("number", number);
  d.set("url", RecordUrl(kind, number));
  d.set("csrf", ctx.user->csrf);
  Data values = List();
  for (std::size_t i = 0; i < info.fields.size(); ++i) {
    Data v;
    v.set("label", std::string(FieldLabel(info.fields[i], lang)));
    v.set("text", reg::FormatValue(info.fields[i], row[i], English(lang)));
    values.push_back(v);
  }
  d.set("values", values);
  if (CanWrite(*ctx.user)) {
    d.set("can_write", true);
    d.set("fields", FieldsForm(app, lang, kind, &row, errors, typed));
  }
  if (error) {
    d.set("errors", ErrorList(*error));
    d.set("has_errors", true);
  }
  if (!notice.empty()) d.set("notice", std::string(notice));
  // Findings about this record and its history.
  const auto run = app.Findings().Current();
  Data findings = List();
  for (const auto& f : run->In(lang))
    if (f.subject.id == number && f.subject.type == info.key && f.status != check::Status::kPass) {
      Data x;
      x.set("severity", std::string(policy::Key(f.severity)));
      x.set("severity_label", std::string(policy::Label(f.severity, English(lang))));
      x.set("status", std::string(check::StatusKey(f.status)));
      x.set("status_label", std::string(check::StatusLabel(f.status, English(lang))));
      x.set("message", f.message);
      const auto clause = check::ClauseOf(app.profile(), f);
      x.set("clause_label", std::string(clause.label));
      x.set("clause_url", "/policy#clause-" + f.clause);
      findings.push_back(x);
    }
  d.set("findings", findings);
  store::HistoryQuery hq;
  hq.entity = std::string(info.key);
  hq.number = number;
  hq.limit = 50;
  {
    auto lease = app.pool().Acquire();
    if (auto lines = lease->History(hq)) d.set("history", HistoryRows(app.profile(), *lines, lang));
  }
  auto r = app.Page(ctx, "record", d, fmt::format("{} {}", KindLabel(kind, lang), number), Nav::kRegister);
  if (error) r.status = 422;
  return r;
}

// Never hold a lease while asking for another (the pool would run dry under load).
std::optional<reg::Row> Load(WebApp& app, Ctx& ctx, reg::EntityKind kind, std::string_view number) {
  const auto departments = app.Departments();
  Result<std::optional<reg::Row>> row = std::optional<reg::Row>{};
  {
    auto lease = app.pool().Acquire();
    row = lease->Get(kind, number);
  }
  if (!row || !*row) return std::nullopt;
  if (!InScope(*ctx.user, kind, **row, departments)) return std::nullopt;  // out of scope looks like absent
  return std::move(**row);
}

}  // namespace

http::Response RecordPage(WebApp& app, Ctx& ctx) {
  const auto kind = KindFromUrl(ctx.req.params["kind"]);
  if (!kind) return app.ErrorPage(ctx, 404, T(ctx.lang, "error.not_found"));
  auto row = Load(app, ctx, *kind, ctx.req.params["number"]);
  if (!row) return app.ErrorPage(ctx, 404, T(ctx.lang, "error.record_not_found"));
  std::string notice;
  if (ctx.req.Query("saved")) notice = T(ctx.lang, "record.saved");
  if (ctx.req.Query("created")) notice = T(ctx.lang, "record.created");
  return ShowRecord(app, ctx, *kind, *row, {}, nullptr, nullptr, notice);
}

http::Response UpdateRecord(WebApp& app, Ctx& ctx) {
  const auto kind = KindFromUrl(ctx.req.params["kind"]);
  if (!kind) return app.ErrorPage(ctx, 404, T(ctx.lang, "error.not_found"));
  if (!CanWrite(*ctx.user)) return app.ErrorPage(ctx, 403, T(ctx.lang, "error.read_only"));
  const std::string number = ctx.req.params["number"];
  auto row = Load(app, ctx, *kind, number);
  if (!row) return app.ErrorPage(ctx, 404, T(ctx.lang, "error.record_not_found"));
  const auto& info = reg::Info(*kind);
  std::vector<std::pair<std::string, std::string>> changes;
  std::map<std::string, std::string> typed;
  for (const auto& [k, v] : ctx.req.FormParams()) {
    if (k == "csrf") continue;
    for (std::size_t i = 1; i < info.fields.size(); ++i)
      if (info.fields[i].key == k) {
        changes.emplace_back(k, v);
        typed[k] = v;
      }
  }
  Result<reg::Row> updated = reg::Row{};
  {
    auto lease = app.pool().Acquire();
    updated = app.Service(*lease, *ctx.user)->Update(*kind, number, changes);
  }
  if (!updated)
    return ShowRecord(app, ctx, *kind, *row, ErrorsByField(updated.error()), &typed, &updated.error(), {});
  // Still within the user's scope after the change? (A manager moving an asset to another department.)
  app.RegisterChanged();
  if (!InScope(*ctx.user, *kind, *updated, app.Departments()))
    return http::Response::Redirect("/register/" + std::string(UrlOf(*kind)));
  return http::Response::Redirect(RecordUrl(*kind, number) + "?saved=1");
}

http::Response NewRecordForm(WebApp& app, Ctx& ctx) {
  const auto kind = KindFromUrl(ctx.req.params["kind"]);
  if (!kind) return app.ErrorPage(ctx, 404, T(ctx.lang, "error.not_found"));
  if (!CanWrite(*ctx.user)) return app.ErrorPage(ctx, 403, T(ctx.lang, "error.read_only"));
  Data d;
  d.set("tabs", KindTabs(*kind, ctx.lang));
  d.set("kind", std::string(UrlOf(*kind)));
  d.set("kind_label", std::string(KindLabel(*kind, ctx.lang)));
  d.set("csrf", ctx.user->csrf);
  std::map<std::string, std::string> defaults;
  if (!ctx.user->department.empty()) defaults["department"] = ctx.user->department;
  if (!ctx.user->person_number.empty() && *kind == reg::EntityKind::kAsset)
    defaults["manager"] = ctx.user->person_number;
  d.set("fields", FieldsForm(app, ctx.lang, *kind, nullptr, {}, &defaults));
  return app.Page(ctx, "record_new", d, T(ctx.lang, "record.new"), Nav::kRegister);
}

http::Response CreateRecord(WebApp& app, Ctx& ctx) {
  const auto kind = KindFromUrl(ctx.req.params["kind"]);
  if (!kind) return app.ErrorPage(ctx, 404, T(ctx.lang, "error.not_found"));
  if (!CanWrite(*ctx.user)) return app.ErrorPage(ctx, 403, T(ctx.lang, "error.read_only"));
  const auto& info = reg::Info(*kind);
  reg::Row row(info.fields.size());
  std::map<std::string, std::string> typed;
  std::vector<Error> problems;
  for (const auto& [k, v] : ctx.req.FormParams())
    for (std::size_t i = 0; i < info.fields.size(); ++i)
      if (info.fields[i].key == k) {
        typed[k] = v;
        auto parsed = reg::ParseValue(info.fields[i], v);
        if (!parsed) {
          Error e = parsed.error();
          e.where.field = std::string(info.fields[i].label_ja);
          problems.push_back(std::move(e));
        } else {
          row[i] = std::move(*parsed);
        }
      }
  Result<void> added;
  if (problems.empty()) {
    if (!InScope(*ctx.user, *kind, row, app.Departments())) {
      problems.emplace_back(ErrorCode::kInvalidArgument, std::string(T(ctx.lang, "record.out_of_scope")));
    } else {
      auto lease = app.pool().Acquire();
      added = app.Service(*lease, *ctx.user)->Add(*kind, row);
      if (!added) problems.push_back(added.error());
    }
  }
  if (!problems.empty()) {
    Error all(ErrorCode::kValidation, std::string(T(ctx.lang, "record.not_saved")));
    for (auto& p : problems) {
      if (!p.details.empty())
        for (auto& x : p.details) all.details.push_back(x);
      else
        all.details.push_back(p);
    }
    Data d;
    d.set("tabs", KindTabs(*kind, ctx.lang));
    d.set("kind", std::string(UrlOf(*kind)));
    d.set("kind_label", std::string(KindLabel(*kind, ctx.lang)));
    d.set("csrf", ctx.user->csrf);
    d.set("errors", ErrorList(all));
    d.set("has_errors", true);
    d.set("fields", FieldsForm(app, ctx.lang, *kind, nullptr, ErrorsByField(all), &typed));
    auto r = app.Page(ctx, "record_new", d, T(ctx.lang, "record.new"), Nav::kRegister);
    r.status = 422;
    return r;
  }
  app.RegisterChanged();
  return http::Response::Redirect(RecordUrl(*kind, std::get<std::string>(row[0])) + "?created=1");
}

http::Response DeleteRecord(WebApp& app, Ctx& ctx) {
  const auto kind = KindFromUrl(ctx.req.params["kind"]);
  if (!kind) return app.ErrorPage(ctx, 404, T(ctx.lang, "error.not_found"));
  if (!CanWrite(*ctx.user)) return app.ErrorPage(ctx, 403, T(ctx.lang, "error.read_only"));
  const std::string number = ctx.req.params["number"];
  if (!Load(app, ctx, *kind, number)) return app.ErrorPage(ctx, 404, T(ctx.lang, "error.record_not_found"));
  auto lease = app.pool().Acquire();
  if (auto ok = app.Service(*lease, *ctx.user)->Remove(*kind, number); !ok)
    return app.ErrorPage(ctx, 409, ok.error().message);
  app.RegisterChanged();
  return http::Response::Redirect("/register/" + std::string(UrlOf(*kind)));
}

}  // namespace mamori::web
