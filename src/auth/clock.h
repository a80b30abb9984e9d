// Time for sign-in: an injected clock, so that tests move time instead of sleeping.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

namespace mamori::auth {

using TimePoint = std::chrono::system_clock::time_point;
using Clock = std::function<TimePoint()>;

// The system clock when `clock` is empty.
inline Clock OrSystemClock(Clock clock) {
  if (clock) return clock;
  return [] { return std::chrono::system_clock::now(); };
}

std::int64_t UnixSeconds(TimePoint t);

// 2026-11-22T14:03:05+09:00, as the change history writes times.
std::string IsoJst(TimePoint t);

}  // namespace mamori::auth
