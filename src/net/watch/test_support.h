// Helpers of the net_parse tests: files, the golden JSON form of a parse
// outcome, and builders of NetFlow v5 / v9 / IPFIX datagrams.
#pragma once

#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "net/flow.h"
#include "net/watch/line_parser.h"

namespace mamori::net::parse::testing {

std::filesystem::path SourceDir();
std::string ReadFile(const std::filesystem::path& path);
void WriteFile(const std::filesystem::path& path, std::string_view bytes);
std::vector<std::uint8_t> ReadBytes(const std::filesystem::path& path);

// "2026-11-22T01:02:03.456Z"
std::string FormatUtc(std::int64_t ms);
std::string JsonEscape(std::string_view s);
// {"time":…,"src":…,…} — every field of the event, in a fixed order.
std::string FlowJson(const FlowEvent& f);
// One golden line: {"line":N,"flow":{…}} / {"line":N,"skip":"…"} / {"line":N,"malformed":"…","column":C}
std::string OutcomeJson(std::size_t line, const LineResult& r, const FlowEvent& f);
// The lines of a file: split at '\n', the last one kept even without a newline.
std::vector<std::string_view> SplitLines(std::string_view text);

// Big-endian byte building.
class Bytes {
 public:
  Bytes& U8(std::uint64_t v);
  Bytes& U16(std::uint64_t v);
  Bytes& U32(std::uint64_t v);
  Bytes& U64(std::uint64_t v);
  Bytes& Addr(const Address& a);  // 4 bytes for IPv4, 16 for IPv6
  Bytes& Raw(std::span<const std::uint8_t> b);
  Bytes& Raw(const Bytes& b) { return Raw(std::span<const std::uint8_t>(b.v)); }
  void Patch16(std::size_t at, std::uint16_t value);
  [[nodiscard]] std::size_t size() const { return v.size(); }
  std::vector<std::uint8_t> v;
};

struct V5Record {
  Address src, dst;
  std::uint16_t src_port = 0, dst_port = 0;
  std::uint8_t proto = 6;
  std::uint32_t packets = 1, bytes = 40;
  std::uint32_t first = 0, last = 0;  // sysUptime ms
  std::uint16_t input = 0, output = 0;
};
Bytes V5(const std::vector<V5Record>& records, std::uint32_t uptime_ms, std::uint32_t unix_secs,
         std::uint32_t unix_nsecs = 0, std::uint16_t count_override = 0);

using FieldSpec = std::pair<std::uint16_t, std::uint16_t>;  // type, length
// A v9 / IPFIX template record (id, field specs); IPFIX enterprise fields as {type|0x8000, len} followed by
// the enterprise number given in `enterprise` (one per such field, in order).
Bytes TemplateRecord(std::uint16_t id, std::initializer_list<FieldSpec> fields,
                     std::initializer_list<std::uint32_t> enterprise = {});
// A set / FlowSet: id, length (patched), contents.
Bytes Set(std::uint16_t id, const Bytes& contents);
Bytes V9Header(std::uint16_t count, std::uint32_t uptime_ms, std::uint32_t unix_secs, std::uint32_t source_id);
// An IPFIX message: header (length patched) + sets.
Bytes Ipfix(std::uint32_t export_secs, std::uint32_t domain, std::initializer_list<Bytes> sets);

}  // namespace mamori::net::parse::testing
