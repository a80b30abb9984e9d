#include "check/report.h"

#include <algorithm>

#include <fmt/format.h>

#include "register/schema.h"

namespace mamori::check {
namespace {

std::string Thousands(std::size_t n) {
  std::string digits = std::to_string(n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
  return digits;
}

std::string SubjectText(const Subject& s, bool english) {
  std::string type = s.type;
  if (auto kind = reg::KindFromKey(s.type)) {
    const auto& info = reg::Info(*kind);
    type = std::string(english ? info.label_en : info.label_ja);
  } else if (s.type == "body") {
    type = english ? "Body" : "団体";
  }
  if (s.name.empty() || s.type == "body") return fmt::format("{} {}", type, s.type == "body" ? s.name : s.id);
  return english ? fmt::format("{} {} \"{}\"", type, s.id, s.name) : fmt::format("{} {}「{}」", type, s.id, s.name);
}

}  // namespace

nlohmann::ordered_json FindingsToJson(const policy::Profile& profile, const std::vector<Finding>& findings) {
  auto out = nlohmann::ordered_json::array();
  for (const auto& f : findings) {
    nlohmann::ordered_json j;
    j["rule"] = f.rule;
    const auto clause = ClauseOf(profile, f);
    j["clause"] = clause.label;
    j["clause_id"] = f.clause;
    j["clause_title"] = clause.title;
    j["severity"] = policy::Key(f.severity);
    j["status"] = StatusKey(f.status);
    j["subject"] = {{"type", f.subject.type}, {"id", f.subject.id}, {"name", f.subject.name}};
    j["message"] = f.message;
    if (!f.department.empty()) j["department"] = f.department;
    out.push_back(std::move(j));
  }
  return out;
}

void PrintFindingsText(std::ostream& out, const policy::Profile& profile, const std::vector<Finding>& findings,
                       const TextReportOptions& options) {
  const bool en = options.english;
  const Summary s = Summarize(findings);
  if (en) {
    out << fmt::format("Check of the register against the policy of {} ({}), {}\n", profile.name_en, profile.id,
                       options.today.Iso());
    out << fmt::format("{} failed (high {}, medium {}, low {}), {} unknown, {} passed\n\n", Thousands(s.fail),
                       s.fail_by_severity[0], s.fail_by_severity[1], s.fail_by_severity[2], Thousands(s.unknown),
                       Thousands(s.pass));
  } else {
    out << fmt::format("{}（{}）の情報セキュリティポリシーに対する点検結果　{}\n", profile.name_ja, profile.id,
                       ToWareki(options.today));
    out << fmt::format("違反 {} 件（高 {}・中 {}・低 {}）、判定不能 {} 件、適合 {} 件\n\n", Thousands(s.fail),
                       s.fail_by_severity[0], s.fail_by_severity[1], s.fail_by_severity[2], Thousands(s.unknown),
                       Thousands(s.pass));
  }
  std::vector<const Finding*> listed;
  for (const auto& f : findings)
    if (options.statuses.contains(f.status)) listed.push_back(&f);
  std::stable_sort(listed.begin(), listed.end(), [](const Finding* a, const Finding* b) {
    if (a->status != b->status) return a->status < b->status;  // fail, pass, unknown
    return static_cast<int>(a->severity) < static_cast<int>(b->severity);
  });
  for (const auto* f : listed) {
    out << fmt::format("[{}] {}  {}\n", policy::Label(f->severity, en), StatusLabel(f->status, en),
                       SubjectText(f->subject, en));
    out << "    " << f->message << '\n';
    const auto cited = ClauseOf(profile, *f);
    const std::string clause =
        cited.title.empty() ? std::string(cited.label) : fmt::format("{} {}", cited.label, cited.title);
    out << fmt::format("    {}: {}（{}）\n", en ? "Clause" : "根拠", clause, f->rule);
  }
  if (listed.empty()) out << (en ? "Nothing to list.\n" : "表示する指摘はありません。\n");
}

}  // namespace mamori::check
