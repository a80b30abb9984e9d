#include "net/model_yaml.h"

#include <algorithm>

#include <fmt/format.h>

#include "common/text.h"
#include "policy/yaml_node.h"

namespace mamori::net {
namespace {

constexpr std::pair<std::string_view, reg::EntityKind> kSections[] = {
    {"segments", reg::EntityKind::kSegment},
    {"gateways", reg::EntityKind::kGateway},
    {"connections", reg::EntityKind::kConnection},
    {"flows", reg::EntityKind::kFlow},
};

const reg::FieldInfo* FieldFor(const reg::EntityInfo& info, std::string_view key) {
  const std::string folded = text::FoldKey(key);
  for (const auto& f : info.fields) {
    if (key == f.key || folded == text::FoldKey(f.label_ja) || folded == text::FoldKey(f.label_en)) return &f;
    for (auto a : f.aliases)
      if (folded == text::FoldKey(a)) return &f;
  }
  return nullptr;
}

}  // namespace

Result<std::vector<YamlSheet>> ReadNetworkYaml(std::string_view text, std::string_view file) {
  auto root = policy::ParseYaml(text, file, policy::YamlLimits{});
  if (!root) return Fail(root.error());
  std::vector<Error> problems;
  auto problem = [&](const policy::Pos& pos, std::string message) {
    problems.emplace_back(ErrorCode::kValidation, std::move(message), pos.ToLocation());
  };
  std::vector<YamlSheet> out;
  if (!root->IsMap()) {
    problem(root->pos, "最上位は segments・gateways・connections・flows の対応表にしてください");
  } else {
    for (const auto& e : root->entries) {
      const auto* section = std::find_if(std::begin(kSections), std::end(kSections),
                                         [&](const auto& s) { return s.first == e.key; });
      if (section == std::end(kSections)) {
        problem(e.key_pos, fmt::format("「{}」は使えません（segments, gateways, connections, flows）", e.key));
        continue;
      }
      if (e.value.IsNull()) continue;
      if (!e.value.IsSequence()) {
        problem(e.value.pos, fmt::format("{} は一覧（- で始まる記録の並び）にしてください", e.key));
        continue;
      }
      const auto& info = reg::Info(section->second);
      YamlSheet sheet{section->second, {}, {}};
      for (const auto& item : e.value.items) {
        if (!item.IsMap()) {
          problem(item.pos, fmt::format("{}の記録は「項目: 値」の対応表にしてください", info.label_ja));
          continue;
        }
        reg::Row row(info.fields.size());
        bool ok = true;
        for (const auto& field_entry : item.entries) {
          const auto* field = FieldFor(info, field_entry.key);
          if (!field) {
            std::string keys;
            for (const auto& f : info.fields) keys += fmt::format("{}{}", keys.empty() ? "" : ", ", f.key);
            problem(field_entry.key_pos, fmt::format("{}に項目「{}」はありません（{}）", info.label_ja, field_entry.key, keys));
            ok = false;
            continue;
          }
          const auto index = static_cast<std::size_t>(field - info.fields.data());
          const auto& v = field_entry.value;
          if (v.IsNull()) continue;
          if (v.IsSequence()) {
            if (field->type != reg::FieldType::kList) {
              problem(v.pos, fmt::format("「{}」は一覧ではなく一つの値です", field->label_ja));
              ok = false;
              continue;
            }
            std::vector<std::string> items;
            for (const auto& x : v.items) {
              if (!x.IsScalar()) {
                problem(x.pos, fmt::format("「{}」の要素は文字列にしてください", field->label_ja));
                ok = false;
                continue;
              }
              if (auto t = text::Trim(x.value); !t.empty()) items.emplace_back(t);
            }
            if (!items.empty()) row[index] = std::move(items);
            continue;
          }
          if (!v.IsScalar()) {
            problem(v.pos, fmt::format("「{}」の値に対応表は使えません", field->label_ja));
            ok = false;
            continue;
          }
          auto value = reg::ParseValue(*field, v.value);
          if (!value) {
            problem(v.pos, fmt::format("{}: {}", field->label_ja, value.error().message));
            ok = false;
            continue;
          }
          row[index] = std::move(*value);
        }
        if (ok) {
          sheet.rows.push_back(std::move(row));
          sheet.lines.push_back(item.pos.line);
        }
      }
      out.push_back(std::move(sheet));
    }
  }
  if (!problems.empty()) {
    Error e(ErrorCode::kValidation,
            fmt::format("{} に {} 件の誤りがあります。何も取り込んでいません。", file, problems.size()));
    e.details = std::move(problems);
    return Fail(std::move(e));
  }
  // Segments, then gateways, connections, flows: the order of their references.
  std::sort(out.begin(), out.end(), [](const YamlSheet& a, const YamlSheet& b) { return a.kind < b.kind; });
  return out;
}

}  // namespace mamori::net
