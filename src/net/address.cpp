#include "net/address.h"

#include <fmt/format.h>

namespace mamori::net {
namespace {

constexpr std::uint64_t kV4MappedHigh = 0;
constexpr std::uint64_t kV4MappedLowPrefix = 0xffffULL << 32;

std::optional<std::uint32_t> ParseV4(std::string_view s) {
  std::uint32_t value = 0;
  int parts = 0;
  std::size_t i = 0;
  while (parts < 4) {
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return std::nullopt;
    unsigned octet = 0;
    int digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      octet = octet * 10 + static_cast<unsigned>(s[i] - '0');
      if (++digits > 3 || octet > 255) return std::nullopt;
      ++i;
    }
    value = (value << 8) | octet;
    ++parts;
    if (parts < 4) {
      if (i >= s.size() || s[i] != '.') return std::nullopt;
      ++i;
    }
  }
  if (i != s.size()) return std::nullopt;
  return value;
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::array<std::uint16_t, 8>> ParseV6(std::string_view s) {
  std::array<std::uint16_t, 8> groups{};
  int count = 0;
  int gap = -1;  // index in groups where "::" stood
  std::size_t i = 0;
  if (s.starts_with("::")) {
    gap = 0;
    i = 2;
    if (i == s.size()) return groups;
  } else if (s.starts_with(":")) {
    return std::nullopt;
  }
  while (i < s.size()) {
    // An embedded IPv4 address ends the text.
    const std::size_t next_colon = s.find(':', i);
    const std::string_view piece = s.substr(i, next_colon == std::string_view::npos ? s.size() - i : next_colon - i);
    if (next_colon == std::string_view::npos && piece.find('.') != std::string_view::npos) {
      auto v4 = ParseV4(piece);
      if (!v4 || count > 6) return std::nullopt;
      groups[static_cast<std::size_t>(count++)] = static_cast<std::uint16_t>(*v4 >> 16);
      groups[static_cast<std::size_t>(count++)] = static_cast<std::uint16_t>(*v4 & 0xffff);
      i = s.size();
      break;
    }
    if (piece.empty() || piece.size() > 4 || count >= 8) return std::nullopt;
    unsigned value = 0;
    for (char c : piece) {
      const int d = HexDigit(c);
      if (d < 0) return std::nullopt;
      value = value * 16 + static_cast<unsigned>(d);
    }
    groups[static_cast<std::size_t>(count++)] = static_cast<std::uint16_t>(value);
    if (next_colon == std::string_view::npos) {
      i = s.size();
      break;
    }
    i = next_colon + 1;
    if (i < s.size() && s[i] == ':') {
      if (gap >= 0) return std::nullopt;  // a second "::"
      gap = count;
      ++i;
      if (i == s.size()) break;
    } else if (i == s.size()) {
      return std::nullopt;  // trailing single ':'
    }
  }
  if (gap < 0) {
    if (count != 8) return std::nullopt;
    return groups;
  }
  if (count >= 8) return std::nullopt;  // "::" must stand for at least one group
  std::array<std::uint16_t, 8> out{};
  const int tail = count - gap;
  for (int k = 0; k < gap; ++k) out[static_cast<std::size_t>(k)] = groups[static_cast<std::size_t>(k)];
  for (int k = 0; k < tail; ++k)
    out[static_cast<std::size_t>(8 - tail + k)] = groups[static_cast<std::size_t>(gap + k)];
  return out;
}

}  // namespace

Address Address::V4(std::uint32_t host_order) {
  Address a;
  a.high_ = kV4MappedHigh;
  a.low_ = kV4MappedLowPrefix | host_order;
  return a;
}

Address Address::V6(std::uint64_t high, std::uint64_t low) {
  Address a;
  a.high_ = high;
  a.low_ = low;
  return a;
}

Address Address::V6(const std::array<std::uint8_t, 16>& b) {
  std::uint64_t hi = 0, lo = 0;
  for (int i = 0; i < 8; ++i) hi = (hi << 8) | b[static_cast<std::size_t>(i)];
  for (int i = 8; i < 16; ++i) lo = (lo << 8) | b[static_cast<std::size_t>(i)];
  return V6(hi, lo);
}

std::optional<Address> Address::Parse(std::string_view text) {
  if (text.size() >= 2 && text.front() == '[' && text.back() == ']') text = text.substr(1, text.size() - 2);
  if (text.empty() || text.size() > 64) return std::nullopt;
  if (text.find(':') == std::string_view::npos) {
    auto v4 = ParseV4(text);
    if (!v4) return std::nullopt;
    return V4(*v4);
  }
  if (const auto pct = text.find('%'); pct != std::string_view::npos) text = text.substr(0, pct);
  auto groups = ParseV6(text);
  if (!groups) return std::nullopt;
  std::uint64_t hi = 0, lo = 0;
  for (int i = 0; i < 4; ++i) hi = (hi << 16) | (*groups)[static_cast<std::size_t>(i)];
  for (int i = 4; i < 8; ++i) lo = (lo << 16) | (*groups)[static_cast<std::size_t>(i)];
  return V6(hi, lo);
}

bool Address::IsPrivate() const {
  if (IsV4()) {
    const std::uint32_t v = V4Value();
    auto in = [v](std::uint32_t net, int len) { return (v >> (32 - len)) == (net >> (32 - len)); };
    return in(0x0A000000, 8) || in(0xAC100000, 12) || in(0xC0A80000, 16) || in(0x7F000000, 8) ||
           in(0xA9FE0000, 16) || in(0x64400000, 10) || in(0x00000000, 8) || in(0xE0000000, 4) || v == 0xFFFFFFFF;
  }
  const auto top16 = static_cast<std::uint16_t>(high_ >> 48);
  if ((top16 & 0xfe00) == 0xfc00) return true;  // fc00::/7 ULA
  if ((top16 & 0xffc0) == 0xfe80) return true;  // fe80::/10 link-local
  if ((top16 & 0xff00) == 0xff00) return true;  // multicast
  return high_ == 0 && (low_ == 0 || low_ == 1);  // :: and ::1
}

std::string Address::ToString() const {
  if (IsV4()) {
    const std::uint32_t v = V4Value();
    return fmt::format("{}.{}.{}.{}", v >> 24, (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff);
  }
  std::array<std::uint16_t, 8> g{};
  for (int i = 0; i < 4; ++i) g[static_cast<std::size_t>(i)] = static_cast<std::uint16_t>(high_ >> (48 - 16 * i));
  for (int i = 0; i < 4; ++i) g[static_cast<std::size_t>(4 + i)] = static_cast<std::uint16_t>(low_ >> (48 - 16 * i));
  // The longest run (of 2 or more) of zero groups becomes "::" (RFC 5952).
  int best = -1, best_len = 0;
  for (int i = 0; i < 8;) {
    if (g[static_cast<std::size_t>(i)] != 0) {
      ++i;
      continue;
    }
    int j = i;
    while (j < 8 && g[static_cast<std::size_t>(j)] == 0) ++j;
    if (j - i > best_len && j - i >= 2) {
      best = i;
      best_len = j - i;
    }
    i = j;
  }
  std::string out;
  for (int i = 0; i < 8; ++i) {
    if (i == best) {
      out += "::";
      i += best_len - 1;
      continue;
    }
    if (!out.empty() && out.back() != ':') out += ':';
    out += fmt::format("{:x}", g[static_cast<std::size_t>(i)]);
  }
  return out;
}

Address Address::Next() const {
  Address a = *this;
  if (++a.low_ == 0) ++a.high_;
  return a;
}

Address Address::Prev() const {
  Address a = *this;
  if (a.low_-- == 0) --a.high_;
  return a;
}

namespace {
// Mask of the first `bits` of 128 as (high, low).
std::pair<std::uint64_t, std::uint64_t> Mask(int bits) {
  if (bits <= 0) return {0, 0};
  if (bits >= 128) return {~0ULL, ~0ULL};
  if (bits <= 64) return {bits == 64 ? ~0ULL : ~(~0ULL >> bits), 0};
  return {~0ULL, bits - 64 == 64 ? ~0ULL : ~(~0ULL >> (bits - 64))};
}
}  // namespace

Cidr::Cidr(Address base, int length) : length_(length) {
  const int bits = base.IsV4() ? length + 96 : length;
  const auto [mh, ml] = Mask(bits);
  first_ = Address::V6(base.High() & mh, base.Low() & ml);
}

Address Cidr::Last() const {
  const auto [mh, ml] = Mask(Bits());
  return Address::V6(first_.High() | ~mh, first_.Low() | ~ml);
}

Result<Cidr> Cidr::Parse(std::string_view text, bool strict) {
  const auto slash = text.find('/');
  const std::string_view host = text.substr(0, slash);
  auto address = Address::Parse(host);
  if (!address) return Fail(ErrorCode::kParse, fmt::format("「{}」は IP アドレスではありません", host));
  const int max = address->IsV4() ? 32 : 128;
  int length = max;
  if (slash != std::string_view::npos) {
    const std::string_view digits = text.substr(slash + 1);
    if (digits.empty() || digits.size() > 3) return Fail(ErrorCode::kParse, fmt::format("「{}」のプレフィックス長がありません", text));
    length = 0;
    for (char c : digits) {
      if (c < '0' || c > '9') return Fail(ErrorCode::kParse, fmt::format("「{}」のプレフィックス長が数字ではありません", text));
      length = length * 10 + (c - '0');
    }
    if (length > max)
      return Fail(ErrorCode::kParse, fmt::format("「{}」のプレフィックス長は {} までです", text, max));
  }
  Cidr c(*address, length);
  if (strict && c.first_ != *address)
    return Fail(ErrorCode::kParse, fmt::format("「{}」はネットワークアドレスではありません（{} のつもりですか）", text, c.ToString()));
  return c;
}

std::string Cidr::ToString() const {
  return fmt::format("{}/{}", first_.ToString(), length_);
}

Address Cidr::ExampleHost() const {
  const int host_bits = (IsV4() ? 32 : 128) - length_;
  return host_bits >= 2 ? first_.Next() : first_;
}

}  // namespace mamori::net
