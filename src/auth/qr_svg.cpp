// QrSvg (declared in totp.h): a QR code drawn as one SVG path.
#include <memory>

#include <fmt/format.h>
#include <qrencode.h>

#include "auth/totp.h"

namespace mamori::auth {
namespace {

struct QrDeleter {
  void operator()(QRcode* q) const { QRcode_free(q); }
};

constexpr int kQuietZone = 4;  // modules of white around the symbol, as ISO/IEC 18004 asks

}  // namespace

std::string QrSvg(std::string_view text) {
  const std::string terminated(text);
  if (terminated.find('\0') != std::string::npos) return {};
  // 8-bit mode: the URI is bytes (UTF-8), and the case of base32 must be kept.
  std::unique_ptr<QRcode, QrDeleter> qr(QRcode_encodeString8bit(terminated.c_str(), 0, QR_ECLEVEL_M));
  if (!qr) return {};
  const int width = qr->width;
  const int size = width + 2 * kQuietZone;
  std::string path;
  path.reserve(static_cast<std::size_t>(width * width) * 4);
  for (int y = 0; y < width; ++y) {
    for (int x = 0; x < width;) {
      if ((qr->data[y * width + x] & 1U) == 0) {
        ++x;
        continue;
      }
      int run = 1;  // one rectangle per horizontal run of dark modules
      while (x + run < width && (qr->data[y * width + x + run] & 1U) != 0) ++run;
      path += fmt::format("M{} {}h{}v1h-{}z", x + kQuietZone, y + kQuietZone, run, run);
      x += run;
    }
  }
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {0}\" width=\"{1}\" height=\"{1}\" "
      "shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR\">"
      "<rect width=\"{0}\" height=\"{0}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{2}\"/></svg>",
      size, size * 4, path);
}

}  // namespace mamori::auth
