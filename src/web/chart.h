// Horizontal stacked bar charts as inline SVG: drawn on the server, styled by
// classes (the Content-Security-Policy allows no inline style or script).
#pragma once

#include <string>
#include <vector>

namespace mamori::web {

struct Bar {
  std::string label;
  std::string url;  // where a click on the label leads (may be empty)
  std::size_t fail = 0;
  std::size_t unknown = 0;
};

// `title` is the accessible name; legend labels are given by the caller.
std::string BarChart(const std::vector<Bar>& bars, std::string_view title, std::string_view fail_label,
                     std::string_view unknown_label);

}  // namespace mamori::web
