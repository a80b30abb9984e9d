#include "policy/merge.h"

#include <array>
#include <algorithm>

namespace mamori::policy {
namespace {

Node Merge(const Node& base, const Node& derived) {
  if (!base.IsMap() || !derived.IsMap()) return derived;
  Node out = base;
  out.pos = derived.pos;
  for (const auto& e : derived.entries) {
    auto it = std::find_if(out.entries.begin(), out.entries.end(), [&](const MapEntry& m) { return m.key == e.key; });
    if (e.value.IsNull()) {
      if (it != out.entries.end()) out.entries.erase(it);
      continue;
    }
    if (it == out.entries.end()) {
      out.entries.push_back(e);
    } else {
      it->value = Merge(it->value, e.value);
      it->key_pos = e.key_pos;
    }
  }
  return out;
}

}  // namespace

bool IsOwnKey(std::string_view key) {
  constexpr std::array<std::string_view, 11> kOwn{"id",      "base",    "name",      "kind",  "title", "seed",
                                                  "version", "parent", "preface", "revisions", "notes"};
  return std::find(kOwn.begin(), kOwn.end(), key) != kOwn.end();
}

Node MergeProfiles(const Node& base, const Node& derived) {
  if (!base.IsMap() || !derived.IsMap()) return derived;
  Node inherited = base;
  std::erase_if(inherited.entries, [](const MapEntry& e) { return IsOwnKey(e.key); });
  return Merge(inherited, derived);
}

}  // namespace mamori::policy
