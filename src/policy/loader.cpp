#include "policy/loader.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>

#include <fmt/format.h>

#include "policy/compile.h"
#include "policy/merge.h"
#include "policy/validate.h"

#ifndef MAMORI_PROFILE_DIR
#define MAMORI_PROFILE_DIR "profiles"
#endif

namespace mamori::policy {
namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMaxFilesScanned = 1000;

YamlLimits Limits() { return YamlLimits{kMaxProfileBytes, kMaxProfileDepth, kMaxProfileNodes}; }

struct LoadedFile {
  std::string name;  // as shown in messages
  Node root;
};

Result<std::string> ReadLimited(const fs::path& path) {
  const std::string name = path.generic_string();
  std::error_code ec;
  if (!fs::is_regular_file(path, ec))
    return Fail(ErrorCode::kNotFound, std::string(msg::kFileNotFound), Location{.file = name});
  const auto size = fs::file_size(path, ec);
  if (ec) return Fail(ErrorCode::kIo, fmt::format(msg::kFileUnreadable, ec.message()), Location{.file = name});
  if (size > kMaxProfileBytes)
    return Fail(ErrorCode::kLimit, fmt::format(msg::kYamlTooLarge, size, kMaxProfileBytes), Location{.file = name});
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(ErrorCode::kIo, fmt::format(msg::kFileUnreadable, "open"), Location{.file = name});
  std::string text;
  text.reserve(static_cast<std::size_t>(size));
  // Read at most one byte past the limit: the file may grow after file_size().
  std::istreambuf_iterator<char> it(in), end;
  for (; it != end && text.size() <= kMaxProfileBytes; ++it) text.push_back(*it);
  if (text.size() > kMaxProfileBytes)
    return Fail(ErrorCode::kLimit, fmt::format(msg::kYamlTooLarge, text.size(), kMaxProfileBytes), Location{.file = name});
  return text;
}

Result<LoadedFile> ReadProfileFile(const fs::path& path) {
  auto text = ReadLimited(path);
  if (!text) return Fail(text.error());
  const std::string name = path.generic_string();
  auto root = ParseYaml(*text, name, Limits());
  if (!root) return Fail(root.error());
  return LoadedFile{name, std::move(*root)};
}

// A top-level text value without schema checks (to follow `base:` before compiling).
std::string TopText(const Node& root, std::string_view key) {
  if (!root.IsMap()) return {};
  const Node* n = root.Find(key);
  return n != nullptr && n->IsScalar() ? n->value : std::string{};
}

Pos TopPos(const Node& root, std::string_view key) {
  if (root.IsMap()) {
    for (const auto& e : root.entries)
      if (e.key == key) return e.value.IsNull() ? e.key_pos : e.value.pos;
  }
  return root.pos;
}

// A rule cannot be removed by setting it to null (derivation would drop it
// silently): it is switched off with `enabled: false`. Checked per file,
// before merging, so the position is the file's own.
void ReportRemovedRules(const Node& root, Diagnostics& diag) {
  if (!root.IsMap()) return;
  const Node* checks = root.Find("checks");
  if (checks == nullptr || !checks->IsMap()) return;
  for (const auto& e : checks->entries) {
    if (e.value.IsNull()) diag.Report(ErrorCode::kValidation, fmt::format(msg::kRuleRemoved, e.key), e.key_pos);
  }
}

bool HasYamlExtension(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml";
}

std::vector<fs::path> YamlFilesIn(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  fs::directory_iterator it(dir, ec), end;
  for (; !ec && it != end && out.size() < kMaxFilesScanned; it.increment(ec)) {
    if (HasYamlExtension(it->path())) out.push_back(it->path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// <dir>/<id>.yaml, else the first *.yaml in the directory whose id is `id`.
std::optional<fs::path> FindProfileFile(std::string_view id, const ProfileSearchPath& dirs) {
  if (!IsValidProfileId(id)) return std::nullopt;  // never a path: no "../"
  std::error_code ec;
  for (const auto& dir : dirs) {
    for (const char* ext : {".yaml", ".yml"}) {
      fs::path candidate = dir / (std::string(id) + ext);
      if (fs::is_regular_file(candidate, ec)) return candidate;
    }
  }
  for (const auto& dir : dirs) {
    for (const auto& file : YamlFilesIn(dir)) {
      auto loaded = ReadProfileFile(file);
      if (loaded && TopText(loaded->root, "id") == id) return file;
    }
  }
  return std::nullopt;
}

std::string JoinDirs(const ProfileSearchPath& dirs) {
  std::string out;
  for (const auto& d : dirs) out += (out.empty() ? "" : ", ") + d.generic_string();
  return out.empty() ? "（なし）" : out;
}

Error Summarize(const std::string& file, std::vector<Error> errors) {
  const ErrorCode code = errors.size() == 1 ? errors.front().code : ErrorCode::kValidation;
  Error top(code, fmt::format(msg::kErrorsInFile, errors.size()), Location{.file = file});
  top.details = std::move(errors);
  return top;
}

Result<Profile> LoadChain(LoadedFile leaf, const ProfileSearchPath& dirs) {
  Diagnostics diag(kMaxReportedErrors);
  std::vector<LoadedFile> chain;
  std::vector<std::string> ids{TopText(leaf.root, "id")};
  chain.push_back(std::move(leaf));
  for (;;) {
    const Node& current = chain.back().root;
    const std::string base = TopText(current, "base");
    if (base.empty()) break;
    const Pos at = TopPos(current, "base");
    if (!IsValidProfileId(base)) {
      diag.Report(ErrorCode::kValidation, fmt::format(msg::kBadProfileId, "base", base), at);
      break;
    }
    if (std::find(ids.begin(), ids.end(), base) != ids.end()) {
      std::string cycle;
      for (const auto& id : ids) cycle += id + " → ";
      diag.Report(ErrorCode::kValidation, fmt::format(msg::kBaseCycle, cycle + base), at);
      break;
    }
    if (static_cast<int>(chain.size()) >= kMaxBaseChain) {
      diag.Report(ErrorCode::kLimit, fmt::format(msg::kBaseChainTooLong, kMaxBaseChain), at);
      break;
    }
    const auto file = FindProfileFile(base, dirs);
    if (!file) {
      diag.Report(ErrorCode::kNotFound, fmt::format(msg::kBaseNotFound, base, JoinDirs(dirs)), at);
      break;
    }
    auto loaded = ReadProfileFile(*file);
    if (!loaded) {
      diag.Report(loaded.error());
      break;
    }
    if (TopText(loaded->root, "id") != base) {
      diag.Report(ErrorCode::kValidation, fmt::format(msg::kBaseIdMismatch, base, TopText(loaded->root, "id")),
                  TopPos(loaded->root, "id"));
      break;
    }
    ids.push_back(base);
    chain.push_back(std::move(*loaded));
  }
  const std::string leaf_name = chain.front().name;
  if (!diag.Empty()) return Fail(Summarize(leaf_name, diag.Take()));

  for (const auto& f : chain) ReportRemovedRules(f.root, diag);
  Node merged = chain.back().root;
  for (std::size_t i = chain.size() - 1; i-- > 0;) merged = MergeProfiles(merged, chain[i].root);

  Compiled compiled = CompileProfile(merged, diag);
  ValidateCompiled(compiled, chain.front().root.pos, diag);
  if (!diag.Empty()) return Fail(Summarize(leaf_name, diag.Take()));

  Profile profile = std::move(compiled.profile);
  profile.chain = ids;
  for (const auto& f : chain) profile.files.push_back(f.name);
  if (profile.parent) profile.parent->resolved = FindProfileFile(profile.parent->profile, dirs).has_value();
  return profile;
}

}  // namespace

ProfileSearchPath DefaultProfileDirs() {
  ProfileSearchPath dirs;
  if (const char* env = std::getenv("MAMORI_PROFILE_DIR"); env != nullptr && *env != '\0') {
    std::string_view rest(env);
    while (!rest.empty()) {
      const auto colon = rest.find(':');
      const std::string_view part = rest.substr(0, colon);
      if (!part.empty()) dirs.emplace_back(std::string(part));
      if (colon == std::string_view::npos) break;
      rest.remove_prefix(colon + 1);
    }
  }
  dirs.emplace_back(MAMORI_PROFILE_DIR);
  return dirs;
}

Result<Profile> LoadProfile(const fs::path& file, const ProfileSearchPath& dirs) {
  auto leaf = ReadProfileFile(file);
  if (!leaf) return Fail(leaf.error());
  return LoadChain(std::move(*leaf), dirs);
}

Result<Profile> LoadProfileById(std::string_view id, const ProfileSearchPath& dirs) {
  if (!IsValidProfileId(id))
    return Fail(ErrorCode::kInvalidArgument, fmt::format(msg::kBadProfileId, "id", id));
  const auto file = FindProfileFile(id, dirs);
  if (!file) return Fail(ErrorCode::kNotFound, fmt::format(msg::kProfileNotFound, id, JoinDirs(dirs)));
  auto profile = LoadProfile(*file, dirs);
  if (profile && profile->id != id)
    return Fail(ErrorCode::kValidation, fmt::format(msg::kIdMismatch, id, profile->id),
                Location{.file = file->generic_string()});
  return profile;
}

Result<Profile> LoadProfileFromString(std::string_view text, std::string_view name, const ProfileSearchPath& dirs) {
  auto root = ParseYaml(text, name, Limits());
  if (!root) return Fail(root.error());
  return LoadChain(LoadedFile{std::string(name), std::move(*root)}, dirs);
}

std::vector<ProfileSummary> ListProfiles(const ProfileSearchPath& dirs) {
  std::vector<ProfileSummary> out;
  std::vector<std::string> seen;
  for (const auto& dir : dirs) {
    for (const auto& file : YamlFilesIn(dir)) {
      ProfileSummary s;
      s.file = file.generic_string();
      auto loaded = ReadProfileFile(file);
      if (loaded) s.id = TopText(loaded->root, "id");
      if (!s.id.empty() && std::find(seen.begin(), seen.end(), s.id) != seen.end()) continue;
      if (!s.id.empty()) seen.push_back(s.id);
      auto profile = LoadProfile(file, dirs);
      if (profile) {
        s.name_ja = profile->name_ja;
        s.name_en = profile->name_en;
        s.base = profile->base;
      } else {
        s.error = profile.error().ToString();
      }
      out.push_back(std::move(s));
    }
  }
  return out;
}

Result<void> ValidateFile(const fs::path& file, const ProfileSearchPath& dirs) {
  auto profile = LoadProfile(file, dirs);
  if (!profile) return Fail(profile.error());
  return {};
}

Result<void> ValidateFile(const fs::path& file) {
  ProfileSearchPath dirs{file.parent_path().empty() ? fs::path(".") : file.parent_path()};
  for (auto& d : DefaultProfileDirs()) dirs.push_back(std::move(d));
  return ValidateFile(file, dirs);
}

}  // namespace mamori::policy
