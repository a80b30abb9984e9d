#include "net/watch/line_parser.h"

#include <array>
#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <fmt/format.h>

#include "net/watch/formats.h"
#include "net/watch/json_scan.h"
#include "net/watch/scan_util.h"

namespace mamori::net::parse {

using detail::ColumnOf;
using detail::FlowResult;
using detail::MalformedResult;
using detail::Quote;
using detail::SkipResult;

namespace {

struct NamedFormat {
  std::string_view name;
  Format format;
};
constexpr std::array<NamedFormat, 8> kFormatNames = {{{"auto", Format::kAuto},
                                                      {"zeek", Format::kZeekTsv},
                                                      {"zeek-json", Format::kZeekJson},
                                                      {"suricata", Format::kSuricata},
                                                      {"fortigate", Format::kFortiGate},
                                                      {"panos", Format::kPanos},
                                                      {"asa", Format::kAsa},
                                                      {"iptables", Format::kIptables}}};

}  // namespace

std::optional<Format> FormatFromName(std::string_view name) {
  for (const auto& n : kFormatNames)
    if (detail::EqualsIgnoreCase(n.name, name)) return n.format;
  return std::nullopt;
}

std::string_view FormatName(Format format) {
  for (const auto& n : kFormatNames)
    if (n.format == format) return n.name;
  return "auto";
}

namespace detail {

void ResetFlow(FlowEvent& f) {
  f.time_ms = 0;
  f.src = Address();
  f.dst = Address();
  f.src_port = 0;
  f.dst_port = 0;
  f.protocol = 0;
  f.action = FlowAction::kUnknown;
  f.bytes = 0;
  f.packets = 0;
  f.src_zone.clear();
  f.dst_zone.clear();
  f.device.clear();
}

// ---------------------------------------------------------------- Zeek TSV

namespace {

using Role = ZeekTsvState::Role;

Role RoleOfField(std::string_view name) {
  struct Named {
    std::string_view name;
    Role role;
  };
  static constexpr std::array<Named, 12> kRoles = {{{"ts", Role::kTs},
                                                    {"id.orig_h", Role::kOrigH},
                                                    {"id.orig_p", Role::kOrigP},
                                                    {"id.resp_h", Role::kRespH},
                                                    {"id.resp_p", Role::kRespP},
                                                    {"proto", Role::kProto},
                                                    {"orig_bytes", Role::kOrigBytes},
                                                    {"resp_bytes", Role::kRespBytes},
                                                    {"orig_ip_bytes", Role::kOrigIpBytes},
                                                    {"resp_ip_bytes", Role::kRespIpBytes},
                                                    {"orig_pkts", Role::kOrigPkts},
                                                    {"resp_pkts", Role::kRespPkts}}};
  for (const auto& r : kRoles)
    if (r.name == name) return r.role;
  return Role::kNone;
}

std::string_view RoleName(Role r) {
  switch (r) {
    case Role::kOrigBytes: return "orig_bytes";
    case Role::kRespBytes: return "resp_bytes";
    case Role::kOrigIpBytes: return "orig_ip_bytes";
    case Role::kRespIpBytes: return "resp_ip_bytes";
    case Role::kOrigPkts: return "orig_pkts";
    case Role::kRespPkts: return "resp_pkts";
    default: return "";
  }
}

// Zeek's standard conn.log layouts, for data lines that come without a
// #fields header: the current one (21 columns, 22 with ip_proto) and the one
// before local_resp was added (20 columns). Other counts: the first seven only.
constexpr std::array<Role, 21> kLayoutCurrent = {
    Role::kTs,         Role::kNone,    Role::kOrigH,     Role::kOrigP,       Role::kRespH,    Role::kRespP,
    Role::kProto,      Role::kNone,    Role::kNone,      Role::kOrigBytes,   Role::kRespBytes, Role::kNone,
    Role::kNone,       Role::kNone,    Role::kNone,      Role::kNone,        Role::kOrigPkts, Role::kOrigIpBytes,
    Role::kRespPkts,   Role::kRespIpBytes, Role::kNone};
constexpr std::array<Role, 20> kLayoutOld = {
    Role::kTs,        Role::kNone,     Role::kOrigH,     Role::kOrigP,        Role::kRespH,   Role::kRespP,
    Role::kProto,     Role::kNone,     Role::kNone,      Role::kOrigBytes,    Role::kRespBytes, Role::kNone,
    Role::kNone,      Role::kNone,     Role::kNone,      Role::kOrigPkts,     Role::kOrigIpBytes, Role::kRespPkts,
    Role::kRespIpBytes, Role::kNone};

// "\x09" → a tab. One byte only.
bool DecodeSeparator(std::string_view s, char& out) {
  if (s.size() == 1) {
    out = s[0];
    return true;
  }
  if (s.size() == 4 && s[0] == '\\' && s[1] == 'x') {
    auto hex = [](char c) {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    };
    const int hi = hex(s[2]), lo = hex(s[3]);
    if (hi < 0 || lo < 0) return false;
    out = static_cast<char>(hi * 16 + lo);
    return out != '\n' && out != '\r' && out != '\0';
  }
  return false;
}

LineResult ParseZeekHeader(ZeekTsvState& st, std::string_view line, std::string_view content) {
  if (content.starts_with("#separator")) {
    std::string_view value = content.substr(10);
    if (value.empty() || (value[0] != ' ' && value[0] != '\t'))
      return MalformedResult("#separator の後に区切り文字がありません", ColumnOf(line, content.data()) + 10);
    value.remove_prefix(1);
    char sep = 0;
    if (!DecodeSeparator(value, sep))
      return MalformedResult(fmt::format("#separator「{}」は 1 バイトの区切り文字ではありません（対応していません）",
                                         Quote(value)),
                             ColumnOf(line, value.data()));
    st.separator = sep;
    return SkipResult("Zeek のヘッダー行です（#separator）");
  }
  // "#key<separator>value"; some writers (and Zeek's own test baselines) put a space instead.
  std::size_t sep_at = 1;
  while (sep_at < content.size() && content[sep_at] != st.separator && content[sep_at] != ' ') ++sep_at;
  const std::string_view key = content.substr(1, sep_at - 1);
  const std::string_view value = sep_at < content.size() ? content.substr(sep_at + 1) : std::string_view();
  if (key == "fields") {
    st.roles.clear();
    st.layout_problem.clear();
    st.have_fields = true;
    bool orig_h = false, resp_h = false;
    std::size_t pos = 0;
    while (true) {
      const auto next = value.find(st.separator, pos);
      const std::string_view name = value.substr(pos, next == std::string_view::npos ? value.size() - pos : next - pos);
      const Role role = RoleOfField(name);
      orig_h = orig_h || role == Role::kOrigH;
      resp_h = resp_h || role == Role::kRespH;
      st.roles.push_back(role);
      if (next == std::string_view::npos || st.roles.size() > 4096) break;
      pos = next + 1;
    }
    if (st.roles.size() > 4096) {
      st.layout_problem = "Zeek の #fields の列が多すぎます（上限 4096 列）";
      return MalformedResult(st.layout_problem, ColumnOf(line, content.data()));
    }
    if (!orig_h || !resp_h) {
      st.layout_problem = fmt::format("Zeek の #fields に {} がないため、接続の記録として読めません",
                                      !orig_h ? "id.orig_h" : "id.resp_h");
      if (st.path.empty() || st.path == "conn") return MalformedResult(st.layout_problem, ColumnOf(line, content.data()));
    }
    return SkipResult("Zeek のヘッダー行です（#fields）");
  }
  if (key == "path") {
    st.path.assign(value);
    return SkipResult("Zeek のヘッダー行です（#path）");
  }
  if (key == "unset_field") {
    st.unset.assign(value);
    return SkipResult("Zeek のヘッダー行です（#unset_field）");
  }
  if (key == "empty_field") {
    st.empty.assign(value);
    return SkipResult("Zeek のヘッダー行です（#empty_field）");
  }
  if (key == "set_separator" || key == "open" || key == "close" || key == "types")
    return SkipResult(fmt::format("Zeek のヘッダー行です（#{}）", key));
  return SkipResult("コメント行です");
}

// Up to eight decimal digits, the field [s, e) of 1 to 8 bytes, read as the one
// 8-byte word that ends at `e` (the caller makes sure e - 8 is inside the
// line): the bytes before the field stand in as leading zeros, every byte of
// the field is checked, and no branch depends on the digits (the lengths of
// ports and counters vary from line to line and would mispredict). Little-endian.
bool Digits8(const char* s, const char* e, std::uint64_t& out) {
  const auto n = static_cast<unsigned>(e - s);
  std::uint64_t v = 0;
  std::memcpy(&v, e - 8, 8);
  const std::uint64_t field = ~std::uint64_t{0} << (8 * (8 - n));
  v = (v & field) | (0x3030303030303030ULL & ~field);
  // Each byte 0x30-0x39: its high nibble is 3, and still 3 after adding 6.
  if (((v & 0xF0F0F0F0F0F0F0F0ULL) | (((v + 0x0606060606060606ULL) & 0xF0F0F0F0F0F0F0F0ULL) >> 4)) !=
      0x3333333333333333ULL)
    return false;
  v = (v & 0x0F0F0F0F0F0F0F0FULL) * 2561 >> 8;                  // 10a + b in each 16-bit lane
  v = (v & 0x00FF00FF00FF00FFULL) * 6553601 >> 16;              // 100ab + cd in each 32-bit lane
  out = (v & 0x0000FFFF0000FFFFULL) * 42949672960001ULL >> 32;  // 10000abcd + efgh
  return true;
}

}  // namespace

LineResult ParseZeekTsv(ZeekTsvState& st, std::string_view line, FlowEvent& out) {
  // `line` may start with a BOM; columns count from its first byte.
  std::string_view content = line;
  if (content.size() >= 3 && content.substr(0, 3) == "\xef\xbb\xbf") content.remove_prefix(3);
  if (content.empty()) return SkipResult("空行です");
  if (content[0] == '#') return ParseZeekHeader(st, line, content);
  if (!st.path.empty() && st.path != "conn")
    return SkipResult(fmt::format("conn.log ではない Zeek ログの行です（#path {}）", Quote(st.path)));
  if (!st.layout_problem.empty()) return MalformedResult(st.layout_problem, ColumnOf(line, content.data()));

  const char* const begin = content.data();
  const char* const end = begin + content.size();
  const Role* roles = nullptr;
  std::size_t role_count = 0;
  std::size_t columns = 0;
  if (st.have_fields) {
    roles = st.roles.data();
    role_count = st.roles.size();
  } else {
    columns = 1;
    for (const char* p = FindByte(begin, end, st.separator); p != end; p = FindByte(p + 1, end, st.separator)) ++columns;
    if (columns < 7)
      return MalformedResult(
          fmt::format("Zeek conn.log の列が足りません（{} 列。#fields の行がないため標準の並びとして読んでいます）", columns),
          ColumnOf(line, end));
    if (columns == 20) {
      roles = kLayoutOld.data();
      role_count = kLayoutOld.size();
    } else {
      roles = kLayoutCurrent.data();
      role_count = columns >= 21 ? kLayoutCurrent.size() : 7;
    }
  }

  // The columns the roles name, found in one pass over the line.
  const char* cell_begin[13];
  const char* cell_end[13];
  std::uint32_t present = 0;  // bit per role
  std::size_t col = 0;
  const char* p = begin;
  auto cell = [&](const char* e) {
    if (col < role_count && roles[col] != Role::kNone) {
      const auto r = static_cast<std::size_t>(roles[col]);
      cell_begin[r] = p;
      cell_end[r] = e;
      present |= 1u << r;
    }
    ++col;
    p = e + 1;
  };
  // 16 bytes at a time (SSE2), each separator's position taken from the mask.
  const char separator = st.separator;
  const char* q = begin;
#if defined(__SSE2__)
  const __m128i pattern = _mm_set1_epi8(separator);
  for (; end - q >= 16; q += 16) {
    auto mask = static_cast<std::uint32_t>(
        _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(q)), pattern)));
    for (; mask != 0; mask &= mask - 1) cell(q + std::countr_zero(mask));
  }
  if (q < end && end - begin >= 16) {  // the last 16 bytes of the line, less those already seen
    auto mask = static_cast<std::uint32_t>(
        _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(end - 16)), pattern)));
    for (mask >>= 16 - (end - q); mask != 0; mask &= mask - 1) cell(q + std::countr_zero(mask));
    q = end;
  }
#endif
  for (; q < end; ++q)
    if (*q == separator) cell(q);
  cell(end);  // the last column
  if (st.have_fields && col != role_count) {
    if (col < role_count)
      return MalformedResult(fmt::format("列の数が #fields と合いません（{} 列。#fields は {} 列）", col, role_count),
                             ColumnOf(line, end));
    // Point at the first column beyond the header.
    const char* at = begin;
    for (std::size_t k = 0; k < role_count; ++k) at = FindByte(at, end, st.separator) + 1;
    return MalformedResult(fmt::format("列の数が #fields と合いません（{} 列。#fields は {} 列）", col, role_count),
                           ColumnOf(line, at));
  }

  auto value = [&](std::size_t r) {
    return std::string_view(cell_begin[r], static_cast<std::size_t>(cell_end[r] - cell_begin[r]));
  };
  auto same = [](std::string_view v, const std::string& s) {
    return v.size() == s.size() && (v.empty() || (v[0] == s[0] && v == s));
  };
  auto is_set = [&](Role r) {
    const auto i = static_cast<std::size_t>(r);
    if ((present >> i & 1u) == 0) return false;
    const std::string_view v = value(i);
    return !v.empty() && !same(v, st.unset) && !same(v, st.empty);
  };
  auto col_of = [&](Role r) { return ColumnOf(line, cell_begin[static_cast<std::size_t>(r)]); };
  // ParseUnsigned and ParsePort, eight digits at a time where the line allows it.
  auto number = [&](std::string_view v, std::uint64_t max, std::uint64_t& n) {
    if constexpr (std::endian::native == std::endian::little) {
      if (!v.empty() && v.size() <= 8 && v.data() + v.size() - begin >= 8) {
        std::uint64_t x = 0;
        if (!Digits8(v.data(), v.data() + v.size(), x) || x > max) return false;
        n = x;
        return true;
      }
    }
    return ParseUnsigned(v, max, n);
  };
  // ParseEpochSeconds; Zeek's own "1795305600.123456" eight digits at a time.
  auto epoch = [&](std::string_view v, std::int64_t& ms) {
    if constexpr (std::endian::native == std::endian::little) {
      std::uint64_t low = 0, micros = 0;
      if (v.size() == 17 && v[10] == '.' && IsDigit(v[0]) && IsDigit(v[1]) &&
          Digits8(v.data() + 2, v.data() + 10, low) && Digits8(v.data() + 11, v.data() + 17, micros)) {
        const auto secs = static_cast<std::int64_t>((v[0] - '0') * 10 + (v[1] - '0')) * 100'000'000 +
                          static_cast<std::int64_t>(low);
        ms = secs * 1000 + static_cast<std::int64_t>(micros / 1000);
        return true;
      }
    }
    return ParseEpochSeconds(v, ms);
  };
  auto port = [&](std::string_view v, std::uint16_t& n) {
    std::uint64_t x = 0;
    if (v.size() > 5 || !number(v, 65535, x)) return false;
    n = static_cast<std::uint16_t>(x);
    return true;
  };

  if (is_set(Role::kTs) && !epoch(value(Role::kTs), out.time_ms))
    return MalformedResult(fmt::format("ts 列の値「{}」が時刻（Unix 秒）ではありません", Quote(value(Role::kTs))),
                           col_of(Role::kTs));
  if (!is_set(Role::kOrigH)) return MalformedResult("id.orig_h（送信元アドレス）がありません", ColumnOf(line, begin));
  if (!ParseAddress(value(Role::kOrigH), out.src))
    return MalformedResult(fmt::format("id.orig_h の値「{}」が IP アドレスではありません", Quote(value(Role::kOrigH))),
                           col_of(Role::kOrigH));
  if (!is_set(Role::kRespH)) return MalformedResult("id.resp_h（宛先アドレス）がありません", ColumnOf(line, begin));
  if (!ParseAddress(value(Role::kRespH), out.dst))
    return MalformedResult(fmt::format("id.resp_h の値「{}」が IP アドレスではありません", Quote(value(Role::kRespH))),
                           col_of(Role::kRespH));
  if (is_set(Role::kOrigP) && !port(value(Role::kOrigP), out.src_port))
    return MalformedResult(fmt::format("id.orig_p の値「{}」がポート番号ではありません", Quote(value(Role::kOrigP))),
                           col_of(Role::kOrigP));
  if (is_set(Role::kRespP) && !port(value(Role::kRespP), out.dst_port))
    return MalformedResult(fmt::format("id.resp_p の値「{}」がポート番号ではありません", Quote(value(Role::kRespP))),
                           col_of(Role::kRespP));
  if (is_set(Role::kProto)) {
    std::uint8_t proto = 0;
    if (ParseProtocol(value(Role::kProto), proto)) out.protocol = proto;
    if (proto == kProtoIcmp && !out.src.IsV4()) out.protocol = kProtoIcmpV6;  // Zeek says "icmp" for both
  }
  std::array<std::uint64_t, 13> n{};
  for (Role r : {Role::kOrigBytes, Role::kRespBytes, Role::kOrigIpBytes, Role::kRespIpBytes, Role::kOrigPkts,
                 Role::kRespPkts}) {
    if (!is_set(r)) continue;
    if (!number(value(r), UINT64_MAX / 4, n[r]))
      return MalformedResult(fmt::format("{} 列の値「{}」が 0 以上の整数ではありません", RoleName(r), Quote(value(r))),
                             col_of(r));
  }
  // IP-level bytes (as NetFlow and firewalls count) when Zeek gives them, else payload bytes.
  if (is_set(Role::kOrigIpBytes) || is_set(Role::kRespIpBytes))
    out.bytes = n[Role::kOrigIpBytes] + n[Role::kRespIpBytes];
  else
    out.bytes = n[Role::kOrigBytes] + n[Role::kRespBytes];
  out.packets = n[Role::kOrigPkts] + n[Role::kRespPkts];
  return FlowResult();
}

// ---------------------------------------------------------------- JSON helpers

namespace {

std::size_t JsonColumn(std::string_view line, std::string_view msg, std::size_t offset) {
  return ColumnOf(line, msg.data()) + offset;
}

// The string of a slot, decoded into `scratch` when it has escapes.
bool JsonString(const JsonSlot& s, std::string& scratch, std::string_view& out) {
  if (s.type != JsonType::kString) return false;
  if (!s.escaped) {
    out = s.text;
    return true;
  }
  if (!JsonUnescape(s.text, scratch)) return false;
  out = scratch;
  return true;
}

// A non-negative integer given as a JSON number (or, leniently, a string of digits).
bool JsonUnsigned(const JsonSlot& s, std::uint64_t max, std::uint64_t& out) {
  if (s.type != JsonType::kNumber && s.type != JsonType::kString) return false;
  return ParseUnsigned(s.text, max, out);
}

// A time given as epoch seconds (number) or as an ISO 8601 string.
bool JsonTime(const JsonSlot& s, const SyslogTime& time, std::int64_t& ms) {
  if (s.type == JsonType::kNumber) return ParseEpochSeconds(s.text, ms);
  if (s.type == JsonType::kString && !s.escaped) return ParseIsoTime(s.text, time.local_offset_minutes, ms);
  return false;
}

LineResult JsonMalformed(std::string_view line, std::string_view msg, const JsonError& e) {
  return MalformedResult(e.reason, JsonColumn(line, msg, e.offset));
}

}  // namespace

// ---------------------------------------------------------------- Zeek JSON

namespace {

enum ZeekSlot {
  kZTs, kZOrigH, kZOrigP, kZRespH, kZRespP, kZProto, kZOrigBytes, kZRespBytes, kZOrigIpBytes, kZRespIpBytes,
  kZOrigPkts, kZRespPkts, kZConnState, kZPath, kZSlotCount
};
constexpr std::array<JsonKey, 15> kZeekTop = {{{"ts", kZTs},
                                               {"id.orig_h", kZOrigH},
                                               {"id.orig_p", kZOrigP},
                                               {"id.resp_h", kZRespH},
                                               {"id.resp_p", kZRespP},
                                               {"proto", kZProto},
                                               {"orig_bytes", kZOrigBytes},
                                               {"resp_bytes", kZRespBytes},
                                               {"orig_ip_bytes", kZOrigIpBytes},
                                               {"resp_ip_bytes", kZRespIpBytes},
                                               {"orig_pkts", kZOrigPkts},
                                               {"resp_pkts", kZRespPkts},
                                               {"conn_state", kZConnState},
                                               {"_path", kZPath},
                                               {"id", -1, 0}}};
constexpr std::array<JsonKey, 4> kZeekId = {{{"orig_h", kZOrigH}, {"orig_p", kZOrigP}, {"resp_h", kZRespH}, {"resp_p", kZRespP}}};
constexpr std::array<std::span<const JsonKey>, 1> kZeekNested = {std::span<const JsonKey>(kZeekId)};

}  // namespace

LineResult ParseZeekJson(std::string_view line, std::string_view msg, const SyslogTime& time, FlowEvent& out) {
  std::array<JsonSlot, kZSlotCount> s{};
  JsonError err;
  if (!ScanJsonObject(msg, {kZeekTop, kZeekNested}, s, err)) return JsonMalformed(line, msg, err);
  auto col = [&](int slot) { return JsonColumn(line, msg, s[static_cast<std::size_t>(slot)].offset); };
  if (s[kZPath].type == JsonType::kString && s[kZPath].text != "conn")
    return SkipResult(fmt::format("conn.log ではない Zeek ログの行です（_path {}）", Quote(s[kZPath].text)));
  if (s[kZConnState].type == JsonType::kNone && s[kZPath].type == JsonType::kNone)
    return SkipResult("Zeek conn.log の記録ではありません（conn_state がありません）");
  if (s[kZTs].type != JsonType::kNone && s[kZTs].type != JsonType::kNull && !JsonTime(s[kZTs], time, out.time_ms))
    return MalformedResult(fmt::format("ts の値「{}」が時刻ではありません", Quote(s[kZTs].text)), col(kZTs));
  std::string scratch;
  std::string_view text;
  if (s[kZOrigH].type == JsonType::kNone) return MalformedResult("id.orig_h（送信元アドレス）がありません", ColumnOf(line, msg.data()));
  if (!JsonString(s[kZOrigH], scratch, text) || !ParseAddress(text, out.src))
    return MalformedResult(fmt::format("id.orig_h の値「{}」が IP アドレスではありません", Quote(s[kZOrigH].text)), col(kZOrigH));
  if (s[kZRespH].type == JsonType::kNone) return MalformedResult("id.resp_h（宛先アドレス）がありません", ColumnOf(line, msg.data()));
  if (!JsonString(s[kZRespH], scratch, text) || !ParseAddress(text, out.dst))
    return MalformedResult(fmt::format("id.resp_h の値「{}」が IP アドレスではありません", Quote(s[kZRespH].text)), col(kZRespH));
  std::uint64_t v = 0;
  if (s[kZOrigP].type != JsonType::kNone) {
    if (!JsonUnsigned(s[kZOrigP], 65535, v))
      return MalformedResult(fmt::format("id.orig_p の値「{}」がポート番号ではありません", Quote(s[kZOrigP].text)), col(kZOrigP));
    out.src_port = static_cast<std::uint16_t>(v);
  }
  if (s[kZRespP].type != JsonType::kNone) {
    if (!JsonUnsigned(s[kZRespP], 65535, v))
      return MalformedResult(fmt::format("id.resp_p の値「{}」がポート番号ではありません", Quote(s[kZRespP].text)), col(kZRespP));
    out.dst_port = static_cast<std::uint16_t>(v);
  }
  if (JsonString(s[kZProto], scratch, text)) {
    std::uint8_t proto = 0;
    if (ParseProtocol(text, proto)) out.protocol = proto;
    if (proto == kProtoIcmp && !out.src.IsV4()) out.protocol = kProtoIcmpV6;
  }
  std::array<std::uint64_t, kZSlotCount> n{};
  for (int k : {kZOrigBytes, kZRespBytes, kZOrigIpBytes, kZRespIpBytes, kZOrigPkts, kZRespPkts}) {
    const auto& sl = s[static_cast<std::size_t>(k)];
    if (sl.type == JsonType::kNone || sl.type == JsonType::kNull) continue;
    if (!JsonUnsigned(sl, UINT64_MAX / 4, n[static_cast<std::size_t>(k)]))
      return MalformedResult(
          fmt::format("{} の値「{}」が 0 以上の整数ではありません", kZeekTop[static_cast<std::size_t>(k)].name, Quote(sl.text)),
          col(k));
  }
  const bool ip_bytes = s[kZOrigIpBytes].type == JsonType::kNumber || s[kZRespIpBytes].type == JsonType::kNumber;
  out.bytes = ip_bytes ? n[kZOrigIpBytes] + n[kZRespIpBytes] : n[kZOrigBytes] + n[kZRespBytes];
  out.packets = n[kZOrigPkts] + n[kZRespPkts];
  return FlowResult();
}

// ---------------------------------------------------------------- Suricata EVE

namespace {

enum SuricataSlot {
  kSTimestamp, kSEventType, kSSrcIp, kSDestIp, kSSrcPort, kSDestPort, kSProto, kSIcmpType, kSIcmpCode, kSHost,
  kSAlertAction, kSFlowPktsToServer, kSFlowPktsToClient, kSFlowBytesToServer, kSFlowBytesToClient, kSFlowState,
  kSFlowAction, kSNetflowPkts, kSNetflowBytes, kSSlotCount
};
constexpr std::array<JsonKey, 13> kSuricataTop = {{{"timestamp", kSTimestamp},
                                                   {"event_type", kSEventType},
                                                   {"src_ip", kSSrcIp},
                                                   {"dest_ip", kSDestIp},
                                                   {"src_port", kSSrcPort},
                                                   {"dest_port", kSDestPort},
                                                   {"proto", kSProto},
                                                   {"icmp_type", kSIcmpType},
                                                   {"icmp_code", kSIcmpCode},
                                                   {"host", kSHost},
                                                   {"alert", -1, 0},
                                                   {"flow", -1, 1},
                                                   {"netflow", -1, 2}}};
constexpr std::array<JsonKey, 1> kSuricataAlert = {{{"action", kSAlertAction}}};
constexpr std::array<JsonKey, 6> kSuricataFlow = {{{"pkts_toserver", kSFlowPktsToServer},
                                                   {"pkts_toclient", kSFlowPktsToClient},
                                                   {"bytes_toserver", kSFlowBytesToServer},
                                                   {"bytes_toclient", kSFlowBytesToClient},
                                                   {"state", kSFlowState},
                                                   {"action", kSFlowAction}}};
constexpr std::array<JsonKey, 2> kSuricataNetflow = {{{"pkts", kSNetflowPkts}, {"bytes", kSNetflowBytes}}};
constexpr std::array<std::span<const JsonKey>, 3> kSuricataNested = {
    std::span<const JsonKey>(kSuricataAlert), std::span<const JsonKey>(kSuricataFlow),
    std::span<const JsonKey>(kSuricataNetflow)};

std::string_view SuricataCounterName(int slot) {
  switch (slot) {
    case kSFlowPktsToServer: return "flow.pkts_toserver";
    case kSFlowPktsToClient: return "flow.pkts_toclient";
    case kSFlowBytesToServer: return "flow.bytes_toserver";
    case kSFlowBytesToClient: return "flow.bytes_toclient";
    case kSNetflowPkts: return "netflow.pkts";
    case kSNetflowBytes: return "netflow.bytes";
    default: return "";
  }
}

}  // namespace

LineResult ParseSuricata(std::string_view line, std::string_view msg, const SyslogTime& time, FlowEvent& out) {
  std::array<JsonSlot, kSSlotCount> s{};
  JsonError err;
  if (!ScanJsonObject(msg, {kSuricataTop, kSuricataNested}, s, err)) return JsonMalformed(line, msg, err);
  auto col = [&](int slot) { return JsonColumn(line, msg, s[static_cast<std::size_t>(slot)].offset); };
  const std::string_view event = s[kSEventType].type == JsonType::kString ? s[kSEventType].text : std::string_view();
  if (s[kSSrcIp].type == JsonType::kNone && s[kSDestIp].type == JsonType::kNone) {
    if (s[kSEventType].type == JsonType::kNone)
      return SkipResult("Suricata の EVE レコードではありません（event_type がありません）");
    return SkipResult(fmt::format("通信の記録ではない Suricata のイベントです（event_type {}）", Quote(event)));
  }
  std::string scratch;
  std::string_view text;
  if (s[kSSrcIp].type == JsonType::kNone) return MalformedResult("src_ip（送信元アドレス）がありません", ColumnOf(line, msg.data()));
  if (!JsonString(s[kSSrcIp], scratch, text) || !ParseAddress(text, out.src))
    return MalformedResult(fmt::format("src_ip の値「{}」が IP アドレスではありません", Quote(s[kSSrcIp].text)), col(kSSrcIp));
  if (s[kSDestIp].type == JsonType::kNone) return MalformedResult("dest_ip（宛先アドレス）がありません", ColumnOf(line, msg.data()));
  if (!JsonString(s[kSDestIp], scratch, text) || !ParseAddress(text, out.dst))
    return MalformedResult(fmt::format("dest_ip の値「{}」が IP アドレスではありません", Quote(s[kSDestIp].text)), col(kSDestIp));
  if (s[kSTimestamp].type != JsonType::kNone && !JsonTime(s[kSTimestamp], time, out.time_ms))
    return MalformedResult(fmt::format("timestamp の値「{}」が時刻ではありません", Quote(s[kSTimestamp].text)), col(kSTimestamp));
  std::uint64_t v = 0;
  for (int k : {kSSrcPort, kSDestPort, kSIcmpType, kSIcmpCode}) {
    const auto& sl = s[static_cast<std::size_t>(k)];
    if (sl.type == JsonType::kNone) continue;
    if (!JsonUnsigned(sl, 65535, v))
      return MalformedResult(fmt::format("{} の値「{}」が正しくありません（0〜65535 の整数）",
                                         kSuricataTop[static_cast<std::size_t>(k)].name, Quote(sl.text)),
                             col(k));
    if (k == kSSrcPort || k == kSIcmpType) out.src_port = static_cast<std::uint16_t>(v);
    else out.dst_port = static_cast<std::uint16_t>(v);
  }
  if (s[kSProto].type == JsonType::kNumber) {
    if (JsonUnsigned(s[kSProto], 255, v)) out.protocol = static_cast<std::uint8_t>(v);
  } else if (JsonString(s[kSProto], scratch, text)) {
    std::uint8_t proto = 0;
    if (ParseProtocol(text, proto)) out.protocol = proto;
  }
  std::array<std::uint64_t, kSSlotCount> n{};
  for (int k : {kSFlowPktsToServer, kSFlowPktsToClient, kSFlowBytesToServer, kSFlowBytesToClient, kSNetflowPkts,
                kSNetflowBytes}) {
    const auto& sl = s[static_cast<std::size_t>(k)];
    if (sl.type == JsonType::kNone) continue;
    if (!JsonUnsigned(sl, UINT64_MAX / 4, n[static_cast<std::size_t>(k)]))
      return MalformedResult(fmt::format("{} の値「{}」が 0 以上の整数ではありません", SuricataCounterName(k), Quote(sl.text)),
                             col(k));
  }
  out.bytes = n[kSFlowBytesToServer] + n[kSFlowBytesToClient] + n[kSNetflowBytes];
  out.packets = n[kSFlowPktsToServer] + n[kSFlowPktsToClient] + n[kSNetflowPkts];
  if (JsonString(s[kSHost], scratch, text)) out.device.assign(text);

  // Action: an IPS drop event, the alert's action, the flow's action (7.0+),
  // else a flow that reached "established"/"closed" passed.
  auto is = [&](int slot, std::string_view word) {
    const auto& sl = s[static_cast<std::size_t>(slot)];
    return sl.type == JsonType::kString && EqualsIgnoreCase(sl.text, word);
  };
  if (event == "drop" || is(kSAlertAction, "blocked") || is(kSFlowAction, "drop") || is(kSFlowAction, "reject")) {
    out.action = FlowAction::kDenied;
  } else if (is(kSAlertAction, "allowed") || is(kSFlowAction, "pass") || is(kSFlowState, "established") ||
             is(kSFlowState, "closed")) {
    out.action = FlowAction::kAllowed;
  }
  return FlowResult();
}

// ---------------------------------------------------------------- detection

Format DetectFormat(std::string_view msg) {
  if (msg.empty()) return Format::kAuto;
  if (msg[0] == '{') return Find(msg, "\"event_type\"") != std::string_view::npos ? Format::kSuricata : Format::kZeekJson;
  if (std::memchr(msg.data(), '%', msg.size()) != nullptr &&
      (Find(msg, "%ASA-") != std::string_view::npos || Find(msg, "%FTD-") != std::string_view::npos ||
       Find(msg, "%PIX-") != std::string_view::npos || Find(msg, "%FWSM-") != std::string_view::npos))
    return Format::kAsa;
  if (Find(msg, "SRC=") != std::string_view::npos && Find(msg, "IN=") != std::string_view::npos) return Format::kIptables;
  if (Find(msg, "logid=") != std::string_view::npos ||
      ((msg.starts_with("date=") || msg.starts_with("devname=")) && Find(msg, " type=") != std::string_view::npos))
    return Format::kFortiGate;
  // PAN-OS: "1,2021/10/26 15:36:18,…"
  std::size_t i = 0;
  while (i < msg.size() && i < 4 && IsDigit(msg[i])) ++i;
  if (i > 0 && i + 11 < msg.size() && msg[i] == ',' && IsDigit(msg[i + 1]) && msg[i + 5] == '/' && msg[i + 8] == '/')
    return Format::kPanos;
  // Zeek TSV without its header: an epoch time, then tabs.
  const auto tab = msg.find('\t');
  std::int64_t ms = 0;
  if (tab != std::string_view::npos && tab > 0 && ParseEpochSeconds(msg.substr(0, tab), ms)) return Format::kZeekTsv;
  return Format::kAuto;
}

}  // namespace detail

// ---------------------------------------------------------------- LineParser

struct LineParser::State {
  detail::ZeekTsvState zeek;
  std::unique_ptr<detail::AsaState> asa;  // made at the first ASA line (128 KiB)
};

LineParser::LineParser(Format format, LineParserOptions options)
    : format_(format), detected_(format), options_(options), state_(std::make_unique<State>()) {}
LineParser::~LineParser() = default;
LineParser::LineParser(LineParser&&) noexcept = default;
LineParser& LineParser::operator=(LineParser&&) noexcept = default;

LineResult LineParser::Parse(std::string_view raw, FlowEvent& out) {
  detail::ResetFlow(out);
  if (raw.size() > options_.max_line_bytes)
    return MalformedResult(fmt::format("行が長すぎます（{} バイト。上限は {} バイト）", raw.size(), options_.max_line_bytes),
                           options_.max_line_bytes + 1);
  std::string_view line = raw;
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
  std::string_view content = line;
  if (content.size() >= 3 && content.substr(0, 3) == "\xef\xbb\xbf") content.remove_prefix(3);
  if (content.empty()) {
    if (format_ == Format::kAuto) detected_ = Format::kAuto;
    return SkipResult("空行です");
  }

  if (format_ == Format::kZeekTsv ||
      (format_ == Format::kAuto && (state_->zeek.have_fields || content[0] == '#'))) {
    detected_ = Format::kZeekTsv;
    return detail::ParseZeekTsv(state_->zeek, line, out);
  }

  SyslogFrame frame;
  ParseSyslogFrame(content, options_.time, frame);
  const std::string_view msg = frame.message;
  Format f = format_;
  if (f == Format::kAuto) {
    f = detail::DetectFormat(msg);
    detected_ = f;
    if (f == Format::kAuto) return SkipResult("どの形式のログとも判別できない行です");
  }
  LineResult r;
  switch (f) {
    case Format::kZeekTsv: r = detail::ParseZeekTsv(state_->zeek, line, out); break;
    case Format::kZeekJson: r = detail::ParseZeekJson(line, msg, options_.time, out); break;
    case Format::kSuricata: r = detail::ParseSuricata(line, msg, options_.time, out); break;
    case Format::kFortiGate: r = detail::ParseFortiGate(line, msg, options_.time, out); break;
    case Format::kPanos: r = detail::ParsePanos(line, msg, options_.time, out); break;
    case Format::kAsa:
      if (!state_->asa) state_->asa = std::make_unique<detail::AsaState>();
      r = detail::ParseAsa(*state_->asa, line, msg, out);
      break;
    case Format::kIptables: r = detail::ParseIptables(line, frame.body, out); break;
    case Format::kAuto: break;
  }
  if (r.outcome == LineOutcome::kFlow) {
    if (out.device.empty() && !frame.host.empty()) out.device.assign(frame.host);
    if (out.time_ms == 0 && frame.has_time) out.time_ms = frame.time_ms;
  } else if (r.outcome == LineOutcome::kMalformed) {
    detail::ResetFlow(out);
  }
  return r;
}

}  // namespace mamori::net::parse
