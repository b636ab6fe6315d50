// SlotTable: Xapian docid -> the decoded value of one slot, for one revision
// of one database.
//
// Fetching a document (or a value) per hit costs microseconds each: more than
// the whole match for a top-100 evaluation run, and tens of microseconds per
// query for the boosts of the searcher's text-first pool. Reading the value
// stream once per revision is sequential and cheap (milliseconds per 100k
// articles), after which each lookup is a vector index. The searcher keeps
// two kinds: external ids (IdTable) and numeric values (ValueTable, 8 bytes
// per article): recency, popularity and title length, which local scoring
// (search/local_match.h) reads for every match.
#pragma once

#include <xapian.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

namespace faqsearch::detail {

template <typename T>
class SlotTable {
 public:
  using Decode = T (*)(const std::string&);

  // Reads `slot` of every article of `db` as of its current revision, each
  // value through `decode`; articles without the value read as T{}.
  SlotTable(const Xapian::Database& db, Xapian::valueno slot, Decode decode)
      : revision_(db.get_revision()), uuid_(db.get_uuid()) {
    values_.resize(static_cast<std::size_t>(db.get_lastdocid()) + 1);
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
      Xapian::docid did = it.get_docid();
      if (did < values_.size()) values_[did] = decode(*it);
    }
    if constexpr (std::is_arithmetic_v<T>) {
      // Docids without the value read as T{}, so it is in the range too.
      for (const T& v : values_) {
        if (v != v) {  // NaN: no range
          min_ = max_ = v;
          break;
        }
        min_ = std::min(min_, v);
        max_ = std::max(max_, v);
      }
    }
    if constexpr (std::is_floating_point_v<T>) build_steps();
  }

  [[nodiscard]] Xapian::rev revision() const { return revision_; }
  // The database's UUID: a revision number means nothing across databases.
  [[nodiscard]] const std::string& uuid() const { return uuid_; }
  // Indexed by docid.
  [[nodiscard]] const std::vector<T>& values() const { return values_; }
  // The value of `docid`, or T{} when there is none.
  [[nodiscard]] const T& at(Xapian::docid docid) const {
    static const T kNone{};
    return docid < values_.size() ? values_[docid] : kNone;
  }
  // The largest and the least value, T{} included (numeric tables; NaN if
  // any value is NaN): the local matcher's bounds on what a posting source
  // reading the table can weigh.
  [[nodiscard]] const T& max_value() const requires std::is_arithmetic_v<T> { return max_; }
  [[nodiscard]] const T& min_value() const requires std::is_arithmetic_v<T> { return min_; }

  // Each value rounded up to one of 256 steps of the range 0..max_value(),
  // a byte per article (empty when a value is below 0, NaN or infinite),
  // and each step's value: the lowest step not below the value. All 0 when
  // every value is 0 (a slot no article has).
  // The local matcher bounds an article's boosts by its steps before it
  // reads the values: an eighth of the memory, so it stays in cache where
  // the values, read at random, miss it.
  [[nodiscard]] const std::vector<std::uint8_t>& steps() const requires std::is_floating_point_v<T> { return steps_; }
  [[nodiscard]] const std::array<T, 256>& step_values() const requires std::is_floating_point_v<T> {
    return step_values_;
  }

 private:
  Xapian::rev revision_;
  std::string uuid_;
  std::vector<T> values_;
  T min_{};
  T max_{};
  std::vector<std::uint8_t> steps_;
  std::array<T, 256> step_values_{};

  void build_steps() {
    if (!(min_ >= 0) || !std::isfinite(max_)) return;
    steps_.resize(values_.size());
    if (max_ == 0) return;  // every step 0, of value 0
    // i / 255 first: max_ * i may overflow when max_ is near the largest double.
    for (std::size_t i = 0; i < step_values_.size(); ++i) step_values_[i] = max_ * (static_cast<T>(i) / 255);
    step_values_.back() = max_;
    for (std::size_t d = 0; d < values_.size(); ++d) {
      T v = values_[d];
      auto step = static_cast<std::size_t>(std::min<T>(255, std::ceil(v / max_ * 255)));
      // Rounding may leave the step a hair off: the lowest not below the value.
      while (step_values_[step] < v) ++step;
      while (step > 0 && step_values_[step - 1] >= v) --step;
      steps_[d] = static_cast<std::uint8_t>(step);
    }
  }
};

using IdTable = SlotTable<std::string>;
using ValueTable = SlotTable<double>;

}  // namespace faqsearch::detail
