// Register file benchmark: reading (and writing) a 100,000-row, 18-column asset
// register as CSV (UTF-8 and CP932) and XLSX, and mapping it to register rows.
//
// The peer, side by side on the same bytes: Python's standard library — the
// csv module for the UTF-8 and CP932 files (codecs "utf-8-sig" and "cp932"),
// and zipfile + xml.etree.ElementTree.iterparse for the XLSX — which is what a
// municipal IT officer's own script would use.
//
//   build/release/bench/exchange_bench [rows]
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "exchange/csv_reader.h"
#include "exchange/export.h"
#include "exchange/mapping.h"
#include "exchange/xlsx_reader.h"

namespace fs = std::filesystem;
using namespace mamori;

namespace {

std::vector<reg::Row> BigRegister(std::size_t n) {
  std::vector<reg::Row> rows;
  rows.reserve(n);
  const char* tiers[] = {"my_number", "lgwan", "internet", "none"};
  for (std::size_t i = 0; i < n; ++i) {
    reg::Asset a;
    a.number = fmt::format("A-{:06}", i);
    a.name = fmt::format("住民基本台帳データ（{}）", i % 97);
    a.kind = "データ";
    a.department = "市民課";
    a.manager = fmt::format("P{:04}", i % 500);
    a.tier = *reg::TierFromKey(tiers[i % 4]);
    a.confidentiality = "3B";
    a.integrity = "2";
    a.availability = "1";
    a.personal_data = i % 2 == 0;
    a.specific_personal_data = i % 3 == 0;
    a.form = reg::Form::kElectronic;
    a.storage_place = "サーバ室";
    a.locked_storage = true;
    a.backup = i % 5 != 0;
    a.recovery_target_hours = 24;
    a.retention = "5年";
    a.notes = i % 10 == 0 ? "備考, \"引用\"\n二行目" : "";
    rows.push_back(reg::ToRow(a));
  }
  return rows;
}

template <typename F>
double Seconds(F&& f) {
  const auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Wall seconds of the Python peer reading `file` (it prints them itself, so
// that interpreter start-up is not counted), or a negative number.
double PythonPeer(const std::string& mode, const fs::path& file) {
  static const char* kScript = R"PY(
import csv, io, sys, time, zipfile
import xml.etree.ElementTree as ET
mode, path = sys.argv[1], sys.argv[2]
start = time.perf_counter()
rows = 0
if mode in ("utf-8-sig", "cp932"):
    with open(path, newline="", encoding=mode) as f:
        for row in csv.reader(f):
            rows += 1
else:
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    with zipfile.ZipFile(path) as z:
        shared = [ "".join(t.text or "" for t in si.iter(ns + "t"))
                   for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(ns + "si") ] \
                 if "xl/sharedStrings.xml" in z.namelist() else []
        with z.open("xl/worksheets/sheet1.xml") as sheet:
            for event, el in ET.iterparse(sheet):
                if el.tag == ns + "row":
                    cells = []
                    for c in el.iter(ns + "c"):
                        v = c.find(ns + "v")
                        t = c.get("t")
                        if t == "s" and v is not None: cells.append(shared[int(v.text)])
                        elif t == "inlineStr": cells.append("".join(x.text or "" for x in c.iter(ns + "t")))
                        else: cells.append(v.text if v is not None else "")
                    rows += 1
                    el.clear()
print(time.perf_counter() - start, rows)
)PY";
  const fs::path script = fs::temp_directory_path() / fmt::format("mamori-peer-{}.py", getpid());
  std::ofstream(script) << kScript;
  const std::string cmd = fmt::format("python3 '{}' '{}' '{}'", script.string(), mode, file.string());
  FILE* p = popen(cmd.c_str(), "r");
  double seconds = -1;
  long rows = 0;
  if (p) {
    if (std::fscanf(p, "%lf %ld", &seconds, &rows) != 2) seconds = -1;
    pclose(p);
  }
  fs::remove(script);
  return seconds;
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t n = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 100'000;
  const auto rows = BigRegister(n);
  const auto utf8 = exchange::WriteCsv(reg::EntityKind::kAsset, rows, text::Encoding::kUtf8Bom);
  const auto cp932 = exchange::WriteCsv(reg::EntityKind::kAsset, rows, text::Encoding::kCp932);
  Result<std::string> xlsx = Fail(ErrorCode::kInternal, "");
  const double write_xlsx = Seconds([&] { xlsx = exchange::WriteXlsx({{reg::EntityKind::kAsset, rows}}); });
  if (!utf8 || !cp932 || !xlsx) {
    std::fprintf(stderr, "could not write the test files\n");
    return 1;
  }
  const fs::path dir = fs::temp_directory_path() / fmt::format("mamori-exchange-bench-{}", getpid());
  fs::create_directories(dir);
  std::ofstream(dir / "utf8.csv", std::ios::binary) << *utf8;
  std::ofstream(dir / "cp932.csv", std::ios::binary) << *cp932;
  std::ofstream(dir / "assets.xlsx", std::ios::binary) << *xlsx;

  Result<exchange::Sheet> sheet = Fail(ErrorCode::kInternal, "");
  const double read_utf8 = Seconds([&] { sheet = exchange::ReadCsv(*utf8, "utf8.csv", {}); });
  Result<exchange::Sheet> sheet932 = Fail(ErrorCode::kInternal, "");
  const double read_cp932 = Seconds([&] { sheet932 = exchange::ReadCsv(*cp932, "cp932.csv", {}); });
  Result<exchange::MappedSheet> mapped = Fail(ErrorCode::kInternal, "");
  const double map = Seconds([&] { if (sheet) mapped = exchange::MapSheet(*sheet, std::nullopt); });
  Result<std::vector<exchange::Sheet>> sheets = Fail(ErrorCode::kInternal, "");
  const double read_xlsx = Seconds([&] { sheets = exchange::ReadXlsx(*xlsx, "assets.xlsx", {}); });
  const bool ok = sheet && sheet932 && mapped && sheets && mapped->rows == rows;

  const double py_utf8 = PythonPeer("utf-8-sig", dir / "utf8.csv");
  const double py_cp932 = PythonPeer("cp932", dir / "cp932.csv");
  const double py_xlsx = PythonPeer("xlsx", dir / "assets.xlsx");
  fs::remove_all(dir);

  auto mib = [](const std::string& s) { return static_cast<double>(s.size()) / (1 << 20); };
  auto peer = [](double s) { return s < 0 ? std::string("    n/a") : fmt::format("{:7.3f}", s); };
  fmt::print("register files: {} rows × 18 columns, wall seconds, one thread\n\n", n);
  fmt::print("{:<28} {:>8} {:>9} {:>12} {:>9}\n", "step", "MiB", "mamori", "python3 peer", "speed-up");
  auto line = [&](const char* step, double size, double ours, double theirs) {
    fmt::print("{:<28} {:8.1f} {:9.3f} {:>12} {:>9}\n", step, size, ours, peer(theirs),
               theirs > 0 ? fmt::format("{:.1f}×", theirs / ours) : std::string("-"));
  };
  line("read CSV UTF-8 (BOM)", mib(*utf8), read_utf8, py_utf8);
  line("read CSV CP932", mib(*cp932), read_cp932, py_cp932);
  line("read XLSX", mib(*xlsx), read_xlsx, py_xlsx);
  line("map to register rows", mib(*utf8), map, -1);
  line("write XLSX", mib(*xlsx), write_xlsx, -1);
  fmt::print("\nround trip identical: {}\n", ok ? "yes" : "NO");
  fmt::print("(peer: Python csv / zipfile + ElementTree.iterparse parse only, no validation or mapping)\n");
  return ok ? 0 : 1;
}
