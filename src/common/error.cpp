#include "common/error.h"

#include <fmt/format.h>

namespace mamori {

std::string Location::ToString() const {
  std::string out = file;
  if (line) {
    out += fmt::format("{}{}", out.empty() ? "line " : ":", *line);
    if (column) out += fmt::format(":{}", *column);
  }
  auto add = [&out](const std::string& part) {
    if (!out.empty()) out += ' ';
    out += part;
  };
  if (row) add(fmt::format("{}行目", *row));
  if (!field.empty()) add(fmt::format("列「{}」", field));
  if (byte_offset) add(fmt::format("(バイト位置 {})", *byte_offset));
  return out;
}

std::string Error::ToString() const {
  std::string out = where.Empty() ? message : where.ToString() + ": " + message;
  for (const auto& d : details) out += "\n  " + d.ToString();
  return out;
}

const char* ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument: return "invalid_argument";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kAlreadyExists: return "already_exists";
    case ErrorCode::kParse: return "parse";
    case ErrorCode::kValidation: return "validation";
    case ErrorCode::kLimit: return "limit";
    case ErrorCode::kIo: return "io";
    case ErrorCode::kStore: return "store";
    case ErrorCode::kConflict: return "conflict";
    case ErrorCode::kInternal: return "internal";
  }
  return "internal";
}

}  // namespace mamori
