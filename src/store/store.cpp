#include "store/store.h"

#include <ctime>

#include <fmt/format.h>

namespace mamori::store {

std::string NowJst() {
  const std::time_t now = std::time(nullptr) + 9 * 3600;
  std::tm tm{};
  gmtime_r(&now, &tm);
  return fmt::format("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}+09:00", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                     tm.tm_hour, tm.tm_min, tm.tm_sec);
}

Result<Transaction> Transaction::Start(Store& store) {
  if (auto ok = store.Begin(); !ok) return Fail(ok.error());
  return Transaction(store);
}

Transaction::~Transaction() {
  if (open_) (void)store_->Rollback();
}

Result<void> Transaction::Commit() {
  open_ = false;
  return store_->Commit();
}

}  // namespace mamori::store
