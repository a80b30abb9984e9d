// YAML keys of the enumerations (internal to the policy module).
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "policy/profile.h"
#include "register/model.h"

namespace mamori::policy {

struct EnumName {
  std::string_view key;
  std::string_view ja;
  std::string_view en;
};

// The names of E's values, indexed by the value.
template <typename E>
std::span<const EnumName> Names();

template <> std::span<const EnumName> Names<BodyKind>();
template <> std::span<const EnumName> Names<Scheme>();
template <> std::span<const EnumName> Names<Axis>();
template <> std::span<const EnumName> Names<Requirement>();
template <> std::span<const EnumName> Names<TierModel>();
template <> std::span<const EnumName> Names<MyNumberMode>();
template <> std::span<const EnumName> Names<Direction>();
template <> std::span<const EnumName> Names<SecurityCloud>();
template <> std::span<const EnumName> Names<MailLinks>();
template <> std::span<const EnumName> Names<MailAttachments>();
template <> std::span<const EnumName> Names<MailEncrypted>();
template <> std::span<const EnumName> Names<MailLanguage>();
template <> std::span<const EnumName> Names<MailCharset>();
template <> std::span<const EnumName> Names<AuditRegime>();
template <> std::span<const EnumName> Names<Visibility>();
template <> std::span<const EnumName> Names<Severity>();
template <> std::span<const EnumName> Names<reg::Tier>();
template <> std::span<const EnumName> Names<reg::Role>();
template <> std::span<const EnumName> Names<reg::Employment>();
template <> std::span<const EnumName> Names<reg::Form>();

// Exact key match (profiles are data written with the documented keys).
template <typename E>
std::optional<E> EnumFromKey(std::string_view key) {
  const auto names = Names<E>();
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i].key == key) return static_cast<E>(i);
  return std::nullopt;
}

template <typename E>
std::vector<std::string_view> EnumKeys() {
  std::vector<std::string_view> out;
  for (const auto& n : Names<E>()) out.push_back(n.key);
  return out;
}

template <typename E>
const EnumName& NameOf(E value) {
  return Names<E>()[static_cast<std::size_t>(value)];
}

}  // namespace mamori::policy
