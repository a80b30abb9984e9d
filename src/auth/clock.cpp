#include "auth/clock.h"

#include <ctime>

#include <fmt/format.h>

namespace mamori::auth {

std::int64_t UnixSeconds(TimePoint t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

std::string IsoJst(TimePoint t) {
  const std::time_t jst = static_cast<std::time_t>(UnixSeconds(t) + 9 * 3600);
  std::tm tm{};
  gmtime_r(&jst, &tm);
  return fmt::format("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}+09:00", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                     tm.tm_hour, tm.tm_min, tm.tm_sec);
}

}  // namespace mamori::auth
