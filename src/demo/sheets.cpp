// The demo register as import sheets: the same path a body's own Excel file
// takes (RegisterService::Import validates every row and records history).
#include "demo/demo.h"
#include "register/schema.h"

namespace mamori::demo {
namespace {

template <typename T>
service::IncomingSheet Sheet(const std::vector<T>& records) {
  service::IncomingSheet sheet;
  sheet.kind = reg::KindOf<T>();
  sheet.sheet_name = std::string(reg::Info(sheet.kind).label_ja);
  sheet.rows.reserve(records.size());
  for (std::size_t i = 0; i < records.size(); ++i) sheet.rows.push_back({reg::ToRow(records[i]), i + 1});
  return sheet;
}

}  // namespace

std::vector<service::IncomingSheet> ToSheets(const DemoRegister& data) {
  std::vector<service::IncomingSheet> sheets;
  sheets.push_back(Sheet(data.organs));
  sheets.push_back(Sheet(data.departments));
  sheets.push_back(Sheet(data.people));
  sheets.push_back(Sheet(data.assets));
  sheets.push_back(Sheet(data.systems));
  sheets.push_back(Sheet(data.terminals));
  sheets.push_back(Sheet(data.inspections));
  sheets.push_back(Sheet(data.segments));
  sheets.push_back(Sheet(data.gateways));
  sheets.push_back(Sheet(data.connections));
  sheets.push_back(Sheet(data.flows));
  return sheets;
}

}  // namespace mamori::demo
