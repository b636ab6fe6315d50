#include "search/id_table.h"

#include "index/schema.h"

namespace faqsearch::detail {

IdTable::IdTable(const Xapian::Database& db) : revision_(db.get_revision()), uuid_(db.get_uuid()) {
  ids_.resize(static_cast<std::size_t>(db.get_lastdocid()) + 1);
  for (auto it = db.valuestream_begin(schema::kIdSlot); it != db.valuestream_end(schema::kIdSlot); ++it) {
    Xapian::docid did = it.get_docid();
    if (did < ids_.size()) ids_[did] = *it;
  }
}

const std::string& IdTable::id(Xapian::docid docid) const {
  static const std::string kNone;
  return docid < ids_.size() ? ids_[docid] : kNone;
}

}  // namespace faqsearch::detail
