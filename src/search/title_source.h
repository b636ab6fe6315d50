// TitleLengthSource: the title field's length normalisation (see
// detail::title_clause) as a posting source that reads each article's title
// length from memory.
//
// The portable form of the same weights is a ValueMapPostingSource over
// schema::kTitleLengthSlot, which a stock xapian-tcpsrv can evaluate; but it
// reads the value stream for every title match, which made pure BM25 queries
// 1.4-1.7x slower (e2e_bench, 10k articles). On a local database the searcher
// holds the lengths in a per-revision table, and this source looks them up
// there. Both give every article the same weight, bit for bit.
#pragma once

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

#include "search/slot_table.h"

namespace faqsearch::detail {

class TitleLengthSource : public Xapian::PostingSource {
 public:
  // `lengths`: title length per docid (0: no title words, or no article).
  // `weight_by_length[n]`: the weight of an article whose title has n words
  // (the last entry for longer titles). `max_weight`: the bound the source
  // declares to the matcher (see detail::title_weights for why it is not
  // simply the largest entry).
  // REQUIRES: weight_by_length && !weight_by_length->empty(), max_weight >= every entry
  TitleLengthSource(std::shared_ptr<const ValueTable> lengths,
                    std::shared_ptr<const std::vector<double>> weight_by_length, double max_weight);

  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return doccount_; }
  Xapian::doccount get_termfreq_max() const override { return doccount_; }
  double get_weight() const override;
  Xapian::docid get_docid() const override { return current_; }
  // Ignores min_wt: the source is always filtered by a word, whose posting
  // list decides what matches.
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool check(Xapian::docid did, double min_wt) override;
  bool at_end() const override { return current_ >= end_; }
  TitleLengthSource* clone() const override;
  void init(const Xapian::Database& db) override;
  std::string get_description() const override { return "faqsearch::TitleLengthSource"; }

 private:
  // Moves to the first article at or after `did` with a title word.
  void settle(Xapian::docid did);

  std::shared_ptr<const ValueTable> lengths_;
  std::shared_ptr<const std::vector<double>> weight_by_length_;  // shared by a query's clauses and their clones
  double max_weight_;
  Xapian::doccount doccount_ = 0;
  Xapian::docid current_ = 0;
  Xapian::docid end_ = 0;  // one past the last docid the table covers
};

}  // namespace faqsearch::detail
