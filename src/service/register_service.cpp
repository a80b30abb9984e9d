#include "service/register_service.h"

#include <algorithm>
#include <chrono>
#include <random>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/text.h"
#include "net/address.h"

namespace mamori::service {
namespace {

using reg::EntityKind;
using reg::Row;

constexpr std::size_t kMaxNumberLength = 64;

std::string NumberOf(const Row& row) {
  const auto* s = std::get_if<std::string>(&row.front());
  return s ? *s : std::string();
}

bool Contains(const std::vector<std::string>& codes, const std::string& value) {
  if (std::find(codes.begin(), codes.end(), value) != codes.end()) return true;
  const std::string key = text::FoldKey(value);
  return std::any_of(codes.begin(), codes.end(), [&](const auto& c) { return text::FoldKey(c) == key; });
}

// Level codes are stored as the profile writes them ("3A", not "３ａ").
void NormalizeLevel(const std::vector<std::string>& codes, reg::Value& value) {
  auto* s = std::get_if<std::string>(&value);
  if (!s || std::find(codes.begin(), codes.end(), *s) != codes.end()) return;
  const std::string key = text::FoldKey(*s);
  for (const auto& c : codes)
    if (text::FoldKey(c) == key) *s = c;
}

const std::vector<std::string>* CodesFor(const LevelCodes& levels, std::string_view field) {
  if (field == "confidentiality") return &levels.confidentiality;
  if (field == "integrity") return &levels.integrity;
  if (field == "availability") return &levels.availability;
  return nullptr;
}

std::string NewBatchId() {
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  std::random_device rd;
  return fmt::format("import-{}-{:04x}", std::chrono::duration_cast<std::chrono::seconds>(now).count(), rd() & 0xffff);
}

Row Normalized(const LevelCodes& levels, EntityKind kind, Row row) {
  const auto& fields = reg::Info(kind).fields;
  for (std::size_t i = 0; i < fields.size() && i < row.size(); ++i) {
    if (const auto* codes = CodesFor(levels, fields[i].key); codes && kind == EntityKind::kAsset)
      NormalizeLevel(*codes, row[i]);
    if (auto* s = std::get_if<std::string>(&row[i])) {
      const std::string_view trimmed = text::Trim(*s);
      if (trimmed.size() != s->size()) *s = std::string(trimmed);  // most cells need no copy
    }
  }
  return row;
}

}  // namespace

IncomingSheet MakeIncomingSheet(EntityKind kind, std::string sheet_name, std::vector<Row>&& rows,
                                const std::vector<std::uint64_t>& source_rows) {
  IncomingSheet in{kind, std::move(sheet_name), {}};
  in.rows.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i)
    in.rows.push_back({std::move(rows[i]), i < source_rows.size() ? source_rows[i] : 0});
  return in;
}

LevelCodes LevelCodes::Default() { return {{"3A", "3B", "3C", "3", "2", "1"}, {"2", "1"}, {"2", "1"}}; }

namespace {

// JSON string literal; UTF-8 passes through, control characters are escaped.
void AppendJsonString(std::string& out, std::string_view text) {
  out.push_back('"');
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20)
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        else
          out.push_back(c);
    }
  }
  out.push_back('"');
}

}  // namespace

// Written directly rather than through a JSON tree: an import records a line
// of history per row, and this is on its hot path.
std::string RowToJson(EntityKind kind, const Row& row) {
  const auto& fields = reg::Info(kind).fields;
  std::string out;
  out.reserve(256);
  out.push_back('{');
  for (std::size_t i = 0; i < fields.size() && i < row.size(); ++i) {
    const auto& v = row[i];
    if (reg::IsNull(v)) continue;
    if (out.size() > 1) out.push_back(',');
    AppendJsonString(out, fields[i].key);
    out.push_back(':');
    if (const auto* n = std::get_if<std::int64_t>(&v)) {
      out += fields[i].type == reg::FieldType::kBool ? (*n != 0 ? "true" : "false") : std::to_string(*n);
    } else if (const auto* s = std::get_if<std::string>(&v)) {
      AppendJsonString(out, *s);
    } else if (const auto* l = std::get_if<std::vector<std::string>>(&v)) {
      out.push_back('[');
      for (std::size_t k = 0; k < l->size(); ++k) {
        if (k > 0) out.push_back(',');
        AppendJsonString(out, (*l)[k]);
      }
      out.push_back(']');
    }
  }
  out.push_back('}');
  return out;
}

std::vector<Error> RegisterService::Validate(EntityKind kind, const Row& row) const {
  std::vector<Error> errors;
  const auto& info = reg::Info(kind);
  auto add = [&](const reg::FieldInfo& f, std::string message) {
    Location where;
    where.field = std::string(f.label_ja);
    errors.emplace_back(ErrorCode::kValidation, std::move(message), where);
  };
  if (row.size() != info.fields.size()) {
    errors.emplace_back(ErrorCode::kInternal, "列数が台帳の定義と違います");
    return errors;
  }
  for (std::size_t i = 0; i < info.fields.size(); ++i) {
    const auto& f = info.fields[i];
    const auto& v = row[i];
    if (f.required && reg::IsNull(v)) {
      add(f, "必須項目が空です");
      continue;
    }
    const auto* s = std::get_if<std::string>(&v);
    if (i == 0 && s) {
      if (s->size() > kMaxNumberLength) add(f, fmt::format("番号が長すぎます（{}バイトまで）", kMaxNumberLength));
      if (std::any_of(s->begin(), s->end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; }))
        add(f, "番号に制御文字があります");
    }
    // Address ranges of the network model: each a CIDR the monitor and net check can use.
    if (f.key == "addresses" && f.type == reg::FieldType::kList) {
      if (const auto* list = std::get_if<std::vector<std::string>>(&v))
        for (const auto& item : *list)
          if (auto cidr = net::Cidr::Parse(item); !cidr)
            add(f, fmt::format("{}（例: 10.10.0.0/16、2001:db8::/48、192.0.2.10）", cidr.error().message));
    }
    if (const auto* codes = kind == EntityKind::kAsset ? CodesFor(levels_, f.key) : nullptr; codes && s) {
      if (!Contains(*codes, *s)) {
        std::string allowed;
        for (const auto& c : *codes) allowed += (allowed.empty() ? "" : "、") + c;
        add(f, fmt::format("「{}」はこのプロファイルの{}の区分にありません（{}）", *s, f.label_ja, allowed));
      }
    }
  }
  return errors;
}

Result<std::optional<Row>> RegisterService::Get(EntityKind kind, std::string_view number) {
  return store_.Get(kind, text::Trim(number));
}

Result<std::vector<Row>> RegisterService::List(EntityKind kind, const store::ListQuery& query) {
  return store_.List(kind, query);
}

Result<void> RegisterService::Record(std::string_view action, EntityKind kind, std::string_view number,
                                     std::string before_json, std::string after_json, std::string_view batch,
                                     std::string_view at) {
  store::HistoryEntry e;
  e.at = std::string(at);  // empty: the store stamps the time
  e.actor = actor_;
  e.action = std::string(action);
  e.entity = std::string(reg::Info(kind).key);
  e.number = std::string(number);
  e.before = std::move(before_json);
  e.after = std::move(after_json);
  e.batch = std::string(batch);
  return store_.AppendHistory(e);
}

namespace {
Error Invalid(EntityKind kind, std::string_view number, std::vector<Error> problems) {
  Error e(ErrorCode::kValidation,
          fmt::format("{}「{}」に誤りがあります。何も変更していません。", reg::Info(kind).label_ja, number));
  e.details = std::move(problems);
  return e;
}
}  // namespace

Result<void> RegisterService::Add(EntityKind kind, const Row& input) {
  const Row row = Normalized(levels_, kind, input);
  if (auto problems = Validate(kind, row); !problems.empty()) return Fail(Invalid(kind, NumberOf(row), problems));
  auto tx = store::Transaction::Start(store_);
  if (!tx) return Fail(tx.error());
  if (auto ok = store_.Insert(kind, row); !ok) return ok;
  if (auto ok = Record("create", kind, NumberOf(row), {}, RowToJson(kind, row)); !ok) return ok;
  return tx->Commit();
}

Result<Row> RegisterService::Update(EntityKind kind, std::string_view number_in,
                                    const std::vector<std::pair<std::string, std::string>>& changes) {
  const std::string number(text::Trim(number_in));
  const auto& info = reg::Info(kind);
  auto tx = store::Transaction::Start(store_);
  if (!tx) return Fail(tx.error());
  auto current = store_.Get(kind, number);
  if (!current) return Fail(current.error());
  if (!*current) return Fail(ErrorCode::kNotFound, fmt::format("{}「{}」はありません", info.label_ja, number));
  const Row before = **current;
  Row after = before;
  std::vector<Error> problems;
  for (const auto& [name, value] : changes) {
    const std::string key = text::FoldKey(name);
    std::size_t index = info.fields.size();
    for (std::size_t i = 0; i < info.fields.size(); ++i) {
      const auto& f = info.fields[i];
      if (key == text::FoldKey(f.key) || key == text::FoldKey(f.label_ja) || key == text::FoldKey(f.label_en)) index = i;
    }
    if (index == info.fields.size()) {
      problems.emplace_back(ErrorCode::kInvalidArgument, fmt::format("項目「{}」は{}にありません", name, info.label_ja));
      continue;
    }
    if (index == 0) {
      problems.emplace_back(ErrorCode::kInvalidArgument,
                            fmt::format("{}は変更できません（削除して追加してください）", info.fields[0].label_ja));
      continue;
    }
    auto parsed = reg::ParseValue(info.fields[index], value);
    if (!parsed) {
      problems.push_back(parsed.error());
      continue;
    }
    after[index] = std::move(*parsed);
  }
  after = Normalized(levels_, kind, std::move(after));
  if (problems.empty()) problems = Validate(kind, after);
  if (!problems.empty()) return Fail(Invalid(kind, number, problems));
  if (after == before) return after;  // nothing changed, nothing recorded
  if (auto ok = store_.Update(kind, after); !ok) return Fail(ok.error());
  if (auto ok = Record("update", kind, number, RowToJson(kind, before), RowToJson(kind, after)); !ok) return Fail(ok.error());
  if (auto ok = tx->Commit(); !ok) return Fail(ok.error());
  return after;
}

Result<void> RegisterService::Remove(EntityKind kind, std::string_view number_in) {
  const std::string number(text::Trim(number_in));
  auto tx = store::Transaction::Start(store_);
  if (!tx) return Fail(tx.error());
  auto current = store_.Get(kind, number);
  if (!current) return Fail(current.error());
  if (!*current)
    return Fail(ErrorCode::kNotFound, fmt::format("{}「{}」はありません", reg::Info(kind).label_ja, number));
  if (auto ok = store_.Delete(kind, number); !ok) return ok;
  if (auto ok = Record("delete", kind, number, RowToJson(kind, **current), {}); !ok) return ok;
  return tx->Commit();
}

Result<void> RegisterService::SetSetting(std::string_view key, std::string_view value) {
  auto tx = store::Transaction::Start(store_);
  if (!tx) return Fail(tx.error());
  auto before = store_.GetSetting(key);
  if (!before) return Fail(before.error());
  if (*before && **before == value) return {};
  if (auto ok = store_.PutSetting(key, value); !ok) return ok;
  store::HistoryEntry e;
  e.actor = actor_;
  e.action = *before ? "update" : "create";
  e.entity = "setting";
  e.number = std::string(key);
  if (*before) e.before = nlohmann::json{{"value", **before}}.dump();
  e.after = nlohmann::json{{"value", std::string(value)}}.dump();
  if (auto ok = store_.AppendHistory(e); !ok) return ok;
  return tx->Commit();
}

Result<ImportPlan> RegisterService::Import(std::vector<IncomingSheet> sheets, bool dry_run) {
  // 1. Validate everything, collecting every bad row.
  std::vector<Error> problems;
  for (std::size_t s = 0; s < sheets.size(); ++s) {
    auto& sheet = sheets[s];
    std::unordered_map<std::string, std::uint64_t> seen;
    seen.reserve(sheet.rows.size());
    for (auto& in : sheet.rows) {
      in.row = Normalized(levels_, sheet.kind, std::move(in.row));
      const Row& row = in.row;
      for (auto& e : Validate(sheet.kind, row)) {
        e.where.row = in.source_row;
        if (e.where.file.empty()) e.where.file = sheet.sheet_name;
        problems.push_back(std::move(e));
      }
      const std::string number = NumberOf(row);
      if (!number.empty()) {
        // Exactly as the store keys them: "A-1" and "A1" are two records.
        auto [it, inserted] = seen.emplace(number, in.source_row);
        if (!inserted) {
          Location where;
          where.file = sheet.sheet_name;
          where.row = in.source_row;
          where.field = std::string(reg::Info(sheet.kind).fields[0].label_ja);
          problems.emplace_back(ErrorCode::kValidation,
                                fmt::format("「{}」は {} 行目と重複しています", number, it->second), where);
        }
      }
    }
  }
  if (!problems.empty()) {
    Error e(ErrorCode::kValidation,
            fmt::format("{} 件の誤りがあります。何も取り込んでいません。", problems.size()));
    e.details = std::move(problems);
    return Fail(std::move(e));
  }

  // 2. Apply in one transaction (rolled back for a dry run).
  ImportPlan plan;
  plan.batch = NewBatchId();
  plan.at = store::NowJst();  // one import, one moment
  auto tx = store::Transaction::Start(store_);
  if (!tx) return Fail(tx.error());
  for (std::size_t s = 0; s < sheets.size(); ++s) {
    const auto kind = sheets[s].kind;
    const auto& rows = sheets[s].rows;
    ImportCounts counts;
    // The history lines' JSON is written on a second thread while this one
    // writes the records (the store is used from this thread only).
    std::vector<std::string> after_json(rows.size());
    auto write_json = [&after_json, &rows, kind] {
      for (std::size_t r = 0; r < rows.size(); ++r) after_json[r] = RowToJson(kind, rows[r].row);
    };
    std::jthread json_worker;
    if (rows.size() >= 10'000)
      json_worker = std::jthread(write_json);
    else
      write_json();
    // Only numbers already in the register need reading back to compare.
    auto numbers = store_.Numbers(kind);
    if (!numbers) return Fail(numbers.error());
    const std::unordered_set<std::string> existing(numbers->begin(), numbers->end());
    struct Change {
      std::size_t index;
      std::optional<Row> before;  // empty for a create
    };
    std::vector<Change> changes;
    changes.reserve(rows.size());
    auto located = [&](Error e, std::size_t r) {
      e.where.file = sheets[s].sheet_name;
      e.where.row = rows[r].source_row;
      return Fail(std::move(e));
    };
    for (std::size_t r = 0; r < rows.size(); ++r) {
      const Row& row = rows[r].row;
      const std::string number = NumberOf(row);
      Result<std::optional<Row>> current = std::optional<Row>{};
      if (existing.contains(number)) current = store_.Get(kind, number);
      if (!current) return Fail(current.error());
      if (!*current) {
        ++counts.created;
        if (auto ok = store_.Insert(kind, row); !ok) return located(ok.error(), r);
        changes.push_back({r, std::nullopt});
      } else if (**current == row) {
        ++counts.unchanged;
      } else {
        ++counts.updated;
        if (auto ok = store_.Update(kind, row); !ok) return located(ok.error(), r);
        changes.push_back({r, std::move(**current)});
      }
    }
    if (json_worker.joinable()) json_worker.join();
    for (const auto& c : changes) {
      if (plan.changes.size() >= ImportPlan::kMaxPlannedChanges) break;
      const Row& after = rows[c.index].row;
      PlannedChange pc{kind, NumberOf(after), !c.before.has_value(), {}};
      if (c.before) {
        const auto& fields = reg::Info(kind).fields;
        for (std::size_t i = 1; i < fields.size(); ++i)
          if ((*c.before)[i] != after[i])
            pc.fields.push_back({std::string(fields[i].key), reg::FormatValue(fields[i], (*c.before)[i]),
                                 reg::FormatValue(fields[i], after[i])});
      }
      plan.changes.push_back(std::move(pc));
    }
    for (auto& c : changes) {
      auto ok = Record(c.before ? "update" : "create", kind, NumberOf(rows[c.index].row),
                       c.before ? RowToJson(kind, *c.before) : std::string(), std::move(after_json[c.index]),
                       plan.batch, plan.at);
      if (!ok) return located(ok.error(), c.index);
    }
    plan.counts.emplace_back(kind, counts);
  }
  if (dry_run) return plan;  // the transaction rolls back
  if (auto ok = tx->Commit(); !ok) return Fail(ok.error());
  plan.applied = true;
  return plan;
}

}  // namespace mamori::service
