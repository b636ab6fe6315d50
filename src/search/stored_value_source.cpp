#include "search/stored_value_source.h"

namespace faqsearch::detail {

void StoredValueSource::init(const Xapian::Database& db) {
  start(db);
  std::string bound = db.get_value_upper_bound(slot_);
  set_maxweight(bound.empty() ? 0.0 : Xapian::sortable_unserialise(bound));
}

}  // namespace faqsearch::detail
