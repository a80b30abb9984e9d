// The catalogue of the web screens (messages.cpp), sorted by key.
#pragma once

#include <span>
#include <string_view>

namespace mamori::web {

struct Message {
  std::string_view key;
  std::string_view ja;
  std::string_view en;
};

std::span<const Message> Messages();

}  // namespace mamori::web
