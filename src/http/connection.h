// Internal: one accepted connection, plain or TLS, as an asynchronous state
// machine on its own strand (see connection.cpp).
#pragma once

#include <string>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>

#include "http/server_state.h"

namespace mamori::http::detail {

// Takes over `socket` (whose executor is a strand) and serves requests on it
// until the peer leaves, a limit or timeout is reached or the server stops.
// `tls` is null for plain HTTP.
void StartConnection(ServerState& state, boost::asio::ip::tcp::socket socket, boost::asio::ssl::context* tls);

}  // namespace mamori::http::detail
