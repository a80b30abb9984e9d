// The network model written as YAML (docs/network.md): segments, gateways,
// connections and flows, each a list of records whose keys are the register's
// field keys or their Japanese headers. Read into rows for the register
// service's all-or-nothing import; every problem names file:line:column.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "register/schema.h"

namespace mamori::net {

struct YamlSheet {
  reg::EntityKind kind;
  std::vector<reg::Row> rows;
  std::vector<std::uint64_t> lines;  // the line each record starts on
};

Result<std::vector<YamlSheet>> ReadNetworkYaml(std::string_view text, std::string_view file);

}  // namespace mamori::net
