#include "net/flow.h"

#include <array>
#include <cctype>

namespace mamori::net {

std::optional<std::uint8_t> ProtocolFromName(std::string_view name) {
  if (name.empty() || name.size() > 16) return std::nullopt;
  if (std::isdigit(static_cast<unsigned char>(name[0]))) {
    unsigned v = 0;
    for (char c : name) {
      if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
      v = v * 10 + static_cast<unsigned>(c - '0');
      if (v > 255) return std::nullopt;
    }
    return static_cast<std::uint8_t>(v);
  }
  std::array<char, 17> lower{};
  for (std::size_t i = 0; i < name.size(); ++i)
    lower[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[i])));
  const std::string_view l(lower.data(), name.size());
  if (l == "tcp") return kProtoTcp;
  if (l == "udp") return kProtoUdp;
  if (l == "icmp") return kProtoIcmp;
  if (l == "icmp6" || l == "ipv6-icmp" || l == "icmpv6") return kProtoIcmpV6;
  if (l == "gre") return 47;
  if (l == "esp") return 50;
  if (l == "ah") return 51;
  if (l == "sctp") return 132;
  return std::nullopt;
}

std::string_view ProtocolName(std::uint8_t number) {
  switch (number) {
    case kProtoTcp: return "TCP";
    case kProtoUdp: return "UDP";
    case kProtoIcmp: return "ICMP";
    case kProtoIcmpV6: return "ICMPv6";
    case 47: return "GRE";
    case 50: return "ESP";
    case 132: return "SCTP";
    default: return "";
  }
}

}  // namespace mamori::net
