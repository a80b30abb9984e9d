// Matching the header cells of a sheet to the fields of one kind of record.
// Internal to the exchange module (mapping.cpp), separate to be tested alone.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "register/schema.h"

namespace mamori::exchange {

class HeaderIndex {
 public:
  explicit HeaderIndex(const reg::EntityInfo& info);

  // Indexes of the fields a header cell (already text::FoldKey'ed) names:
  // usually none or one; two or more when the schema's names collide.
  [[nodiscard]] std::vector<std::size_t> Lookup(const std::string& folded_header) const;
  [[nodiscard]] const reg::EntityInfo& Entity() const { return *info_; }

 private:
  [[nodiscard]] std::vector<std::size_t> LookupFolded(const std::string& folded) const;
  const reg::EntityInfo* info_;
  std::vector<std::pair<std::string, std::size_t>> names_;  // folded name → field, sorted
};

struct HeaderMatch {
  std::vector<std::optional<std::size_t>> field_of_column;  // per cell of the header row
  std::vector<bool> ambiguous;                              // per cell: names two fields or more
  std::size_t matched_fields = 0;                           // distinct fields found
  bool has_number = false;                                  // fields[0], the record's number
};

// `folded_row`: the cells of a candidate header row after text::FoldKey.
HeaderMatch MatchHeader(const HeaderIndex& index, const std::vector<std::string>& folded_row);

}  // namespace mamori::exchange
