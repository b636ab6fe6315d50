// TableSource: the stepping half of a posting source that reads a per-docid
// table held in memory (SlotTable) instead of a value stream. A sparse source
// matches the articles whose entry is above 0, in docid order; a dense one
// matches every docid the table covers (weight 0 where the entry is 0). A
// subclass weighs them.
//
// The searcher holds such tables for a local database, per revision; the
// portable forms of the same sources (Xapian's value-stream posting sources)
// serve shards and remote databases, with the same weights, bit for bit.
#pragma once

#include <xapian.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "search/slot_table.h"

namespace faqsearch::detail {

// weights[entry], the entry clamped to the vector before the cast (a
// damaged value must not index out of range; NaN and entries below 1 read
// weights[0]); 0 if there are no weights. TitleLengthSource and the local
// form of it (SourceWeight) weigh a title length by this one lookup.
inline double clamped_lookup(const std::vector<double>& weights, double entry) {
  if (weights.empty()) return 0.0;
  double last = static_cast<double>(weights.size() - 1);
  entry = entry > 0 ? std::min(entry, last) : 0;  // NaN too
  return weights[static_cast<std::size_t>(entry)];
}

class TableSource : public Xapian::PostingSource {
 public:
  // check() never answers false: a sparse source moves on to its next
  // match at or after `did` (as skip_to() would), a dense one stays at
  // `did`. An answer of false leaves an "indeterminate" position from which
  // Xapian 1.4.22's OR reads a weight anyway: a sparse source under an OR
  // that is only checked lent an article its neighbour's weight (a review's
  // random clause trees found it; as the optional side of an AND_MAYBE it
  // once lost or mis-scored boosts).
  //
  // A dense source covers every docid of its table, deleted ones too: it
  // must only be checked (the optional side of an AND_MAYBE, which is how
  // the boosts use it), never drive the matcher, which would then return
  // articles that do not exist.
  enum class Stepping { sparse, dense };
  // REQUIRES: table
  TableSource(std::shared_ptr<const ValueTable> table, Stepping stepping)
      : table_(std::move(table)), dense_(stepping == Stepping::dense) {}

  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return doccount_; }
  Xapian::doccount get_termfreq_max() const override { return doccount_; }
  Xapian::docid get_docid() const override { return current_; }
  // Ignore min_wt: ending early is an optimisation the matcher does not need
  // from a source whose every step is a vector index.
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool check(Xapian::docid did, double min_wt) override;
  bool at_end() const override { return current_ >= end_; }

 protected:
  // Starts over on `db`; a subclass's init() calls it.
  void start(const Xapian::Database& db);
  // The table's entry for the current article.
  [[nodiscard]] double entry() const { return table_->values()[current_]; }
  [[nodiscard]] const std::shared_ptr<const ValueTable>& table() const { return table_; }

 private:
  // Moves to `did` (dense), or to the first article at or after `did` whose
  // entry is above 0 (sparse).
  void settle(Xapian::docid did);

  std::shared_ptr<const ValueTable> table_;
  bool dense_;
  Xapian::doccount doccount_ = 0;
  Xapian::docid current_ = 0;
  Xapian::docid end_ = 0;  // one past the last docid the table covers
};

}  // namespace faqsearch::detail
