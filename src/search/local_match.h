// match_locally(): scores a query on a local database by itself, every match
// of it, instead of through Xapian's matcher.
//
// Why: faqsearch's queries are many small clauses (each word per field, word
// pairs, coordination, boosts). Xapian's matcher walks them as a tree of
// posting lists, one virtual call per step per node, and its pruning gains
// little on them: their upper bounds are loose, and Xapian 1.4.22 loses
// matches when it prunes some of them (include/faqsearch/ranking.h). Reading
// each clause's postings once, term at a time, and adding the weights up is
// both exact by construction and about twice as fast on these queries
// (bench/README.md, session 13: 2.1x at p50, 2.4-2.6x at p99).
//
// The searcher asks top_locally() (search/local_top.h) for its top k, which
// skips what cannot reach it and comes here for the rest: the shapes it
// does not walk, clauses nested in ways it does not take apart, and the
// exact match count (limit 0).
//
// Only where the database is local: a stock xapian-tcpsrv serving a shard
// evaluates the Xapian form of the same Clause.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <vector>

#include "search/clause.h"
#include "search/term_frequencies.h"

namespace faqsearch::detail {

// Every article's length (Xapian's document length: the sum of its terms'
// wdf) for one revision of one database. BM25 needs it for every posting;
// Xapian's own per-posting lookup is a B-tree cursor move.
class DocLengthTable {
 public:
  explicit DocLengthTable(const Xapian::Database& db);

  [[nodiscard]] Xapian::rev revision() const { return revision_; }
  [[nodiscard]] const std::string& uuid() const { return uuid_; }
  // Indexed by docid; 0 where there is no article.
  [[nodiscard]] const std::vector<Xapian::termcount>& values() const { return lengths_; }

 private:
  Xapian::rev revision_;
  std::string uuid_;
  std::vector<Xapian::termcount> lengths_;
};

// Working memory that match_locally() keeps between calls: a sum per docid,
// a bitmap of the docids summed (cleared after each sum), and a stamp per
// docid (an article counted once per stamp). Allocating them per query
// would cost more than the sums (a page fault per 4 KiB). One per thread: a
// call uses it from start to end.
class LocalScratch {
 public:
  // Grown to cover docids 0..last_docid.
  void cover(Xapian::docid last_docid);
  // A stamp no docid holds yet.
  std::uint32_t next_stamp();

  std::vector<double> sums;
  std::vector<std::uint64_t> seen;
  std::vector<std::uint32_t> stamps;

 private:
  std::uint32_t stamp_ = 0;
};

// What match_locally() reads: the database, its lengths at the same
// revision, and the BM25 parameters of the Xapian::BM25Weight(k1, 0, 1, b,
// 0.5) the searcher gives Xapian's matcher.
struct LocalIndex {
  const Xapian::Database& db;
  const DocLengthTable& lengths;
  double k1 = 1.2;
  double b = 0.75;
  // The query's termfreq memo (of `db`), if the caller keeps one: the
  // query builder has already asked for most of the terms.
  TermFrequencies* frequencies = nullptr;

  // A term's termfreq, through the memo when there is one.
  [[nodiscard]] Xapian::doccount termfreq(const std::string& term) const {
    return frequencies != nullptr ? (*frequencies)(term) : db.get_termfreq(term);
  }
};

struct Scored {
  Xapian::docid docid;
  double weight;
};

// Xapian's order of hits: weight descending, then docid ascending.
inline bool ranks_before(const Scored& a, const Scored& b) {
  return a.weight != b.weight ? a.weight > b.weight : a.docid < b.docid;
}

// Every article `clause` matches, in ascending docid order, with the weight
// Xapian's matcher gives it under that BM25Weight: the same formula and
// collection statistics, so equal up to rounding (a sum may be added in
// another order, about 1e-16 relative).
// REQUIRES: clause.local(); `index.lengths` read from `index.db` as it is now
[[nodiscard]] std::vector<Scored> match_locally(const Clause& clause, const LocalIndex& index, LocalScratch& scratch);

// Throws what match_locally() throws before it reads anything: for a
// Xapian-only part in `clause` (std::logic_error), and for lengths of
// another revision than `index.db`'s (Xapian::DatabaseModifiedError, which
// the searcher's retry answers by reading both afresh). `caller` names the
// function in the message.
void require_local(const Clause& clause, const LocalIndex& index, const char* caller);

// The same for one node of a local clause's tree, its weights scaled by
// `factor` (0: only which articles match). No revision check: for callers
// that made it (top_locally()).
[[nodiscard]] std::vector<Scored> match_node_locally(const Clause::Node& node, double factor, const LocalIndex& index,
                                                     LocalScratch& scratch);

}  // namespace faqsearch::detail
