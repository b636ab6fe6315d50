// StoredValueSource: a recency or popularity boost (see ranking/boosts.h) as
// a posting source that reads each article's stored value from memory.
//
// The portable form is a ValueWeightPostingSource over the same slot, which a
// stock xapian-tcpsrv can evaluate; but it reads the slot's value stream from
// disk for every text match the matcher weighs, which is why the searcher
// first ranks a pool by text alone (searcher.cpp). On a local database the
// searcher holds the values in a per-revision table, and this source looks
// them up there. It is dense (TableSource): it matches every docid, with
// weight 0 where an article has no value, and the same declared maximum (the
// slot's upper bound). As the optional side of the boosts' AND_MAYBE, which
// is its only use, that adds to each text match what the value stream would.
// (A sparse version lost and mis-scored boosts: see TableSource.)
#pragma once

#include <xapian.h>

#include <memory>
#include <string>

#include "search/slot_table.h"
#include "search/table_source.h"

namespace faqsearch::detail {

class StoredValueSource : public TableSource {
 public:
  // `values`: the decoded values of `slot` per docid (0 where an article has
  // none, or there is no article), read from the database init() is given.
  // The bound declared to the matcher is the slot's upper bound, as
  // ValueWeightPostingSource declares it.
  // REQUIRES: values
  StoredValueSource(std::shared_ptr<const ValueTable> values, Xapian::valueno slot)
      : TableSource(std::move(values), Stepping::dense), slot_(slot) {}

  double get_weight() const override { return entry(); }
  StoredValueSource* clone() const override { return new StoredValueSource(table(), slot_); }
  void init(const Xapian::Database& db) override;
  std::string get_description() const override { return "faqsearch::StoredValueSource"; }

 private:
  Xapian::valueno slot_;
};

}  // namespace faqsearch::detail
