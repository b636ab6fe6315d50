#include "search/value_table.h"

namespace faqsearch::detail {

ValueTable::ValueTable(const Xapian::Database& db, Xapian::valueno slot)
    : revision_(db.get_revision()), uuid_(db.get_uuid()) {
  values_.assign(static_cast<std::size_t>(db.get_lastdocid()) + 1, 0.0);
  for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
    Xapian::docid did = it.get_docid();
    if (did < values_.size()) values_[did] = Xapian::sortable_unserialise(*it);
  }
}

}  // namespace faqsearch::detail
