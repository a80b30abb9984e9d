// expat, wrapped for the parts of an XLSX: streaming, names reported without
// their namespace prefix (<x:c> is "c"), no DOCTYPE or entity declarations (so
// no billion laughs and no external entities), bounded depth. Internal.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/error.h"

namespace mamori::exchange {

// Attributes as expat passes them: name, value, name, value, …, nullptr.
// The value of the attribute whose local name is `local`, if present.
std::optional<std::string_view> Attr(const char** attrs, std::string_view local);

class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  // Local names: "c" for both <c> and <x:c>. A handler that returns an
  // error stops the parse; the error is what Feed returns.
  virtual Result<void> Start(std::string_view name, const char** attrs) = 0;
  virtual Result<void> End(std::string_view name) = 0;
  virtual Result<void> Text(std::string_view text) = 0;
};

class XmlParser {
 public:
  // `part` and `file` name the input in messages ("xl/worksheets/sheet1.xml").
  XmlParser(XmlHandler& handler, std::string file, std::string part, std::uint64_t max_depth);
  ~XmlParser();
  XmlParser(const XmlParser&) = delete;
  XmlParser& operator=(const XmlParser&) = delete;

  Result<void> Feed(std::string_view chunk);
  Result<void> Finish();  // end of the part: incomplete XML is an error

 private:
  struct State;
  Result<void> Parse(std::string_view chunk, bool final);
  std::unique_ptr<State> state_;
};

}  // namespace mamori::exchange
