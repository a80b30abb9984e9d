#include "web/store_pool.h"

namespace mamori::web {

Result<std::unique_ptr<StorePool>> StorePool::Create(Opener open, std::size_t size) {
  auto pool = std::make_unique<StorePool>();
  for (std::size_t i = 0; i < std::max<std::size_t>(size, 1); ++i) {
    auto store = open();
    if (!store) return Fail(store.error());
    pool->free_.push_back(std::move(*store));
  }
  return pool;
}

StorePool::Lease StorePool::Acquire() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [this] { return !free_.empty(); });
  auto store = std::move(free_.back());
  free_.pop_back();
  return Lease(this, std::move(store));
}

StorePool::Lease::~Lease() {
  if (!store_) return;
  {
    std::lock_guard lock(pool_->mutex_);
    pool_->free_.push_back(std::move(store_));
  }
  pool_->available_.notify_one();
}

}  // namespace mamori::web
