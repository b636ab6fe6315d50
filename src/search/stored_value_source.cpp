#include "search/stored_value_source.h"

namespace faqsearch::detail {

void StoredValueSource::init(const Xapian::Database& db) {
  // The searcher builds the table from this very revision; one of another
  // size would weigh the wrong articles.
  if (table()->values().size() != static_cast<std::size_t>(db.get_lastdocid()) + 1) {
    throw Xapian::InvalidOperationError("StoredValueSource: value table is not of this database revision");
  }
  start(db);
  std::string bound = db.get_value_upper_bound(slot_);
  set_maxweight(bound.empty() ? 0.0 : Xapian::sortable_unserialise(bound));
}

}  // namespace faqsearch::detail
