#include "store/store.h"

namespace mamori::store {

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
