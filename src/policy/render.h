// A profile for people (`mamori profile show`) and for programs (JSON).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "policy/profile.h"

namespace mamori::policy {

// Japanese (or English) text: body, base, parent, scheme, tier model, My Number
// mode, sanitized directions, audit regime, documents, revisions in 和暦, rules
// with the labels of the clauses they cite.
std::string RenderProfileText(const Profile& profile, bool english = false);

nlohmann::json ProfileToJson(const Profile& profile);

}  // namespace mamori::policy
