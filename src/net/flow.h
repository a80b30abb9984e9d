// One observed connection, as every log format and flow export reduces to:
// the unit the monitor classifies. Parsers fill what their format carries.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "net/address.h"

namespace mamori::net {

// IANA protocol numbers of the common transports.
inline constexpr std::uint8_t kProtoIcmp = 1;
inline constexpr std::uint8_t kProtoTcp = 6;
inline constexpr std::uint8_t kProtoUdp = 17;
inline constexpr std::uint8_t kProtoIcmpV6 = 58;

enum class FlowAction : std::uint8_t {
  kUnknown,  // the format does not say (Zeek, NetFlow): the traffic was seen, so it passed
  kAllowed,  // accept, allow, built, close, teardown …
  kDenied,   // deny, drop, reject, blocked …
};

struct FlowEvent {
  std::int64_t time_ms = 0;  // Unix time in milliseconds (UTC); 0 when the record has none
  Address src, dst;
  std::uint16_t src_port = 0, dst_port = 0;  // ICMP: type and code
  std::uint8_t protocol = 0;                 // IANA number; 0 unknown
  FlowAction action = FlowAction::kUnknown;
  std::uint64_t bytes = 0, packets = 0;
  // The zone or interface names the device gives, when it gives them
  // (FortiGate srcintf/dstintf, PAN-OS zones, ASA interface names, iptables IN=/OUT=).
  std::string src_zone, dst_zone;
  std::string device;  // the reporting device (devname, serial, syslog host, exporter address)
};

// "tcp", "udp", "icmp", "6" … to the IANA number; nullopt when unknown.
std::optional<std::uint8_t> ProtocolFromName(std::string_view name);
std::string_view ProtocolName(std::uint8_t number);  // "TCP", "UDP", "ICMP", or "" for others

}  // namespace mamori::net
