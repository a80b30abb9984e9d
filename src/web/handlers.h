// Every handler of the application; routes.cpp maps them to URLs in one table.
#pragma once

#include <string>
#include <unordered_set>

#include "http/response.h"
#include "web/web_app.h"

namespace mamori::web {

// pages_auth.cpp
http::Response LoginForm(WebApp& app, Ctx& ctx);
http::Response LoginSubmit(WebApp& app, Ctx& ctx);
http::Response TotpForm(WebApp& app, Ctx& ctx);
http::Response TotpSubmit(WebApp& app, Ctx& ctx);
http::Response EnrolForm(WebApp& app, Ctx& ctx);
http::Response EnrolSubmit(WebApp& app, Ctx& ctx);
http::Response Logout(WebApp& app, Ctx& ctx);
http::Response SwitchLanguage(WebApp& app, Ctx& ctx);
http::Response AccountPage(WebApp& app, Ctx& ctx);
http::Response IssueToken(WebApp& app, Ctx& ctx);
http::Response RevokeToken(WebApp& app, Ctx& ctx);
http::Response ChangePassword(WebApp& app, Ctx& ctx);

// Records the principal is personally responsible for ("asset/A-1" …): pages_findings.cpp
std::unordered_set<std::string> OwnSubjects(WebApp& app, const Principal& p);

// pages_dashboard.cpp
http::Response DashboardPage(WebApp& app, Ctx& ctx);

// pages_register.cpp
http::Response RegisterList(WebApp& app, Ctx& ctx);
http::Response RecordPage(WebApp& app, Ctx& ctx);
http::Response NewRecordForm(WebApp& app, Ctx& ctx);
http::Response CreateRecord(WebApp& app, Ctx& ctx);
http::Response UpdateRecord(WebApp& app, Ctx& ctx);
http::Response DeleteRecord(WebApp& app, Ctx& ctx);

// pages_import.cpp
http::Response ImportForm(WebApp& app, Ctx& ctx);
http::Response ImportPreview(WebApp& app, Ctx& ctx);
http::Response ImportApply(WebApp& app, Ctx& ctx);
http::Response Export(WebApp& app, Ctx& ctx);

// pages_findings.cpp
http::Response FindingsPage(WebApp& app, Ctx& ctx);

// pages_policy.cpp
http::Response PolicyPage(WebApp& app, Ctx& ctx);           // public: the 基本方針
http::Response DocumentPage(WebApp& app, Ctx& ctx);         // /policy/{document}: by role

// pages_history.cpp
http::Response HistoryPage(WebApp& app, Ctx& ctx);
http::Response NetworkPage(WebApp& app, Ctx& ctx);  // pages_network.cpp
http::Response AlertStatus(WebApp& app, Ctx& ctx);

// pages_admin.cpp
http::Response AccountsPage(WebApp& app, Ctx& ctx);
http::Response CreateAccount(WebApp& app, Ctx& ctx);
http::Response AccountAction(WebApp& app, Ctx& ctx);
http::Response AuditPage(WebApp& app, Ctx& ctx);

// api/*.cpp: registered by RegisterApi (api/api.h)

}  // namespace mamori::web
