// TermFrequencies: how many articles have each term, read from the
// database once per query.
//
// The query builder asks whether a term exists, the title clause and the
// boosts' scale ask how common it is, for the same few dozen terms. Each
// Xapian lookup is a B-tree descent, and on an index of 10k articles those
// descents (a pread per block not already under the table's cursor) took
// about a third of a four-word query's time. One lookup per term is enough.
#pragma once

#include <xapian.h>

#include <string>
#include <unordered_map>

namespace faqsearch::detail {

class TermFrequencies {
 public:
  // `db` must outlive this object; one query's lifetime is the intent.
  explicit TermFrequencies(const Xapian::Database& db) : db_(db) {}

  // Xapian's termfreq of `term` (0 if no article has it).
  Xapian::doccount operator()(const std::string& term) {
    auto [it, added] = known_.try_emplace(term, 0);
    if (added) it->second = db_.get_termfreq(term);
    return it->second;
  }

 private:
  const Xapian::Database& db_;
  std::unordered_map<std::string, Xapian::doccount> known_;
};

}  // namespace faqsearch::detail
