// Front-end files embedded in the binary (cmake/embed_assets.cmake), served at
// content-hashed URLs so that browsers may cache them for ever:
//   Add("htmx.min.js", data)  →  GET /static/htmx.min.<hash8>.js
// with the right Content-Type, a strong ETag, 304 on If-None-Match and
// "Cache-Control: public, max-age=31536000, immutable".
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "http/router.h"

namespace mamori::http {

class StaticAssets {
 public:
  // `name` may contain '/' ("fonts/noto.woff2"); the data is copied.
  void Add(std::string name, std::string_view data);
  // The hashed URL; throws std::out_of_range for an unknown name (a programmer error).
  [[nodiscard]] std::string Url(std::string_view name) const;
  // GET /static/{path*}. The router keeps its own reference to the files, so
  // this object may be destroyed afterwards. Unknown or unhashed names → 404.
  void Mount(Router& router) const;

  struct File {
    std::string url;           // "/static/htmx.min.1a2b3c4d.js"
    std::string etag;          // "\"<32 hex>\""
    std::string content_type;  // by extension
    std::string data;
  };

 private:
  std::map<std::string, std::shared_ptr<const File>, std::less<>> by_name_;
};

// Content-Type for a file name's extension (js, css, svg, png, woff2, ico, json,
// map, …); application/octet-stream when unknown.
std::string_view ContentTypeFor(std::string_view filename);

// The first 8 hex digits of the file's BLAKE2b hash (libsodium crypto_generichash).
std::string ContentHash8(std::string_view data);

}  // namespace mamori::http
