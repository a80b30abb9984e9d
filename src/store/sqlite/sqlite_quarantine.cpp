// The SQLite QuarantineStore: metadata in the table `quarantine`, originals in
// files named by their SHA-256.
//
// Put writes the file first (a temporary file in the same directory, fsync,
// rename, fsync of the directory), then the row. If the row cannot be written
// the file just written is removed again; if the process dies in between, the
// file left behind is unreferenced and harmless: nothing lists files, and the
// same original arriving again reuses it. A row always has its file, except
// after Delete or Purge (status 'deleted'), which remove the file after the
// row and its change history are committed.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <random>

#include <nlohmann/json.hpp>
#include <sodium.h>

#include "store/quarantine.h"
#include "store/sqlite/connection.h"
#include "store/store.h"

namespace mamori::store {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kColumns =
    "id, sha256, received_at, expires_at, source, coalesce(envelope_from, ''), coalesce(envelope_to, '[]'), "
    "coalesce(header_from, ''), coalesce(header_to, ''), coalesce(header_cc, ''), coalesce(subject, ''), "
    "coalesce(header_date, ''), coalesce(message_id, ''), size, attachments, coalesce(attachments_json, '[]'), "
    "coalesce(hold_reasons, ''), coalesce(actions, ''), status, coalesce(released_to, ''), "
    "coalesce(released_by, ''), coalesce(released_at, '')";

QuarantineEntry ReadEntry(const Bound& b) {
  QuarantineEntry e;
  e.id = b.ColText(0);
  e.sha256 = b.ColText(1);
  e.received_at = b.ColText(2);
  e.expires_at = b.ColText(3);
  e.source = b.ColText(4);
  e.envelope_from = b.ColText(5);
  const auto to = nlohmann::json::parse(b.ColText(6), nullptr, false);
  if (to.is_array())
    for (const auto& t : to)
      if (t.is_string()) e.envelope_to.push_back(t.get<std::string>());
  e.from = b.ColText(7);
  e.to = b.ColText(8);
  e.cc = b.ColText(9);
  e.subject = b.ColText(10);
  e.date = b.ColText(11);
  e.message_id = b.ColText(12);
  e.size = b.ColInt(13);
  e.attachments = b.ColInt(14);
  e.attachments_json = b.ColText(15);
  e.hold_reasons = b.ColText(16);
  e.actions = b.ColText(17);
  e.status = b.ColText(18);
  e.released_to = b.ColText(19);
  e.released_by = b.ColText(20);
  e.released_at = b.ColText(21);
  return e;
}

bool IsHex(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// An id (12 hex digits) or a full SHA-256, lower-cased; empty when it is neither.
std::string NormalizeKey(std::string_view key) {
  std::string k(key);
  for (auto& c : k)
    if (c >= 'A' && c <= 'F') c = static_cast<char>(c - 'A' + 'a');
  if ((k.size() == 12 || k.size() == 64) && IsHex(k)) return k;
  return {};
}

std::string Hex(const unsigned char* bytes, std::size_t n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(n * 2);
  for (std::size_t i = 0; i < n; ++i) {
    out.push_back(kDigits[bytes[i] >> 4]);
    out.push_back(kDigits[bytes[i] & 15]);
  }
  return out;
}

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  return Hex(digest, sizeof digest);
}

Error IoError(std::string_view what, const fs::path& path, int err) {
  Location where;
  where.file = path.string();
  return Error(ErrorCode::kIo, fmt::format("{}: {}", what, std::strerror(err)), where);
}

// Closes a descriptor on every path out.
struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

Result<void> FsyncDir(const fs::path& dir) {
  Fd d{::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
  if (d.fd < 0) return Fail(IoError("隔離ディレクトリを開けません", dir, errno));
  if (::fsync(d.fd) != 0) return Fail(IoError("隔離ディレクトリを同期できません", dir, errno));
  return {};
}

Result<void> MakeDir(const fs::path& dir) {
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
    return Fail(IoError("隔離ディレクトリを作れません", dir, errno));
  return {};
}

// Writes `bytes` to `path` atomically: a temporary file in the same directory
// (mode 0600), fsync, rename over `path`, fsync of the directory.
Result<void> WriteAtomically(const fs::path& path, std::string_view bytes) {
  const fs::path dir = path.parent_path();
  std::string tmp = (dir / ("." + path.filename().string() + ".XXXXXX")).string();
  Fd f{::mkostemp(tmp.data(), O_CLOEXEC)};  // mode 0600
  if (f.fd < 0) return Fail(IoError("隔離メールの一時ファイルを作れません", dir, errno));
  auto failed = [&](std::string_view what) {
    const int err = errno;
    ::unlink(tmp.c_str());
    return Fail(IoError(what, path, err));
  };
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(f.fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return failed("隔離メールを書き込めません");
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(f.fd) != 0) return failed("隔離メールを同期できません");
  if (::close(f.fd) != 0) {
    f.fd = -1;
    return failed("隔離メールを書き込めません");
  }
  f.fd = -1;
  if (::rename(tmp.c_str(), path.c_str()) != 0) return failed("隔離メールを保存できません");
  return FsyncDir(dir);
}

// The file's bytes when its SHA-256 is `sha256`; nullopt when it is missing.
Result<std::optional<std::string>> ReadVerified(const fs::path& path, std::string_view sha256, std::string_view id) {
  Fd f{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW)};
  if (f.fd < 0) {
    if (errno == ENOENT) return std::optional<std::string>{};
    return Fail(IoError("隔離メールの原本を開けません", path, errno));
  }
  struct stat st{};
  if (::fstat(f.fd, &st) != 0) return Fail(IoError("隔離メールの原本を読めません", path, errno));
  if (!S_ISREG(st.st_mode)) return Fail(IoError("隔離メールの原本を読めません", path, EINVAL));
  std::string bytes(static_cast<std::size_t>(st.st_size), '\0');
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::read(f.fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Fail(IoError("隔離メールの原本を読めません", path, errno));
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
  }
  bytes.resize(done);
  if (Sha256Hex(bytes) != sha256) {
    Location where;
    where.file = path.string();
    return Fail(Error(ErrorCode::kIo,
                      fmt::format("隔離メール {} の原本が壊れています（SHA-256 が記録と一致しません）。原本は返しません",
                                  id),
                      where));
  }
  return std::optional<std::string>{std::move(bytes)};
}

bool KnownStatus(std::string_view s) { return s == "held" || s == "stored" || s == "released" || s == "deleted"; }

Result<void> CheckStatus(std::string_view s) {
  if (s.empty() || KnownStatus(s)) return {};
  return Fail(ErrorCode::kInvalidArgument,
              fmt::format("状態「{}」は使えません（held, stored, released, deleted）", s));
}

class SqliteQuarantine final : public QuarantineStore, public SqliteConnection {
 public:
  SqliteQuarantine(sqlite3* db, fs::path dir) : SqliteConnection(db), dir_(std::move(dir)) {}

  Result<QuarantineEntry> Put(std::string_view original, const QuarantineEntry& m) override {
    const std::string sha = Sha256Hex(original);
    if (!m.sha256.empty() && m.sha256 != sha)
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("隔離メールの SHA-256 が原本と一致しません（記録 {}、原本 {}）", m.sha256, sha));
    std::lock_guard lock(mutex_);
    auto existing = GetLocked(sha);
    if (!existing) return Fail(existing.error());
    const bool revive = *existing && (*existing)->status == "deleted";
    if (*existing && !revive) {
      // Already kept: make sure its file is there and intact (a lost file is written again).
      auto file = ReadVerified(PathOf(sha), sha, (*existing)->id);
      if (!file || !*file)
        if (auto ok = WriteFile(sha, original); !ok) return Fail(ok.error());
      return **existing;
    }

    std::error_code ec;
    const bool had_file = fs::exists(PathOf(sha), ec);
    if (auto ok = WriteFile(sha, original); !ok) return Fail(ok.error());
    QuarantineEntry e = m;
    e.sha256 = sha;
    e.id = sha.substr(0, 12);
    e.size = static_cast<std::int64_t>(original.size());
    if (e.received_at.empty()) e.received_at = NowJst();
    if (e.expires_at.empty()) e.expires_at = e.received_at;
    if (e.source.empty()) e.source = "cli";
    if (e.attachments_json.empty()) e.attachments_json = "[]";
    e.status = e.hold_reasons.empty() ? "stored" : "held";
    e.released_to.clear();
    e.released_by.clear();
    e.released_at.clear();
    nlohmann::json to = nlohmann::json::array();
    for (const auto& t : e.envelope_to) to.push_back(t);
    const std::string to_json = to.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    auto ok = Run(revive ? UpdateSql() : InsertSql(),
                  [&](Bound& b) {
                    b.Text(1, e.sha256).Text(2, e.id).Text(3, e.received_at).Text(4, e.expires_at).Text(5, e.source);
                    b.TextOrNull(6, e.envelope_from).Text(7, to_json).TextOrNull(8, e.from).TextOrNull(9, e.to);
                    b.TextOrNull(10, e.cc).TextOrNull(11, e.subject).TextOrNull(12, e.date);
                    b.TextOrNull(13, e.message_id).Int(14, e.size).Int(15, e.attachments);
                    b.Text(16, e.attachments_json).TextOrNull(17, e.hold_reasons).TextOrNull(18, e.actions);
                    b.Text(19, e.status);
                  },
                  "隔離メールの記録");
    if (!ok) {
      // Nothing refers to the file just written: take it away again (unless another row does).
      if (!had_file) {
        auto row = GetLocked(sha);
        if (row && (!*row || (*row)->status == "deleted")) ::unlink(PathOf(sha).c_str());
      }
      if (ok.error().message.find("UNIQUE") != std::string::npos && ok.error().message.find(".id") != std::string::npos)
        return Fail(ErrorCode::kConflict,
                    fmt::format("隔離番号 {} は別の原本に使われています（SHA-256 の先頭 12 桁が一致）", e.id));
      return Fail(ok.error());
    }
    auto stored = GetLocked(sha);
    if (!stored) return Fail(stored.error());
    if (!*stored) return Fail(ErrorCode::kInternal, "隔離メールの記録が見つかりません");
    return **stored;
  }

  Result<std::vector<QuarantineEntry>> List(const QuarantineQuery& q) override {
    if (auto ok = CheckStatus(q.status); !ok) return Fail(ok.error());
    std::lock_guard lock(mutex_);
    return Many<QuarantineEntry>(
        fmt::format("SELECT {} FROM quarantine WHERE {} ORDER BY received_at DESC, id LIMIT ?3 OFFSET ?4", kColumns,
                    Where()),
        [&](Bound& b) {
          BindWhere(b, q);
          b.Int(3, q.limit == 0 ? -1 : static_cast<std::int64_t>(q.limit));
          b.Int(4, static_cast<std::int64_t>(q.offset));
        },
        ReadEntry);
  }

  Result<std::int64_t> Count(const QuarantineQuery& q) override {
    if (auto ok = CheckStatus(q.status); !ok) return Fail(ok.error());
    std::lock_guard lock(mutex_);
    auto n = One<std::int64_t>(fmt::format("SELECT count(*) FROM quarantine WHERE {}", Where()),
                               [&](Bound& b) { BindWhere(b, q); }, [](const Bound& b) { return b.ColInt(0); });
    if (!n) return Fail(n.error());
    return n->value_or(0);
  }

  Result<std::optional<QuarantineEntry>> Get(std::string_view id) override {
    std::lock_guard lock(mutex_);
    return GetLocked(id);
  }

  Result<std::string> ReadOriginal(std::string_view id) override {
    QuarantineEntry e;
    {
      std::lock_guard lock(mutex_);
      auto found = GetLocked(id);
      if (!found) return Fail(found.error());
      if (!*found) return NotFound(id);
      e = std::move(**found);
    }
    if (e.status == "deleted")
      return Fail(ErrorCode::kNotFound, fmt::format("隔離メール {} の原本は削除されています", e.id));
    auto bytes = ReadVerified(PathOf(e.sha256), e.sha256, e.id);
    if (!bytes) return Fail(bytes.error());
    if (!*bytes) {
      Location where;
      where.file = PathOf(e.sha256).string();
      return Fail(Error(ErrorCode::kIo, fmt::format("隔離メール {} の原本のファイルがありません", e.id), where));
    }
    return std::move(**bytes);
  }

  Result<void> MarkReleased(std::string_view id, std::string_view to, std::string_view actor) override {
    if (to.empty()) return Fail(ErrorCode::kInvalidArgument, "解除の宛先がありません");
    std::lock_guard lock(mutex_);
    auto found = GetLocked(id);
    if (!found) return Fail(found.error());
    if (!*found) return NotFound(id);
    const QuarantineEntry& e = **found;
    if (e.status == "deleted")
      return Fail(ErrorCode::kConflict, fmt::format("隔離メール {} は削除済みのため解除できません", e.id));
    const std::string now = NowJst();
    nlohmann::json before{{"status", e.status}};
    if (!e.released_to.empty()) before["released_to"] = e.released_to;
    const nlohmann::json after{{"status", "released"}, {"released_to", std::string(to)},
                               {"released_by", std::string(actor)}};
    return Transactionally([&]() -> Result<void> {
      auto ok = Run("UPDATE quarantine SET status = 'released', released_to = ?2, released_by = ?3, released_at = ?4 "
                    "WHERE sha256 = ?1",
                    [&](Bound& b) { b.Text(1, e.sha256).Text(2, to).Text(3, actor).Text(4, now); }, "解除の記録");
      if (!ok) return ok;
      return History(now, actor, e.id, before, after, "");
    });
  }

  Result<void> Delete(std::string_view id, std::string_view actor) override {
    std::unique_lock lock(mutex_);
    auto found = GetLocked(id);
    if (!found) return Fail(found.error());
    if (!*found) return NotFound(id);
    const QuarantineEntry e = **found;
    if (e.status == "deleted") return {};
    const std::string now = NowJst();
    auto ok = Transactionally([&]() -> Result<void> {
      return MarkDeleted(e, now, actor, "");
    });
    if (!ok) return ok;
    lock.unlock();
    return RemoveFile(e.sha256);
  }

  Result<std::size_t> Purge(std::string_view now_iso, std::string_view actor) override {
    std::unique_lock lock(mutex_);
    auto due = Many<QuarantineEntry>(
        fmt::format("SELECT {} FROM quarantine WHERE expires_at < ?1 AND status != 'deleted' ORDER BY expires_at",
                    kColumns),
        [&](Bound& b) { b.Text(1, now_iso); }, ReadEntry);
    if (!due) return Fail(due.error());
    if (due->empty()) return std::size_t{0};
    const std::string now = NowJst();
    auto ok = Transactionally([&]() -> Result<void> {
      for (const auto& e : *due)
        if (auto marked = MarkDeleted(e, now, actor, "retention"); !marked) return marked;
      return {};
    });
    if (!ok) return Fail(ok.error());
    lock.unlock();
    Result<void> removed;
    for (const auto& e : *due)
      if (auto r = RemoveFile(e.sha256); !r && removed) removed = r;
    if (!removed) return Fail(removed.error());
    return due->size();
  }

  Result<void> Prepare() {
    if (auto ok = MakeDir(dir_); !ok) return ok;
    return {};
  }

 private:
  fs::path PathOf(std::string_view sha) const {
    return dir_ / std::string(sha.substr(0, 2)) / (std::string(sha) + ".eml");
  }

  Result<void> WriteFile(const std::string& sha, std::string_view bytes) {
    if (auto ok = MakeDir(dir_); !ok) return ok;
    if (auto ok = MakeDir(PathOf(sha).parent_path()); !ok) return ok;
    return WriteAtomically(PathOf(sha), bytes);
  }

  Result<void> RemoveFile(const std::string& sha) {
    const fs::path path = PathOf(sha);
    if (::unlink(path.c_str()) != 0 && errno != ENOENT)
      return Fail(IoError("記録は削除済みにしましたが、原本のファイルを消せません", path, errno));
    return {};
  }

  static tl::unexpected<Error> NotFound(std::string_view id) {
    return Fail(ErrorCode::kNotFound, fmt::format("隔離メール {} はありません", id));
  }

  static const std::string& InsertSql() {
    static const std::string sql =
        "INSERT INTO quarantine (sha256, id, received_at, expires_at, source, envelope_from, envelope_to, header_from, "
        "header_to, header_cc, subject, header_date, message_id, size, attachments, attachments_json, hold_reasons, "
        "actions, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19) "
        "ON CONFLICT (sha256) DO NOTHING";
    return sql;
  }
  // The same original again after its deletion: kept anew, as it arrived this time.
  static const std::string& UpdateSql() {
    static const std::string sql =
        "UPDATE quarantine SET id = ?2, received_at = ?3, expires_at = ?4, source = ?5, envelope_from = ?6, "
        "envelope_to = ?7, header_from = ?8, header_to = ?9, header_cc = ?10, subject = ?11, header_date = ?12, "
        "message_id = ?13, size = ?14, attachments = ?15, attachments_json = ?16, hold_reasons = ?17, actions = ?18, "
        "status = ?19, released_to = NULL, released_by = NULL, released_at = NULL WHERE sha256 = ?1";
    return sql;
  }

  Result<std::optional<QuarantineEntry>> GetLocked(std::string_view key) {
    const std::string k = NormalizeKey(key);
    if (k.empty()) return std::optional<QuarantineEntry>{};
    return One<QuarantineEntry>(fmt::format("SELECT {} FROM quarantine WHERE {} = ?1", kColumns,
                                            k.size() == 12 ? "id" : "sha256"),
                                [&](Bound& b) { b.Text(1, k); }, ReadEntry);
  }

  // Runs `body` inside BEGIN IMMEDIATE … COMMIT, rolling back when it fails.
  template <typename Body>
  Result<void> Transactionally(Body body) {
    if (auto ok = Exec("BEGIN IMMEDIATE"); !ok) return ok;
    auto ok = body();
    if (ok) ok = Exec("COMMIT");
    if (!ok) (void)Exec("ROLLBACK");
    return ok;
  }

  Result<void> MarkDeleted(const QuarantineEntry& e, const std::string& now, std::string_view actor,
                           std::string_view reason) {
    auto ok = Run("UPDATE quarantine SET status = 'deleted' WHERE sha256 = ?1", [&](Bound& b) { b.Text(1, e.sha256); },
                  "隔離メールの削除");
    if (!ok) return ok;
    nlohmann::json before{{"status", e.status}, {"subject", e.subject}, {"from", e.from}};
    nlohmann::json after{{"status", "deleted"}};
    if (!reason.empty()) after["reason"] = std::string(reason);
    return History(now, actor, e.id, before, after, reason == "retention" ? "保存期間の満了" : "");
  }

  Result<void> History(const std::string& now, std::string_view actor, const std::string& id,
                       const nlohmann::json& before, const nlohmann::json& after, std::string_view note) {
    constexpr auto kReplace = nlohmann::json::error_handler_t::replace;
    return Run("INSERT INTO change_history (at, actor, action, entity, number, before, after, note) "
               "VALUES (?1, ?2, 'update', 'quarantine', ?3, ?4, ?5, ?6)",
               [&](Bound& b) {
                 b.Text(1, now).Text(2, actor.empty() ? std::string_view("unknown") : actor).Text(3, id);
                 b.Text(4, before.dump(-1, ' ', false, kReplace)).Text(5, after.dump(-1, ' ', false, kReplace));
                 b.TextOrNull(6, note);
               },
               "変更履歴の記録");
  }

  static std::string Where() {
    return "(CASE WHEN ?1 = '' THEN status != 'deleted' ELSE status = ?1 END) AND "
           "(?2 = '' OR instr(lower(id), lower(?2)) > 0 OR instr(lower(coalesce(header_from, '')), lower(?2)) > 0 OR "
           "instr(lower(coalesce(header_to, '')), lower(?2)) > 0 OR instr(lower(coalesce(subject, '')), lower(?2)) > 0 "
           "OR instr(lower(coalesce(envelope_from, '')), lower(?2)) > 0)";
  }
  static void BindWhere(Bound& b, const QuarantineQuery& q) { b.Text(1, q.status).Text(2, q.search); }

  fs::path dir_;
};

}  // namespace

Result<std::unique_ptr<QuarantineStore>> OpenSqliteQuarantine(const fs::path& db, const fs::path& dir) {
  if (sodium_init() < 0) return Fail(ErrorCode::kInternal, "libsodium を初期化できません");
  auto raw = OpenSqliteConnection(
      db, "quarantine", "隔離メールの表がありません。先に mamori init（または OpenSqlite）でデータベースを移行してください");
  if (!raw) return Fail(raw.error());
  auto store = std::make_unique<SqliteQuarantine>(*raw, dir);
  if (auto ok = store->Prepare(); !ok) return Fail(ok.error());
  return std::unique_ptr<QuarantineStore>(std::move(store));
}

std::filesystem::path DefaultQuarantineDir(const fs::path& db) {
  fs::path dir = db;
  dir.replace_extension(".quarantine");
  if (dir == db) dir += ".quarantine";
  return dir;
}

}  // namespace mamori::store
