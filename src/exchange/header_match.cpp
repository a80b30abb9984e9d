#include "exchange/header_match.h"

#include <algorithm>

#include "common/text.h"

namespace mamori::exchange {
namespace {

// "資産番号※" "※資産番号" "*資産番号" "機密性(c)" "資産番号(※必須)" → the name without its mark or note.
std::string StripDecoration(std::string folded) {
  constexpr std::string_view kKome = "※";
  bool changed = true;
  while (changed && !folded.empty()) {
    changed = false;
    if (folded.back() == '*') { folded.pop_back(); changed = true; }
    if (!folded.empty() && folded.front() == '*') { folded.erase(0, 1); changed = true; }
    if (folded.starts_with(kKome)) { folded.erase(0, kKome.size()); changed = true; }
    if (folded.ends_with(kKome)) { folded.resize(folded.size() - kKome.size()); changed = true; }
    if (folded.size() > 2 && folded.back() == ')') {
      const auto open = folded.rfind('(');
      if (open != std::string::npos && open > 0) { folded.resize(open); changed = true; }
    }
  }
  return folded;
}

}  // namespace

HeaderIndex::HeaderIndex(const reg::EntityInfo& info) : info_(&info) {
  for (std::size_t i = 0; i < info.fields.size(); ++i) {
    const auto& f = info.fields[i];
    auto add = [&](std::string_view name) {
      std::string folded = text::FoldKey(name);
      if (folded.empty()) return;
      const std::pair<std::string, std::size_t> entry{std::move(folded), i};
      if (std::find(names_.begin(), names_.end(), entry) == names_.end()) names_.push_back(entry);
    };
    add(f.label_ja);
    add(f.label_en);
    add(f.key);
    for (auto a : f.aliases) add(a);
  }
  std::sort(names_.begin(), names_.end());
}

std::vector<std::size_t> HeaderIndex::LookupFolded(const std::string& folded) const {
  std::vector<std::size_t> fields;
  auto it = std::lower_bound(names_.begin(), names_.end(), folded,
                             [](const auto& entry, const std::string& key) { return entry.first < key; });
  for (; it != names_.end() && it->first == folded; ++it) fields.push_back(it->second);
  return fields;
}

std::vector<std::size_t> HeaderIndex::Lookup(const std::string& folded) const {
  if (folded.empty()) return {};
  auto fields = LookupFolded(folded);
  if (!fields.empty()) return fields;
  const std::string stripped = StripDecoration(folded);
  if (stripped.empty() || stripped == folded) return {};
  return LookupFolded(stripped);
}

HeaderMatch MatchHeader(const HeaderIndex& index, const std::vector<std::string>& row) {  // row: folded
  HeaderMatch m;
  m.field_of_column.resize(row.size());
  m.ambiguous.resize(row.size(), false);
  std::vector<bool> seen(index.Entity().fields.size(), false);
  for (std::size_t c = 0; c < row.size(); ++c) {
    const auto fields = index.Lookup(row[c]);
    if (fields.empty()) continue;
    m.field_of_column[c] = fields.front();
    m.ambiguous[c] = fields.size() > 1;
    if (!seen[fields.front()]) {
      seen[fields.front()] = true;
      ++m.matched_fields;
    }
  }
  m.has_number = !seen.empty() && seen[0];
  return m;
}

}  // namespace mamori::exchange
