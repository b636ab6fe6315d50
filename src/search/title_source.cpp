#include "search/title_source.h"

#include <algorithm>

namespace faqsearch::detail {

TitleLengthSource::TitleLengthSource(std::shared_ptr<const ValueTable> lengths,
                                     std::shared_ptr<const std::vector<double>> weight_by_length, double max_weight)
    : lengths_(std::move(lengths)), weight_by_length_(std::move(weight_by_length)), max_weight_(max_weight) {}

void TitleLengthSource::init(const Xapian::Database& db) {
  doccount_ = db.get_doccount();
  end_ = static_cast<Xapian::docid>(lengths_->values().size());
  current_ = 0;
  set_maxweight(max_weight_);
}

double TitleLengthSource::get_weight() const {
  // Clamped before the cast: a damaged value must not index out of range.
  const std::vector<double>& weights = *weight_by_length_;
  double last = static_cast<double>(weights.size() - 1);
  double length = lengths_->values()[current_];
  length = length > 0 ? std::min(length, last) : 0;  // NaN too
  return weights[static_cast<std::size_t>(length)];
}

void TitleLengthSource::settle(Xapian::docid did) {
  const std::vector<double>& lengths = lengths_->values();
  current_ = did;
  while (current_ < end_ && !(lengths[current_] > 0)) ++current_;
}

void TitleLengthSource::next(double) { settle(current_ + 1); }

void TitleLengthSource::skip_to(Xapian::docid did, double) {
  if (did > current_) settle(did);
}

bool TitleLengthSource::check(Xapian::docid did, double) {
  // Past the table: at the end, a definite position.
  if (did >= end_) {
    current_ = end_;
    return true;
  }
  if (lengths_->values()[did] > 0) {
    current_ = did;
    return true;
  }
  // An article without title words: false, with the position left just
  // before it, so that next() and skip_to(did) both carry on after it.
  current_ = did - 1;
  return false;
}

TitleLengthSource* TitleLengthSource::clone() const {
  return new TitleLengthSource(lengths_, weight_by_length_, max_weight_);
}

}  // namespace faqsearch::detail
