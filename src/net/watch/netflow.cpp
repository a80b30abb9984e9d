#include "net/watch/netflow.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <unordered_map>

#include <fmt/format.h>

#include "net/watch/scan_util.h"

namespace mamori::net::parse {

using detail::Be16;
using detail::Be32;
using detail::Be64;
using detail::BeN;

namespace {

constexpr std::size_t kV5Header = 24;
constexpr std::size_t kV5Record = 48;
constexpr std::size_t kV9Header = 20;
constexpr std::size_t kIpfixHeader = 16;
constexpr std::uint16_t kVariable = 0xffff;
constexpr std::int64_t kNtpToUnixSeconds = 2208988800LL;

enum class Role : std::uint8_t {
  kSkip, kSrcV4, kDstV4, kSrcV6, kDstV6, kSrcPort, kDstPort, kProto,
  kBytes, kPackets, kBytesTotal, kPacketsTotal, kInitBytes, kRespBytes, kInitPkts, kRespPkts,
  kInIf, kOutIf, kFirstUptime, kStartSec, kStartMs, kStartUs, kStartNs, kObservationMs, kSysInitMs,
  kLastUptime, kEndSec, kEndMs, kEndUs, kEndNs,
  kIcmpTypeCode, kIcmpType, kIcmpCode,
};

bool IsCounter(std::uint16_t len) { return len >= 1 && len <= 8; }

// The role of a field of `type` and `len` bytes (non-enterprise).
Role RoleOf(std::uint16_t type, std::uint16_t len) {
  switch (type) {
    case 1: return IsCounter(len) ? Role::kBytes : Role::kSkip;
    case 2: return IsCounter(len) ? Role::kPackets : Role::kSkip;
    case 4: return len == 1 ? Role::kProto : Role::kSkip;
    case 7: return len == 2 ? Role::kSrcPort : Role::kSkip;
    case 8: return len == 4 ? Role::kSrcV4 : Role::kSkip;
    case 10: return IsCounter(len) && len <= 4 ? Role::kInIf : Role::kSkip;
    case 11: return len == 2 ? Role::kDstPort : Role::kSkip;
    case 12: return len == 4 ? Role::kDstV4 : Role::kSkip;
    case 14: return IsCounter(len) && len <= 4 ? Role::kOutIf : Role::kSkip;
    case 21: return len == 4 ? Role::kLastUptime : Role::kSkip;
    case 22: return len == 4 ? Role::kFirstUptime : Role::kSkip;
    case 27: return len == 16 ? Role::kSrcV6 : Role::kSkip;
    case 28: return len == 16 ? Role::kDstV6 : Role::kSkip;
    case 32:
    case 139: return len == 2 ? Role::kIcmpTypeCode : Role::kSkip;
    case 85: return IsCounter(len) ? Role::kBytesTotal : Role::kSkip;
    case 86: return IsCounter(len) ? Role::kPacketsTotal : Role::kSkip;
    case 150: return len == 4 ? Role::kStartSec : Role::kSkip;
    case 152: return len == 8 ? Role::kStartMs : Role::kSkip;
    case 154: return len == 8 ? Role::kStartUs : Role::kSkip;
    case 156: return len == 8 ? Role::kStartNs : Role::kSkip;
    case 151: return len == 4 ? Role::kEndSec : Role::kSkip;
    case 153: return len == 8 ? Role::kEndMs : Role::kSkip;
    case 155: return len == 8 ? Role::kEndUs : Role::kSkip;
    case 157: return len == 8 ? Role::kEndNs : Role::kSkip;
    case 160: return len == 8 ? Role::kSysInitMs : Role::kSkip;
    case 176:
    case 178: return len == 1 ? Role::kIcmpType : Role::kSkip;
    case 177:
    case 179: return len == 1 ? Role::kIcmpCode : Role::kSkip;
    case 231: return IsCounter(len) ? Role::kInitBytes : Role::kSkip;
    case 232: return IsCounter(len) ? Role::kRespBytes : Role::kSkip;
    case 298: return IsCounter(len) ? Role::kInitPkts : Role::kSkip;
    case 299: return IsCounter(len) ? Role::kRespPkts : Role::kSkip;
    case 323: return len == 8 ? Role::kObservationMs : Role::kSkip;
    default: return Role::kSkip;
  }
}

struct Field {
  std::uint16_t length;  // kVariable for IPFIX variable-length fields
  Role role;
};

constexpr std::size_t kRoleCount = static_cast<std::size_t>(Role::kIcmpCode) + 1;
// Where each role's field is: its index among the template's fields (-1 when
// the template has none) and its length.
struct Slot {
  std::int16_t field = -1;
  std::uint16_t len = 0;
};
using Plan = std::array<Slot, kRoleCount>;

struct Template {
  std::vector<Field> fields;
  std::vector<std::uint16_t> offsets;  // of each field in a record, when no field is variable-length
  Plan plan;
  std::size_t min_length = 0;  // fixed-length fields plus one byte per variable-length one
  bool variable = false;
  bool options = false;
  bool has_addresses = false;
  [[nodiscard]] bool Has(Role r) const { return plan[static_cast<std::size_t>(r)].field >= 0; }
};

struct TemplateKey {
  Address exporter;
  std::uint32_t domain;
  std::uint16_t id;
  std::uint8_t version;
  friend bool operator==(const TemplateKey&, const TemplateKey&) = default;
};
struct TemplateKeyHash {
  std::size_t operator()(const TemplateKey& k) const {
    std::uint64_t h = k.exporter.High() * 0x9e3779b97f4a7c15ULL ^ k.exporter.Low();
    h = (h ^ (static_cast<std::uint64_t>(k.domain) << 24) ^ (static_cast<std::uint64_t>(k.id) << 8) ^ k.version) *
        0xff51afd7ed558ccdULL;
    return static_cast<std::size_t>(h ^ (h >> 32));
  }
};
struct DomainKey {
  Address exporter;
  std::uint32_t domain;
  friend bool operator==(const DomainKey&, const DomainKey&) = default;
};
struct DomainKeyHash {
  std::size_t operator()(const DomainKey& k) const {
    const std::uint64_t h = (k.exporter.High() * 0x9e3779b97f4a7c15ULL ^ k.exporter.Low() ^ k.domain) * 0xff51afd7ed558ccdULL;
    return static_cast<std::size_t>(h ^ (h >> 32));
  }
};

std::int64_t NtpToMs(std::uint64_t ntp) {
  const auto secs = static_cast<std::int64_t>(ntp >> 32) - kNtpToUnixSeconds;
  const auto frac_ms = static_cast<std::int64_t>(((ntp & 0xffffffffULL) * 1000) >> 32);
  return secs * 1000 + frac_ms;
}

// Header times of the message a record came in.
struct MessageTime {
  std::int64_t export_ms = 0;
  std::uint32_t uptime_ms = 0;  // v9 sysUptime
  bool has_uptime = false;
  std::int64_t sys_init_ms = 0;  // IPFIX systemInitTimeMilliseconds learned from options data
};

void SetZone(std::string& zone, std::uint32_t if_index) {
  zone.clear();
  if (if_index == 0) return;
  char buf[16] = {'i', 'f'};
  const auto r = std::to_chars(buf + 2, buf + sizeof buf, if_index);
  zone.assign(buf, r.ptr);
}

// One data record of template `t`; `off` gives the offset of each field in `rec`.
class RecordView {
 public:
  RecordView(const Template& t, const std::uint8_t* rec, const std::uint16_t* off) : t_(t), rec_(rec), off_(off) {}
  [[nodiscard]] bool Has(Role r) const { return t_.Has(r); }
  [[nodiscard]] const std::uint8_t* At(Role r) const {
    return rec_ + off_[t_.plan[static_cast<std::size_t>(r)].field];
  }
  [[nodiscard]] std::uint64_t Number(Role r) const { return BeN(At(r), t_.plan[static_cast<std::size_t>(r)].len); }
  [[nodiscard]] std::uint64_t NumberOr0(Role r) const { return Has(r) ? Number(r) : 0; }

 private:
  const Template& t_;
  const std::uint8_t* rec_;
  const std::uint16_t* off_;
};

// An absolute time in seconds, milliseconds or NTP format (µs/ns), or
// relative to the exporter's uptime; 0 when the record has none of them.
std::int64_t TimeOf(const RecordView& v, const MessageTime& mt, Role sec, Role ms_role, Role us, Role ns, Role uptime) {
  constexpr std::uint64_t kMask = 0x7fffffffffffffffULL;
  if (v.Has(ms_role))
    if (const auto ms = static_cast<std::int64_t>(Be64(v.At(ms_role)) & kMask); ms != 0) return ms;
  if (v.Has(sec))
    if (const std::uint32_t s = Be32(v.At(sec)); s != 0) return static_cast<std::int64_t>(s) * 1000;
  for (Role r : {us, ns})
    if (v.Has(r))
      if (const std::uint64_t ntp = Be64(v.At(r)); ntp != 0) return NtpToMs(ntp);
  if (v.Has(uptime)) {
    const std::uint32_t t = Be32(v.At(uptime));
    if (mt.has_uptime) return mt.export_ms - static_cast<std::int32_t>(mt.uptime_ms - t);
    std::int64_t init = v.Has(Role::kSysInitMs) ? static_cast<std::int64_t>(Be64(v.At(Role::kSysInitMs)) & kMask) : 0;
    if (init == 0) init = mt.sys_init_ms;
    // The 32-bit uptime wraps after 49.7 days, and an exporter replaying a capture
    // (softflowd -r) sends flows that began before it started as "negative"
    // uptimes: take the time within ±24.8 days of the export, as for v9.
    // In unsigned arithmetic: a hostile exporter may announce an init time near
    // 2^63, and init + t must not overflow (it only matters modulo 2^32 here).
    const auto init_u = static_cast<std::uint64_t>(init);
    if (init != 0 && mt.export_ms != 0)
      return mt.export_ms +
             static_cast<std::int32_t>(static_cast<std::uint32_t>(init_u + t - static_cast<std::uint64_t>(mt.export_ms)));
    if (init != 0) return static_cast<std::int64_t>(std::min<std::uint64_t>(init_u + t, kMask));
  }
  return 0;
}

// The start of the flow (IPFIX 150/152/154/156, v9 FIRST_SWITCHED), else its
// end (151/153/155/157, LAST_SWITCHED), else the observation or export time.
std::int64_t StartTime(const RecordView& v, const MessageTime& mt) {
  if (const auto t = TimeOf(v, mt, Role::kStartSec, Role::kStartMs, Role::kStartUs, Role::kStartNs, Role::kFirstUptime);
      t != 0)
    return t;
  if (const auto t = TimeOf(v, mt, Role::kEndSec, Role::kEndMs, Role::kEndUs, Role::kEndNs, Role::kLastUptime); t != 0)
    return t;
  if (v.Has(Role::kObservationMs))
    if (const auto ms = static_cast<std::int64_t>(Be64(v.At(Role::kObservationMs)) & 0x7fffffffffffffffULL); ms != 0)
      return ms;
  return mt.export_ms;
}

void Emit(const RecordView& v, const MessageTime& mt, const std::string& device, std::vector<FlowEvent>& out) {
  FlowEvent& f = out.emplace_back();
  if (v.Has(Role::kSrcV4)) f.src = Address::V4(Be32(v.At(Role::kSrcV4)));
  else f.src = Address::V6(Be64(v.At(Role::kSrcV6)), Be64(v.At(Role::kSrcV6) + 8));
  if (v.Has(Role::kDstV4)) f.dst = Address::V4(Be32(v.At(Role::kDstV4)));
  else f.dst = Address::V6(Be64(v.At(Role::kDstV6)), Be64(v.At(Role::kDstV6) + 8));
  f.src_port = v.Has(Role::kSrcPort) ? Be16(v.At(Role::kSrcPort)) : 0;
  f.dst_port = v.Has(Role::kDstPort) ? Be16(v.At(Role::kDstPort)) : 0;
  f.protocol = v.Has(Role::kProto) ? *v.At(Role::kProto) : 0;
  if (v.Has(Role::kBytes)) f.bytes = v.Number(Role::kBytes);
  else if (v.Has(Role::kBytesTotal)) f.bytes = v.Number(Role::kBytesTotal);
  else f.bytes = v.NumberOr0(Role::kInitBytes) + v.NumberOr0(Role::kRespBytes);
  if (v.Has(Role::kPackets)) f.packets = v.Number(Role::kPackets);
  else if (v.Has(Role::kPacketsTotal)) f.packets = v.Number(Role::kPacketsTotal);
  else f.packets = v.NumberOr0(Role::kInitPkts) + v.NumberOr0(Role::kRespPkts);
  if (f.protocol == kProtoIcmp || f.protocol == kProtoIcmpV6) {
    if (v.Has(Role::kIcmpTypeCode)) {
      const std::uint16_t tc = Be16(v.At(Role::kIcmpTypeCode));
      f.src_port = static_cast<std::uint16_t>(tc >> 8);
      f.dst_port = static_cast<std::uint16_t>(tc & 0xff);
    } else if (v.Has(Role::kIcmpType)) {
      f.src_port = *v.At(Role::kIcmpType);
      f.dst_port = v.Has(Role::kIcmpCode) ? *v.At(Role::kIcmpCode) : 0;
    } else if (f.src_port == 0) {  // type and code in the destination port, as in v5
      f.src_port = static_cast<std::uint16_t>(f.dst_port >> 8);
      f.dst_port = static_cast<std::uint16_t>(f.dst_port & 0xff);
    }
  }
  f.time_ms = StartTime(v, mt);
  SetZone(f.src_zone, static_cast<std::uint32_t>(v.NumberOr0(Role::kInIf)));
  SetZone(f.dst_zone, static_cast<std::uint32_t>(v.NumberOr0(Role::kOutIf)));
  f.device = device;
}

}  // namespace

struct FlowDecoder::Impl {
  DecoderLimits limits;
  std::unordered_map<TemplateKey, Template, TemplateKeyHash> templates;
  std::unordered_map<DomainKey, std::int64_t, DomainKeyHash> sys_init;  // IPFIX systemInitTimeMilliseconds
  Address device_address;
  std::string device;
  bool device_set = false;
  std::vector<std::uint16_t> offsets;  // per-record field offsets for variable-length templates

  DecodeResult* result = nullptr;
  std::size_t base = 0;  // offset of the current message in the buffer

  void Problem(std::size_t offset, std::string reason) {
    ++result->malformed;
    if (result->reason.empty()) {
      result->reason = std::move(reason);
      result->offset = offset;
    }
  }

  std::size_t DecodeV5(std::span<const std::uint8_t> d, std::vector<FlowEvent>& out);
  std::size_t DecodeV9(std::span<const std::uint8_t> d, const Address& exporter, std::vector<FlowEvent>& out);
  std::size_t DecodeIpfix(std::span<const std::uint8_t> d, const Address& exporter, std::vector<FlowEvent>& out);
  void TemplateSet(const std::uint8_t* p, const std::uint8_t* end, const std::uint8_t* start, const TemplateKey& base_key,
                   bool ipfix, bool options);
  void DataSet(const std::uint8_t* p, const std::uint8_t* end, const std::uint8_t* start, const TemplateKey& key,
               const MessageTime& mt, std::vector<FlowEvent>& out);
  bool Store(const TemplateKey& key, Template&& t, std::size_t offset);
};

bool FlowDecoder::Impl::Store(const TemplateKey& key, Template&& t, std::size_t offset) {
  auto it = templates.find(key);
  if (it == templates.end() && templates.size() >= limits.max_templates) {
    Problem(offset, fmt::format("テンプレートの数が上限（{}）に達したため、テンプレート {} を覚えられません",
                                limits.max_templates, key.id));
    return false;
  }
  if (it == templates.end()) templates.emplace(key, std::move(t));
  else it->second = std::move(t);
  ++result->templates;
  return true;
}

// Template or options-template records of one set [p, end); `start` is the buffer start.
void FlowDecoder::Impl::TemplateSet(const std::uint8_t* p, const std::uint8_t* end, const std::uint8_t* start,
                                    const TemplateKey& base_key, bool ipfix, bool options) {
  auto off = [&](const std::uint8_t* q) { return static_cast<std::size_t>(q - start); };
  const std::size_t header = options ? 6 : 4;
  while (end - p >= static_cast<std::ptrdiff_t>(header)) {
    const std::uint8_t* rec = p;
    const std::uint16_t id = Be16(p);
    std::size_t field_count = 0;
    std::size_t scope_count = 0;
    if (id < 256) {
      if (id == 0 && Be16(p + 2) == 0) return;  // padding (v9 pads with zeros)
      Problem(off(rec), fmt::format("テンプレート ID {} は 256 未満で、使えません", id));
      return;
    }
    if (!ipfix && options) {
      // v9 options template: scope length and option length in bytes.
      const std::uint16_t scope_len = Be16(p + 2), opt_len = Be16(p + 4);
      if (scope_len % 4 != 0 || opt_len % 4 != 0) {
        Problem(off(rec), fmt::format("オプションテンプレート {} の長さ（{}、{}）が 4 の倍数ではありません", id, scope_len, opt_len));
        return;
      }
      field_count = (scope_len + opt_len) / 4u;
      scope_count = scope_len / 4u;
    } else {
      field_count = Be16(p + 2);
      if (options) scope_count = Be16(p + 4);
    }
    p += header;
    TemplateKey key = base_key;
    key.id = id;
    if (field_count == 0) {
      if (ipfix && !options) {  // IPFIX template withdrawal
        templates.erase(key);
        ++result->templates;
        continue;
      }
      Problem(off(rec), fmt::format("テンプレート {} にフィールドがありません", id));
      return;
    }
    if (field_count > limits.max_fields_per_template) {
      Problem(off(rec), fmt::format("テンプレート {} のフィールド数 {} が上限（{}）を超えています", id, field_count,
                                    limits.max_fields_per_template));
      return;  // the rest of the set cannot be trusted
    }
    if (options && ipfix && (scope_count == 0 || scope_count > field_count)) {
      Problem(off(rec), fmt::format("オプションテンプレート {} のスコープ数 {} が正しくありません", id, scope_count));
      return;
    }
    Template t;
    t.options = options;
    t.fields.reserve(field_count);
    bool src = false, dst = false;
    for (std::size_t k = 0; k < field_count; ++k) {
      if (end - p < 4) {
        Problem(off(rec), fmt::format("テンプレート {} がセットの終わりで途切れています", id));
        return;
      }
      std::uint16_t type = Be16(p);
      const std::uint16_t len = Be16(p + 2);
      const std::uint8_t* field_at = p;
      p += 4;
      bool enterprise = false;
      if (ipfix && (type & 0x8000) != 0) {
        if (end - p < 4) {
          Problem(off(rec), fmt::format("テンプレート {} がセットの終わりで途切れています", id));
          return;
        }
        enterprise = true;
        type &= 0x7fff;
        p += 4;
      }
      if (len == 0) {
        Problem(off(field_at), fmt::format("テンプレート {} に長さ 0 のフィールド（型 {}）があります", id, type));
        return;
      }
      if (len == kVariable && !ipfix) {
        Problem(off(field_at), fmt::format("NetFlow v9 のテンプレート {} に可変長（65535）のフィールドがあります", id));
        return;
      }
      const Role role = enterprise || len == kVariable ? Role::kSkip : RoleOf(type, len);
      t.fields.push_back({len, role});
      src = src || role == Role::kSrcV4 || role == Role::kSrcV6;
      dst = dst || role == Role::kDstV4 || role == Role::kDstV6;
      if (len == kVariable) {
        t.variable = true;
        t.min_length += 1;
      } else {
        t.min_length += len;
      }
    }
    if (t.min_length > limits.max_record_bytes) {
      Problem(off(rec), fmt::format("テンプレート {} のレコード長 {} バイトが上限（{} バイト）を超えています", id,
                                    t.min_length, limits.max_record_bytes));
      continue;
    }
    t.has_addresses = src && dst && !options;
    for (std::size_t k = 0; k < t.fields.size(); ++k) {
      const Role role = t.fields[k].role;
      if (role != Role::kSkip) t.plan[static_cast<std::size_t>(role)] = {static_cast<std::int16_t>(k), t.fields[k].length};
    }
    if (!t.variable) {
      std::uint16_t offset = 0;
      for (const auto& f : t.fields) {
        t.offsets.push_back(offset);
        offset = static_cast<std::uint16_t>(offset + f.length);
      }
    }
    Store(key, std::move(t), off(rec));
  }
}

void FlowDecoder::Impl::DataSet(const std::uint8_t* p, const std::uint8_t* end, const std::uint8_t* start,
                                const TemplateKey& key, const MessageTime& message_time, std::vector<FlowEvent>& out) {
  auto it = templates.find(key);
  if (it == templates.end()) {
    ++result->waiting_for_template;
    return;
  }
  const Template& t = it->second;
  MessageTime mt = message_time;
  auto padding = [](const std::uint8_t* q, const std::uint8_t* e) {
    if (e - q >= 4) return false;
    for (; q < e; ++q)
      if (*q != 0) return false;
    return true;
  };
  auto take = [&](const RecordView& v) {
    if (t.Has(Role::kSysInitMs)) {  // options data telling when the exporter started
      const auto init = static_cast<std::int64_t>(Be64(v.At(Role::kSysInitMs)) & 0x7fffffffffffffffULL);
      if (init != 0) {
        sys_init[{key.exporter, key.domain}] = init;
        mt.sys_init_ms = init;
      }
    }
    if (t.has_addresses) {
      Emit(v, mt, device, out);
      ++result->flows;
    } else {
      ++result->skipped;
    }
  };
  if (!t.variable) {
    const std::size_t len = t.min_length;
    if (t.has_addresses) out.reserve(out.size() + static_cast<std::size_t>(end - p) / len);
    for (; static_cast<std::size_t>(end - p) >= len && !padding(p, end); p += len) take(RecordView(t, p, t.offsets.data()));
    return;
  }
  offsets.resize(t.fields.size());
  while (static_cast<std::size_t>(end - p) >= t.min_length && !padding(p, end)) {
    const std::uint8_t* rec = p;
    bool ok = true;
    for (std::size_t k = 0; k < t.fields.size(); ++k) {
      std::size_t len = t.fields[k].length;
      if (len == kVariable) {
        if (end - p < 1) {
          ok = false;
          break;
        }
        len = *p++;
        if (len == 255) {
          if (end - p < 2) {
            ok = false;
            break;
          }
          len = Be16(p);
          p += 2;
        }
      }
      if (static_cast<std::size_t>(end - p) < len) {
        ok = false;
        break;
      }
      offsets[k] = static_cast<std::uint16_t>(p - rec);
      p += len;
    }
    if (!ok) {
      Problem(static_cast<std::size_t>(rec - start),
              fmt::format("テンプレート {} のデータレコードがセットの終わりを越えています（可変長フィールドの長さが合いません）", key.id));
      return;
    }
    take(RecordView(t, rec, offsets.data()));
  }
}

std::size_t FlowDecoder::Impl::DecodeV5(std::span<const std::uint8_t> d, std::vector<FlowEvent>& out) {
  const std::uint8_t* h = d.data();
  if (d.size() < kV5Header) {
    Problem(base, fmt::format("NetFlow v5 のヘッダー（24 バイト）が途中で切れています（{} バイト）", d.size()));
    return d.size();
  }
  const std::uint16_t count = Be16(h + 2);
  result->announced += count;
  const std::size_t need = kV5Header + kV5Record * count;
  if (d.size() < need) {
    Problem(base + 2, fmt::format("NetFlow v5 のレコード数 {} に対してデータグラムが短すぎます（{} バイト必要、{} バイト）",
                                  count, need, d.size()));
    return d.size();
  }
  MessageTime mt;
  const std::uint32_t uptime = Be32(h + 4);
  mt.export_ms = static_cast<std::int64_t>(Be32(h + 8)) * 1000 + Be32(h + 12) / 1'000'000;
  out.reserve(out.size() + count);
  for (std::size_t i = 0; i < count; ++i) {
    const std::uint8_t* r = h + kV5Header + i * kV5Record;
    FlowEvent& f = out.emplace_back();
    f.src = Address::V4(Be32(r));
    f.dst = Address::V4(Be32(r + 4));
    SetZone(f.src_zone, Be16(r + 12));
    SetZone(f.dst_zone, Be16(r + 14));
    f.packets = Be32(r + 16);
    f.bytes = Be32(r + 20);
    f.time_ms = mt.export_ms - static_cast<std::int32_t>(uptime - Be32(r + 24));
    f.src_port = Be16(r + 32);
    f.dst_port = Be16(r + 34);
    f.protocol = r[38];
    if ((f.protocol == kProtoIcmp || f.protocol == kProtoIcmpV6) && f.src_port == 0) {
      f.src_port = static_cast<std::uint16_t>(f.dst_port >> 8);
      f.dst_port = static_cast<std::uint16_t>(f.dst_port & 0xff);
    }
    f.device = device;
  }
  result->flows += count;
  return need;
}

std::size_t FlowDecoder::Impl::DecodeV9(std::span<const std::uint8_t> d, const Address& exporter,
                                        std::vector<FlowEvent>& out) {
  const std::uint8_t* h = d.data();
  if (d.size() < kV9Header) {
    Problem(base, fmt::format("NetFlow v9 のヘッダー（20 バイト）が途中で切れています（{} バイト）", d.size()));
    return d.size();
  }
  result->announced += Be16(h + 2);
  MessageTime mt;
  mt.uptime_ms = Be32(h + 4);
  mt.has_uptime = true;
  mt.export_ms = static_cast<std::int64_t>(Be32(h + 8)) * 1000;
  const TemplateKey base_key{exporter, Be32(h + 16), 0, 9};
  const std::uint8_t* p = h + kV9Header;
  const std::uint8_t* end = h + d.size();
  while (end - p >= 4) {
    const std::uint16_t id = Be16(p), len = Be16(p + 2);
    if (len < 4) {
      Problem(base + static_cast<std::size_t>(p - h), fmt::format("FlowSet の長さ {} が短すぎます（4 バイト以上）", len));
      return d.size();
    }
    if (len > end - p) {
      Problem(base + static_cast<std::size_t>(p - h),
              fmt::format("FlowSet（ID {}）の長さ {} バイトがデータグラムの残り {} バイトを超えています（途中で切れています）",
                          id, len, end - p));
      return d.size();
    }
    const std::uint8_t* set_end = p + len;
    if (id == 0 || id == 1) {
      TemplateSet(p + 4, set_end, h - base, base_key, false, id == 1);
    } else if (id >= 256) {
      TemplateKey key = base_key;
      key.id = id;
      DataSet(p + 4, set_end, h - base, key, mt, out);
    }
    p = set_end;
  }
  return d.size();
}

std::size_t FlowDecoder::Impl::DecodeIpfix(std::span<const std::uint8_t> d, const Address& exporter,
                                           std::vector<FlowEvent>& out) {
  const std::uint8_t* h = d.data();
  if (d.size() < kIpfixHeader) {
    Problem(base, fmt::format("IPFIX のヘッダー（16 バイト）が途中で切れています（{} バイト）", d.size()));
    return d.size();
  }
  const std::uint16_t length = Be16(h + 2);
  if (length < kIpfixHeader) {
    Problem(base + 2, fmt::format("IPFIX メッセージ長 {} がヘッダーより短いです", length));
    return d.size();
  }
  if (length > d.size()) {
    Problem(base + 2, fmt::format("IPFIX メッセージ長 {} バイトに対してデータが {} バイトしかありません（途中で切れています）",
                                  length, d.size()));
    return d.size();
  }
  MessageTime mt;
  mt.export_ms = static_cast<std::int64_t>(Be32(h + 4)) * 1000;
  const std::uint32_t domain = Be32(h + 12);
  if (auto it = sys_init.find({exporter, domain}); it != sys_init.end()) mt.sys_init_ms = it->second;
  const TemplateKey base_key{exporter, domain, 0, 10};
  const std::uint8_t* p = h + kIpfixHeader;
  const std::uint8_t* end = h + length;
  while (end - p >= 4) {
    const std::uint16_t id = Be16(p), len = Be16(p + 2);
    if (len < 4) {
      Problem(base + static_cast<std::size_t>(p - h), fmt::format("IPFIX セットの長さ {} が短すぎます（4 バイト以上）", len));
      return length;
    }
    if (len > end - p) {
      Problem(base + static_cast<std::size_t>(p - h),
              fmt::format("IPFIX セット（ID {}）の長さ {} バイトがメッセージの残り {} バイトを超えています", id, len, end - p));
      return length;
    }
    const std::uint8_t* set_end = p + len;
    if (id == 2 || id == 3) {
      TemplateSet(p + 4, set_end, h - base, base_key, true, id == 3);
      if (auto it = sys_init.find({exporter, domain}); it != sys_init.end()) mt.sys_init_ms = it->second;
    } else if (id >= 256) {
      TemplateKey key = base_key;
      key.id = id;
      DataSet(p + 4, set_end, h - base, key, mt, out);
      if (auto it = sys_init.find({exporter, domain}); it != sys_init.end()) mt.sys_init_ms = it->second;
    }
    p = set_end;
  }
  if (p != end) Problem(base + static_cast<std::size_t>(p - h), "IPFIX メッセージの終わりに半端なバイトがあります");
  return length;
}

FlowDecoder::FlowDecoder(DecoderLimits limits) : impl_(std::make_unique<Impl>()) { impl_->limits = limits; }
FlowDecoder::~FlowDecoder() = default;
FlowDecoder::FlowDecoder(FlowDecoder&&) noexcept = default;
FlowDecoder& FlowDecoder::operator=(FlowDecoder&&) noexcept = default;

std::size_t FlowDecoder::TemplateCount() const { return impl_->templates.size(); }

DecodeResult FlowDecoder::Decode(std::span<const std::uint8_t> datagram, const Address& exporter,
                                 std::vector<FlowEvent>& out) {
  DecodeResult result;
  Impl& im = *impl_;
  im.result = &result;
  if (!im.device_set || im.device_address != exporter) {
    im.device_address = exporter;
    im.device = exporter.ToString();
    im.device_set = true;
  }
  std::size_t pos = 0;
  while (pos < datagram.size()) {
    const auto rest = datagram.subspan(pos);
    if (rest.size() < 2) {
      im.base = pos;
      im.Problem(pos, "バージョン番号を読むには短すぎるデータです");
      break;
    }
    const std::uint16_t version = Be16(rest.data());
    if (version != 5 && version != 9 && version != 10) {
      im.base = pos;
      im.Problem(pos, pos == 0 ? fmt::format("NetFlow/IPFIX のバージョン {} には対応していません（5、9、10 のみ）", version)
                                : fmt::format("メッセージの後に余分なバイトがあります（{} バイト）", rest.size()));
      break;
    }
    if (result.version == 0) result.version = version;
    im.base = pos;
    std::size_t used = 0;
    if (version == 5) used = im.DecodeV5(rest, out);
    else if (version == 9) used = im.DecodeV9(rest, exporter, out);
    else used = im.DecodeIpfix(rest, exporter, out);
    ++result.messages;
    if (used == 0) break;
    pos += used;
  }
  im.result = nullptr;
  return result;
}

}  // namespace mamori::net::parse
