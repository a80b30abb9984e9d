// Bytes as a network model in YAML (mamori net import), then the static
// verification of the three tiers over whatever it reads (src/net): hostile
// models must give errors or findings, never a crash or a runaway.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "net/model.h"
#include "net/model_yaml.h"
#include "net/verify.h"
#include "policy/loader.h"

namespace {

template <typename T>
void Take(std::vector<mamori::reg::Row>& rows, std::vector<T>& out) {
  for (auto& row : rows)
    if (auto r = mamori::reg::FromRow<T>(std::move(row))) out.push_back(std::move(*r));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mamori;
  static const auto profile = policy::LoadProfileById("kumamoto", {MAMORI_FUZZ_PROFILE_DIR});
  if (!profile || size > 16 * 1024) return 0;
  auto sheets = net::ReadNetworkYaml(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.yaml");
  if (!sheets) return 0;
  reg::Register r;
  for (auto& s : *sheets) {
    switch (s.kind) {
      case reg::EntityKind::kSegment: Take(s.rows, r.segments); break;
      case reg::EntityKind::kGateway: Take(s.rows, r.gateways); break;
      case reg::EntityKind::kConnection: Take(s.rows, r.connections); break;
      case reg::EntityKind::kFlow: Take(s.rows, r.flows); break;
      default: break;
    }
  }
  net::VerifyOptions options;
  options.max_fragments = 2000;
  const auto v = net::Verify(r, *profile, options);
  // Every node the model built answers a lookup of its own first address.
  for (const auto& n : v.model.Nodes())
    for (const auto& c : n.cidrs) (void)v.model.Lookup(c.First());
  return 0;
}
