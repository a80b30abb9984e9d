#include "exchange/zip.h"

#include <array>

#include <fmt/format.h>
#include <zip.h>

namespace mamori::exchange {
namespace {

std::string ZipErrorText(int code) {
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  std::string text = zip_error_strerror(&error);
  zip_error_fini(&error);
  return text;
}

Error NotXlsx(const std::string& file, std::string_view why) {
  Location where;
  where.file = file;
  return Error(ErrorCode::kParse, fmt::format("XLSXとして読めません: {}", why), where);
}

Error LimitError(const std::string& file, std::string_view entry, std::string_view what, std::uint64_t limit) {
  Location where;
  where.file = file;
  return Error(ErrorCode::kLimit, fmt::format("XLSX の {} が上限（{}）を超えています（{}）", what, limit, entry), where);
}

// 2020-01-01T00:00:00Z: a fixed time stamp for reproducible archives.
constexpr time_t kFixedMtime = 1577836800;

}  // namespace

void ZipReader::Closer::operator()(struct zip* z) const { zip_discard(z); }
void ZipWriter::SourceFree::operator()(zip_source* s) const { zip_source_free(s); }
void ZipWriter::Discard::operator()(struct zip* z) const { zip_discard(z); }

Result<ZipReader> ZipReader::Open(std::string_view bytes, std::string_view file_name, const Limits& limits) {
  const std::string file(file_name);
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    return Fail(NotXlsx(file, why));
  }
  struct zip* z = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (z == nullptr) {
    const int code = zip_error_code_zip(&error);
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    zip_source_free(source);
    if (code == ZIP_ER_NOZIP) return Fail(NotXlsx(file, "zip 形式ではありません（表計算ファイルではありません）"));
    return Fail(NotXlsx(file, fmt::format("zip として壊れています（{}）", why)));
  }
  zip_error_fini(&error);
  ZipReader reader(z, file, limits);
  const zip_int64_t entries = zip_get_num_entries(z, 0);
  if (entries < 0 || static_cast<std::uint64_t>(entries) > limits.max_zip_entries)
    return Fail(LimitError(file, "zip", "項目数", limits.max_zip_entries));
  return reader;
}

std::int64_t ZipReader::Locate(std::string_view name) const {
  const std::string n(name);
  zip_int64_t index = zip_name_locate(zip_.get(), n.c_str(), 0);
  if (index < 0) index = zip_name_locate(zip_.get(), n.c_str(), ZIP_FL_NOCASE);
  return index;
}

bool ZipReader::Has(std::string_view name) const { return Locate(name) >= 0; }

Result<void> ZipReader::Read(std::string_view name, const Sink& sink) {
  const zip_int64_t index = Locate(name);
  if (index < 0) return Fail(NotXlsx(file_, fmt::format("{} がありません", name)));
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(zip_.get(), static_cast<zip_uint64_t>(index), 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) != 0 &&
      st.size > limits_->max_entry_bytes)
    return Fail(LimitError(file_, name, "展開後の大きさ", limits_->max_entry_bytes));
  zip_file_t* f = zip_fopen_index(zip_.get(), static_cast<zip_uint64_t>(index), 0);
  if (f == nullptr) {
    zip_error_t* error = zip_get_error(zip_.get());
    const int code = zip_error_code_zip(error);
    if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_ENCRNOTSUPP)
      return Fail(NotXlsx(file_, "パスワードで保護されています。保護を外して保存し直してください"));
    return Fail(NotXlsx(file_, fmt::format("{} を開けません（{}）", name, ZipErrorText(code))));
  }
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(f, zip_fclose);
  std::array<char, 64 * 1024> buffer;
  std::uint64_t entry_read = 0;
  while (true) {
    const zip_int64_t n = zip_fread(file.get(), buffer.data(), buffer.size());
    if (n < 0) {
      std::string why = zip_error_strerror(zip_file_get_error(file.get()));
      return Fail(NotXlsx(file_, fmt::format("{} が壊れています（{}）", name, why)));
    }
    if (n == 0) break;
    entry_read += static_cast<std::uint64_t>(n);
    total_read_ += static_cast<std::uint64_t>(n);
    if (entry_read > limits_->max_entry_bytes) return Fail(LimitError(file_, name, "展開後の大きさ", limits_->max_entry_bytes));
    if (total_read_ > limits_->max_total_bytes)
      return Fail(LimitError(file_, name, "展開後の合計の大きさ", limits_->max_total_bytes));
    if (auto ok = sink(std::string_view(buffer.data(), static_cast<std::size_t>(n))); !ok) return ok;
  }
  return {};
}

Result<std::string> ZipReader::ReadAll(std::string_view name) {
  std::string out;
  auto ok = Read(name, [&out](std::string_view chunk) -> Result<void> {
    out.append(chunk);
    return {};
  });
  if (!ok) return Fail(ok.error());
  return out;
}

Result<ZipWriter> ZipWriter::Create() {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (source == nullptr) {
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    return Fail(ErrorCode::kInternal, fmt::format("zip を作れません（{}）", why));
  }
  zip_source_keep(source);  // the archive's bytes stay in `source` after zip_close
  struct zip* z = zip_open_from_source(source, ZIP_TRUNCATE, &error);
  if (z == nullptr) {
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    zip_source_free(source);
    zip_source_free(source);
    return Fail(ErrorCode::kInternal, fmt::format("zip を作れません（{}）", why));
  }
  zip_error_fini(&error);
  return ZipWriter(source, z);
}

Result<void> ZipWriter::Add(std::string name, std::string data) {
  const std::string& stored = data_.emplace_back(std::move(data));
  zip_source_t* s = zip_source_buffer(zip_.get(), stored.data(), stored.size(), 0);
  if (s == nullptr) return Fail(ErrorCode::kInternal, fmt::format("zip に {} を追加できません", name));
  const zip_int64_t index = zip_file_add(zip_.get(), name.c_str(), s, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
  if (index < 0) {
    zip_source_free(s);
    return Fail(ErrorCode::kInternal,
                fmt::format("zip に {} を追加できません（{}）", name, zip_error_strerror(zip_get_error(zip_.get()))));
  }
  zip_set_file_compression(zip_.get(), static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 1);
  zip_file_set_mtime(zip_.get(), static_cast<zip_uint64_t>(index), kFixedMtime, 0);
  return {};
}

Result<std::string> ZipWriter::Finish() {
  if (zip_close(zip_.get()) != 0)
    return Fail(ErrorCode::kInternal, fmt::format("zip を閉じられません（{}）", zip_error_strerror(zip_get_error(zip_.get()))));
  (void)zip_.release();  // zip_close freed it
  zip_source_t* s = source_.get();
  if (zip_source_open(s) < 0) return Fail(ErrorCode::kInternal, "作った zip を読めません");
  std::string out;
  if (zip_source_seek(s, 0, SEEK_END) == 0) {
    const zip_int64_t size = zip_source_tell(s);
    if (size > 0 && zip_source_seek(s, 0, SEEK_SET) == 0) {
      out.resize(static_cast<std::size_t>(size));
      if (zip_source_read(s, out.data(), static_cast<zip_uint64_t>(size)) != size) out.clear();
    }
  }
  zip_source_close(s);
  if (out.empty()) return Fail(ErrorCode::kInternal, "作った zip を読めません");
  data_.clear();
  return out;
}

}  // namespace mamori::exchange
