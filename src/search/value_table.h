// ValueTable: Xapian docid -> one numeric value slot, for one index revision.
//
// The text-first pass of the searcher needs the recency and popularity values
// of a few dozen articles per query. Read from the value streams each time,
// that is a B-tree descent and a chunk decode per article (tens of
// microseconds per query); read once per revision into memory (8 bytes per
// article and slot, milliseconds per 100k articles), it is a vector lookup.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace faqsearch::detail {

class ValueTable {
 public:
  // Reads `slot` (sortable_serialise()d numbers) of every article of `db` as
  // of its current revision; articles without the value read as 0.
  ValueTable(const Xapian::Database& db, Xapian::valueno slot);

  [[nodiscard]] Xapian::rev revision() const { return revision_; }
  // The database's UUID: a revision number means nothing across databases.
  [[nodiscard]] const std::string& uuid() const { return uuid_; }
  // Indexed by docid.
  [[nodiscard]] const std::vector<double>& values() const { return values_; }

 private:
  Xapian::rev revision_;
  std::string uuid_;
  std::vector<double> values_;
};

}  // namespace faqsearch::detail
