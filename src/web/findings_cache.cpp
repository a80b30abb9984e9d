#include "web/findings_cache.h"

#include <nlohmann/json.hpp>

#include "check/engine.h"
#include "check/snapshot.h"
#include "register/schema.h"

#include <unordered_map>

namespace mamori::web {

FindingsCache::FindingsCache(const policy::Profile& profile, StorePool& pool, std::function<Date()> today)
    : profile_(profile), pool_(pool), today_(std::move(today)) {
  worker_ = std::jthread([this](std::stop_token stop) { Loop(stop); });
}

FindingsCache::~FindingsCache() {
  worker_.request_stop();
  changed_.notify_all();
}

std::shared_ptr<const FindingsRun> FindingsCache::Compute() {
  auto run = std::make_shared<FindingsRun>();
  run->computed_at = store::NowJst();
  auto lease = pool_.Acquire();
  auto snapshot = check::LoadSnapshot(*lease);
  if (!snapshot) {
    run->error = snapshot.error().message;
    return run;
  }
  check::CheckOptions options;
  options.today = today_();
  run->ja = check::RunChecks(profile_, *snapshot, options);
  options.english = true;
  run->en = check::RunChecks(profile_, *snapshot, options);
  run->summary = check::Summarize(run->ja);
  // Which tier each subject is placed in (for the dashboard's "by tier").
  std::unordered_map<std::string, std::string> tiers;
  for (const auto& a : snapshot->assets)
    if (a.tier) tiers.emplace("asset/" + a.number, std::string(reg::TierKey(*a.tier)));
  for (const auto& s : snapshot->systems)
    if (s.tier) tiers.emplace("system/" + s.number, std::string(reg::TierKey(*s.tier)));
  for (const auto& t : snapshot->terminals)
    if (t.tier) tiers.emplace("terminal/" + t.number, std::string(reg::TierKey(*t.tier)));
  run->tier.reserve(run->ja.size());
  for (const auto& f : run->ja) {
    auto it = tiers.find(f.subject.type + "/" + f.subject.id);
    run->tier.push_back(it == tiers.end() ? std::string() : it->second);
  }
  // One summary a day is kept, so the dashboard can say what changed since last week.
  const auto day = run->computed_at.substr(0, 10);
  (void)lease->PutSetting("findings_summary/" + day,
                          nlohmann::json{{"fail", run->summary.fail},
                                         {"unknown", run->summary.unknown},
                                         {"pass", run->summary.pass}}
                              .dump());
  return run;
}

std::shared_ptr<const FindingsRun> FindingsCache::Current() {
  {
    std::lock_guard lock(mutex_);
    if (current_) return current_;
  }
  auto run = Compute();
  std::lock_guard lock(mutex_);
  if (!current_) current_ = run;
  return current_;
}

void FindingsCache::Invalidate() {
  {
    std::lock_guard lock(mutex_);
    dirty_ = true;
  }
  changed_.notify_all();
}

void FindingsCache::WaitIdle() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return !dirty_ && !busy_; });
}

void FindingsCache::Loop(std::stop_token stop) {
  std::unique_lock lock(mutex_);
  while (!stop.stop_requested()) {
    changed_.wait(lock, stop, [this] { return dirty_; });
    if (stop.stop_requested()) return;
    dirty_ = false;
    busy_ = true;
    lock.unlock();
    auto run = Compute();
    lock.lock();
    current_ = std::move(run);
    busy_ = false;
    changed_.notify_all();
  }
}

}  // namespace mamori::web
