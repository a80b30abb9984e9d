#include "exchange/columns_doc.h"

#include <variant>

#include <fmt/format.h>

#include "register/schema.h"

namespace mamori::exchange {
namespace {

std::string Join(const std::vector<std::string_view>& items, std::string_view sep) {
  std::string out;
  for (auto i : items) out += fmt::format("{}{}", out.empty() ? "" : sep, i);
  return out;
}

std::string Code(std::string_view s) { return fmt::format("`{}`", s); }

std::string_view TypeName(const reg::FieldInfo& f) {
  switch (f.type) {
    case reg::FieldType::kText: return "文字列";
    case reg::FieldType::kInteger: return f.unit.empty() ? "整数" : "時間数";
    case reg::FieldType::kBool: return "はい／いいえ";
    case reg::FieldType::kEnum: return "区分";
    case reg::FieldType::kList: return "一覧";
    case reg::FieldType::kDate: return "日付";
  }
  return "";
}

std::string Accepted(const reg::FieldInfo& f, const std::string& enum_title) {
  switch (f.type) {
    case reg::FieldType::kText: return "自由記述";
    case reg::FieldType::kInteger:
      if (f.unit.empty()) return "整数（例: `10`）";
      return "`24`、`24時間`、`3日`（72 時間）、`1週間`、`30分`（切り上げて 1 時間）";
    case reg::FieldType::kBool: return "はい／いいえ（下記「はい／いいえ」参照）";
    case reg::FieldType::kEnum: return fmt::format("下記「{}」の表", enum_title);
    case reg::FieldType::kList: return "`、` `,` `;` `，` `；` 改行で区切る";
    case reg::FieldType::kDate: return "`2026-04-01`、`2026/4/1`、`令和8年4月1日`、`R8.4.1`、日付セル";
  }
  return "";
}

// Cells as people type them, shown with what the importer makes of them.
// Only what reg::ParseValue really accepts is printed.
std::string ValueExamples() {
  const auto& asset = reg::Info(reg::EntityKind::kAsset);
  const reg::FieldInfo* flag = nullptr;
  const reg::FieldInfo* hours = nullptr;
  const reg::FieldInfo* list = nullptr;
  for (const auto& f : reg::Info(reg::EntityKind::kSystem).fields)
    if (f.type == reg::FieldType::kList && list == nullptr) list = &f;
  for (const auto& f : asset.fields) {
    if (f.type == reg::FieldType::kBool && flag == nullptr) flag = &f;
    if (f.type == reg::FieldType::kInteger && hours == nullptr) hours = &f;
  }
  const reg::FieldInfo* date = nullptr;
  for (const auto& f : reg::Info(reg::EntityKind::kInspection).fields)
    if (f.type == reg::FieldType::kDate) date = &f;

  std::string out;
  std::vector<std::string> yes, no;
  for (std::string_view v : {"はい", "有", "あり", "有り", "○", "〇", "◯", "済", "実施", "実施済", "可", "✓", "yes", "y",
                             "true", "1", "いいえ", "無", "なし", "無し", "×", "✕", "未", "未実施", "不可", "-", "－",
                             "no", "n", "false", "0"}) {
    auto parsed = reg::ParseValue(*flag, v);
    if (!parsed) continue;
    (std::get<std::int64_t>(*parsed) != 0 ? yes : no).push_back(Code(v));
  }
  out += "### はい／いいえ\n\n";
  out += "| 意味 | 書き出す値 | 取り込みで認める値（全角・半角、大文字・小文字は問わない） |\n|---|---|---|\n";
  std::string yes_text, no_text;
  for (const auto& v : yes) yes_text += (yes_text.empty() ? "" : " ") + v;
  for (const auto& v : no) no_text += (no_text.empty() ? "" : " ") + v;
  out += fmt::format("| はい | {} | {} |\n", reg::FormatValue(*flag, reg::Value{std::int64_t{1}}), yes_text);
  out += fmt::format("| いいえ | {} | {} |\n", reg::FormatValue(*flag, reg::Value{std::int64_t{0}}), no_text);
  out += "| 不明 | （空欄） | 空欄 |\n\n";

  out += "### 時間数（復旧目標時間）\n\n| 入力 | 取り込む値（時間） |\n|---|---|\n";
  for (std::string_view v : {"24", "24時間", "２４ｈ", "3日", "2営業日", "1週間", "30分"}) {
    if (auto parsed = reg::ParseValue(*hours, v)) out += fmt::format("| {} | {} |\n", Code(v), std::get<std::int64_t>(*parsed));
  }
  out += "\n### 日付\n\n| 入力 | 取り込む値 |\n|---|---|\n";
  for (std::string_view v : {"2026-04-01", "2026/4/1", "令和8年4月1日", "令和元年5月1日", "R8.4.1", "H16.3.31"}) {
    if (auto parsed = reg::ParseValue(*date, v)) out += fmt::format("| {} | {} |\n", Code(v), std::get<std::string>(*parsed));
  }
  out += "| （XLSX の日付セル） | その日付 |\n";
  out += "\n### 一覧（担当事務・取扱資産・利用者）\n\n| 入力 | 取り込む値 |\n|---|---|\n";
  for (std::string_view v : {"P001、P002", "P001,P002", "P001;P002", "P001，P002；P003"}) {
    if (auto parsed = reg::ParseValue(*list, v)) {
      std::string items;
      for (const auto& i : std::get<std::vector<std::string>>(*parsed)) items += (items.empty() ? "" : " / ") + i;
      out += fmt::format("| {} | {} |\n", Code(v), items);
    }
  }
  out += fmt::format("\n書き出すときは「{}」でつなぎます。セル内の改行も区切りになります。\n\n",
                     reg::FormatValue(*list, reg::Value{std::vector<std::string>{"P001", "P002"}}));
  return out;
}

}  // namespace

std::string ColumnsMarkdown() {
  std::string out;
  std::vector<std::pair<std::string, std::span<const reg::EnumLabel>>> enums;  // title, labels
  auto enum_title = [&enums](const reg::FieldInfo& f) {
    for (const auto& [title, labels] : enums)
      if (labels.data() == f.labels.data()) return title;
    enums.emplace_back(std::string(f.label_ja), f.labels);
    return enums.back().first;
  };
  for (const auto& info : reg::AllEntities()) {
    out += fmt::format("### {}（{}）\n\n", info.label_ja, info.label_en);
    out += fmt::format("種類の指定: {} ／ 書き出すシート名: {} ／ 番号: {}\n\n", Code(info.key), info.label_ja,
                       info.number_label_ja);
    out += "| 見出し | English | 取り込みで認める別名 | 型 | 必須 | 入力できる値 |\n";
    out += "|---|---|---|---|---|---|\n";
    for (const auto& f : info.fields) {
      std::vector<std::string_view> aliases{f.key};
      aliases.insert(aliases.end(), f.aliases.begin(), f.aliases.end());
      std::string alias_text;
      for (auto a : aliases) alias_text += fmt::format("{}{}", alias_text.empty() ? "" : "、", a);
      const std::string title = f.type == reg::FieldType::kEnum ? enum_title(f) : std::string();
      out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", f.label_ja, f.label_en, alias_text, TypeName(f),
                         f.required ? "※" : "", Accepted(f, title));
    }
    out += "\n";
  }
  out += ValueExamples();
  for (const auto& [title, labels] : enums) {
    out += fmt::format("### 区分「{}」の値\n\n", title);
    out += "| 書き出す値 | 保存する値 | English | 取り込みで認める別名 |\n";
    out += "|---|---|---|---|\n";
    for (const auto& l : labels)
      out += fmt::format("| {} | {} | {} | {} |\n", l.ja, Code(l.key), l.en, Join(l.aliases, "、"));
    out += "\n";
  }
  return out;
}

}  // namespace mamori::exchange
