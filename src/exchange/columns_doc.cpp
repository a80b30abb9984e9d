#include "exchange/columns_doc.h"

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
    case reg::FieldType::kInteger: return "`24`、`24時間`、`3日`（72 時間）、`1週間`、`30分`（切り上げて 1 時間）";
    case reg::FieldType::kBool: return "はい／いいえ（下記「はい／いいえ」参照）";
    case reg::FieldType::kEnum: return fmt::format("下記「{}」の表", enum_title);
    case reg::FieldType::kList: return "`、` `,` `;` `，` `；` 改行で区切る";
    case reg::FieldType::kDate: return "`2026-04-01`、`2026/4/1`、`令和8年4月1日`、`R8.4.1`、日付セル";
  }
  return "";
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
