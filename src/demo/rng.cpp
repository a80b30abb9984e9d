#include "demo/rng.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace mamori::demo {
namespace {

std::uint64_t SplitMix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

}  // namespace

Rng::Rng(std::uint64_t seed, std::uint64_t stream) : engine_(SplitMix64(seed ^ SplitMix64(stream))) {}

std::size_t Rng::Below(std::size_t n) {
  if (n <= 1) return 0;
  const std::uint64_t bound = n;
  // Rejection keeps every value equally likely.
  const std::uint64_t limit = std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % bound;
  std::uint64_t x = engine_();
  while (x >= limit) x = engine_();
  return static_cast<std::size_t>(x % bound);
}

double Rng::Unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

std::size_t Rng::BelowSkewed(std::size_t n) { return std::min(Below(n), Below(n)); }

std::vector<std::size_t> Rng::Sample(std::size_t n, std::size_t k) {
  k = std::min(k, n);
  std::vector<std::size_t> out;
  if (k == 0) return out;
  if (k * 4 >= n) {  // dense: partial Fisher–Yates over all indices
    std::vector<std::size_t> all(n);
    std::iota(all.begin(), all.end(), std::size_t{0});
    for (std::size_t i = 0; i < k; ++i) std::swap(all[i], all[i + Below(n - i)]);
    out.assign(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(k));
  } else {  // sparse: draw until k distinct
    std::vector<bool> taken(n, false);
    while (out.size() < k) {
      const std::size_t i = Below(n);
      if (!taken[i]) {
        taken[i] = true;
        out.push_back(i);
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::size_t> Apportion(std::size_t total, const std::vector<std::size_t>& weights,
                                   const std::vector<std::size_t>& minimum) {
  const std::size_t n = weights.size();
  std::vector<std::size_t> out(n, 0);
  if (n == 0) return out;
  const std::size_t min_sum = std::accumulate(minimum.begin(), minimum.end(), std::size_t{0});
  std::size_t rest = total;
  if (min_sum <= total) {
    out = minimum;
    rest = total - min_sum;
  }
  const std::size_t weight_sum = std::accumulate(weights.begin(), weights.end(), std::size_t{0});
  if (weight_sum == 0 || rest == 0) return out;
  std::vector<std::pair<std::size_t, std::size_t>> remainders;  // (remainder, index)
  std::size_t given = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t exact = rest * weights[i];
    out[i] += exact / weight_sum;
    given += exact / weight_sum;
    remainders.emplace_back(exact % weight_sum, i);
  }
  std::stable_sort(remainders.begin(), remainders.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t i = 0; given < rest; ++i, ++given) ++out[remainders[i % n].second];
  return out;
}

}  // namespace mamori::demo
