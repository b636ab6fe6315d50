#include "search/title_source.h"

namespace faqsearch::detail {

TitleLengthSource::TitleLengthSource(std::shared_ptr<const ValueTable> lengths,
                                     std::shared_ptr<const std::vector<double>> weight_by_length, double max_weight)
    : TableSource(std::move(lengths), Stepping::sparse),
      weight_by_length_(std::move(weight_by_length)),
      max_weight_(max_weight) {}

void TitleLengthSource::init(const Xapian::Database& db) {
  start(db);
  set_maxweight(max_weight_);
}

double TitleLengthSource::get_weight() const { return clamped_lookup(*weight_by_length_, entry()); }

TitleLengthSource* TitleLengthSource::clone() const {
  return new TitleLengthSource(table(), weight_by_length_, max_weight_);
}

}  // namespace faqsearch::detail
