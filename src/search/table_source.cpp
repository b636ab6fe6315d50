#include "search/table_source.h"

namespace faqsearch::detail {

void TableSource::start(const Xapian::Database& db) {
  doccount_ = db.get_doccount();
  end_ = static_cast<Xapian::docid>(table_->values().size());
  current_ = 0;
}

void TableSource::settle(Xapian::docid did) {
  const std::vector<double>& entries = table_->values();
  current_ = did;
  if (dense_) return;
  while (current_ < end_ && !(entries[current_] > 0)) ++current_;
}

void TableSource::next(double) { settle(current_ + 1); }

void TableSource::skip_to(Xapian::docid did, double) {
  if (did > current_) settle(did);
}

bool TableSource::check(Xapian::docid did, double) {
  // Past the table: at the end, a definite position.
  if (did >= end_) {
    current_ = end_;
    return true;
  }
  // Sparse and no entry at `did`: on to the next article that has one.
  settle(did);
  return true;
}

}  // namespace faqsearch::detail
