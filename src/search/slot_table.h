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

 private:
  Xapian::rev revision_;
  std::string uuid_;
  std::vector<T> values_;
  T min_{};
  T max_{};
};

using IdTable = SlotTable<std::string>;
using ValueTable = SlotTable<double>;

}  // namespace faqsearch::detail
