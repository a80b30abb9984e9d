#include "web/history_view.h"

#include <nlohmann/json.hpp>

#include "common/wareki.h"
#include "register/schema.h"
#include "web/register_view.h"

namespace mamori::web {

std::string DisplayTime(std::string_view iso, Lang lang) {
  if (iso.size() < 16) return std::string(iso);
  const std::string hm(iso.substr(11, 5));
  if (English(lang)) return std::string(iso.substr(0, 10)) + " " + hm;
  auto date = ParseDate(iso.substr(0, 10));
  if (!date) return std::string(iso);
  return ToWareki(*date) + " " + hm;
}

namespace {

std::string JsonText(const nlohmann::json& v) {
  if (v.is_null()) return {};
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "はい" : "いいえ";
  if (v.is_array()) {
    std::string out;
    for (const auto& x : v) out += (out.empty() ? "" : "、") + JsonText(x);
    return out;
  }
  return v.dump();
}

// A value of the history's JSON as the register screens show it (enum labels,
// はい/いいえ …), through the field's own formatting.
std::string ValueText(std::string_view entity, std::string_view key, const nlohmann::json& v, Lang lang) {
  if (v.is_null()) return {};
  auto kind = reg::KindFromKey(entity);
  if (kind)
    for (const auto& f : reg::Info(*kind).fields) {
      if (f.key != key) continue;
      reg::Value value;
      if (v.is_string()) value = v.get<std::string>();
      else if (v.is_boolean()) value = static_cast<std::int64_t>(v.get<bool>() ? 1 : 0);
      else if (v.is_number_integer()) value = v.get<std::int64_t>();
      else if (v.is_array()) {
        std::vector<std::string> items;
        for (const auto& x : v)
          if (x.is_string()) items.push_back(x.get<std::string>());
        value = std::move(items);
      } else {
        break;
      }
      return reg::FormatValue(f, value, English(lang));
    }
  return JsonText(v);
}

std::string_view LabelOfKey(std::string_view entity, std::string_view key, Lang lang) {
  auto kind = reg::KindFromKey(entity);
  if (!kind) return key;
  for (const auto& f : reg::Info(*kind).fields)
    if (f.key == key) return FieldLabel(f, lang);
  return key;
}

}  // namespace

Data HistoryRows(const policy::Profile& /*profile*/, const std::vector<store::HistoryEntry>& lines, Lang lang) {
  Data rows = List();
  for (const auto& e : lines) {
    Data r;
    r.set("at", DisplayTime(e.at, lang));
    r.set("at_iso", e.at);
    r.set("actor", e.actor);
    r.set("action", std::string(T(lang, "history.action." + e.action)));
    r.set("entity", e.entity);
    r.set("number", e.number);
    if (auto kind = reg::KindFromKey(e.entity); kind && e.action != "delete") r.set("url", RecordUrl(*kind, e.number));
    if (auto kind = reg::KindFromKey(e.entity)) r.set("entity_label", std::string(KindLabel(*kind, lang)));
    if (!e.batch.empty()) r.set("batch", e.batch);
    const auto before = nlohmann::json::parse(e.before.empty() ? "{}" : e.before, nullptr, false);
    const auto after = nlohmann::json::parse(e.after.empty() ? "{}" : e.after, nullptr, false);
    Data changes = List();
    if (before.is_object() && after.is_object()) {
      std::vector<std::string> keys;
      for (const auto& [k, v] : before.items()) keys.push_back(k);
      for (const auto& [k, v] : after.items())
        if (!before.contains(k)) keys.push_back(k);
      for (const auto& k : keys) {
        const auto b = before.contains(k) ? before[k] : nlohmann::json();
        const auto a = after.contains(k) ? after[k] : nlohmann::json();
        if (a == b) continue;
        Data c;
        c.set("field", std::string(LabelOfKey(e.entity, k, lang)));
        c.set("before", ValueText(e.entity, k, b, lang));
        c.set("after", ValueText(e.entity, k, a, lang));
        changes.push_back(c);
      }
    }
    r.set("changes", changes);
    rows.push_back(r);
  }
  return rows;
}

}  // namespace mamori::web
