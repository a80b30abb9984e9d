// The findings the screens show: computed in the background from the whole
// register (a check of 100,000 assets takes most of a second), recomputed after
// every change, served from memory meanwhile.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "check/finding.h"
#include "policy/profile.h"
#include "web/i18n.h"
#include "web/store_pool.h"

namespace mamori::web {

struct FindingsRun {
  std::vector<check::Finding> ja, en;  // the same findings in each language
  std::vector<std::string> tier;       // tier key of each finding's subject ("" when it has none)
  check::Summary summary;
  std::string computed_at;  // ISO 8601 JST
  std::string error;        // the register could not be read
  const std::vector<check::Finding>& In(Lang lang) const { return lang == Lang::kEn ? en : ja; }
};

class FindingsCache {
 public:
  FindingsCache(const policy::Profile& profile, StorePool& pool, std::function<Date()> today);
  ~FindingsCache();
  FindingsCache(const FindingsCache&) = delete;
  FindingsCache& operator=(const FindingsCache&) = delete;

  // The latest run; computes the first one synchronously.
  std::shared_ptr<const FindingsRun> Current();
  // The register changed: compute again in the background.
  void Invalidate();
  // Blocks until no recomputation is pending (tests, the benchmark's warm-up).
  void WaitIdle();

 private:
  std::shared_ptr<const FindingsRun> Compute();
  void Loop(std::stop_token stop);

  const policy::Profile& profile_;
  StorePool& pool_;
  std::function<Date()> today_;
  std::mutex mutex_;
  std::condition_variable_any changed_;
  std::shared_ptr<const FindingsRun> current_;
  bool dirty_ = false;
  bool busy_ = false;
  std::jthread worker_;
};

}  // namespace mamori::web
