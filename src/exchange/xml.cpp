#include "exchange/xml.h"

#include <algorithm>
#include <cstring>

#include <expat.h>
#include <fmt/format.h>

namespace mamori::exchange {
namespace {

constexpr char kNamespaceSeparator = ':';  // "x:c" → "c"

// Namespaces are not resolved (expat's namespace processing halves its
// speed): the prefix is dropped, which is all SpreadsheetML needs.
std::string_view LocalName(const char* name) {
  std::string_view n(name);
  const auto bar = n.rfind(kNamespaceSeparator);
  return bar == std::string_view::npos ? n : n.substr(bar + 1);
}

}  // namespace

std::optional<std::string_view> Attr(const char** attrs, std::string_view local) {
  for (const char** a = attrs; a != nullptr && a[0] != nullptr && a[1] != nullptr; a += 2) {
    const std::string_view name(a[0]);
    if (name.starts_with("xmlns")) continue;  // xmlns:r="…" is no attribute r
    if (LocalName(a[0]) == local) return std::string_view(a[1]);
  }
  return std::nullopt;
}

struct XmlParser::State {
  XmlHandler& handler;
  std::string file;
  std::string part;
  std::uint64_t max_depth;
  std::uint64_t depth = 0;
  XML_Parser parser = nullptr;
  std::optional<Error> error;  // set by a callback that stopped the parse

  State(XmlHandler& h, std::string f, std::string p, std::uint64_t d)
      : handler(h), file(std::move(f)), part(std::move(p)), max_depth(d) {}

  Location Where() const {
    Location where;
    where.file = file;
    return where;
  }
  std::string At() const {
    return fmt::format("{} {}行 {}列", part, XML_GetCurrentLineNumber(parser), XML_GetCurrentColumnNumber(parser) + 1);
  }
  void Stop(Error e) {
    if (!error) error = std::move(e);
    XML_StopParser(parser, XML_FALSE);
  }
  void Check(Result<void> r) {
    if (!r) Stop(std::move(r.error()));
  }

  static void OnStart(void* data, const XML_Char* name, const XML_Char** attrs) {
    auto* s = static_cast<State*>(data);
    if (s->error) return;
    if (++s->depth > s->max_depth) {
      s->Stop(Error(ErrorCode::kLimit, fmt::format("XLSX の XML の入れ子が深すぎます（上限 {}、{}）", s->max_depth, s->At()),
                    s->Where()));
      return;
    }
    s->Check(s->handler.Start(LocalName(name), attrs));
  }
  static void OnEnd(void* data, const XML_Char* name) {
    auto* s = static_cast<State*>(data);
    if (s->error) return;
    --s->depth;
    s->Check(s->handler.End(LocalName(name)));
  }
  static void OnText(void* data, const XML_Char* text, int length) {
    auto* s = static_cast<State*>(data);
    if (s->error || length <= 0) return;
    s->Check(s->handler.Text(std::string_view(text, static_cast<std::size_t>(length))));
  }
  static void OnDoctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    auto* s = static_cast<State*>(data);
    s->Stop(Error(ErrorCode::kParse, fmt::format("XLSXとして読めません: DOCTYPE 宣言は使えません（{}）", s->At()), s->Where()));
  }
  static void OnEntity(void* data, const XML_Char*, int, const XML_Char*, int, const XML_Char*, const XML_Char*,
                       const XML_Char*, const XML_Char*) {
    auto* s = static_cast<State*>(data);
    s->Stop(Error(ErrorCode::kParse, fmt::format("XLSXとして読めません: 実体宣言は使えません（{}）", s->At()), s->Where()));
  }
};

XmlParser::XmlParser(XmlHandler& handler, std::string file, std::string part, std::uint64_t max_depth)
    : state_(std::make_unique<State>(handler, std::move(file), std::move(part), max_depth)) {
  state_->parser = XML_ParserCreate(nullptr);
  if (state_->parser == nullptr) return;
  XML_SetUserData(state_->parser, state_.get());
  XML_SetElementHandler(state_->parser, &State::OnStart, &State::OnEnd);
  XML_SetCharacterDataHandler(state_->parser, &State::OnText);
  XML_SetStartDoctypeDeclHandler(state_->parser, &State::OnDoctype);
  XML_SetEntityDeclHandler(state_->parser, &State::OnEntity);
  XML_SetParamEntityParsing(state_->parser, XML_PARAM_ENTITY_PARSING_NEVER);
}

XmlParser::~XmlParser() {
  if (state_ && state_->parser != nullptr) XML_ParserFree(state_->parser);
}

Result<void> XmlParser::Feed(std::string_view chunk) { return Parse(chunk, false); }

Result<void> XmlParser::Finish() { return Parse({}, true); }

Result<void> XmlParser::Parse(std::string_view chunk, bool final) {
  State& s = *state_;
  if (s.parser == nullptr) return Fail(ErrorCode::kInternal, "XML パーサーを作れません", s.Where());
  do {
    if (s.error) return Fail(*s.error);
    const std::string_view piece = chunk.substr(0, std::min<std::size_t>(chunk.size(), 1u << 20));
    chunk.remove_prefix(piece.size());
    const bool last = final && chunk.empty();
    if (XML_Parse(s.parser, piece.data(), static_cast<int>(piece.size()), last ? XML_TRUE : XML_FALSE) ==
        XML_STATUS_ERROR) {
      if (s.error) return Fail(*s.error);
      return Fail(ErrorCode::kParse,
                  fmt::format("XLSXとして読めません: {} の XML が壊れています（{}、{}）", s.part,
                              XML_ErrorString(XML_GetErrorCode(s.parser)), s.At()),
                  s.Where());
    }
  } while (!chunk.empty());
  if (s.error) return Fail(*s.error);
  return {};
}

}  // namespace mamori::exchange
