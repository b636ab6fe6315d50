// IdTable: Xapian docid -> external article id for one index revision.
//
// Fetching a document (or a value) per hit costs microseconds each: more than
// the whole match for a top-100 evaluation run. Reading the id value stream
// once per revision is sequential and cheap (milliseconds per 100k articles),
// after which id-only results cost a vector lookup per hit.
#pragma once

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

namespace faqsearch::detail {

class IdTable {
 public:
  // Reads every id of `db` as of its current revision.
  explicit IdTable(const Xapian::Database& db);

  [[nodiscard]] Xapian::rev revision() const { return revision_; }
  // The database's UUID: a revision number means nothing across databases.
  [[nodiscard]] const std::string& uuid() const { return uuid_; }
  // The id of `docid`, or "" when there is none.
  [[nodiscard]] const std::string& id(Xapian::docid docid) const;

 private:
  Xapian::rev revision_;
  std::string uuid_;
  std::vector<std::string> ids_;  // indexed by docid
};

}  // namespace faqsearch::detail
