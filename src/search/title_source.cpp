#include "search/title_source.h"

#include <algorithm>

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

double TitleLengthSource::get_weight() const {
  // Clamped before the cast: a damaged value must not index out of range.
  const std::vector<double>& weights = *weight_by_length_;
  double last = static_cast<double>(weights.size() - 1);
  double length = entry();
  length = length > 0 ? std::min(length, last) : 0;  // NaN too
  return weights[static_cast<std::size_t>(length)];
}

TitleLengthSource* TitleLengthSource::clone() const {
  return new TitleLengthSource(table(), weight_by_length_, max_weight_);
}

}  // namespace faqsearch::detail
