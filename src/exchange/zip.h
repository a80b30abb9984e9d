// libzip, wrapped: reading parts of an uploaded XLSX within limits, and
// writing a new archive in memory. Internal to the exchange module.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "common/error.h"
#include "exchange/sheet.h"

struct zip;
struct zip_source;

namespace mamori::exchange {

class ZipReader {
 public:
  // `bytes` must outlive the reader. Not a zip archive, or a damaged one, is
  // kParse; more entries than limits.max_zip_entries is kLimit.
  static Result<ZipReader> Open(std::string_view bytes, std::string_view file_name, const Limits& limits);

  [[nodiscard]] bool Has(std::string_view name) const;

  // Streams the entry's uncompressed bytes to `sink`, chunk by chunk, stopping
  // with kLimit when the entry or all entries read so far exceed the limits.
  // A sink's error stops the read and is returned.
  using Sink = std::function<Result<void>(std::string_view chunk)>;
  Result<void> Read(std::string_view name, const Sink& sink);
  Result<std::string> ReadAll(std::string_view name);

 private:
  struct Closer {
    void operator()(struct zip* z) const;
  };
  ZipReader(struct zip* z, std::string file, const Limits& limits) : zip_(z), file_(std::move(file)), limits_(&limits) {}
  [[nodiscard]] std::int64_t Locate(std::string_view name) const;

  std::unique_ptr<struct zip, Closer> zip_;
  std::string file_;
  const Limits* limits_;
  std::uint64_t total_read_ = 0;
};

class ZipWriter {
 public:
  static Result<ZipWriter> Create();
  // Deflated, with a fixed time stamp so that the same content gives the same bytes.
  Result<void> Add(std::string name, std::string data);
  Result<std::string> Finish();

 private:
  struct SourceFree {
    void operator()(zip_source* s) const;
  };
  struct Discard {
    void operator()(struct zip* z) const;
  };
  ZipWriter(zip_source* s, struct zip* z) : source_(s), zip_(z) {}

  std::unique_ptr<zip_source, SourceFree> source_;
  std::unique_ptr<struct zip, Discard> zip_;
  std::deque<std::string> data_;  // libzip reads the entries' bytes at zip_close
};

}  // namespace mamori::exchange
