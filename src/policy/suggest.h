// "Did you mean …?" for unknown keys, ids and enum values.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mamori::policy {

// Levenshtein distance in bytes (profile keys and ids are ASCII).
std::size_t EditDistance(std::string_view a, std::string_view b);

// The candidate nearest to `word` when it is close enough to be a likely
// typo, else empty.
std::string Nearest(std::string_view word, const std::vector<std::string_view>& candidates);
std::string Nearest(std::string_view word, const std::vector<std::string>& candidates);

// "a, b, c" for messages (at most `max` items, then "…").
std::string JoinKeys(const std::vector<std::string_view>& keys, std::size_t max = 12);

}  // namespace mamori::policy
