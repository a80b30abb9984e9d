#include "store/sqlite/sqlite_store.h"

#include <array>
#include <charconv>
#include <map>
#include <unordered_map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "MigrationFiles.h"

namespace mamori::store {
namespace {

using reg::EntityKind;
using reg::FieldType;
using reg::Row;
using reg::Value;

struct StmtCloser {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Stmt = std::unique_ptr<sqlite3_stmt, StmtCloser>;

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};

std::string Join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : std::string(sep)) + s;
  return out;
}

// SQL for one entity, built from its field table.
struct EntitySql {
  std::string insert, update, select_one, select_all, remove, count;
};

EntitySql BuildSql(const reg::EntityInfo& info) {
  std::vector<std::string> cols, params, sets;
  for (std::size_t i = 0; i < info.fields.size(); ++i) {
    cols.emplace_back(info.fields[i].key);
    params.emplace_back(fmt::format("?{}", i + 1));
    if (i > 0) sets.push_back(fmt::format("{} = ?{}", info.fields[i].key, i + 1));
  }
  const std::string key(info.fields[0].key);
  const std::string all = Join(cols, ", ");
  return EntitySql{
      fmt::format("INSERT INTO {} ({}) VALUES ({})", info.table, all, Join(params, ", ")),
      fmt::format("UPDATE {} SET {} WHERE {} = ?1", info.table, Join(sets, ", "), key),
      fmt::format("SELECT {} FROM {} WHERE {} = ?1", all, info.table, key),
      fmt::format("SELECT {} FROM {} ORDER BY {} LIMIT ?1 OFFSET ?2", all, info.table, key),
      fmt::format("DELETE FROM {} WHERE {} = ?1", info.table, key),
      fmt::format("SELECT count(*) FROM {}", info.table),
  };
}


class SqliteStore final : public Store {
 public:
  SqliteStore(sqlite3* db, std::filesystem::path file) : db_(db), file_(std::move(file)) {
    for (const auto& info : reg::AllEntities()) sql_.push_back(BuildSql(info));
  }

  Result<void> Migrate() {
    if (auto ok = Exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                       "name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT");
        !ok)
      return ok;
    auto current = QueryInt("SELECT coalesce(max(version), 0) FROM schema_migrations");
    if (!current) return Fail(current.error());
    version_ = static_cast<int>(*current);
    for (const auto& m : MigrationFiles()) {
      int number = 0;
      std::from_chars(m.name.data(), m.name.data() + m.name.size(), number);
      if (number <= version_) continue;
      if (auto ok = Exec("BEGIN IMMEDIATE"); !ok) return ok;
      auto applied = Exec(std::string(m.data));
      if (applied) {
        applied = Exec(fmt::format("INSERT INTO schema_migrations VALUES ({}, '{}', '{}')", number, m.name, NowJst()));
      }
      if (!applied) {
        (void)Exec("ROLLBACK");
        return Fail(ErrorCode::kStore, fmt::format("移行 {} を適用できません: {}", m.name, applied.error().message));
      }
      if (auto ok = Exec("COMMIT"); !ok) return ok;
      version_ = number;
    }
    return {};
  }

  Result<void> Begin() override { return Exec("BEGIN IMMEDIATE"); }
  Result<void> Commit() override { return Exec("COMMIT"); }
  Result<void> Rollback() override { return Exec("ROLLBACK"); }

  Result<std::optional<Row>> Get(EntityKind kind, std::string_view number) override {
    auto stmt = Cached(Sql(kind).select_one);
    if (!stmt) return Fail(stmt.error());
    sqlite3_bind_text(*stmt, 1, number.data(), static_cast<int>(number.size()), SQLITE_TRANSIENT);
    const int rc = sqlite3_step(*stmt);
    std::optional<Row> row;
    if (rc == SQLITE_ROW) row = ReadRow(kind, *stmt);
    sqlite3_reset(*stmt);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return Fail(LastError("読み出し"));
    return row;
  }

  Result<std::vector<Row>> List(EntityKind kind, const ListQuery& query) override {
    auto stmt = Prepare(Sql(kind).select_all);
    if (!stmt) return Fail(stmt.error());
    sqlite3_bind_int64(stmt->get(), 1, query.limit == 0 ? -1 : static_cast<sqlite3_int64>(query.limit));
    sqlite3_bind_int64(stmt->get(), 2, static_cast<sqlite3_int64>(query.offset));
    std::vector<Row> rows;
    int rc = 0;
    while ((rc = sqlite3_step(stmt->get())) == SQLITE_ROW) rows.push_back(ReadRow(kind, stmt->get()));
    if (rc != SQLITE_DONE) return Fail(LastError("一覧の読み出し"));
    return rows;
  }

  Result<void> Scan(EntityKind kind, const std::function<Result<void>(Row&&)>& visit) override {
    auto stmt = Prepare(Sql(kind).select_all);
    if (!stmt) return Fail(stmt.error());
    sqlite3_bind_int64(stmt->get(), 1, -1);
    sqlite3_bind_int64(stmt->get(), 2, 0);
    int rc = 0;
    while ((rc = sqlite3_step(stmt->get())) == SQLITE_ROW) {
      if (auto ok = visit(ReadRow(kind, stmt->get())); !ok) return ok;
    }
    if (rc != SQLITE_DONE) return Fail(LastError("一覧の読み出し"));
    return {};
  }

  Result<std::int64_t> Count(EntityKind kind) override { return QueryInt(Sql(kind).count); }

  Result<std::vector<std::string>> Numbers(EntityKind kind) override {
    const auto& info = reg::Info(kind);
    auto stmt = Prepare(fmt::format("SELECT {} FROM {}", info.fields[0].key, info.table));
    if (!stmt) return Fail(stmt.error());
    std::vector<std::string> out;
    int rc = 0;
    while ((rc = sqlite3_step(stmt->get())) == SQLITE_ROW) out.push_back(ColumnText(stmt->get(), 0));
    if (rc != SQLITE_DONE) return Fail(LastError("番号の読み出し"));
    return out;
  }

  Result<void> Insert(EntityKind kind, const Row& row) override {
    return Write(kind, Sql(kind).insert, row, /*expect_change=*/true, "追加");
  }
  Result<void> Update(EntityKind kind, const Row& row) override {
    return Write(kind, Sql(kind).update, row, true, "更新");
  }
  Result<void> Delete(EntityKind kind, std::string_view number) override {
    auto stmt = Cached(Sql(kind).remove);
    if (!stmt) return Fail(stmt.error());
    sqlite3_bind_text(*stmt, 1, number.data(), static_cast<int>(number.size()), SQLITE_TRANSIENT);
    const int rc = sqlite3_step(*stmt);
    sqlite3_reset(*stmt);
    if (rc != SQLITE_DONE) return Fail(ConstraintError(kind, "削除", number));
    if (sqlite3_changes(db_.get()) == 0)
      return Fail(ErrorCode::kNotFound, fmt::format("{}「{}」はありません", reg::Info(kind).label_ja, number));
    return {};
  }

  Result<void> AppendHistory(const HistoryEntry& e) override {
    static const std::string kSql =
        "INSERT INTO change_history (at, actor, action, entity, number, before, after, batch, note) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
    auto stmt = Cached(kSql);
    if (!stmt) return Fail(stmt.error());
    const std::string at = e.at.empty() ? NowJst() : e.at;
    BindStatic(*stmt, 1, at);  // every bound string outlives the step
    BindStatic(*stmt, 2, e.actor);
    BindStatic(*stmt, 3, e.action);
    BindStatic(*stmt, 4, e.entity);
    BindStatic(*stmt, 5, e.number);
    BindTextOrNull(*stmt, 6, e.before);
    BindTextOrNull(*stmt, 7, e.after);
    BindTextOrNull(*stmt, 8, e.batch);
    BindTextOrNull(*stmt, 9, e.note);
    const int rc = sqlite3_step(*stmt);
    sqlite3_reset(*stmt);
    if (rc != SQLITE_DONE) return Fail(LastError("変更履歴の記録"));
    return {};
  }

  Result<std::vector<HistoryEntry>> History(const HistoryQuery& q) override {
    std::vector<std::string> binds;
    const std::string where = HistoryWhere(q, binds);
    const std::string sql = fmt::format(
        "SELECT id, at, actor, action, entity, number, coalesce(before, ''), coalesce(after, ''), "
        "coalesce(batch, ''), coalesce(note, '') FROM change_history {} ORDER BY id {} LIMIT {} OFFSET {}",
        where, q.oldest_first ? "ASC" : "DESC", q.limit == 0 ? -1 : static_cast<long long>(q.limit),
        static_cast<long long>(q.offset));
    auto stmt = Prepare(sql);
    if (!stmt) return Fail(stmt.error());
    for (std::size_t i = 0; i < binds.size(); ++i) BindText(stmt->get(), static_cast<int>(i + 1), binds[i]);
    std::vector<HistoryEntry> out;
    int rc = 0;
    while ((rc = sqlite3_step(stmt->get())) == SQLITE_ROW) {
      HistoryEntry e;
      e.id = sqlite3_column_int64(stmt->get(), 0);
      e.at = ColumnText(stmt->get(), 1);
      e.actor = ColumnText(stmt->get(), 2);
      e.action = ColumnText(stmt->get(), 3);
      e.entity = ColumnText(stmt->get(), 4);
      e.number = ColumnText(stmt->get(), 5);
      e.before = ColumnText(stmt->get(), 6);
      e.after = ColumnText(stmt->get(), 7);
      e.batch = ColumnText(stmt->get(), 8);
      e.note = ColumnText(stmt->get(), 9);
      out.push_back(std::move(e));
    }
    if (rc != SQLITE_DONE) return Fail(LastError("変更履歴の読み出し"));
    return out;
  }

  Result<std::int64_t> CountHistory(const HistoryQuery& q) override {
    std::vector<std::string> binds;
    auto stmt = Prepare("SELECT count(*) FROM change_history " + HistoryWhere(q, binds));
    if (!stmt) return Fail(stmt.error());
    for (std::size_t i = 0; i < binds.size(); ++i) BindText(stmt->get(), static_cast<int>(i + 1), binds[i]);
    if (sqlite3_step(stmt->get()) != SQLITE_ROW) return Fail(LastError("変更履歴の集計"));
    return static_cast<std::int64_t>(sqlite3_column_int64(stmt->get(), 0));
  }

  Result<std::vector<std::pair<std::string, std::int64_t>>> CountHistoryByEntity(std::string_view since) override {
    auto stmt = Prepare("SELECT entity, count(*) FROM change_history WHERE at >= ?1 GROUP BY entity ORDER BY entity");
    if (!stmt) return Fail(stmt.error());
    BindText(stmt->get(), 1, since);
    std::vector<std::pair<std::string, std::int64_t>> out;
    int rc = 0;
    while ((rc = sqlite3_step(stmt->get())) == SQLITE_ROW)
      out.emplace_back(ColumnText(stmt->get(), 0), sqlite3_column_int64(stmt->get(), 1));
    if (rc != SQLITE_DONE) return Fail(LastError("変更履歴の集計"));
    return out;
  }

  Result<Page> Query(EntityKind kind, const PageQuery& q) override {
    const auto& info = reg::Info(kind);
    std::vector<std::string> binds;
    auto field = [&](std::string_view key) -> const reg::FieldInfo* {
      for (const auto& f : info.fields)
        if (f.key == key) return &f;
      return nullptr;
    };
    // One condition as SQL; field keys come from the schema, values are bound.
    auto condition = [&](const Condition& c) -> Result<std::string> {
      const auto* f = field(c.field);
      if (!f) return Fail(ErrorCode::kInvalidArgument, fmt::format("{}に項目「{}」はありません", info.label_ja, c.field));
      if (c.any_of.empty()) return std::string("0");
      std::vector<std::string> marks;
      for (const auto& v : c.any_of) {
        binds.push_back(v);
        marks.push_back(fmt::format("?{}", binds.size()));
      }
      if (f->type == FieldType::kList)
        return fmt::format("EXISTS (SELECT 1 FROM json_each({}) WHERE value IN ({}))", f->key, Join(marks, ", "));
      if (f->type == FieldType::kBool || f->type == FieldType::kInteger)
        return fmt::format("CAST({} AS TEXT) IN ({})", f->key, Join(marks, ", "));
      return fmt::format("{} IN ({})", f->key, Join(marks, ", "));
    };
    std::vector<std::string> clauses;
    for (const auto& c : q.where) {
      auto sql = condition(c);
      if (!sql) return Fail(sql.error());
      clauses.push_back(std::move(*sql));
    }
    if (!q.scope.empty()) {
      std::vector<std::string> any;
      for (const auto& c : q.scope) {
        auto sql = condition(c);
        if (!sql) return Fail(sql.error());
        any.push_back(std::move(*sql));
      }
      clauses.push_back("(" + Join(any, " OR ") + ")");
    }
    if (!q.text.empty()) {
      std::string pattern = "%";
      for (char ch : q.text) {
        if (ch == '%' || ch == '_' || ch == '\\') pattern.push_back('\\');
        pattern.push_back(ch);
      }
      pattern.push_back('%');
      binds.push_back(pattern);
      const int mark = static_cast<int>(binds.size());
      std::vector<std::string> likes;
      for (const auto& f : info.fields)
        if (f.type == FieldType::kText || f.type == FieldType::kList)
          likes.push_back(fmt::format("{} LIKE ?{} ESCAPE '\\'", f.key, mark));
      clauses.push_back("(" + Join(likes, " OR ") + ")");
    }
    const std::string where = clauses.empty() ? std::string() : "WHERE " + Join(clauses, " AND ");
    const reg::FieldInfo* sort = q.sort.empty() ? &info.fields[0] : field(q.sort);
    if (!sort) return Fail(ErrorCode::kInvalidArgument, fmt::format("{}に項目「{}」はありません", info.label_ja, q.sort));
    const std::string direction = q.descending ? "DESC" : "ASC";
    std::string order = fmt::format("{} {}", sort->key, direction);
    if (sort != &info.fields[0]) order += fmt::format(", {} {}", info.fields[0].key, direction);

    Page page;
    std::vector<std::string> cols;
    for (const auto& f : info.fields) cols.emplace_back(f.key);
    auto bind_all = [&](sqlite3_stmt* s) {
      for (std::size_t i = 0; i < binds.size(); ++i) BindText(s, static_cast<int>(i + 1), binds[i]);
    };
    {
      auto stmt = Prepare(fmt::format("SELECT {} FROM {} {} ORDER BY {} LIMIT {} OFFSET {}", Join(cols, ", "),
                                      info.table, where, order, static_cast<long long>(q.limit),
                                      static_cast<long long>(q.offset)));
      if (!stmt) return Fail(stmt.error());
      bind_all(stmt->get());
      int rc = 0;
      while ((rc = sqlite3_step(stmt->get())) == SQLITE_ROW) page.rows.push_back(ReadRow(kind, stmt->get()));
      if (rc != SQLITE_DONE) return Fail(LastError("一覧の読み出し"));
    }
    if (q.count) {
      auto stmt = Prepare(fmt::format("SELECT count(*) FROM (SELECT 1 FROM {} {} LIMIT {})", info.table, where,
                                      static_cast<long long>(q.count_limit) + 1));
      if (!stmt) return Fail(stmt.error());
      bind_all(stmt->get());
      if (sqlite3_step(stmt->get()) != SQLITE_ROW) return Fail(LastError("件数の集計"));
      page.total = sqlite3_column_int64(stmt->get(), 0);
      if (page.total > static_cast<std::int64_t>(q.count_limit)) {
        page.total = static_cast<std::int64_t>(q.count_limit);
        page.total_capped = true;
      }
    }
    return page;
  }

  Result<std::optional<std::string>> GetSetting(std::string_view key) override {
    auto stmt = Prepare("SELECT value FROM settings WHERE key = ?1");
    if (!stmt) return Fail(stmt.error());
    BindText(stmt->get(), 1, key);
    const int rc = sqlite3_step(stmt->get());
    if (rc == SQLITE_DONE) return std::optional<std::string>{};
    if (rc != SQLITE_ROW) return Fail(LastError("設定の読み出し"));
    return std::optional<std::string>{ColumnText(stmt->get(), 0)};
  }

  Result<void> PutSetting(std::string_view key, std::string_view value) override {
    auto stmt = Prepare("INSERT INTO settings (key, value) VALUES (?1, ?2) "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!stmt) return Fail(stmt.error());
    BindText(stmt->get(), 1, key);
    BindText(stmt->get(), 2, value);
    if (sqlite3_step(stmt->get()) != SQLITE_DONE) return Fail(LastError("設定の保存"));
    return {};
  }

  int SchemaVersion() const override { return version_; }
  std::string Describe() const override { return "SQLite " + file_.string(); }

  Result<void> Exec(const std::string& sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      std::string text = message ? message : "unknown";
      sqlite3_free(message);
      return Fail(ErrorCode::kStore, fmt::format("データベースの操作に失敗しました: {}", text));
    }
    return {};
  }

 private:
  const EntitySql& Sql(EntityKind kind) const { return sql_[static_cast<std::size_t>(kind)]; }

  Result<Stmt> Prepare(const std::string& sql) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db_.get(), sql.c_str(), static_cast<int>(sql.size()), &raw, nullptr) != SQLITE_OK)
      return Fail(LastError("SQL の準備"));
    return Stmt(raw);
  }

  // Statements used once per row of an import are prepared once. Their SQL
  // lives as long as the store (sql_ or a static), so its address is the key:
  // no string is built or compared per row.
  Result<sqlite3_stmt*> Cached(const std::string& sql) {
    auto it = cache_.find(&sql);
    if (it == cache_.end()) {
      auto stmt = Prepare(sql);
      if (!stmt) return Fail(stmt.error());
      it = cache_.emplace(&sql, std::move(*stmt)).first;
    }
    sqlite3_clear_bindings(it->second.get());
    return it->second.get();
  }

  static std::string HistoryWhere(const HistoryQuery& q, std::vector<std::string>& binds) {
    std::vector<std::string> clauses;
    auto add = [&](std::string_view column, std::string_view op, const std::string& value) {
      if (value.empty()) return;
      binds.push_back(value);
      clauses.push_back(fmt::format("{} {} ?{}", column, op, binds.size()));
    };
    add("entity", "=", q.entity);
    add("number", "=", q.number);
    add("actor", "=", q.actor);
    add("batch", "=", q.batch);
    add("at", ">=", q.since);
    return clauses.empty() ? std::string() : "WHERE " + Join(clauses, " AND ");
  }

  Result<std::int64_t> QueryInt(const std::string& sql) {
    auto stmt = Prepare(sql);
    if (!stmt) return Fail(stmt.error());
    if (sqlite3_step(stmt->get()) != SQLITE_ROW) return Fail(LastError("読み出し"));
    return static_cast<std::int64_t>(sqlite3_column_int64(stmt->get(), 0));
  }

  Result<void> Write(EntityKind kind, const std::string& sql, const Row& row, bool expect_change, std::string_view verb) {
    auto stmt = Cached(sql);
    if (!stmt) return Fail(stmt.error());
    // Text is bound without a copy (SQLITE_STATIC): `row` and `lists_` outlive the step.
    lists_.clear();
    lists_.reserve(row.size());  // no reallocation while bound: pointers into it must stay valid
    for (std::size_t i = 0; i < row.size(); ++i) Bind(*stmt, static_cast<int>(i + 1), row[i], lists_);
    const int rc = sqlite3_step(*stmt);
    sqlite3_reset(*stmt);
    const auto* number = std::get_if<std::string>(&row[0]);
    const std::string_view id = number ? std::string_view(*number) : std::string_view();
    if (rc != SQLITE_DONE) return Fail(ConstraintError(kind, verb, id));
    if (expect_change && sqlite3_changes(db_.get()) == 0)
      return Fail(ErrorCode::kNotFound, fmt::format("{}「{}」はありません", reg::Info(kind).label_ja, id));
    return {};
  }

  Error ConstraintError(EntityKind kind, std::string_view verb, std::string_view number) {
    const int code = sqlite3_extended_errcode(db_.get());
    const auto& info = reg::Info(kind);
    if (code == SQLITE_CONSTRAINT_PRIMARYKEY || code == SQLITE_CONSTRAINT_UNIQUE)
      return Error(ErrorCode::kAlreadyExists, fmt::format("{}「{}」は既に登録されています", info.label_ja, number));
    if (code == SQLITE_CONSTRAINT_FOREIGNKEY) {
      return Error(ErrorCode::kConflict,
                   fmt::format("{}「{}」を{}できません: 他の記録が参照しているか、参照先がありません", info.label_ja,
                               number, verb));
    }
    return LastError(fmt::format("{}「{}」の{}", info.label_ja, number, verb));
  }

  Error LastError(std::string_view what) {
    return Error(ErrorCode::kStore, fmt::format("{}に失敗しました: {}", what, sqlite3_errmsg(db_.get())));
  }

  static void BindText(sqlite3_stmt* s, int i, std::string_view text) {
    sqlite3_bind_text(s, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  }
  static void BindTextOrNull(sqlite3_stmt* s, int i, std::string_view text) {
    if (text.empty())
      sqlite3_bind_null(s, i);
    else
      sqlite3_bind_text(s, i, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
  }
  static void BindStatic(sqlite3_stmt* s, int i, std::string_view text) {
    sqlite3_bind_text(s, i, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
  }
  static void Bind(sqlite3_stmt* s, int i, const Value& v, std::vector<std::string>& lists) {
    if (const auto* n = std::get_if<std::int64_t>(&v)) {
      sqlite3_bind_int64(s, i, *n);
    } else if (const auto* t = std::get_if<std::string>(&v)) {
      BindStatic(s, i, *t);
    } else if (const auto* l = std::get_if<std::vector<std::string>>(&v)) {
      lists.push_back(nlohmann::json(*l).dump());
      BindStatic(s, i, lists.back());
    } else {
      sqlite3_bind_null(s, i);
    }
  }
  static std::string ColumnText(sqlite3_stmt* s, int i) {
    const auto* p = sqlite3_column_text(s, i);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(s, i)))
             : std::string();
  }
  static Row ReadRow(EntityKind kind, sqlite3_stmt* s) {
    const auto& fields = reg::Info(kind).fields;
    Row row(fields.size());
    for (std::size_t i = 0; i < fields.size(); ++i) {
      const int col = static_cast<int>(i);
      if (sqlite3_column_type(s, col) == SQLITE_NULL) continue;
      switch (fields[i].type) {
        case FieldType::kBool:
        case FieldType::kInteger:
          row[i] = static_cast<std::int64_t>(sqlite3_column_int64(s, col));
          break;
        case FieldType::kList: {
          auto parsed = nlohmann::json::parse(ColumnText(s, col), nullptr, /*allow_exceptions=*/false);
          std::vector<std::string> items;
          if (parsed.is_array())
            for (const auto& item : parsed)
              if (item.is_string()) items.push_back(item.get<std::string>());
          row[i] = std::move(items);
          break;
        }
        default:
          row[i] = ColumnText(s, col);
      }
    }
    return row;
  }

  std::unique_ptr<sqlite3, DbCloser> db_;
  std::filesystem::path file_;
  std::vector<EntitySql> sql_;
  std::unordered_map<const std::string*, Stmt> cache_;
  std::vector<std::string> lists_;  // JSON of a row's list fields while it is written
  int version_ = 0;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenSqlite(const std::filesystem::path& file, const SqliteOptions& options) {
  int flags = options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (options.create && !options.read_only) flags |= SQLITE_OPEN_CREATE;
  flags |= SQLITE_OPEN_NOMUTEX;
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(file.c_str(), &raw, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string why = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    if (raw) sqlite3_close_v2(raw);
    Location where;
    where.file = file.string();
    return Fail(ErrorCode::kIo, fmt::format("データベースを開けません: {}", why), where);
  }
  auto store = std::make_unique<SqliteStore>(raw, file);
  sqlite3_busy_timeout(raw, 5000);
  for (const char* pragma : {// Bigger pages: fewer b-tree pages to split and to checkpoint after a large import
                             // (applies when the file is created).
                             "PRAGMA page_size = 16384", "PRAGMA foreign_keys = ON", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL",
                             // An import of 100,000 rows is one transaction: keep its pages in memory.
                             "PRAGMA cache_size = -131072", "PRAGMA temp_store = MEMORY"}) {
    if (options.read_only && std::string_view(pragma).find("journal_mode") != std::string_view::npos) continue;
    if (auto ok = store->Exec(pragma); !ok) return Fail(ok.error());
  }
  if (!options.read_only) {
    if (auto ok = store->Migrate(); !ok) return Fail(ok.error());
  }
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace mamori::store
