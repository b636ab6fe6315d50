// TableSource: the stepping half of a posting source that reads a per-docid
// table held in memory (SlotTable) instead of a value stream. It matches the
// articles whose entry is above 0, in docid order; a subclass weighs them.
//
// The searcher holds such tables for a local database, per revision; the
// portable forms of the same sources (Xapian's value-stream posting sources)
// serve shards and remote databases, with the same weights, bit for bit.
#pragma once

#include <xapian.h>

#include <memory>

#include "search/slot_table.h"

namespace faqsearch::detail {

class TableSource : public Xapian::PostingSource {
 public:
  // REQUIRES: table
  explicit TableSource(std::shared_ptr<const ValueTable> table) : table_(std::move(table)) {}

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
  // Moves to the first article at or after `did` whose entry is above 0.
  void settle(Xapian::docid did);

  std::shared_ptr<const ValueTable> table_;
  Xapian::doccount doccount_ = 0;
  Xapian::docid current_ = 0;
  Xapian::docid end_ = 0;  // one past the last docid the table covers
};

}  // namespace faqsearch::detail
