// net_line_fuzz: arbitrary bytes as log lines for `mamori net watch`
// (src/net/watch: every line format, auto detection, syslog framing). The
// input is split at '\n' and fed, line after line, to one parser of every
// format (so the Zeek header state and the ASA connection table carry over),
// and once more to the auto parser behind a syslog header. Besides not
// crashing or reading out of bounds, checks what a user relies on: a broken
// line names a column inside the line and a reason in valid UTF-8, and a flow
// never comes with a reason. Built only in the fuzz preset (clang++-14,
// -fsanitize=fuzzer).
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "common/text.h"
#include "net/watch/line_parser.h"

namespace {

using mamori::net::FlowEvent;
using mamori::net::parse::Format;
using mamori::net::parse::LineOutcome;
using mamori::net::parse::LineParser;
using mamori::net::parse::LineParserOptions;

void Require(bool condition) {
  if (!condition) std::abort();
}

void Check(LineParser& parser, std::string_view line, FlowEvent& flow) {
  // A copy of exactly the line's bytes, so that AddressSanitizer sees any read beyond it.
  auto copy = std::make_unique<char[]>(line.size() + 1);
  std::copy(line.begin(), line.end(), copy.get());
  const std::string_view view(copy.get(), line.size());
  const auto r = parser.Parse(view, flow);
  Require(mamori::text::IsValidUtf8(r.reason));
  switch (r.outcome) {
    case LineOutcome::kFlow:
      Require(r.reason.empty());
      break;
    case LineOutcome::kSkip:
      Require(!r.reason.empty());
      break;
    case LineOutcome::kMalformed:
      Require(!r.reason.empty());
      Require(r.column >= 1 && r.column <= line.size() + 1);
      break;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  LineParserOptions options;
  options.max_line_bytes = 4096;  // small, so that the limit is reached too
  options.time.reference_ms = 1795305600000;
  static constexpr std::array<Format, 8> kFormats = {Format::kAuto,      Format::kZeekTsv, Format::kZeekJson,
                                                     Format::kSuricata,  Format::kFortiGate, Format::kPanos,
                                                     Format::kAsa,       Format::kIptables};
  std::array<std::unique_ptr<LineParser>, kFormats.size()> parsers;
  for (std::size_t i = 0; i < kFormats.size(); ++i) parsers[i] = std::make_unique<LineParser>(kFormats[i], options);
  LineParser framed(Format::kAuto, options);
  FlowEvent flow;
  std::string with_header;
  std::size_t pos = 0;
  while (pos <= bytes.size()) {
    const auto nl = bytes.find('\n', pos);
    const std::string_view line = bytes.substr(pos, nl == std::string_view::npos ? bytes.size() - pos : nl - pos);
    for (auto& p : parsers) Check(*p, line, flow);
    with_header.assign(line.size() % 2 == 0 ? "<134>Nov 22 10:00:00 fw01 tag[1]: " : "<134>1 2026-11-22T10:00:00+09:00 fw01 app - - - ");
    with_header.append(line);
    Check(framed, with_header, flow);
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return 0;
}
