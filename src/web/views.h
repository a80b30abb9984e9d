// Server-rendered pages: mustache templates embedded in the binary, translated
// once per language at start-up, rendered inside the common layout.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <kainjow/mustache.hpp>

#include "web/access.h"
#include "web/i18n.h"

namespace mamori::http {
class StaticAssets;
}

namespace mamori::web {

using Data = kainjow::mustache::data;

// A list for a template's {{#items}} section.
inline Data List() { return Data(Data::type::list); }

struct LayoutInfo {
  std::string body_name;  // 直方市
  std::string profile_id;
};

// Which part of the navigation is current.
enum class Nav { kNone, kDashboard, kRegister, kFindings, kPolicy, kHistory, kImport, kAdmin, kNetwork };

class Views {
 public:
  Views(const http::StaticAssets& assets, LayoutInfo info);
  // A whole page: the template rendered into the layout.
  std::string Page(Lang lang, std::string_view name, const Data& data, std::string_view title, const Principal* user,
                   Nav nav, std::string_view path) const;
  // The template alone (htmx partial updates).
  std::string Fragment(Lang lang, std::string_view name, const Data& data) const;

 private:
  const http::StaticAssets& assets_;
  LayoutInfo info_;
};

}  // namespace mamori::web
