// SQLite connections for the web threads: one per request at a time.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "common/error.h"
#include "store/store.h"

namespace mamori::web {

class StorePool {
 public:
  using Opener = std::function<Result<std::unique_ptr<store::Store>>()>;
  // Opens `size` connections now (an error opening any is returned by Create).
  static Result<std::unique_ptr<StorePool>> Create(Opener open, std::size_t size);

  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<store::Store> store) : pool_(pool), store_(std::move(store)) {}
    Lease(Lease&&) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    ~Lease();
    store::Store& operator*() const { return *store_; }
    store::Store* operator->() const { return store_.get(); }

   private:
    StorePool* pool_;
    std::unique_ptr<store::Store> store_;
  };
  // Waits for a free connection.
  Lease Acquire();

 private:
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<store::Store>> free_;
};

}  // namespace mamori::web
