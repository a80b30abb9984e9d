// Reading the YAML tree against the profile schema, collecting every error
// (internal to the policy module).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "common/error.h"
#include "policy/keys.h"
#include "policy/messages.h"
#include "policy/suggest.h"
#include "policy/yaml_node.h"

namespace mamori::policy {

// Every problem of a file, in the order found, each with its position.
class Diagnostics {
 public:
  explicit Diagnostics(std::size_t max_errors) : max_(max_errors) {}
  void Report(ErrorCode code, std::string message, const Pos& pos);
  void Report(Error error);
  [[nodiscard]] bool Empty() const { return errors_.empty(); }
  [[nodiscard]] std::size_t Size() const { return errors_.size() + dropped_; }
  std::vector<Error> Take();

 private:
  std::size_t max_;
  std::vector<Error> errors_;
  std::size_t dropped_ = 0;
};

// A reference to a clause id found while compiling, checked once all clauses are known.
struct Ref {
  std::string id;
  Pos pos;
  std::string where;  // "checks.asset.classified.clause"
};

// One mapping of the profile, read against the keys it may hold. An unknown
// key is reported (with the nearest valid key) when the reader is made.
class MapReader {
 public:
  // `node` may be nullptr or null: an absent section reads as empty.
  MapReader(const Node* node, std::string path, std::vector<std::string_view> keys, Diagnostics& diag);

  [[nodiscard]] bool Present() const { return map_ != nullptr; }
  [[nodiscard]] const std::string& Path() const { return path_; }
  [[nodiscard]] std::string PathOf(std::string_view key) const;
  // The value of `key`, nullptr when absent or null.
  [[nodiscard]] const Node* Get(std::string_view key) const;
  [[nodiscard]] Pos PosOf(std::string_view key) const;
  [[nodiscard]] Pos HerePos() const { return pos_; }
  [[nodiscard]] bool Has(std::string_view key) const { return Get(key) != nullptr; }

  std::string Text(std::string_view key, bool required = false);
  bool Bool(std::string_view key, bool fallback);
  std::optional<int> Int(std::string_view key, int min, int max);
  std::vector<std::string> Texts(std::string_view key);
  // A clause id: recorded in `refs` for the cross-reference check.
  std::string ClauseId(std::string_view key, std::vector<Ref>& refs, bool required = false);
  std::vector<std::string> ClauseIds(std::string_view key, std::vector<Ref>& refs);

  template <typename E>
  std::optional<E> Enum(std::string_view key, bool required = false) {
    const Node* n = Get(key);
    if (n == nullptr) {
      if (required) Missing(key);
      return std::nullopt;
    }
    return EnumOf<E>(*n, PathOf(key));
  }

  template <typename E>
  std::vector<E> Enums(std::string_view key) {
    std::vector<E> out;
    const Node* n = Get(key);
    if (n == nullptr) return out;
    if (!ExpectSequence(*n, PathOf(key))) return out;
    for (std::size_t i = 0; i < n->items.size(); ++i) {
      auto e = EnumOf<E>(n->items[i], fmt::format("{}[{}]", PathOf(key), i));
      if (e && std::find(out.begin(), out.end(), *e) == out.end()) out.push_back(*e);
    }
    return out;
  }

  // Helpers also used on list items.
  template <typename E>
  std::optional<E> EnumOf(const Node& n, const std::string& path) {
    if (!n.IsScalar()) {
      WrongType(n, path, msg::kKindScalar);
      return std::nullopt;
    }
    if (auto e = EnumFromKey<E>(n.value)) return e;
    const auto keys = EnumKeys<E>();
    const std::string near = Nearest(n.value, keys);
    std::string message = fmt::format(msg::kBadEnum, path, n.value, JoinKeys(keys, 20));
    if (!near.empty()) message += fmt::format(msg::kDidYouMean, near);
    diag_.Report(ErrorCode::kValidation, std::move(message), n.pos);
    return std::nullopt;
  }
  std::optional<std::string> TextOf(const Node& n, const std::string& path);
  bool ExpectSequence(const Node& n, const std::string& path);
  bool ExpectMap(const Node& n, const std::string& path);
  void WrongType(const Node& n, const std::string& path, std::string_view expected);
  void Missing(std::string_view key);

  Diagnostics& Diag() { return diag_; }

 private:
  const Node* map_ = nullptr;
  std::string path_;
  Pos pos_;
  Diagnostics& diag_;
};

}  // namespace mamori::policy
