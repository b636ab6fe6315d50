#include "search/stored_value_source.h"

#include "ranking/boosts.h"

namespace faqsearch::detail {

void StoredValueSource::init(const Xapian::Database& db) {
  // The searcher builds the table from this very revision; one of another
  // size would weigh the wrong articles.
  if (table()->values().size() != static_cast<std::size_t>(db.get_lastdocid()) + 1) {
    throw Xapian::InvalidOperationError("StoredValueSource: value table is not of this database revision");
  }
  start(db);
  set_maxweight(slot_upper_bound(db, slot_));
}

}  // namespace faqsearch::detail
