#include "policy/reader.h"

#include <charconv>

namespace mamori::policy {

void Diagnostics::Report(ErrorCode code, std::string message, const Pos& pos) {
  Report(Error(code, std::move(message), pos.ToLocation()));
}

void Diagnostics::Report(Error error) {
  if (errors_.size() >= max_) {
    ++dropped_;
    return;
  }
  errors_.push_back(std::move(error));
}

std::vector<Error> Diagnostics::Take() {
  std::vector<Error> out = std::move(errors_);
  if (dropped_ > 0) out.emplace_back(ErrorCode::kLimit, fmt::format(msg::kMoreErrors, dropped_));
  errors_.clear();
  dropped_ = 0;
  return out;
}

MapReader::MapReader(const Node* node, std::string path, std::vector<std::string_view> keys, Diagnostics& diag)
    : path_(std::move(path)), diag_(diag) {
  if (node == nullptr || node->IsNull()) return;
  pos_ = node->pos;
  if (!node->IsMap()) {
    WrongType(*node, path_, msg::kKindMap);
    return;
  }
  map_ = node;
  for (const auto& e : node->entries) {
    if (std::find(keys.begin(), keys.end(), e.key) != keys.end()) continue;
    const std::string near = Nearest(e.key, keys);
    std::string message = near.empty() ? fmt::format(msg::kUnknownKeyList, e.key, path_.empty() ? "最上位" : path_, JoinKeys(keys, 40))
                                       : fmt::format(msg::kUnknownKey, e.key, path_.empty() ? "最上位" : path_, near);
    diag_.Report(ErrorCode::kValidation, std::move(message), e.key_pos);
  }
}

std::string MapReader::PathOf(std::string_view key) const {
  return path_.empty() ? std::string(key) : fmt::format("{}.{}", path_, key);
}

const Node* MapReader::Get(std::string_view key) const {
  if (map_ == nullptr) return nullptr;
  const Node* n = map_->Find(key);
  return n == nullptr || n->IsNull() ? nullptr : n;
}

Pos MapReader::PosOf(std::string_view key) const {
  if (map_ != nullptr) {
    for (const auto& e : map_->entries)
      if (e.key == key) return e.value.IsNull() ? e.key_pos : e.value.pos;
  }
  return pos_;
}

void MapReader::WrongType(const Node& n, const std::string& path, std::string_view expected) {
  diag_.Report(ErrorCode::kValidation, fmt::format(msg::kWrongType, path, expected, KindName(n.kind)), n.pos);
}

void MapReader::Missing(std::string_view key) {
  diag_.Report(ErrorCode::kValidation, fmt::format(msg::kMissingKey, PathOf(key)), pos_);
}

bool MapReader::ExpectSequence(const Node& n, const std::string& path) {
  if (n.IsSequence()) return true;
  WrongType(n, path, msg::kKindSequence);
  return false;
}

bool MapReader::ExpectMap(const Node& n, const std::string& path) {
  if (n.IsMap()) return true;
  WrongType(n, path, msg::kKindMap);
  return false;
}

std::optional<std::string> MapReader::TextOf(const Node& n, const std::string& path) {
  if (n.IsScalar()) return n.value;
  WrongType(n, path, msg::kKindScalar);
  return std::nullopt;
}

std::string MapReader::Text(std::string_view key, bool required) {
  const Node* n = Get(key);
  if (n == nullptr) {
    if (required) Missing(key);
    return {};
  }
  auto s = TextOf(*n, PathOf(key));
  if (s && s->empty() && required) Missing(key);
  return s ? *s : std::string{};
}

bool MapReader::Bool(std::string_view key, bool fallback) {
  const Node* n = Get(key);
  if (n == nullptr) return fallback;
  if (!n->IsScalar() || n->quoted) {
    WrongType(*n, PathOf(key), msg::kKindBool);
    return fallback;
  }
  const std::string& v = n->value;
  if (v == "true" || v == "True" || v == "TRUE" || v == "yes" || v == "Yes") return true;
  if (v == "false" || v == "False" || v == "FALSE" || v == "no" || v == "No") return false;
  diag_.Report(ErrorCode::kValidation, fmt::format(msg::kBadBool, PathOf(key), v), n->pos);
  return fallback;
}

std::optional<int> MapReader::Int(std::string_view key, int min, int max) {
  const Node* n = Get(key);
  if (n == nullptr) return std::nullopt;
  if (!n->IsScalar()) {
    WrongType(*n, PathOf(key), msg::kKindInt);
    return std::nullopt;
  }
  int value = 0;
  const char* begin = n->value.data();
  const char* end = begin + n->value.size();
  auto [ptr, ec] = std::from_chars(begin, end, value);
  if (ec != std::errc() || ptr != end || value < min || value > max) {
    diag_.Report(ErrorCode::kValidation, fmt::format(msg::kBadInt, PathOf(key), min, max, n->value), n->pos);
    return std::nullopt;
  }
  return value;
}

std::vector<std::string> MapReader::Texts(std::string_view key) {
  std::vector<std::string> out;
  const Node* n = Get(key);
  if (n == nullptr) return out;
  if (!ExpectSequence(*n, PathOf(key))) return out;
  for (std::size_t i = 0; i < n->items.size(); ++i) {
    if (auto s = TextOf(n->items[i], fmt::format("{}[{}]", PathOf(key), i))) out.push_back(std::move(*s));
  }
  return out;
}

std::string MapReader::ClauseId(std::string_view key, std::vector<Ref>& refs, bool required) {
  std::string id = Text(key, required);
  if (!id.empty()) refs.push_back(Ref{id, PosOf(key), PathOf(key)});
  return id;
}

std::vector<std::string> MapReader::ClauseIds(std::string_view key, std::vector<Ref>& refs) {
  std::vector<std::string> out;
  const Node* n = Get(key);
  if (n == nullptr) return out;
  if (!ExpectSequence(*n, PathOf(key))) return out;
  for (std::size_t i = 0; i < n->items.size(); ++i) {
    const std::string path = fmt::format("{}[{}]", PathOf(key), i);
    if (auto s = TextOf(n->items[i], path)) {
      refs.push_back(Ref{*s, n->items[i].pos, path});
      out.push_back(std::move(*s));
    }
  }
  return out;
}

}  // namespace mamori::policy
