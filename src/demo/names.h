// Japanese personal names for the demo body: common surnames and given names
// with their romanized forms (for mail addresses).
#pragma once

#include <string>

#include "demo/rng.h"

namespace mamori::demo {

struct PersonName {
  std::string kanji;   // 佐藤　翔太 (family name, ideographic space, given name)
  std::string romaji;  // sato-shota (for the mail address)
};

// A plausible name; common surnames come up more often, as in a real 職員名簿.
PersonName RandomName(Rng& rng);

}  // namespace mamori::demo
