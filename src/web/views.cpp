#include "web/views.h"

#include <map>
#include <stdexcept>

#include "TemplateFiles.h"
#include "http/static_assets.h"
#include "register/schema.h"

namespace mamori::web {

namespace {

using Template = kainjow::mustache::mustache;

// Compiled templates per thread: kainjow's render is not const, so each io
// thread keeps its own copies (a few dozen small trees).
Template& Compiled(Lang lang, std::string_view name) {
  thread_local std::map<std::pair<Lang, std::string>, std::unique_ptr<Template>> cache;
  const auto key = std::make_pair(lang, std::string(name));
  auto it = cache.find(key);
  if (it == cache.end()) {
    const std::string file = std::string(name) + ".mustache";
    std::string_view source;
    for (const auto& f : TemplateFiles())
      if (f.name == file) source = f.data;
    if (source.empty()) throw std::logic_error("no template " + file);
    auto compiled = std::make_unique<Template>(Translate(source, lang));
    if (!compiled->is_valid()) throw std::logic_error("template " + file + ": " + compiled->error_message());
    it = cache.emplace(key, std::move(compiled)).first;
  }
  return *it->second;
}

}  // namespace

Views::Views(const http::StaticAssets& assets, LayoutInfo info) : assets_(assets), info_(std::move(info)) {}

std::string Views::Fragment(Lang lang, std::string_view name, const Data& data) const {
  return Compiled(lang, name).render(data);
}

std::string Views::Page(Lang lang, std::string_view name, const Data& data, std::string_view title,
                        const Principal* user, Nav nav, std::string_view path) const {
  Data layout;
  layout.set("content", Fragment(lang, name, data));
  layout.set("title", std::string(title));
  layout.set("lang", std::string(LangCode(lang)));
  layout.set("other_lang", English(lang) ? "ja" : "en");
  layout.set("other_lang_label", English(lang) ? "日本語" : "English");
  layout.set("path", std::string(path));
  layout.set("body_name", info_.body_name);
  layout.set("css_pico", assets_.Url("pico.min.css"));
  layout.set("css_app", assets_.Url("app.css"));
  layout.set("js_htmx", assets_.Url("htmx.min.js"));
  layout.set("js_app", assets_.Url("app.js"));
  if (user) {
    Data u;
    u.set("login", user->login);
    u.set("name", user->display_name.empty() ? user->login : user->display_name);
    u.set("role", user->role ? std::string(reg::RoleLabel(*user->role, English(lang))) : std::string());
    u.set("csrf", user->csrf);
    if (user->admin) u.set("admin", true);
    if (SeesEverything(*user)) u.set("sees_all", true);
    if (SeesNetwork(*user)) u.set("sees_network", true);
    layout.set("user", u);
  }
  const std::pair<Nav, const char*> navs[] = {{Nav::kDashboard, "nav_dashboard"}, {Nav::kRegister, "nav_register"},
                                              {Nav::kFindings, "nav_findings"},   {Nav::kPolicy, "nav_policy"},
                                              {Nav::kHistory, "nav_history"}, {Nav::kNetwork, "nav_network"},     {Nav::kImport, "nav_import"},
                                              {Nav::kAdmin, "nav_admin"}};
  for (const auto& [n, key] : navs)
    if (n == nav) layout.set(key, true);
  return Compiled(lang, "layout").render(layout);
}

}  // namespace mamori::web
