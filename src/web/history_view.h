// Change-history lines as the screens show them: who, when (和暦 beside the
// ISO time), what, and field by field before → after.
#pragma once

#include <vector>

#include "policy/profile.h"
#include "store/store.h"
#include "web/i18n.h"
#include "web/views.h"

namespace mamori::web {

Data HistoryRows(const policy::Profile& profile, const std::vector<store::HistoryEntry>& lines, Lang lang);

// "2026-11-22T14:03:05+09:00" → "令和8年11月22日 14:03" (or "2026-11-22 14:03" in English).
std::string DisplayTime(std::string_view iso, Lang lang);

}  // namespace mamori::web
