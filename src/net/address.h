// IP addresses and prefixes, IPv4 and IPv6 in one type.
//
// An address is 128 bits; IPv4 is kept as the IPv4-mapped IPv6 address
// (::ffff:a.b.c.d) so that one comparison orders both families and a prefix
// of either family is one contiguous range [first, last].
#pragma once

#include <array>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/error.h"

namespace mamori::net {

class Address {
 public:
  Address() = default;
  static Address V4(std::uint32_t host_order);
  static Address V6(const std::array<std::uint8_t, 16>& bytes);
  static Address V6(std::uint64_t high, std::uint64_t low);

  // "192.0.2.1", "2001:db8::1", "::ffff:192.0.2.1" (that one is IPv4).
  // Also accepts "[2001:db8::1]" and a zone suffix "fe80::1%eth0" (dropped).
  static std::optional<Address> Parse(std::string_view text);

  [[nodiscard]] bool IsV4() const { return high_ == 0 && (low_ >> 32) == 0xffffULL; }
  [[nodiscard]] std::uint32_t V4Value() const { return static_cast<std::uint32_t>(low_); }
  [[nodiscard]] std::uint64_t High() const { return high_; }
  [[nodiscard]] std::uint64_t Low() const { return low_; }
  // Private-use, loopback, link-local, CGN, multicast or ULA space: not the internet.
  // (The documentation ranges 192.0.2/24, 198.51.100/24, 203.0.113/24 and
  // 2001:db8::/32 count as public: examples use them for internet hosts.)
  [[nodiscard]] bool IsPrivate() const;

  [[nodiscard]] std::string ToString() const;  // canonical (RFC 5952 for IPv6)

  // The next / previous address (wrapping is the caller's concern).
  [[nodiscard]] Address Next() const;
  [[nodiscard]] Address Prev() const;

  friend auto operator<=>(const Address&, const Address&) = default;
  friend bool operator==(const Address&, const Address&) = default;

 private:
  std::uint64_t high_ = 0, low_ = 0;
};

// A prefix such as 10.1.0.0/16 or 2001:db8::/32. A plain address is a /32 or /128.
class Cidr {
 public:
  Cidr() = default;
  Cidr(Address base, int length);  // host bits of `base` are cleared

  // "10.1.0.0/16", "10.1.2.3" (as /32), "2001:db8::/32". Rejects host bits set
  // only when `strict` ("10.1.2.3/16" is an error then).
  static Result<Cidr> Parse(std::string_view text, bool strict = false);

  [[nodiscard]] const Address& First() const { return first_; }
  [[nodiscard]] Address Last() const;
  [[nodiscard]] int Length() const { return length_; }  // as written: 0..32 for IPv4, 0..128 for IPv6
  [[nodiscard]] bool IsV4() const { return first_.IsV4(); }
  [[nodiscard]] bool Contains(const Address& a) const { return first_ <= a && a <= Last(); }
  [[nodiscard]] bool Contains(const Cidr& other) const { return Contains(other.first_) && Contains(other.Last()); }
  [[nodiscard]] bool Overlaps(const Cidr& other) const {
    return first_ <= other.Last() && other.first_ <= Last();
  }
  [[nodiscard]] std::string ToString() const;
  // A host to show in an example: the first usable address (10.1.0.1 for 10.1.0.0/16).
  [[nodiscard]] Address ExampleHost() const;

  friend bool operator==(const Cidr&, const Cidr&) = default;

 private:
  [[nodiscard]] int Bits() const { return IsV4() ? length_ + 96 : length_; }  // of the 128
  Address first_;
  int length_ = 0;
};

}  // namespace mamori::net
