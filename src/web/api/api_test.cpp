// The REST API against a real server: a demo register in a temporary SQLite
// file, accounts of several roles with API tokens, requests over TCP. Each test
// asserts what an API client would notice.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "auth/authenticator.h"
#include "demo/demo.h"
#include "http/server.h"
#include "http/url.h"
#include "policy/loader.h"
#include "store/accounts.h"
#include "store/sqlite/sqlite_store.h"
#include "web/api/api_messages.h"
#include "web/store_pool.h"
#include "web/web_app.h"

namespace mamori::web::api {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr std::string_view kPassword = "correct horse battery staple";
const std::string kTaxDept = "税務課";      // the manager's department (by name in the register)
const std::string kTaxDeptCode = "0107";   // … and by code on the account
const std::string kTaxManager = "100055";  // 井上 真由美, 情報セキュリティ管理者 of 税務課
const std::string kOtherDept = "市民課";

fs::path SourceDir() {
  if (const char* env = std::getenv("MAMORI_SOURCE_DIR"); env != nullptr && *env != '\0') return env;
  return fs::current_path();
}

// ---- a small HTTP/1.1 client: one request per connection ----

struct Reply {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-cased names
  std::string body;

  json Json() const { return json::parse(body, nullptr, /*allow_exceptions=*/false); }
  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};

using Headers = std::vector<std::pair<std::string, std::string>>;

Reply Send(unsigned short port, std::string_view method, std::string_view target, const Headers& headers = {},
           std::string_view body = {}) {
  Reply reply;
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return reply;
  timeval timeout{20, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return reply;
  }
  std::string request = std::string(method) + " " + std::string(target) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
                        "Connection: close\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
  for (const auto& [k, v] : headers) request += k + ": " + v + "\r\n";
  request += "\r\n";
  request += body;
  for (std::size_t sent = 0; sent < request.size();) {
    const auto n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  std::string raw;
  char buf[65536];
  for (;;) {
    const auto n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    raw.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  const auto end = raw.find("\r\n\r\n");
  if (end == std::string::npos || raw.size() < 12) return reply;
  reply.status = std::stoi(raw.substr(9, 3));
  std::istringstream lines(raw.substr(0, end));
  std::string line;
  std::getline(lines, line);  // status line
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string name = line.substr(0, colon);
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    reply.headers[name] = value;
  }
  reply.body = raw.substr(end + 4);
  return reply;
}

// ---- the server, shared by every test of the suite ----

struct Account {
  std::string login;
  std::string token;
};

class Env {
 public:
  Env() {
    dir_ = fs::temp_directory_path() / ("mamori-api-test-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = dir_ / "mamori.db";
  }
  ~Env() {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
    server_.reset();
    app_.reset();
    alerts_.reset();
    pool_.reset();
    auth_.reset();
    accounts_.reset();
    history_.reset();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  // Fills the register, creates the accounts and starts the server; false with a message when anything fails.
  std::string Start() {
    auto p = policy::LoadProfileById("nogata", {SourceDir() / "profiles"});
    if (!p) return p.error().ToString();
    profile_ = std::move(*p);
    {
      auto store = store::OpenSqlite(db_);
      if (!store) return store.error().ToString();
      service::LevelCodes levels{profile_.AllLevelCodes(policy::Axis::kConfidentiality),
                                 profile_.AllLevelCodes(policy::Axis::kIntegrity),
                                 profile_.AllLevelCodes(policy::Axis::kAvailability)};
      service::RegisterService service(**store, levels, "demo");
      if (auto ok = service.SetSetting("profile", profile_.id); !ok) return ok.error().ToString();
      demo::DemoOptions options;
      options.as_of = Date{2026, 11, 1};
      if (auto plan = service.Import(demo::ToSheets(demo::Generate(options)), false); !plan)
        return plan.error().ToString();
    }
    auto history = store::OpenSqlite(db_);
    if (!history) return history.error().ToString();
    history_ = std::move(*history);
    auto accounts = store::OpenSqliteAccounts(db_);
    if (!accounts) return accounts.error().ToString();
    accounts_ = std::move(*accounts);
    auth::AuthOptions auth_options;
    auth_options.password_cost = auth::PasswordCost::Interactive();
    auth_ = std::make_unique<auth::Authenticator>(*accounts_, *history_, auth_options);

    const std::string db = db_.string();
    auto pool = StorePool::Create([db] { return store::OpenSqlite(db); }, 3);  // small: nested leases would deadlock
    if (!pool) return pool.error().ToString();
    pool_ = std::move(*pool);
    auto alerts = store::OpenSqliteAlerts(db_);
    if (!alerts) return alerts.error().ToString();
    alerts_ = std::move(*alerts);
    store::NetAlert alert;
    alert.first_seen = alert.last_seen = "2026-11-22T10:00:00.000+09:00";
    alert.rule = "net.my_number_isolation";
    alert.severity = "high";
    alert.src_ip = "10.10.3.4";
    alert.dst_ip = "203.0.113.9";
    alert.dst_port = 443;
    alert.protocol = 6;
    alert.src_segment = "SEG-MN-01";
    alert.src_tier = "my_number";
    alert.count = 3;
    alert.message = "マイナンバー利用事務系から公開アドレスへの通信";
    if (auto id = alerts_->AddAlert(alert); !id) return id.error().ToString();
    WebOptions web_options;
    web_options.alerts = alerts_.get();
    app_ = std::make_unique<WebApp>(profile_, *pool_, *auth_, web_options);

    for (auto [name, role, department, person] :
         {std::tuple{"ciso", reg::Role::kCiso, "", ""}, std::tuple{"tax-manager", reg::Role::kManager, "0107", "100055"},
          std::tuple{"auditor", reg::Role::kAuditor, "", ""}}) {
      auth::NewAccount a;
      a.login = name;
      a.display_name = name;
      a.role = role;
      a.department = department;
      a.organ = department[0] ? "01" : "";
      a.person_number = person;
      a.password = std::string(kPassword);
      auto created = auth_->CreateLocalAccount(a, "test");
      if (!created) return created.error().ToString();
      auto token = auth_->IssueApiToken(created->id, "test", "test");
      if (!token) return token.error().ToString();
      accounts_by_role_[name] = {name, token->token};
    }

    http::ServerOptions options;
    options.address = "127.0.0.1";
    options.port = 0;
    options.threads = 2;
    server_ = std::make_unique<http::Server>(options, app_->BuildRouter());
    if (auto ok = server_->Start(); !ok) return ok.error().ToString();
    thread_ = std::thread([this] { server_->Run(); });
    return {};
  }

  unsigned short port() const { return server_->Port(); }
  const Account& as(const std::string& name) { return accounts_by_role_.at(name); }
  auth::Authenticator& auth() { return *auth_; }
  WebApp& app() { return *app_; }

 private:
  fs::path dir_, db_;
  policy::Profile profile_;
  std::unique_ptr<store::Store> history_;
  std::unique_ptr<store::AccountStore> accounts_;
  std::unique_ptr<store::AlertStore> alerts_;
  std::unique_ptr<auth::Authenticator> auth_;
  std::unique_ptr<StorePool> pool_;
  std::unique_ptr<WebApp> app_;
  std::unique_ptr<http::Server> server_;
  std::thread thread_;
  std::map<std::string, Account> accounts_by_role_;
};

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    env_ = new Env();
    start_error_ = new std::string(env_->Start());
  }
  static void TearDownTestSuite() {
    delete env_;
    delete start_error_;
    env_ = nullptr;
  }
  void SetUp() override { ASSERT_TRUE(start_error_->empty()) << *start_error_; }

  static Headers Bearer(const std::string& who, Headers more = {}) {
    more.emplace_back("Authorization", "Bearer " + env_->as(who).token);
    return more;
  }
  static Reply Get(const std::string& who, std::string_view target) {
    return Send(env_->port(), "GET", target, Bearer(who));
  }
  static Reply Write(const std::string& who, std::string_view method, std::string_view target, const json& body) {
    return Send(env_->port(), method, target, Bearer(who, {{"Content-Type", "application/json"}}), body.dump());
  }
  static std::string AssetUrl(std::string_view number) { return "/api/v1/register/assets/" + http::UrlEncode(number); }
  static std::string History(std::string_view number) {
    return "/api/v1/history?entity=asset&number=" + http::UrlEncode(number);
  }
  // The first asset of a department, as the CISO sees it.
  static json FirstAssetOf(std::string_view department, std::size_t skip = 0) {
    auto r = Get("ciso", "/api/v1/register/assets?department=" + http::UrlEncode(department) +
                             "&limit=1&offset=" + std::to_string(skip));
    auto j = r.Json();
    if (r.status != 200 || j["items"].empty()) return json();
    return j["items"][0];
  }

  static Env* env_;
  static std::string* start_error_;
};

Env* ApiTest::env_ = nullptr;
std::string* ApiTest::start_error_ = nullptr;

void ExpectJsonError(const Reply& r, int status, std::string_view code) {
  EXPECT_EQ(r.status, status) << r.body;
  EXPECT_TRUE(r.Header("content-type").starts_with("application/json")) << r.Header("content-type");
  const auto j = r.Json();
  ASSERT_TRUE(j.is_object()) << r.body;
  ASSERT_TRUE(j.contains("error")) << r.body;
  EXPECT_EQ(j["error"]["code"], code) << r.body;
  EXPECT_FALSE(j["error"]["message"].get<std::string>().empty());
}

// ---- authentication ----

TEST_F(ApiTest, WithoutATokenEveryEndpointAnswers401InJson) {
  for (const char* target : {"/api/v1/register/assets", "/api/v1/me", "/api/v1/findings", "/api/v1/history",
                             "/api/v1/register/assets/%E7%B7%8F%E5%8B%99-0001"}) {
    auto r = Send(env_->port(), "GET", target);
    ExpectJsonError(r, 401, "unauthorized");
    EXPECT_TRUE(r.Header("www-authenticate").starts_with("Bearer")) << target;
  }
  auto wrong = Send(env_->port(), "GET", "/api/v1/me", {{"Authorization", "Bearer mamori_not_a_token"}});
  ExpectJsonError(wrong, 401, "unauthorized");
  EXPECT_NE(wrong.Header("www-authenticate").find("invalid_token"), std::string::npos);
  // Writing without a token is refused the same way, and nothing is created.
  auto post = Send(env_->port(), "POST", "/api/v1/register/assets", {{"Content-Type", "application/json"}},
                   R"({"number":"X-1","name":"x"})");
  ExpectJsonError(post, 401, "unauthorized");
  EXPECT_EQ(Get("ciso", AssetUrl("X-1")).status, 404);
}

TEST_F(ApiTest, MeDescribesTheTokensAccount) {
  auto r = Get("tax-manager", "/api/v1/me");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Header("content-type"), "application/json; charset=utf-8");
  auto j = r.Json();
  EXPECT_EQ(j["login"], "tax-manager");
  EXPECT_EQ(j["role"], "manager");
  EXPECT_EQ(j["admin"], false);
  EXPECT_EQ(j["department"], kTaxDeptCode);
  EXPECT_EQ(j["person_number"], kTaxManager);
  EXPECT_EQ(j["authenticated_by"], "token");
  EXPECT_EQ(Get("auditor", "/api/v1/me").Json()["can_write"], false);
}

// ---- the register ----

TEST_F(ApiTest, CisoListsAssetsWithPagingSortingFiltersAndJapaneseSearch) {
  auto first = Get("ciso", "/api/v1/register/assets?limit=10");
  ASSERT_EQ(first.status, 200) << first.body;
  auto j = first.Json();
  ASSERT_EQ(j["items"].size(), 10u);
  EXPECT_EQ(j["total"], 400);
  EXPECT_EQ(j["total_capped"], false);
  EXPECT_EQ(j["limit"], 10);
  EXPECT_EQ(j["offset"], 0);
  // A record has every field of the table: enums as keys, flags as booleans, lists as arrays.
  const auto& item = j["items"][0];
  for (const auto& f : reg::Info(reg::EntityKind::kAsset).fields) EXPECT_TRUE(item.contains(f.key)) << f.key;
  EXPECT_TRUE(item["personal_data"].is_boolean() || item["personal_data"].is_null());

  auto second = Get("ciso", "/api/v1/register/assets?limit=10&offset=10").Json();
  ASSERT_EQ(second["items"].size(), 10u);
  EXPECT_NE(second["items"][0]["number"], j["items"][0]["number"]);
  EXPECT_EQ(second["offset"], 10);

  auto sorted = Get("ciso", "/api/v1/register/assets?sort=name&order=desc&limit=50").Json();
  std::vector<std::string> names;
  for (const auto& a : sorted["items"]) names.push_back(a["name"]);
  EXPECT_TRUE(std::is_sorted(names.rbegin(), names.rend()));

  auto tiered = Get("ciso", "/api/v1/register/assets?filter%5Btier%5D=my_number&limit=1000").Json();
  ASSERT_GT(tiered["items"].size(), 0u);
  EXPECT_LT(tiered["total"], 400);
  for (const auto& a : tiered["items"]) EXPECT_EQ(a["tier"], "my_number");
  // The plain form and a Japanese label mean the same filter.
  EXPECT_EQ(Get("ciso", "/api/v1/register/assets?tier=my_number&limit=0").Json()["total"], tiered["total"]);
  EXPECT_EQ(Get("ciso", "/api/v1/register/assets?tier=" + http::UrlEncode("マイナンバー利用事務系") + "&limit=0")
                .Json()["total"],
            tiered["total"]);
  auto flagged = Get("ciso", "/api/v1/register/assets?personal_data=true&limit=1000").Json();
  ASSERT_GT(flagged["items"].size(), 0u);
  for (const auto& a : flagged["items"]) EXPECT_EQ(a["personal_data"], true);

  auto found = Get("ciso", "/api/v1/register/assets?q=" + http::UrlEncode("住民") + "&limit=1000").Json();
  ASSERT_GT(found["items"].size(), 0u);
  EXPECT_EQ(found["total"], found["items"].size());
  for (const auto& a : found["items"]) EXPECT_NE(a.dump().find("住民"), std::string::npos) << a.dump();

  auto capped = Get("ciso", "/api/v1/register/assets?limit=5000").Json();
  EXPECT_EQ(capped["limit"], 1000);
  EXPECT_EQ(capped["items"].size(), 400u);

  ExpectJsonError(Get("ciso", "/api/v1/register/assets?sort=colour"), 400, "bad_request");
  ExpectJsonError(Get("ciso", "/api/v1/register/assets?order=sideways"), 400, "bad_request");
  ExpectJsonError(Get("ciso", "/api/v1/register/assets?limit=-1"), 400, "bad_request");
  ExpectJsonError(Get("ciso", "/api/v1/register/assets?tier=mars"), 400, "bad_request");
  ExpectJsonError(Get("ciso", "/api/v1/register/assets?colour=red"), 400, "bad_request");
  ExpectJsonError(Get("ciso", "/api/v1/register/spaceships"), 404, "not_found");
}

TEST_F(ApiTest, EveryKindIsListedWithItsFields) {
  for (const auto& info : reg::AllEntities()) {
    auto r = Get("ciso", "/api/v1/register/" + std::string(info.table) + "?limit=1");
    ASSERT_EQ(r.status, 200) << info.table << r.body;
    auto j = r.Json();
    ASSERT_EQ(j["items"].size(), 1u) << info.table;
    for (const auto& f : info.fields) EXPECT_TRUE(j["items"][0].contains(f.key)) << info.table << "." << f.key;
    const std::string number = j["items"][0][std::string(info.fields[0].key)];
    EXPECT_EQ(Get("ciso", "/api/v1/register/" + std::string(info.table) + "/" + http::UrlEncode(number)).status, 200);
  }
}

TEST_F(ApiTest, ManagerSeesOnlyTheirDepartment) {
  auto r = Get("tax-manager", "/api/v1/register/assets?limit=1000");
  ASSERT_EQ(r.status, 200) << r.body;
  auto j = r.Json();
  ASSERT_GT(j["items"].size(), 0u);
  EXPECT_EQ(j["total"], j["items"].size());
  for (const auto& a : j["items"]) EXPECT_EQ(a["department"], kTaxDept) << a["number"];
  EXPECT_EQ(j["total"], Get("ciso", "/api/v1/register/assets?limit=0&department=" + http::UrlEncode(kTaxDept))
                            .Json()["total"]);
  // Another department's asset: absent as far as the manager can tell.
  const auto other = FirstAssetOf(kOtherDept);
  ASSERT_TRUE(other.is_object());
  const std::string number = other["number"];
  ExpectJsonError(Get("tax-manager", AssetUrl(number)), 404, "not_found");
  EXPECT_EQ(Get("ciso", AssetUrl(number)).status, 200);
  // Filtering for it does not reach past the scope either.
  EXPECT_EQ(Get("tax-manager", "/api/v1/register/assets?department=" + http::UrlEncode(kOtherDept)).Json()["total"], 0);
  // People: the manager's department only.
  const auto people = Get("tax-manager", "/api/v1/register/people?limit=1000").Json();
  ASSERT_GT(people["items"].size(), 0u);
  for (const auto& p : people["items"]) EXPECT_EQ(p["department"], kTaxDept);
}

TEST_F(ApiTest, AuditorReadsButCannotWrite) {
  const auto asset = FirstAssetOf(kTaxDept, 1);
  ASSERT_TRUE(asset.is_object());
  const std::string number = asset["number"];
  auto read = Get("auditor", AssetUrl(number));
  ASSERT_EQ(read.status, 200);
  const auto history_before = Get("ciso", History(number)).Json()["total"];

  ExpectJsonError(Write("auditor", "PATCH", AssetUrl(number), {{"name", "監査人が変えた名前"}}), 403, "forbidden");
  ExpectJsonError(Write("auditor", "DELETE", AssetUrl(number), json::object()), 403, "forbidden");
  ExpectJsonError(Write("auditor", "POST", "/api/v1/register/assets",
                        {{"number", "AUDIT-X-1"}, {"name", "監査人の資産"}, {"department", kTaxDept}}),
                  403, "forbidden");

  EXPECT_EQ(Get("ciso", AssetUrl(number)).Json(), read.Json());
  EXPECT_EQ(Get("ciso", History(number)).Json()["total"], history_before);
  EXPECT_EQ(Get("ciso", AssetUrl("AUDIT-X-1")).status, 404);
}

TEST_F(ApiTest, PatchWithABadLevelIs422NamingTheFieldAndChangesNothing) {
  const auto asset = FirstAssetOf(kTaxDept, 2);
  ASSERT_TRUE(asset.is_object());
  const std::string number = asset["number"];
  const auto history_before = Get("ciso", History(number)).Json()["total"];

  auto r = Write("tax-manager", "PATCH", AssetUrl(number), {{"confidentiality", "9Z"}, {"name", "変わらないはず"}});
  ExpectJsonError(r, 422, "validation");
  auto details = r.Json()["error"]["details"];
  ASSERT_EQ(details.size(), 1u) << r.body;
  EXPECT_EQ(details[0]["field"], "confidentiality");
  EXPECT_EQ(details[0]["label"], "機密性");
  EXPECT_NE(details[0]["message"].get<std::string>().find("9Z"), std::string::npos);

  // In English on request, about the same field.
  auto en = Write("tax-manager", "PATCH", AssetUrl(number) + "?lang=en", {{"confidentiality", "9Z"}});
  ExpectJsonError(en, 422, "validation");
  EXPECT_EQ(en.Json()["error"]["message"], "Not saved. Please correct the following.");
  EXPECT_EQ(en.Json()["error"]["details"][0]["label"], "Confidentiality");
  EXPECT_NE(en.Json()["error"]["details"][0]["message"].get<std::string>().find("not a level"), std::string::npos);

  // Other kinds of bad value: a flag, a list given to a text field, an unknown field, the number.
  auto many = Write("tax-manager", "PATCH", AssetUrl(number),
                    {{"backup", "たぶん"}, {"manager", json::array({"a", "b"})}, {"colour", "red"}, {"number", "X-9"}});
  ExpectJsonError(many, 422, "validation");
  std::set<std::string> fields;
  const auto many_json = many.Json();
  for (const auto& d : many_json["error"]["details"]) fields.insert(d["field"].get<std::string>());
  EXPECT_EQ(fields, (std::set<std::string>{"backup", "manager", "colour", "number"}));

  EXPECT_EQ(Get("ciso", AssetUrl(number)).Json(), asset);
  EXPECT_EQ(Get("ciso", History(number)).Json()["total"], history_before);
}

TEST_F(ApiTest, PatchIsRecordedInTheHistoryWithTheTokensLogin) {
  const auto asset = FirstAssetOf(kTaxDept, 3);
  ASSERT_TRUE(asset.is_object());
  const std::string number = asset["number"];
  const std::string old_name = asset["name"];
  const std::string new_name = old_name + "（API で更新）";

  auto r = Write("tax-manager", "PATCH", AssetUrl(number),
                 {{"name", new_name}, {"backup", true}, {"recovery_target_hours", "3日"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["name"], new_name);
  EXPECT_EQ(r.Json()["backup"], true);
  EXPECT_EQ(r.Json()["recovery_target_hours"], 72);
  EXPECT_EQ(Get("ciso", AssetUrl(number)).Json()["name"], new_name);

  // The manager reads the history of a record in their scope.
  auto h = Get("tax-manager", History(number));
  ASSERT_EQ(h.status, 200) << h.body;
  const auto line = h.Json()["items"][0];
  EXPECT_EQ(line["action"], "update");
  EXPECT_EQ(line["actor"], "tax-manager");
  EXPECT_EQ(line["entity"], "asset");
  EXPECT_EQ(line["number"], number);
  EXPECT_EQ(line["before"]["name"], old_name);
  EXPECT_EQ(line["after"]["name"], new_name);
  EXPECT_EQ(line["after"]["recovery_target_hours"], 72);
  EXPECT_FALSE(line["at"].get<std::string>().empty());
  // The CISO finds it by actor across the whole history.
  auto by_actor = Get("ciso", "/api/v1/history?actor=tax-manager&limit=100").Json();
  bool seen = false;
  for (const auto& l : by_actor["items"]) seen = seen || (l["number"] == number && l["after"]["name"] == new_name);
  EXPECT_TRUE(seen);
  // The whole history is not for a department's manager.
  ExpectJsonError(Get("tax-manager", "/api/v1/history"), 403, "forbidden");
  ExpectJsonError(Get("tax-manager", History(FirstAssetOf(kOtherDept)["number"].get<std::string>())), 403,
                  "forbidden");
}

TEST_F(ApiTest, ManagerCannotCreateOrMoveRecordsOutsideTheirScope) {
  // An asset of the department that someone else manages (what the manager manages stays theirs anywhere).
  const auto candidates = Get("ciso", "/api/v1/register/assets?limit=20&offset=10&department=" + http::UrlEncode(kTaxDept)).Json();
  json asset;
  for (const auto& a : candidates["items"])
    if (a["manager"] != kTaxManager) asset = a;
  ASSERT_TRUE(asset.is_object());
  const std::string number = asset["number"];
  ExpectJsonError(Write("tax-manager", "PATCH", AssetUrl(number), {{"department", kOtherDept}}), 403, "out_of_scope");
  EXPECT_EQ(Get("ciso", AssetUrl(number)).Json(), asset);
  ExpectJsonError(Write("tax-manager", "POST", "/api/v1/register/assets",
                        {{"number", "市民-9999"}, {"name", "他課の資産"}, {"department", kOtherDept}}),
                  403, "out_of_scope");
  EXPECT_EQ(Get("ciso", AssetUrl("市民-9999")).status, 404);
  // Another department's record cannot be changed or deleted: it is not there for them.
  const std::string other = FirstAssetOf(kOtherDept)["number"];
  ExpectJsonError(Write("tax-manager", "PATCH", AssetUrl(other), {{"name", "x"}}), 404, "not_found");
  ExpectJsonError(Write("tax-manager", "DELETE", AssetUrl(other), json::object()), 404, "not_found");
  EXPECT_EQ(Get("ciso", AssetUrl(other)).status, 200);
}

TEST_F(ApiTest, CreateThenDeleteARecord) {
  const json body = {{"number", "税務-API-1"},
                     {"name", "API で登録した資産"},
                     {"department", kTaxDept},
                     {"manager", kTaxManager},
                     {"tier", "LGWAN接続系"},
                     {"confidentiality", "3B"},
                     {"integrity", "2"},
                     {"availability", 2},
                     {"personal_data", true},
                     {"recovery_target_hours", 24}};
  auto created = Write("tax-manager", "POST", "/api/v1/register/assets", body);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.Header("location"), AssetUrl("税務-API-1"));
  auto j = created.Json();
  EXPECT_EQ(j["tier"], "lgwan");
  EXPECT_EQ(j["availability"], "2");
  EXPECT_EQ(j["personal_data"], true);
  EXPECT_TRUE(j["notes"].is_null());
  EXPECT_EQ(Get("tax-manager", AssetUrl("税務-API-1")).Json(), j);

  ExpectJsonError(Write("tax-manager", "POST", "/api/v1/register/assets", body), 409, "conflict");
  auto missing = Write("tax-manager", "POST", "/api/v1/register/assets", {{"department", kTaxDept}});
  ExpectJsonError(missing, 422, "validation");
  std::set<std::string> fields;
  const auto missing_json = missing.Json();
  for (const auto& d : missing_json["error"]["details"]) fields.insert(d["field"].get<std::string>());
  EXPECT_TRUE(fields.contains("number") && fields.contains("name")) << missing.body;

  auto removed = Write("tax-manager", "DELETE", AssetUrl("税務-API-1"), json::object());
  EXPECT_EQ(removed.status, 204) << removed.body;
  ExpectJsonError(Get("ciso", AssetUrl("税務-API-1")), 404, "not_found");
  auto h = Get("ciso", History("税務-API-1")).Json();
  ASSERT_EQ(h["total"], 2);
  EXPECT_EQ(h["items"][0]["action"], "delete");
  EXPECT_TRUE(h["items"][0]["after"].is_null());
  EXPECT_EQ(h["items"][0]["before"]["name"], "API で登録した資産");
  EXPECT_EQ(h["items"][1]["action"], "create");
  EXPECT_EQ(h["items"][1]["actor"], "tax-manager");
}

// ---- findings ----

TEST_F(ApiTest, FindingsFilteredBySeverityCiteTheirClause) {
  auto r = Get("ciso", "/api/v1/findings?severity=high&limit=1000");
  ASSERT_EQ(r.status, 200) << r.body;
  auto j = r.Json();
  ASSERT_GT(j["items"].size(), 0u);
  EXPECT_EQ(j["total"], j["items"].size());
  EXPECT_FALSE(j["computed_at"].get<std::string>().empty());
  EXPECT_EQ(j["summary"]["fail"].get<int>() + j["summary"]["unknown"].get<int>(), j["total"].get<int>());
  for (const auto& f : j["items"]) {
    EXPECT_EQ(f["severity"], "high");
    EXPECT_NE(f["status"], "pass");  // open: fail and unknown
    EXPECT_FALSE(f["clause"]["label"].get<std::string>().empty()) << f.dump();
    EXPECT_EQ(f["clause"]["url"], "/policy#clause-" + f["clause"]["id"].get<std::string>());
    EXPECT_FALSE(f["rule"].get<std::string>().empty());
    EXPECT_FALSE(f["subject"]["id"].get<std::string>().empty());
  }
  auto all = Get("ciso", "/api/v1/findings?status=all&limit=0").Json();
  EXPECT_GT(all["total"], j["total"]);
  auto en = Get("ciso", "/api/v1/findings?severity=high&limit=1&lang=en").Json();
  EXPECT_EQ(en["items"][0]["rule"], j["items"][0]["rule"]);
  ExpectJsonError(Get("ciso", "/api/v1/findings?severity=urgent"), 400, "bad_request");

  // A manager reads the findings of their department (and of what they manage) only.
  auto mine = Get("tax-manager", "/api/v1/findings?status=all&limit=1000").Json();
  ASSERT_GT(mine["items"].size(), 0u);
  EXPECT_LT(mine["total"], all["total"]);
  for (const auto& f : mine["items"])  // the department by name, or by code for the department record itself
    EXPECT_TRUE(f["department"] == kTaxDept || f["department"] == kTaxDeptCode) << f.dump();
}

// ---- the description ----

TEST_F(ApiTest, OpenApiDocumentDescribesEveryEndpointAndEveryField) {
  auto r = Send(env_->port(), "GET", "/api/v1/openapi.json");  // public
  ASSERT_EQ(r.status, 200) << r.body;
  auto doc = r.Json();
  ASSERT_TRUE(doc.is_object());
  EXPECT_TRUE(doc["openapi"].get<std::string>().starts_with("3.0.")) << doc["openapi"];
  EXPECT_EQ(doc["components"]["securitySchemes"]["bearerAuth"]["scheme"], "bearer");
  const auto& paths = doc["paths"];
  for (const char* p : {"/api/v1/openapi.json", "/api/v1/me", "/api/v1/findings", "/api/v1/history"})
    EXPECT_TRUE(paths.contains(p) && paths[p].contains("get")) << p;
  for (const auto& info : reg::AllEntities()) {
    const std::string base = "/api/v1/register/" + std::string(info.table);
    ASSERT_TRUE(paths.contains(base)) << base;
    EXPECT_TRUE(paths[base].contains("get") && paths[base].contains("post")) << base;
    ASSERT_TRUE(paths.contains(base + "/{number}")) << base;
    for (const char* m : {"get", "patch", "delete"}) EXPECT_TRUE(paths[base + "/{number}"].contains(m)) << base << m;
    // The record's schema: every field of the table, with its labels and enum keys.
    std::string name(info.key);
    name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    const auto& schema = doc["components"]["schemas"][name];
    ASSERT_TRUE(schema.is_object()) << name;
    EXPECT_EQ(schema["properties"].size(), info.fields.size()) << name;
    for (const auto& f : info.fields) {
      ASSERT_TRUE(schema["properties"].contains(f.key)) << name << "." << f.key;
      const auto& p = schema["properties"][std::string(f.key)];
      const std::string description = p["description"];
      EXPECT_NE(description.find(f.label_ja), std::string::npos) << f.key;
      EXPECT_NE(description.find(f.label_en), std::string::npos) << f.key;
      if (f.type == reg::FieldType::kEnum) {
        ASSERT_EQ(p["enum"].size(), f.labels.size()) << f.key;
        for (std::size_t i = 0; i < f.labels.size(); ++i) EXPECT_EQ(p["enum"][i], f.labels[i].key);
      }
      if (f.type == reg::FieldType::kBool) {
        EXPECT_EQ(p["type"], "boolean") << f.key;
      }
      if (f.type == reg::FieldType::kList) {
        EXPECT_EQ(p["type"], "array") << f.key;
      }
    }
  }
  // Every $ref points at something defined.
  const std::string text = r.body;
  const std::regex ref(R"re("\$ref":"#/components/([a-zA-Z]+)/([A-Za-z]+)")re");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), ref); it != std::sregex_iterator(); ++it)
    EXPECT_TRUE(doc["components"][(*it)[1].str()].contains((*it)[2].str())) << (*it)[0];
}

// ---- sessions, CSRF and errors ----

TEST_F(ApiTest, ASessionCookieCannotWriteWithoutItsCsrfTokenButABearerTokenCan) {
  auto step = env_->auth().SignIn("tax-manager", kPassword, "127.0.0.1");
  ASSERT_TRUE(step) << step.error().ToString();
  ASSERT_EQ(step->stage, auth::SignInStage::kDone);
  const std::string cookie = "mamori_session=" + step->token;
  const std::string body = json{{"number", "税務-API-2"}, {"name", "セッションで登録"}, {"department", kTaxDept}}.dump();

  // The session reads the API like a token does.
  auto me = Send(env_->port(), "GET", "/api/v1/me", {{"Cookie", cookie}});
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.Json()["authenticated_by"], "session");

  auto refused = Send(env_->port(), "POST", "/api/v1/register/assets",
                      {{"Cookie", cookie}, {"Content-Type", "application/json"}}, body);
  ExpectJsonError(refused, 403, "csrf");
  EXPECT_EQ(Get("ciso", AssetUrl("税務-API-2")).status, 404);

  auto with_csrf = Send(env_->port(), "POST", "/api/v1/register/assets",
                        {{"Cookie", cookie}, {"Content-Type", "application/json"}, {"X-CSRF-Token", step->session.csrf_token}},
                        body);
  EXPECT_EQ(with_csrf.status, 201) << with_csrf.body;
  EXPECT_EQ(Write("tax-manager", "DELETE", AssetUrl("税務-API-2"), json::object()).status, 204);

  auto bearer = Send(env_->port(), "POST", "/api/v1/register/assets",
                     Bearer("tax-manager", {{"Content-Type", "application/json"}}), body);
  EXPECT_EQ(bearer.status, 201) << bearer.body;
  EXPECT_EQ(Write("tax-manager", "DELETE", AssetUrl("税務-API-2"), json::object()).status, 204);
}

TEST_F(ApiTest, EveryErrorIsJson) {
  auto wrong_method = Send(env_->port(), "PUT", "/api/v1/me", Bearer("ciso"));
  ExpectJsonError(wrong_method, 405, "method_not_allowed");
  EXPECT_NE(wrong_method.Header("allow").find("GET"), std::string::npos);
  ExpectJsonError(Get("ciso", "/api/v1/nothing-here"), 404, "not_found");
  ExpectJsonError(Get("ciso", "/api/v2/register/assets"), 404, "not_found");
  const std::string number = FirstAssetOf(kTaxDept)["number"];
  ExpectJsonError(Send(env_->port(), "PATCH", AssetUrl(number), Bearer("ciso", {{"Content-Type", "application/json"}}),
                       "{\"name\": "),
                  400, "bad_json");
  ExpectJsonError(Send(env_->port(), "PATCH", AssetUrl(number), Bearer("ciso", {{"Content-Type", "application/json"}}),
                       "[1, 2]"),
                  400, "bad_json");
  ExpectJsonError(Send(env_->port(), "PATCH", AssetUrl(number),
                       Bearer("ciso", {{"Content-Type", "application/x-www-form-urlencoded"}}), "name=x"),
                  415, "unsupported_media_type");
  ExpectJsonError(Send(env_->port(), "PATCH", AssetUrl(number), Bearer("ciso", {{"Content-Type", "application/json"}}),
                       "{\"notes\":\"" + std::string(2 * 1024 * 1024, 'x') + "\"}"),
                  413, "too_large");
  std::string deep(100, '[');
  ExpectJsonError(Send(env_->port(), "PATCH", AssetUrl(number), Bearer("ciso", {{"Content-Type", "application/json"}}),
                       "{\"notes\":" + deep + std::string(100, ']') + "}"),
                  400, "bad_json");
  ExpectJsonError(Get("ciso", AssetUrl("no-such-asset")), 404, "not_found");
  EXPECT_EQ(Get("ciso", AssetUrl(number)).Json()["number"], number);  // unchanged by all of the above
}

TEST_F(ApiTest, ConcurrentRequestsDoNotExhaustTheStorePool) {
  std::atomic<int> ok{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < 6; ++t)
    clients.emplace_back([&, t] {
      for (int i = 0; i < 5; ++i) {
        const char* target = (t + i) % 3 == 0   ? "/api/v1/findings?limit=5"
                             : (t + i) % 3 == 1 ? "/api/v1/register/assets?limit=20"
                                                : "/api/v1/history?limit=5";
        if (Send(env_->port(), "GET", target, Bearer(t % 2 ? "tax-manager" : "ciso")).status != 0) ++ok;
      }
    });
  for (auto& c : clients) c.join();
  EXPECT_EQ(ok.load(), 30);
}

TEST(ApiMessages, EveryKeyTheApiUsesIsInTheCatalogueInBothLanguages) {
  for (const auto& m : ApiMessages()) {
    EXPECT_FALSE(m.ja.empty()) << m.key;
    EXPECT_FALSE(m.en.empty()) << m.key;
  }
  const std::regex key(R"re("((?:status|auth|write|record|body|field|param|history|findings)\.[a-z0-9_.]+)")re");
  std::size_t seen = 0;
  for (const auto& entry : fs::directory_iterator(SourceDir() / "src/web/api")) {
    const auto name = entry.path().filename().string();
    if (!name.ends_with(".cpp") || name == "api_messages.cpp" || name.ends_with("_test.cpp")) continue;
    std::ifstream in(entry.path());
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    for (auto it = std::sregex_iterator(text.begin(), text.end(), key); it != std::sregex_iterator(); ++it) {
      ++seen;
      EXPECT_NE(M(Lang::kJa, (*it)[1].str()), (*it)[1].str()) << name << ": " << (*it)[1];
    }
  }
  EXPECT_GT(seen, 30u);
}


TEST_F(ApiTest, TrafficAlertsAreListedAndTheirStatusChangedByTheRolesAllowed) {
  auto r = Get("ciso", "/api/v1/net/alerts?status=new");
  ASSERT_EQ(r.status, 200) << r.body;
  auto j = r.Json();
  ASSERT_EQ(j["total"], 1);
  const auto& a = j["items"][0];
  EXPECT_EQ(a["rule"], "net.my_number_isolation");
  EXPECT_EQ(a["source"]["node"], "SEG-MN-01");
  EXPECT_EQ(a["destination"]["port"], 443);
  EXPECT_EQ(a["count"], 3);
  const std::string url = "/api/v1/net/alerts/" + std::to_string(a["id"].get<std::int64_t>()) + "/status";
  // A manager does not see them; the auditor reads but may not change them.
  ExpectJsonError(Get("tax-manager", "/api/v1/net/alerts"), 403, "forbidden");
  EXPECT_EQ(Get("auditor", "/api/v1/net/alerts").status, 200);
  ExpectJsonError(Write("auditor", "POST", url, {{"status", "dismissed"}}), 403, "forbidden");
  ExpectJsonError(Write("ciso", "POST", url, {{"status", "closed"}}), 400, "bad_request");
  ExpectJsonError(Get("ciso", "/api/v1/net/alerts?status=closed"), 400, "bad_request");
  auto set = Write("ciso", "POST", url, {{"status", "incident"}});
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(set.Json()["status"], "incident");
  EXPECT_EQ(Get("ciso", "/api/v1/net/alerts?status=new").Json()["total"], 0);
  auto history = Get("ciso", "/api/v1/history?entity=net_alert").Json();
  ASSERT_EQ(history["total"], 1) << history.dump();
  EXPECT_EQ(history["items"][0]["after"]["status"], "incident");
  EXPECT_EQ(history["items"][0]["actor"], "ciso");
  ExpectJsonError(Write("ciso", "POST", "/api/v1/net/alerts/999999/status", {{"status", "incident"}}), 404, "not_found");
}

}  // namespace
}  // namespace mamori::web::api
