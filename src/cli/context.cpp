#include "cli/context.h"

#include <ostream>

namespace mamori::cli {

int Report(const Context& ctx, const Error& error) {
  *ctx.err << (ctx.config.English() ? "error: " : "エラー: ") << error.ToString() << '\n';
  switch (error.code) {
    case ErrorCode::kStore:
    case ErrorCode::kIo:
    case ErrorCode::kInternal:
      return kExitStore;
    default:
      return kExitInput;
  }
}

}  // namespace mamori::cli
