// Derivation of a profile from its base (internal).
#pragma once

#include <string_view>

#include "policy/yaml_node.h"

namespace mamori::policy {

// `derived` over `base`: mappings merge key by key, sequences and scalars
// replace, a key set to null is removed. Top-level keys that describe the file
// itself (id, base, name, kind, title, seed, version, parent, preface,
// revisions, notes) are never inherited.
Node MergeProfiles(const Node& base, const Node& derived);

// The top-level keys MergeProfiles does not inherit.
bool IsOwnKey(std::string_view top_level_key);

}  // namespace mamori::policy
