#include "check/snapshot.h"

#include "register/schema.h"

namespace mamori::check {
namespace {

template <typename T>
Result<void> LoadAll(store::Store& store, std::vector<T>& out) {
  auto count = store.Count(reg::KindOf<T>());
  if (!count) return Fail(count.error());
  out.reserve(static_cast<std::size_t>(*count));
  return store.Scan(reg::KindOf<T>(), [&out](reg::Row&& row) -> Result<void> {
    auto record = reg::FromRow<T>(std::move(row));
    if (!record) return Fail(record.error());
    out.push_back(std::move(*record));
    return {};
  });
}

}  // namespace

Result<RegisterSnapshot> LoadSnapshot(store::Store& store) {
  RegisterSnapshot s;
  for (auto ok : {LoadAll(store, s.organs), LoadAll(store, s.departments), LoadAll(store, s.people),
                  LoadAll(store, s.assets), LoadAll(store, s.systems), LoadAll(store, s.terminals),
                  LoadAll(store, s.inspections), LoadAll(store, s.segments), LoadAll(store, s.gateways),
                  LoadAll(store, s.connections), LoadAll(store, s.flows)}) {
    if (!ok) return Fail(ok.error());
  }
  return s;
}

}  // namespace mamori::check
