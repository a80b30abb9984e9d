// Paging of the list screens: the page asked for, and the pager's links.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "http/request.h"
#include "web/i18n.h"
#include "web/views.h"

namespace mamori::web {

// The `page` query parameter, 1 when absent or not a number.
std::size_t PageNumber(const http::Request& req);

// `path` with the request's query parameters except `page`, and page=n.
std::string PageLink(const http::Request& req, std::string_view path, std::size_t n);

// Sets page_info ("2 / 7 ページ"), prev_url and next_url for the pager of a
// list of `total` items in pages of `page_size`.
void SetPager(Data& d, Lang lang, std::size_t page_no, std::size_t total, std::size_t page_size,
              const std::function<std::string(std::size_t)>& link);

}  // namespace mamori::web
