// A YAML document as plain data, with the position of every node.
//
// yaml_node.cpp is the only file that includes yaml-cpp: it drives the
// parser's event interface, builds this tree under limits (bytes, depth,
// nodes after alias expansion) and turns every yaml-cpp exception into an
// Error naming file:line:column. Nothing above it sees a yaml-cpp type.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace mamori::policy {

struct Pos {
  std::string file;
  std::uint64_t line = 0;    // 1-based; 0 = unknown
  std::uint64_t column = 0;  // 1-based, in characters
  [[nodiscard]] Location ToLocation() const;
};

struct MapEntry;

struct Node {
  enum class Kind { kNull, kScalar, kSequence, kMap };
  Kind kind = Kind::kNull;
  std::string value;            // kScalar
  bool quoted = false;          // kScalar written in quotes
  std::vector<Node> items;      // kSequence
  std::vector<MapEntry> entries;  // kMap, in document order, keys unique
  Pos pos;

  [[nodiscard]] bool IsNull() const { return kind == Kind::kNull; }
  [[nodiscard]] bool IsScalar() const { return kind == Kind::kScalar; }
  [[nodiscard]] bool IsSequence() const { return kind == Kind::kSequence; }
  [[nodiscard]] bool IsMap() const { return kind == Kind::kMap; }
  [[nodiscard]] const Node* Find(std::string_view key) const;  // kMap only
  [[nodiscard]] Node* Find(std::string_view key);
};

struct MapEntry {
  std::string key;
  Pos key_pos;
  Node value;
};

struct YamlLimits {
  std::size_t max_bytes = 1024 * 1024;
  int max_depth = 64;
  std::size_t max_nodes = 100000;
};

// One YAML document (an empty text is a null node). Errors: kLimit for a limit,
// kParse for YAML syntax, a duplicate key, a non-text key or more than one document.
Result<Node> ParseYaml(std::string_view text, std::string_view file, const YamlLimits& limits);

// Short Japanese name of a node kind for messages: 文字列, 一覧, 対応表, 空.
std::string_view KindName(Node::Kind kind);

}  // namespace mamori::policy
