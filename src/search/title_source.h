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
#include "search/table_source.h"

namespace faqsearch::detail {

class TitleLengthSource : public TableSource {
 public:
  // `lengths`: title length per docid (0: no title words, or no article).
  // `weight_by_length[n]`: the weight of an article whose title has n words
  // (the last entry for longer titles). `max_weight`: the bound the source
  // declares to the matcher (see detail::title_weights for why it is not
  // simply the largest entry). The source is always filtered by a word,
  // whose posting list decides what matches.
  // REQUIRES: weight_by_length && !weight_by_length->empty(), max_weight >= every entry
  TitleLengthSource(std::shared_ptr<const ValueTable> lengths,
                    std::shared_ptr<const std::vector<double>> weight_by_length, double max_weight);

  double get_weight() const override;
  TitleLengthSource* clone() const override;
  void init(const Xapian::Database& db) override;
  std::string get_description() const override { return "faqsearch::TitleLengthSource"; }

 private:
  std::shared_ptr<const std::vector<double>> weight_by_length_;  // shared by a query's clauses and their clones
  double max_weight_;
};

}  // namespace faqsearch::detail
