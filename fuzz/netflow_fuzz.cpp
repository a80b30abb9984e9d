// netflow_fuzz: arbitrary bytes as NetFlow v5/v9/IPFIX export traffic and as a
// pcap file (src/net/watch). The input is cut into datagrams, each preceded
// by a two-byte big-endian length, and fed in order to one FlowDecoder, so
// that templates learned from one datagram apply to the next (two exporter
// addresses take turns, by the low bit of the length). The whole input is
// also read as a pcap file whose UDP payloads go to a decoder. Besides not
// crashing or reading out of bounds, checks that the counts agree with the
// events appended, that a problem has a reason in valid UTF-8 and an offset
// inside the datagram, and that the template limits hold. Built only in the
// fuzz preset (clang++-14, -fsanitize=fuzzer).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <vector>

#include "common/text.h"
#include "net/watch/netflow.h"
#include "net/watch/pcap.h"

namespace {

using mamori::net::Address;
using mamori::net::FlowEvent;
using mamori::net::parse::DecodeResult;
using mamori::net::parse::DecoderLimits;
using mamori::net::parse::FlowDecoder;
using mamori::net::parse::PcapReader;
using mamori::net::parse::UdpPacket;

void Require(bool condition) {
  if (!condition) std::abort();
}

DecoderLimits FuzzLimits() {
  DecoderLimits l;
  l.max_templates = 16;
  l.max_fields_per_template = 64;
  l.max_record_bytes = 1024;
  return l;
}

void Decode(FlowDecoder& decoder, std::span<const std::uint8_t> datagram, const Address& exporter,
            std::vector<FlowEvent>& out) {
  // A copy of exactly the datagram, so that AddressSanitizer sees any read beyond it.
  const std::vector<std::uint8_t> copy(datagram.begin(), datagram.end());
  out.clear();
  const DecodeResult r = decoder.Decode(copy, exporter, out);
  Require(out.size() == r.flows);
  Require(r.malformed == 0 || !r.reason.empty());
  Require(r.reason.empty() || r.malformed > 0);
  Require(mamori::text::IsValidUtf8(r.reason));
  Require(r.reason.empty() || r.offset <= copy.size());
  Require(decoder.TemplateCount() <= FuzzLimits().max_templates);
  for (const auto& f : out) Require(f.device == exporter.ToString());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::span<const std::uint8_t> bytes(data, size);
  const Address exporters[2] = {*Address::Parse("192.0.2.1"), *Address::Parse("2001:db8::1")};
  FlowDecoder decoder(FuzzLimits());
  std::vector<FlowEvent> out;
  std::size_t pos = 0;
  while (pos + 2 <= size) {
    const std::size_t len = (static_cast<std::size_t>(data[pos]) << 8) | data[pos + 1];
    pos += 2;
    const std::size_t take = len < size - pos ? len : size - pos;
    Decode(decoder, bytes.subspan(pos, take), exporters[len & 1], out);
    pos += take;
  }

  auto reader = PcapReader::FromMemory(bytes);
  if (!reader) {
    Require(mamori::text::IsValidUtf8(reader.error().message));
    return 0;
  }
  FlowDecoder from_pcap(FuzzLimits());
  UdpPacket packet;
  for (int n = 0; n < 10000; ++n) {
    auto next = reader->Next(packet);
    if (!next) {
      Require(mamori::text::IsValidUtf8(next.error().message));
      Require(next.error().where.byte_offset.has_value() && *next.error().where.byte_offset <= size);
      break;
    }
    if (!*next) break;
    Require(packet.payload.data() >= data && packet.payload.data() + packet.payload.size() <= data + size);
    Decode(from_pcap, packet.payload, packet.src, out);
  }
  return 0;
}
