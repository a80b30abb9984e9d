// Error and Result: how every expected failure travels in mamori.
//
// A failure a user can cause (bad input, missing file, a rule that cannot be
// evaluated) is returned as Result<T> = tl::expected<T, Error>; exceptions are
// for programmer errors and fatal start-up problems only (STYLE.md, Errors).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

namespace mamori {

enum class ErrorCode {
  kInvalidArgument,  // a value the caller gave is not acceptable
  kNotFound,         // a file, profile or record does not exist
  kAlreadyExists,    // a record with the same number exists
  kParse,            // input text could not be parsed (YAML, CSV, XLSX …)
  kValidation,       // input parsed but breaks a rule of the schema
  kLimit,            // input exceeds a configured limit (bytes, rows, depth)
  kIo,               // the operating system refused a read or write
  kStore,            // the database refused an operation
  kConflict,         // the operation contradicts the current state
  kInternal,         // a bug: should never reach a user
};

// Where in an input something happened. Every field is optional; the ones
// that are set are printed, in this order: file:line:column, row, column name,
// byte offset.
struct Location {
  std::string file;
  std::optional<std::uint64_t> line;    // 1-based
  std::optional<std::uint64_t> column;  // 1-based, in characters
  std::optional<std::uint64_t> row;     // 1-based row as the file shows it (CSV line, Excel row number)
  std::string field;                    // column header or field name
  std::optional<std::uint64_t> byte_offset;

  [[nodiscard]] bool Empty() const {
    return file.empty() && !line && !column && !row && field.empty() && !byte_offset;
  }
  // "file:3:7", "file row 12 列「機密性」", "byte 1024" …
  [[nodiscard]] std::string ToString() const;
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;  // for the user; Japanese where the user sees it
  Location where;
  std::vector<Error> details;  // e.g. every bad row of an import

  Error() = default;
  Error(ErrorCode c, std::string msg, Location loc = {})
      : code(c), message(std::move(msg)), where(std::move(loc)) {}

  // "file:3:7: message" (plus one indented line per detail).
  [[nodiscard]] std::string ToString() const;
};

template <typename T>
using Result = tl::expected<T, Error>;

// Shorthand for returning a failure: `return Fail(ErrorCode::kParse, "…", loc);`
inline tl::unexpected<Error> Fail(ErrorCode code, std::string message, Location where = {}) {
  return tl::unexpected<Error>(Error(code, std::move(message), std::move(where)));
}
inline tl::unexpected<Error> Fail(Error e) { return tl::unexpected<Error>(std::move(e)); }

const char* ErrorCodeName(ErrorCode code);

}  // namespace mamori
