// csv_import_fuzz: arbitrary bytes as an uploaded CSV register (src/exchange).
// Reads them (ReadTable, and ReadCsv directly so that binary input reaches the
// CSV parser too), maps every sheet to rows, and checks the round trip: what
// imported cleanly, exported with WriteCsv and imported again, must give the
// same rows. Built only in the fuzz preset (clang++-14, -fsanitize=fuzzer).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "exchange/csv_reader.h"
#include "exchange/export.h"
#include "exchange/mapping.h"
#include "exchange/read_table.h"

namespace {

mamori::exchange::Limits FuzzLimits() {
  mamori::exchange::Limits l;
  l.max_file_bytes = 4u << 20;
  l.max_rows = 20'000;
  l.max_columns = 256;
  l.max_cell_bytes = 64u << 10;
  l.max_cells = 200'000;
  return l;
}

void CheckRoundTrip(const mamori::exchange::MappedSheet& mapped, const mamori::exchange::Limits& limits) {
  auto csv = mamori::exchange::WriteCsv(mapped.kind, mapped.rows, mamori::text::Encoding::kUtf8Bom);
  if (!csv) std::abort();  // UTF-8 output cannot fail
  auto sheet = mamori::exchange::ReadCsv(*csv, "roundtrip.csv", limits);
  if (!sheet) return;  // e.g. the export grew past a limit
  auto again = mamori::exchange::MapSheet(*sheet, mapped.kind);
  if (!again || again->rows != mapped.rows) std::abort();
}

void MapAll(const std::vector<mamori::exchange::Sheet>& sheets, std::uint8_t selector,
            const mamori::exchange::Limits& limits) {
  const auto& kinds = mamori::reg::AllEntities();
  for (const auto& sheet : sheets) {
    auto mapped = mamori::exchange::MapSheet(sheet, std::nullopt);
    if (mapped) CheckRoundTrip(*mapped, limits);
    (void)mamori::exchange::MapSheet(sheet, kinds[selector % kinds.size()].kind);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const auto limits = FuzzLimits();
  const std::uint8_t selector = size > 0 ? data[size - 1] : 0;
  if (auto sheets = mamori::exchange::ReadTable(bytes, "fuzz.csv", limits)) MapAll(*sheets, selector, limits);
  if (auto sheet = mamori::exchange::ReadCsv(bytes, "fuzz.csv", limits)) MapAll({*sheet}, selector, limits);
  return 0;
}
