#include "policy/suggest.h"

#include <algorithm>

namespace mamori::policy {

std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

std::string Nearest(std::string_view word, const std::vector<std::string_view>& candidates) {
  // Inputs from a hostile file can be long: never compare more than this.
  constexpr std::size_t kMaxWord = 128;
  if (word.empty() || word.size() > kMaxWord) return {};
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (auto c : candidates) {
    if (c.size() > kMaxWord) continue;
    const std::size_t d = EditDistance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = std::string(c);
    }
  }
  return best;
}

std::string Nearest(std::string_view word, const std::vector<std::string>& candidates) {
  std::vector<std::string_view> views(candidates.begin(), candidates.end());
  return Nearest(word, views);
}

std::string JoinKeys(const std::vector<std::string_view>& keys, std::size_t max) {
  std::string out;
  for (std::size_t i = 0; i < keys.size() && i < max; ++i) {
    if (!out.empty()) out += ", ";
    out += keys[i];
  }
  if (keys.size() > max) out += ", …";
  return out;
}

}  // namespace mamori::policy
