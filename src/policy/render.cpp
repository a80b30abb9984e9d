// `mamori profile show`: the settings that make this body's policy differ,
// readable, Japanese first.
#include "policy/render.h"

#include <fmt/format.h>

#include "policy/keys.h"
#include "policy/messages.h"

namespace mamori::policy {
namespace {

class Writer {
 public:
  explicit Writer(bool english) : en_(english) {}

  void Line(const msg::Label& label, std::string_view value) { out_ += fmt::format("{}: {}\n", label.Get(en_), value); }
  void Heading(const msg::Label& label) { out_ += fmt::format("\n{}:\n", label.Get(en_)); }
  void Item(std::string_view text) { out_ += fmt::format("  {}\n", text); }
  [[nodiscard]] std::string_view L(const msg::Label& label) const { return label.Get(en_); }
  [[nodiscard]] bool En() const { return en_; }

  [[nodiscard]] std::string Join(const std::vector<std::string>& items) const {
    std::string s;
    for (const auto& i : items) s += (s.empty() ? "" : std::string(L(msg::kShowListSep))) + i;
    return s.empty() ? std::string(L(msg::kShowNone)) : s;
  }
  template <typename E>
  [[nodiscard]] std::string JoinLabels(const std::vector<E>& items) const {
    std::vector<std::string> labels;
    for (const auto& e : items) labels.emplace_back(En() ? NameOf(e).en : NameOf(e).ja);
    return Join(labels);
  }
  [[nodiscard]] std::string Date(const mamori::Date& d, bool month_only) const {
    std::string wareki = ToWareki(d);
    if (month_only && wareki.ends_with("1日")) wareki.resize(wareki.size() - std::string_view("1日").size());
    if (!en_) return wareki;
    return month_only ? fmt::format("{:04d}-{:02d} ({})", d.year, d.month, wareki) : fmt::format("{} ({})", d.Iso(), wareki);
  }

  std::string Take() { return std::move(out_); }

 private:
  bool en_;
  std::string out_;
};

std::string ClauseLabel(const Profile& p, const std::string& id) {
  if (id.empty()) return {};
  const Clause* c = p.FindClause(id);
  return c == nullptr ? id : fmt::format("{} {}", c->label, c->title);
}

void Identity(const Profile& p, Writer& w) {
  w.Line(msg::kShowProfile, fmt::format("{} — {}{}", p.id, p.name_ja, p.name_en.empty() ? "" : fmt::format("（{}）", p.name_en)));
  w.Line(msg::kShowKind, Label(p.kind, w.En()));
  w.Line(msg::kShowTitle, p.title);
  if (!p.version.empty()) w.Line(msg::kShowVersion, p.version);
  if (!p.seed_file.empty()) w.Line(msg::kShowSeed, fmt::format("{} {}", p.seed_file, p.form));
  if (p.base.empty()) {
    w.Line(msg::kShowBase, w.L(msg::kShowNoBase));
  } else {
    std::string chain;
    for (const auto& id : p.chain) chain += (chain.empty() ? "" : " → ") + id;
    w.Line(msg::kShowBase, fmt::format("{}（{}: {}）", p.base, w.L(msg::kShowChain), chain));
  }
  if (p.parent) {
    w.Line(msg::kShowParent, fmt::format("{}（{}）— {}: {}", p.parent->profile,
                                         w.L(p.parent->resolved ? msg::kShowResolved : msg::kShowUnresolved),
                                         w.L(msg::kShowAppliesTo), p.parent->applies_to));
  }
  if (!p.preface.empty()) {
    w.Heading(msg::kShowPreface);
    for (const auto& n : p.preface) w.Item(n.text);
  }
}

void ScopeAndStaff(const Profile& p, Writer& w) {
  std::string organs = w.Join(p.scope.organs);
  if (p.scope.network_only) organs += fmt::format("（{}）", w.L(msg::kShowNetworkOnly));
  w.Line(msg::kShowScope, organs);
  std::vector<std::string> assets;
  if (p.scope.all_assets) assets.emplace_back(w.L(msg::kShowAllAssets));
  if (p.scope.paper_documents) assets.emplace_back(w.L(msg::kShowPaper));
  if (p.scope.duty_documents) assets.emplace_back(w.L(msg::kShowDutyDocs));
  if (p.scope.standalone_systems) assets.emplace_back(w.L(msg::kShowStandalone));
  if (!assets.empty()) w.Line(msg::kShowAssetScope, w.Join(assets));
  std::string staff = w.JoinLabels(p.scope.staff_categories);
  if (!p.scope.also_bound.empty())
    staff += fmt::format("（{}: {}）", w.L(msg::kShowAlsoBound), w.JoinLabels(p.scope.also_bound));
  w.Line(msg::kShowStaff, staff);
  std::string threats;
  for (const auto& t : p.threats.items) {
    if (t.examples.empty()) continue;
    threats += fmt::format("({}) {}", t.number, w.Join(t.examples));
  }
  if (p.threats.open_ended) threats += fmt::format("{}{}", threats.empty() ? "" : " — ", w.L(msg::kShowOpenEnded));
  if (!threats.empty()) w.Line(msg::kShowThreats, threats);
}

void Network(const Profile& p, Writer& w) {
  const auto& cls = p.classification;
  w.Line(msg::kShowScheme, fmt::format("{}{}", Label(cls.active, w.En()),
                                       cls.active_reason.empty() ? "" : fmt::format(" — {}", cls.active_reason)));
  w.Line(msg::kShowTierModel, Label(p.tiers.model, w.En()));
  std::vector<std::string> internet;
  for (const auto& c : p.tiers.categories)
    if (c.Allows(reg::Tier::kInternet)) internet.push_back(c.name);
  w.Line(msg::kShowInternetTier, w.Join(internet));

  const MyNumber& m = p.my_number;
  w.Line(msg::kShowMyNumber, fmt::format("{}（{}）", Key(m.mode), Label(m.mode, w.En())));
  if (m.mode == MyNumberMode::kRestrictedUsers) {
    w.Item(fmt::format("{}: {}", w.L(msg::kShowPermitted), w.Join(m.permitted_duties)));
    w.Item(fmt::format("{}: {} {}{}", w.L(msg::kShowCheck), w.Join(m.check_kinds),
                       m.check_interval_days.value_or(0), w.L(msg::kShowDays)));
  }
  std::vector<std::string> content;
  for (const auto& c : m.content) content.push_back(fmt::format("{}（{}）", c.duty, w.Join(c.subjects)));
  if (!content.empty()) w.Item(fmt::format("{}: {}", w.L(msg::kShowContent), w.Join(content)));

  w.Line(msg::kShowSanitization, w.JoinLabels(p.sanitization.directions));
  const MailSanitization& mail = p.sanitization.mail;
  const std::string_view sep = w.L(msg::kShowListSep);
  w.Line(msg::kShowMail,
         fmt::format("{}: {}{}{}: {}{}{}: {}{}{}: {}{}{}: {} {}{}{}: {}", w.L(msg::kShowMailLinks),
                     Label(mail.links, w.En()), sep, w.L(msg::kShowMailAttachments), Label(mail.attachments, w.En()), sep,
                     w.L(msg::kShowMailEncrypted), Label(mail.encrypted, w.En()), sep, w.L(msg::kShowMailPpap),
                     w.L(mail.hold_password_archives ? msg::kShowMailHold : msg::kShowMailPass), sep,
                     w.L(msg::kShowMailRetention), mail.retention_days, w.L(msg::kShowMailDays), sep,
                     w.L(msg::kShowMailRelease), w.JoinLabels(mail.release_roles)));
  w.Line(msg::kShowInternet, fmt::format("{}{}", Label(p.internet.security_cloud, w.En()),
                                         p.internet.aggregator.empty()
                                             ? ""
                                             : fmt::format("（{}: {}）", w.L(msg::kShowAggregator), p.internet.aggregator)));
}

void Governance(const Profile& p, Writer& w) {
  std::vector<std::string> when;
  if (p.audit.periodic) when.emplace_back(w.L(msg::kShowPeriodic));
  if (p.audit.as_needed) when.emplace_back(w.L(msg::kShowAsNeeded));
  w.Line(msg::kShowAudit, fmt::format("{}（{}、{} {}{}）", Label(p.audit.regime, w.En()), w.Join(when),
                                      w.L(msg::kShowInterval), p.audit.interval_days, w.L(msg::kShowDays)));
  w.Line(msg::kShowReview, w.L(p.review.requires_risk_analysis ? msg::kShowRiskAnalysis : msg::kShowNoRiskAnalysis));
  w.Line(msg::kShowRooms, w.Join(p.measures.physical_rooms));
  w.Line(msg::kShowSocialMedia, w.L(p.measures.social_media ? msg::kShowYes : msg::kShowNo));
  w.Line(msg::kShowCloud, p.measures.cloud_term);

  std::vector<std::string> plans;
  for (const auto& plan : p.incident.plans) plans.push_back(plan.name);
  w.Line(msg::kShowIncident, plans.empty() ? std::string(w.L(msg::kShowNoPlan)) : w.Join(plans));
  if (p.violation) {
    std::vector<std::string> v;
    if (p.violation->disciplinary) v.emplace_back(w.L(msg::kShowDisciplinary));
    if (p.violation->liability) v.emplace_back(w.L(msg::kShowLiability));
    w.Line(msg::kShowViolation, fmt::format("{}（{}）", w.Join(v), ClauseLabel(p, p.violation->clause)));
  } else {
    w.Line(msg::kShowViolation, w.L(msg::kShowNone));
  }

  w.Heading(msg::kShowDocuments);
  for (const auto& d : p.documents) {
    std::string line = fmt::format("{}: {}", d.title, Label(d.visibility, w.En()));
    if (d.visibility != Visibility::kPublic)
      line += fmt::format("（{}: {}）", w.L(msg::kShowReaders), w.JoinLabels(d.readers));
    if (d.holds_procedures) line += fmt::format(" — {}", w.L(msg::kShowHoldsProcedures));
    w.Item(line);
  }
}

void Revisions(const Profile& p, Writer& w) {
  w.Heading(msg::kShowRevisions);
  for (const auto& r : p.revisions) {
    std::string line = fmt::format("{}  {}", w.Date(r.date, r.month_only), r.kind);
    if (r.in_force) line += fmt::format("（{} {}）", w.L(msg::kShowInForce), w.Date(*r.in_force, false));
    if (!r.description.empty()) line += fmt::format("  {}", r.description);
    w.Item(line);
  }
}

void Rules(const Profile& p, Writer& w) {
  w.Heading(msg::kShowRules);
  for (const auto& known : KnownRules()) {
    const RuleSetting* r = p.Rule(known.id);
    if (r == nullptr) continue;
    w.Item(fmt::format("{:<32} {}  {}  {}  — {}", r->id, w.L(r->enabled ? msg::kShowEnabled : msg::kShowDisabled),
                       Label(r->severity, w.En()), ClauseLabel(p, r->clause), w.En() ? known.title_en : known.title_ja));
  }
}

}  // namespace

std::string RenderProfileText(const Profile& profile, bool english) {
  Writer w(english);
  Identity(profile, w);
  ScopeAndStaff(profile, w);
  Network(profile, w);
  Governance(profile, w);
  Revisions(profile, w);
  Rules(profile, w);
  if (!profile.notes.empty()) {
    w.Heading(msg::kShowNotes);
    for (const auto& n : profile.notes) w.Item(fmt::format("{}{}", n.text, n.unverified ? w.L(msg::kShowUnverified) : ""));
  }
  return w.Take();
}

}  // namespace mamori::policy
