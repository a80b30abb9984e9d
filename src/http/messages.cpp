#include "http/messages.h"

#include <string>

namespace mamori::http {

std::string_view StatusMessage(int status) {
  switch (status) {
    case 400: return "リクエストの形式が正しくありません。(400 Bad Request)";
    case 404: return "ページが見つかりません。(404 Not Found)";
    case 405: return "この操作はこの URL では使えません。(405 Method Not Allowed)";
    case 408: return "リクエストの受信が時間内に終わりませんでした。(408 Request Timeout)";
    case 413: return "送信されたデータが大きすぎます。(413 Content Too Large)";
    case 431: return "リクエストのヘッダーが大きすぎます。(431 Request Header Fields Too Large)";
    case 500: return "内部エラーが発生しました。しばらくしてからもう一度お試しください。(500 Internal Server Error)";
    case 503: return "サーバーが混み合っています。しばらくしてからもう一度お試しください。(503 Service Unavailable)";
    default: return "エラーが発生しました。";
  }
}

Response StatusResponse(int status) {
  return Response::Text(std::string(StatusMessage(status)) + "\n", status);
}

}  // namespace mamori::http
