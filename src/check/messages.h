// The message catalogue of the checks: every sentence a finding shows, in
// Japanese and English, looked up by id. Templates use fmt named arguments:
//   Message("asset.manager.fail", english)
//   Message("system.tier_allowed.fail", english, fmt::arg("tier", …), …)
#pragma once

#include <string>
#include <string_view>

#include <fmt/format.h>

namespace mamori::check {

// The template for `id` in the language asked for; the id itself when it is
// not in the catalogue (a test asserts that every id used is there).
std::string_view MessageTemplate(std::string_view id, bool english);
bool HasMessage(std::string_view id);

template <typename... Args>
std::string Message(std::string_view id, bool english, Args&&... args) {
  return fmt::format(fmt::runtime(MessageTemplate(id, english)), std::forward<Args>(args)...);
}

}  // namespace mamori::check
