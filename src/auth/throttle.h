// Rate limiting of sign-in attempts: failures are counted per login and per
// remote address; too many within the window lock that login (or address) for
// a while. Kept in memory (a restart forgets it), bounded in size, and
// thread-safe. Unknown logins are counted like known ones, so a lock reveals
// nothing about which logins exist.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "auth/clock.h"

namespace mamori::auth {

struct ThrottleOptions {
  int max_failures_per_login = 5;     // the 6th attempt within the window is refused
  int max_failures_per_address = 20;  // a whole office may share one address
  std::chrono::seconds window{std::chrono::minutes(15)};
  std::chrono::seconds lockout{std::chrono::minutes(15)};
  std::size_t max_tracked = 100000;  // keys kept at most; the stalest are forgotten first
};

class Throttle {
 public:
  Throttle(ThrottleOptions options, Clock clock);

  // How long until `login` (and `address`) may try again; zero when not locked.
  std::chrono::seconds LockedFor(std::string_view login, std::string_view address);
  // Counts a failure; true when it started a lock (of the login or the address).
  bool RecordFailure(std::string_view login, std::string_view address);
  // A successful sign-in clears the login's failures (not the address's).
  void RecordSuccess(std::string_view login);

 private:
  struct Entry {
    std::vector<TimePoint> failures;  // within the window, oldest first
    TimePoint locked_until{};
    TimePoint last_touched{};
  };
  static std::string LoginKey(std::string_view login);
  static std::string AddressKey(std::string_view address);
  std::chrono::seconds Remaining(const std::string& key, TimePoint now) const;
  bool Fail(const std::string& key, int limit, TimePoint now);
  void Forget(TimePoint now);

  const ThrottleOptions options_;
  const Clock clock_;
  std::mutex mutex_;
  std::map<std::string, Entry, std::less<>> entries_;
};

}  // namespace mamori::auth
