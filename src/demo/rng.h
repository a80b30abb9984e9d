// Deterministic randomness for the demo body. std::mt19937_64's output is
// fixed by the standard; the distributions are not, so the helpers that turn
// raw output into numbers are written here.
#pragma once

#include <cstdint>
#include <random>
#include <vector>

namespace mamori::demo {

class Rng {
 public:
  // One independent stream per part of the register (people, assets …), so
  // that changing one part does not reshuffle the others.
  Rng(std::uint64_t seed, std::uint64_t stream);

  std::uint64_t Next() { return engine_(); }
  std::size_t Below(std::size_t n);  // uniform in [0, n); n > 0
  double Unit();                     // uniform in [0, 1), 53 bits
  bool Chance(double p) { return Unit() < p; }
  // Skewed toward small indices (common surnames first): min of two draws.
  std::size_t BelowSkewed(std::size_t n);

  template <typename T>
  const T& Pick(const std::vector<T>& v) { return v[Below(v.size())]; }

  // k distinct indices of [0, n), ascending (k is capped at n).
  std::vector<std::size_t> Sample(std::size_t n, std::size_t k);

 private:
  std::mt19937_64 engine_;
};

// Splits `total` in proportion to `weights` (largest remainder), after giving
// each part its `minimum` while the total allows.
std::vector<std::size_t> Apportion(std::size_t total, const std::vector<std::size_t>& weights,
                                   const std::vector<std::size_t>& minimum);

}  // namespace mamori::demo
