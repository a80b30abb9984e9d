// The IMF-fixdate of RFC 9110 §5.6.7, for the Date header: "Sun, 06 Nov 1994 08:49:37 GMT".
#pragma once

#include <chrono>
#include <string>

namespace mamori::http {

std::string HttpDate(std::chrono::system_clock::time_point when);

}  // namespace mamori::http
