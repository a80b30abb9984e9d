#include "web/i18n.h"

#include <algorithm>
#include <array>

#include "web/messages.h"

namespace mamori::web {

namespace {
const Message* Find(std::string_view key) {
  const auto messages = Messages();
  auto it = std::lower_bound(messages.begin(), messages.end(), key,
                             [](const Message& m, std::string_view k) { return m.key < k; });
  return it != messages.end() && it->key == key ? &*it : nullptr;
}
}  // namespace

std::string_view T(Lang lang, std::string_view key) {
  const auto* m = Find(key);
  if (!m) return key;
  return lang == Lang::kEn ? m->en : m->ja;
}

bool HasMessage(std::string_view key) { return Find(key) != nullptr; }

std::string Translate(std::string_view text, Lang lang) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto open = text.find("[[", pos);
    if (open == std::string_view::npos) break;
    const auto close = text.find("]]", open + 2);
    if (close == std::string_view::npos) break;
    out.append(text.substr(pos, open - pos));
    out.append(T(lang, text.substr(open + 2, close - open - 2)));
    pos = close + 2;
  }
  out.append(text.substr(pos));
  return out;
}

}  // namespace mamori::web
