// The column reference of docs/register-columns.md, generated from the
// schema's field tables so that the documentation cannot drift from what the
// importer accepts (columns_doc_test compares the two).
#pragma once

#include <string>

namespace mamori::exchange {

// Markdown: one table per kind of record (header, English, aliases, type,
// required, accepted values) and one per enumeration (labels and aliases).
std::string ColumnsMarkdown();

}  // namespace mamori::exchange
