// The REST API's own words (error messages), Japanese first, English second.
// Kept apart from the screens' catalogue (web/messages.cpp): the API answers in
// sentences a programmer reads, and a test checks every key used in api/*.cpp.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "web/i18n.h"
#include "web/messages.h"

namespace mamori::web::api {

// The message for `key` in `lang` (the key itself when absent).
std::string_view M(Lang lang, std::string_view key);
// M() with {} placeholders filled in order.
std::string MF(Lang lang, std::string_view key, std::string_view a);
std::string MF(Lang lang, std::string_view key, std::string_view a, std::string_view b);

std::span<const Message> ApiMessages();

}  // namespace mamori::web::api
