#include "auth/throttle.h"

#include <algorithm>

#include "common/text.h"

namespace mamori::auth {

Throttle::Throttle(ThrottleOptions options, Clock clock)
    : options_(std::move(options)), clock_(OrSystemClock(std::move(clock))) {}

std::string Throttle::LoginKey(std::string_view login) {
  std::string key = "login:" + text::Nfkc(text::Trim(login));
  for (auto& c : key)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return key;
}

std::string Throttle::AddressKey(std::string_view address) { return "addr:" + std::string(address); }

std::chrono::seconds Throttle::Remaining(const std::string& key, TimePoint now) const {
  auto it = entries_.find(key);
  if (it == entries_.end() || it->second.locked_until <= now) return std::chrono::seconds(0);
  return std::chrono::ceil<std::chrono::seconds>(it->second.locked_until - now);
}

std::chrono::seconds Throttle::LockedFor(std::string_view login, std::string_view address) {
  const auto now = clock_();
  std::lock_guard lock(mutex_);
  auto remaining = Remaining(LoginKey(login), now);
  if (!address.empty()) remaining = std::max(remaining, Remaining(AddressKey(address), now));
  return remaining;
}

bool Throttle::Fail(const std::string& key, int limit, TimePoint now) {
  auto& e = entries_[key];
  e.last_touched = now;
  auto& f = e.failures;
  f.erase(f.begin(), std::find_if(f.begin(), f.end(), [&](TimePoint t) { return now - t < options_.window; }));
  f.push_back(now);
  if (static_cast<int>(f.size()) < limit) return false;
  e.locked_until = now + options_.lockout;
  f.clear();  // after the lock, counting starts afresh
  return true;
}

bool Throttle::RecordFailure(std::string_view login, std::string_view address) {
  const auto now = clock_();
  std::lock_guard lock(mutex_);
  Forget(now);
  bool locked = Fail(LoginKey(login), options_.max_failures_per_login, now);
  if (!address.empty()) locked = Fail(AddressKey(address), options_.max_failures_per_address, now) || locked;
  return locked;
}

void Throttle::RecordSuccess(std::string_view login) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(LoginKey(login));
  if (it != entries_.end() && it->second.locked_until <= clock_()) entries_.erase(it);
}

// Keeps the map bounded: entries with nothing to remember go first, then the stalest.
void Throttle::Forget(TimePoint now) {
  if (entries_.size() < options_.max_tracked) return;
  for (auto it = entries_.begin(); it != entries_.end();) {
    const bool idle = it->second.locked_until <= now && now - it->second.last_touched >= options_.window;
    it = idle ? entries_.erase(it) : std::next(it);
  }
  while (entries_.size() >= options_.max_tracked) {
    auto stalest = std::min_element(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) {
      return a.second.last_touched < b.second.last_touched;
    });
    entries_.erase(stalest);
  }
}

}  // namespace mamori::auth
