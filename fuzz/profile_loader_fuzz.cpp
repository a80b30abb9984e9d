// libFuzzer harness: bytes as a profile file. The loader must never crash,
// never throw and never exceed its limits, whatever the input; a profile that
// loads must also render and serialize.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "policy/loader.h"
#include "policy/render.h"

#ifndef MAMORI_FUZZ_PROFILE_DIR
#define MAMORI_FUZZ_PROFILE_DIR "profiles"
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mamori::policy;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // Read-only: `base: guideline` resolves against the shipped profiles.
  const ProfileSearchPath dirs{MAMORI_FUZZ_PROFILE_DIR};
  auto profile = LoadProfileFromString(text, "fuzz.yaml", dirs);
  if (!profile) {
    const std::string message = profile.error().ToString();
    return message.empty() ? 0 : 0;
  }
  const Profile& p = *profile;
  (void)RenderProfileText(p, false);
  (void)RenderProfileText(p, true);
  (void)ProfileToJson(p).dump();
  for (const auto& code : p.AllLevelCodes()) {
    (void)p.ConfidentialityLevel(code);
    (void)p.IsLegacyConfidentiality(code);
  }
  for (const auto& rule : KnownRules()) {
    if (const RuleSetting* r = p.Rule(rule.id)) (void)p.FindClause(r->clause);
  }
  (void)p.FindCategory(text.substr(0, 64));
  (void)p.MediaKind(text.substr(0, 64));
  return 0;
}
