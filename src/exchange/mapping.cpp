#include "exchange/mapping.h"

#include <unordered_map>

#include <fmt/format.h>

#include "common/text.h"
#include "exchange/header_match.h"

namespace mamori::exchange {
namespace {

constexpr std::size_t kHeaderSearchRows = 10;
constexpr std::size_t kMaxDetails = 1000;   // one report stays readable (and small)
constexpr std::size_t kMaxMemoPerColumn = 4096;

bool IsBlank(const std::vector<std::string>& row) {
  for (const auto& cell : row)
    if (!text::Trim(cell).empty()) return false;
  return true;
}

// The row's number in the file; a Sheet built by hand may lack source_lines.
std::uint64_t LineOf(const Sheet& sheet, std::size_t row_index) {
  return row_index < sheet.source_lines.size() ? sheet.source_lines[row_index] : row_index + 1;
}

Location RowLocation(const Sheet& sheet, std::uint64_t line, std::string field = {}) {
  Location where;
  if (sheet.source == SheetSource::kCsv) {
    where.file = sheet.file;
    where.line = line;
  } else {
    where.file = fmt::format("{} [{}]", sheet.file, sheet.name);
    where.row = line;
  }
  where.field = std::move(field);
  return where;
}

std::string Headers(const reg::EntityInfo& info) {
  std::string out;
  for (const auto& f : info.fields) out += fmt::format("{}{}{}", out.empty() ? "" : "、", f.label_ja, f.required ? "※" : "");
  return out;
}

// Problems found so far, every one of them up to kMaxDetails.
class Problems {
 public:
  void Add(std::uint64_t row, Error e) {
    if (row != last_row_) {
      ++rows_;
      last_row_ = row;
    }
    if (details_.size() < kMaxDetails) details_.push_back(std::move(e));
    else ++dropped_;
  }
  [[nodiscard]] bool Empty() const { return details_.empty(); }
  Error Report(std::string message) && {
    Error e(ErrorCode::kValidation, std::move(message));
    e.details = std::move(details_);
    if (dropped_ > 0) e.details.emplace_back(ErrorCode::kValidation, fmt::format("ほかに {} 件の誤りがあります", dropped_));
    return e;
  }
  [[nodiscard]] std::size_t Rows() const { return rows_; }

 private:
  std::vector<Error> details_;
  std::size_t dropped_ = 0;
  std::size_t rows_ = 0;
  std::uint64_t last_row_ = 0;
};

struct HeaderChoice {
  std::size_t row_index = 0;  // into Sheet::rows
  const HeaderIndex* index = nullptr;
  HeaderMatch match;
};

// Rank of a candidate header row for one kind: 0 if it is no header.
std::size_t Rank(const HeaderMatch& m, bool number_required) {
  if (m.has_number) return 1000 + m.matched_fields;
  return !number_required && m.matched_fields >= 2 ? m.matched_fields : 0;
}

class HeaderSearch {
 public:
  HeaderSearch(const Sheet& sheet, const std::vector<HeaderIndex>& indexes) : sheet_(sheet), indexes_(indexes) {
    for (std::size_t r = 0; r < sheet.rows.size() && rows_.size() < kHeaderSearchRows; ++r) {
      if (IsBlank(sheet.rows[r])) continue;
      rows_.push_back(r);
      std::vector<std::string> folded;
      folded.reserve(sheet.rows[r].size());
      for (const auto& cell : sheet.rows[r]) folded.push_back(text::FoldKey(cell));
      folded_.push_back(std::move(folded));
    }
  }

  // The best header row for any of `kinds`; an error when two kinds fit it equally.
  Result<std::optional<HeaderChoice>> Find(const std::vector<reg::EntityKind>& kinds, bool number_required) const {
    std::size_t best_rank = 0;
    std::optional<HeaderChoice> best;
    std::vector<reg::EntityKind> tied;
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      for (auto kind : kinds) {
        const HeaderIndex& index = indexes_[static_cast<std::size_t>(kind)];
        HeaderMatch m = MatchHeader(index, folded_[i]);
        const std::size_t rank = Rank(m, number_required);
        if (rank == 0 || rank < best_rank) continue;
        if (rank == best_rank) {
          if (best && best->row_index == rows_[i]) tied.push_back(kind);
          continue;
        }
        best_rank = rank;
        best = HeaderChoice{rows_[i], &index, std::move(m)};
        tied = {kind};
      }
    }
    if (tied.size() > 1) {
      std::string names;
      for (auto k : tied) names += fmt::format("{}「{}」", names.empty() ? "" : "と", reg::Info(k).label_ja);
      return Fail(ErrorCode::kValidation,
                  fmt::format("見出しから台帳の種類を決められません（{}のどちらにも合います）。シート名か種類の指定で区別してください", names),
                  RowLocation(sheet_, LineOf(sheet_, best->row_index)));
    }
    return best;
  }

 private:
  const Sheet& sheet_;
  const std::vector<HeaderIndex>& indexes_;
  std::vector<std::size_t> rows_;  // the first non-blank rows
  std::vector<std::vector<std::string>> folded_;
};

Result<HeaderChoice> ChooseHeader(const Sheet& sheet, const std::vector<HeaderIndex>& indexes,
                                  std::optional<reg::EntityKind> hint) {
  const HeaderSearch search(sheet, indexes);
  std::vector<reg::EntityKind> all;
  for (const auto& e : reg::AllEntities()) all.push_back(e.kind);
  if (hint) {
    auto found = search.Find({*hint}, /*number_required=*/false);
    if (!found) return Fail(found.error());
    if (*found) return std::move(**found);
    Error e(ErrorCode::kValidation,
            fmt::format("{}の見出し行が見つかりません（最初の {} 行を探しました）", reg::Info(*hint).label_ja, kHeaderSearchRows),
            RowLocation(sheet, 0));
    e.where.line.reset();
    e.where.row.reset();
    e.details.emplace_back(ErrorCode::kValidation, fmt::format("使える見出し（※は必須）: {}", Headers(reg::Info(*hint))));
    return Fail(std::move(e));
  }
  if (const auto named = KindFromSheetName(sheet.name)) {
    auto found = search.Find({*named}, /*number_required=*/true);
    if (found && *found) return std::move(**found);
  }
  auto found = search.Find(all, /*number_required=*/true);
  if (!found) return Fail(found.error());
  if (*found) return std::move(**found);
  Location where;
  where.file = sheet.source == SheetSource::kCsv ? sheet.file : fmt::format("{} [{}]", sheet.file, sheet.name);
  Error e(ErrorCode::kValidation,
          fmt::format("どの台帳の見出し行も見つかりません（最初の {} 行を探しました）。見出しの例:", kHeaderSearchRows), where);
  for (const auto& info : reg::AllEntities())
    e.details.emplace_back(ErrorCode::kValidation, fmt::format("{}: {}", info.label_ja, Headers(info)));
  return Fail(std::move(e));
}

// Ambiguous headers, a field given twice, a required column missing.
Result<void> CheckHeader(const Sheet& sheet, const HeaderChoice& choice) {
  const auto& info = choice.index->Entity();
  const auto& header = sheet.rows[choice.row_index];
  const std::uint64_t line = LineOf(sheet, choice.row_index);
  Problems problems;
  std::vector<std::optional<std::size_t>> column_of_field(info.fields.size());
  for (std::size_t c = 0; c < header.size(); ++c) {
    const auto field = choice.match.field_of_column[c];
    if (!field) continue;
    const std::string written(text::Trim(header[c]));
    if (choice.match.ambiguous[c]) {
      std::string names;
      for (auto f : choice.index->Lookup(text::FoldKey(header[c])))
        names += fmt::format("{}「{}」", names.empty() ? "" : "と", info.fields[f].label_ja);
      problems.Add(line, Error(ErrorCode::kValidation, fmt::format("見出し「{}」は{}のどちらにも当てはまります", written, names),
                               RowLocation(sheet, line, written)));
    } else if (const auto first = column_of_field[*field]) {
      problems.Add(line, Error(ErrorCode::kValidation,
                               fmt::format("「{}」の列が二つあります（「{}」と「{}」）", info.fields[*field].label_ja,
                                           text::Trim(header[*first]), written),
                               RowLocation(sheet, line, written)));
    } else {
      column_of_field[*field] = c;
    }
  }
  for (std::size_t f = 0; f < info.fields.size(); ++f) {
    if (info.fields[f].required && !column_of_field[f])
      problems.Add(line, Error(ErrorCode::kValidation, fmt::format("必須の列「{}」がありません", info.fields[f].label_ja),
                               RowLocation(sheet, line)));
  }
  if (problems.Empty()) return {};
  return Fail(std::move(problems).Report(
      fmt::format("{}の見出し行に誤りがあります。何も取り込んでいません。", info.label_ja)));
}

// ParseValue, remembered per column for the types whose parsing folds text
// (booleans, enums, hours, dates): their columns hold few distinct values.
class CellParser {
 public:
  explicit CellParser(const reg::FieldInfo& field)
      : field_(field), memo_(field.type != reg::FieldType::kText && field.type != reg::FieldType::kList) {}
  Result<reg::Value> Parse(std::string_view text) {
    if (!memo_) return reg::ParseValue(field_, text);
    const std::string key(text);
    if (auto it = cache_.find(key); it != cache_.end()) return it->second;
    auto value = reg::ParseValue(field_, text);
    if (cache_.size() < kMaxMemoPerColumn) cache_.emplace(key, value);
    return value;
  }

 private:
  const reg::FieldInfo& field_;
  bool memo_;
  std::unordered_map<std::string, Result<reg::Value>> cache_;
};

// A CSV value written as '=… so that Excel does not take it for a formula.
std::string_view Unguard(std::string_view cell, SheetSource source) {
  if (source == SheetSource::kCsv && cell.size() > 1 && cell[0] == '\'' &&
      std::string_view("=+-@'\t\r").find(cell[1]) != std::string_view::npos)
    cell.remove_prefix(1);
  return cell;
}

}  // namespace

std::optional<reg::EntityKind> KindFromSheetName(std::string_view name) {
  if (auto exact = reg::KindFromKey(name)) return *exact;
  const std::string folded = text::FoldKey(name);
  static constexpr std::pair<std::string_view, reg::EntityKind> kWords[] = {
      {"点検", reg::EntityKind::kInspection},      {"監査記録", reg::EntityKind::kInspection},
      {"inspection", reg::EntityKind::kInspection}, {"端末", reg::EntityKind::kTerminal},
      {"terminal", reg::EntityKind::kTerminal},    {"システム", reg::EntityKind::kSystem},
      {"system", reg::EntityKind::kSystem},        {"資産", reg::EntityKind::kAsset},
      {"asset", reg::EntityKind::kAsset},          {"人員", reg::EntityKind::kPerson},
      {"職員", reg::EntityKind::kPerson},          {"people", reg::EntityKind::kPerson},
      {"person", reg::EntityKind::kPerson},        {"staff", reg::EntityKind::kPerson},
      {"所属", reg::EntityKind::kDepartment},      {"部署", reg::EntityKind::kDepartment},
      {"department", reg::EntityKind::kDepartment}, {"機関", reg::EntityKind::kOrgan},
      {"organ", reg::EntityKind::kOrgan},
  };
  for (const auto& [word, kind] : kWords)
    if (folded.find(text::FoldKey(word)) != std::string::npos) return kind;
  return std::nullopt;
}

Result<MappedSheet> MapSheet(const Sheet& sheet, std::optional<reg::EntityKind> kind_hint) {
  std::vector<HeaderIndex> indexes;
  for (const auto& info : reg::AllEntities()) indexes.emplace_back(info);
  auto choice = ChooseHeader(sheet, indexes, kind_hint);
  if (!choice) return Fail(choice.error());
  if (auto ok = CheckHeader(sheet, *choice); !ok) return Fail(ok.error());

  const reg::EntityInfo& info = choice->index->Entity();
  const auto& header = sheet.rows[choice->row_index];
  MappedSheet out;
  out.kind = info.kind;
  out.header_row = LineOf(sheet, choice->row_index);
  std::vector<std::string> written(header.size());
  std::vector<CellParser> parsers;
  parsers.reserve(header.size());
  for (std::size_t c = 0; c < header.size(); ++c) {
    written[c] = std::string(text::Trim(header[c]));
    const auto field = choice->match.field_of_column[c];
    parsers.emplace_back(info.fields[field.value_or(0)]);
    if (!field && !written[c].empty()) out.ignored_columns.push_back(written[c]);
  }

  Problems problems;
  std::unordered_map<std::string, std::uint64_t> numbers;  // number → line of its first row
  for (std::size_t r = choice->row_index + 1; r < sheet.rows.size(); ++r) {
    const auto& cells = sheet.rows[r];
    if (IsBlank(cells)) continue;
    const std::uint64_t line = LineOf(sheet, r);
    reg::Row row(info.fields.size());
    std::vector<bool> failed(info.fields.size(), false);
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const std::optional<std::size_t> field = c < header.size() ? choice->match.field_of_column[c] : std::nullopt;
      if (!field) {
        const bool has_header = c < header.size() && !written[c].empty();
        if (!has_header && !text::Trim(cells[c]).empty())
          problems.Add(line, Error(ErrorCode::kValidation,
                                   fmt::format("見出しのない列（{}列目）に値「{}」があります", c + 1, text::Trim(cells[c])),
                                   RowLocation(sheet, line)));
        continue;
      }
      auto value = parsers[c].Parse(Unguard(cells[c], sheet.source));
      if (!value) {
        problems.Add(line, Error(ErrorCode::kValidation, value.error().message, RowLocation(sheet, line, written[c])));
        failed[*field] = true;
        continue;
      }
      row[*field] = std::move(*value);
    }
    for (std::size_t f = 0; f < info.fields.size(); ++f) {
      if (!info.fields[f].required || !reg::IsNull(row[f]) || failed[f]) continue;
      std::string column(info.fields[f].label_ja);
      for (std::size_t c = 0; c < header.size(); ++c)
        if (choice->match.field_of_column[c] == f) column = written[c];
      problems.Add(line, Error(ErrorCode::kValidation, "必須の項目が空です", RowLocation(sheet, line, column)));
    }
    if (!reg::IsNull(row[0])) {
      const std::string number = reg::FormatValue(info.fields[0], row[0]);
      const auto [it, inserted] = numbers.emplace(number, line);
      if (!inserted)
        problems.Add(line, Error(ErrorCode::kValidation,
                                 fmt::format("{}「{}」が重複しています（{} 行目と同じ）", info.fields[0].label_ja, number,
                                             it->second),
                                 RowLocation(sheet, line, std::string(info.fields[0].label_ja))));
    }
    out.rows.push_back(std::move(row));
    out.source_rows.push_back(line);
  }
  if (!problems.Empty()) {
    const std::size_t bad_rows = problems.Rows();
    return Fail(std::move(problems).Report(fmt::format("{} 行に誤りがあります。何も取り込んでいません。", bad_rows)));
  }
  return out;
}

}  // namespace mamori::exchange
