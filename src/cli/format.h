// Output for people at a terminal: aligned tables that count East Asian wide
// characters as two columns, so Japanese registers line up.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace mamori::cli {

// Display width of UTF-8 text in terminal columns (wide and full-width = 2).
std::size_t DisplayWidth(std::string_view utf8);

// Cuts to at most `width` columns, ending with "…" when cut.
std::string Clip(std::string_view utf8, std::size_t width);

// Prints rows under a header, columns separated by two spaces, each column at
// most `max_width` wide.
void PrintTable(std::ostream& out, const std::vector<std::string>& header,
                const std::vector<std::vector<std::string>>& rows, std::size_t max_width = 40);

}  // namespace mamori::cli
