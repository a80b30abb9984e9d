// Internal: Beast messages to and from mamori's Request and Response.
#pragma once

#include <string>

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include "http/request.h"
#include "http/response.h"

namespace mamori::http::detail {

using BeastRequest = boost::beast::http::request<boost::beast::http::string_body>;
using BeastResponse = boost::beast::http::response<boost::beast::http::string_body>;

// Moves the body out of `message`.
Request ToRequest(BeastRequest& message, std::string remote_address, bool secure);

// The wire form of `response`: Date, Content-Length (from the body, or as the
// router set it for HEAD), Connection. Headers that could split the message
// (CR, LF, NUL, a name that is not a token) are dropped and logged.
BeastResponse ToBeast(Response response, unsigned version, bool keep_alive, bool head_request);

}  // namespace mamori::http::detail
