// The web screens' words in Japanese and English. Templates carry [[key]]
// placeholders that are filled once per language when the templates load;
// handlers use T() for text they build themselves.
#pragma once

#include <string>
#include <string_view>

namespace mamori::web {

enum class Lang { kJa, kEn };

inline bool English(Lang lang) { return lang == Lang::kEn; }
inline std::string_view LangCode(Lang lang) { return lang == Lang::kEn ? "en" : "ja"; }

// The message for `key` (the key itself when the catalogue lacks it: a test
// checks every key used in templates and code is present in both languages).
std::string_view T(Lang lang, std::string_view key);

// Replaces every [[key]] in `text` with T(lang, key).
std::string Translate(std::string_view text, Lang lang);

// Every key of the catalogue (for the completeness test).
bool HasMessage(std::string_view key);

}  // namespace mamori::web
