#include "policy/yaml_node.h"

#include <exception>
#include <memory>
#include <sstream>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include "common/text.h"
#include "policy/messages.h"

namespace mamori::policy {

Location Pos::ToLocation() const {
  Location loc;
  loc.file = file;
  if (line > 0) loc.line = line;
  if (column > 0) loc.column = column;
  return loc;
}

const Node* Node::Find(std::string_view key) const {
  for (const auto& e : entries)
    if (e.key == key) return &e.value;
  return nullptr;
}

Node* Node::Find(std::string_view key) {
  for (auto& e : entries)
    if (e.key == key) return &e.value;
  return nullptr;
}

std::string_view KindName(Node::Kind kind) {
  switch (kind) {
    case Node::Kind::kNull: return msg::kKindNull;
    case Node::Kind::kScalar: return msg::kKindScalar;
    case Node::Kind::kSequence: return msg::kKindSequence;
    case Node::Kind::kMap: return msg::kKindMap;
  }
  return msg::kKindNull;
}

namespace {

// Byte offsets of line starts, to turn yaml-cpp's (line, byte column) into a
// character column. Line breaks as yaml-cpp counts them: \n, \r\n, lone \r.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text) : text_(text) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')))
        starts_.push_back(i + 1);
    }
  }

  // 0-based line and byte column → 1-based line and character column.
  [[nodiscard]] Pos At(std::string_view file, long line, long byte_column) const {
    Pos p;
    p.file = std::string(file);
    if (line < 0) return p;
    p.line = static_cast<std::uint64_t>(line) + 1;
    const auto l = static_cast<std::size_t>(line);
    if (l >= starts_.size() || byte_column < 0) {
      p.column = byte_column >= 0 ? static_cast<std::uint64_t>(byte_column) + 1 : 0;
      return p;
    }
    const std::size_t start = starts_[l];
    const std::size_t len = std::min(static_cast<std::size_t>(byte_column), text_.size() - start);
    p.column = text::CodePointCount(text_.substr(start, len)) + 1;
    return p;
  }

  [[nodiscard]] Pos AtOffset(std::string_view file, std::size_t offset) const {
    std::size_t line = 0;
    for (std::size_t i = 1; i < starts_.size() && starts_[i] <= offset; ++i) line = i;
    return At(file, static_cast<long>(line), static_cast<long>(offset - starts_[line]));
  }

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
};

// Thrown from the event handler to stop yaml-cpp; caught in ParseYaml.
struct Abort {
  Error error;
};

struct Measure {
  std::size_t nodes = 0;
  int depth = 0;
};

Measure MeasureNode(const Node& n) {
  Measure m{1, 0};
  auto add = [&m](const Node& child) {
    const Measure c = MeasureNode(child);
    m.nodes += c.nodes;
    m.depth = std::max(m.depth, c.depth + 1);
  };
  for (const auto& item : n.items) add(item);
  for (const auto& e : n.entries) add(e.value);
  return m;
}

class TreeBuilder final : public YAML::EventHandler {
 public:
  TreeBuilder(const LineIndex& lines, std::string_view file, const YamlLimits& limits)
      : lines_(lines), file_(file), limits_(limits) {}

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (documents_++ > 0) Throw(ErrorCode::kParse, std::string(msg::kYamlOneDocument), mark);
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Node n;
    n.pos = PosOf(mark);
    Complete(std::move(n), anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (anchor == 0 || anchor > anchors_.size() || !anchors_[anchor - 1])
      Throw(ErrorCode::kParse, std::string(msg::kYamlUnknownAlias), mark);
    const Stored& s = *anchors_[anchor - 1];
    if (static_cast<int>(stack_.size()) + s.measure.depth > limits_.max_depth)
      Throw(ErrorCode::kLimit, fmt::format(msg::kYamlTooDeep, limits_.max_depth), mark);
    Count(s.measure.nodes, mark);
    Node copy = s.node;
    Attach(std::move(copy), 0);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    Node n;
    n.kind = Node::Kind::kScalar;
    n.value = value;
    n.quoted = tag == "!";
    n.pos = PosOf(mark);
    Complete(std::move(n), anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    Open(Node::Kind::kSequence, mark, anchor);
  }
  void OnSequenceEnd() override { Close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    Open(Node::Kind::kMap, mark, anchor);
  }
  void OnMapEnd() override { Close(); }

  Node TakeRoot() { return std::move(root_); }

 private:
  struct Frame {
    Node node;
    YAML::anchor_t anchor = 0;
    bool have_key = false;
    std::string key;
    Pos key_pos;
  };
  struct Stored {
    Node node;
    Measure measure;
  };

  [[noreturn]] void Throw(ErrorCode code, std::string message, const YAML::Mark& mark) const {
    throw Abort{Error(code, std::move(message), PosOf(mark).ToLocation())};
  }
  [[noreturn]] void Throw(ErrorCode code, std::string message, const Pos& pos) const {
    throw Abort{Error(code, std::move(message), pos.ToLocation())};
  }

  [[nodiscard]] Pos PosOf(const YAML::Mark& mark) const {
    if (mark.is_null()) return Pos{std::string(file_), 0, 0};
    return lines_.At(file_, mark.line, mark.column);
  }

  void Count(std::size_t n, const YAML::Mark& mark) {
    nodes_ += n;
    if (nodes_ > limits_.max_nodes) Throw(ErrorCode::kLimit, fmt::format(msg::kYamlTooManyNodes, limits_.max_nodes), mark);
  }

  void Open(Node::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (static_cast<int>(stack_.size()) >= limits_.max_depth)
      Throw(ErrorCode::kLimit, fmt::format(msg::kYamlTooDeep, limits_.max_depth), mark);
    Count(1, mark);
    Frame f;
    f.node.kind = kind;
    f.node.pos = PosOf(mark);
    f.anchor = anchor;
    stack_.push_back(std::move(f));
  }

  void Close() {
    if (stack_.empty()) return;
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    if (f.have_key) Throw(ErrorCode::kParse, std::string(msg::kYamlMissingValue), f.key_pos);
    Attach(std::move(f.node), f.anchor);
  }

  void Complete(Node n, YAML::anchor_t anchor) {
    if (n.kind != Node::Kind::kSequence && n.kind != Node::Kind::kMap) {
      nodes_ += 1;
      if (nodes_ > limits_.max_nodes)
        Throw(ErrorCode::kLimit, fmt::format(msg::kYamlTooManyNodes, limits_.max_nodes), n.pos);
    }
    Attach(std::move(n), anchor);
  }

  void Attach(Node n, YAML::anchor_t anchor) {
    if (anchor != 0) {
      if (anchors_.size() < anchor) anchors_.resize(anchor);
      anchors_[anchor - 1] = std::make_unique<Stored>(Stored{n, MeasureNode(n)});
    }
    if (stack_.empty()) {
      root_ = std::move(n);
      return;
    }
    Frame& top = stack_.back();
    if (top.node.kind == Node::Kind::kSequence) {
      top.node.items.push_back(std::move(n));
      return;
    }
    if (!top.have_key) {
      if (n.kind == Node::Kind::kNull) Throw(ErrorCode::kParse, std::string(msg::kYamlEmptyKey), n.pos);
      if (n.kind != Node::Kind::kScalar) Throw(ErrorCode::kParse, std::string(msg::kYamlKeyNotText), n.pos);
      for (const auto& e : top.node.entries) {
        if (e.key == n.value)
          Throw(ErrorCode::kParse, fmt::format(msg::kYamlDuplicateKey, n.value, e.key_pos.line, e.key_pos.column), n.pos);
      }
      top.have_key = true;
      top.key = std::move(n.value);
      top.key_pos = n.pos;
      return;
    }
    top.have_key = false;
    top.node.entries.push_back(MapEntry{std::move(top.key), std::move(top.key_pos), std::move(n)});
  }

  const LineIndex& lines_;
  std::string_view file_;
  const YamlLimits& limits_;
  std::vector<Frame> stack_;
  std::vector<std::unique_ptr<Stored>> anchors_;
  Node root_;
  std::size_t nodes_ = 0;
  int documents_ = 0;
};

// Characters YAML forbids or that have no place in a profile: C0 controls
// other than tab and line breaks, DEL.
std::size_t FindControl(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return i;
  }
  return std::string_view::npos;
}

}  // namespace

Result<Node> ParseYaml(std::string_view text, std::string_view file, const YamlLimits& limits) {
  if (text.size() > limits.max_bytes)
    return Fail(ErrorCode::kLimit, fmt::format(msg::kYamlTooLarge, text.size(), limits.max_bytes),
                Location{.file = std::string(file)});
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
  const LineIndex lines(text);
  if (auto bad = text::FindInvalidUtf8(text); bad != std::string_view::npos) {
    Location loc = lines.AtOffset(file, bad).ToLocation();
    loc.byte_offset = bad;
    return Fail(ErrorCode::kParse, std::string(msg::kYamlNotUtf8), std::move(loc));
  }
  if (auto ctl = FindControl(text); ctl != std::string_view::npos) {
    Location loc = lines.AtOffset(file, ctl).ToLocation();
    loc.byte_offset = ctl;
    return Fail(ErrorCode::kParse,
                fmt::format(msg::kYamlControlChar, static_cast<unsigned>(static_cast<unsigned char>(text[ctl]))),
                std::move(loc));
  }
  try {
    std::istringstream in{std::string(text)};
    YAML::Parser parser(in);
    TreeBuilder builder(lines, file, limits);
    if (parser.HandleNextDocument(builder)) {
      parser.HandleNextDocument(builder);  // a second document throws from the builder
    }
    return builder.TakeRoot();
  } catch (const Abort& a) {
    return Fail(a.error);
  } catch (const YAML::Exception& e) {
    Location loc;
    loc.file = std::string(file);
    if (!e.mark.is_null()) loc = lines.At(file, e.mark.line, e.mark.column).ToLocation();
    return Fail(ErrorCode::kParse, fmt::format(msg::kYamlSyntax, e.msg), std::move(loc));
  } catch (const std::exception& e) {
    return Fail(ErrorCode::kParse, fmt::format(msg::kYamlSyntax, e.what()), Location{.file = std::string(file)});
  }
}

}  // namespace mamori::policy
