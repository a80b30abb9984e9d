// NetFlow v5, NetFlow v9 (RFC 3954) and IPFIX (RFC 7011) export datagrams to
// FlowEvents.
//
// v9 and IPFIX templates are kept per (exporter address, version, source id /
// observation domain, template id) for as long as the decoder lives, within
// DecoderLimits. Options templates are learned so that their data records can
// be skipped; enterprise-specific and unknown fields are skipped by length.
// Read from a data record: IPv4/IPv6 source and destination (8/12, 27/28),
// ports (7/11), protocol (4), bytes and packets (1/2, else IPFIX 85/86, else
// NSEL 231+232 / 298+299), ICMP type and code (32/139, or the destination
// port as v5 carries them), input/output interface (10/14) as the zones
// "if<ifIndex>", and the start time: IPFIX 150/152/154/156 (absolute), v9
// FIRST_SWITCHED (22) relative to the header's sysUptime (IPFIX: to
// systemInitTimeMilliseconds 160 from options data), else the end time the
// same ways (151/153/155/157, 21), else the export time.
// The device is the exporter address. NetFlow does not say whether a flow
// was allowed: the action is kUnknown.
//
// Several messages back to back in one buffer (as `nc -k` captures keep them)
// are decoded one after another (v5 by its record count, IPFIX by its length
// field; v9 has no length and takes the rest of the buffer).
//
// Hostile input: every length is checked before it is used; a set that runs
// past the datagram, a template that breaks a limit or has a zero-length
// field, a record cut short are counted as malformed with a Japanese reason
// and the byte offset; decoding never throws and never reads out of bounds.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "net/address.h"
#include "net/flow.h"

namespace mamori::net::parse {

struct DecoderLimits {
  std::size_t max_templates = 4096;           // across all exporters and domains
  std::size_t max_fields_per_template = 128;
  std::size_t max_record_bytes = 4096;        // the fixed part of one data record
};

struct DecodeResult {
  int version = 0;                       // of the first message: 5, 9 or 10 (0 when unreadable)
  std::size_t messages = 0;              // messages decoded in the buffer
  std::size_t flows = 0;                 // FlowEvents appended
  std::size_t templates = 0;             // template and options-template records learned (or withdrawn)
  std::size_t skipped = 0;               // records that are not flows (options data, no addresses)
  std::size_t waiting_for_template = 0;  // data sets whose template has not arrived yet (not errors)
  std::size_t malformed = 0;             // records, sets or messages rejected
  std::string reason;                    // the first problem, Japanese; empty when none
  std::size_t offset = 0;                // byte offset of that problem in the buffer
  std::uint32_t announced = 0;           // record count the headers announce (v5, v9; 0 for IPFIX)
};

class FlowDecoder {
 public:
  explicit FlowDecoder(DecoderLimits limits = {});
  ~FlowDecoder();
  FlowDecoder(FlowDecoder&&) noexcept;
  FlowDecoder& operator=(FlowDecoder&&) noexcept;
  FlowDecoder(const FlowDecoder&) = delete;
  FlowDecoder& operator=(const FlowDecoder&) = delete;

  // Appends the flows of `datagram` to `out` (which it does not clear).
  DecodeResult Decode(std::span<const std::uint8_t> datagram, const Address& exporter, std::vector<FlowEvent>& out);

  [[nodiscard]] std::size_t TemplateCount() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace mamori::net::parse
