#include "web/chart.h"

#include <algorithm>

#include <fmt/format.h>

#include "http/url.h"

namespace mamori::web {

std::string BarChart(const std::vector<Bar>& bars, std::string_view title, std::string_view fail_label,
                     std::string_view unknown_label) {
  constexpr int kLabelWidth = 330, kBarWidth = 420, kRow = 26, kTop = 28;
  std::size_t max = 1;
  for (const auto& b : bars) max = std::max(max, b.fail + b.unknown);
  const int height = kTop + static_cast<int>(bars.size()) * kRow + 8;
  const int width = kLabelWidth + kBarWidth + 80;
  std::string svg = fmt::format(
      R"(<svg class="chart" viewBox="0 0 {} {}" role="img" aria-label="{}" xmlns="http://www.w3.org/2000/svg">)", width,
      height, http::HtmlEscape(title));
  svg += fmt::format(R"(<rect class="bar-fail" x="{}" y="6" width="12" height="12"/><text x="{}" y="17">{}</text>)",
                     kLabelWidth, kLabelWidth + 16, http::HtmlEscape(fail_label));
  svg += fmt::format(R"(<rect class="bar-unknown" x="{}" y="6" width="12" height="12"/><text x="{}" y="17">{}</text>)",
                     kLabelWidth + 120, kLabelWidth + 136, http::HtmlEscape(unknown_label));
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const auto& b = bars[i];
    const int y = kTop + static_cast<int>(i) * kRow;
    const int fail_w = static_cast<int>(static_cast<double>(b.fail) / static_cast<double>(max) * kBarWidth);
    const int unknown_w = static_cast<int>(static_cast<double>(b.unknown) / static_cast<double>(max) * kBarWidth);
    const std::string label = fmt::format(R"(<text x="{}" y="{}" text-anchor="end">{}</text>)", kLabelWidth - 8,
                                          y + 16, http::HtmlEscape(b.label));
    svg += b.url.empty() ? label : fmt::format(R"(<a href="{}">{}</a>)", http::HtmlEscape(b.url), label);
    svg += fmt::format(R"(<rect class="bar-fail" x="{}" y="{}" width="{}" height="18"><title>{} {}</title></rect>)",
                       kLabelWidth, y + 3, fail_w, http::HtmlEscape(fail_label), b.fail);
    svg += fmt::format(
        R"(<rect class="bar-unknown" x="{}" y="{}" width="{}" height="18"><title>{} {}</title></rect>)",
        kLabelWidth + fail_w, y + 3, unknown_w, http::HtmlEscape(unknown_label), b.unknown);
    svg += fmt::format(R"(<text class="value" x="{}" y="{}">{} / {}</text>)", kLabelWidth + fail_w + unknown_w + 6,
                       y + 16, b.fail, b.unknown);
  }
  svg += "</svg>";
  return svg;
}

}  // namespace mamori::web
