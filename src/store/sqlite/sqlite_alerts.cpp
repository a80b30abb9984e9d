// The SQLite AlertStore.
#include <nlohmann/json.hpp>

#include "store/alerts.h"
#include "store/sqlite/connection.h"
#include "store/store.h"

namespace mamori::store {
namespace {

constexpr std::string_view kColumns =
    "id, first_seen, last_seen, rule, severity, coalesce(clause, ''), src_ip, coalesce(src_port, 0), dst_ip, "
    "coalesce(dst_port, 0), coalesce(protocol, 0), coalesce(src_segment, ''), coalesce(dst_segment, ''), "
    "coalesce(src_tier, ''), coalesce(dst_tier, ''), coalesce(action, ''), coalesce(device, ''), "
    "coalesce(input, ''), count, message, status";

NetAlert ReadAlert(const Bound& b) {
  NetAlert a;
  a.id = b.ColInt(0);
  a.first_seen = b.ColText(1);
  a.last_seen = b.ColText(2);
  a.rule = b.ColText(3);
  a.severity = b.ColText(4);
  a.clause = b.ColText(5);
  a.src_ip = b.ColText(6);
  a.src_port = static_cast<int>(b.ColInt(7));
  a.dst_ip = b.ColText(8);
  a.dst_port = static_cast<int>(b.ColInt(9));
  a.protocol = static_cast<int>(b.ColInt(10));
  a.src_segment = b.ColText(11);
  a.dst_segment = b.ColText(12);
  a.src_tier = b.ColText(13);
  a.dst_tier = b.ColText(14);
  a.action = b.ColText(15);
  a.device = b.ColText(16);
  a.input = b.ColText(17);
  a.count = b.ColInt(18);
  a.message = b.ColText(19);
  a.status = b.ColText(20);
  return a;
}

bool KnownStatus(std::string_view s) {
  return s == "new" || s == "acknowledged" || s == "incident" || s == "dismissed";
}

class SqliteAlerts final : public AlertStore, public SqliteConnection {
 public:
  explicit SqliteAlerts(sqlite3* db) : SqliteConnection(db) {}

  Result<void> Begin() override {
    std::lock_guard lock(mutex_);
    return Exec("BEGIN IMMEDIATE");
  }
  Result<void> Commit() override {
    std::lock_guard lock(mutex_);
    return Exec("COMMIT");
  }

  Result<std::int64_t> AddAlert(const NetAlert& a) override {
    std::lock_guard lock(mutex_);
    auto ok = Run(
        "INSERT INTO net_alerts (first_seen, last_seen, rule, severity, clause, src_ip, src_port, dst_ip, dst_port, "
        "protocol, src_segment, dst_segment, src_tier, dst_tier, action, device, input, count, message, status) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
        [&](Bound& b) {
          b.Text(1, a.first_seen).Text(2, a.last_seen).Text(3, a.rule).Text(4, a.severity).TextOrNull(5, a.clause);
          b.Text(6, a.src_ip).Int(7, a.src_port).Text(8, a.dst_ip).Int(9, a.dst_port).Int(10, a.protocol);
          b.TextOrNull(11, a.src_segment).TextOrNull(12, a.dst_segment).TextOrNull(13, a.src_tier);
          b.TextOrNull(14, a.dst_tier).TextOrNull(15, a.action).TextOrNull(16, a.device).TextOrNull(17, a.input);
          b.Int(18, a.count).Text(19, a.message).Text(20, KnownStatus(a.status) ? a.status : "new");
        },
        "警告の記録");
    if (!ok) return Fail(ok.error());
    return static_cast<std::int64_t>(sqlite3_last_insert_rowid(db_.get()));
  }

  Result<void> UpdateAlertCount(std::int64_t id, std::int64_t count, std::string_view last_seen) override {
    std::lock_guard lock(mutex_);
    return Run("UPDATE net_alerts SET count = ?2, last_seen = ?3 WHERE id = ?1",
               [&](Bound& b) { b.Int(1, id).Int(2, count).Text(3, last_seen); }, "警告の件数の更新");
  }

  Result<std::vector<NetAlert>> ListAlerts(const AlertQuery& q) override {
    std::lock_guard lock(mutex_);
    return Many<NetAlert>(fmt::format("SELECT {} FROM net_alerts WHERE {} ORDER BY last_seen DESC, id DESC "
                                      "LIMIT ?4 OFFSET ?5",
                                      kColumns, Where()),
                          [&](Bound& b) {
                            BindWhere(b, q);
                            b.Int(4, q.limit == 0 ? -1 : static_cast<std::int64_t>(q.limit));
                            b.Int(5, static_cast<std::int64_t>(q.offset));
                          },
                          ReadAlert);
  }

  Result<std::int64_t> CountAlerts(const AlertQuery& q) override {
    std::lock_guard lock(mutex_);
    auto n = One<std::int64_t>(fmt::format("SELECT count(*) FROM net_alerts WHERE {}", Where()),
                               [&](Bound& b) { BindWhere(b, q); }, [](const Bound& b) { return b.ColInt(0); });
    if (!n) return Fail(n.error());
    return n->value_or(0);
  }

  Result<std::optional<NetAlert>> GetAlert(std::int64_t id) override {
    std::lock_guard lock(mutex_);
    return One<NetAlert>(fmt::format("SELECT {} FROM net_alerts WHERE id = ?1", kColumns),
                         [&](Bound& b) { b.Int(1, id); }, ReadAlert);
  }

  Result<void> SetAlertStatus(std::int64_t id, std::string_view status, std::string_view actor) override {
    if (!KnownStatus(status))
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("状態「{}」は使えません（new, acknowledged, incident, dismissed）", status));
    std::lock_guard lock(mutex_);
    auto before = One<std::string>("SELECT status FROM net_alerts WHERE id = ?1", [&](Bound& b) { b.Int(1, id); },
                                   [](const Bound& b) { return b.ColText(0); });
    if (!before) return Fail(before.error());
    if (!*before) return Fail(ErrorCode::kNotFound, fmt::format("警告 {} はありません", id));
    if (**before == status) return {};
    if (auto ok = Exec("BEGIN IMMEDIATE"); !ok) return ok;
    auto ok = Run("UPDATE net_alerts SET status = ?2 WHERE id = ?1",
                  [&](Bound& b) { b.Int(1, id).Text(2, status); }, "警告の状態の更新");
    if (ok)
      ok = Run("INSERT INTO change_history (at, actor, action, entity, number, before, after) "
               "VALUES (?1, ?2, 'update', 'net_alert', ?3, ?4, ?5)",
               [&](Bound& b) {
                 b.Text(1, NowJst()).Text(2, actor).Text(3, std::to_string(id));
                 b.Text(4, nlohmann::json{{"status", **before}}.dump());
                 b.Text(5, nlohmann::json{{"status", std::string(status)}}.dump());
               },
               "変更履歴の記録");
    if (!ok) {
      (void)Exec("ROLLBACK");
      return ok;
    }
    return Exec("COMMIT");
  }

 private:
  static std::string Where() {
    return "(?1 = '' OR first_seen >= ?1) AND (?2 = '' OR rule = ?2) AND (?3 = '' OR status = ?3)";
  }
  static void BindWhere(Bound& b, const AlertQuery& q) { b.Text(1, q.since).Text(2, q.rule).Text(3, q.status); }
};

}  // namespace

Result<std::unique_ptr<AlertStore>> OpenSqliteAlerts(const std::filesystem::path& db) {
  auto raw = OpenSqliteConnection(db, "net_alerts",
                                  "警告の表がありません。先に mamori init（または OpenSqlite）でデータベースを移行してください");
  if (!raw) return Fail(raw.error());
  return std::unique_ptr<AlertStore>(std::make_unique<SqliteAlerts>(*raw));
}

}  // namespace mamori::store
