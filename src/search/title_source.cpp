#include "search/title_source.h"

#include <algorithm>

namespace faqsearch::detail {

TitleLengthSource::TitleLengthSource(std::shared_ptr<const ValueTable> lengths, std::vector<double> weight_by_length)
    : lengths_(std::move(lengths)), weight_by_length_(std::move(weight_by_length)) {}

void TitleLengthSource::init(const Xapian::Database& db) {
  doccount_ = db.get_doccount();
  end_ = static_cast<Xapian::docid>(lengths_->values().size());
  current_ = 0;
  set_maxweight(*std::max_element(weight_by_length_.begin(), weight_by_length_.end()));
}

double TitleLengthSource::get_weight() const {
  auto length = static_cast<std::size_t>(lengths_->values()[current_]);
  return weight_by_length_[std::min(length, weight_by_length_.size() - 1)];
}

void TitleLengthSource::settle(Xapian::docid did) {
  const std::vector<double>& lengths = lengths_->values();
  current_ = did;
  while (current_ < end_ && lengths[current_] <= 0) ++current_;
}

void TitleLengthSource::next(double) { settle(current_ + 1); }

void TitleLengthSource::skip_to(Xapian::docid did, double) {
  if (did > current_) settle(did);
}

bool TitleLengthSource::check(Xapian::docid did, double) {
  // Past the table: at the end, a definite position. An article without
  // title words: false, and next() or skip_to() carries on after it.
  current_ = std::min(did, end_);
  return current_ == end_ || lengths_->values()[did] > 0;
}

TitleLengthSource* TitleLengthSource::clone() const { return new TitleLengthSource(lengths_, weight_by_length_); }

}  // namespace faqsearch::detail
