#include "net/watch/test_support.h"

#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include <fmt/format.h>

namespace mamori::net::parse::testing {

std::filesystem::path SourceDir() {
  if (const char* dir = std::getenv("MAMORI_SOURCE_DIR"); dir != nullptr && *dir != '\0') return dir;
  return MAMORI_SOURCE_DIR_DEFAULT;
}

std::string ReadFile(const std::filesystem::path& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) throw std::runtime_error("cannot read " + path.string());
  std::string out;
  char buf[65536];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  std::fclose(f);
  return out;
}

std::vector<std::uint8_t> ReadBytes(const std::filesystem::path& path) {
  const std::string s = ReadFile(path);
  return std::vector<std::uint8_t>(s.begin(), s.end());
}

void WriteFile(const std::filesystem::path& path, std::string_view bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) throw std::runtime_error("cannot write " + path.string());
  std::fwrite(bytes.data(), 1, bytes.size(), f);
  std::fclose(f);
}

std::string FormatUtc(std::int64_t ms) {
  std::int64_t days = ms / 86'400'000;
  std::int64_t rem = ms % 86'400'000;
  if (rem < 0) {
    rem += 86'400'000;
    --days;
  }
  // Civil date from a day number.
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", y, m, d, rem / 3'600'000, rem / 60'000 % 60,
                     rem / 1000 % 60, rem % 1000);
}

std::string JsonEscape(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      out += fmt::format("\\u{:04x}", u);
    } else {
      out += c;
    }
  }
  out += '"';
  return out;
}

namespace {
std::string_view ActionName(FlowAction a) {
  switch (a) {
    case FlowAction::kAllowed: return "allowed";
    case FlowAction::kDenied: return "denied";
    case FlowAction::kUnknown: break;
  }
  return "unknown";
}
}  // namespace

std::string FlowJson(const FlowEvent& f) {
  return fmt::format(
      "{{\"time\":{},\"src\":\"{}\",\"src_port\":{},\"dst\":\"{}\",\"dst_port\":{},\"proto\":{},\"action\":\"{}\","
      "\"bytes\":{},\"packets\":{},\"src_zone\":{},\"dst_zone\":{},\"device\":{}}}",
      f.time_ms == 0 ? std::string("null") : "\"" + FormatUtc(f.time_ms) + "\"", f.src.ToString(), f.src_port,
      f.dst.ToString(), f.dst_port, f.protocol, ActionName(f.action), f.bytes, f.packets, JsonEscape(f.src_zone),
      JsonEscape(f.dst_zone), JsonEscape(f.device));
}

std::string OutcomeJson(std::size_t line, const LineResult& r, const FlowEvent& f) {
  switch (r.outcome) {
    case LineOutcome::kFlow: return fmt::format("{{\"line\":{},\"flow\":{}}}", line, FlowJson(f));
    case LineOutcome::kSkip: return fmt::format("{{\"line\":{},\"skip\":{}}}", line, JsonEscape(r.reason));
    case LineOutcome::kMalformed:
      return fmt::format("{{\"line\":{},\"malformed\":{},\"column\":{}}}", line, JsonEscape(r.reason), r.column);
  }
  return {};
}

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto nl = text.find('\n', pos);
    if (nl == std::string_view::npos) {
      lines.push_back(text.substr(pos));
      break;
    }
    lines.push_back(text.substr(pos, nl - pos));
    pos = nl + 1;
  }
  return lines;
}

Bytes& Bytes::U8(std::uint64_t x) {
  v.push_back(static_cast<std::uint8_t>(x));
  return *this;
}
Bytes& Bytes::U16(std::uint64_t x) { return U8(x >> 8).U8(x); }
Bytes& Bytes::U32(std::uint64_t x) { return U16(x >> 16).U16(x); }
Bytes& Bytes::U64(std::uint64_t x) { return U32(x >> 32).U32(x); }
Bytes& Bytes::Addr(const Address& a) {
  if (a.IsV4()) return U32(a.V4Value());
  return U64(a.High()).U64(a.Low());
}
Bytes& Bytes::Raw(std::span<const std::uint8_t> b) {
  v.insert(v.end(), b.begin(), b.end());
  return *this;
}
void Bytes::Patch16(std::size_t at, std::uint16_t value) {
  v.at(at) = static_cast<std::uint8_t>(value >> 8);
  v.at(at + 1) = static_cast<std::uint8_t>(value);
}

Bytes V5(const std::vector<V5Record>& records, std::uint32_t uptime_ms, std::uint32_t unix_secs,
         std::uint32_t unix_nsecs, std::uint16_t count_override) {
  Bytes b;
  b.U16(5).U16(count_override != 0 ? count_override : records.size()).U32(uptime_ms).U32(unix_secs).U32(unix_nsecs);
  b.U32(1).U8(0).U8(0).U16(0);
  for (const auto& r : records) {
    b.Addr(r.src).Addr(r.dst).U32(0).U16(r.input).U16(r.output).U32(r.packets).U32(r.bytes).U32(r.first).U32(r.last);
    b.U16(r.src_port).U16(r.dst_port).U8(0).U8(0x1b).U8(r.proto).U8(0).U16(0).U16(0).U8(24).U8(24).U16(0);
  }
  return b;
}

Bytes TemplateRecord(std::uint16_t id, std::initializer_list<FieldSpec> fields,
                     std::initializer_list<std::uint32_t> enterprise) {
  Bytes b;
  b.U16(id).U16(fields.size());
  auto e = enterprise.begin();
  for (const auto& [type, len] : fields) {
    b.U16(type).U16(len);
    if ((type & 0x8000) != 0 && e != enterprise.end()) b.U32(*e++);
  }
  return b;
}

Bytes Set(std::uint16_t id, const Bytes& contents) {
  Bytes b;
  b.U16(id).U16(contents.size() + 4).Raw(contents);
  return b;
}

Bytes V9Header(std::uint16_t count, std::uint32_t uptime_ms, std::uint32_t unix_secs, std::uint32_t source_id) {
  Bytes b;
  b.U16(9).U16(count).U32(uptime_ms).U32(unix_secs).U32(7).U32(source_id);
  return b;
}

Bytes Ipfix(std::uint32_t export_secs, std::uint32_t domain, std::initializer_list<Bytes> sets) {
  Bytes b;
  b.U16(10).U16(0).U32(export_secs).U32(1).U32(domain);
  for (const auto& s : sets) b.Raw(s);
  b.Patch16(2, static_cast<std::uint16_t>(b.size()));
  return b;
}

}  // namespace mamori::net::parse::testing
