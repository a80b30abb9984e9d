#include "store/sqlite/connection.h"

namespace mamori::store {

Result<sqlite3*> OpenSqliteConnection(const std::filesystem::path& db, const char* table, std::string_view missing) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
  Location where;
  where.file = db.string();
  if (rc != SQLITE_OK) {
    std::string why = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    if (raw) sqlite3_close_v2(raw);
    return Fail(ErrorCode::kIo, fmt::format("データベースを開けません: {}", why), where);
  }
  SqliteConnection connection(raw);  // closes `raw` on every failure below
  sqlite3_busy_timeout(raw, 5000);
  for (const char* pragma : {"PRAGMA foreign_keys = ON", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL"}) {
    if (auto ok = connection.Exec(pragma); !ok) return Fail(ok.error());
  }
  auto has = connection.HasTable(table);
  if (!has) return Fail(has.error());
  if (!*has) return Fail(ErrorCode::kStore, std::string(missing), where);
  connection.cache_.clear();
  return connection.db_.release();
}

}  // namespace mamori::store
