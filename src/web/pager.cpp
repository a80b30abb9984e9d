#include "web/pager.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "http/url.h"

namespace mamori::web {

std::size_t PageNumber(const http::Request& req) {
  const auto text = req.Query("page").value_or("1");
  std::size_t n = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  return ec == std::errc() && p == text.data() + text.size() && n > 0 ? n : 1;
}

std::string PageLink(const http::Request& req, std::string_view path, std::size_t n) {
  std::string url = std::string(path) + "?";
  for (const auto& [k, v] : req.QueryParams())
    if (k != "page") url += http::UrlEncode(k) + "=" + http::UrlEncode(v) + "&";
  return url + "page=" + std::to_string(n);
}

void SetPager(Data& d, Lang lang, std::size_t page_no, std::size_t total, std::size_t page_size,
              const std::function<std::string(std::size_t)>& link) {
  const std::size_t pages = std::max<std::size_t>(1, (total + page_size - 1) / page_size);
  d.set("page_info", fmt::format(fmt::runtime(std::string(T(lang, "register.page_of"))), page_no, pages));
  if (page_no > 1) d.set("prev_url", link(page_no - 1));
  if (page_no < pages) d.set("next_url", link(page_no + 1));
}

}  // namespace mamori::web
